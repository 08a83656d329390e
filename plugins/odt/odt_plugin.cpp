// The ODT format plugin: OpenDocument text documents (LibreOffice Writer,
// Google Docs and Word's "OpenDocument Text" exports), read with zlib and
// pugixml through the same shared reader as the DOCX plugin (plugins/common),
// under the same limits.
//
// extract() gives chunks in reading order:
//   1. headers of the master pages in styles.xml (style:header,
//      style:header-left, style:header-first, unless style:display is
//      "false"), in document order, each distinct text once;
//   2. the body (office:body/office:text of content.xml): body, table,
//      text-box and hidden chunks in document order;
//   3. notes (foot- and endnotes, Zone::kFootnote), in document order;
//   4. footers, like headers.
// The text rules are in odf_text.hpp, what is hidden in odf_styles.hpp, the
// ZIP limits in common/zip_archive.hpp, the XML limits in
// common/xml_part.hpp, the line and chunk rules in common/chunk_writer.hpp.
//
// The package must say it is a text document: its "mimetype" entry holds
// kOdtType, or, when it has no mimetype entry, META-INF/manifest.xml gives
// the root ("/") that media type;
// otherwise kCorrupt "not an OpenDocument text document". A password-
// protected document (the manifest gives content.xml encryption data) is
// kUnsupported "encrypted ODT is not supported". No content.xml: kCorrupt
// "no content.xml in package". styles.xml is optional (without it, no
// headers, footers or named styles), but when present it is read like
// content.xml: malformed XML or a limit there fails the extraction. Nothing
// else in the package is opened (no Pictures/, no embedded objects).
//
// sniff() gives 100 for a ZIP whose mimetype entry (or manifest) says
// kOdtType, 50 for one whose entries it cannot read (encrypted at ZIP level,
// another compression method), otherwise 0.
#include "common/chunk_writer.hpp"
#include "common/plugin_error.hpp"
#include "common/xml_part.hpp"
#include "common/zip_archive.hpp"
#include "odf_names.hpp"
#include "odf_styles.hpp"
#include "odf_text.hpp"

#include "resume_analyser/format_plugin.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace ra::odt {
namespace {

using common::fail;
using common::PluginError;
using common::XmlLimits;
using common::XmlPart;
using common::ZipArchive;

constexpr std::uint64_t kMaxInputBytes = 10ull << 20;
constexpr std::string_view kOdtType = "application/vnd.oasis.opendocument.text";
constexpr std::string_view kFormat = "ODT";  // in messages: "encrypted ODT is not supported"

/// Loads entry `name` into `xml`; false when the package lacks it.
bool load_part(ZipArchive& zip, std::string_view name, const XmlLimits& limits, XmlPart& xml) {
  std::optional<common::ByteBuffer> bytes = zip.read(name);
  if (!bytes) return false;
  common::load_xml_part(name, std::move(*bytes), limits, xml);
  return true;
}

/// The first child of `e` (entered in `ns`) that is <ns_id>:<local>, or null.
pugi::xml_node child(Namespaces& ns, pugi::xml_node e, Ns ns_id, std::string_view local) {
  pugi::xml_node found;
  ns.for_each_child(e, [&](pugi::xml_node c) {
    if (!found && ns.is(c, ns_id, local)) found = c;
  });
  return found;
}

/// What the package says about itself.
struct PackageInfo {
  bool is_text = false;        // mimetype or manifest names kOdtType
  bool encrypted = false;      // the manifest gives content.xml encryption data
};

PackageInfo read_package_info(ZipArchive& zip, const XmlLimits& limits) {
  PackageInfo info;
  const std::optional<common::ByteBuffer> mimetype = zip.read_prefix("mimetype", 256);
  if (mimetype) {
    std::string_view type = mimetype->view();
    while (!type.empty() && (type.back() == '\n' || type.back() == '\r' || type.back() == ' ')) type.remove_suffix(1);
    info.is_text = type == kOdtType;
  }
  XmlPart manifest;
  if (!load_part(zip, "META-INF/manifest.xml", limits, manifest)) return info;
  Namespaces ns;
  const pugi::xml_node root = manifest.doc.document_element();
  ns.enter(root);
  if (ns.is(root, Ns::kManifest, "manifest")) {
    ns.for_each_child(root, [&](pugi::xml_node entry) {
      if (!ns.is(entry, Ns::kManifest, "file-entry")) return;
      const std::string_view path = ns.attr(entry, Ns::kManifest, "full-path").value_or("");
      if (!mimetype && path == "/" && ns.attr(entry, Ns::kManifest, "media-type").value_or("") == kOdtType) {
        info.is_text = true;
      }
      if (path == "content.xml" && child(ns, entry, Ns::kManifest, "encryption-data")) info.encrypted = true;
    });
  }
  ns.leave(root);
  return info;
}

/// Adds the styles under office:styles and office:automatic-styles of
/// `root` (entered) to `styles`; `common` only office:styles, `automatic`
/// only office:automatic-styles.
void add_styles(Namespaces& ns, pugi::xml_node root, Styles& styles, bool common, bool automatic) {
  ns.for_each_child(root, [&](pugi::xml_node c) {
    if ((common && ns.is(c, Ns::kOffice, "styles")) || (automatic && ns.is(c, Ns::kOffice, "automatic-styles"))) {
      styles.add(c, ns);
    }
  });
}

/// Walks each header (or footer) of the master pages into `out`, each
/// distinct text once.
void walk_master_pages(pugi::xml_node styles_root, bool headers, const Styles& styles, ChunkWriter& out,
                       ChunkWriter& notes, std::uint64_t max_text_bytes) {
  Namespaces ns;
  ns.enter(styles_root);
  std::set<std::string> texts_given;
  const Zone zone = headers ? Zone::kHeader : Zone::kFooter;
  ns.for_each_child(styles_root, [&](pugi::xml_node master_styles) {
    if (!ns.is(master_styles, Ns::kOffice, "master-styles")) return;
    ns.for_each_child(master_styles, [&](pugi::xml_node page) {
      if (!ns.is(page, Ns::kStyle, "master-page")) return;
      ns.for_each_child(page, [&](pugi::xml_node part) {
        const auto [part_ns, local] = ns.name_of(part);
        const std::string_view kind = headers ? "header" : "footer";
        if (part_ns != Ns::kStyle || local.substr(0, kind.size()) != kind) return;
        if (local != kind && local != std::string(kind) + "-left" && local != std::string(kind) + "-first") return;
        if (ns.attr(part, Ns::kStyle, "display").value_or("") == "false") return;
        ChunkWriter text(max_text_bytes);
        walk_odf_text(part, zone, styles, text, notes);
        std::string key;
        for (const TextChunk& chunk : text.chunks()) key += std::to_string(static_cast<int>(chunk.zone)) + chunk.text + '\n';
        if (!key.empty() && texts_given.insert(key).second) out.append(text);
      });
    });
  });
  ns.leave(styles_root);
}

std::vector<TextChunk> extract_chunks(std::string_view bytes, const ExtractLimits& limits) {
  ZipArchive zip(bytes, limits, kFormat);
  const XmlLimits xml = common::xml_limits(limits);
  const PackageInfo info = read_package_info(zip, xml);
  if (!info.is_text) fail(ExtractStatus::kCorrupt, "not an OpenDocument text document");
  if (info.encrypted) fail(ExtractStatus::kUnsupported, "encrypted ODT is not supported");

  XmlPart content;
  if (!load_part(zip, "content.xml", xml, content)) fail(ExtractStatus::kCorrupt, "no content.xml in package");
  XmlPart styles_xml;
  const bool have_styles = load_part(zip, "styles.xml", xml, styles_xml);

  Namespaces ns;
  const pugi::xml_node root = content.doc.document_element();
  ns.enter(root);
  if (!ns.is(root, Ns::kOffice, "document-content")) {
    fail(ExtractStatus::kCorrupt, "content.xml is not an OpenDocument document");
  }
  pugi::xml_node text;
  if (const pugi::xml_node body = child(ns, root, Ns::kOffice, "body")) {
    ns.enter(body);
    text = child(ns, body, Ns::kOffice, "text");
    ns.leave(body);
  }
  if (!text) fail(ExtractStatus::kCorrupt, "content.xml holds no text document (office:text)");

  Styles body_styles, master_styles;
  Namespaces styles_ns;
  const pugi::xml_node styles_root = have_styles ? styles_xml.doc.document_element() : pugi::xml_node();
  if (styles_root) {
    styles_ns.enter(styles_root);
    add_styles(styles_ns, styles_root, body_styles, true, false);
    add_styles(styles_ns, styles_root, master_styles, true, true);
    styles_ns.leave(styles_root);
  }
  add_styles(ns, root, body_styles, false, true);
  ns.leave(root);

  ChunkWriter headers(limits.max_text_bytes), body(limits.max_text_bytes), notes(limits.max_text_bytes),
      footers(limits.max_text_bytes), header_notes(limits.max_text_bytes);
  walk_odf_text(text, Zone::kBody, body_styles, body, notes);
  if (styles_root) {
    walk_master_pages(styles_root, true, master_styles, headers, header_notes, limits.max_text_bytes);
    walk_master_pages(styles_root, false, master_styles, footers, header_notes, limits.max_text_bytes);
  }
  ChunkWriter out(limits.max_text_bytes);
  out.append(headers);
  out.append(body);
  out.append(notes);
  out.append(header_notes);
  out.append(footers);
  return out.take();
}

class OdtPlugin final : public FormatPlugin {
 public:
  FormatInfo info() const noexcept override {
    FormatInfo info;
    try {
      info.name = "odt";
      info.description = "OpenDocument text (ODT)";
      info.version = "1.0.0";
      info.extensions = {".odt"};
      info.media_types = {std::string(kOdtType)};
      info.max_input_bytes = kMaxInputBytes;
    } catch (...) {
    }
    return info;
  }

  int sniff(std::string_view bytes) const noexcept override {
    try {
      if (bytes.substr(0, 4) != std::string_view("PK\x03\x04", 4)) return 0;
      ExtractLimits limits;
      limits.max_part_bytes = 1u << 20;
      limits.max_total_inflated_bytes = 2u << 20;
      ZipArchive zip(bytes, limits, kFormat);
      return read_package_info(zip, common::xml_limits(limits)).is_text ? 100 : 0;
    } catch (const PluginError& e) {
      return e.status == ExtractStatus::kUnsupported ? 50 : 0;
    } catch (...) {
      return 0;
    }
  }

  ExtractResult extract(std::string_view bytes, const ExtractLimits& limits) const noexcept override {
    return common::extract_reporting([&] { return extract_chunks(bytes, limits); });
  }
};

}  // namespace
}  // namespace ra::odt

RA_DECLARE_FORMAT_PLUGIN(ra::odt::OdtPlugin, "odt")
