#include "common/zip_directory.hpp"

#include "common/plugin_error.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace ra::common {
namespace {

constexpr std::string_view kLocalHeader("PK\x03\x04", 4);
constexpr std::string_view kEndSignature("PK\x05\x06", 4);
constexpr std::uint32_t kCentralSignature = 0x02014B50;
constexpr std::uint32_t kZip64EndSignature = 0x06064B50;
constexpr std::uint32_t kZip64LocatorSignature = 0x07064B50;
constexpr std::size_t kEndBytes = 22;
constexpr std::size_t kMaxComment = 0xFFFF;
constexpr std::size_t kCentralBytes = 46;
constexpr std::size_t kLocalBytes = 30;
constexpr std::size_t kZip64LocatorBytes = 20;
constexpr std::size_t kZip64EndBytes = 56;
constexpr std::uint16_t kZip64Extra = 0x0001;

std::uint64_t le64(std::string_view b, std::uint64_t at) {
  return static_cast<std::uint64_t>(le32(b, at)) | static_cast<std::uint64_t>(le32(b, at + 4)) << 32;
}

char fold(char c) {
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  return c == '\\' ? '/' : c;
}

/// Replaces the saturated fields of `e` with those of its ZIP64 extra field
/// (`extra`), in the order the format gives them; false if one is missing.
bool read_zip64_extra(std::string_view extra, bool size, bool compressed, bool offset, ZipEntry& e) {
  for (std::size_t at = 0; extra.size() - at >= 4;) {
    const std::uint16_t id = le16(extra, at);
    const std::size_t length = le16(extra, at + 2);
    if (extra.size() - at - 4 < length) return false;
    if (id == kZip64Extra) {
      const std::string_view field = extra.substr(at + 4, length);
      std::size_t used = 0;
      for (auto [wanted, value] : {std::pair{size, &e.size}, std::pair{compressed, &e.compressed_size},
                                   std::pair{offset, &e.local_header}}) {
        if (!wanted) continue;
        if (field.size() - used < 8) return false;
        *value = le64(field, used);
        used += 8;
      }
      return true;
    }
    at += 4 + length;
  }
  return false;
}

}  // namespace

std::string fold_entry_name(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = fold(c);
  return out;
}

int compare_folded(std::string_view a, std::string_view b) noexcept {
  const std::size_t n = std::min(a.size(), b.size());
  // Names share long prefixes ("word/_rels/"): equal bytes are skipped eight
  // at a time, and folding starts at the first group that differs.
  std::size_t i = 0;
  for (; n - i >= 8; i += 8) {
    std::uint64_t x, y;
    std::memcpy(&x, a.data() + i, 8);
    std::memcpy(&y, b.data() + i, 8);
    if (x != y) break;
  }
  for (; i < n; ++i) {
    if (a[i] == b[i]) continue;  // the common case: fold only where the bytes differ
    const auto x = static_cast<unsigned char>(fold(a[i]));
    const auto y = static_cast<unsigned char>(fold(b[i]));
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

std::uint64_t folded_key(std::string_view name) noexcept {
  std::uint64_t key = 0;
  const std::size_t n = std::min<std::size_t>(name.size(), 8);
  for (std::size_t i = 0; i < n; ++i) key |= std::uint64_t{static_cast<unsigned char>(fold(name[i]))} << (56 - 8 * i);
  return key;
}

ZipDirectory::ZipDirectory(std::string_view bytes) : bytes_(bytes) {
  const bool local_header_first = bytes.substr(0, kLocalHeader.size()) == kLocalHeader;
  if (bytes.size() < kEndBytes) {
    fail(ExtractStatus::kCorrupt, local_header_first ? "corrupt ZIP archive: truncated" : "not a ZIP archive");
  }
  const std::size_t lowest = bytes.size() - kEndBytes > kMaxComment ? bytes.size() - kEndBytes - kMaxComment : 0;
  const char* refused = nullptr;  // why the EOCD nearest the end was not usable
  for (std::size_t from = bytes.size() - kEndBytes;;) {
    const std::size_t eocd = bytes.rfind(kEndSignature, from);
    if (eocd == std::string_view::npos || eocd < lowest) break;
    const char* why = locate(eocd);
    if (why == nullptr) return;
    if (refused == nullptr) refused = why;
    if (eocd == 0) break;
    from = eocd - 1;
  }
  if (refused != nullptr) fail(ExtractStatus::kCorrupt, std::string("corrupt ZIP archive: ") + refused);
  fail(ExtractStatus::kCorrupt, local_header_first ? "corrupt ZIP archive: no end of central directory (truncated?)"
                                                   : "not a ZIP archive");
}

const char* ZipDirectory::locate(std::size_t eocd) {
  const std::string_view b = bytes_;
  std::uint64_t disk = le16(b, eocd + 4);
  std::uint64_t directory_disk = le16(b, eocd + 6);
  std::uint64_t on_this_disk = le16(b, eocd + 8);
  std::uint64_t entries = le16(b, eocd + 10);
  std::uint64_t size = le32(b, eocd + 12);
  std::uint64_t offset = le32(b, eocd + 16);
  std::uint64_t end = eocd;  // the directory ends before this
  zip64_ = false;
  const bool saturated = entries == 0xFFFF || on_this_disk == 0xFFFF || size == 0xFFFFFFFF ||
                         offset == 0xFFFFFFFF || disk == 0xFFFF || directory_disk == 0xFFFF;
  if (saturated && eocd >= kZip64LocatorBytes && le32(b, eocd - kZip64LocatorBytes) == kZip64LocatorSignature) {
    const std::uint64_t record = le64(b, eocd - kZip64LocatorBytes + 8);
    if (record > eocd - kZip64LocatorBytes || eocd - kZip64LocatorBytes - record < kZip64EndBytes ||
        le32(b, record) != kZip64EndSignature) {
      return "no ZIP64 end of central directory where its locator points";
    }
    disk = le32(b, record + 16);
    directory_disk = le32(b, record + 20);
    on_this_disk = le64(b, record + 24);
    entries = le64(b, record + 32);
    size = le64(b, record + 40);
    offset = le64(b, record + 48);
    end = record;
    zip64_ = true;
  }
  if (b.size() - eocd - kEndBytes < le16(b, eocd + 20)) return "the end record's comment runs past the end";
  if (disk != 0 || directory_disk != 0) return "multi-disk ZIP archives are not supported";
  if (on_this_disk != entries) return "the end record's entry counts disagree";
  if (offset > end || size > end - offset) return "central directory outside the archive";
  if (entries > size / kCentralBytes) return "central directory too small for its entries";
  if (size != 0 && (size < kCentralBytes || le32(b, offset) != kCentralSignature)) {
    return "no central directory where the end record points";
  }
  begin_ = offset;
  end_ = offset + size;
  declared_ = entries;
  return nullptr;
}

bool ZipDirectory::next(Cursor& cursor, ZipEntry& e) const {
  if (cursor.at >= end_) return false;
  const std::string_view b = bytes_;
  const std::uint64_t at = cursor.at;
  const auto unreadable = [&] {
    fail(ExtractStatus::kCorrupt, "corrupt ZIP archive: unreadable entry " + std::to_string(cursor.index));
  };
  if (end_ - at < kCentralBytes || le32(b, at) != kCentralSignature) unreadable();
  const std::uint64_t name_length = le16(b, at + 28);
  const std::uint64_t extra_length = le16(b, at + 30);
  const std::uint64_t comment_length = le16(b, at + 32);
  if (end_ - at - kCentralBytes < name_length + extra_length + comment_length) unreadable();
  e.flags = le16(b, at + 8);
  e.method = le16(b, at + 10);
  e.crc = le32(b, at + 16);
  e.compressed_size = le32(b, at + 20);
  e.size = le32(b, at + 24);
  e.local_header = le32(b, at + 42);
  e.name = b.substr(at + kCentralBytes, name_length);
  const bool size = e.size == 0xFFFFFFFF, compressed = e.compressed_size == 0xFFFFFFFF,
             offset = e.local_header == 0xFFFFFFFF;
  if ((size || compressed || offset) &&
      !read_zip64_extra(b.substr(at + kCentralBytes + name_length, extra_length), size, compressed, offset, e)) {
    unreadable();
  }
  cursor.at = at + kCentralBytes + name_length + extra_length + comment_length;
  ++cursor.index;
  return true;
}

std::uint64_t ZipDirectory::count_entries() const {
  ZipEntry entry;
  Cursor cursor = begin();
  while (next(cursor, entry)) {
  }
  check_count(cursor);
  return cursor.index;
}

void ZipDirectory::check_count(const Cursor& end) const {
  if (zip64_ ? end.index != declared_ : (end.index & 0xFFFF) != declared_) {
    fail(ExtractStatus::kCorrupt, "corrupt ZIP archive: the central directory holds " + std::to_string(end.index) +
                                      " entries, its end record says " + std::to_string(declared_));
  }
}

std::string_view ZipDirectory::stored_data(const ZipEntry& e, std::string_view shown) const {
  const std::string_view b = bytes_;
  const std::uint64_t at = e.local_header;
  if (at > b.size() || b.size() - at < kLocalBytes) {
    fail(ExtractStatus::kCorrupt, "corrupt part " + std::string(shown) + ": no local file header at offset " +
                                      std::to_string(at));
  }
  const std::uint64_t data = at + kLocalBytes + le16(b, at + 26) + le16(b, at + 28);
  if (data > b.size() || b.size() - data < e.compressed_size) {
    fail(ExtractStatus::kCorrupt, "corrupt part " + std::string(shown) + ": data runs past the end of the archive");
  }
  return b.substr(data, e.compressed_size);
}

}  // namespace ra::common
