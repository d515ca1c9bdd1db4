// Replays inputs through a fuzz target without libFuzzer, so the normal build and test suite
// exercise every reader's edge cases: each input is passed once to LLVMFuzzerTestOneInput, the
// same entry point libFuzzer drives (see fuzz/README.md).
//
// Usage: <target>_replay [--timeout=SECONDS] [--rss-limit-mb=MB] PATH...
// A PATH is a file or a folder (walked recursively, files in path order); a PATH that does not
// exist is noted on stderr and skipped, so seeds kept outside the project may be absent.
// Exit status: 0 when every input returned within the limits; 77 (CTest's skip) when no input
// was found; the target's own abort when it finds a violation of its contract; 1, with a message
// naming the input, when an input breaks a limit, as libFuzzer would report it:
//   --timeout=S       (default 60) wall-clock seconds per input
//   --rss-limit-mb=M  (default 2048; 0: none) the peak resident memory after any input, and the
//                     size of any one operator new (libFuzzer's -malloc_limit_mb); the address
//                     space is also capped at twice M so a runaway input stops the run instead of
//                     the machine. Only the peak check applies under AddressSanitizer.
// Not thread-safe: one replay per process.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <new>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define CLAUSESCAN_REPLAY_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CLAUSESCAN_REPLAY_ASAN 1
#endif
#endif
#ifndef CLAUSESCAN_REPLAY_ASAN
#define CLAUSESCAN_REPLAY_ASAN 0
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

constexpr bool kAddressSanitizer = CLAUSESCAN_REPLAY_ASAN != 0;

// The input being replayed, for the timeout message (a plain buffer: read by a signal handler).
char g_current[4096];

// Writes "replay: <what> <current input>" on stderr and exits with status 1. Async-signal-safe.
[[noreturn]] void FailOnCurrentInput(const char* what) {
  ssize_t ignored = ::write(STDERR_FILENO, "replay: ", 8);
  ignored = ::write(STDERR_FILENO, what, std::strlen(what));
  ignored = ::write(STDERR_FILENO, g_current, std::strlen(g_current));
  ignored = ::write(STDERR_FILENO, "\n", 1);
  (void)ignored;
  ::_exit(1);
}

extern "C" void OnTimeout(int) { FailOnCurrentInput("time limit reached on "); }

// The largest operator new allowed; 0 while no input runs.
std::size_t g_allocation_limit = 0;

// Appends the files at path (a file, or every regular file below a folder) to out.
void CollectInputs(const fs::path& path, std::vector<fs::path>* out) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) {
    out->push_back(path);
    return;
  }
  if (!fs::is_directory(path, ec)) {
    std::fprintf(stderr, "replay: %s: not found, skipped\n", path.c_str());
    return;
  }
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  out->insert(out->end(), files.begin(), files.end());
}

bool ParseFlag(std::string_view arg, std::string_view name, long* value) {
  if (arg.substr(0, name.size()) != name) return false;
  *value = std::strtol(std::string(arg.substr(name.size())).c_str(), nullptr, 10);
  return true;
}

}  // namespace

#if !CLAUSESCAN_REPLAY_ASAN
// Replaces the global allocation function (AddressSanitizer brings its own) to stop on one
// allocation larger than the limit, as libFuzzer's -malloc_limit_mb does, before it is refused
// with std::bad_alloc that a reader would turn into an ordinary error.
void* operator new(std::size_t size) {
  if (g_allocation_limit > 0 && size > g_allocation_limit) {
    FailOnCurrentInput("one allocation beyond --rss-limit-mb on ");
  }
  if (size == 0) size = 1;
  while (true) {
    if (void* p = std::malloc(size)) return p;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#endif

int main(int argc, char** argv) {
  long timeout_seconds = 60;
  long rss_limit_mb = 2048;
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (ParseFlag(arg, "--timeout=", &timeout_seconds) ||
        ParseFlag(arg, "--rss-limit-mb=", &rss_limit_mb)) {
      continue;
    }
    CollectInputs(arg, &inputs);
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "replay: no inputs found: skipped\n");
    return 77;
  }
  const long rss_limit_kb = rss_limit_mb * 1024;
  if (rss_limit_mb > 0 && !kAddressSanitizer) {
    rlim_t bytes = static_cast<rlim_t>(rss_limit_mb) << 21;
    rlimit limit{bytes, bytes};
    ::setrlimit(RLIMIT_AS, &limit);
  }
  std::signal(SIGALRM, OnTimeout);
  std::size_t bytes_total = 0;
  const auto start = std::chrono::steady_clock::now();
  for (const fs::path& input : inputs) {
    std::ifstream file(input, std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (!file.good() && !file.eof()) {
      std::fprintf(stderr, "replay: %s: cannot read\n", input.c_str());
      return 1;
    }
    std::snprintf(g_current, sizeof g_current, "%s", input.c_str());
    ::alarm(static_cast<unsigned>(timeout_seconds));
    g_allocation_limit = static_cast<std::size_t>(rss_limit_mb) << 20;
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
    g_allocation_limit = 0;
    ::alarm(0);
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    if (rss_limit_kb > 0 && usage.ru_maxrss > rss_limit_kb) {
      std::fprintf(stderr, "replay: %s: peak memory %ld MiB, beyond --rss-limit-mb=%ld\n",
                   input.c_str(), usage.ru_maxrss / 1024, rss_limit_mb);
      return 1;
    }
    bytes_total += data.size();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("replay: %zu inputs, %zu bytes, %.1f s\n", inputs.size(), bytes_total, seconds);
  return 0;
}
