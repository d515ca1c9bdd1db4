// Reading the parts of a ZIP archive held in memory (libzip), with a size limit per part.
#ifndef CLAUSESCAN_EXTRACT_ZIP_ARCHIVE_H_
#define CLAUSESCAN_EXTRACT_ZIP_ARCHIVE_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "clausescan/result.h"

struct zip;

namespace clausescan::internal {

class ZipArchive {
 public:
  // Opens the archive in bytes, which must outlive the ZipArchive (they are not copied). The
  // central directory is checked against the local headers, so a truncated or spliced archive
  // fails here. Errors (naming `name`): kCorrupt.
  static Result<ZipArchive> Open(std::string_view bytes, const std::string& name);

  // True when the archive has an entry of that name (compared case-insensitively, as OOXML
  // part names are).
  bool Has(std::string_view entry) const;

  // Decompresses an entry whole. Reading stops as soon as more than max_bytes come out, whatever
  // the archive declares, so a zip bomb costs at most max_bytes of memory. Returns nullopt when
  // there is no such entry. Errors (naming the file and the entry): kTooLarge, kEncrypted,
  // kCorrupt (bad data, CRC mismatch, unsupported compression).
  Result<std::optional<std::string>> Read(std::string_view entry, std::size_t max_bytes) const;

 private:
  struct Closer {
    void operator()(zip* archive) const;
  };
  ZipArchive(std::unique_ptr<zip, Closer> archive, std::string name)
      : archive_(std::move(archive)), name_(std::move(name)) {}

  std::unique_ptr<zip, Closer> archive_;
  std::string name_;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_EXTRACT_ZIP_ARCHIVE_H_
