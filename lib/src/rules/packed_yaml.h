// The built-in pack's YAML trees, parsed and checked at build time and stored in a compact binary
// form that loads without yaml-cpp's text parser (issue 12: start-up). The build runs
// clausescan_pack_rules (lib/tools/pack_rules.cc) over rules/: it loads the pack with every
// check, packs the tree of each *.yaml file and writes the blob into the library. At run time
// RuleSet::Builtin() attaches each file's packed tree to its SourceFile, and YamlFile::Parse
// builds the YAML::Node from it: the same nodes, scalars, tags, styles and marks as
// YAML::Load of the text, so every reader and every line number stays as it was.
//
// Blob (version kPackVersion, integers little-endian):
//   "CSPK" u32 version, u64 checksum of the rest, u32 file count,
//   per file: u32 name length, name, u32 text size (bytes of the file's text), u32 tree size, tree.
// Tree, a node in pre-order: u8 kind (0 null, 1 scalar, 2 list, 3 map), u8 style, i32 mark pos,
// i32 mark line, i32 mark column, u32 tag length, tag, then a scalar's u32 length and bytes, a
// list's u32 count and items, or a map's u32 count and key, value pairs. Aliases are stored as
// copies of the node they name.
//
// Thread safety: free functions without shared state.
#ifndef CLAUSESCAN_RULES_PACKED_YAML_H_
#define CLAUSESCAN_RULES_PACKED_YAML_H_

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/result.h"
#include "rules/model.h"

namespace clausescan::internal {

// The format version written and the only one read.
inline constexpr std::uint32_t kPackVersion = 1;

// Lists and maps nested deeper than this are refused, when packing and when unpacking.
inline constexpr int kMaxPackedDepth = 256;

// One file of a pack.
struct PackedFile {
  std::string name;           // as SourceFile::name
  std::size_t text_size = 0;  // bytes of the file's text, checked against the embedded text
  std::string tree;           // PackTree of the file's root
};

// A view of one file of a pack; the views point into the blob.
struct PackedFileView {
  std::string_view name;
  std::size_t text_size = 0;
  std::string_view tree;
};

// Appends the packed tree of root to *out. Returns an error message (nullopt on success) when
// the tree nests deeper than kMaxPackedDepth or holds an undefined node.
std::optional<std::string> PackTree(const YAML::Node& root, std::string* out);

// Builds the tree packed in bytes into *root. Returns an error message (nullopt on success) for
// bytes that are not one whole packed tree: truncated, an unknown node kind, a count larger
// than the bytes left could hold, nesting deeper than kMaxPackedDepth, bytes left over. Never
// reads outside bytes.
std::optional<std::string> UnpackTree(std::string_view bytes, YAML::Node* root);

// The blob of files (header, checksum, file table).
std::string WritePack(const std::vector<PackedFile>& files);

// Reads the header and file table of blob. Errors: kCorrupt naming "<builtin>" for a blob
// without the magic, of another version, whose checksum does not match or whose table is
// malformed. Trees are checked when unpacked.
Result<std::vector<PackedFileView>> ReadPack(std::string_view blob);

// Points each *.yaml file of files at its packed tree in blob
// (SourceFile::packed_tree). Errors: those of ReadPack; kCorrupt when a *.yaml file has no tree,
// a tree names no file, or a file's text size differs from the packed one (a pack built from
// other rules).
std::optional<Error> AttachPackedTrees(std::string_view blob, std::vector<SourceFile>* files);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_PACKED_YAML_H_
