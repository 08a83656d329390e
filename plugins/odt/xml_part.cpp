// Copied from plugins/docx/xml_part.cpp (plugins may not depend on each other's
// folders) and adapted: namespace ra::odt, OdtError, ODT messages. Keep the
// two in step until they move into a shared helper.
#include "xml_part.hpp"

#include "odt_error.hpp"
#include "resume_analyser/text_codec.hpp"

#include <cstdint>

namespace ra::odt {
namespace {

constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata_single;

/// The part as UTF-8 without a BOM.
std::string to_utf8(std::string bytes) {
  const std::string_view b = bytes;
  if (b.substr(0, 3) == "\xEF\xBB\xBF") return bytes.substr(3);
  auto utf16 = [](std::string_view units, bool big_endian) {
    std::string out;
    codec::append_utf16(out, units, big_endian, /*strict=*/false);
    return out;
  };
  if (b.substr(0, 2) == "\xFF\xFE") return utf16(b.substr(2), false);
  if (b.substr(0, 2) == "\xFE\xFF") return utf16(b.substr(2), true);
  if (b.size() >= 2 && b[0] == '<' && b[1] == '\0') return utf16(b, false);
  if (b.size() >= 2 && b[0] == '\0' && b[1] == '<') return utf16(b, true);
  return bytes;
}

struct MarkupScan {
  bool too_deep = false;
  bool has_dtd = false;
  std::size_t root_begin = std::string_view::npos;  // the first start tag
  std::size_t root_end = std::string_view::npos;    // one past its '>'
};

/// Walks the markup the way pugixml tokenises it (comments, CDATA,
/// processing instructions, quoted attribute values) and counts open
/// elements. Stops at the first problem, or after the first start tag when
/// `root_only`. A truncated document just ends the scan.
MarkupScan scan_markup(std::string_view xml, std::size_t max_depth, bool root_only) {
  MarkupScan scan;
  auto skip_past = [&](std::size_t from, std::string_view end) {
    const std::size_t at = xml.find(end, from);
    return at == std::string_view::npos ? xml.size() : at + end.size();
  };
  std::size_t depth = 0;
  std::size_t i = 0;
  while ((i = xml.find('<', i)) != std::string_view::npos) {
    const std::string_view rest = xml.substr(i);
    if (rest.substr(0, 4) == "<!--") {
      i = skip_past(i + 4, "-->");
    } else if (rest.substr(0, 9) == "<![CDATA[") {
      i = skip_past(i + 9, "]]>");
    } else if (rest.substr(0, 2) == "<?") {
      i = skip_past(i + 2, "?>");
    } else if (rest.substr(0, 9) == "<!DOCTYPE") {
      scan.has_dtd = true;
      return scan;
    } else {
      std::size_t j = i + 1;
      char quote = 0;
      for (; j < xml.size(); ++j) {
        const char c = xml[j];
        if (quote != 0) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          break;
        }
      }
      if (j >= xml.size()) return scan;
      if (rest.size() > 1 && rest[1] == '/') {
        if (depth > 0) --depth;
      } else if (rest.size() > 1 && rest[1] != '!') {
        if (scan.root_begin == std::string_view::npos) {
          scan.root_begin = i;
          scan.root_end = j + 1;
          if (root_only) return scan;
        }
        if (xml[j - 1] != '/' && ++depth > max_depth) {
          scan.too_deep = true;
          return scan;
        }
      }
      i = j + 1;
    }
  }
  return scan;
}

}  // namespace

void load_xml_part(std::string_view name, std::string bytes, std::size_t max_depth, XmlPart& part) {
  const std::string shown = printable_name(name);
  part.text = to_utf8(std::move(bytes));
  const MarkupScan scan = scan_markup(part.text, max_depth, false);
  if (scan.has_dtd) fail(ExtractStatus::kCorrupt, "DTD not allowed in " + shown);
  if (scan.too_deep) {
    fail(ExtractStatus::kLimitExceeded,
         "XML nesting deeper than " + std::to_string(max_depth) + " in " + shown);
  }
  const pugi::xml_parse_result parsed =
      part.doc.load_buffer_inplace(part.text.data(), part.text.size(), kParseOptions, pugi::encoding_utf8);
  if (!parsed) {
    if (parsed.status == pugi::status_out_of_memory) throw std::bad_alloc();
    fail(ExtractStatus::kCorrupt, "malformed XML in " + shown + ": " + lower_first(parsed.description()) +
                                      " at offset " + std::to_string(parsed.offset));
  }
}

bool load_root_tag(std::string bytes, XmlPart& part) {
  std::string text = to_utf8(std::move(bytes));
  const MarkupScan scan = scan_markup(text, static_cast<std::size_t>(-1), true);
  if (scan.root_begin == std::string_view::npos) return false;
  part.text = text.substr(scan.root_begin, scan.root_end - scan.root_begin);
  if (part.text.size() < 2 || part.text[part.text.size() - 2] != '/') part.text.insert(part.text.size() - 1, "/");
  return part.doc.load_buffer_inplace(part.text.data(), part.text.size(), kParseOptions, pugi::encoding_utf8);
}

}  // namespace ra::odt
