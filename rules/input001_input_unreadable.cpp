#include "lint/rule.hpp"

namespace danelint::rules {

// Reported by the loaders: a file that cannot be opened or read is never silently skipped.
extern const Rule kInput001{
    .info = {.id = "INPUT001", .name = "input-unreadable", .severity = Severity::Error, .since = "0.1.0",
             .summary = "an input file (zone, $INCLUDE, certificate, key, DS file) cannot be read",
             .rationale = "A file that cannot be read was not checked; treating it as clean would let a broken "
                          "deployment through. The run exits with code 2.",
             .fix = "Check the path, the permissions and, for $INCLUDE, that the path is relative to the including file.",
             .bad_example = "$INCLUDE does-not-exist.zone",
             .good_example = "example. 3600 IN A 192.0.2.1",
             .references = "danelint exit codes",
             .always_on = true},
    .check = nullptr};

}  // namespace danelint::rules
