// The text of one WordprocessingML part: the main document, a header, a
// footer, the footnotes or the endnotes.
//
// Elements are recognised by namespace URI, Transitional
// (http://schemas.openxmlformats.org/wordprocessingml/2006/main) or Strict
// (http://purl.oclc.org/ooxml/wordprocessingml/main), whatever their prefix.
//
// walk_wml_part(root, zone, out) writes the part's lines to `out`:
//  - One paragraph is one line. w:t gives its text; w:tab and w:ptab in a run
//    give '\t' (tab stops in paragraph properties give nothing); w:br and w:cr
//    end a line; w:noBreakHyphen gives '-'; w:softHyphen gives nothing.
//  - Left out: deleted and moved-from text (w:del, w:moveFrom, w:delText),
//    field codes (w:instrText, and runs between w:fldChar begin and separate;
//    fields nest and may lack a separate), comments, properties (w:pPr,
//    w:rPr, w:sectPr, ...), ruby guide text (w:rt), separator footnotes (w:footnote/w:endnote with a
//    w:type other than "normal"), and runs hidden by a direct w:rPr/w:vanish.
//  - Everything else is descended into, so text inside w:hyperlink, w:sdt,
//    w:smartTag, w:customXml, w:ins, w:moveTo, w:fldSimple and drawings is
//    kept. mc:AlternateContent contributes exactly one branch: the first
//    mc:Choice, else mc:Fallback.
//  - A table row is one line, its cells separated by '\t'; paragraphs and
//    breaks inside a cell become a space.
//  - Zones: in the body (zone kBody), table rows get kTable and the text of a
//    w:txbxContent gets kTextBox, its lines following the paragraph (or table
//    row) that anchors the text box. In other parts every line gets `zone`.
// Recursion follows element depth, which load_xml_part() has bounded.
#pragma once

#include "chunk_writer.hpp"

#include <pugixml.hpp>

namespace ra::docx {

void walk_wml_part(pugi::xml_node root, Zone zone, ChunkWriter& out);

/// Whether `root` is a WordprocessingML w:document element.
bool is_wml_document(pugi::xml_node root);

}  // namespace ra::docx
