// The text of one WordprocessingML part: the main document, a header, a
// footer, the footnotes or the endnotes.
//
// Elements are recognised by namespace URI, Transitional
// (http://schemas.openxmlformats.org/wordprocessingml/2006/main) or Strict
// (http://purl.oclc.org/ooxml/wordprocessingml/main), whatever their prefix.
//
// walk_wml_part(root, zone, formatting, out) writes the part's lines to `out`:
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
// Recursion follows element depth, which load_xml_part() has bounded.
#pragma once

#include "common/chunk_writer.hpp"
#include "wml_formatting.hpp"

#include <pugixml.hpp>

namespace ra::docx {

using common::ChunkWriter;

void walk_wml_part(pugi::xml_node root, Zone zone, const Formatting& formatting, ChunkWriter& out);

/// Whether `root` is a WordprocessingML w:document element.
bool is_wml_document(pugi::xml_node root);

}  // namespace ra::docx
