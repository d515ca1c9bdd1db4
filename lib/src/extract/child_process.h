// Runs a piece of work in a forked child process under a wall-clock and a memory limit, so a
// file built to make a third-party reader loop or allocate without end (a PDF form bomb) costs
// a bounded time and memory and yields an error instead of hanging the scan.
#ifndef CLAUSESCAN_EXTRACT_CHILD_PROCESS_H_
#define CLAUSESCAN_EXTRACT_CHILD_PROCESS_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include "clausescan/result.h"

namespace clausescan::internal {

struct ChildLimits {
  std::chrono::milliseconds time{60000};  // wall clock, from the fork to the last byte read
  std::size_t memory_bytes = std::size_t{4} << 30;  // address space the child may add; 0: none
  // A pool the memory limits of the children running at once must fit in, all callers of the
  // process together: a child starts only once its memory_bytes fit beside those of the
  // children already running (the caller waits), so N threads reading at once never let their
  // children add more than this. 0: no pool (each child has only its own limit).
  std::size_t shared_memory_bytes = 0;
  // The options that raise the time and the memory limit, named in their errors ("... (raise
  // the limit with --pdf-time-limit)"); empty: none is named.
  std::string time_option;
  std::string memory_option;
};

// Forks, runs work() in the child and returns the string it returned, or the Error it returned
// (code and detail kept, file set to `name`).
//
// Errors, each naming `name` and saying what `what` (e.g. "reading the PDF") did:
//   kTooLarge  the child ran past limits.time (it is killed with SIGKILL), or ran out of the
//              memory limit (an allocation that failed in the child, even one whose
//              std::bad_alloc work() caught, or an abort after it printed "Out of memory", as
//              poppler's allocator does); or limits.memory_bytes is above
//              limits.shared_memory_bytes (the child could never start);
//   kCorrupt   the child died from a signal (any signal: the parent's handlers are not run in
//              the child), threw another exception, or ended without writing its whole result;
//   kIo        the child could not be started (fork or pipe failed).
//
// The child runs only work(): it never returns to the caller's code, never runs atexit
// handlers or static destructors (it ends with _exit), starts with every signal the parent
// handles back at its default action and no signal blocked, has stdin and stdout on /dev/null,
// its stderr read by the parent (so a library's chatter never reaches the user; under
// AddressSanitizer it is inherited, so reports are seen) and every other inherited descriptor
// closed. Its result travels on its descriptor 3 after its length, so a result cut short is
// never taken for a whole one, even when the exit status is unknown (a process that ignores
// SIGCHLD): work() must not write to descriptor 3. work() must not rely on state that other
// threads of the parent may hold locked at the time of the fork; glibc's malloc is safe.
// The memory limit is not applied in builds with AddressSanitizer (its shadow memory counts as
// address space); the pool is. Thread safety: may be called from several threads at once.
Result<std::string> RunInChildProcess(const std::function<Result<std::string>()>& work,
                                      const ChildLimits& limits, const std::string& what,
                                      const std::string& name);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_EXTRACT_CHILD_PROCESS_H_
