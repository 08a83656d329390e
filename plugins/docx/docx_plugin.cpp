// The DOCX format plugin: Word documents (Office Open XML WordprocessingML,
// Transitional or Strict).
//
// extract() gives chunks in reading order:
//   1. header parts, in the order the main part's relationships list them;
//      a header whose text an earlier header already gave is left out
//      (first-page and default headers often repeat);
//   2. the main document: body, table and text-box chunks in document order;
//   3. footnotes, then endnotes (both Zone::kFootnote);
//   4. footer parts, each distinct text once.
// Hidden text (wml_formatting.hpp) comes as Zone::kHidden chunks where it
// stands in that order. Each part is read at most once; a header, footer,
// notes or styles part that the relationships name but the package lacks is
// skipped (without styles, only direct run properties count). The styles
// part is inflated like the others but parsed only when a scan of its bytes
// finds something that could hide text or colour a background
// (styles_may_hide_text in wml_formatting.hpp; the styles pandoc and
// LibreOffice write hold nothing of the kind); then malformed XML or a
// limit there fails the extraction, and otherwise its XML is not checked.
// Parts are read in this order: package relationships, the main
// part's relationships, styles, main part, then headers, notes and footers;
// the first failure is the one reported. At most one part's XML tree is
// alive at a time, so memory follows the largest part, not their sum. The
// parts' text rules are in wml_text.hpp, the line and chunk rules in
// common/chunk_writer.hpp, the ZIP limits in common/zip_archive.hpp, the
// XML limits in common/xml_part.hpp.
//
// sniff():
//   100 for a ZIP whose _rels/.rels names an existing main part whose root
//       element is w:document. A part that declares at most 100 KiB (what
//       extract() inflates in one call under the default limits) is
//       inflated whole, and the thread keeps it for the extract() that
//       follows (SniffedMain). Otherwise, or if that fails, it is inflated
//       1 KiB at a time until its root start tag is complete, at most
//       64 KiB, so damage past what is inflated, such as a bad CRC-32, is
//       extract()'s to report;
//     0 when that root element is read and is something else (a
//       presentation, a spreadsheet);
//    50 for a package it recognises but may not be able to read, so that
//       extract() can tell the user why instead of the host saying
//       "unsupported format": a password-protected Office file (an OLE
//       compound file holding an EncryptedPackage stream); a ZIP whose
//       relationships or main part are encrypted or use another compression
//       method; and any other ZIP that fails those checks (corrupt or
//       truncated, over a limit, duplicate or overlapping entries, no main
//       part, a DTD before the root element) but is meant to be a Word
//       document: it names an entry under word/ or its [Content_Types].xml
//       names a WordprocessingML type (word_sniff.hpp);
//     0 otherwise: not a ZIP, or a ZIP of something else (an ODT, which
//       starts with "mimetype" and has no word/ entries; a ZIP of text files).
#include "common/chunk_writer.hpp"
#include "common/part_memo.hpp"
#include "common/plugin_error.hpp"
#include "common/xml_part.hpp"
#include "common/zip_archive.hpp"
#include "opc_package.hpp"
#include "readers.hpp"
#include "wml_text.hpp"
#include "word_sniff.hpp"

#include "resume_analyser/format_plugin.hpp"

#include <optional>
#include <set>

namespace ra::docx {
namespace {

using common::fail;
using common::fold_entry_name;
using common::load_root_tag;
using common::load_xml_part;
using common::PluginError;
using common::printable_name;
using common::XmlPart;

constexpr std::uint64_t kMaxInputBytes = 10ull << 20;
constexpr std::size_t kSniffStepBytes = 1024;         // pandoc's and LibreOffice's root tags fit, Word's take 3
constexpr std::size_t kSniffPrefixBytes = 64 * 1024;  // as far as sniff() looks for it
// The largest main part sniff() inflates whole: what extract() inflates in
// one call under the default limits, and so can take from sniff().
constexpr std::size_t kSniffWholeBytes = ExtractLimits{}.ratio_check_after_bytes;
constexpr std::string_view kFormat = "DOCX";  // in messages: "encrypted DOCX is not supported"
// sniff() for a package it recognises but may not be able to read.
constexpr int kRecognised = 50;

/// A password-protected Office file: an OLE compound file with an
/// "EncryptedPackage" stream (its name is stored in UTF-16LE).
bool is_encrypted_office_file(std::string_view bytes) {
  constexpr std::string_view kCompoundFileMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  constexpr std::string_view kStreamName("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
  return bytes.substr(0, kCompoundFileMagic.size()) == kCompoundFileMagic &&
         bytes.find(kStreamName) != std::string_view::npos;
}

/// The main part the last sniff() of this thread inflated whole, with its
/// entry as stored: a host sniffs a file and then extracts it, and the
/// extraction takes these bytes (once) instead of inflating the part again,
/// when its archive stores the part byte for byte the same
/// (ZipArchive::reuse, which also counts it against the extraction's own
/// limits). At most one part of kSniffWholeBytes per thread.
struct SniffedMain {
  std::optional<common::EntryFingerprint> entry;
  common::ByteBuffer bytes;

  static SniffedMain& of_this_thread() {
    thread_local SniffedMain sniffed;
    return sniffed;
  }
  void keep(common::EntryFingerprint stored, common::ByteBuffer whole) {
    entry = std::move(stored);
    bytes = std::move(whole);
  }
  std::optional<common::ByteBuffer> take(ZipArchive& zip, const std::string& part) {
    if (!entry || !zip.reuse(part, *entry)) return std::nullopt;
    entry.reset();
    return std::move(bytes);
  }
};

/// Reads WordprocessingML part `part` (wml_text.hpp); no lines when the
/// package lacks it.
ChunkWriter read_part(ZipArchive& zip, const std::string& part, const XmlLimits& limits, Zone zone, bool main,
                      Formatting& formatting, std::uint64_t max_text_bytes) {
  std::optional<common::ByteBuffer> bytes;
  if (main) bytes = SniffedMain::of_this_thread().take(zip, part);
  if (!bytes) bytes = zip.read(part);
  if (!bytes) return ChunkWriter(max_text_bytes);
  return read_wml_part(part, std::move(*bytes), limits, zone, main, formatting, max_text_bytes);
}

/// read_part() for a header, footer or notes part (not the main part).
/// Documents from one template or tool hold such parts byte for byte the
/// same, and many give no text at all (pandoc's footnotes part holds only
/// the separators): when no styles part was parsed (`styles_parsed` false:
/// `formatting` came from no styles, or from styles that cannot hide text),
/// the thread remembers by their stored bytes (part_memo.hpp) the parts that
/// gave no lines, under the same zone, limits, readers and page colour, and
/// does not read them again.
ChunkWriter read_side_part(ZipArchive& zip, const std::string& part, const XmlLimits& limits, Zone zone,
                           Formatting& formatting, bool styles_parsed, std::uint64_t max_text_bytes) {
  if (styles_parsed) return read_part(zip, part, limits, zone, false, formatting, max_text_bytes);
  thread_local common::PartMemo<bool> no_lines;
  const std::string context = std::to_string(static_cast<int>(zone)) + (formatting.page_coloured() ? " 1 " : " 0 ") +
                              reading_context(limits);
  if (no_lines.find(zip, part, context)) return ChunkWriter(max_text_bytes);
  ChunkWriter out = read_part(zip, part, limits, zone, false, formatting, max_text_bytes);
  if (out.chunks().empty()) no_lines.remember(zip, part, context, true);
  return out;
}

/// Whether main part `main` has a w:document root element, for sniff();
/// nullopt when its root start tag is not in its first 64 KiB (or not
/// readable). The whole part is inflated when it inflates whole within the
/// sniff's limits, and kept for extract(); else as much as holds the root
/// tag. The tag is read as the part streams by (streamed_root_is_wml_document)
/// or, where the stream gives up, from a tree of the tag alone.
std::optional<bool> main_is_wml_document(ZipArchive& zip, const std::string& main) {
  std::optional<common::EntryFingerprint> entry = zip.fingerprint(main, kSniffWholeBytes);
  std::optional<common::ByteBuffer> whole;
  if (entry && entry->size <= kSniffWholeBytes) {
    try {
      whole = zip.read(main);
    } catch (const PluginError&) {  // damaged, or larger than it says: the start may still tell
    }
  }
  std::optional<common::ByteBuffer> head;
  if (!whole) {
    head = zip.read_prefix(main, kSniffPrefixBytes, common::holds_root_tag, kSniffStepBytes);
  } else {
    const std::optional<bool> streamed = streamed_root_is_wml_document(whole->view().substr(0, kSniffPrefixBytes));
    if (!streamed) {
      std::string_view tag = whole->view().substr(0, 4 * kSniffStepBytes);
      if (!common::holds_root_tag(tag)) tag = whole->view().substr(0, kSniffPrefixBytes);
      head = common::ByteBuffer::copy_of(tag);
    }
    SniffedMain::of_this_thread().keep(std::move(*entry), std::move(*whole));
    if (streamed) return streamed;
  }
  XmlPart root;
  if (head && load_root_tag(std::move(*head), root)) return is_wml_document(root.doc.document_element());
  return std::nullopt;
}

/// The Formatting of the first styles part the main part's relationships
/// name and the package holds. The part is parsed (into `styles`, which the
/// Formatting then needs alive) only when its bytes say it could hide text
/// (styles_may_hide_text); otherwise no style changes how any run looks, and
/// the thread remembers the part by its stored bytes (part_memo.hpp).
Formatting read_styles(ZipArchive& zip, const std::vector<Relationship>& rels, const XmlLimits& limits,
                       XmlPart& styles) {
  // Styles parts that cannot hide text, by their stored bytes: documents
  // from one template share them, and need not inflate and scan them again.
  thread_local common::PartMemo<bool> plain_styles;
  for (const Relationship& r : rels) {
    if (r.kind != "styles" || !is_text_part(r.target)) continue;
    if (plain_styles.find(zip, r.target, "")) return Formatting();
    std::optional<common::ByteBuffer> bytes = zip.read(r.target);
    if (!bytes) continue;
    if (!styles_may_hide_text(bytes->view())) {
      plain_styles.remember(zip, r.target, "", true);
      return Formatting();
    }
    load_xml_part(r.target, std::move(*bytes), limits, styles);
    return Formatting(styles.doc.document_element());
  }
  return Formatting();
}

std::vector<TextChunk> extract_chunks(std::string_view bytes, const ExtractLimits& limits) {
  if (is_encrypted_office_file(bytes)) fail(ExtractStatus::kUnsupported, "encrypted DOCX is not supported");
  ZipArchive zip(bytes, limits, kFormat);
  const XmlLimits xml = common::xml_limits(limits);
  const std::string main = find_main_part(zip, xml);
  const Relationships shared_rels = read_relationships(zip, main, xml);
  const std::vector<Relationship>& rels = *shared_rels;

  // Two trees at a time at most: the styles (read lazily, as runs use them)
  // and the part being read, when it is read from a tree (wml_text.hpp); the
  // main part's is gone before the headers, notes and footers are read.
  XmlPart styles;
  Formatting formatting = read_styles(zip, rels, xml, styles);
  // find_main_part checked that the main part is there.
  ChunkWriter body = read_part(zip, main, xml, Zone::kBody, true, formatting, limits.max_text_bytes);

  ChunkWriter out(limits.max_text_bytes);
  std::set<std::string> parts_read{fold_entry_name(main)};
  std::set<std::string> texts_given;  // zone number + text, for headers and footers
  const auto add_parts = [&](std::string_view kind, Zone zone, bool each_text_once) {
    for (const Relationship& r : rels) {
      if (r.kind != kind || !is_text_part(r.target) || !parts_read.insert(fold_entry_name(r.target)).second) {
        continue;
      }
      ChunkWriter part = read_side_part(zip, r.target, xml, zone, formatting, bool(styles.doc.document_element()),
                                        limits.max_text_bytes);
      if (each_text_once) {
        std::string key(1, static_cast<char>('0' + static_cast<int>(zone)));
        for (const TextChunk& chunk : part.chunks()) key += '\n' + chunk.text;
        if (!texts_given.insert(std::move(key)).second) continue;
      }
      out.append(std::move(part));
    }
  };
  add_parts("header", Zone::kHeader, true);
  out.append(std::move(body));
  add_parts("footnotes", Zone::kFootnote, false);
  add_parts("endnotes", Zone::kFootnote, false);
  add_parts("footer", Zone::kFooter, true);
  return out.take();
}

class DocxPlugin final : public FormatPlugin {
 public:
  FormatInfo info() const noexcept override {
    FormatInfo info;
    try {
      info.name = "docx";
      info.description = "Word document (DOCX)";
      info.version = "1.0.0";
      info.extensions = {".docx"};
      info.media_types = {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"};
      info.max_input_bytes = kMaxInputBytes;
    } catch (...) {
    }
    return info;
  }

  int sniff(std::string_view bytes) const noexcept override {
    try {
      if (is_encrypted_office_file(bytes)) return kRecognised;
      if (bytes.substr(0, 4) != std::string_view("PK\x03\x04", 4)) return 0;
      try {
        ExtractLimits limits;
        limits.max_part_bytes = 1u << 20;
        limits.max_total_inflated_bytes = 2u << 20;
        ZipArchive zip(bytes, limits, kFormat);
        const std::string main = find_main_part(zip, common::xml_limits(limits));
        if (const std::optional<bool> word = main_is_wml_document(zip, main)) {
          // The package says what its main part is: a Word document or not.
          return *word ? 100 : 0;
        }
      } catch (const PluginError& e) {
        if (e.status == ExtractStatus::kUnsupported) return kRecognised;
      }
      // Unreadable (corrupt, over a limit, no main part, no root element in
      // its first 64 KiB): extract() says why, if this is meant to be a DOCX.
      return looks_like_word_package(bytes) ? kRecognised : 0;
    } catch (...) {
      return 0;
    }
  }

  ExtractResult extract(std::string_view bytes, const ExtractLimits& limits) const noexcept override {
    return common::extract_reporting([&] { return extract_chunks(bytes, limits); });
  }
};

}  // namespace
}  // namespace ra::docx

RA_DECLARE_FORMAT_PLUGIN(ra::docx::DocxPlugin, "docx")
