#include "lint/zone_loader.hpp"

#include <ldns/ldns.h>
#include <sys/mman.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "lint/c_ptr.hpp"
#include "lint/file_read.hpp"
#include "lint/rdata_encoder.hpp"
#include "lint/rule.hpp"
#include "lint/strings.hpp"
#include "lint/timings.hpp"

namespace danelint {
namespace {

namespace fs = std::filesystem;

struct Token {
  std::string_view text;  // raw, escapes and quotes kept, as ldns expects them; points into the file text
  uint32_t line = 0;
};

/// One logical entry of a master file: a record or a $-directive, possibly spanning lines.
struct Entry {
  uint32_t first_line = 0, last_line = 0;
  bool owner_blank = false;  // began with white space: the previous owner applies
  std::vector<Token> tokens;
  std::string error;  // a scanning error (unbalanced parenthesis, unterminated string)
  uint32_t error_line = 0;
};

// Numeric RDATA fields that ldns parses with silent wrap-around: (field index, bit width).
struct FieldLimit {
  uint16_t type;
  uint8_t index;
  uint8_t bits;
};
constexpr FieldLimit kFieldLimits[] = {
    {LDNS_RR_TYPE_MX, 0, 16},       {LDNS_RR_TYPE_KX, 0, 16},         {LDNS_RR_TYPE_AFSDB, 0, 16},
    {LDNS_RR_TYPE_RT, 0, 16},       {LDNS_RR_TYPE_SRV, 0, 16},        {LDNS_RR_TYPE_SRV, 1, 16},
    {LDNS_RR_TYPE_SRV, 2, 16},      {LDNS_RR_TYPE_NAPTR, 0, 16},      {LDNS_RR_TYPE_NAPTR, 1, 16},
    {LDNS_RR_TYPE_TLSA, 0, 8},      {LDNS_RR_TYPE_TLSA, 1, 8},        {LDNS_RR_TYPE_TLSA, 2, 8},
    {LDNS_RR_TYPE_SMIMEA, 0, 8},    {LDNS_RR_TYPE_SMIMEA, 1, 8},      {LDNS_RR_TYPE_SMIMEA, 2, 8},
    {LDNS_RR_TYPE_SSHFP, 0, 8},     {LDNS_RR_TYPE_SSHFP, 1, 8},       {LDNS_RR_TYPE_CAA, 0, 8},
    {LDNS_RR_TYPE_DS, 0, 16},       {LDNS_RR_TYPE_DS, 1, 8},          {LDNS_RR_TYPE_DS, 2, 8},
    {LDNS_RR_TYPE_CDS, 0, 16},      {LDNS_RR_TYPE_CDS, 1, 8},         {LDNS_RR_TYPE_CDS, 2, 8},
    {LDNS_RR_TYPE_DNSKEY, 0, 16},   {LDNS_RR_TYPE_DNSKEY, 1, 8},      {LDNS_RR_TYPE_DNSKEY, 2, 8},
    {LDNS_RR_TYPE_CDNSKEY, 0, 16},  {LDNS_RR_TYPE_CDNSKEY, 1, 8},     {LDNS_RR_TYPE_CDNSKEY, 2, 8},
    {LDNS_RR_TYPE_RRSIG, 1, 8},     {LDNS_RR_TYPE_RRSIG, 2, 8},       {LDNS_RR_TYPE_RRSIG, 3, 32},
    {LDNS_RR_TYPE_RRSIG, 6, 16},    {LDNS_RR_TYPE_NSEC3, 0, 8},       {LDNS_RR_TYPE_NSEC3, 1, 8},
    {LDNS_RR_TYPE_NSEC3, 2, 16},    {LDNS_RR_TYPE_NSEC3PARAM, 0, 8},  {LDNS_RR_TYPE_NSEC3PARAM, 1, 8},
    {LDNS_RR_TYPE_NSEC3PARAM, 2, 16}, {LDNS_RR_TYPE_SOA, 2, 32},      {LDNS_RR_TYPE_SOA, 3, 32},
    {LDNS_RR_TYPE_SOA, 4, 32},      {LDNS_RR_TYPE_SOA, 5, 32},        {LDNS_RR_TYPE_SOA, 6, 32},
    {LDNS_RR_TYPE_CERT, 1, 16},     {LDNS_RR_TYPE_URI, 0, 16},        {LDNS_RR_TYPE_URI, 1, 16},
};
/// Each type's entries above (the table lists a type's entries together): a record reads only its own,
/// and most records (A, AAAA, TXT, ...) none. Walking the whole table took ~48 steps per RRSIG record.
struct LimitSpan {
  uint8_t first = 0, count = 0;
};
constexpr auto kLimitsOfType = [] {
  std::array<LimitSpan, 512> spans{};
  for (size_t i = 0; i < std::size(kFieldLimits); ++i) {
    LimitSpan& span = spans[kFieldLimits[i].type];
    if (span.count == 0) span.first = static_cast<uint8_t>(i);
    ++span.count;
  }
  return spans;
}();
static_assert(std::none_of(std::begin(kFieldLimits), std::end(kFieldLimits),
                           [](const FieldLimit& lim) { return lim.type >= kLimitsOfType.size(); }));
static_assert(std::size(kFieldLimits) < 256);
static_assert([] {
  for (size_t i = 0; i < std::size(kFieldLimits); ++i) {
    const LimitSpan span = kLimitsOfType[kFieldLimits[i].type];
    if (i < span.first || i >= size_t{span.first} + span.count) return false;
  }
  return true;
}(), "kFieldLimits lists each type's entries together");

/// A token as shown in a message: control and non-ASCII bytes escaped as \DDD (no terminal escapes
/// and no invalid UTF-8 in JSON from a hostile file), and cut short so that a 10 MB token does not
/// become a 10 MB message.
std::string clip(std::string_view t) {
  constexpr size_t kMax = 64;
  std::string out;
  for (size_t i = 0; i < t.size() && i < kMax; ++i) {
    auto c = static_cast<unsigned char>(t[i]);
    if (c < 0x20 || c >= 0x7f) out += cat('\\', c / 100, (c / 10) % 10, c % 10);
    else out += static_cast<char>(c);
  }
  if (t.size() > kMax) out += cat("... (", t.size(), " characters)");
  return out;
}

// RDATA that ends in a hex field spread over the remaining tokens: (type, index of the field).
struct HexTail {
  uint16_t type;
  uint8_t index;
};
constexpr HexTail kHexTails[] = {{LDNS_RR_TYPE_TLSA, 3}, {LDNS_RR_TYPE_SMIMEA, 3}, {LDNS_RR_TYPE_DS, 3},
                                 {LDNS_RR_TYPE_CDS, 3},  {LDNS_RR_TYPE_SSHFP, 2}};

bool is_class_token(std::string_view t) {
  // Asked of the TTL, class and type tokens of every record: the two-letter classes without a call each.
  if (t.size() == 2) {
    const char a = static_cast<char>(t[0] | 0x20), b = static_cast<char>(t[1] | 0x20);
    return (a == 'i' && b == 'n') || (a == 'c' && b == 'h') || (a == 'h' && b == 's') || (a == 'c' && b == 's');
  }
  return starts_with_icase(t, "CLASS");
}

/// IN, or its generic spelling CLASS1 (RFC 3597 §5; leading zeros read as BIND and ldns read them).
bool is_class_in(std::string_view t) {
  if (equals_icase(t, "IN")) return true;
  if (!starts_with_icase(t, "CLASS")) return false;
  std::string_view digits = t.substr(5);
  while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
  return digits == "1";
}

std::string derive_origin_from_filename(const std::string& path) {
  std::string base = fs::path(path).filename().string();
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view suffix : {".signed", ".zone", ".db", ".txt"}) {
      if (base.size() > suffix.size() && ascii_lower(base.substr(base.size() - suffix.size())) == suffix) {
        base.resize(base.size() - suffix.size());
        changed = true;
      }
    }
  }
  if (starts_with_icase(base, "db.") && base.size() > 3) base = base.substr(3);
  return base;
}

/// Newlines in `s`, and whether it holds a NUL, in one pass: 16 bytes at a time where SSE2 is there
/// (x86-64 always), byte counts summed every 255 blocks before they could wrap.
struct ByteCensus {
  size_t newlines = 0;
  bool nul = false;
};
ByteCensus count_newlines_and_nul(std::string_view s) {
  ByteCensus out;
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n'), zero = _mm_setzero_si128();
  __m128i nul_seen = zero;
  while (i + 16 <= s.size()) {
    __m128i counts = zero;  // per byte lane: newlines in this batch (at most 255)
    for (int block = 0; block < 255 && i + 16 <= s.size(); ++block, i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(v, newline));  // a match is -1
      nul_seen = _mm_or_si128(nul_seen, _mm_cmpeq_epi8(v, zero));
    }
    const __m128i sums = _mm_sad_epu8(counts, zero);  // two 64-bit lane sums
    out.newlines += static_cast<size_t>(_mm_cvtsi128_si64(sums)) +
                    static_cast<size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
  out.nul = _mm_movemask_epi8(nul_seen) != 0;
#endif
  for (; i < s.size(); ++i) {
    out.newlines += s[i] == '\n';
    out.nul = out.nul || s[i] == '\0';
  }
  return out;
}

/// The newlines of a text, counted once on all cores in fixed chunks, and whether it holds a NUL. A
/// split load needs the line number at each cut and the total for its reservations: counted serially,
/// in passes of their own, these came before any part could start.
class LineCensus {
 public:
  LineCensus(std::string_view text, int jobs) : text_(text) {
    constexpr size_t kChunk = size_t{1} << 20;  // the line at any offset is then one short count away
    const size_t chunks = (text.size() + kChunk - 1) / kChunk;
    chunk_ = kChunk;
    before_.assign(chunks + 1, 0);
    std::vector<uint8_t> nul(chunks, 0);
    std::atomic<size_t> next{0};
    auto worker = [&] {
      for (size_t c = next++; c < chunks; c = next++) {
        const ByteCensus piece = count_newlines_and_nul(text.substr(c * kChunk, kChunk));
        before_[c + 1] = piece.newlines;
        nul[c] = piece.nul;
      }
    };
    const size_t threads = std::min<size_t>(static_cast<size_t>(std::max(1, jobs)), chunks / 8 + 1);
    std::vector<std::jthread> pool;  // joined on the way out, also by an exception (see engine.cpp)
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    for (size_t c = 0; c < chunks; ++c) {
      before_[c + 1] += before_[c];
      has_nul_ = has_nul_ || nul[c];
    }
  }
  size_t newlines() const { return before_.back(); }
  bool has_nul() const { return has_nul_; }
  /// Newlines in text[0, offset).
  size_t newlines_before(size_t offset) const {
    const size_t c = offset / chunk_;
    return before_[c] + count_newlines_and_nul(text_.substr(c * chunk_, offset - c * chunk_)).newlines;
  }

 private:
  std::string_view text_;
  size_t chunk_ = 1;
  std::vector<size_t> before_;  ///< newlines before chunk i; the last entry is the total
  bool has_nul_ = false;
};

/// Characters that end an unquoted token (or, for '\\', need a look): the scanner's inner loop.
constexpr auto kTokenStop = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {' ', '\t', '\r', '\n', ';', '(', ')', '"', '\\'}) t[c] = true;
  return t;
}();

class Loader {
 public:
  Loader(ZoneModel& zone, const LoadOptions& opts) : z_(zone), opts_(opts) {}

  void load_top(std::string_view text, const std::string& name, bool from_memory) {
    z_.files.push_back(name);
    std::string provisional = opts_.origin.empty() ? derive_origin_from_filename(name) : opts_.origin;
    if (!provisional.empty() && provisional.back() != '.') provisional += '.';
    auto wire = name_from_text(provisional);
    if (!wire && !opts_.origin.empty()) {
      syntax(0, 0, cat("--origin '", opts_.origin, "' is not a valid domain name"));
    }
    set_origin(wire ? *wire : std::string(1, '\0'));
    initial_origin_ = origin_wire_;
    std::string data;
    MappedFile mapped;
    if (!from_memory) {
      ScopedTiming t("read file");
      if (map_input_file(name, size_t{1} << 20, opts_.max_file_bytes, mapped)) {
        text = mapped.text();
      } else if (read_file(name, 0, 0, data)) {
        text = data;
      } else {
        z_.unreadable = true;
        return;
      }
      real_stack_.push_back(real_path(name));
      release_begin_ = released_ = text.data();
      release_end_ = text.data() + text.size();
    }
    // Room for the whole zone up front: growing by doubling would copy the arena and the records
    // several times and briefly hold both copies. Pages never written are never resident, so a
    // generous estimate costs address space only. Wire form is smaller than text (base64, numbers).
    const LineCensus census = [&] {
      ScopedTiming t("count lines");
      return LineCensus(text, opts_.jobs);
    }();
    reserve_model(census.newlines() + 1, text.size(), text.size());
    {
      ScopedTiming t("scan and encode records");
      if (!parse_in_parallel(text, census)) {
        if (text_given_back_ && !mapped) {
          // The split attempt already gave back pages of the text: read the file again. (A mapped
          // file's pages come back from the page cache by themselves.)
          if (!read_file(name, 0, 0, data)) {
            z_.unreadable = true;
            return;
          }
          text = data;
          release_begin_ = released_ = data.data();
          release_end_ = data.data() + data.size();
          text_given_back_ = false;
        }
        parse_text(text, 0, 0);
      }
    }
    std::string().swap(data);  // the text is no longer needed: free it before the index is built
    finish();
  }

 private:
  ZoneModel& z_;
  const LoadOptions& opts_;
  std::string origin_wire_;
  std::string initial_origin_;  // the origin before the first line (from --origin or the file name)
  LdnsRdf origin_rdf_;
  std::string prev_owner_;  // wire
  static constexpr uint32_t kNoOwner = UINT32_MAX;
  uint32_t prev_owner_id_ = kNoOwner;  // names index of prev_owner_, when interned
  std::string owner_wire_;  // scratch: the owner of the record being read
  // The last owner token converted and its wire under the origin of the time (copies: an $INCLUDEd
  // text is gone once read): records of one name that each spell the owner out skip the conversion.
  std::string owner_token_, owner_token_wire_;
  bool owner_token_known_ = false;
  std::vector<std::string_view> rdata_tokens_;  // scratch: its RDATA tokens
  uint32_t ttl_directive_ = 0;
  bool have_ttl_directive_ = false;
  uint32_t last_ttl_ = 3600;
  bool last_ttl_known_ = true;          // false in a later part of a split load until its first explicit TTL
  std::vector<uint32_t> pending_ttl_;   // records of such a part that took the unknown previous TTL
  std::vector<std::string> real_stack_;
  size_t syntax_count_ = 0;
  size_t unclosed_rescans_ = 0;
  size_t includes_read_ = 0;
  bool include_cap_reported_ = false;
  static constexpr size_t kMaxUnclosedRescans = 16;
  static constexpr size_t kMaxEntryChars = 262144;
  // $INCLUDE fan-out: depth is limited, but 100 includes of a file with 100 includes of ... would
  // still read billions of lines. Bound the total number of included files per zone.
  static constexpr size_t kMaxIncludes = 1024;
  bool first_soa_seen_ = false;
  std::string first_soa_owner_;

  static std::string real_path(const std::string& p) {
    std::error_code ec;
    auto canon = fs::weakly_canonical(p, ec);
    return ec ? p : canon.string();
  }

  void set_origin(std::string wire) {
    origin_wire_ = std::move(wire);
    owner_token_known_ = false;
    origin_rdf_.reset(ldns_rdf_new_frm_data(LDNS_RDF_TYPE_DNAME, origin_wire_.size(), origin_wire_.data()));
  }

  void add_finding(std::string_view rule, uint32_t file, uint32_t line, uint32_t end_line, std::string msg,
                   std::string owner = {}, std::string type = {}) {
    Finding f;
    f.rule = find_rule(rule);
    f.severity = f.rule ? f.rule->info.severity : Severity::Error;
    f.message = std::move(msg);
    f.loc = SourceLoc{z_.files[file], static_cast<int>(line), static_cast<int>(end_line ? end_line : line), 0};
    f.owner = std::move(owner);
    f.type = std::move(type);
    z_.load_findings.push_back(std::move(f));
  }

  void syntax(uint32_t file, uint32_t line, std::string msg, uint32_t end_line = 0, std::string owner = {},
              std::string type = {}) {
    ++syntax_count_;
    if (syntax_count_ > opts_.max_syntax_findings) return;
    if (syntax_count_ == opts_.max_syntax_findings) {
      msg = cat(msg, "; too many syntax errors, further ones are not reported");
    }
    add_finding("zone-syntax", file, line, end_line, std::move(msg), std::move(owner), std::move(type));
  }

  /// Reads a whole file; on failure reports input-unreadable at (file, line) of the referrer.
  bool read_file(const std::string& path, uint32_t ref_file, uint32_t ref_line, std::string& out) {
    // Bounded: a FIFO without a writer, /dev/zero or a huge file must not hang or exhaust memory.
    std::string why = read_input_file(path, opts_.max_file_bytes, out);
    if (why.empty()) return true;
    add_finding("input-unreadable", ref_file, ref_line, 0, cat("cannot read ", clip(path), ": ", why));
    return false;
  }

  // ---- scanning ----

  /// Scans `text` from `pos` into one entry. Returns false at end of text.
  bool next_entry(std::string_view text, size_t& pos, uint32_t& line, uint32_t file, Entry& e) {
    // Reset in place: the token vector keeps its capacity from one record to the next.
    e.first_line = e.last_line = e.error_line = 0;
    e.owner_blank = false;
    e.tokens.clear();
    e.error.clear();
    int depth = 0;
    uint32_t open_line = 0;
    size_t open_pos = 0;
    bool tokens_on_line = false;
    bool at_line_start = true;
    size_t entry_chars = 0;
    while (pos < text.size()) {
      char c = text[pos];
      if (at_line_start) {
        at_line_start = false;
        if (depth == 0 && e.tokens.empty() && (c == ' ' || c == '\t')) e.owner_blank = true;
      }
      if (c == '\n') {
        ++line;
        ++pos;
        tokens_on_line = false;
        at_line_start = true;
        if (depth == 0) {
          if (!e.tokens.empty() || !e.error.empty()) return true;
          e.owner_blank = false;
        }
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        do ++pos;
        while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\r'));
        continue;
      }
      if (c == ';') {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view comment = trim(text.substr(pos + 1, end - pos - 1));
        if (starts_with_icase(comment, "danelint:")) {
          z_.directives.push_back(Directive{file, line, !tokens_on_line && depth == 0 && e.tokens.empty(),
                                            std::string(trim(comment.substr(9)))});
        }
        pos = end;
        continue;
      }
      if (e.first_line == 0) e.first_line = line;
      e.last_line = line;
      if (c == '(') {
        if (depth == 0) {
          open_line = line;
          open_pos = pos;
        }
        ++depth;
        ++pos;
        continue;
      }
      if (c == ')') {
        if (depth == 0) {
          if (e.error.empty()) {
            e.error = "unbalanced ')' with no '(' before it";
            e.error_line = line;
          }
        } else {
          --depth;
        }
        ++pos;
        continue;
      }
      Token t;
      t.line = line;
      if (c == '"') {
        size_t i = pos + 1;
        bool closed = false;
        while (i < text.size()) {
          if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
            i += 2;
            continue;
          }
          if (text[i] == '"') {
            closed = true;
            break;
          }
          if (text[i] == '\n') break;
          ++i;
        }
        if (!closed) {
          if (e.error.empty()) {
            e.error = "unterminated quoted string";
            e.error_line = line;
          }
          pos = i;  // resume at the newline
          continue;
        }
        t.text = text.substr(pos, i + 1 - pos);
        pos = i + 1;
      } else {
        size_t i = pos;
        const size_t n = text.size();
        for (;;) {
          while (i < n && !kTokenStop[static_cast<unsigned char>(text[i])]) ++i;
          if (i < n && text[i] == '\\') {
            // An escape takes the next character along, unless that is the end of the line.
            i += (i + 1 < n && text[i + 1] != '\n') ? 2 : 1;
            continue;
          }
          break;
        }
        t.text = text.substr(pos, i - pos);
        pos = i;
      }
      tokens_on_line = true;
      // Memory stays proportional to the input: a 10 MB line of one-letter tokens would otherwise
      // cost 40 bytes per token. No valid record comes near this size.
      entry_chars += t.text.size() + 1;
      if (entry_chars > kMaxEntryChars) {
        if (e.error.empty()) {
          e.error = cat("record of more than ", kMaxEntryChars, " characters is longer than any valid record");
          e.error_line = e.first_line;
        }
        e.tokens.clear();
        e.tokens.shrink_to_fit();
        // Outside parentheses the rest of the line belongs to this broken record: skip it at once.
        if (depth == 0) {
          size_t nl = text.find('\n', pos);
          pos = nl == std::string_view::npos ? text.size() : nl;
        }
        continue;
      }
      e.tokens.push_back(std::move(t));
    }
    if (depth > 0) {
      // Unclosed parenthesis: report it and rescan from the line after the '(' so that the
      // records that follow are still read.
      e.error = cat("unbalanced '(' opened here is never closed");
      e.error_line = open_line;
      e.tokens.clear();
      // Each rescan reads to the end of the text again; a file of many unclosed '(' would make
      // that quadratic, so after a few the rest of the file is given up.
      if (++unclosed_rescans_ > kMaxUnclosedRescans) {
        e.error += "; too many unclosed parentheses, the rest of the file is not read";
        pos = text.size();
        return true;
      }
      size_t nl = text.find('\n', open_pos);
      pos = nl == std::string_view::npos ? text.size() : nl + 1;
      line = open_line + 1;
      return true;
    }
    return !e.tokens.empty() || !e.error.empty();
  }

  // ---- giving back the text as it is read ----
  //
  // Tokens point into the text only while their record is read, so the pages of the file's buffer
  // behind the record being read can go back to the kernel: peak memory is then the zone model plus a
  // window of text, not the model plus the whole file (a 119 MB file for a 100k-name RSA zone).
  const char* release_begin_ = nullptr;  // the top file's buffer, when this loader owns it
  const char* release_end_ = nullptr;
  const char* released_ = nullptr;       // pages before this were given back
  bool text_given_back_ = false;
  bool* given_back_flag_ = &text_given_back_;  // the parts of a split load report to the top loader

  /// Room for `lines` records and `bytes` of text's RDATA (wire form is smaller than text), with huge
  /// pages when the whole input is large enough for them to pay (kHugePageInputBytes); below that, the
  /// two arrays are populated a stretch ahead of the writes instead (populate_ahead).
  void reserve_model(size_t lines, size_t bytes, size_t input_bytes) {
    z_.records.reserve(lines + 16);
    z_.rdata_arena.reserve(bytes + 1024);
    populate_ahead_ = input_bytes < kHugePageInputBytes;
    if (populate_ahead_) return;
    advise_huge_pages(z_.records.data(), z_.records.capacity() * sizeof(Record));
    advise_huge_pages(z_.rdata_arena.data(), z_.rdata_arena.capacity());
  }

  // ---- populating the model's arrays ahead of the writes (inputs below the huge-page line) ----
  //
  // One call per 128 KB instead of a fault per 4 KB page, and never more than 128 KB ahead of what
  // is written, so peak memory stays what it was.
  bool populate_ahead_ = false;
  size_t records_ready_ = 0, rdata_ready_ = 0;  // bytes from the start of each array already populated

  template <class T>
  static void populate_ahead(const std::vector<T>& v, size_t& ready, size_t need) {
    constexpr size_t kStretch = size_t{128} << 10;
    const size_t cap = v.capacity() * sizeof(T);
    if (need <= ready || ready >= cap) return;
    const size_t end = std::min(cap, std::max(need, ready + kStretch));
    populate_pages(reinterpret_cast<const char*>(v.data()) + ready, end - ready);
    ready = end;
  }

  /// Gives the whole pages inside [p, p + n) back to the kernel (their contents are not needed again).
  static void release_pages(const void* p, size_t n) {
    constexpr uintptr_t kPage = 4096;
    uintptr_t b = (reinterpret_cast<uintptr_t>(p) + kPage - 1) & ~(kPage - 1);
    uintptr_t e = (reinterpret_cast<uintptr_t>(p) + n) & ~(kPage - 1);
    if (e > b) madvise(reinterpret_cast<void*>(b), e - b, MADV_DONTNEED);  // advice: failure only costs memory
  }

  void release_read_text(const char* consumed) {
    constexpr size_t kStep = size_t{2} << 20;
    if (!released_ || consumed < released_ || consumed > release_end_ || consumed - released_ < static_cast<ptrdiff_t>(kStep))
      return;
    release_pages(released_, static_cast<size_t>(consumed - released_));
    released_ = consumed;
    *given_back_flag_ = true;
  }

  // ---- split loading ----
  //
  // A large file is cut at line starts that begin a new record (an owner in column 1) and the parts
  // are read by threads, each into its own model, then appended in order. What a part needs from the
  // text before it ($ORIGIN and $TTL) is found by a quick look at the lines that start with '$'; the
  // previous explicit TTL is filled in at the merge. The cut is speculative: if any part meets
  // anything unusual (a syntax error, an unclosed parenthesis running over a cut, $INCLUDE, a
  // directive state that differs from the one guessed), the whole text is read again in one piece, so
  // the result is always the one the serial reader gives.

  struct PartState {
    std::string origin;
    bool have_ttl = false;
    uint32_t ttl = 0;
    bool operator==(const PartState&) const = default;
  };

  /// Cut points: offsets of line starts near i * size / parts that begin with an owner name.
  static std::vector<size_t> cut_points(std::string_view text, size_t parts) {
    std::vector<size_t> cuts;
    for (size_t i = 1; i < parts; ++i) {
      size_t pos = text.find('\n', text.size() * i / parts);
      size_t limit = std::min(text.size(), text.size() * i / parts + (size_t{1} << 20));
      while (pos != std::string_view::npos && pos + 1 < limit) {
        char c = text[pos + 1];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ';' && c != '$' && c != '(' && c != ')' && c != '"')
          break;
        pos = text.find('\n', pos + 1);
      }
      if (pos == std::string_view::npos || pos + 1 >= limit) return {};
      if (!cuts.empty() && pos + 1 <= cuts.back()) return {};
      cuts.push_back(pos + 1);
    }
    return cuts;
  }

  /// The $ORIGIN/$TTL state after the directives of `text` (a guess: checked after the parts are read).
  static bool guess_state(std::string_view text, PartState& st) {
    // '$' is rare in zone data: look for it (memchr) rather than at every line start.
    for (size_t b = text.find('$'); b != std::string_view::npos; b = text.find('$', b + 1)) {
      if (b > 0 && text[b - 1] != '\n') continue;
      size_t e = text.find_first_of(";\n", b);
      std::string_view line = text.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
      std::vector<std::string_view> words;
      for (size_t i = 0; i < line.size();) {
        size_t j = line.find_first_of(" \t\r", i);
        if (j == std::string_view::npos) j = line.size();
        if (j > i) words.push_back(line.substr(i, j - i));
        i = j + 1;
      }
      if (words.size() != 2) return false;
      if (equals_icase(words[0], "$ORIGIN")) {
        auto wire = name_from_text(words[1], st.origin);
        if (!wire) return false;
        st.origin = *wire;
      } else if (equals_icase(words[0], "$TTL")) {
        uint64_t ttl = 0;
        if (!parse_zone_ttl(words[1], ttl) || ttl > 0x7fffffff) return false;
        st.have_ttl = true;
        st.ttl = static_cast<uint32_t>(ttl);
      } else {
        return false;  // $INCLUDE or anything else: read serially
      }
    }
    return true;
  }

  bool parse_in_parallel(std::string_view text, const LineCensus& census) {
    const size_t total_lines = census.newlines() + 1;
    size_t parts = std::min<size_t>(static_cast<size_t>(std::max(1, opts_.jobs)), 8);
    parts = std::min(parts, text.size() / std::max<size_t>(1, opts_.parallel_min_bytes));
    if (parts < 2 || !z_.load_findings.empty() || census.has_nul() || text.starts_with("\xEF\xBB\xBF")) return false;
    std::vector<size_t> cuts = cut_points(text, parts);
    if (cuts.empty()) return false;
    cuts.insert(cuts.begin(), 0);
    cuts.push_back(text.size());
    parts = cuts.size() - 1;

    // Each part's start line and guessed directive state.
    std::vector<uint32_t> first_line(parts, 1);
    std::vector<PartState> start(parts);
    start[0] = PartState{origin_wire_, have_ttl_directive_, ttl_directive_};
    for (size_t k = 1; k < parts; ++k) {
      std::string_view prev = text.substr(cuts[k - 1], cuts[k] - cuts[k - 1]);
      first_line[k] = 1 + static_cast<uint32_t>(census.newlines_before(cuts[k]));
      start[k] = start[k - 1];
      if (!guess_state(prev, start[k])) return false;
    }

    std::vector<std::unique_ptr<ZoneModel>> models(parts);
    std::vector<std::unique_ptr<Loader>> loaders(parts);
    for (size_t k = 1; k < parts; ++k) {
      models[k] = std::make_unique<ZoneModel>();
      models[k]->files = z_.files;
      loaders[k] = std::make_unique<Loader>(*models[k], opts_);
      Loader& l = *loaders[k];
      l.set_origin(start[k].origin);
      l.have_ttl_directive_ = start[k].have_ttl;
      l.ttl_directive_ = start[k].ttl;
      l.last_ttl_known_ = false;
      l.real_stack_ = real_stack_;
      if (released_) {
        l.release_begin_ = text.data() + cuts[k];
        l.released_ = text.data() + cuts[k];
        l.release_end_ = release_end_;
        l.given_back_flag_ = &text_given_back_;
      }
      size_t bytes = cuts[k + 1] - cuts[k];
      l.reserve_model(total_lines * bytes / text.size(), bytes, text.size());
    }
    std::vector<std::jthread> threads;  // joined on the way out, also by an exception (see engine.cpp)
    for (size_t k = 1; k < parts; ++k)
      threads.emplace_back([&, k] { loaders[k]->parse_text(text.substr(cuts[k], cuts[k + 1] - cuts[k]), 0, 0, first_line[k]); });
    parse_text(text.substr(0, cuts[1]), 0, 0);
    for (auto& t : threads) t.join();

    // Check the guesses: no finding anywhere, no included file, and each part started in the state
    // the part before it ended in.
    auto state_of = [](const Loader& l) { return PartState{l.origin_wire_, l.have_ttl_directive_, l.ttl_directive_}; };
    bool ok = z_.load_findings.empty() && z_.files.size() == 1;
    for (size_t k = 1; k < parts && ok; ++k) {
      const Loader& before = k == 1 ? *this : *loaders[k - 1];
      ok = models[k]->load_findings.empty() && models[k]->files.size() == 1 && state_of(before) == start[k];
    }
    if (!ok) return reset_after_failed_split();

    // Append the parts in order. Names are interned in file order, so ids match the serial reader's.
    ScopedTiming merge_time("merge the parts");
    for (size_t k = 1; k < parts; ++k) {
      ZoneModel& m = *models[k];
      Loader& l = *loaders[k];
      std::vector<uint32_t> ids = z_.absorb_names(m);
      z_.rdata_parts.push_back(std::move(m.rdata_arena));
      const uint64_t part = uint64_t{z_.rdata_parts.size()} << 48;
      size_t record_base = z_.records.size();
      // Copy in slices and give each copied slice's pages back at once, so that the part's records
      // and their copy are never both resident (Record is trivial: nothing reads the old slots again).
      constexpr size_t kSlice = (size_t{4} << 20) / sizeof(Record);
      for (size_t b = 0; b < m.records.size(); b += kSlice) {
        size_t e = std::min(m.records.size(), b + kSlice);
        if (populate_ahead_) populate_ahead(z_.records, records_ready_, (z_.records.size() + (e - b)) * sizeof(Record));
        for (size_t i = b; i < e; ++i) {
          Record r = m.records[i];
          r.owner = ids[r.owner];
          r.rdata_off |= part;
          z_.records.push_back(r);
        }
        release_pages(m.records.data() + b, (e - b) * sizeof(Record));
      }
      for (uint32_t i : l.pending_ttl_) z_.records[record_base + i].ttl = last_ttl_;
      if (l.last_ttl_known_) last_ttl_ = l.last_ttl_;
      for (Directive& d : m.directives) z_.directives.push_back(std::move(d));
      if (!first_soa_seen_ && l.first_soa_seen_) {
        first_soa_seen_ = true;
        first_soa_owner_ = l.first_soa_owner_;
      }
      set_origin(l.origin_wire_);
      have_ttl_directive_ = l.have_ttl_directive_;
      ttl_directive_ = l.ttl_directive_;
      models[k].reset();  // free each part as soon as it is appended
    }
    return true;
  }

  /// Forgets what the parts read, so that the caller reads the whole text again in one piece.
  bool reset_after_failed_split() {
    z_.records.clear();
    z_.rdata_arena.clear();
    z_.rdata_parts.clear();
    z_.directives.clear();
    z_.load_findings.clear();
    z_.files.resize(1);
    z_.clear_names();
    prev_owner_.clear();
    prev_owner_id_ = kNoOwner;
    last_ttl_ = 3600;
    last_ttl_known_ = true;
    have_ttl_directive_ = false;
    ttl_directive_ = 0;
    syntax_count_ = unclosed_rescans_ = includes_read_ = 0;
    include_cap_reported_ = first_soa_seen_ = false;
    first_soa_owner_.clear();
    set_origin(initial_origin_);
    return false;
  }

  void parse_text(std::string_view text, uint32_t file, int depth, uint32_t first_line = 1) {
    if (text.starts_with("\xEF\xBB\xBF")) {
      // Editors on Windows add it; ldns would read it as part of the first owner name.
      syntax(file, 1, "UTF-8 byte order mark at the start of the file; save it without one");
      text.remove_prefix(3);
    }
    if (text.find('\0') != std::string_view::npos) {
      // Binary data: count lines up to the first NUL for a precise location, then stop this file.
      std::string_view head = text.substr(0, text.find('\0'));
      uint32_t nul_line = 1 + static_cast<uint32_t>(std::count(head.begin(), head.end(), '\n'));
      syntax(file, nul_line, "NUL byte in zone file: not a text master file");
      text = head.substr(0, head.rfind('\n') == std::string_view::npos ? 0 : head.rfind('\n') + 1);
    }
    size_t pos = 0;
    uint32_t line = first_line;
    Entry e;
    while (release_read_text(text.data() + pos), next_entry(text, pos, line, file, e)) {
      if (!e.error.empty()) {
        syntax(file, e.error_line, e.error);
        continue;
      }
      if (e.tokens.empty()) continue;
      if (!e.owner_blank && !e.tokens[0].text.empty() && e.tokens[0].text[0] == '$') {
        directive(e, file, depth);
      } else {
        record(e, file);
      }
    }
  }

  void directive(const Entry& e, uint32_t file, int depth) {
    std::string_view kw = e.tokens[0].text;
    if (equals_icase(kw, "$ORIGIN")) {
      if (e.tokens.size() != 2) return syntax(file, e.first_line, "$ORIGIN takes exactly one domain name");
      auto wire = name_from_text(e.tokens[1].text, origin_wire_);
      if (!wire) return syntax(file, e.first_line, cat("$ORIGIN '", clip(e.tokens[1].text), "' is not a valid domain name"));
      set_origin(*wire);
    } else if (equals_icase(kw, "$TTL")) {
      uint64_t ttl = 0;
      if (e.tokens.size() != 2) return syntax(file, e.first_line, "$TTL takes exactly one value");
      if (!parse_zone_ttl(e.tokens[1].text, ttl) || ttl > 0x7fffffff)
        return syntax(file, e.first_line, cat("$TTL '", clip(e.tokens[1].text), "' is not a TTL from 0 to 2147483647 (RFC 2181 §8)"));
      ttl_directive_ = static_cast<uint32_t>(ttl);
      have_ttl_directive_ = true;
    } else if (equals_icase(kw, "$INCLUDE")) {
      include(e, file, depth);
    } else {
      syntax(file, e.first_line, cat("unsupported directive ", clip(kw)));
    }
  }

  void include(const Entry& e, uint32_t file, int depth) {
    if (e.tokens.size() < 2 || e.tokens.size() > 3)
      return syntax(file, e.first_line, "$INCLUDE takes a file name and an optional origin");
    std::string target(e.tokens[1].text);
    if (target.size() >= 2 && target.front() == '"' && target.back() == '"') target = target.substr(1, target.size() - 2);
    fs::path p(target);
    if (p.is_relative()) p = fs::path(z_.files[file]).parent_path() / p;
    std::string path = p.lexically_normal().string();
    if (depth + 1 > opts_.max_include_depth)
      return add_finding("input-unreadable", file, e.first_line, 0,
                         cat("cannot read ", clip(path), ": $INCLUDE nested deeper than ", opts_.max_include_depth, " levels"));
    if (includes_read_ >= kMaxIncludes) {
      if (include_cap_reported_) return;  // said once; do not flood the output
      include_cap_reported_ = true;
      return add_finding("input-unreadable", file, e.first_line, 0,
                         cat("cannot read ", clip(path), ": more than ", kMaxIncludes,
                             " $INCLUDE files in one zone; further ones are not read"));
    }
    std::string real = real_path(path);
    for (const std::string& r : real_stack_)
      if (r == real)
        return add_finding("input-unreadable", file, e.first_line, 0, cat("cannot read ", clip(path), ": $INCLUDE loop"));
    std::string saved_origin = origin_wire_;
    std::string saved_prev = prev_owner_;
    if (e.tokens.size() == 3) {
      auto wire = name_from_text(e.tokens[2].text, origin_wire_);
      if (!wire) return syntax(file, e.first_line, cat("$INCLUDE origin '", clip(e.tokens[2].text), "' is not a valid domain name"));
      set_origin(*wire);
    }
    std::string data;
    ++includes_read_;
    if (read_file(path, file, e.first_line, data)) {
      z_.files.push_back(path);
      uint32_t child = static_cast<uint32_t>(z_.files.size() - 1);
      real_stack_.push_back(real);
      parse_text(data, child, depth + 1);
      real_stack_.pop_back();
    }
    // RFC 1035 §5.1: an included file does not change the origin of the including one.
    set_origin(saved_origin);
    prev_owner_ = saved_prev;
    prev_owner_id_ = kNoOwner;
  }

  void record(const Entry& e, uint32_t file) {
    size_t i = 0;
    if (e.owner_blank) {
      if (prev_owner_.empty()) return syntax(file, e.first_line, "record has no owner and no previous owner", e.last_line);
      owner_wire_ = prev_owner_;
    } else {
      const std::string_view token = e.tokens[0].text;
      if (owner_token_known_ && token == owner_token_) {
        owner_wire_ = owner_token_wire_;
      } else {
        if (!name_from_text(token, origin_wire_, owner_wire_))
          return syntax(file, e.first_line, cat("owner '", clip(token), "' is not a valid domain name (labels up to 63 octets, names up to 255)"), e.last_line);
        owner_token_.assign(token);
        owner_token_wire_ = owner_wire_;
        owner_token_known_ = true;
      }
      i = 1;
    }
    // Only messages and the ldns fallback need the owner as text.
    auto owner_text = [&] { return name_to_text(owner_wire_); };
    // Up to two of TTL and class, in either order, then the type.
    bool explicit_ttl = false, plain_ttl = true;
    uint64_t ttl = 0;
    for (int k = 0; k < 2 && i < e.tokens.size(); ++k) {
      std::string_view t = e.tokens[i].text;
      if (!t.empty() && isdigit(static_cast<unsigned char>(t[0])) && !explicit_ttl) {
        if (!parse_zone_ttl(t, ttl) || ttl > 0x7fffffff)
          return syntax(file, e.tokens[i].line, cat("TTL '", clip(t), "' is out of range 0 to 2147483647 (RFC 2181 §8)"),
                        e.last_line, owner_text());
        plain_ttl = t.find_first_not_of("0123456789") == std::string_view::npos;
        explicit_ttl = true;
        ++i;
      } else if (is_class_token(t)) {
        if (!is_class_in(t))
          return syntax(file, e.tokens[i].line, cat("class ", clip(t), " is not IN"), e.last_line, owner_text());
        ++i;
      } else {
        break;
      }
    }
    if (i >= e.tokens.size()) return syntax(file, e.first_line, "record has no type", e.last_line, owner_text());
    std::string_view type_tok = e.tokens[i].text;
    // Every mnemonic ldns knows and every TYPEnnn up to 65535. Never ldns_get_rr_type_by_name on what
    // this refuses: it reads TYPEnnn with atoi, so TYPE12abc was PTR and TYPE65536 wrapped to 0.
    const auto type = static_cast<ldns_rr_type>(rr_type_by_name_fast(type_tok));
    if (type == 0)
      return syntax(file, e.tokens[i].line,
                    starts_with_icase(type_tok, "TYPE")
                        ? cat("record type '", clip(type_tok), "' is not TYPE and a number from 1 to 65535 (RFC 3597 §5)")
                        : cat("unknown record type '", clip(type_tok), "'"),
                    e.last_line, owner_text());
    size_t rdata_start = i + 1;
    // Reject numbers that ldns would wrap silently (TLSA usage 256 becomes 0, MX 65536 becomes 0).
    if (type < kLimitsOfType.size()) {
      const LimitSpan span = kLimitsOfType[type];
      for (const FieldLimit& lim : std::span(kFieldLimits).subspan(span.first, span.count)) {
        if (rdata_start + lim.index >= e.tokens.size()) continue;
        const Token& tok = e.tokens[rdata_start + lim.index];
        uint64_t v = 0;
        bool digits = !tok.text.empty() && tok.text.find_first_not_of("0123456789") == std::string::npos;
        if (!digits) continue;
        uint64_t max = lim.bits == 32 ? 0xffffffffull : (1ull << lim.bits) - 1;
        if (!parse_u64(tok.text, v) || v > max)
          return syntax(file, tok.line, cat(type_name(type), " field ", lim.index + 1, " value ", clip(tok.text),
                                             " is out of range 0 to ", max),
                        e.last_line, owner_text(), type_name(type));
      }
    }
    uint32_t default_ttl = have_ttl_directive_ ? ttl_directive_ : last_ttl_;
    // A part of a split load that has not yet seen an explicit TTL does not know the previous one:
    // the merge fills it in (see parse_in_parallel).
    const bool ttl_unknown = !explicit_ttl && !have_ttl_directive_ && !last_ttl_known_;
    Record r;
    r.type = static_cast<uint16_t>(type);
    r.rrclass = 1;  // IN: any other class was refused above
    r.ttl = explicit_ttl ? static_cast<uint32_t>(ttl) : default_ttl;
    r.file = static_cast<uint16_t>(file);
    r.line = e.first_line;
    r.end_line = e.last_line;
    r.rdata_off = z_.rdata_arena.size();
    if (populate_ahead_) {
      populate_ahead(z_.rdata_arena, rdata_ready_, z_.rdata_arena.size() + 1);
      populate_ahead(z_.records, records_ready_, (z_.records.size() + 1) * sizeof(Record));
    }
    // The common types are encoded directly (exact against ldns: tests/test_rdata_encoder.cpp and the
    // rdata_encoder fuzz target); anything else, or anything unusual, goes through ldns as before.
    rdata_tokens_.clear();
    for (size_t k = rdata_start; k < e.tokens.size(); ++k) rdata_tokens_.push_back(e.tokens[k].text);
    bool fast = plain_ttl && encode_rdata_fast(r.type, rdata_tokens_, origin_wire_, z_.rdata_arena);
    if (!fast) {
      // ldns 1.8.3 takes an odd number of hex digits ("0C7") without complaint and pads the last
      // nibble: that is a typo or a cut-off paste, never intended data. (The fast encoder declines an
      // odd count itself, so only a declined record needs the look.)
      for (const HexTail& h : kHexTails) {
        if (h.type != type || rdata_start + h.index >= e.tokens.size() || e.tokens[rdata_start].text == "\\#") continue;
        size_t digits = 0;
        bool all_hex = true;
        for (size_t k = rdata_start + h.index; k < e.tokens.size(); ++k) {
          all_hex = all_hex && all_hex_digits(e.tokens[k].text);
          digits += e.tokens[k].text.size();
        }
        if (all_hex && digits % 2 != 0)
          return syntax(file, e.tokens[rdata_start + h.index].line,
                        cat(type_name(type), " data has an odd number of hex digits (", digits, ")"), e.last_line,
                        owner_text(), type_name(type));
      }
      std::string text = owner_text();
      size_t total = text.size();
      for (size_t k = (e.owner_blank ? 0 : 1); k < e.tokens.size(); ++k) total += e.tokens[k].text.size() + 1;
      if (total > 200000)
        return syntax(file, e.first_line, cat("record of ", total, " characters is longer than any valid record"),
                      e.last_line, owner_text(), type_name(type));
      text.reserve(total);
      for (size_t k = (e.owner_blank ? 0 : 1); k < e.tokens.size(); ++k) {
        text += ' ';
        text += e.tokens[k].text;
      }
      ldns_rr* raw = nullptr;
      ldns_rdf* prev = nullptr;
      ldns_status st = ldns_rr_new_frm_str(&raw, text.c_str(), default_ttl, origin_rdf_.get(), &prev);
      LdnsRr rr(raw);
      if (prev) ldns_rdf_deep_free(prev);
      if (st != LDNS_STATUS_OK || !rr) {
        return syntax(file, e.first_line, cat(type_name(type), " record does not parse: ", ldns_get_errorstr_by_id(st)),
                      e.last_line, owner_text(), type_name(type));
      }
      r.type = static_cast<uint16_t>(ldns_rr_get_type(rr.get()));  // TYPEnnn spellings
      r.rrclass = static_cast<uint16_t>(ldns_rr_get_class(rr.get()));
      // $TTL 0 means 0 (RFC 2308 §4); ldns would substitute 3600 for a zero default.
      r.ttl = explicit_ttl ? ldns_rr_ttl(rr.get()) : default_ttl;
      for (size_t k = 0; k < ldns_rr_rd_count(rr.get()); ++k) {
        const ldns_rdf* f = ldns_rr_rdf(rr.get(), k);
        const uint8_t* d = ldns_rdf_data(f);
        z_.rdata_arena.insert(z_.rdata_arena.end(), d, d + ldns_rdf_size(f));
      }
    }
    const size_t rdata_len = z_.rdata_arena.size() - r.rdata_off;
    r.rdata_len = static_cast<uint16_t>(rdata_len);
    if (rdata_len > 65535) {
      z_.rdata_arena.resize(r.rdata_off);
      return syntax(file, e.first_line, "RDATA longer than 65535 octets", e.last_line, owner_text(), type_name(type));
    }
    if (explicit_ttl) last_ttl_ = r.ttl, last_ttl_known_ = true;
    // Consecutive records of one owner (the usual layout, written out or left blank) skip the name lookup.
    if (prev_owner_id_ == kNoOwner || prev_owner_ != owner_wire_) {
      prev_owner_id_ = z_.intern(owner_wire_);
      prev_owner_ = owner_wire_;
    }
    r.owner = prev_owner_id_;
    if (r.type == LDNS_RR_TYPE_SOA && !first_soa_seen_) {
      first_soa_seen_ = true;
      first_soa_owner_ = ascii_lower(owner_wire_);
    }
    if (ttl_unknown) pending_ttl_.push_back(static_cast<uint32_t>(z_.records.size()));
    z_.records.push_back(r);
  }

  void finish() {
    // An empty zone file is almost always a truncated write or a wrong path in a pipeline.
    if (z_.records.empty() && syntax_count_ == 0 && z_.load_findings.empty())
      syntax(0, 0, "zone file holds no records");
    if (!opts_.origin.empty()) {
      z_.origin_wire = ascii_lower(origin_wire_initial());
      z_.origin_source = "--origin";
    } else if (first_soa_seen_) {
      z_.origin_wire = first_soa_owner_;
      z_.origin_source = "SOA";
    } else {
      z_.origin_wire = ascii_lower(origin_wire_initial());
      z_.origin_source = "file name";
    }
    ScopedTiming t("build index (canonical order, RRsets, zone cuts)");
    z_.build_index(opts_.jobs);
  }

  std::string origin_wire_initial() const {
    std::string provisional = opts_.origin.empty() ? derive_origin_from_filename(z_.files[0]) : opts_.origin;
    if (!provisional.empty() && provisional.back() != '.') provisional += '.';
    auto w = name_from_text(provisional);
    return w ? *w : std::string(1, '\0');
  }
};

}  // namespace

bool parse_zone_ttl(std::string_view s, uint64_t& seconds) {
  if (s.empty()) return false;
  uint64_t total = 0, cur = 0;
  bool have_digits = false, any_unit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      cur = cur * 10 + static_cast<uint64_t>(c - '0');
      if (cur > 0xffffffffull) return false;
      have_digits = true;
      continue;
    }
    uint64_t mult = 0;
    switch (c | 0x20) {
      case 's': mult = 1; break;
      case 'm': mult = 60; break;
      case 'h': mult = 3600; break;
      case 'd': mult = 86400; break;
      case 'w': mult = 604800; break;
      default: return false;
    }
    if (!have_digits) return false;
    total += cur * mult;
    if (total > 0xffffffffull) return false;
    cur = 0;
    have_digits = false;
    any_unit = true;
  }
  if (have_digits) total += cur;
  else if (!any_unit) return false;
  if (total > 0xffffffffull) return false;
  seconds = total;
  return true;
}

std::unique_ptr<ZoneModel> load_zone_file(const std::string& path, const LoadOptions& opts) {
  auto zone = std::make_unique<ZoneModel>();
  ScopedTiming t(cat("load ", path));
  Loader(*zone, opts).load_top({}, path, false);
  if (zone->unreadable) zone->origin_wire = std::string(1, '\0');
  return zone;
}

std::unique_ptr<ZoneModel> load_zone_text(std::string_view text, const std::string& display_name,
                                          const LoadOptions& opts) {
  auto zone = std::make_unique<ZoneModel>();
  Loader(*zone, opts).load_top(text, display_name, true);
  return zone;
}

}  // namespace danelint
