// Recognising XML elements and attributes by namespace URI, whatever their
// prefix: the part each format's name table (plugins/docx/wml_names.hpp,
// plugins/odt/odf_names.hpp) shares.
//
// NamespaceScope<Ns, ns_of_uri> tracks the prefixes in scope while a tree is
// walked. Ns is the format's enum of known namespaces, whose
// value-initialised member (Ns{}) means "other"; ns_of_uri maps a namespace
// URI to it. enter(e) pushes the xmlns declarations of `e` and leave(e) pops
// them again, so calls must pair up; an unpaired leave() is harmless. A
// prefix nobody declared resolves to Ns{}.
#pragma once

#include <pugixml.hpp>

#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ra::common {

struct QName {
  std::string_view prefix;  // "" when unprefixed
  std::string_view local;
};

/// The prefix an attribute named `name` declares: "" for xmlns, "p" for
/// xmlns:p; nullopt when it declares none.
inline std::optional<std::string_view> declared_prefix(std::string_view name) {
  if (name.empty() || name[0] != 'x') return std::nullopt;
  if (name == "xmlns") return std::string_view();
  if (name.substr(0, 6) == "xmlns:") return name.substr(6);
  return std::nullopt;
}

inline std::optional<std::string_view> declared_prefix(const char* name) {
  if (name[0] != 'x') return std::nullopt;  // the common case, without a strlen
  return declared_prefix(std::string_view(name));
}

/// a == b for the short names and values of XML markup, compared in place:
/// where a part is read, most comparisons are of a few characters, which a
/// call to memcmp costs more than.
inline bool same_name(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

inline QName split(std::string_view qname) {
  for (std::size_t colon = 0; colon < qname.size(); ++colon) {  // names are short: no memchr call
    if (qname[colon] == ':') return {qname.substr(0, colon), qname.substr(colon + 1)};
  }
  return {{}, qname};
}

inline QName split(const char* name) { return split(std::string_view(name)); }

template <class Ns, Ns (*kNsOfUri)(std::string_view)>
class NamespaceScope {
 public:
  void enter(pugi::xml_node e) {
    bool declares = false;
    for (pugi::xml_attribute a = e.first_attribute(); a; a = a.next_attribute()) {
      if (const auto prefix = declared_prefix(a.name())) {
        bindings_[*prefix].push_back(kNsOfUri(a.value()));
        last_ = {};
        declares = true;
      }
    }
    if (declares) declaring_.push_back(e);
  }
  void leave(pugi::xml_node e) {
    // Elements are left in the reverse order they were entered: only the
    // innermost element that declared something has bindings to undo.
    if (declaring_.empty() || declaring_.back() != e) return;
    declaring_.pop_back();
    for (pugi::xml_attribute a = e.first_attribute(); a; a = a.next_attribute()) {
      if (const auto prefix = declared_prefix(a.name())) {
        std::vector<Ns>& stack = bindings_[*prefix];
        if (!stack.empty()) stack.pop_back();
        last_ = {};
      }
    }
  }
  Ns resolve(std::string_view prefix) const {
    // Nearly every element of a part has the same prefix ("w"): remember the
    // last answer until a declaration comes or goes.
    if (last_.valid && last_.prefix == prefix) return last_.ns;
    const auto found = bindings_.find(prefix);
    const Ns ns = found == bindings_.end() || found->second.empty() ? Ns{} : found->second.back();
    last_ = {true, prefix, ns};
    return ns;
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
  std::unordered_map<std::string_view, std::vector<Ns>> bindings_;  // innermost last
  std::vector<pugi::xml_node> declaring_;  // entered elements that declared a prefix, innermost last
  struct Resolved {
    bool valid = false;
    std::string_view prefix;
    Ns ns{};
  };
  mutable Resolved last_;  // cache of resolve(); cleared whenever bindings_ change
};

}  // namespace ra::common
