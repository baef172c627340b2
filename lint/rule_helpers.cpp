#include "lint/rule_helpers.hpp"

#include "lint/strings.hpp"

namespace danelint {

std::string tlsa_params(const TlsaView& v) {
  return cat("TLSA ", int(v.usage), ' ', int(v.selector), ' ', int(v.matching_type));
}

}  // namespace danelint
