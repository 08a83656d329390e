// Tests of the plain-text plugin (plugins/text), loaded from the built .so.
#include "test_support.hpp"

#include "resume_analyser/text_codec.hpp"

#include <cstdint>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

using ra::ExtractLimits;
using ra::ExtractResult;
using ra::ExtractStatus;

const ra::FormatPlugin& text_plugin() { return ra::test::plugin("text"); }

ExtractResult extract(const std::string& bytes, const ExtractLimits& limits = {}) {
  return text_plugin().extract(bytes, limits);
}

// The extracted text with zones, after checking the result is a success.
std::string text_of(const std::string& bytes) {
  const ExtractResult r = extract(bytes);
  INFO("message: " << r.message);
  REQUIRE(r.ok());
  for (const ra::TextChunk& c : r.chunks) {
    CHECK(ra::codec::utf8_first_invalid(c.text) == ra::codec::kNpos);
    CHECK(c.text.find('\r') == std::string::npos);
    CHECK((c.text.empty() || c.text.back() != '\n'));
  }
  return ra::test::joined(r, true);
}

std::string utf16(const std::u16string& s, bool big_endian, bool bom = true) {
  std::string out;
  if (bom) out += big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (const char16_t u : s) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  }
  return out;
}

std::string data_file(const std::string& name) {
  return ra::test::read_file(std::string(RA_TEST_DATA_DIR) + "/text/" + name);
}

}  // namespace

TEST_CASE("text: format info", "[text]") {
  const ra::FormatInfo info = text_plugin().info();
  CHECK(info.name == "text");
  CHECK(info.description == "plain text");
  CHECK(info.extensions == std::vector<std::string>{".txt", ".text", ".md"});
  CHECK(info.media_types == std::vector<std::string>{"text/plain"});
  CHECK(info.max_input_bytes == 1024u * 1024u);
}

TEST_CASE("text: sniff", "[text]") {
  const ra::FormatPlugin& p = text_plugin();
  CHECK(p.sniff("Jane Doe\nEngineer\n") == 10);
  CHECK(p.sniff("") == 10);
  CHECK(p.sniff("R\xe9sum\xe9") == 10);                     // Windows-1252
  CHECK(p.sniff("\xEF\xBB\xBFJane") == 10);                 // UTF-8 BOM
  CHECK(p.sniff(utf16(u"Jane", false)) == 10);              // UTF-16 LE
  CHECK(p.sniff(utf16(u"Jane", true)) == 10);               // UTF-16 BE
  CHECK(p.sniff(std::string("abc\0def", 7)) == 0);          // NUL: binary
  CHECK(p.sniff(utf16(u"Jane", false, /*bom=*/false)) == 0);  // UTF-16 without BOM: binary
  CHECK(p.sniff(std::string("PK\x03\x04\x14\0\0\0", 8)) == 0);  // a ZIP (DOCX)
  CHECK(p.sniff(std::string("\xFF\xFE\0\0J\0\0\0", 8)) == 0);   // UTF-32 LE
}

TEST_CASE("text: UTF-8 with and without BOM", "[text]") {
  const std::string body = "Jane Doe\nSenior C++ Engineer \xE2\x80\x94 Z\xC3\xBCrich\n\xF0\x9F\x9A\x80 Go\n";
  const std::string expected =
      "[body] Jane Doe\nSenior C++ Engineer \xE2\x80\x94 Z\xC3\xBCrich\n\xF0\x9F\x9A\x80 Go\n";
  CHECK(text_of(body) == expected);
  CHECK(text_of("\xEF\xBB\xBF" + body) == expected);
  const ExtractResult r = extract(body);
  REQUIRE(r.chunks.size() == 1);
  CHECK(r.chunks[0].zone == ra::Zone::kBody);
  CHECK(r.chunks[0].text == "Jane Doe\nSenior C++ Engineer \xE2\x80\x94 Z\xC3\xBCrich\n\xF0\x9F\x9A\x80 Go");
}

TEST_CASE("text: UTF-8 BOM with ill-formed bytes gives U+FFFD, not Windows-1252", "[text]") {
  // The BOM declares UTF-8: each maximal ill-formed subpart becomes one U+FFFD.
  CHECK(text_of("\xEF\xBB\xBF" "caf\xC3\xA9 \xE9t\xE9 \xE2\x82 x") ==
        "[body] caf\xC3\xA9 \xEF\xBF\xBDt\xEF\xBF\xBD \xEF\xBF\xBD x\n");
}

TEST_CASE("text: UTF-16 LE and BE with BOM", "[text]") {
  // U+00E9, U+2014 and a surrogate pair (U+1F680).
  const std::u16string s = u"R\u00e9sum\u00e9 \u2014 C++\r\nRocket \U0001F680\r\n";
  const std::string expected = "[body] R\xC3\xA9sum\xC3\xA9 \xE2\x80\x94 C++\nRocket \xF0\x9F\x9A\x80\n";
  CHECK(text_of(utf16(s, false)) == expected);
  CHECK(text_of(utf16(s, true)) == expected);
}

TEST_CASE("text: UTF-16 fixture files (CRLF, blank lines, emoji)", "[text]") {
  const std::string expected =
      "[body] Jane Doe\nSenior C++ Engineer \xE2\x80\x94 Z\xC3\xBCrich\n\n"
      "Skills: Python, Go, Kubernetes \xF0\x9F\x9A\x80\n";
  CHECK(text_of(data_file("resume-utf16le.txt")) == expected);
  CHECK(text_of(data_file("resume-utf16be.txt")) == expected);
}

TEST_CASE("text: invalid UTF-16 is corrupt, with the byte offset", "[text]") {
  struct Case {
    std::string bytes;
    std::uint64_t offset;
  };
  const std::vector<Case> cases = {
      {std::string("\xFF\xFE" "A\0B", 5), 4},                  // odd byte count: dangling byte
      {std::string("\xFF\xFE" "A\0\x00\xDC" "B\0", 8), 4},     // lone low surrogate
      {std::string("\xFF\xFE" "A\0\x3D\xD8" "B\0", 8), 4},     // high surrogate + non-low
      {std::string("\xFE\xFF\0A\xD8\x3D", 6), 4},              // high surrogate at the end (BE)
      {std::string("\xFE\xFF\0A\xD8\x3D\xD8\x3D\xDE\x00", 10), 4},  // high + high
  };
  for (const Case& c : cases) {
    const ExtractResult r = extract(c.bytes);
    CHECK(r.status == ExtractStatus::kCorrupt);
    CHECK(r.message == "invalid UTF-16 at byte " + std::to_string(c.offset));
    CHECK(r.offset == c.offset);
    CHECK(r.chunks.empty());
  }
}

TEST_CASE("text: Windows-1252 fallback", "[text]") {
  CHECK(text_of("R\xe9sum\xe9 \x93quoted\x94 \x96 dash") ==
        "[body] R\xC3\xA9sum\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 dash\n");
  CHECK(text_of(data_file("resume-cp1252.txt")) ==
        "[body] R\xC3\xA9sum\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 dash\n"
        "Caf\xC3\xA9 \xE2\x80\xA2 Na\xC3\xAFve \xE2\x80\x94 5 \xE2\x82\xAC\n");
}

TEST_CASE("text: Windows-1252 0x80-0x9F follow the code page; undefined bytes become U+FFFD",
          "[text]") {
  std::string bytes;
  for (int b = 0x80; b <= 0x9F; ++b) bytes += static_cast<char>(b);
  const std::string expected =
      "[body] "
      "\xE2\x82\xAC"  // 80 €
      "\xEF\xBF\xBD"  // 81 undefined
      "\xE2\x80\x9A"  // 82 ‚
      "\xC6\x92"      // 83 ƒ
      "\xE2\x80\x9E"  // 84 „
      "\xE2\x80\xA6"  // 85 …
      "\xE2\x80\xA0"  // 86 †
      "\xE2\x80\xA1"  // 87 ‡
      "\xCB\x86"      // 88 ˆ
      "\xE2\x80\xB0"  // 89 ‰
      "\xC5\xA0"      // 8A Š
      "\xE2\x80\xB9"  // 8B ‹
      "\xC5\x92"      // 8C Œ
      "\xEF\xBF\xBD"  // 8D undefined
      "\xC5\xBD"      // 8E Ž
      "\xEF\xBF\xBD"  // 8F undefined
      "\xEF\xBF\xBD"  // 90 undefined
      "\xE2\x80\x98"  // 91 ‘
      "\xE2\x80\x99"  // 92 ’
      "\xE2\x80\x9C"  // 93 “
      "\xE2\x80\x9D"  // 94 ”
      "\xE2\x80\xA2"  // 95 •
      "\xE2\x80\x93"  // 96 –
      "\xE2\x80\x94"  // 97 —
      "\xCB\x9C"      // 98 ˜
      "\xE2\x84\xA2"  // 99 ™
      "\xC5\xA1"      // 9A š
      "\xE2\x80\xBA"  // 9B ›
      "\xC5\x93"      // 9C œ
      "\xEF\xBF\xBD"  // 9D undefined
      "\xC5\xBE"      // 9E ž
      "\xC5\xB8"      // 9F Ÿ
      "\n";
  CHECK(text_of(bytes) == expected);
  // 0xA0-0xFF are Latin-1; 0xA0 is NBSP, kept (it is not trailing here).
  CHECK(text_of("\xA0x \xA9 \xFF") == "[body] \xC2\xA0x \xC2\xA9 \xC3\xBF\n");
}

TEST_CASE("text: ill-formed UTF-8 without BOM is read as Windows-1252", "[text]") {
  CHECK(text_of("\xC0\xAF") == "[body] \xC3\x80\xC2\xAF\n");               // overlong '/'
  CHECK(text_of("\xED\xA0\x80") == "[body] \xC3\xAD\xC2\xA0\xE2\x82\xAC\n");  // surrogate D800
  CHECK(text_of("\xF4\x90\x80\x80") ==
        "[body] \xC3\xB4\xEF\xBF\xBD\xE2\x82\xAC\xE2\x82\xAC\n");  // above U+10FFFF
  CHECK(text_of("caf\xC3") == "[body] caf\xC3\x83\n");             // truncated sequence
  // One bad byte anywhere switches the whole file.
  CHECK(text_of("Z\xC3\xBCrich \xE9") == "[body] Z\xC3\x83\xC2\xBCrich \xC3\xA9\n");
}

TEST_CASE("text: line ends, blank lines and trailing whitespace", "[text]") {
  CHECK(text_of("a\r\nb\rc\nd") == "[body] a\nb\nc\nd\n");
  CHECK(text_of("a\r\r\nb") == "[body] a\n\nb\n");  // CR, then CRLF: one blank line
  CHECK(text_of("page one\fpage two") == "[body] page one\npage two\n");
  CHECK(text_of("\n\n \t\n  Jane  \n\n\n\n\tIndented\t \n\n\n") == "[body]   Jane\n\n\tIndented\n");
  CHECK(text_of("a\tb") == "[body] a\tb\n");
}

TEST_CASE("text: control characters are dropped", "[text]") {
  CHECK(text_of("a\x01" "b\x1B[0mc\x7F" "d\x0B" "e") == "[body] ab[0mcde\n");
  CHECK(text_of("x\xC2\x85y\xC2\x9Fz\xC2\xA0!") == "[body] xyz\xC2\xA0!\n");  // C1 dropped, NBSP kept
  CHECK(text_of("Go\xEF\xBB\xBFLang") == "[body] GoLang\n");                 // stray U+FEFF
}

TEST_CASE("text: empty and blank files give no chunks", "[text]") {
  for (const std::string& bytes : {std::string(), std::string("\xEF\xBB\xBF"), std::string(" \r\n\t\n\f"),
                                   std::string("\xFF\xFE"), std::string("\x01\x02")}) {
    const ExtractResult r = extract(bytes);
    CHECK(r.ok());
    CHECK(r.chunks.empty());
  }
}

TEST_CASE("text: binary data is refused at the first NUL", "[text]") {
  const ExtractResult r = extract(std::string("Jane\nDoe\0\x01\x02", 11));
  CHECK(r.status == ExtractStatus::kUnsupported);
  CHECK(r.message == "binary data, not text");
  CHECK(r.offset == 8);
  const ExtractResult bom = extract(std::string("\xEF\xBB\xBFJ\0", 5));
  CHECK(bom.status == ExtractStatus::kUnsupported);
  CHECK(bom.offset == 4);
  const ExtractResult utf32 = extract(std::string("\xFF\xFE\0\0J\0\0\0", 8));
  CHECK(utf32.status == ExtractStatus::kUnsupported);
  CHECK(utf32.message == "UTF-32 text is not supported");
}

TEST_CASE("text: the output limit is enforced", "[text]") {
  ExtractLimits limits;
  limits.max_text_bytes = 10;
  CHECK(extract("0123456789", limits).ok());
  CHECK(extract("01234\n\n\n6789", limits).status == ExtractStatus::kLimitExceeded);  // 11 bytes
  ExtractResult r = extract("0123456789A", limits);
  CHECK(r.status == ExtractStatus::kLimitExceeded);
  CHECK(r.message == "extracted text exceeds 10 bytes");
  r = extract("01234\n\n\n678", limits);  // 10 bytes after collapsing
  CHECK(r.ok());
  // Trailing whitespace that is stripped does not count.
  CHECK(extract("0123456789          \n\n", limits).ok());
}

TEST_CASE("text: 1 MiB of mixed text reads, and threads can share the plugin", "[text]") {
  std::string big;
  while (big.size() < (1u << 20) - 64) big += "Senior Engineer \xE2\x80\x94 C++, Python, Kubernetes\r\n";
  const ExtractResult r = extract(big);
  REQUIRE(r.ok());

  const std::string expected = ra::test::joined(r);
  std::vector<std::thread> threads;
  std::vector<int> same(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      int ok = 1;
      for (int i = 0; i < 3; ++i) ok &= ra::test::joined(text_plugin().extract(big, {})) == expected;
      same[t] = ok;
    });
  }
  for (std::thread& th : threads) th.join();
  CHECK(same == std::vector<int>(4, 1));
}

// The codec is header-only and also used by the HTML plugin: test it directly
// against a slow, obviously correct reference.
namespace {

bool reference_valid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t len;
    std::uint32_t cp;
    if (b < 0x80) { len = 1; cp = b; }
    else if ((b & 0xE0) == 0xC0) { len = 2; cp = b & 0x1F; }
    else if ((b & 0xF0) == 0xE0) { len = 3; cp = b & 0x0F; }
    else if ((b & 0xF8) == 0xF0) { len = 4; cp = b & 0x07; }
    else return false;
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    static const std::uint32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

}  // namespace

TEST_CASE("text codec: the UTF-8 validator agrees with a reference", "[text][codec]") {
  using ra::codec::kNpos;
  using ra::codec::utf8_first_invalid;
  // Every 1- and 2-byte string, and every 3-byte string with a lead byte >= 0xE0.
  for (int a = 0; a < 256; ++a) {
    const std::string one(1, static_cast<char>(a));
    REQUIRE((utf8_first_invalid(one) == kNpos) == reference_valid_utf8(one));
    for (int b = 0; b < 256; ++b) {
      const std::string two = one + static_cast<char>(b);
      REQUIRE((utf8_first_invalid(two) == kNpos) == reference_valid_utf8(two));
    }
  }
  for (int a = 0xE0; a < 0x100; ++a) {
    for (int b = 0x70; b < 0xD0; ++b) {
      for (int c = 0x70; c < 0xD0; ++c) {
        const std::string three{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)};
        REQUIRE((utf8_first_invalid(three) == kNpos) == reference_valid_utf8(three));
      }
    }
  }
  // Random strings biased towards UTF-8-looking bytes, with ASCII runs long
  // enough for the eight-byte fast path.
  std::mt19937 rng(12345);
  const unsigned char interesting[] = {'a', ' ', 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2,
                                       0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const int len = static_cast<int>(rng() % 24);
    for (int k = 0; k < len; ++k) {
      if (rng() % 3 == 0) s.append(rng() % 12, 'x');
      s += static_cast<char>(interesting[rng() % sizeof interesting]);
    }
    const std::size_t first = utf8_first_invalid(s);
    REQUIRE((first == kNpos) == reference_valid_utf8(s));
    if (first != kNpos) {
      REQUIRE(reference_valid_utf8(s.substr(0, first)));
    }
  }
  CHECK(utf8_first_invalid("abcdefghijklmnop\xC3\xA9xyz\xF0\x9F\x98\x80") == kNpos);
  CHECK(utf8_first_invalid("abcdefghijklmnop\xC3") == 16);
  CHECK(utf8_first_invalid("\xF4\x8F\xBF\xBF") == kNpos);  // U+10FFFF
  CHECK(utf8_first_invalid("\xF4\x90\x80\x80") == 0);
  CHECK(utf8_first_invalid("\xEF\xBF\xBF") == kNpos);      // U+FFFF is a scalar value
}

TEST_CASE("text codec: repair replaces maximal subparts", "[text][codec]") {
  std::string out;
  // Unicode's example (Table 3-8): 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64
  CHECK(ra::codec::append_utf8_repaired(out, "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64") == 6);
  CHECK(out ==
        "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD" "d");
}
