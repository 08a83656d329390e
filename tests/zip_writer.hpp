// A ZIP writer for tests that need archives no real writer makes (hostile
// and corrupt packages): entries stored as given, optional ZIP64 records and
// an archive comment. Shared by the DOCX and ODT plugin tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ra::test {

inline std::uint32_t crc32(const std::string& data) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (const unsigned char byte : data) {
    crc ^= byte;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

struct Entry {
  std::string name;
  std::string data;         // as stored (already deflated when method is 8)
  std::uint16_t method = 0;
  std::uint32_t crc = 0;
  std::uint32_t size = 0;   // uncompressed
};

inline Entry stored(std::string name, std::string text) {
  Entry e{std::move(name), std::move(text)};
  e.crc = crc32(e.data);
  e.size = static_cast<std::uint32_t>(e.data.size());
  return e;
}

inline void put16(std::string& out, std::uint32_t v);

/// An entry deflated (method 8) as one final stored DEFLATE block: valid
/// DEFLATE data that any inflater reads, without a compressor. At most
/// 65,535 bytes of text.
inline Entry deflated_stored(std::string name, const std::string& text) {
  Entry e = stored(std::move(name), text);
  e.method = 8;
  e.data = std::string(1, '\x01');  // BFINAL, BTYPE 00
  put16(e.data, static_cast<std::uint32_t>(text.size()));
  put16(e.data, static_cast<std::uint32_t>(text.size()) ^ 0xFFFFu);
  e.data += text;
  return e;
}

inline void put16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}
inline void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

/// A ZIP of `entries`. With `zip64`, the central directory records give their
/// sizes and offsets in ZIP64 extra fields and the end record points to a
/// ZIP64 end record (as writers do for large archives); `comment` is the
/// archive comment.
inline std::string make_zip(const std::vector<Entry>& entries, bool zip64 = false, const std::string& comment = "") {
  std::string body, central;
  for (const Entry& e : entries) {
    const auto offset = static_cast<std::uint32_t>(body.size());
    const auto fields = [&](std::string& out, bool saturated) {
      put16(out, 0);  // flags
      put16(out, e.method);
      put16(out, 0);     // time
      put16(out, 0x21);  // date: 1980-01-01
      put32(out, e.crc);
      put32(out, saturated ? 0xFFFFFFFFu : static_cast<std::uint32_t>(e.data.size()));
      put32(out, saturated ? 0xFFFFFFFFu : e.size);
      put16(out, static_cast<std::uint32_t>(e.name.size()));
      put16(out, saturated ? 28 : 0);  // extra length
    };
    put32(body, 0x04034B50);
    put16(body, 20);
    fields(body, false);
    body += e.name;
    body += e.data;
    put32(central, 0x02014B50);
    put16(central, zip64 ? 45 : 20);
    put16(central, zip64 ? 45 : 20);
    fields(central, zip64);
    put16(central, 0);  // comment
    put16(central, 0);  // disk
    put16(central, 0);  // internal attributes
    put32(central, 0);  // external attributes
    put32(central, zip64 ? 0xFFFFFFFFu : offset);
    central += e.name;
    if (zip64) {  // ZIP64 extended information: size, compressed size, offset
      put16(central, 1);
      put16(central, 24);
      put32(central, e.size);
      put32(central, 0);
      put32(central, static_cast<std::uint32_t>(e.data.size()));
      put32(central, 0);
      put32(central, offset);
      put32(central, 0);
    }
  }
  std::string zip = body + central;
  const auto count = static_cast<std::uint32_t>(entries.size());
  if (zip64) {
    const auto record = static_cast<std::uint32_t>(zip.size());
    put32(zip, 0x06064B50);
    put32(zip, 44);  // record size after this field
    put32(zip, 0);
    put16(zip, 45);
    put16(zip, 45);
    put32(zip, 0);  // disk
    put32(zip, 0);  // directory's disk
    for (const std::uint32_t n : {count, count, static_cast<std::uint32_t>(central.size()),
                                  static_cast<std::uint32_t>(body.size())}) {
      put32(zip, n);
      put32(zip, 0);
    }
    put32(zip, 0x07064B50);  // the locator
    put32(zip, 0);
    put32(zip, record);
    put32(zip, 0);
    put32(zip, 1);
  }
  put32(zip, 0x06054B50);
  put16(zip, 0);
  put16(zip, 0);
  put16(zip, zip64 ? 0xFFFF : count);
  put16(zip, zip64 ? 0xFFFF : count);
  put32(zip, zip64 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(central.size()));
  put32(zip, zip64 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(body.size()));
  put16(zip, static_cast<std::uint32_t>(comment.size()));
  return zip + comment;
}

}  // namespace ra::test
