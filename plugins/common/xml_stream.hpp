// A strict, streaming reader for the plain XML that package parts nearly
// always are, so that a walker can read a part without building a tree.
//
// It accepts only a subset of what load_xml_part() (xml_part.hpp) accepts,
// and wherever it stops being sure that pugixml would read the same tree it
// says so (Token::kUnsure) instead of guessing. The caller then reads the
// part with load_xml_part(), which gives the tree or the error message. So
// for any part the stream either agrees with the tree or gives up:
//  - Tokens: kStart (name(), attributes()), kEnd (after every start tag, an
//    empty-element tag included), kText (a run of character data inside the
//    root element, raw: see decode_text), kOther (a comment inside the root
//    element; pugixml keeps none, but it splits the text around one), kDone
//    (the root element has ended and only white space and comments follow).
//  - Gives up on: a BOM other than UTF-8's, or a NUL byte anywhere (UTF-16,
//    or text pugixml would cut short); a DTD, CDATA or any other "<!"; a
//    processing instruction after the root element has started; names other
//    than ASCII [A-Za-z_][A-Za-z0-9_.:-]*; a start tag whose attributes are
//    not name="value" or name='value' pairs separated by white space, or
//    whose values hold '<'; an end tag that does not match; text other than
//    white space outside the root element; a part that ends early; and the
//    limits: a part of more than 2 * max_elements bytes (load_xml_part then
//    scans it first), an element at depth max_depth (the root is depth 1) or
//    with more than max_attributes attributes. None of these is an error:
//    they are load_xml_part()'s to judge.
//  - Names and raw values are views into the part, valid while it lives.
// decode_text/decode_attribute turn raw character data and attribute values
// into what pugixml gives (parse_default): the five predefined entities, and
// for attribute values white space (\t \n \r, a \r\n pair) as one space.
// They return false, leaving the caller to give up, on any other '&' (a
// character reference, an unknown entity) and, in text, on '\r'.
#pragma once

#include "common/xml_part.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ra::common {

struct XmlRawAttribute {
  std::string_view name;   // qualified, as written
  std::string_view value;  // raw: decode_attribute() unless `plain`
  bool plain;              // holds no '&', '\t', '\n' or '\r': the raw value is the value
};

class XmlStream {
 public:
  enum class Token : std::uint8_t { kStart, kEnd, kText, kOther, kDone, kUnsure };

  XmlStream(std::string_view xml, const XmlLimits& limits);

  Token next();

  /// The element's qualified name (kStart, kEnd).
  std::string_view name() const { return name_; }
  /// The start tag's attributes, in order (kStart).
  const std::vector<XmlRawAttribute>& attributes() const { return attributes_; }
  /// The raw character data (kText); `text_plain()` when it holds no '&'
  /// or '\r', so that the raw text is the text.
  std::string_view text() const { return text_; }
  bool text_plain() const { return text_plain_; }
  /// Open elements, the current one included (after kStart: its depth).
  std::size_t depth() const { return open_.size(); }
  /// Whether an attribute name of the start tag (kStart) begins with
  /// "xmlns": when not, the tag declares no namespace.
  bool declares_namespaces() const { return declares_; }

 private:
  Token unsure() { return state_ = Token::kUnsure; }
  Token start_tag();
  Token end_tag();
  bool skip_past(std::string_view end);

  const char* at_;   // the next character to read
  const char* end_;  // the end of the part
  XmlLimits limits_;
  Token state_ = Token::kStart;  // kUnsure or kDone once over
  bool pending_end_ = false;     // an empty-element tag: its kEnd comes next
  bool root_seen_ = false;
  std::string_view name_, text_;
  bool text_plain_ = true;
  bool declares_ = false;
  std::vector<XmlRawAttribute> attributes_;
  std::vector<std::string_view> open_;  // names of the open elements, innermost last
};

bool decode_text(std::string_view raw, std::string& out);
bool decode_attribute(std::string_view raw, std::string& out);

}  // namespace ra::common
