// Bounded reading of a ZIP archive held in memory (libzip for the directory,
// zlib for inflating).
//
// Contract:
//  - The archive is read in place from `bytes` (never from a path); `bytes`
//    must outlive the object. One object serves one extraction: it is not
//    shared between threads.
//  - The constructor checks the central directory as a whole: at most
//    max_archive_entries entries, no two entry names equal (ignoring ASCII
//    case and '\' versus '/', as OPC part names compare), and the declared
//    compressed sizes add up to no more than the archive (overlapping
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
//  - Every failure throws DocxError (docx_error.hpp).
//
// looks_like_word_package(bytes) is for sniff(): whether a ZIP that the
// plugin may be unable to read is meant to be a Word document (it names
// something under word/, or its [Content_Types].xml names a
// WordprocessingML or ms-word content type). It uses the central directory
// when libzip can read it (whatever the checks above would say), otherwise
// the local file headers in the first 256 KiB of the bytes (a truncated file,
// a damaged directory). Bounded: at most 65,536 directory entries or 64 local
// headers looked at, and at most 64 KiB of [Content_Types].xml inflated.
#pragma once

#include "docx_error.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct zip;

namespace ra::docx {

/// `name` as entry names compare: ASCII lower case, '\\' turned into '/'.
std::string fold_entry_name(std::string_view name);

/// See above. Throws only std::bad_alloc.
bool looks_like_word_package(std::string_view bytes);

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

}  // namespace ra::docx
