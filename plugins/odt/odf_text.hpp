// The text of an OpenDocument text: office:text in content.xml, and the
// headers and footers of the master pages in styles.xml.
//
// Elements are recognised by namespace URI (odf_names.hpp), whatever their
// prefix. walk_odf_text(root, zone, styles, out, notes) writes root's lines:
//  - One paragraph (text:p, text:h) is one line. Text inside it is
//    collapsed as ODF says: each run of spaces, tabs and line feeds is one
//    space; text:s gives text:c spaces (default 1, at most 1000), text:tab
//    '\t', text:line-break a new line; text:soft-page-break nothing.
//  - Descended into, so their text is kept: text:span, text:a, text:meta,
//    fields (text:page-number, text:date, text:title, ... their content is
//    what the reader sees), lists (text:list, text:list-item), sections,
//    indexes, text:ruby-base, and unknown elements.
//  - Left out: tracked changes' deleted text (text:tracked-changes holds
//    it; inserted text is inline and kept, text:change* are empty markers),
//    comments (office:annotation), list labels (text:number), ruby text,
//    index templates (text:*-source), declarations (text:*-decls), forms,
//    embedded objects and images (draw:object, draw:image), alternative
//    text (svg:title, svg:desc), covered table cells.
//  - A table row is one line, its cells separated by '\t'; paragraphs and
//    breaks inside a cell become a space. In the body (zone kBody), table
//    rows get Zone::kTable.
//  - Text boxes and shapes (draw:frame, draw:text-box, draw:custom-shape,
//    ...): their text gets Zone::kTextBox in the body (the part's zone
//    elsewhere), its lines following the paragraph (or table row) that
//    anchors the shape; a shape anchored to the page (not inside a
//    paragraph) gives its lines where it stands.
//  - Notes (text:note, foot- and endnotes): the note body's lines go to
//    `notes` with Zone::kFootnote; the citation mark is left out.
//  - Hidden text (odf_styles.hpp; a paragraph holding a text:hidden-paragraph
//    whose text:is-hidden is "true"; text:hidden-text whose text:is-hidden is
//    "true", its text:string-value; a text:section whose text:display is
//    "none"; everything in a text box anchored in hidden text) is kept out
//    of those lines: the hidden text of a paragraph (or table row) becomes
//    one Zone::kHidden line right after that paragraph's visible line.
//    Hidden text never glues visible words together: a space or break in it
//    leaves one space between the visible text around it (none before
//    punctuation: "Git" + hidden " Airflow" + ", Docker" is "Git, Docker").
// Recursion follows element depth, which load_xml_part() has bounded.
#pragma once

#include "common/chunk_writer.hpp"
#include "odf_styles.hpp"

#include <pugixml.hpp>

namespace ra::odt {

using common::ChunkWriter;

void walk_odf_text(pugi::xml_node root, Zone zone, const Styles& styles, ChunkWriter& out, ChunkWriter& notes);

}  // namespace ra::odt
