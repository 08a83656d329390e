// Recognising OpenDocument elements and attributes by namespace URI,
// whatever their prefix (LibreOffice writes office:, text:, ...; nothing
// requires those prefixes). Shared by the text walker, the style reader and
// the package checks. Same approach as plugins/docx/wml_names.hpp.
#pragma once

#include <pugixml.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

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

struct QName {
  std::string_view prefix;  // "" when unprefixed
  std::string_view local;
};

inline QName split(const char* name) {
  const std::string_view qname(name);
  const std::size_t colon = qname.find(':');
  if (colon == std::string_view::npos) return {{}, qname};
  return {qname.substr(0, colon), qname.substr(colon + 1)};
}

/// The namespace prefixes in scope while walking a tree. enter(e) pushes the
/// xmlns declarations of `e` and leave(e) pops them again, so calls must
/// pair up.
class Namespaces {
 public:
  void enter(pugi::xml_node e) {
    for (pugi::xml_attribute a : e.attributes()) {
      if (const auto prefix = declared_prefix(a.name())) bindings_[*prefix].push_back(ns_of_uri(a.value()));
    }
  }
  void leave(pugi::xml_node e) {
    for (pugi::xml_attribute a : e.attributes()) {
      if (const auto prefix = declared_prefix(a.name())) {
        std::vector<Ns>& stack = bindings_[*prefix];
        if (!stack.empty()) stack.pop_back();
      }
    }
  }
  Ns resolve(std::string_view prefix) const {
    const auto found = bindings_.find(prefix);
    return found == bindings_.end() || found->second.empty() ? Ns::kOther : found->second.back();
  }

  /// The namespace and local name of element `e` (entered).
  std::pair<Ns, std::string_view> name_of(pugi::xml_node e) const {
    const QName name = split(e.name());
    return {resolve(name.prefix), name.local};
  }

  /// Whether element `e` (entered) is <ns>:<local>.
  bool is(pugi::xml_node e, Ns ns, std::string_view local) const {
    const auto [e_ns, e_local] = name_of(e);
    return e_ns == ns && e_local == local;
  }

  /// The value of attribute <ns>:<local> of `e` (entered), or nullopt.
  std::optional<std::string_view> attr(pugi::xml_node e, Ns ns, std::string_view local) const {
    for (pugi::xml_attribute a : e.attributes()) {
      const QName name = split(a.name());
      if (name.local == local && !name.prefix.empty() && resolve(name.prefix) == ns) return std::string_view(a.value());
    }
    return std::nullopt;
  }

  /// Calls f(child) for each child element of `e` (entered), with the child
  /// entered.
  template <class F>
  void for_each_child(pugi::xml_node e, F&& f) {
    for (pugi::xml_node child = e.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      enter(child);
      f(child);
      leave(child);
    }
  }

 private:
  static std::optional<std::string_view> declared_prefix(std::string_view attribute) {
    if (attribute == "xmlns") return std::string_view();
    if (attribute.substr(0, 6) == "xmlns:") return attribute.substr(6);
    return std::nullopt;
  }
  std::unordered_map<std::string_view, std::vector<Ns>> bindings_;  // innermost last
};

}  // namespace ra::odt
