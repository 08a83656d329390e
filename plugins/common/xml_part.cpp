#include "common/xml_part.hpp"

#include "common/plugin_error.hpp"
#include "resume_analyser/text_codec.hpp"

#include <algorithm>
#include <cstdint>

namespace ra::common {
namespace {

constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata_single;
// Recursion over a tree follows its depth: bound it whatever the host asks.
constexpr std::uint64_t kHardDepthCap = 1024;

/// The part as UTF-8 without a BOM (in place unless it is UTF-16).
ByteBuffer to_utf8(ByteBuffer bytes) {
  const std::string_view b = bytes.view();
  if (b.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.drop_front(3);
    return bytes;
  }
  auto utf16 = [](std::string_view units, bool big_endian) {
    std::string out;
    codec::append_utf16(out, units, big_endian, /*strict=*/false);
    return ByteBuffer::copy_of(out);
  };
  if (b.substr(0, 2) == "\xFF\xFE") return utf16(b.substr(2), false);
  if (b.substr(0, 2) == "\xFE\xFF") return utf16(b.substr(2), true);
  if (b.size() >= 2 && b[0] == '<' && b[1] == '\0') return utf16(b, false);
  if (b.size() >= 2 && b[0] == '\0' && b[1] == '<') return utf16(b, true);
  return bytes;
}

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

enum class ScanStop : std::uint8_t { kNone, kDtd, kTooDeep, kTooManyElements, kTooManyAttributes };

struct MarkupScan {
  ScanStop stop = ScanStop::kNone;
  std::uint64_t nodes = 0;                          // what the tree would hold
  std::size_t root_begin = std::string_view::npos;  // the first start tag
  std::size_t root_end = std::string_view::npos;    // one past its '>'
};

/// Walks the markup the way pugixml tokenises it (comments, CDATA,
/// processing instructions, quoted attribute values), counting open elements,
/// elements, the attributes of each start tag (one per quoted value) and the
/// nodes pugixml would build (elements, attributes, CDATA sections, and text
/// runs it keeps under parse_default | parse_ws_pcdata_single: any with a
/// non-space character, and a white-space run right before an end tag when
/// the element has no child yet). Stops at the first problem, or after the
/// first complete start tag when `root_only`. A truncated document just ends
/// the scan, its last start tag counted as far as it goes.
MarkupScan scan_markup(std::string_view xml, const XmlLimits& limits, bool root_only) {
  MarkupScan scan;
  auto skip_past = [&](std::size_t from, std::string_view end) {
    const std::size_t at = xml.find(end, from);
    return at == std::string_view::npos ? xml.size() : at + end.size();
  };
  std::size_t depth = 0;
  std::uint64_t elements = 0;
  bool childless = false;     // the innermost open element has no child node yet
  std::size_t text_from = 0;  // where the text after the last markup begins
  auto count_text = [&](std::size_t end, bool before_end_tag) {
    if (end <= text_from) return;
    bool kept = before_end_tag && childless;
    for (std::size_t k = text_from; !kept && k < end; ++k) kept = !is_xml_space(xml[k]);
    if (kept) {
      ++scan.nodes;
      childless = false;
    }
  };
  std::size_t i = 0;
  while ((i = xml.find('<', i)) != std::string_view::npos) {
    const std::string_view rest = xml.substr(i);
    const char second = rest.size() > 1 ? rest[1] : '\0';
    const bool end_tag = second == '/';
    count_text(i, end_tag);
    if (second == '!' || second == '?') {  // rare: told apart only here
      if (rest.substr(0, 4) == "<!--") {
        i = skip_past(i + 4, "-->");
        continue;
      }
      if (rest.substr(0, 9) == "<![CDATA[") {
        ++scan.nodes;
        childless = false;
        i = skip_past(i + 9, "]]>");
        continue;
      }
      if (second == '?') {
        i = skip_past(i + 2, "?>");
        continue;
      }
      if (rest.substr(0, 9) == "<!DOCTYPE") {
        scan.stop = ScanStop::kDtd;
        return scan;
      }
    }
    {  // a start or end tag (or another "<!...", read like one)
      const bool start_tag = !end_tag && rest.size() > 1 && rest[1] != '!';
      std::uint64_t attributes = 0;
      std::size_t j = xml.find('>', i + 1);
      // Fast path, nearly every tag: no single quote before the next '>' and
      // the double quotes before it pair up, so that '>' ends the tag and
      // each pair is one attribute value. Else the exact walk below.
      const std::string_view inside = xml.substr(i + 1, (j == std::string_view::npos ? xml.size() : j) - i - 1);
      const auto quotes = static_cast<std::uint64_t>(std::count(inside.begin(), inside.end(), '"'));
      if (j != std::string_view::npos && quotes % 2 == 0 && inside.find('\'') == std::string_view::npos) {
        attributes = quotes / 2;
      } else {
        char quote = 0;
        for (j = i + 1; j < xml.size(); ++j) {
          const char c = xml[j];
          if (quote != 0) {
            if (c == quote) quote = 0;
          } else if (c == '"' || c == '\'') {
            quote = c;
            ++attributes;
          } else if (c == '>') {
            break;
          }
        }
      }
      const bool complete = j < xml.size();
      if (start_tag) {
        if (root_only && !complete) return scan;
        if (scan.root_begin == std::string_view::npos) {
          scan.root_begin = i;
          scan.root_end = j + 1;
          if (root_only) return scan;
        }
        if (++elements > limits.max_elements) {
          scan.stop = ScanStop::kTooManyElements;
          return scan;
        }
        if (attributes > limits.max_attributes) {
          scan.stop = ScanStop::kTooManyAttributes;
          return scan;
        }
        scan.nodes += 1 + attributes;
        const bool self_closing = complete && xml[j - 1] == '/';
        childless = !self_closing;
        if (!self_closing && ++depth > limits.max_depth) {
          scan.stop = ScanStop::kTooDeep;
          return scan;
        }
      } else if (end_tag) {
        if (depth > 0) --depth;
        childless = false;
      }
      if (!complete) return scan;
      i = j + 1;
    }
    text_from = i;
  }
  count_text(xml.size(), false);
  return scan;
}

/// The first depth or attribute limit a parsed tree breaks, in document
/// order, as scan_markup() finds them in well-formed XML; one difference: an
/// element without children counts no level (the scan counts "<a></a>" but
/// not "<a/>", which the tree does not tell apart). Iterative, so any depth
/// is fine.
ScanStop check_tree(pugi::xml_node document, const XmlLimits& limits) {
  std::size_t depth = 0;  // entered elements around the current node
  pugi::xml_node n = document.first_child();
  while (n) {
    if (n.type() == pugi::node_element) {
      std::uint64_t attributes = 0;
      for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) ++attributes;
      if (attributes > limits.max_attributes) return ScanStop::kTooManyAttributes;
      if (const pugi::xml_node child = n.first_child()) {
        if (++depth > limits.max_depth) return ScanStop::kTooDeep;
        n = child;
        continue;
      }
    }
    while (!n.next_sibling()) {  // done with n: up to the first ancestor with a next sibling
      n = n.parent();
      if (n == document) return ScanStop::kNone;
      --depth;
    }
    n = n.next_sibling();
  }
  return ScanStop::kNone;
}

}  // namespace

XmlLimits xml_limits(const ExtractLimits& limits) {
  XmlLimits xml;
  xml.max_depth = static_cast<std::size_t>(std::min<std::uint64_t>(limits.max_nesting_depth, kHardDepthCap));
  xml.max_elements = limits.max_elements;
  xml.max_attributes = limits.max_attributes;
  return xml;
}

void load_xml_part(std::string_view name, ByteBuffer bytes, const XmlLimits& limits, XmlPart& part) {
  const std::string shown = printable_name(name);
  ByteBuffer text = to_utf8(std::move(bytes));
  auto refuse = [&](ScanStop stop) {
    switch (stop) {
      case ScanStop::kNone: return;
      case ScanStop::kDtd: fail(ExtractStatus::kCorrupt, "DTD not allowed in " + shown);
      case ScanStop::kTooDeep:
        fail(ExtractStatus::kLimitExceeded,
             "XML nesting deeper than " + std::to_string(limits.max_depth) + " in " + shown);
      case ScanStop::kTooManyElements:
        fail(ExtractStatus::kLimitExceeded,
             "more than " + std::to_string(limits.max_elements) + " XML elements in " + shown);
      case ScanStop::kTooManyAttributes:
        fail(ExtractStatus::kLimitExceeded,
             "an element with more than " + std::to_string(limits.max_attributes) + " attributes in " + shown);
    }
  };
  auto scan_first = [&] {
    const MarkupScan scan = scan_markup(text.view(), limits, false);
    refuse(scan.stop);
    if (scan.nodes > limits.max_elements) {
      fail(ExtractStatus::kLimitExceeded, "more than " + std::to_string(limits.max_elements) +
                                              " XML nodes (elements, attributes, text) in " + shown);
    }
  };
  auto malformed = [&](const pugi::xml_parse_result& parsed) {
    if (parsed.status == pugi::status_out_of_memory) throw std::bad_alloc();
    fail(ExtractStatus::kCorrupt, "malformed XML in " + shown + ": " + lower_first(parsed.description()) +
                                      " at offset " + std::to_string(parsed.offset));
  };
  const std::size_t size = text.size();
  // Well-formed XML spends at least two bytes a tree node, so a part of at
  // most 2 * max_elements bytes cannot pass the element or node limits: parse
  // it (from a copy pugixml makes) and check depth and attributes on the tree,
  // far cheaper than the scan. The scan still decides when the part is
  // bigger, names a DTD, or does not parse (so the message is the same).
  if (size / 2 <= limits.max_elements && text.view().find("<!DOCTYPE") == std::string_view::npos) {
    const pugi::xml_parse_result parsed = part.doc.load_buffer(text.data(), size, kParseOptions, pugi::encoding_utf8);
    if (parsed) {
      refuse(check_tree(part.doc, limits));
      return;
    }
    scan_first();
    malformed(parsed);
  }
  scan_first();
  // pugixml parses the buffer in place and frees it with the tree: no copy.
  const pugi::xml_parse_result parsed =
      part.doc.load_buffer_inplace_own(text.release(), size, kParseOptions, pugi::encoding_utf8);
  if (!parsed) malformed(parsed);
}

namespace {

/// The first start tag of UTF-8 `text`, as scan_markup() finds it.
MarkupScan scan_root_tag(std::string_view text) {
  XmlLimits unbounded;
  unbounded.max_depth = static_cast<std::size_t>(-1);
  unbounded.max_elements = static_cast<std::uint64_t>(-1);
  unbounded.max_attributes = static_cast<std::uint64_t>(-1);
  return scan_markup(text, unbounded, true);
}

}  // namespace

bool holds_root_tag(std::string_view bytes) {
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF" ||
      (bytes.size() >= 2 && (bytes[0] == '\0' || bytes[1] == '\0'))) {
    return false;  // UTF-16
  }
  return scan_root_tag(bytes).root_end != std::string_view::npos;
}

bool load_root_tag(ByteBuffer bytes, XmlPart& part) {
  const ByteBuffer utf8 = to_utf8(std::move(bytes));
  const std::string_view text = utf8.view();
  const MarkupScan scan = scan_root_tag(text);
  if (scan.root_begin == std::string_view::npos) return false;
  std::string tag(text.substr(scan.root_begin, scan.root_end - scan.root_begin));
  if (tag.size() < 2 || tag[tag.size() - 2] != '/') tag.insert(tag.size() - 1, "/");
  return part.doc.load_buffer(tag.data(), tag.size(), kParseOptions, pugi::encoding_utf8);
}

}  // namespace ra::common
