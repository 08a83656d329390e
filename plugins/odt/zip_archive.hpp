// Copied from plugins/docx/zip_archive.hpp (plugins may not depend on each other's
// folders) and adapted: namespace ra::odt, OdtError, ODT messages. Keep the
// two in step until they move into a shared helper.
// Bounded reading of a ZIP archive held in memory (libzip).
//
// Contract:
//  - The archive is read in place from `bytes` (never from a path); `bytes`
//    must outlive the object. One object serves one extraction: it is not
//    shared between threads.
//  - The constructor checks the central directory as a whole: at most
//    max_archive_entries entries, no two entry names equal (ignoring ASCII
//    case and '\' versus '/', as OPC part names compare; ODF names are
//    case-sensitive, so this is stricter than it needs to be), and the declared
//    compressed sizes add up to no more than the archive (overlapping
//    entries, the trick of zip bombs such as zbsm.zip, fail this).
//  - read() inflates one entry in a loop of bounded zip_fread calls and counts
//    the bytes actually produced (declared sizes are only claims) against
//    max_part_bytes, the archive-wide max_total_inflated_bytes, and
//    max_compression_ratio (inflated : declared compressed size) once past
//    ratio_check_after_bytes. It refuses encrypted entries and compression
//    methods other than STORE and DEFLATE before inflating anything.
//  - Every failure throws OdtError (odt_error.hpp).
#pragma once

#include "odt_error.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct zip;

namespace ra::odt {

/// `name` as entry names compare: ASCII lower case, '\\' turned into '/'.
std::string fold_entry_name(std::string_view name);

class ZipArchive {
 public:
  ZipArchive(std::string_view bytes, const ExtractLimits& limits);
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;
  ~ZipArchive();

  /// Whether an entry is called `name` (compared as the constructor does).
  bool contains(std::string_view name) const;

  /// The whole inflated entry `name` (its CRC checked), or nullopt if absent.
  std::optional<std::string> read(std::string_view name);

  /// At most the first `max_bytes` inflated bytes of entry `name`, or nullopt
  /// if absent. Counts against the same limits as read().
  std::optional<std::string> read_prefix(std::string_view name, std::size_t max_bytes);

 private:
  std::optional<std::string> read_entry(std::string_view name, std::uint64_t stop_after);

  struct Discard {
    void operator()(zip* archive) const noexcept;
  };
  std::unique_ptr<zip, Discard> zip_;
  std::uint64_t archive_bytes_;
  ExtractLimits limits_;
  std::unordered_map<std::string, std::uint64_t> index_;  // folded name -> entry
  std::uint64_t total_inflated_ = 0;
};

}  // namespace ra::odt
