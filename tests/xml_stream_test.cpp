// common::XmlStream (plugins/common/xml_stream.hpp): the tokens of plain XML,
// and giving up wherever pugixml might read something else.
#include "common/xml_stream.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <string>

namespace {

using ra::common::XmlLimits;
using ra::common::XmlStream;
using Token = XmlStream::Token;

/// The tokens of `xml`, one per line: "<name a=v a2=v2>", "</name>", "'text'"
/// (raw, with "+" after it when it needs decoding), "other", then "done" or
/// "unsure".
std::string tokens(const std::string& xml, const XmlLimits& limits = XmlLimits{}) {
  XmlStream stream(xml, limits);
  std::string out;
  while (true) {
    switch (stream.next()) {
      case Token::kStart:
        out += "<" + std::string(stream.name());
        for (const auto& a : stream.attributes()) {
          out += " " + std::string(a.name) + "=" + std::string(a.value) + (a.plain ? "" : "+");
        }
        out += "@" + std::to_string(stream.depth()) + ">\n";
        break;
      case Token::kEnd:
        out += "</" + std::string(stream.name()) + ">\n";
        break;
      case Token::kText:
        out += "'" + std::string(stream.text()) + "'" + (stream.text_plain() ? "" : "+") + "\n";
        break;
      case Token::kOther:
        out += "other\n";
        break;
      case Token::kDone:
        return out + "done";
      case Token::kUnsure:
        return out + "unsure";
    }
  }
}

}  // namespace

TEST_CASE("xml stream: the tokens of plain XML", "[xml]") {
  CHECK(tokens("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c --><a x=\"1\" y = 'two'><b/>"
               "hi &amp; bye<!-- in --><c\tz=\"a&lt;b\">t</c ></a>\n<!-- after -->") ==
        "<a x=1 y=two@1>\n<b@2>\n</b>\n'hi &amp; bye'+\nother\n<c z=a&lt;b+@2>\n't'\n</c>\n</a>\ndone");
  CHECK(tokens("<w:p xmlns:w=\"urn:w\"><w:t xml:space=\"preserve\"> </w:t></w:p>") ==
        "<w:p xmlns:w=urn:w@1>\n<w:t xml:space=preserve@2>\n' '\n</w:t>\n</w:p>\ndone");
  CHECK(tokens("<a v=\"tab\there\"/>") == "<a v=tab\there+@1>\n</a>\ndone");
}

TEST_CASE("xml stream: gives up where pugixml might read otherwise", "[xml]") {
  for (const std::string xml : {
           std::string(""), std::string("   "), std::string("text<a/>"), std::string("<a/>text"),
           std::string("<a/><b/>"), std::string("<!DOCTYPE a><a/>"), std::string("<a><![CDATA[x]]></a>"),
           std::string("<a><b></a>"), std::string("<ab></ac>"), std::string("<w:p></w:r>"), std::string("<a>"), std::string("<a x=\"1\"y=\"2\"/>"),
           std::string("<a x/>"), std::string("<a x=1/>"), std::string("<a x=\"<\"/>"), std::string("<a x=\"1/>"),
           std::string("<a/ >"), std::string("< a/>"), std::string("<1a/>"), std::string("<a\xC3\xA9/>"),
           std::string("<a><? x?></a>"), std::string("<a><?pi x?></a>"), std::string("<a/><?pi?>"), std::string("<a><!-- open</a>"),
           std::string("<a>\0</a>", 8), std::string("\xFF\xFE<\0a\0/\0>\0", 10), std::string("</a>"),
       }) {
    INFO(xml);
    const std::string got = tokens(xml);
    CHECK(got.size() >= 6);
    CHECK(got.substr(got.size() - 6) == "unsure");
  }
}

TEST_CASE("xml stream: gives up before a limit, which load_xml_part judges", "[xml]") {
  XmlLimits limits;
  limits.max_depth = 3;
  CHECK(tokens("<a><b/></a>", limits) == "<a@1>\n<b@2>\n</b>\n</a>\ndone");
  CHECK(tokens("<a><b><c/></b></a>", limits) == "<a@1>\n<b@2>\nunsure");
  limits = XmlLimits{};
  limits.max_attributes = 2;
  CHECK(tokens("<a x=\"1\" y=\"2\"/>", limits) == "<a x=1 y=2@1>\n</a>\ndone");
  CHECK(tokens("<a x=\"1\" y=\"2\" z=\"3\"/>", limits) == "unsure");
  limits = XmlLimits{};
  limits.max_elements = 4;  // a part of 10 bytes or more is scanned first
  CHECK(tokens("<a></a>", limits) == "<a@1>\n</a>\ndone");
  CHECK(tokens("<a>   </a>", limits) == "unsure");
}

TEST_CASE("xml stream: decoding text and attribute values as pugixml does", "[xml]") {
  std::string out;
  CHECK(ra::common::decode_text("a &amp; b &lt;&gt;&quot;&apos;", out));
  CHECK(out == "a & b <>\"'");
  CHECK(ra::common::decode_attribute("x\ty\nz\r\nw\rv &amp;", out));
  CHECK(out == "x y z w v &");
  for (const char* refused : {"&#233;", "&#xE9;", "&nbsp;", "& ", "&amp", "a\rb"}) {
    INFO(refused);
    CHECK_FALSE(ra::common::decode_text(refused, out));
  }
  CHECK_FALSE(ra::common::decode_attribute("&#10;", out));
}

TEST_CASE("xml stream: text and values of any length, marked wherever they need decoding", "[xml]") {
  // Text and values are scanned sixteen characters at a time where they can
  // be: a character that matters at any offset, on either side of a block
  // boundary, in runs shorter and longer than a block.
  for (std::size_t length = 1; length <= 40; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      std::string plain(length, 'x');
      plain[at] = '\'';  // a quote of the other kind counts for nothing
      INFO("length " << length << ", at " << at);
      CHECK(tokens("<a v=\"" + plain + "\">" + plain + "</a>") ==
            "<a v=" + plain + "@1>\n'" + plain + "'\n</a>\ndone");
      for (const char c : {'&', '\r'}) {
        std::string marked(length, 'x');
        marked[at] = c;
        CHECK(tokens("<a>" + marked + "</a>") == "<a@1>\n'" + marked + "'+\n</a>\ndone");
      }
      for (const char c : {'&', '\r', '\t', '\n'}) {
        std::string marked(length, 'x');
        marked[at] = c;
        CHECK(tokens("<a v='" + marked + "'/>") == "<a v=" + marked + "+@1>\n</a>\ndone");
      }
      std::string tabbed(length, 'x');
      tabbed[at] = '\t';
      CHECK(tokens("<a>" + tabbed + "</a>") == "<a@1>\n'" + tabbed + "'\n</a>\ndone");
      std::string opened(length, 'x');
      opened[at] = '<';
      CHECK(tokens("<a v=\"" + opened + "\"/>") == "unsure");
      CHECK(tokens("<a v=\"" + plain.substr(0, at) + "\" w=\"" + opened + "\"/>") == "unsure");
      CHECK(tokens("<a v=\"" + std::string(length, 'x')) == "unsure");  // never closed
    }
  }
}

TEST_CASE("xml stream: names of any length end at the first byte that is not a name character", "[xml]") {
  // Names are scanned four bytes at a time: every byte value right after
  // names of every length up to 40, in element and attribute names and in
  // end tags. A name is ASCII [A-Za-z_][A-Za-z0-9_.:-]*.
  const auto name_char = [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == ':' || c == '-';
  };
  const std::string all = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-";
  for (std::size_t length = 1; length <= 40; ++length) {
    std::string name;
    for (std::size_t i = 0; i < length; ++i) name += all[(i * 7) % all.size()];
    if (!(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) name[0] = 'n';
    INFO("length " << length << ": " << name);
    CHECK(tokens("<" + name + "/>") == "<" + name + "@1>\n</" + name + ">\ndone");
    CHECK(tokens("<r " + name + "='v'/>") == "<r " + name + "=v@1>\n</r>\ndone");
    for (int b = 0; b < 256; ++b) {
      const auto c = static_cast<char>(b);
      if (name_char(static_cast<unsigned char>(b))) {
        CHECK(tokens("<" + name + c + "/>") == "<" + name + c + "@1>\n</" + name + c + ">\ndone");
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        CHECK(tokens("<" + name + c + "/>") == "<" + name + "@1>\n</" + name + ">\ndone");
        CHECK(tokens("<r " + name + c + "='v'/>") == "<r " + name + "=v@1>\n</r>\ndone");
      } else if (c != '/' && c != '>' && c != '=') {
        INFO("byte " << b);
        CHECK(tokens("<" + name + c + "/>") == "unsure");
        CHECK(tokens("<r " + name + c + "='v'/>") == "unsure");
        // (a NUL byte anywhere gives up before the first token)
        CHECK(tokens("<" + name + "></" + name + c + ">") == (b == 0 ? "" : "<" + name + "@1>\n") + "unsure");
      }
    }
  }
}
