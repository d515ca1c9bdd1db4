#include "rules/read_location.h"

#include <cctype>
#include <cstddef>
#include <string_view>
#include <vector>

namespace clausescan::internal {
namespace {

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Whether text holds "http://" or "https://" directly followed by a host character.
bool HasAddress(std::string_view text) {
  for (std::string_view scheme : {std::string_view("http://"), std::string_view("https://")}) {
    for (std::size_t at = text.find(scheme); at != std::string_view::npos;
         at = text.find(scheme, at + 1)) {
      const std::size_t host = at + scheme.size();
      if (host < text.size() && IsAlnum(text[host])) return true;
    }
  }
  return false;
}

// Whether text holds "/work/shared/reference/" directly followed by a file name character.
bool HasReferenceFile(std::string_view text) {
  constexpr std::string_view kFolder = "/work/shared/reference/";
  for (std::size_t at = text.find(kFolder); at != std::string_view::npos;
       at = text.find(kFolder, at + 1)) {
    const std::size_t name = at + kFolder.size();
    if (name < text.size() && (IsAlnum(text[name]) || text[name] == '_')) return true;
  }
  return false;
}

// The words of text: split at white space, without the quotes, brackets and punctuation
// around them.
std::vector<std::string_view> Words(std::string_view text) {
  constexpr std::string_view kAround = "\"'`()[]{}<>,;:.!?";
  std::vector<std::string_view> words;
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
    std::size_t end = at;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
    std::string_view word = text.substr(at, end - at);
    while (!word.empty() && kAround.find(word.front()) != std::string_view::npos) {
      word.remove_prefix(1);
    }
    while (!word.empty() && kAround.find(word.back()) != std::string_view::npos) {
      word.remove_suffix(1);
    }
    if (!word.empty()) words.push_back(word);
    at = end;
  }
  return words;
}

bool IsCommit(std::string_view word) {
  if (word.size() != 40) return false;
  for (char c : word) {
    if (std::isxdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return true;
}

// owner/name: one '/', letters, digits, '_', '.', '-' on both sides, starting with a letter or
// digit.
bool IsRepository(std::string_view word) {
  const std::size_t slash = word.find('/');
  if (slash == 0 || slash == std::string_view::npos || slash + 1 >= word.size()) return false;
  if (word.find('/', slash + 1) != std::string_view::npos || !IsAlnum(word.front())) return false;
  for (char c : word) {
    if (!(IsAlnum(c) || c == '/' || c == '_' || c == '.' || c == '-')) return false;
  }
  return true;
}

// A path in a repository: it holds a '/' or ends in ".ext" (1 to 8 letters or digits).
bool IsPath(std::string_view word) {
  if (word.find("://") != std::string_view::npos) return false;
  if (word.find('/') != std::string_view::npos) return true;
  const std::size_t dot = word.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || word.size() - dot - 1 > 8 ||
      dot + 1 == word.size()) {
    return false;
  }
  bool letter = false;
  for (std::size_t i = dot + 1; i < word.size(); ++i) {
    if (!IsAlnum(word[i])) return false;
    letter = letter || std::isalpha(static_cast<unsigned char>(word[i])) != 0;
  }
  return letter;
}

bool HasRepositoryCommitAndPath(std::string_view text) {
  const std::vector<std::string_view> words = Words(text);
  bool commit = false;
  for (std::string_view word : words) commit = commit || IsCommit(word);
  if (!commit) return false;
  for (std::size_t repo = 0; repo < words.size(); ++repo) {
    if (!IsRepository(words[repo])) continue;
    for (std::size_t path = 0; path < words.size(); ++path) {
      if (path != repo && !IsCommit(words[path]) && IsPath(words[path])) return true;
    }
  }
  return false;
}

}  // namespace

bool NamesWhereRead(std::string_view read) {
  return HasAddress(read) || HasReferenceFile(read) || HasRepositoryCommitAndPath(read);
}

}  // namespace clausescan::internal
