// common::compare_folded (plugins/common/zip_directory.hpp): entry names
// compare as their folded forms do, wherever they first differ.
#include "common/zip_directory.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace {

int sign(int v) { return (v > 0) - (v < 0); }

int expected(const std::string& a, const std::string& b) {
  return sign(ra::common::fold_entry_name(a).compare(ra::common::fold_entry_name(b)));
}

}  // namespace

TEST_CASE("compare_folded orders names as fold_entry_name does, at any offset", "[zip]") {
  using ra::common::compare_folded;
  // Equal bytes are skipped eight at a time: a difference at every offset of
  // names shorter and longer than a group, in bytes that fold and that do not.
  const std::string base = "word/_rels/document.xml.rels";
  for (std::size_t at = 0; at < base.size(); ++at) {
    for (const std::size_t length : {at + 1, base.size()}) {  // the difference last, or inside
      INFO("offset " << at << ", length " << length);
      const std::string a = base.substr(0, length);
      CHECK(compare_folded(a, a) == 0);
      for (const char c : {'A', 'Z', 'a', 'z', '/', '\\', '.', '0', '~', '\x80', '\xFF'}) {
        std::string b = a;
        b[at] = c;
        INFO("'" << a << "' vs '" << b << "'");
        CHECK(sign(compare_folded(a, b)) == expected(a, b));
        CHECK(sign(compare_folded(b, a)) == expected(b, a));
        std::string upper = b;
        for (char& u : upper) u = (u >= 'a' && u <= 'z') ? static_cast<char>(u - 'a' + 'A') : u;
        CHECK(compare_folded(b, upper) == 0);
      }
    }
  }
  CHECK(compare_folded("WORD\\DOCUMENT.XML", "word/document.xml") == 0);
  CHECK(compare_folded("word/document.xml", "word/document.xml.rels") < 0);
  CHECK(compare_folded("word/document.xml.rels", "word/document.xml") > 0);
  CHECK(compare_folded("word/documenT.xmm", "word/document.xml") > 0);
  CHECK(compare_folded("", "") == 0);
  CHECK(compare_folded("", "a") < 0);
}

TEST_CASE("folded_key orders names as compare_folded does wherever the keys differ", "[zip]") {
  using ra::common::compare_folded;
  using ra::common::folded_key;
  const std::vector<std::string> names = {
      "",         "a",          "A",           "ab",          std::string("ab\0", 3), std::string("ab\0c", 4),
      "word/",    "WORD\\",     "word/a",      "word/_rels/", "word/_rels/document.xml.rels",
      "word/_rels/footnotes.xml.rels",         "word/document.xml",       "word/documenT.xml",
      "docProps/app.xml",       "docProps/core.xml",       "[Content_Types].xml", "_rels/.rels",
      "\x80\xFF",  "\xFF",       "Z",           "z",           "~",          "12345678",   "12345678X",
      "1234567",  "12345677Z",  "1234567\xFF"};
  for (const std::string& a : names) {
    for (const std::string& b : names) {
      INFO("'" << a << "' vs '" << b << "'");
      const std::uint64_t ka = folded_key(a), kb = folded_key(b);
      if (ka != kb) CHECK(sign(compare_folded(a, b)) == (ka < kb ? -1 : 1));
      if (compare_folded(a, b) == 0) CHECK(ka == kb);
    }
  }
  CHECK(folded_key("WORD\\Doc") == folded_key("word/doc"));
  CHECK(folded_key("word/document.xml") == folded_key("word/doc"));  // eight bytes only
}
