#include "extract/zip_archive.h"

#include <fmt/format.h>
#include <zip.h>

#include <memory>

namespace clausescan::internal {
namespace {

struct FileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

ErrorCode CodeOf(int zip_error) {
  switch (zip_error) {
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
    case ZIP_ER_ENCRNOTSUPP:
      return ErrorCode::kEncrypted;
    case ZIP_ER_MEMORY:
      return ErrorCode::kTooLarge;
    default:
      return ErrorCode::kCorrupt;
  }
}

}  // namespace

void ZipArchive::Closer::operator()(zip* archive) const { zip_discard(archive); }

Result<ZipArchive> ZipArchive::Open(std::string_view bytes, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source == nullptr
                       ? nullptr
                       : zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive == nullptr) {
    if (source != nullptr) zip_source_free(source);
    std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Error(ErrorCode::kCorrupt,
                 fmt::format("not a readable ZIP archive (truncated or corrupt: {})", reason),
                 name);
  }
  zip_error_fini(&error);
  return ZipArchive(std::unique_ptr<zip, Closer>(archive), name);
}

bool ZipArchive::Has(std::string_view entry) const {
  return zip_name_locate(archive_.get(), std::string(entry).c_str(), ZIP_FL_NOCASE) >= 0;
}

Result<std::optional<std::string>> ZipArchive::Read(std::string_view entry,
                                                    std::size_t max_bytes) const {
  std::string entry_name(entry);
  zip_int64_t index = zip_name_locate(archive_.get(), entry_name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::optional<std::string>();
  auto too_large = [&] {
    return Error(ErrorCode::kTooLarge,
                 fmt::format("{} decompresses to more than {} bytes (a zip bomb? raise the limit "
                             "with ScanOptions::max_part_bytes)",
                             entry_name, max_bytes),
                 name_);
  };
  zip_stat_t stat;
  if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
      (stat.valid & ZIP_STAT_SIZE) && stat.size > max_bytes) {
    return too_large();
  }
  std::unique_ptr<zip_file_t, FileCloser> file(
      zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0));
  if (!file) {
    zip_error_t* error = zip_get_error(archive_.get());
    return Error(CodeOf(zip_error_code_zip(error)),
                 fmt::format("cannot read {}: {}", entry_name, zip_error_strerror(error)), name_);
  }
  std::string out;
  char buffer[1 << 16];
  while (true) {
    zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      zip_error_t* error = zip_file_get_error(file.get());
      return Error(CodeOf(zip_error_code_zip(error)),
                   fmt::format("cannot read {}: {}", entry_name, zip_file_strerror(file.get())),
                   name_);
    }
    if (out.size() + static_cast<std::size_t>(n) > max_bytes) return too_large();
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return std::optional<std::string>(std::move(out));
}

}  // namespace clausescan::internal
