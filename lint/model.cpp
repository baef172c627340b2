#include "lint/model.hpp"

#include <ldns/ldns.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <thread>
#include <tuple>
#include <utility>

#include "lint/file_read.hpp"
#include "lint/strings.hpp"
#include "lint/timings.hpp"

namespace danelint {

int DnsName::label_count() const {
  int n = 0;
  for (size_t i = 0; i < wire.size() && wire[i] != 0; i += static_cast<unsigned char>(wire[i]) + 1) ++n;
  return n;
}

namespace {
/// How name_to_text writes each octet: as itself, behind a backslash, or as \DDD.
enum : uint8_t { kPlain, kEscaped, kDecimal };
constexpr auto kOctetForm = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = c <= 0x20 || c >= 0x7f ? kDecimal : kPlain;
  for (unsigned char c : std::string_view(".;\\()\"@$")) t[c] = kEscaped;
  return t;
}();
}  // namespace

std::string name_to_text(std::string_view wire) {
  // Label by label, stopping at the root or where the wire is cut short, into a buffer on the stack that
  // goes into the string at once: findings name owners in their messages, tens of thousands of times
  // on a large zone, and appending octet by octet cost a capacity check and a terminator each.
  std::string out;
  char buf[512];
  size_t n = 0;
  auto room = [&](size_t need) {
    if (n + need <= sizeof buf) return;
    out.append(buf, n);
    n = 0;
  };
  size_t at = 0;
  for (std::string_view label = label_at(wire, at); !label.empty(); at += 1 + label.size(), label = label_at(wire, at)) {
    for (unsigned char c : label) {
      room(4);
      switch (kOctetForm[c]) {
        case kPlain: buf[n++] = static_cast<char>(c); break;
        case kEscaped: buf[n++] = '\\', buf[n++] = static_cast<char>(c); break;
        default:
          buf[n++] = '\\';
          buf[n++] = static_cast<char>('0' + c / 100);
          buf[n++] = static_cast<char>('0' + c / 10 % 10);
          buf[n++] = static_cast<char>('0' + c % 10);
      }
    }
    room(1);
    buf[n++] = '.';
  }
  if (out.empty() && n == 0) return ".";
  out.append(buf, n);
  return out;
}

bool name_from_text(std::string_view text, std::string_view origin_wire, std::string& out) {
  if (text == "@") return out.assign(origin_wire), true;
  if (text == ".") return out.assign(1, '\0'), true;
  // The labels go straight into a buffer the size of the longest name, each behind a length octet
  // filled in at its end, and the result is one copy of it into `out`, whose capacity the loader
  // reuses from record to record: it converts every owner it reads (a string per label and appends
  // per octet were ~400 instructions a name). Past 255 octets the name is invalid however it goes
  // on, so the walk stops there.
  char wire[256];
  size_t n = 1, label_at = 0, label_len = 0;  // wire[label_at] is the current label's length octet
  bool absolute = false;
  auto put = [&](char c) {
    if (n == sizeof wire) return false;
    wire[n++] = c;
    ++label_len;
    return true;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\') {
      if (i + 3 < text.size() && isdigit(static_cast<unsigned char>(text[i + 1])) &&
          isdigit(static_cast<unsigned char>(text[i + 2])) && isdigit(static_cast<unsigned char>(text[i + 3]))) {
        const int v = (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
        if (v > 255 || !put(static_cast<char>(v))) return false;
        i += 3;
      } else if (i + 1 < text.size()) {
        if (!put(text[++i])) return false;
      } else {
        return false;
      }
    } else if (c == '.') {
      if (label_len == 0 || label_len > 63) return false;
      wire[label_at] = static_cast<char>(label_len);
      if (i + 1 == text.size()) {
        absolute = true;
      } else {
        if (n == sizeof wire) return false;
        label_at = n++;
        label_len = 0;
      }
    } else if (!put(c)) {
      return false;
    }
  }
  if (!absolute) {
    if (label_len > 63) return false;
    if (label_len > 0) wire[label_at] = static_cast<char>(label_len);
    else n = label_at;  // no text after the last dot (only when the text is empty)
    if (origin_wire.empty() || n + origin_wire.size() > 255) return false;
    out.assign(wire, n);
    out += origin_wire;
    return true;
  }
  if (n + 1 > 255) return false;
  out.assign(wire, n);
  out += '\0';
  return true;
}

std::optional<std::string> name_from_text(std::string_view text, std::string_view origin_wire) {
  std::string out;
  if (!name_from_text(text, origin_wire, out)) return std::nullopt;
  return out;
}

namespace {
/// The offset of each label's length octet, leftmost first, up to the root or where the wire is cut short;
/// returns the count. A wire name of 255 octets has at most 127 labels.
size_t label_offsets(std::string_view w, uint16_t (&out)[128]) {
  size_t n = 0, at = 0;
  for (std::string_view label = label_at(w, at); !label.empty() && n < 128; at += 1 + label.size(), label = label_at(w, at))
    out[n++] = static_cast<uint16_t>(at);
  return n;
}
}  // namespace

int canonical_compare(std::string_view a, std::string_view b) {
  // Compare label by label from the rightmost (RFC 4034 §6.1). Label offsets go on the stack: this
  // runs inside sorts of every owner name of the zone, where a heap allocation per call showed.
  uint16_t oa[128], ob[128];  // a wire name of 255 octets has at most 127 labels
  size_t ia = label_offsets(a, oa), ib = label_offsets(b, ob);
  while (ia > 0 && ib > 0) {
    --ia, --ib;
    std::string_view x = a.substr(oa[ia] + 1u, static_cast<unsigned char>(a[oa[ia]]));
    std::string_view y = b.substr(ob[ib] + 1u, static_cast<unsigned char>(b[ob[ib]]));
    int c = x.compare(y);
    if (c != 0) return c < 0 ? -1 : 1;
  }
  if (ia == ib) return 0;
  return ia == 0 ? -1 : 1;
}

bool is_subdomain(std::string_view name, std::string_view ancestor) {
  if (ancestor.size() > name.size()) return false;
  if (name.substr(name.size() - ancestor.size()) != ancestor) return false;
  // The suffix must start at a label boundary.
  size_t want = name.size() - ancestor.size();
  size_t i = 0;
  while (i < want) i += static_cast<unsigned char>(name[i]) + 1;
  return i == want;
}

std::string type_name(uint16_t type) {
  const ldns_rr_descriptor* d = ldns_rr_descript(type);
  if (d && d->_name && type != 0) return d->_name;
  return cat("TYPE", type);
}

uint64_t ZoneModel::name_hash(std::string_view canonical) {
  // Eight octets per step, each folded in by a 64x64->128-bit multiply whose halves are xored (both the
  // slot index, low bits, and the tag, high bits, depend on every octet). FNV-1a took one octet per
  // multiply: a load hashes every owner name and rules hash the names they look up.
  __extension__ typedef unsigned __int128 u128;  // GCC's; -Wpedantic accepts it marked so
  auto fold = [](uint64_t a, uint64_t b) {
    const u128 m = static_cast<u128>(a) * b;
    return static_cast<uint64_t>(m) ^ static_cast<uint64_t>(m >> 64);
  };
  const char* p = canonical.data();
  size_t n = canonical.size();
  uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = fold(h ^ w, 0xbf58476d1ce4e5b9ull);
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);  // the last 0-7 octets, in the low end (the hash only lives in this process)
  return fold(h ^ tail, 0x94d049bb133111ebull);
}

namespace {
/// n copies of `value`, the pages populated in one call before the fill: filled whole at once, they
/// would otherwise fault one 4 KB page at a time (see populate_pages).
template <class T>
std::vector<T> filled(size_t n, const T& value = T{}) {
  std::vector<T> v;
  v.reserve(n);
  populate_pages(v.data(), n * sizeof(T));
  v.resize(n, value);
  return v;
}
}  // namespace

std::optional<uint32_t> ZoneModel::lookup(std::string_view canonical, uint64_t h) const {
  if (name_slots_.empty()) return std::nullopt;
  size_t mask = name_slots_.size() - 1;
  const uint64_t tag = slot_tag(h);
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const uint64_t slot = name_slots_[i];
    if (slot == 0) return std::nullopt;
    const uint32_t id = static_cast<uint32_t>(slot) - 1;
    if ((slot & ~uint64_t{0xffffffff}) == tag && names[id].canonical == canonical) return id;
  }
}

void ZoneModel::grow_slots(size_t room_for) {
  size_t size = std::max<size_t>(1024, name_slots_.size() * 2);
  while (room_for * 2 > size) size *= 2;
  std::vector<uint64_t> slots = filled<uint64_t>(size);
  size_t mask = slots.size() - 1;
  for (uint32_t id = 0; id < names.size(); ++id) {
    size_t i = name_hashes_[id] & mask;
    while (slots[i]) i = (i + 1) & mask;
    slots[i] = slot_tag(name_hashes_[id]) | (id + 1);
  }
  name_slots_ = std::move(slots);
}

void ZoneModel::add_slot(uint32_t id) {
  if (names.size() * 2 > name_slots_.size()) {
    grow_slots();  // load factor at most 1/2; the new name is placed by the rebuild
    return;
  }
  size_t mask = name_slots_.size() - 1, i = name_hashes_[id] & mask;
  while (name_slots_[i]) i = (i + 1) & mask;
  name_slots_[i] = slot_tag(name_hashes_[id]) | (id + 1);
}

std::string_view ZoneModel::store_name_bytes(std::string_view bytes) {
  if (bytes.size() > chunk_left_) {
    constexpr size_t kChunk = 64 * 1024;  // names are at most 255 octets
    const size_t size = std::max(kChunk, bytes.size());
    name_chunks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    chunk_pos_ = name_chunks_.back().get();
    chunk_left_ = size;
  }
  std::copy(bytes.begin(), bytes.end(), chunk_pos_);
  std::string_view stored(chunk_pos_, bytes.size());
  chunk_pos_ += bytes.size();
  chunk_left_ -= bytes.size();
  return stored;
}

uint32_t ZoneModel::intern(std::string_view wire) {
  char buf[256];
  std::string canon_heap;
  std::string_view canon;
  if (wire.size() <= sizeof buf) {
    ascii_lower_copy(wire.data(), wire.size(), buf);
    canon = std::string_view(buf, wire.size());
  } else {
    canon_heap = ascii_lower(wire);
    canon = canon_heap;
  }
  uint64_t h = name_hash(canon);
  if (auto id = lookup(canon, h)) return *id;
  const std::string_view stored_wire = store_name_bytes(wire);
  names.push_back(DnsName{stored_wire, canon == wire ? stored_wire : store_name_bytes(canon)});
  name_hashes_.push_back(h);
  uint32_t id = static_cast<uint32_t>(names.size() - 1);
  add_slot(id);
  return id;
}

std::vector<uint32_t> ZoneModel::absorb_names(ZoneModel& other) {
  std::vector<uint32_t> ids = filled<uint32_t>(other.names.size());
  // Room for both sets of names first, so that the table does not move mid-way and the slot of a
  // name some way ahead can be fetched while this one is placed (hashes are known: no need to hash
  // again). Each slot is otherwise a cache miss in a serial phase.
  const size_t both = names.size() + other.names.size();
  if (both * 2 > name_slots_.size()) grow_slots(both);
  name_hashes_.reserve(both);
  const size_t mask = name_slots_.size() - 1;
  constexpr uint32_t kAhead = 16;
  for (uint32_t k = 0; k < other.names.size(); ++k) {
    if (k + kAhead < other.names.size()) __builtin_prefetch(&name_slots_[other.name_hashes_[k + kAhead] & mask]);
    DnsName& n = other.names[k];
    uint64_t h = other.name_hashes_[k];
    if (auto id = lookup(n.canonical, h)) {
      ids[k] = *id;
      continue;
    }
    names.push_back(n);  // its bytes stay in other's chunks, which move here below
    name_hashes_.push_back(h);
    uint32_t id = static_cast<uint32_t>(names.size() - 1);
    add_slot(id);
    ids[k] = id;
  }
  for (auto& chunk : other.name_chunks_) name_chunks_.push_back(std::move(chunk));
  other.name_chunks_.clear();
  other.chunk_pos_ = nullptr;
  other.chunk_left_ = 0;
  return ids;
}

void ZoneModel::clear_names() {
  names.clear();
  name_chunks_.clear();
  chunk_pos_ = nullptr;
  chunk_left_ = 0;
  name_hashes_.clear();
  name_slots_.clear();
}

std::optional<uint32_t> ZoneModel::find_name(std::string_view canonical_wire) const {
  return lookup(canonical_wire, name_hash(canonical_wire));
}

SourceLoc ZoneModel::loc(const Record& r) const {
  return SourceLoc{files[r.file], static_cast<int>(r.line), static_cast<int>(r.end_line), 0};
}

namespace {
/// Sorts [b, e) by the 64-bit `head` member, stably, through `scratch` (as long as the range): one
/// counting pass for every octet, then a scatter pass for each octet position where the heads differ.
template <class E>
void radix_sort_by_head(E* b, E* e, E* scratch) {
  const size_t n = static_cast<size_t>(e - b);
  if (n < 2) return;
  std::vector<uint32_t> counts(8 * 256);
  for (const E* p = b; p != e; ++p)
    for (int k = 0; k < 8; ++k) ++counts[static_cast<size_t>(k) * 256 + ((p->head >> (8 * k)) & 0xff)];
  E* from = b;
  E* to = scratch;
  for (int k = 0; k < 8; ++k) {  // least significant octet first
    uint32_t* c = counts.data() + static_cast<size_t>(k) * 256;
    if (c[(from->head >> (8 * k)) & 0xff] == n) continue;  // every head has this octet: nothing to do
    uint32_t sum = 0;
    for (int v = 0; v < 256; ++v) sum += std::exchange(c[v], sum);  // counts -> first place of each value
    for (const E* p = from; p != from + n; ++p) to[c[(p->head >> (8 * k)) & 0xff]++] = *p;
    std::swap(from, to);
  }
  if (from != b) std::copy(from, from + n, b);
}
}  // namespace

void ZoneModel::build_index(int jobs) {
  std::optional<ScopedTiming> step(std::in_place, "index: names in canonical order");
  ordered_names_ = filled<uint32_t>(names.size());
  for (uint32_t i = 0; i < names.size(); ++i) ordered_names_[i] = i;
  auto name_less = [&](uint32_t a, uint32_t b) { return canonical_compare(names[a].canonical, names[b].canonical) < 0; };
  // Signers write names in canonical order (NSEC3 owners aside): check before sorting.
  if (!std::is_sorted(ordered_names_.begin(), ordered_names_.end(), name_less)) {
    // dnssec-signzone, for one, does not write in canonical order. Think of each name as a key that
    // compares as a plain octet string in canonical order: its labels right to left, each ended by 0x00,
    // with 0x00 and 0x01 in a label escaped as 0x01 0x01 and 0x01 0x02 (order-preserving and
    // prefix-free). Every key starts with the labels that all names share (the zone's own, as a rule);
    // the 8 octets after them decide most comparisons, so they are held beside the id, and only equal
    // octets compare the names themselves. Splitting both names into labels at every comparison, or
    // comparing keys kept in strings (a cache miss each), was most of the sort.
    ScopedTiming t("index: names were not in canonical order: sort");
    const uint32_t n = static_cast<uint32_t>(names.size());
    std::string_view shared = names[0].canonical;  // the labels every name ends with
    for (uint32_t id = 1; id < n && shared.size() > 1; ++id)
      while (!is_subdomain(names[id].canonical, shared)) shared.remove_prefix(static_cast<unsigned char>(shared[0]) + 1u);
    struct Entry {
      uint64_t head;  // the key's octets after the shared labels, first 8, big-endian, zero-padded
      uint32_t id;
    };
    std::vector<Entry> entries = filled<Entry>(n);  // 1.6 MB at 100k names: 4 KB faults one by one otherwise
    // The key's octets [skip, skip + 8) as a big-endian number, zero-padded past the key's end. After a
    // label's closing 0x00 the next octet is never 0x00, so the padding orders a name before the names
    // below it, as canonical order does.
    auto key_chunk = [&](std::string_view w, size_t skip) {
      w.remove_suffix(shared.size());  // the labels left of the shared ones
      uint16_t offs[128];
      size_t labels = label_offsets(w, offs);
      uint64_t head = 0;
      int room = 8;
      auto put = [&](unsigned char c) {
        if (skip > 0) return void(--skip);
        head = head << 8 | c, --room;
      };
      while (labels > 0 && room > 0) {
        const size_t o = offs[--labels];
        for (size_t i = o + 1; i <= o + static_cast<unsigned char>(w[o]) && room > 0; ++i) {
          const unsigned char c = static_cast<unsigned char>(w[i]);
          if (c > 1) {
            put(c);
          } else {
            put(1);
            if (room > 0) put(static_cast<unsigned char>(c + 1));
          }
        }
        if (room > 0) put(0);
      }
      return room == 8 ? 0 : head << (8 * room);  // (a shift by 64 would be undefined)
    };
    auto entry_less = [&](const Entry& a, const Entry& b) {
      if (a.head != b.head) return a.head < b.head;
      return canonical_compare(names[a.id].canonical, names[b.id].canonical) < 0;
    };
    // The ids are cut into one range per thread; each thread sorts its range, and the sorted ranges
    // are merged. Names are interned by canonical form, so no two compare equal and the order is the
    // same for any number of threads.
    const unsigned ranges = n >= 65536 ? static_cast<unsigned>(std::clamp(jobs, 1, 8)) : 1;
    std::vector<uint32_t> first(ranges + 1);
    for (unsigned r = 0; r <= ranges; ++r) first[r] = static_cast<uint32_t>(uint64_t{n} * r / ranges);
    // Each range is sorted by head with a radix sort (stable, a pass per octet in which the heads
    // differ), then each run of equal heads by the names. std::sort's comparisons were half the sort.
    std::vector<Entry> scratch = filled<Entry>(n);
    auto sort_range = [&](unsigned r) {
      Entry* const b = entries.data() + first[r];
      Entry* const e = entries.data() + first[r + 1];
      for (uint32_t id = first[r]; id < first[r + 1]; ++id) entries[id] = Entry{key_chunk(names[id].canonical, 0), id};
      radix_sort_by_head(b, e, scratch.data() + first[r]);
      // Names that share their first 8 key octets (mail1234 and _25._tcp.mail12345 both start with
      // "mail1234") are ordered by the next 8, and so on, comparing numbers; past 32 octets, or for a
      // run of two, by the names themselves. Comparing the names of such runs was a tenth of the run's
      // instructions at 100k names.
      auto refine = [&](auto& self, Entry* rb, Entry* re, size_t skip) -> void {
        for (Entry* run = rb; run != re;) {
          Entry* end = run + 1;
          while (end != re && end->head == run->head) ++end;
          if (end - run == 2) {
            if (entry_less(run[1], run[0])) std::swap(run[0], run[1]);
          } else if (end - run > 2 && skip >= 32) {
            std::sort(run, end, entry_less);
          } else if (end - run > 2) {
            const uint64_t shared_head = run->head;  // put back after: the merge below compares heads
            for (Entry* x = run; x != end; ++x) x->head = key_chunk(names[x->id].canonical, skip);
            std::sort(run, end, [](const Entry& x, const Entry& y) { return x.head < y.head; });
            self(self, run, end, skip + 8);
            for (Entry* x = run; x != end; ++x) x->head = shared_head;
          }
          run = end;
        }
      };
      refine(refine, b, e, 8);
    };
    std::vector<std::jthread> threads;  // joined on the way out, also by an exception (see engine.cpp)
    for (unsigned r = 1; r < ranges; ++r) threads.emplace_back(sort_range, r);
    sort_range(0);
    for (auto& th : threads) th.join();
    for (unsigned r = 1; r < ranges; ++r)
      std::inplace_merge(entries.begin(), entries.begin() + first[r], entries.begin() + first[r + 1], entry_less);
    for (uint32_t i = 0; i < n; ++i) ordered_names_[i] = entries[i].id;
  }
  std::vector<uint32_t> rank = filled<uint32_t>(names.size());
  for (uint32_t i = 0; i < ordered_names_.size(); ++i) rank[ordered_names_[i]] = i;

  // The zone cuts need only the names in order and which names own NS or DNAME: on a large zone they are
  // worked out on a second thread while this one orders the records into RRsets (2 ms each at 100k
  // names, both serial before).
  auto cuts = [this] {
    ScopedTiming t("index: zone cuts");
    std::vector<uint8_t> ns_or_dname = filled<uint8_t>(names.size());
    for (const Record& r : records)
      if (r.type == 2 /*NS*/) ns_or_dname[r.owner] |= kHasNs;
      else if (r.type == 39 /*DNAME*/) ns_or_dname[r.owner] |= kHasDname;
    compute_cuts(ns_or_dname);
  };
  std::jthread cuts_thread;
  if (jobs > 1 && names.size() >= 65536) cuts_thread = std::jthread(cuts);
  step.emplace("index: records in RRset order");
  std::vector<uint32_t> order = filled<uint32_t>(records.size());
  auto record_less = [&](uint32_t a, uint32_t b) {
    const Record &ra = records[a], &rb = records[b];
    if (ra.owner != rb.owner) return rank[ra.owner] < rank[rb.owner];
    if (ra.type != rb.type) return ra.type < rb.type;
    return ra.rrclass < rb.rrclass;
  };
  // Records are bucketed by their owner's rank (a counting sort: linear, and stable, so each owner's
  // records stay in file order), then each owner's few records are sorted by type and class.
  {
    std::vector<uint32_t> start = filled<uint32_t>(names.size() + 1);
    for (const Record& r : records) ++start[rank[r.owner] + 1];
    for (size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
    for (uint32_t i = 0; i < records.size(); ++i) order[start[rank[records[i].owner]]++] = i;
  }
  for (size_t k = 0; k < order.size();) {
    size_t e = k + 1;
    while (e < order.size() && records[order[e]].owner == records[order[k]].owner) ++e;
    // Insertion sort: stable, and an owner has a handful of records (std::stable_sort would
    // allocate a buffer per owner). A large owner (a hostile or huge RRset) gets the real sort.
    if (e - k > 32) {
      std::stable_sort(order.begin() + static_cast<std::ptrdiff_t>(k), order.begin() + static_cast<std::ptrdiff_t>(e), record_less);
      k = e;
      continue;
    }
    for (size_t i = k + 1; i < e; ++i) {
      uint32_t v = order[i];
      size_t j = i;
      for (; j > k && record_less(v, order[j - 1]); --j) order[j] = order[j - 1];
      order[j] = v;
    }
    k = e;
  }
  step.emplace("index: RRsets");
  rrsets_.clear();
  rrsets_.reserve(records.size() + 16);  // at most one per record; untouched room costs no memory
  rrset_records_ = std::move(order);
  const uint32_t* base = rrset_records_.data();
  for (size_t k = 0; k < rrset_records_.size();) {
    const Record& r = records[rrset_records_[k]];
    size_t e = k + 1;
    while (e < rrset_records_.size()) {
      const Record& n = records[rrset_records_[e]];
      if (n.owner != r.owner || n.type != r.type || n.rrclass != r.rrclass) break;
      ++e;
    }
    rrsets_.push_back(RRset{r.owner, r.type, r.rrclass, std::span<const uint32_t>(base + k, e - k)});
    k = e;
  }
  owner_slices_ = filled<std::pair<uint32_t, uint32_t>>(names.size());
  for (uint32_t i = 0; i < rrsets_.size();) {
    uint32_t j = i;
    while (j < rrsets_.size() && rrsets_[j].owner == rrsets_[i].owner) ++j;
    owner_slices_[rrsets_[i].owner] = {i, j};
    i = j;
  }
  step.reset();
  if (cuts_thread.joinable()) cuts_thread.join();
  else cuts();
  occlude_below_apex_dname();  // reads the RRsets
}

std::optional<uint32_t> ZoneModel::apex() const { return find_name(origin_wire); }

bool ZoneModel::only_nsec3(uint32_t name) const {
  auto sets = rrsets_at(name);
  if (sets.empty() || !find_rrset(name, 50 /*NSEC3*/)) return false;
  for (const RRset& s : sets)
    if (s.type != 50 && s.type != 46 /*RRSIG*/) return false;
  return true;
}

void ZoneModel::compute_cuts(const std::vector<uint8_t>& ns_or_dname) {
  flags_ = filled<uint8_t>(names.size());
  // In canonical order a name's subtree follows it, so the owners above the current name are a stack
  // (looking each ancestor up instead cost 95 ms for 3600 names 118 labels deep). Each entry carries
  // what the names below it inherit: a cut or DNAME at it or above, up to but not at the apex.
  struct Above {
    uint32_t id;
    std::string_view canon;
    uint8_t below;
  };
  std::vector<Above> path;
  closest_ancestor_ = filled<uint32_t>(names.size(), kNoName);
  for (uint32_t id : ordered_names_) {
    const std::string_view canon = names[id].canonical;
    if (!is_subdomain(canon, origin_wire)) {
      flags_[id] |= kOutOfZone;
      continue;
    }
    const bool delegation = canon != origin_wire && (ns_or_dname[id] & kHasNs);
    if (delegation) flags_[id] |= kDelegation;
    while (!path.empty() && !(path.back().canon.size() < canon.size() && is_subdomain(canon, path.back().canon)))
      path.pop_back();
    const uint8_t inherited = path.empty() ? 0 : path.back().below;
    flags_[id] |= inherited;
    if (!path.empty()) closest_ancestor_[id] = path.back().id;
    uint8_t below = inherited;
    if (canon != origin_wire) {
      if (delegation) below |= kBelowCut;
      if (ns_or_dname[id] & kHasDname) below |= kBelowDname;
    }
    path.push_back({id, canon, below});
  }
}

void ZoneModel::occlude_below_apex_dname() {
  // A DNAME at the apex still occludes the names below it (RFC 6672 §2.4), but not the zone's own
  // NSEC3 records: their hashed owners are meta-data of the zone, never reached by name lookup
  // (RFC 5155 §7.1; a DNAME-at-apex zone signed with NSEC3 is valid).
  auto apex_id = apex();
  if (!apex_id || !find_rrset(*apex_id, 39 /*DNAME*/)) return;
  for (uint32_t id = 0; id < names.size(); ++id)
    if (!(flags_[id] & kOutOfZone) && names[id].canonical != origin_wire && !only_nsec3(id)) flags_[id] |= kBelowDname;
}

std::span<const RRset> ZoneModel::rrsets_at(uint32_t owner) const {
  if (owner >= owner_slices_.size()) return {};
  auto [b, e] = owner_slices_[owner];
  return std::span<const RRset>(rrsets_).subspan(b, e - b);
}

const RRset* ZoneModel::find_rrset(uint32_t owner, uint16_t type) const {
  // build_index sorts an owner's records by type, then class: the first RRset of the type (lowest class) by
  // binary search, as a name with thousands of types would make a scan per RRSIG quadratic.
  auto sets = rrsets_at(owner);
  auto it = std::lower_bound(sets.begin(), sets.end(), type, [](const RRset& s, uint16_t t) { return s.type < t; });
  return it != sets.end() && it->type == type ? &*it : nullptr;
}

namespace {
/// The indices of `items` whose type is `type`, kept in `model`'s memo (as "<what> <type>") for its lifetime.
template <class Item>
std::span<const uint32_t> indices_of_type(const ZoneModel& model, const std::vector<Item>& items, uint16_t type,
                                          std::string_view what) {
  auto list = model.memo(cat(what, ' ', type), [&] {
    auto out = std::make_shared<std::vector<uint32_t>>();
    for (uint32_t i = 0; i < items.size(); ++i)
      if (items[i].type == type) out->push_back(i);
    return std::shared_ptr<const void>(std::move(out));
  });
  return *std::static_pointer_cast<const std::vector<uint32_t>>(list);  // the memo keeps it alive
}
}  // namespace

std::span<const uint32_t> ZoneModel::records_of_type(uint16_t type) const {
  return indices_of_type(*this, records, type, "records of type");
}

std::span<const uint32_t> ZoneModel::rrsets_of_type(uint16_t type) const {
  return indices_of_type(*this, rrsets_, type, "RRsets of type");
}

bool ZoneModel::is_signed() const {
  auto apex = find_name(origin_wire);
  if (!apex || !find_rrset(*apex, LDNS_RR_TYPE_DNSKEY)) return false;
  return std::any_of(records.begin(), records.end(), [](const Record& r) { return r.type == LDNS_RR_TYPE_RRSIG; });
}

std::shared_ptr<const void> ZoneModel::memo(std::string_view key,
                                            const std::function<std::shared_ptr<const void>()>& make) const {
  return memo_->get(key, make);
}

// ---- RDATA views ----

static uint16_t get16(const uint8_t* p) { return static_cast<uint16_t>(p[0] << 8 | p[1]); }
static uint32_t get32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) << 24 | static_cast<uint32_t>(p[1]) << 16 | static_cast<uint32_t>(p[2]) << 8 | p[3];
}

std::optional<TlsaView> decode_tlsa(std::span<const uint8_t> rd) {
  if (rd.size() < 3) return std::nullopt;
  return TlsaView{rd[0], rd[1], rd[2], rd.subspan(3)};
}

std::strong_ordering association_order(const TlsaView& a, const TlsaView& b) {
  if (auto c = std::tie(a.selector, a.matching_type) <=> std::tie(b.selector, b.matching_type); c != 0) return c;
  return std::lexicographical_compare_three_way(a.data.begin(), a.data.end(), b.data.begin(), b.data.end());
}

std::optional<RrsigView> decode_rrsig(std::span<const uint8_t> rd) {
  if (rd.size() < 19) return std::nullopt;
  RrsigView v;
  v.type_covered = get16(rd.data());
  v.algorithm = rd[2];
  v.labels = rd[3];
  v.original_ttl = get32(rd.data() + 4);
  v.expiration = get32(rd.data() + 8);
  v.inception = get32(rd.data() + 12);
  v.key_tag = get16(rd.data() + 16);
  size_t i = 18;
  while (i < rd.size() && rd[i] != 0) i += rd[i] + 1u;
  if (i >= rd.size()) return std::nullopt;
  ++i;  // the root label
  v.signer_wire = std::string_view(reinterpret_cast<const char*>(rd.data()) + 18, i - 18);
  v.header_len = i;
  v.signature = rd.subspan(i);
  return v;
}

uint16_t key_tag(std::span<const uint8_t> rd) {
  if (rd.size() >= 4 && rd[3] == 1) {  // RSAMD5 (RFC 4034 App. B.1)
    return rd.size() >= 4 ? get16(rd.data() + rd.size() - 3) : 0;
  }
  uint32_t ac = 0;
  for (size_t i = 0; i < rd.size(); ++i) ac += (i & 1) ? rd[i] : static_cast<uint32_t>(rd[i]) << 8;
  ac += (ac >> 16) & 0xFFFF;
  return static_cast<uint16_t>(ac & 0xFFFF);
}

std::optional<DnskeyView> decode_dnskey(std::span<const uint8_t> rd) {
  if (rd.size() < 4) return std::nullopt;
  return DnskeyView{get16(rd.data()), rd[2], rd[3], rd.subspan(4), key_tag(rd)};
}

std::optional<DsView> decode_ds(std::span<const uint8_t> rd) {
  if (rd.size() < 4) return std::nullopt;
  return DsView{get16(rd.data()), rd[2], rd[3], rd.subspan(4)};
}

std::string algorithm_name(uint8_t alg) {
  switch (alg) {
    case 1: return "RSAMD5";
    case 3: return "DSA";
    case 5: return "RSASHA1";
    case 6: return "DSA-NSEC3-SHA1";
    case 7: return "RSASHA1-NSEC3-SHA1";
    case 8: return "RSASHA256";
    case 10: return "RSASHA512";
    case 12: return "ECC-GOST";
    case 13: return "ECDSAP256SHA256";
    case 14: return "ECDSAP384SHA384";
    case 15: return "ED25519";
    case 16: return "ED448";
    default: return cat("ALG", static_cast<int>(alg));
  }
}

}  // namespace danelint
