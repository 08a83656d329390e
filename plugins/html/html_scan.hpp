// The markup limits checked before libxml2 sees an HTML file.
//
// libxml2 2.9.14's HTML parser compares each attribute name of a start tag
// with every earlier one (htmlParseStartTag), so one tag with n attributes
// costs n^2 / 2 string comparisons: 20,000 attributes take over a second,
// 200,000 (a 1.9 MB file) over 20 s. Stopping the parser from a SAX callback
// is too late: startElement runs after the whole tag has been parsed. So
// check_html_markup() looks at the decoded text first, in linear time:
//
//  - Elements: every '<' followed by a character that can start a libxml2
//    HTML name (an ASCII letter, '_', ':' or '.') counts as a start tag, even
//    inside a comment, a script or an attribute value; so the count is at
//    least the number of start tags libxml2 reads. More than max_elements:
//    kTooManyElements, at the first '<' over the limit.
//  - Attributes: for every such '<' the attribute list that would follow it
//    is read the way htmlParseStartTag and htmlParseAttribute read it (names
//    of at most 100 characters [A-Za-z_:.][A-Za-z0-9_:.-]*, a longer run
//    being several names; blanks are space, tab, CR and LF; "= value", the
//    value quoted with " or ' up to the matching quote, even across '>', or
//    unquoted up to a blank or '>'; anything else skipped up to a blank, '>'
//    or "/>"; the list ends at '>', "/>" or the end of the text), duplicates
//    included. Whichever '<' libxml2 does take as a start tag (its comment,
//    script and recovery rules need not be followed here), its attributes
//    have been counted exactly. More than max_attributes on one tag:
//    kTooManyAttributes, at that tag's '<'.
//    This errs on the safe side: a '<' and a letter inside a comment, a
//    script or a quoted value, followed by more than max_attributes names
//    before the next '>', is refused although libxml2 would not read it as a
//    tag. Pages hardly hold that; a scan that could be cheated the other way
//    would let one file cost minutes.
//
// Cost: one pass building two arrays of 4 bytes per byte of text, then each
// position of an attribute list is stepped over once (the count from a
// position onwards is remembered), so the whole check is linear; quoted
// values are searched with memchr.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ra::html {

struct MarkupCheck {
  enum class Problem : std::uint8_t { kNone, kTooManyElements, kTooManyAttributes };
  Problem problem = Problem::kNone;
  std::size_t at = 0;  // offset in the text of the '<' of the tag at fault
};

/// See above. `html` is the decoded UTF-8 text libxml2 will be given (no NUL
/// bytes). Throws only std::bad_alloc.
MarkupCheck check_html_markup(std::string_view html, std::uint64_t max_elements, std::uint64_t max_attributes);

}  // namespace ra::html
