// libFuzzer entry point; the body lives in fuzz/targets.hpp (shared with the regression test).
#include "fuzz/targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  danelint::fuzz::rdata_encoder(data, size);
  return 0;
}
