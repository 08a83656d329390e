// common::ChunkWriter (plugins/common/chunk_writer.hpp): how a line is
// cleaned, wherever in it the characters to clean stand.
#include "common/chunk_writer.hpp"
#include "common/plugin_error.hpp"

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

TEST_CASE("chunk writer: appending a writer, moved or copied, gives the same chunks", "[chunk_writer]") {
  const auto filled = [](std::uint64_t limit) {
    ra::common::ChunkWriter w(limit);
    w.add_line(ra::Zone::kBody, "one");
    w.add_line(ra::Zone::kBody, "two");
    w.add_line(ra::Zone::kTable, "three");
    return w;
  };
  const auto listed = [](const ra::common::ChunkWriter& w) {
    std::string out;
    for (const ra::TextChunk& c : w.chunks()) out += std::string(ra::zone_name(c.zone)) + ":" + c.text + "|";
    return out;
  };
  ra::common::ChunkWriter copied(100), moved(100);
  copied.append(filled(100));  // a temporary: moved
  const ra::common::ChunkWriter source = filled(100);
  moved.append(source);  // copied
  CHECK(listed(copied) == "body:one\ntwo|table:three|");
  CHECK(listed(moved) == listed(copied));
  // Into a writer that holds text: chunks of one zone join.
  ra::common::ChunkWriter joined(100);
  joined.add_line(ra::Zone::kTable, "zero");
  joined.append(filled(100));
  joined.append(filled(100));
  CHECK(listed(joined) == "table:zero|body:one\ntwo|table:three|body:one\ntwo|table:three|");
  // The limit counts the text taken over: "one\ntwo\nthree" is 13 bytes, and a
  // second copy with its separator 14 more.
  const auto failure = [](auto&& append) -> std::string {
    try {
      append();
    } catch (const ra::common::PluginError& e) {
      return e.message;
    }
    return "no error";
  };
  ra::common::ChunkWriter limited(20);
  limited.append(filled(20));
  CHECK(failure([&] { limited.append(filled(20)); }) == "extracted text exceeds the 20 bytes limit");
  ra::common::ChunkWriter smaller(10);
  CHECK(failure([&] { smaller.append(filled(20)); }) == "extracted text exceeds the 10 bytes limit");
}
