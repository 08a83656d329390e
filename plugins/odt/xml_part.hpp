// Copied from plugins/docx/xml_part.hpp (plugins may not depend on each other's
// folders) and adapted: namespace ra::odt, OdtError, ODT messages. Keep the
// two in step until they move into a shared helper.
// Loading one XML part of the package into a pugixml tree, safely.
//
// Contract of load_xml_part(name, bytes, max_depth, part):
//  - `bytes` is UTF-8 (a BOM is dropped) or UTF-16 (told by its BOM or by a
//    leading '<' and NUL byte pair), the encodings XML parts come in; UTF-16 is
//    converted to UTF-8 first, unpaired surrogates becoming U+FFFD.
//  - A DTD is refused (no ODF producer writes one): kCorrupt "DTD not allowed in <name>".
//  - Element nesting is measured by a scan of the markup BEFORE pugixml builds
//    a tree (pugixml has no depth limit, and destroying a deep tree recurses):
//    kLimitExceeded "XML nesting deeper than <max_depth> in <name>". Once the
//    parse succeeds the tree is therefore at most max_depth deep, so code may
//    recurse over it.
//  - pugixml parses with its defaults plus parse_ws_pcdata_single, so the
//    text of <text:span> </text:span> survives.
//    Malformed XML: kCorrupt "malformed XML in <name>: <reason> at offset N",
//    N counted in the part's UTF-8 text.
//  - pugixml does not validate UTF-8: text read from the tree may hold invalid
//    sequences, which the caller must clean (ChunkWriter does).
//
// load_root_tag(bytes, part) reads just the first start tag of a part (e.g.
// the first 64 KiB of content.xml) as an empty element, so a cheap check
// can look at the root element's name and namespace declarations. Returns
// false when no complete start tag is found or it does not parse.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace ra::odt {

/// A parsed part. The tree points into `text`: keep them together.
struct XmlPart {
  std::string text;
  pugi::xml_document doc;
};

void load_xml_part(std::string_view name, std::string bytes, std::size_t max_depth, XmlPart& part);

bool load_root_tag(std::string bytes, XmlPart& part);

}  // namespace ra::odt
