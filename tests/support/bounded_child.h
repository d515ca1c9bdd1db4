// Runs a piece of a test in a forked child under hard limits, so that a defect that runs away
// (an endless loop, an allocation of gigabytes) fails the test instead of hanging or swapping
// the machine. The bounds are generous: they tell "finished" from "ran away", not fast from slow.
#ifndef CLAUSESCAN_TESTS_SUPPORT_BOUNDED_CHILD_H_
#define CLAUSESCAN_TESTS_SUPPORT_BOUNDED_CHILD_H_

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstddef>
#include <functional>
#include <string>

namespace clausescan::testing {

struct ChildBounds {
  int cpu_seconds = 20;  // RLIMIT_CPU; the wall clock gets three times it
  std::size_t memory_bytes = std::size_t{1} << 30;  // RLIMIT_AS; not set under AddressSanitizer
};

struct ChildOutcome {
  bool finished = false;  // body returned and the child exited normally
  int status = 0;         // the child's wait status
  std::string output;     // what body returned
  // "exited with N" or "killed by signal N (...)", for assertion messages.
  std::string Describe() const {
    if (WIFEXITED(status)) {
      const int code = WEXITSTATUS(status);
      return "exited with " + std::to_string(code) +
             (code == 4 ? " (exception: out of memory?)" : "");
    }
    if (WIFSIGNALED(status)) {
      const int signal = WTERMSIG(status);
      const char* why = signal == SIGXCPU || signal == SIGKILL ? " (CPU limit)"
                        : signal == SIGALRM                    ? " (time limit)"
                        : signal == SIGABRT                    ? " (abort)"
                                                               : "";
      return "killed by signal " + std::to_string(signal) + why;
    }
    return "status " + std::to_string(status);
  }
};

// Runs body in a forked child limited by bounds and returns what it returned. The child ends
// with _exit, so nothing of the test framework runs in it after body; body must not use
// gtest assertions (return what to check instead); an exception it throws ends the child with
// status 4. Returns finished == false when the child could not be forked, was killed (CPU time,
// alarm) or exited non-zero.
inline ChildOutcome RunBounded(const std::function<std::string()>& body, ChildBounds bounds = {}) {
  ChildOutcome outcome;
  int fds[2];
  if (::pipe(fds) != 0) return outcome;
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return outcome;
  }
  if (pid == 0) {
    ::close(fds[0]);
    const rlim_t cpu = static_cast<rlim_t>(bounds.cpu_seconds);
    struct rlimit cpu_limit = {cpu, cpu + 1};
    ::setrlimit(RLIMIT_CPU, &cpu_limit);
#if !defined(__SANITIZE_ADDRESS__)  // AddressSanitizer reserves terabytes of address space
    struct rlimit memory = {bounds.memory_bytes, bounds.memory_bytes};
    ::setrlimit(RLIMIT_AS, &memory);
#endif
    ::alarm(static_cast<unsigned>(bounds.cpu_seconds) * 3);
    std::string result;
    try {  // an exception must not unwind into the test framework's copy in this child
      result = body();
    } catch (...) {
      ::_exit(4);
    }
    for (std::size_t done = 0; done < result.size();) {
      const ssize_t n = ::write(fds[1], result.data() + done, result.size() - done);
      if (n <= 0) ::_exit(3);
      done += static_cast<std::size_t>(n);
    }
    ::_exit(0);
  }
  ::close(fds[1]);
  char buffer[4096];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) {
    outcome.output.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  while (::waitpid(pid, &outcome.status, 0) < 0 && errno == EINTR) {
  }
  outcome.finished = WIFEXITED(outcome.status) && WEXITSTATUS(outcome.status) == 0;
  return outcome;
}

}  // namespace clausescan::testing

#endif  // CLAUSESCAN_TESTS_SUPPORT_BOUNDED_CHILD_H_
