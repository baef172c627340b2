#include "lint/rule.hpp"

namespace danelint::rules {

// Reported by the zone loader, one finding per bad record; loading continues after it.
extern const Rule kParse001{
    .info = {.id = "PARSE001", .name = "zone-syntax", .severity = Severity::Error, .since = "0.1.0",
             .summary = "a record or directive does not parse",
             .rationale = "Name servers reject the whole zone, or (worse) load a different value: ldns, for "
                          "one, wraps a TLSA usage of 256 to 0 and a TTL of 2^32 to 0.",
             .fix = "Correct the record at the reported line; numbers must fit their field (RFC 1035 §5).",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 256 1 1 "
                            "0000000000000000000000000000000000000000000000000000000000000000",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 "
                             "0000000000000000000000000000000000000000000000000000000000000001",
             .references = "RFC 1035 §5; RFC 2181 §8",
             .always_on = true},
    .check = nullptr};

}  // namespace danelint::rules
