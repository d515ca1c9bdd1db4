// Where this build's files are: the source tree, the shared corpus beside it, the binaries the
// tests run. The values are fixed at configure time in one generated source file
// (build_paths.cc.in), so no other test file's compile command names the checkout's folder and
// ccache serves a clone in another folder from the same cache. Each returns a NUL-terminated
// absolute path that lives as long as the program.
#ifndef CLAUSESCAN_TESTS_SUPPORT_BUILD_PATHS_H_
#define CLAUSESCAN_TESTS_SUPPORT_BUILD_PATHS_H_

namespace clausescan::testing {

const char* SourceDirectory();    // the project's source tree
const char* SharedDirectory();    // ../shared beside it (may not exist)
const char* CliBinary();          // the clausescan binary
const char* PackRulesBinary();    // the build-time rule packer
const char* NoTmpfilePreload();   // the LD_PRELOAD module that makes O_TMPFILE fail

}  // namespace clausescan::testing

#define CLAUSESCAN_SOURCE_DIR (::clausescan::testing::SourceDirectory())
#define CLAUSESCAN_SHARED_DIR (::clausescan::testing::SharedDirectory())
#define CLAUSESCAN_BINARY (::clausescan::testing::CliBinary())
#define CLAUSESCAN_PACK_RULES (::clausescan::testing::PackRulesBinary())
#define CLAUSESCAN_NO_TMPFILE_PRELOAD (::clausescan::testing::NoTmpfilePreload())

#endif  // CLAUSESCAN_TESTS_SUPPORT_BUILD_PATHS_H_
