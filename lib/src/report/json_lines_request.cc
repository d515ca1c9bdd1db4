// Reading the streaming filter's input lines: {"id": ..., "text": "...", "name": "..."}.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "clausescan/printers.h"
#include "common/json_text.h"
#include "extract/document.h"

namespace clausescan {
namespace {

using Json = nlohmann::json;

// Keeps the string members "text" and "name" of the top-level object and skips everything else
// as it is parsed, so no tree of the line is built.
class RequestReader : public nlohmann::json_sax<Json> {
 public:
  bool null() override { return Value(); }
  bool boolean(bool) override { return Value(); }
  bool number_integer(number_integer_t) override { return Value(); }
  bool number_unsigned(number_unsigned_t) override { return Value(); }
  bool number_float(number_float_t, const string_t&) override { return Value(); }
  bool binary(binary_t&) override { return Value(); }
  bool string(string_t& value) override {
    if (depth_ == 1 && member_ != nullptr) {
      member_->value = std::move(value);
      member_->is_string = true;
      member_ = nullptr;
      return true;
    }
    return Value();
  }
  bool start_object(std::size_t) override { return Open(true); }
  bool start_array(std::size_t) override { return Open(false); }
  bool end_object() override { return Close(); }
  bool end_array() override { return Close(); }
  bool key(string_t& name) override {
    if (depth_ == 1) {
      member_ = name == "text" ? &text : name == "name" ? &name_ : nullptr;
      if (member_ != nullptr) member_->present = true;
    }
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& error) override {
    error_position = position;
    error_message = error.what();
    return false;
  }

  struct Member {
    bool present = false;
    bool is_string = false;
    std::string value;
  };
  bool object = false;  // the line is an object
  Member text;
  Member name_;
  std::size_t error_position = 0;
  std::string error_message;  // empty when the line parsed

 private:
  // Any value but a string: a member it lands in is no string.
  bool Value() {
    if (depth_ == 1 && member_ != nullptr) {
      member_->value.clear();
      member_->is_string = false;
      member_ = nullptr;
    }
    return true;
  }
  bool Open(bool is_object) {
    if (depth_ == 0) object = is_object;
    Value();
    ++depth_;
    return true;
  }
  bool Close() {
    --depth_;
    return true;
  }

  int depth_ = 0;
  Member* member_ = nullptr;  // where the value being read goes, at depth 1
};

// What nlohmann says, without its "[json.exception.parse_error.101] parse error at line 1,
// column 5: " prefix.
std::string Reason(const std::string& what) {
  std::string_view reason = what;
  if (reason.rfind("[json.exception.", 0) == 0) {
    const std::size_t close = reason.find("] ");
    if (close != std::string_view::npos) reason.remove_prefix(close + 2);
  }
  if (reason.rfind("parse error", 0) == 0) {
    const std::size_t colon = reason.find(": ");
    if (colon != std::string_view::npos) reason.remove_prefix(colon + 2);
  }
  return std::string(reason);
}

// The id a line gives through its raw text, or nullopt when it has none that can be written
// back (a string that is not valid JSON or UTF-8, text nested too deep).
std::optional<JsonLinesId> RawId(std::string_view line) {
  const std::optional<std::string_view> raw = internal::RawJsonMember(line, "id");
  if (!raw || internal::FindJsonTooDeep(*raw) != std::string_view::npos ||
      internal::FindInvalidUtf8(*raw) != std::string_view::npos) {
    return std::nullopt;
  }
  if ((*raw)[0] != '"') return JsonLinesId::FromJson(std::string(*raw));
  Json value = Json::parse(*raw, nullptr, /*allow_exceptions=*/false);
  if (!value.is_string()) return std::nullopt;
  return JsonLinesId(value.get<std::string>());
}

}  // namespace

JsonLinesRequest ReadJsonLinesRequest(std::string_view line, long number) {
  JsonLinesRequest request;
  request.id = fmt::format("line {}", number);
  if (std::optional<JsonLinesId> id = RawId(line)) request.id = std::move(*id);
  auto fail = [&](ErrorCode code, std::string detail, std::size_t byte) {
    request.error = Error(code, std::move(detail), "<stdin>", static_cast<int>(number), 0,
                          static_cast<std::ptrdiff_t>(byte));
    return std::move(request);
  };
  const std::size_t deep = internal::FindJsonTooDeep(line);
  if (deep != std::string_view::npos) {
    return fail(ErrorCode::kTooLarge,
                fmt::format("JSON nested deeper than {} levels (at byte {})",
                            internal::kMaxJsonDepth, deep),
                deep);
  }
  const std::size_t invalid = internal::FindInvalidUtf8(line);
  if (invalid != std::string_view::npos) {
    return fail(
        ErrorCode::kInvalidUtf8,
        fmt::format("invalid UTF-8 at byte {} of the line (JSON text must be UTF-8)", invalid),
        invalid);
  }
  RequestReader reader;
  const bool parsed = Json::sax_parse(line, &reader, nlohmann::detail::input_format_t::json,
                                      /*strict=*/true, /*ignore_comments=*/false);
  if (!parsed) {
    const std::size_t byte = reader.error_position > 0 ? reader.error_position - 1 : 0;
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("invalid JSON at byte {}: {}", byte, Reason(reader.error_message)),
                byte);
  }
  if (!reader.object || !reader.text.is_string ||
      (reader.name_.present && !reader.name_.is_string)) {
    return fail(ErrorCode::kInvalidArgument,
                "expected a JSON object with a string \"text\" (and an \"id\"; \"name\", if "
                "given, a string)",
                0);
  }
  request.text = std::move(reader.text.value);
  request.name = std::move(reader.name_.value);
  return request;
}

}  // namespace clausescan
