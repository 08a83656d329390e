// Bounded reading of a ZIP archive held in memory (libzip for the directory,
// zlib for inflating), shared by the package formats (DOCX, ODT).
//
// Contract:
//  - The archive is read in place from `bytes` (never from a path); `bytes`
//    must outlive the object. One object serves one extraction: it is not
//    shared between threads.
//  - The constructor checks the central directory as a whole: at most
//    max_archive_entries entries, no two entry names equal (ignoring ASCII
//    case and '\' versus '/', as OPC part names compare; ODF names are
//    case-sensitive, so for ODT this is stricter than it needs to be), and
//    the declared compressed sizes add up to no more than the archive (overlapping
//    entries, the trick of zip bombs such as zbsm.zip, fail this). Bytes that
//    start with a local file header but have no readable end of central
//    directory (a truncated file) are "corrupt ZIP archive: ...", not "not a
//    ZIP archive".
//  - read() takes an entry's compressed bytes from libzip as they are
//    (ZIP_FL_COMPRESSED) and inflates them itself, so that it knows how many
//    compressed bytes each inflated byte came from. It refuses encrypted
//    entries and compression methods other than STORE and DEFLATE before
//    inflating anything, then counts the bytes actually produced (declared
//    sizes are only claims) against:
//      * max_part_bytes, for the entry;
//      * max_total_inflated_bytes, for all reads of this object together;
//      * max_compression_ratio, once the entry has produced more than
//        ratio_check_after_bytes: the bytes produced so far may not pass
//        ratio * the compressed bytes consumed so far (zlib's total_in).
//    All three are checked after every inflate step, which produces at most
//    64 KiB; so an entry never yields more than 64 KiB past
//    min(max_part_bytes, max(ratio_check_after_bytes, ratio * compressed
//    bytes read)), however its data is arranged: a bomb whose dense part
//    comes late in a large entry is stopped as soon as its running ratio
//    passes the limit, not judged by the entry's whole compressed size. A
//    DEFLATE stream that ends before its end block, or whose data is invalid,
//    is corrupt; the CRC-32 is checked whenever an entry is read to its end.
//    An encrypted entry is kUnsupported "encrypted <format> is not
//    supported", <format> being the name the constructor was given ("DOCX").
//  - Every failure throws PluginError (plugin_error.hpp).
#pragma once

#include "common/plugin_error.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct zip;

namespace ra::common {

/// `name` as entry names compare: ASCII lower case, '\\' turned into '/'.
std::string fold_entry_name(std::string_view name);

/// Up to `max_out` bytes inflated from the start of raw DEFLATE data `raw`,
/// as far as it goes and is valid (for sniffing a part from a local file
/// header). Throws only std::bad_alloc.
std::string inflate_prefix(std::string_view raw, std::size_t max_out);

class ZipArchive {
 public:
  /// `format` names the package format in messages ("DOCX", "ODT"); it must
  /// outlive the object (a string literal).
  ZipArchive(std::string_view bytes, const ExtractLimits& limits, std::string_view format);
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
  std::string_view format_;
  ExtractLimits limits_;
  std::unordered_map<std::string, std::uint64_t> index_;  // folded name -> entry
  std::uint64_t total_inflated_ = 0;
};

}  // namespace ra::common
