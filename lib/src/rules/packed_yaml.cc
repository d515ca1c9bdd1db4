#include "rules/packed_yaml.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <utility>

namespace clausescan::internal {
struct PackedNodeAccess;
}  // namespace clausescan::internal

// yaml-cpp builds a Node around its internal node only for its friends (its own NodeBuilder, and
// every specialisation of as_if): this one lets the unpacker build trees as NodeBuilder does.
namespace YAML {
template <>
struct as_if<clausescan::internal::PackedNodeAccess, void> {
  static Node Wrap(detail::node& node, const detail::shared_memory_holder& memory) {
    return Node(node, memory);
  }
};
}  // namespace YAML

namespace clausescan::internal {
namespace {

constexpr std::string_view kMagic = "CSPK";
constexpr std::size_t kHeaderSize = 4 + 4 + 8 + 4;  // magic, version, checksum, file count
// The fewest bytes of a node: kind, style, three marks and a tag length.
constexpr std::size_t kMinNodeBytes = 1 + 1 + 12 + 4;

enum Kind : std::uint8_t { kNull = 0, kScalar = 1, kSequence = 2, kMap = 3 };

void PutU32(std::uint32_t value, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

void PutU64(std::uint64_t value, std::string* out) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

void PutString(std::string_view text, std::string* out) {
  PutU32(static_cast<std::uint32_t>(text.size()), out);
  out->append(text);
}

// A 64-bit checksum of bytes, eight at a time (not cryptographic: it finds damage, not forgery).
std::uint64_t Checksum(std::string_view bytes) {
  std::uint64_t hash = 0x9E3779B97F4A7C15ULL ^ bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t word = 0;
    for (int b = 0; b < 8; ++b) {
      word |= std::uint64_t{static_cast<unsigned char>(bytes[i + b])} << (8 * b);
    }
    hash = (hash ^ word) * 0x100000001B3ULL;
    hash ^= hash >> 29;
  }
  for (; i < bytes.size(); ++i) {
    hash = (hash ^ static_cast<unsigned char>(bytes[i])) * 0x100000001B3ULL;
  }
  return hash ^ (hash >> 32);
}

// Reads little-endian integers and strings from bytes; every read fails once past the end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  std::size_t left() const { return bytes_.size() - at_; }

  bool U8(std::uint8_t* out) {
    if (left() < 1) return false;
    *out = static_cast<std::uint8_t>(bytes_[at_++]);
    return true;
  }
  bool U32(std::uint32_t* out) {
    if (left() < 4) return false;
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      value |= std::uint32_t{static_cast<unsigned char>(bytes_[at_ + i])} << (8 * i);
    }
    at_ += 4;
    *out = value;
    return true;
  }
  bool I32(int* out) {
    std::uint32_t value = 0;
    if (!U32(&value)) return false;
    std::int32_t signed_value = 0;
    std::memcpy(&signed_value, &value, sizeof value);
    *out = signed_value;
    return true;
  }
  bool U64(std::uint64_t* out) {
    std::uint32_t low = 0, high = 0;
    if (!U32(&low) || !U32(&high)) return false;
    *out = (std::uint64_t{high} << 32) | low;
    return true;
  }
  bool String(std::string_view* out) {
    std::uint32_t size = 0;
    if (!U32(&size) || left() < size) return false;
    *out = bytes_.substr(at_, size);
    at_ += size;
    return true;
  }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

std::optional<std::string> PackNode(const YAML::Node& node, int depth, std::string* out) {
  if (depth > kMaxPackedDepth) {
    return fmt::format("lists and maps nested more than {} levels deep", kMaxPackedDepth);
  }
  Kind kind = kNull;
  switch (node.Type()) {
    case YAML::NodeType::Null:
      kind = kNull;
      break;
    case YAML::NodeType::Scalar:
      kind = kScalar;
      break;
    case YAML::NodeType::Sequence:
      kind = kSequence;
      break;
    case YAML::NodeType::Map:
      kind = kMap;
      break;
    case YAML::NodeType::Undefined:
      return "an undefined node";
  }
  out->push_back(static_cast<char>(kind));
  out->push_back(static_cast<char>(node.Style()));
  const YAML::Mark mark = node.Mark();
  for (int value : {mark.pos, mark.line, mark.column})
    PutU32(static_cast<std::uint32_t>(value), out);
  PutString(node.Tag(), out);
  if (kind == kScalar) PutString(node.Scalar(), out);
  if (kind == kSequence || kind == kMap) PutU32(static_cast<std::uint32_t>(node.size()), out);
  if (kind == kSequence) {
    for (const YAML::Node& item : node) {
      if (auto error = PackNode(item, depth + 1, out)) return error;
    }
  }
  if (kind == kMap) {
    for (const auto& entry : node) {
      if (auto error = PackNode(entry.first, depth + 1, out)) return error;
      if (auto error = PackNode(entry.second, depth + 1, out)) return error;
    }
  }
  return std::nullopt;
}

// Builds the nodes of one packed tree in one memory, as yaml-cpp's NodeBuilder does.
class Unpacker {
 public:
  explicit Unpacker(std::string_view bytes)
      : reader_(bytes), memory_(std::make_shared<YAML::detail::memory_holder>()) {}

  std::optional<std::string> Run(YAML::Node* root) {
    YAML::detail::node* node = nullptr;
    if (auto error = Node(0, &node)) return error;
    if (reader_.left() != 0) return fmt::format("{} bytes after the tree", reader_.left());
    *root = YAML::as_if<PackedNodeAccess, void>::Wrap(*node, memory_);
    return std::nullopt;
  }

 private:
  std::optional<std::string> Node(int depth, YAML::detail::node** out) {
    if (depth > kMaxPackedDepth) {
      return fmt::format("lists and maps nested more than {} levels deep", kMaxPackedDepth);
    }
    std::uint8_t kind = 0, style = 0;
    YAML::Mark mark;
    std::string_view tag;
    if (!reader_.U8(&kind) || !reader_.U8(&style) || !reader_.I32(&mark.pos) ||
        !reader_.I32(&mark.line) || !reader_.I32(&mark.column) || !reader_.String(&tag)) {
      return std::string("truncated node");
    }
    if (kind > kMap) return fmt::format("unknown node kind {}", kind);
    if (style > YAML::EmitterStyle::Flow) return fmt::format("unknown node style {}", style);
    YAML::detail::node& node = memory_->create_node();
    node.set_mark(mark);
    if (kind == kNull) {
      node.set_null();
    } else if (kind == kScalar) {
      std::string_view value;
      if (!reader_.String(&value)) return std::string("truncated scalar");
      node.set_scalar(std::string(value));
    } else {
      node.set_type(kind == kSequence ? YAML::NodeType::Sequence : YAML::NodeType::Map);
      node.set_style(static_cast<YAML::EmitterStyle::value>(style));
      std::uint32_t count = 0;
      if (!reader_.U32(&count)) return std::string("truncated count");
      const std::size_t per_item = kind == kMap ? 2 * kMinNodeBytes : kMinNodeBytes;
      if (count > reader_.left() / per_item) {
        return fmt::format("{} items, more than the bytes left could hold", count);
      }
      for (std::uint32_t i = 0; i < count; ++i) {
        YAML::detail::node* first = nullptr;
        if (auto error = Node(depth + 1, &first)) return error;
        if (kind == kSequence) {
          node.push_back(*first, memory_);
          continue;
        }
        YAML::detail::node* second = nullptr;
        if (auto error = Node(depth + 1, &second)) return error;
        node.insert(*first, *second, memory_);
      }
    }
    node.set_tag(std::string(tag));
    *out = &node;
    return std::nullopt;
  }

  Reader reader_;
  YAML::detail::shared_memory_holder memory_;
};

Error Corrupt(std::string detail, const std::string& file = "<builtin>") {
  return Error(ErrorCode::kCorrupt,
               "the built-in rule pack is damaged: " + std::move(detail) + " (rebuild clausescan)",
               file);
}

bool IsYamlFile(const std::string& name) {
  return name.size() >= 5 && name.compare(name.size() - 5, 5, ".yaml") == 0;
}

}  // namespace

std::optional<std::string> PackTree(const YAML::Node& root, std::string* out) {
  return PackNode(root, 0, out);
}

std::optional<std::string> UnpackTree(std::string_view bytes, YAML::Node* root) {
  return Unpacker(bytes).Run(root);
}

std::string WritePack(const std::vector<PackedFile>& files) {
  std::string body;
  PutU32(static_cast<std::uint32_t>(files.size()), &body);
  for (const PackedFile& file : files) {
    PutString(file.name, &body);
    PutU32(static_cast<std::uint32_t>(file.text_size), &body);
    PutString(file.tree, &body);
  }
  std::string blob(kMagic);
  PutU32(kPackVersion, &blob);
  // The checksum covers the file count and table (body).
  PutU64(Checksum(body), &blob);
  blob += body;
  return blob;
}

Result<std::vector<PackedFileView>> ReadPack(std::string_view blob) {
  if (blob.size() < kHeaderSize || blob.substr(0, kMagic.size()) != kMagic) {
    return Corrupt("no pack header");
  }
  Reader header(blob.substr(kMagic.size(), kHeaderSize - kMagic.size() - 4));
  std::uint32_t version = 0;
  std::uint64_t checksum = 0;
  header.U32(&version);
  header.U64(&checksum);
  if (version != kPackVersion) {
    return Corrupt(fmt::format("format version {}, this build reads {}", version, kPackVersion));
  }
  const std::string_view body = blob.substr(kHeaderSize - 4);
  if (Checksum(body) != checksum) return Corrupt("checksum mismatch");
  Reader reader(body);
  std::uint32_t count = 0;
  reader.U32(&count);
  if (count > reader.left() / 12) return Corrupt("file count larger than the pack");
  std::vector<PackedFileView> files(count);
  for (PackedFileView& file : files) {
    std::uint32_t text_size = 0;
    if (!reader.String(&file.name) || !reader.U32(&text_size) || !reader.String(&file.tree)) {
      return Corrupt("truncated file table");
    }
    file.text_size = text_size;
  }
  if (reader.left() != 0) return Corrupt("bytes after the file table");
  return files;
}

std::optional<Error> AttachPackedTrees(std::string_view blob, std::vector<SourceFile>* files) {
  Result<std::vector<PackedFileView>> pack = ReadPack(blob);
  if (!pack) return pack.error();
  for (const PackedFileView& packed : *pack) {
    auto it = std::find_if(files->begin(), files->end(),
                           [&](const SourceFile& file) { return file.name == packed.name; });
    if (it == files->end() || it->name != packed.name) {
      return Corrupt(fmt::format("a tree for '{}', which is not a built-in file", packed.name));
    }
    if (it->content.size() != packed.text_size) {
      return Corrupt("packed from another version of the file", it->name);
    }
    it->packed_tree = packed.tree;
  }
  for (const SourceFile& file : *files) {
    if (IsYamlFile(file.name) && file.packed_tree.empty()) {
      return Corrupt("no packed tree for the file", file.name);
    }
  }
  return std::nullopt;
}

}  // namespace clausescan::internal
