// A library to LD_PRELOAD into clausescan so that open(2) with O_TMPFILE fails with EOPNOTSUPP,
// as it does on file systems without unnamed temporary files (NFS, FUSE, old kernels): the CLI
// tests then exercise the named temporary file that the output falls back to. Every other open
// goes straight to the system call.
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#include <cstdarg>

namespace {

int OpenAt(int folder, const char* path, int flags, mode_t mode) {
  if ((flags & O_TMPFILE) == O_TMPFILE) {
    errno = EOPNOTSUPP;
    return -1;
  }
  return static_cast<int>(::syscall(SYS_openat, folder, path, flags, mode));
}

}  // namespace

#define CLAUSESCAN_MODE_ARGUMENT(flags, mode)                       \
  mode_t mode = 0;                                                  \
  if (((flags)&O_CREAT) != 0 || ((flags)&O_TMPFILE) == O_TMPFILE) { \
    va_list arguments;                                              \
    va_start(arguments, flags);                                     \
    mode = static_cast<mode_t>(va_arg(arguments, int));             \
    va_end(arguments);                                              \
  }

extern "C" {

int open(const char* path, int flags, ...) {
  CLAUSESCAN_MODE_ARGUMENT(flags, mode)
  return OpenAt(AT_FDCWD, path, flags, mode);
}

int open64(const char* path, int flags, ...) {
  CLAUSESCAN_MODE_ARGUMENT(flags, mode)
  return OpenAt(AT_FDCWD, path, flags, mode);
}

int openat(int folder, const char* path, int flags, ...) {
  CLAUSESCAN_MODE_ARGUMENT(flags, mode)
  return OpenAt(folder, path, flags, mode);
}

int openat64(int folder, const char* path, int flags, ...) {
  CLAUSESCAN_MODE_ARGUMENT(flags, mode)
  return OpenAt(folder, path, flags, mode);
}

}  // extern "C"
