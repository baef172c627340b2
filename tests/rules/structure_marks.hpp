// Runs check_expect_marks over every testdata/rules/<CODE>/*.zone (zone-structure rules).
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/helpers.hpp"

namespace danelint::test {

inline void check_all_marks(const std::string& code, const Options& o = {}) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(DANELINT_SOURCE_DIR) + "/testdata/rules/" + code))
    if (e.path().extension() == ".zone") files.push_back("testdata/rules/" + code + "/" + e.path().filename().string());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 2);
  for (const std::string& f : files) check_expect_marks(f, code, o);
}

}  // namespace danelint::test
