// Loading one XML part of a package (DOCX, ODT) into a pugixml tree, safely.
//
// Contract of load_xml_part(name, bytes, limits, part):
//  - `bytes` is UTF-8 (a BOM is dropped) or UTF-16 (told by its BOM or by a
//    leading '<' and NUL byte pair), the two encodings OPC and ODF allow;
//    UTF-16 is converted to UTF-8 first, unpaired surrogates becoming U+FFFD.
//  - Well-formed XML spends at least two bytes on each tree node, so a part
//    of at most 2 * max_elements bytes that names no DTD cannot pass the
//    element or node limits below: it is parsed at once (from a copy pugixml
//    makes) and its tree checked for the depth and attribute limits, in
//    document order, without recursion. Depth counts elements that have
//    children, so an empty "<a></a>" one level past max_depth passes (the
//    scan below refuses it). If that parse fails, the scan decides the
//    message, so a part gets the same reason either way.
//  - Any other part is scanned before pugixml builds anything, then parsed
//    where it lies (pugixml takes `bytes` over, load_buffer_inplace_own, no
//    copy). The scan is one linear pass over the markup (it tokenises as
//    pugixml does: comments, CDATA, processing instructions, quoted attribute
//    values) that checks, in document order, stopping at the first problem:
//      * a DTD is refused (OPC forbids them; no ODF producer writes one):
//        kCorrupt "DTD not allowed in <name>";
//      * element nesting (pugixml has no depth limit, and destroying a deep
//        tree recurses):
//        kLimitExceeded "XML nesting deeper than <max_depth> in <name>";
//      * the number of elements (start tags, self-closing ones included):
//        kLimitExceeded "more than <max_elements> XML elements in <name>";
//      * the attributes of one element (namespace declarations included):
//        kLimitExceeded "an element with more than <max_attributes>
//        attributes in <name>".
//    Once the scan is through, the nodes the tree would hold are bounded by
//    the same max_elements: elements, attributes, CDATA sections and the text
//    nodes pugixml keeps (text with a non-space character, and white space
//    that is an element's only child) together:
//        kLimitExceeded "more than <max_elements> XML nodes (elements,
//        attributes, text) in <name>".
//    pugixml spends about 64 bytes an element or text node and 40 an
//    attribute (measured with pugixml 1.13), so a tree never passes about
//    max_elements * 64 bytes (64 MB at the default 1,000,000), whatever the
//    markup: an element flood, text split by comments or CDATA, thousands of
//    attributes on each element.
//    A truncated start tag still counts: the scan's checks apply to the part
//    as pugixml would read it, not just to its complete tags.
//  - Once the parse succeeds the tree is therefore at most max_depth deep, so
//    code may recurse over it.
//  - pugixml parses with its defaults plus parse_ws_pcdata_single, so the
//    text of <w:t xml:space="preserve"> </w:t> or <text:span> </text:span>
//    survives.
//    Malformed XML: kCorrupt "malformed XML in <name>: <reason> at offset N",
//    N counted in the part's UTF-8 text.
//  - Each failure is thrown as PluginError (plugin_error.hpp).
//  - pugixml does not validate UTF-8: text read from the tree may hold invalid
//    sequences, which the caller must clean (ChunkWriter does).
//
// load_root_tag(bytes, part) reads just the first start tag of a part (e.g.
// the first 64 KiB of word/document.xml) as an empty element, so a cheap check
// can look at the root element's name and namespace declarations. Returns
// false when no complete start tag is found or it does not parse.
//
// holds_root_tag(bytes) says whether load_root_tag() has read enough: the
// first start tag is complete in `bytes`. Always false for UTF-16, which is
// then read as far as the caller allows. Used to inflate no more of a part
// than a sniff needs (ZipArchive::read_prefix).
//
// xml_limits(limits) gives the XmlLimits of the host's ExtractLimits, the
// depth capped at 1024 whatever the host asks: the plugins recurse over
// trees, so depth is bounded for their stacks' sake.
#pragma once

#include "common/byte_buffer.hpp"
#include "resume_analyser/format_plugin.hpp"

#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ra::common {

/// The limits of ExtractLimits that apply to one XML part.
struct XmlLimits {
  std::size_t max_depth = 256;
  std::uint64_t max_elements = 1'000'000;  // elements; also all tree nodes
  std::uint64_t max_attributes = 1000;     // on one element
};

XmlLimits xml_limits(const ExtractLimits& limits);

/// A parsed part. The tree owns the part's text (pugixml frees it with the tree).
struct XmlPart {
  pugi::xml_document doc;
};

void load_xml_part(std::string_view name, ByteBuffer bytes, const XmlLimits& limits, XmlPart& part);

bool load_root_tag(ByteBuffer bytes, XmlPart& part);

bool holds_root_tag(std::string_view bytes);

}  // namespace ra::common
