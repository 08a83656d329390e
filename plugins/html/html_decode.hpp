// Finding an HTML file's character encoding and turning its bytes into the
// UTF-8 that libxml2 is then told to read.
//
// Order, as browsers do it: a byte-order mark (UTF-8, UTF-16 LE/BE), then a
// <meta charset> or <meta http-equiv="content-type" content="...charset=...">
// within the first 1024 bytes, then an XML declaration's encoding; without
// any, UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252. Labels
// follow the WHATWG Encoding Standard where it matters: ISO-8859-1, US-ASCII
// and their aliases mean Windows-1252; a UTF-16 label without a BOM means
// UTF-8. Other labels go to iconv; an unknown label is ignored.
// Ill-formed input becomes U+FFFD; NUL bytes are dropped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ra::html {

struct DecodedHtml {
  std::string storage;    // the UTF-8 text, unless `text` points into the input
  std::string_view text;  // valid UTF-8 without NUL, ready for libxml2
  std::string encoding;   // what was used: "UTF-8", "windows-1252", "UTF-16LE", an iconv name
  // When `text` is the input minus a BOM, offsets in `text` plus `offset_base`
  // are offsets in the file; otherwise offsets are unknown.
  bool offsets_exact = false;
  std::uint64_t offset_base = 0;
};

/// The encoding label declared by a <meta> element in the first 1024 bytes,
/// or by an XML declaration at the start; "" when there is none. Lower case.
std::string declared_charset(std::string_view bytes);

/// Decodes a whole HTML file. Throws only std::bad_alloc.
DecodedHtml decode_html(std::string_view bytes);

}  // namespace ra::html
