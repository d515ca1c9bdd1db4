#include "output.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace clausescan::cli {

Output::Output(std::string path) : path_(std::move(path)) {}

Output::~Output() {
  if (file_ && !committed_) {
    file_.reset();
    std::remove(temp_path_.c_str());
  }
}

bool Output::Open(std::string* error) {
  if (path_.empty()) return true;
  temp_path_ = path_ + ".tmp." + std::to_string(::getpid());
  file_ = std::make_unique<std::ofstream>(temp_path_, std::ios::binary | std::ios::trunc);
  if (!*file_) {
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
  committed_ = true;
  return true;
}

bool Output::IsTerminal() const { return !file_ && ::isatty(STDOUT_FILENO); }

}  // namespace clausescan::cli
