// The text of one WordprocessingML part: the main document, a header, a
// footer, the footnotes or the endnotes.
//
// Elements are recognised by namespace URI, Transitional
// (http://schemas.openxmlformats.org/wordprocessingml/2006/main) or Strict
// (http://purl.oclc.org/ooxml/wordprocessingml/main), whatever their prefix.
//
// read_wml_part(name, bytes, limits, zone, main, formatting, max_text_bytes)
// reads part `name` from its bytes as stored (inflated) and gives its lines
// in a ChunkWriter of max_text_bytes:
//  - One paragraph is one line. w:t gives its text; w:tab and w:ptab in a run
//    give '\t' (tab stops in paragraph properties give nothing); w:br and w:cr
//    end a line; w:noBreakHyphen gives '-'; w:softHyphen gives nothing.
//  - Left out: deleted and moved-from text (w:del, w:moveFrom, w:delText),
//    field codes (w:instrText, and runs between w:fldChar begin and separate;
//    fields nest and may lack a separate), comments, properties (w:pPr,
//    w:rPr, w:sectPr, ...), ruby guide text (w:rt) and separator footnotes
//    (w:footnote/w:endnote with a w:type other than "normal").
//  - Everything else is descended into, so text inside w:hyperlink, w:sdt,
//    w:smartTag, w:customXml, w:ins, w:moveTo, w:fldSimple and drawings is
//    kept. mc:AlternateContent contributes exactly one branch: the first
//    mc:Choice, else mc:Fallback.
//  - A table row is one line, its cells separated by '\t'; paragraphs and
//    breaks inside a cell become a space.
//  - Zones: in the body (zone kBody), table rows get kTable and the text of a
//    w:txbxContent gets kTextBox, its lines following the paragraph (or table
//    row) that anchors the text box. In other parts every line gets `zone`.
//  - Hidden text (runs a reader cannot see, by the rules and with the
//    `formatting` in wml_formatting.hpp; everything in a text box anchored
//    in such a run) is kept out of those lines: the hidden text of a
//    paragraph (or table row) becomes one Zone::kHidden line, given right
//    after that paragraph's visible line, so a wholly hidden paragraph gives
//    only a hidden line. Hidden text never glues visible words together: a
//    space, tab or break inside it leaves one space between the visible text
//    around it ("Python" + hidden " Go " + "and" gives "Python and"), while
//    hidden text inside a word leaves the word whole. Hidden pieces that
//    visible text, a break or a cell separates are joined by one space.
//    Field codes stay dropped, hidden or not.
//  - `main`: the main document part. Its root must be w:document (else
//    kCorrupt "main part <name> is not a WordprocessingML document"), and
//    the last w:background there sets the page colour in `formatting`
//    (set_page_coloured), which the parts read after it then use. The
//    content of a w:background gives no text.
// Two readers, one result. The part is first read as it streams by
// (common/xml_stream.hpp), without a tree; the stream gives up where it is
// not sure to read what pugixml would (a DTD, CDATA, character references,
// anything malformed, a limit near), and where the part puts an element's
// properties (w:pPr, w:rPr, w:tblPr, w:tcPr, w:background) after its
// content or an mc:Fallback before an mc:Choice, which the walker reads in
// one pass. The part is then read again from a tree (load_xml_part), which
// gives the same lines for any part the stream reads, and the errors and
// limits of xml_part.hpp: an error is never reported from the stream.
// RA_DOCX_READER in the environment chooses otherwise, to compare the two
// (readers.hpp; tests/docx_plugin_test.cpp, fuzz/).
#pragma once

#include "common/byte_buffer.hpp"
#include "common/chunk_writer.hpp"
#include "common/xml_part.hpp"
#include "wml_formatting.hpp"

#include <pugixml.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace ra::docx {

using common::ChunkWriter;
using common::XmlLimits;

ChunkWriter read_wml_part(std::string_view name, common::ByteBuffer bytes, const XmlLimits& limits, Zone zone,
                          bool main, Formatting& formatting, std::uint64_t max_text_bytes);

/// Whether `root` is a WordprocessingML w:document element.
bool is_wml_document(pugi::xml_node root);

/// Whether the root element of part `xml` is a WordprocessingML w:document,
/// read from its start tag as the part streams by (common/xml_stream.hpp),
/// which gives the same answer as is_wml_document() on the part's tree;
/// nullopt where the stream gives up before that tag is read.
std::optional<bool> streamed_root_is_wml_document(std::string_view xml);

}  // namespace ra::docx
