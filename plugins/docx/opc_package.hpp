// Finding the parts of a DOCX package through its relationships (OPC).
//
// Part names here are ZIP entry names: '/'-separated, no leading '/'.
// Relationship targets are resolved against the folder of the part that owns
// the relationships ("/word/x.xml" is absolute, "../x.xml" climbs), and only
// targets of Transitional
// (http://schemas.openxmlformats.org/officeDocument/2006/relationships/...)
// or Strict (http://purl.oclc.org/ooxml/officeDocument/relationships/...)
// relationship types get a kind.
#pragma once

#include "common/xml_part.hpp"
#include "common/zip_archive.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ra::docx {

using common::XmlLimits;
using common::ZipArchive;

struct Relationship {
  std::string kind;    // last segment of the type: "officeDocument", "header", ...
  std::string target;  // the resolved part name
};

/// A list of relationships, shared with the thread's memory of them.
using Relationships = std::shared_ptr<const std::vector<Relationship>>;

/// The relationships of `part` ("" for the package itself), in the order its
/// relationships part lists them (_rels/.rels, word/_rels/document.xml.rels,
/// ...); never null, empty when that part is absent. External targets and
/// relationship types of other vocabularies are left out. Each thread
/// remembers the last few relationships parts it read by their stored bytes
/// (part_memo.hpp), and hands out the list it remembers, uncopied. The part
/// is read as it streams by, and from a tree (which reports its errors and
/// limits) where the stream gives up, with the same result; RA_DOCX_READER
/// chooses otherwise (readers.hpp).
Relationships read_relationships(ZipArchive& zip, std::string_view part, const XmlLimits& limits);

/// The main part named by the package's first officeDocument relationship.
/// Throws kCorrupt when _rels/.rels is absent ("no package relationships
/// (_rels/.rels) in package"), names no main part ("no main document part in
/// package relationships") or names one that is absent or not readable
/// ("no main document part (word/document.xml) in package").
std::string find_main_part(ZipArchive& zip, const XmlLimits& limits);

/// Whether the plugin may open `part`: nothing under a media or embeddings
/// folder is ever read.
bool is_text_part(std::string_view part);

}  // namespace ra::docx
