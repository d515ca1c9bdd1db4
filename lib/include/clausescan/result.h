// Errors as values: every fallible clausescan call returns Result<T>.
#ifndef CLAUSESCAN_RESULT_H_
#define CLAUSESCAN_RESULT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace clausescan {

// Stable error codes. Their names (ErrorCodeName) are part of the JSON output and never change.
enum class ErrorCode {
  kIo = 1,             // a file could not be opened or read
  kInvalidUtf8,        // the input is not valid UTF-8 (byte_offset says where)
  kUnsupportedFormat,  // the input's format is not one clausescan reads
  kTooLarge,           // the input exceeds a configured limit: size, depth, time or memory
  kRuleError,          // a rule, catalogue or playbook file is malformed (file:line:column)
  kInvalidArgument,    // a caller passed a value the API does not accept
  kInternal,           // a bug in clausescan
  kEncrypted,          // the input is encrypted and no (or a wrong) password was given
  kCorrupt,            // the input is damaged: a truncated archive, malformed XML, a broken PDF
};

// Returns a stable lower-case name such as "invalid_utf8".
std::string_view ErrorCodeName(ErrorCode code);

// An error with an optional location. Copyable; cheap to move.
class Error {
 public:
  Error(ErrorCode code, std::string detail, std::string file = {}, int line = 0, int column = 0,
        std::ptrdiff_t byte_offset = -1);

  ErrorCode code() const { return code_; }
  // The bare description, e.g. "unknown key 'scop'".
  const std::string& detail() const { return detail_; }
  // The file the error is about ("" when none, "<stdin>" for standard input).
  const std::string& file() const { return file_; }
  // 1-based line and column in file, or 0 when unknown.
  int line() const { return line_; }
  int column() const { return column_; }
  // Byte offset in file, or -1 when unknown.
  std::ptrdiff_t byte_offset() const { return byte_offset_; }
  // A one-line message for people: "file:line:column: detail", "file: detail" or "detail".
  std::string message() const;

 private:
  ErrorCode code_;
  std::string detail_;
  std::string file_;
  int line_;
  int column_;
  std::ptrdiff_t byte_offset_;
};

// Holds either a T or an Error. Accessing the value of an error Result (or the error of a
// value Result) is a precondition violation: it throws std::bad_variant_access, the one
// exception the API lets through (check ok() first).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}    // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace clausescan

#endif  // CLAUSESCAN_RESULT_H_
