// A fresh, uniquely named temporary directory for tests. ctest runs every test case in its own
// process, two at a time, so names derived from anything the processes share (the gtest random
// seed, a fixed string) collide; mkdtemp's names do not.
#ifndef CLAUSESCAN_TESTS_SUPPORT_TEMP_DIRECTORY_H_
#define CLAUSESCAN_TESTS_SUPPORT_TEMP_DIRECTORY_H_

#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace clausescan::testing {

// Creates an empty directory under the system temporary directory whose name starts with
// `prefix`, and returns its path. Throws std::runtime_error when it cannot be created.
inline std::filesystem::path MakeTempDirectory(const std::string& prefix) {
  std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("cannot create a temporary directory from " + pattern);
  }
  return pattern;
}

}  // namespace clausescan::testing

#endif  // CLAUSESCAN_TESTS_SUPPORT_TEMP_DIRECTORY_H_
