// common::ChunkWriter (plugins/common/chunk_writer.hpp): how a line is
// cleaned, wherever in it the characters to clean stand.
#include "common/chunk_writer.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

std::string cleaned(const std::string& line) {
  ra::common::ChunkWriter out(1 << 20);
  out.add_line(ra::Zone::kBody, line);
  return out.chunks().empty() ? "<dropped>" : out.chunks().front().text;
}

}  // namespace

TEST_CASE("chunk writer: controls dropped, tabs, printable ASCII and UTF-8 kept, at any offset", "[chunk_writer]") {
  // Plain runs are copied eight bytes at a time: each character to clean at
  // every offset of lines shorter and longer than a block.
  for (std::size_t length = 1; length <= 24; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      INFO("length " << length << ", at " << at);
      const std::string before(at, 'a'), after(length - at - 1, 'z');
      for (const char control : {'\x01', '\x1B', '\x1F', '\x7F', '\r', '\0'}) {
        CHECK(cleaned("<" + before + control + after + ">") == "<" + before + after + ">");
      }
      CHECK(cleaned("<" + before + '\t' + after + ">") == "<" + before + '\t' + after + ">");
      CHECK(cleaned("<" + before + "~ " + after + ">") == "<" + before + "~ " + after + ">");
      CHECK(cleaned("<" + before + "\xC3\xA9" + after + ">") == "<" + before + "\xC3\xA9" + after + ">");
      CHECK(cleaned("<" + before + "\xE9" + after + ">") == "<" + before + "\xEF\xBF\xBD" + after + ">");
    }
  }
  CHECK(cleaned("  padded  ") == "padded");
  CHECK(cleaned(" \t \x01 ") == "<dropped>");
}
