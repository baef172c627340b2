#include "lint/timeutil.hpp"

#include "lint/strings.hpp"

namespace danelint {

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

static void civil_from_days(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

static bool digits(std::string_view s, size_t pos, size_t n, unsigned& out) {
  if (pos + n > s.size()) return false;
  unsigned v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + static_cast<unsigned>(s[i] - '0');
  }
  out = v;
  return true;
}

static bool valid_civil(unsigned y, unsigned mo, unsigned d, unsigned h, unsigned mi, unsigned s) {
  static constexpr unsigned kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] || h > 23 || mi > 59 || s > 60) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(mo == 2 && d == 29 && !leap);
}

std::optional<int64_t> parse_time(std::string_view s) {
  s = trim(s);
  unsigned y, mo, d, h, mi, sec;
  if (s.size() == 14 && digits(s, 0, 4, y) && digits(s, 4, 2, mo) && digits(s, 6, 2, d) && digits(s, 8, 2, h) &&
      digits(s, 10, 2, mi) && digits(s, 12, 2, sec)) {
    if (!valid_civil(y, mo, d, h, mi, sec)) return std::nullopt;
    return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
  }
  if (s.size() >= 19 && digits(s, 0, 4, y) && s[4] == '-' && digits(s, 5, 2, mo) && s[7] == '-' &&
      digits(s, 8, 2, d) && (s[10] == 'T' || s[10] == 't' || s[10] == ' ') && digits(s, 11, 2, h) && s[13] == ':' &&
      digits(s, 14, 2, mi) && s[16] == ':' && digits(s, 17, 2, sec)) {
    if (!valid_civil(y, mo, d, h, mi, sec)) return std::nullopt;
    size_t i = 19;
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    }
    int64_t offset = 0;
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
      ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      unsigned oh, om;
      if (!digits(s, i + 1, 2, oh) || i + 3 >= s.size() || s[i + 3] != ':' || !digits(s, i + 4, 2, om))
        return std::nullopt;
      offset = (s[i] == '+' ? 1 : -1) * static_cast<int64_t>(oh * 3600 + om * 60);
      i += 6;
    } else {
      return std::nullopt;  // RFC 3339 requires an offset
    }
    if (i != s.size()) return std::nullopt;
    return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offset;
  }
  uint64_t epoch = 0;
  if (parse_u64(s, epoch) && epoch < (1ull << 40)) return static_cast<int64_t>(epoch);
  return std::nullopt;
}

std::optional<int64_t> parse_duration(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  if (s[0] == 'P' || s[0] == 'p') {
    // ISO 8601: PnW, PnD, PTnHnMnS, combinations of days and time.
    int64_t total = 0;
    bool in_time = false, any = false;
    uint64_t cur = 0;
    bool have = false;
    for (size_t i = 1; i < s.size(); ++i) {
      char c = s[i];
      if (c >= '0' && c <= '9') {
        cur = cur * 10 + static_cast<uint64_t>(c - '0');
        if (cur > (1ull << 40)) return std::nullopt;
        have = true;
        continue;
      }
      if (c == 'T' || c == 't') {
        if (have || in_time) return std::nullopt;
        in_time = true;
        continue;
      }
      if (!have) return std::nullopt;
      int64_t mult = 0;
      switch (c) {
        case 'W': case 'w': mult = in_time ? 0 : 604800; break;
        case 'D': case 'd': mult = in_time ? 0 : 86400; break;
        case 'H': case 'h': mult = in_time ? 3600 : 0; break;
        case 'M': case 'm': mult = in_time ? 60 : 0; break;
        case 'S': case 's': mult = in_time ? 1 : 0; break;
        default: return std::nullopt;
      }
      if (mult == 0) return std::nullopt;
      total += static_cast<int64_t>(cur) * mult;
      cur = 0;
      have = false;
      any = true;
    }
    if (have || !any) return std::nullopt;
    return total;
  }
  uint64_t v = 0;
  if (parse_u64(s, v)) return static_cast<int64_t>(v);
  char unit = s.back();
  if (!parse_u64(s.substr(0, s.size() - 1), v) || v > (1ull << 40)) return std::nullopt;
  switch (unit) {
    case 's': return static_cast<int64_t>(v);
    case 'm': return static_cast<int64_t>(v) * 60;
    case 'h': return static_cast<int64_t>(v) * 3600;
    case 'd': return static_cast<int64_t>(v) * 86400;
    case 'w': return static_cast<int64_t>(v) * 604800;
    default: return std::nullopt;
  }
}

std::string format_time(int64_t t) {
  int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
  int64_t secs = t - days * 86400;
  int64_t y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[96];
  snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast<long long>(y), m, d,
           static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
           static_cast<long long>(secs % 60));
  return buf;
}

std::string format_duration(int64_t s) {
  if (s < 0) s = -s;
  if (s >= 86400) {
    int64_t d = s / 86400, h = s % 86400 / 3600;
    return h ? cat(d, "d ", h, "h") : cat(d, "d");
  }
  if (s >= 3600) {
    int64_t h = s / 3600, m = s % 3600 / 60;
    return m ? cat(h, "h ", m, "m") : cat(h, "h");
  }
  if (s >= 60) return cat(s / 60, "m");
  return cat(s, "s");
}

int64_t serial_to_time(uint32_t serial, int64_t now) {
  int32_t delta = static_cast<int32_t>(serial - static_cast<uint32_t>(now));
  return now + delta;
}

}  // namespace danelint
