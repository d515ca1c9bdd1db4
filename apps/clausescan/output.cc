#include "output.h"

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace clausescan::cli {
namespace {

// The temporary file of the open Output, NUL-terminated, or "" when none; read by the signal
// handler, so a plain buffer (no allocation, no locks).
char g_temp_path[4096];
volatile std::sig_atomic_t g_temp_path_set = 0;

void RememberTempPath(const std::string& path) {
  g_temp_path_set = 0;
  if (path.size() >= sizeof g_temp_path) return;
  std::memcpy(g_temp_path, path.c_str(), path.size() + 1);
  g_temp_path_set = 1;
}

void ForgetTempPath() { g_temp_path_set = 0; }

extern "C" void RemoveTempFileAndDie(int signal) {
  if (g_temp_path_set) ::unlink(g_temp_path);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

}  // namespace

void InstallOutputCleanup() {
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) std::signal(signal, RemoveTempFileAndDie);
}

Output::Output(std::string path) : path_(std::move(path)) {}

Output::~Output() {
  if (file_ && !committed_) {
    file_.reset();
    std::remove(temp_path_.c_str());
    ForgetTempPath();
  }
}

bool Output::Open(std::string* error) {
  if (path_.empty()) return true;
  temp_path_ = path_ + ".tmp." + std::to_string(::getpid());
  RememberTempPath(temp_path_);
  file_ = std::make_unique<std::ofstream>(temp_path_, std::ios::binary | std::ios::trunc);
  if (!*file_) {
    ForgetTempPath();
    *error = path_ + ": cannot write: " + std::strerror(errno);
    file_.reset();
    return false;
  }
  return true;
}

std::ostream& Output::stream() { return file_ ? static_cast<std::ostream&>(*file_) : std::cout; }

bool Output::Commit(std::string* error) {
  if (!file_) {
    std::cout.flush();
    return true;  // a failed stdout (closed pipe) is not an error worth reporting
  }
  file_->flush();
  bool written = static_cast<bool>(*file_);
  file_->close();
  if (!written || std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    *error = path_ + ": cannot write: " + std::strerror(errno);
    return false;
  }
  ForgetTempPath();
  committed_ = true;
  return true;
}

bool Output::IsTerminal() const { return !file_ && ::isatty(STDOUT_FILENO); }

}  // namespace clausescan::cli
