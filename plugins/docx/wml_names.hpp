// Recognising WordprocessingML elements and attributes by namespace URI,
// Transitional (http://schemas.openxmlformats.org/wordprocessingml/2006/main)
// or Strict (http://purl.oclc.org/ooxml/wordprocessingml/main), whatever
// their prefix. Shared by the text walker and the style reader; the prefix
// bookkeeping is common/xml_names.hpp's.
#pragma once

#include "common/xml_names.hpp"

#include <pugixml.hpp>

#include <cstdint>
#include <string_view>

namespace ra::docx {

using common::QName;
using common::split;

enum class Ns : std::uint8_t { kOther, kWml, kMc };

inline Ns ns_of_uri(std::string_view uri) {
  if (uri == "http://schemas.openxmlformats.org/wordprocessingml/2006/main" ||
      uri == "http://purl.oclc.org/ooxml/wordprocessingml/main") {
    return Ns::kWml;
  }
  if (uri == "http://schemas.openxmlformats.org/markup-compatibility/2006") return Ns::kMc;
  return Ns::kOther;
}

/// The namespace prefixes in scope while walking a tree (see
/// common::NamespaceScope); pairing enter() and leave() twice on one element
/// is harmless.
class Namespaces : public common::NamespaceScope<Ns, ns_of_uri> {
 public:
  using NamespaceScope::for_each_child;

  /// Whether element `e` (entered) is w:<local>.
  bool is_w(pugi::xml_node e, std::string_view local) const { return is(e, Ns::kWml, local); }

  /// The value of attribute w:<local> of `e` (which must be entered), or "".
  /// An unprefixed attribute counts too, as Word reads it.
  std::string_view w_attr(pugi::xml_node e, std::string_view local) const {
    for (pugi::xml_attribute a = e.first_attribute(); a; a = a.next_attribute()) {
      const QName name = split(a.name());
      if (name.local == local && (name.prefix.empty() || resolve(name.prefix) == Ns::kWml)) return a.value();
    }
    return {};
  }

  /// Calls f(child) for each child element of `e` (entered) in namespace
  /// `ns` named `local`, with the child entered.
  template <class F>
  void for_each_child(pugi::xml_node e, Ns ns, std::string_view local, F&& f) {
    NamespaceScope::for_each_child(e, [&](pugi::xml_node child) {
      if (is(child, ns, local)) f(child);
    });
  }
};

/// The attributes of one element as the WordprocessingML readers ask for
/// them, whether the element comes from a tree or a stream (wml_text.hpp):
/// w(local) is the value of the first attribute named w:<local>, or <local>
/// without a prefix as Word reads it; "" when there is none.
class WAttributes {
 public:
  virtual std::string_view w(std::string_view local) const = 0;

 protected:
  ~WAttributes() = default;
};

/// The attributes of tree element `e`, entered in `ns`.
class TreeAttributes final : public WAttributes {
 public:
  TreeAttributes(pugi::xml_node e, const Namespaces& ns) : e_(e), ns_(ns) {}
  std::string_view w(std::string_view local) const override { return ns_.w_attr(e_, local); }

 private:
  pugi::xml_node e_;
  const Namespaces& ns_;
};

}  // namespace ra::docx
