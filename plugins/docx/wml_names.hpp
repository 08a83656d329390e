// Recognising WordprocessingML elements and attributes by namespace URI,
// Transitional (http://schemas.openxmlformats.org/wordprocessingml/2006/main)
// or Strict (http://purl.oclc.org/ooxml/wordprocessingml/main), whatever
// their prefix. Shared by the text walker and the style reader.
#pragma once

#include <pugixml.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ra::docx {

enum class Ns : std::uint8_t { kOther, kWml, kMc };

inline Ns ns_of_uri(std::string_view uri) {
  if (uri == "http://schemas.openxmlformats.org/wordprocessingml/2006/main" ||
      uri == "http://purl.oclc.org/ooxml/wordprocessingml/main") {
    return Ns::kWml;
  }
  if (uri == "http://schemas.openxmlformats.org/markup-compatibility/2006") return Ns::kMc;
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
/// pair up; pairing them twice on one element is harmless.
class Namespaces {
 public:
  void enter(pugi::xml_node e) {
    for (pugi::xml_attribute a : e.attributes()) {
      if (const auto prefix = declared_prefix(a.name())) bindings_[*prefix].push_back(ns_of_uri(a.value()));
    }
  }
  void leave(pugi::xml_node e) {
    for (pugi::xml_attribute a : e.attributes()) {
      if (const auto prefix = declared_prefix(a.name())) bindings_[*prefix].pop_back();
    }
  }
  Ns resolve(std::string_view prefix) const {
    const auto found = bindings_.find(prefix);
    return found == bindings_.end() || found->second.empty() ? Ns::kOther : found->second.back();
  }

  /// Whether element `e` (entered) is w:<local>.
  bool is_w(pugi::xml_node e, std::string_view local) const {
    const QName name = split(e.name());
    return name.local == local && resolve(name.prefix) == Ns::kWml;
  }

  /// The value of attribute w:<local> of `e` (which must be entered), or "".
  /// An unprefixed attribute counts too, as Word reads it.
  std::string_view w_attr(pugi::xml_node e, std::string_view local) const {
    for (pugi::xml_attribute a : e.attributes()) {
      const QName name = split(a.name());
      if (name.local == local && (name.prefix.empty() || resolve(name.prefix) == Ns::kWml)) return a.value();
    }
    return {};
  }

  /// Calls f(child) for each child element of `e` (entered) in namespace
  /// `ns` named `local`, with the child entered.
  template <class F>
  void for_each_child(pugi::xml_node e, Ns ns, std::string_view local, F&& f) {
    for (pugi::xml_node child = e.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      enter(child);
      const QName name = split(child.name());
      if (name.local == local && resolve(name.prefix) == ns) f(child);
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

}  // namespace ra::docx
