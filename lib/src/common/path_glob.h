// The include and exclude globs of folder walks, read as ripgrep's --glob and .gitignore read
// them.
#ifndef CLAUSESCAN_COMMON_PATH_GLOB_H_
#define CLAUSESCAN_COMMON_PATH_GLOB_H_

#include <string>
#include <string_view>
#include <vector>

namespace clausescan::internal {

// A glob over paths relative to the folder walked ("sub/deep/c.md"). Its parts between '/' are
// fnmatch(3) patterns of one file or folder name ('*', '?', '[...]', '\' escapes), except:
//   - a part that is "**" is any number of folders, none included ("**/*.md" is every .md at
//     any depth, "sub/**/*.md" every .md under sub); a "**" last is everything inside
//     ("sub/**"), at least one name;
//   - a glob with no '/' but a trailing one matches a name at any depth ("*.md", "drafts/");
//     a '/' at its start or in its middle anchors it at the folder walked ("/sub", "sub/*.md");
//   - a trailing '/' matches folders only ("sub/" is no file named sub).
// A glob that matches a folder matches every path below it.
class PathGlob {
 public:
  explicit PathGlob(std::string_view glob);

  // Whether relative ('/'-separated, no leading '/'; is_folder: the path names a folder)
  // matches the glob, or lies below a folder that does.
  bool Matches(std::string_view relative, bool is_folder) const;

 private:
  // Whether parts_ match the first `count` names of path exactly.
  bool MatchesNames(const std::vector<std::string>& names, std::size_t count) const;

  std::vector<std::string> parts_;
  bool folders_only_ = false;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_COMMON_PATH_GLOB_H_
