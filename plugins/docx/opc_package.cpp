#include "opc_package.hpp"

#include <algorithm>

#include "common/part_memo.hpp"
#include "common/plugin_error.hpp"
#include "common/xml_names.hpp"
#include "common/xml_part.hpp"
#include "common/xml_stream.hpp"
#include "readers.hpp"

namespace ra::docx {
namespace {

using common::fail;
using common::load_xml_part;
using common::fold_entry_name;
using common::printable_name;
using common::XmlPart;

constexpr std::string_view kTransitionalTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr std::string_view kStrictTypes = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
constexpr std::string_view kPackageRels = "_rels/.rels";

std::string_view relationship_kind(std::string_view type) {
  for (const std::string_view base : {kTransitionalTypes, kStrictTypes}) {
    if (type.substr(0, base.size()) == base) return type.substr(base.size());
  }
  return {};
}

/// "word/document.xml" -> "word/_rels/document.xml.rels"; "" -> "_rels/.rels".
std::string rels_part_of(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  const std::string_view folder = slash == std::string_view::npos ? std::string_view() : part.substr(0, slash + 1);
  const std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return std::string(folder) + "_rels/" + std::string(file) + ".rels";
}

/// Whether `target` is a relative path of plain names: no empty, "." or ".." segment.
bool plain_relative(std::string_view target) {
  if (target.empty() || target.front() == '/') return false;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = std::min(target.find('/', begin), target.size());
    const std::string_view segment = target.substr(begin, end - begin);
    if (segment.empty() || segment == "." || segment == "..") return false;
    if (end == target.size()) return true;
    begin = end + 1;
  }
}

std::string resolve_target(std::string_view source_part, std::string_view target) {
  const std::size_t slash = source_part.rfind('/');
  const std::string_view folder = slash == std::string_view::npos ? std::string_view() : source_part.substr(0, slash + 1);
  if (plain_relative(target)) {  // most targets ("media/image1.png", "styles.xml"): nothing to resolve
    std::string resolved;
    resolved.reserve(folder.size() + target.size());
    return resolved.append(folder).append(target);
  }
  std::string path;
  if (!target.empty() && target.front() == '/') {
    path = target.substr(1);
  } else {
    path = std::string(folder);
    path += target;
  }
  std::vector<std::string_view> segments;
  const std::string_view whole = path;
  std::size_t begin = 0;
  while (begin <= whole.size()) {
    std::size_t end = whole.find('/', begin);
    if (end == std::string_view::npos) end = whole.size();
    const std::string_view segment = whole.substr(begin, end - begin);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    begin = end + 1;
  }
  std::string resolved;
  for (const std::string_view segment : segments) {
    if (!resolved.empty()) resolved += '/';
    resolved += segment;
  }
  return resolved;
}

/// Adds the relationship of a Relationship element with these attribute
/// values, unless it is external or of another vocabulary.
void add_relationship(std::string_view part, std::string_view target_mode, std::string_view type,
                      std::string_view target, std::vector<Relationship>& out) {
  if (target_mode == "External") return;
  const std::string_view kind = relationship_kind(type);
  if (kind.empty()) return;
  out.push_back(Relationship{std::string(kind), resolve_target(part, target)});
}

/// The relationships in part `xml` (of `part`) read as it streams by;
/// nullopt where the stream gives up. As the tree is read: the children of
/// the root element whose local name is Relationship, and of each the first
/// attribute named TargetMode, Type and Target (no prefix).
std::optional<std::vector<Relationship>> stream_relationships(std::string_view part, std::string_view xml,
                                                              const XmlLimits& limits) {
  using Token = common::XmlStream::Token;
  common::XmlStream stream(xml, limits);
  std::vector<Relationship> out;
  std::string decoded[3];
  while (true) {
    switch (stream.next()) {
      case Token::kStart: {
        if (stream.depth() != 2 || common::split(stream.name()).local != "Relationship") break;
        static constexpr std::string_view kNames[3] = {"TargetMode", "Type", "Target"};
        std::string_view values[3];
        bool found[3] = {false, false, false};
        for (const common::XmlRawAttribute& a : stream.attributes()) {
          for (int i = 0; i < 3; ++i) {
            if (found[i] || a.name != kNames[i]) continue;
            found[i] = true;
            if (a.plain) {
              values[i] = a.value;
            } else {
              if (!common::decode_attribute(a.value, decoded[i])) return std::nullopt;
              values[i] = decoded[i];
            }
          }
        }
        add_relationship(part, values[0], values[1], values[2], out);
        break;
      }
      case Token::kEnd:
      case Token::kText:
      case Token::kOther:
        break;
      case Token::kDone:
        return out;
      case Token::kUnsure:
        return std::nullopt;
    }
  }
}

}  // namespace

Relationships read_relationships(ZipArchive& zip, std::string_view part, const XmlLimits& limits) {
  const std::string rels_name = part.empty() ? std::string(kPackageRels) : rels_part_of(part);
  const Readers chosen = readers();
  // Packages written by one tool often hold the same relationships parts:
  // the result depends on those bytes, the part they belong to and the limits
  // (and the readers, so that RA_DOCX_READER compares them).
  thread_local common::PartMemo<Relationships> memo;
  const std::string context = std::string(part) + '\n' + reading_context(limits);
  if (const Relationships* seen = memo.find(zip, rels_name, context)) return *seen;
  std::optional<common::ByteBuffer> bytes = zip.read(rels_name);
  if (!bytes) return std::make_shared<const std::vector<Relationship>>();
  std::shared_ptr<const std::vector<Relationship>> out;
  if (chosen != Readers::kTree) {
    if (std::optional<std::vector<Relationship>> streamed = stream_relationships(part, bytes->view(), limits)) {
      out = std::make_shared<const std::vector<Relationship>>(std::move(*streamed));
    } else if (chosen == Readers::kStream) {
      fail(ExtractStatus::kInternal, "the stream reader gave up on " + printable_name(rels_name));
    }
  }
  if (!out) {
    XmlPart rels;
    load_xml_part(rels_name, std::move(*bytes), limits, rels);
    auto read = std::make_shared<std::vector<Relationship>>();
    for (pugi::xml_node r : rels.doc.document_element().children()) {
      if (r.type() != pugi::node_element || common::split(r.name()).local != "Relationship") continue;
      add_relationship(part, r.attribute("TargetMode").value(), r.attribute("Type").value(),
                       r.attribute("Target").value(), *read);
    }
    out = std::move(read);
  }
  memo.remember(zip, rels_name, context, out);
  return out;
}

std::string find_main_part(ZipArchive& zip, const XmlLimits& limits) {
  if (!zip.contains(kPackageRels)) fail(ExtractStatus::kCorrupt, "no package relationships (_rels/.rels) in package");
  for (const Relationship& r : *read_relationships(zip, "", limits)) {
    if (r.kind != "officeDocument") continue;
    if (!is_text_part(r.target) || !zip.contains(r.target)) {
      fail(ExtractStatus::kCorrupt, "no main document part (" + printable_name(r.target) + ") in package");
    }
    return r.target;
  }
  fail(ExtractStatus::kCorrupt, "no main document part in package relationships");
}

bool is_text_part(std::string_view part) {
  const std::string folded = "/" + fold_entry_name(part);
  return folded.find("/media/") == std::string::npos && folded.find("/embeddings/") == std::string::npos;
}

}  // namespace ra::docx
