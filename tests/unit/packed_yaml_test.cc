// The built-in pack's YAML trees packed at build time (issue 12, start-up #2): a packed tree
// unpacks into the tree YAML::Load makes of the text (marks, tags and styles included), the
// built-in pack loads from its packed trees, and damaged bytes are an error, never a crash.
#include "rules/packed_yaml.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <memory>
#include <string>
#include <vector>

#include "clausescan/rules.h"
#include "rules/loader.h"
#include "rules/yaml_fields.h"

namespace clausescan::internal {
namespace {

// Everything a reader can see of a node, one line per node in pre-order.
void Describe(const YAML::Node& node, std::string* out) {
  const YAML::Mark mark = node.Mark();
  *out += std::to_string(static_cast<int>(node.Type())) + " " +
          std::to_string(static_cast<int>(node.Style())) + " " + std::to_string(mark.pos) + ":" +
          std::to_string(mark.line) + ":" + std::to_string(mark.column) + " tag=" + node.Tag();
  if (node.IsScalar()) *out += " '" + node.Scalar() + "'";
  *out += "\n";
  if (node.IsSequence()) {
    for (const YAML::Node& item : node) Describe(item, out);
  }
  if (node.IsMap()) {
    for (const auto& entry : node) {
      Describe(entry.first, out);
      Describe(entry.second, out);
    }
  }
}

std::string Describe(const YAML::Node& node) {
  std::string out;
  Describe(node, &out);
  return out;
}

const char kSample[] = R"(# a comment
id: sample.rule
title: "Quoted: title"
plain: 12
empty:
flow: {a: 1, b: [x, 'y', "z"]}
list:
  - one
  - &shared {when: {window_hours: {below: 24}}, risk: high}
  - *shared
  - ~
block: |
  two
  lines
)";

std::string Packed(const std::string& text) {
  std::string tree;
  EXPECT_EQ(PackTree(YAML::Load(text), &tree), std::nullopt);
  return tree;
}

TEST(PackedYaml, UnpackedTreeIsTheTreeOfTheText) {
  YAML::Node unpacked;
  ASSERT_EQ(UnpackTree(Packed(kSample), &unpacked), std::nullopt);
  EXPECT_EQ(Describe(unpacked), Describe(YAML::Load(kSample)));
  EXPECT_EQ(unpacked["list"][2]["risk"].Scalar(), "high");  // the alias, as a copy
  EXPECT_EQ(unpacked["flow"]["b"][1].Tag(), "!");           // quoted: not plain
  EXPECT_EQ(unpacked["plain"].Tag(), "?");
}

// Every *.yaml file of the built-in pack: what YamlFile::Parse gives from the packed tree is
// what YAML::Load gives from the text.
TEST(PackedYaml, BuiltinPackTreesAreTheTreesOfTheEmbeddedFiles) {
  std::vector<SourceFile> files = EmbeddedRuleFiles();
  ASSERT_EQ(AttachPackedTrees(EmbeddedRulePack(), &files), std::nullopt);
  int yaml_files = 0;
  for (const SourceFile& file : files) {
    if (file.name.size() < 5 || file.name.substr(file.name.size() - 5) != ".yaml") continue;
    ++yaml_files;
    ASSERT_FALSE(file.packed_tree.empty()) << file.name;
    YAML::Node root;
    ASSERT_EQ(YamlFile(file).Parse(&root), std::nullopt) << file.name;
    EXPECT_EQ(Describe(root), Describe(YAML::Load(file.content))) << file.name;
  }
  EXPECT_GT(yaml_files, 10);
}

// A file with a packed tree is not parsed as text: its text may even be broken YAML.
TEST(PackedYaml, FileWithPackedTreeIsNotParsedAsText) {
  const std::string tree = Packed(kSample);
  SourceFile file{"sample.yaml", "id: [unclosed"};
  file.packed_tree = tree;
  YAML::Node root;
  ASSERT_EQ(YamlFile(file).Parse(&root), std::nullopt);
  EXPECT_EQ(root["id"].Scalar(), "sample.rule");
}

TEST(PackedYaml, BuiltinRuleSetLoadsTheSameRulesAsItsText) {
  Result<RuleSet> builtin = RuleSet::Builtin();
  ASSERT_TRUE(builtin) << builtin.error().message();
  std::vector<SourceFile> files = EmbeddedRuleFiles();
  for (SourceFile& file : files) file.checked_at_build = true;
  Result<std::shared_ptr<RuleSetData>> text = LoadRuleSet(std::move(files), "<builtin>");
  ASSERT_TRUE(text) << text.error().message();
  const std::vector<RuleInfo> rules = builtin->Rules();
  ASSERT_EQ(rules.size(), (*text)->infos.size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const RuleInfo& a = rules[i];
    const RuleInfo& b = (*text)->infos[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.patterns, b.patterns) << a.id;
    ASSERT_EQ(a.pattern_details.size(), b.pattern_details.size()) << a.id;
    for (std::size_t j = 0; j < a.pattern_details.size(); ++j) {
      EXPECT_EQ(a.pattern_details[j].line, b.pattern_details[j].line) << a.id;
      EXPECT_EQ(a.pattern_details[j].column, b.pattern_details[j].column) << a.id;
    }
  }
}

// Damage anywhere in a packed tree is an error or (a changed scalar byte) another tree, never a
// crash or a read outside the bytes; a cut tree is always an error.
TEST(PackedYaml, DamagedTreeIsAnErrorNeverACrash) {
  const std::string tree = Packed(kSample);
  for (std::size_t size = 0; size < tree.size(); ++size) {
    YAML::Node root;
    EXPECT_NE(UnpackTree(tree.substr(0, size), &root), std::nullopt) << size;
  }
  for (std::size_t i = 0; i < tree.size(); ++i) {
    for (unsigned char flip : {0x01, 0x80, 0xFF}) {
      std::string damaged = tree;
      damaged[i] = static_cast<char>(damaged[i] ^ flip);
      YAML::Node root;
      (void)UnpackTree(damaged, &root);
    }
  }
  std::string deep;
  for (int i = 0; i < kMaxPackedDepth + 2; ++i) deep += "[";
  for (int i = 0; i < kMaxPackedDepth + 2; ++i) deep += "]";
  std::string unused;
  EXPECT_NE(PackTree(YAML::Load(deep), &unused), std::nullopt);
}

TEST(PackedYaml, DamagedPackIsACorruptError) {
  const std::string blob = WritePack({PackedFile{"a.yaml", 3, Packed("a: 1")}});
  ASSERT_TRUE(ReadPack(blob));
  for (std::size_t i = 0; i < blob.size(); ++i) {
    std::string damaged = blob;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x04);
    Result<std::vector<PackedFileView>> read = ReadPack(damaged);
    ASSERT_FALSE(read) << i;
    EXPECT_EQ(read.error().code(), ErrorCode::kCorrupt);
    EXPECT_NE(read.error().message().find("the built-in rule pack is damaged"), std::string::npos)
        << read.error().message();
  }
  for (std::size_t size = 0; size < blob.size(); ++size) {
    EXPECT_FALSE(ReadPack(blob.substr(0, size))) << size;
  }
  std::string other_version = blob;
  other_version[4] = 2;
  Result<std::vector<PackedFileView>> read = ReadPack(other_version);
  ASSERT_FALSE(read);
  EXPECT_NE(read.error().message().find("format version 2"), std::string::npos);
}

TEST(PackedYaml, PackOfOtherFilesIsRefused) {
  const std::string blob = WritePack({PackedFile{"a.yaml", 4, Packed("a: 1")}});
  std::vector<SourceFile> changed = {SourceFile{"a.yaml", "a: 12"}};
  std::optional<Error> error = AttachPackedTrees(blob, &changed);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code(), ErrorCode::kCorrupt);
  EXPECT_EQ(error->file(), "a.yaml");

  std::vector<SourceFile> more = {SourceFile{"a.yaml", "a: 1"}, SourceFile{"b.yaml", "b: 2"}};
  error = AttachPackedTrees(blob, &more);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->file(), "b.yaml");

  std::vector<SourceFile> fewer = {SourceFile{"c.yaml", "a: 1"}};
  EXPECT_TRUE(AttachPackedTrees(blob, &fewer));

  std::vector<SourceFile> same = {SourceFile{"a.yaml", "a: 1"}, SourceFile{"a.test.txt", "x"}};
  EXPECT_EQ(AttachPackedTrees(blob, &same), std::nullopt);
  EXPECT_FALSE(same[0].packed_tree.empty());
}

// A damaged tree reaches the user as a kCorrupt error naming the file, not as a YAML error.
TEST(PackedYaml, DamagedTreeOfAFileIsACorruptErrorNamingIt) {
  const std::string tree = Packed(kSample);
  SourceFile file{"sample.yaml", kSample};
  const std::string cut = tree.substr(0, tree.size() / 2);
  file.packed_tree = cut;
  YAML::Node root;
  std::optional<Error> error = YamlFile(file).Parse(&root);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code(), ErrorCode::kCorrupt);
  EXPECT_EQ(error->file(), "sample.yaml");
}

}  // namespace
}  // namespace clausescan::internal
