// Recognising OpenDocument elements and attributes by namespace URI,
// whatever their prefix (LibreOffice writes office:, text:, ...; nothing
// requires those prefixes). Shared by the text walker, the style reader and
// the package checks. The prefix bookkeeping is common/xml_names.hpp's.
#pragma once

#include "common/xml_names.hpp"

#include <pugixml.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

namespace ra::odt {

enum class Ns : std::uint8_t { kOther, kOffice, kText, kTable, kDraw, kStyle, kFo, kSvg, kManifest };

inline Ns ns_of_uri(std::string_view uri) {
  static constexpr std::pair<std::string_view, Ns> kUris[] = {
      {"urn:oasis:names:tc:opendocument:xmlns:office:1.0", Ns::kOffice},
      {"urn:oasis:names:tc:opendocument:xmlns:text:1.0", Ns::kText},
      {"urn:oasis:names:tc:opendocument:xmlns:table:1.0", Ns::kTable},
      {"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", Ns::kDraw},
      {"urn:oasis:names:tc:opendocument:xmlns:style:1.0", Ns::kStyle},
      {"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0", Ns::kFo},
      {"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0", Ns::kSvg},
      {"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0", Ns::kManifest},
  };
  for (const auto& [known, ns] : kUris) {
    if (uri == known) return ns;
  }
  return Ns::kOther;
}

/// The namespace prefixes in scope while walking a tree (see
/// common::NamespaceScope).
class Namespaces : public common::NamespaceScope<Ns, ns_of_uri> {
 public:
  /// The value of attribute <ns>:<local> of `e` (entered), or nullopt.
  std::optional<std::string_view> attr(pugi::xml_node e, Ns ns, std::string_view local) const {
    for (pugi::xml_attribute a = e.first_attribute(); a; a = a.next_attribute()) {
      const common::QName name = common::split(a.name());
      if (name.local == local && !name.prefix.empty() && resolve(name.prefix) == ns) return std::string_view(a.value());
    }
    return std::nullopt;
  }
};

}  // namespace ra::odt
