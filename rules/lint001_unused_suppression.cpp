#include "lint/rule.hpp"

namespace danelint::rules {

// Computed by the engine (lint/suppress.cpp) after all other rules ran and suppressions were applied:
// a suppression that matched no finding is reported here, like ruff's RUF100.
extern const Rule kLint001{
    .info = {.id = "LINT001", .name = "unused-suppression", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "a `; danelint: disable=...` comment or per-file ignore that suppressed nothing",
             .rationale = "A stale suppression hides the next real problem of that kind on the same record or "
                          "file, and a misspelt one gives the false comfort of a silenced rule that still fires "
                          "elsewhere. Suppressions should be kept only where they are needed.",
             .fix = "Delete the comment or the per-file-ignores entry, or correct the rule name it gives.",
             .exceptions = "A suppression kept for a rule that is not selected in this run is reported too; "
                           "run with the same --select as CI, or ignore LINT001 in such partial runs.",
             .bad_example = "; danelint: disable=tlsa-duplicate\nexample. 3600 IN A 192.0.2.1",
             .good_example = "example. 3600 IN A 192.0.2.1",
             .references = "ruff RUF100 (unused-noqa); shellcheck directives"},
    .check = nullptr};

}  // namespace danelint::rules
