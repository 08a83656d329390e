#include "odf_styles.hpp"

#include <cstdlib>

namespace ra::odt {
namespace {

bool hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

/// "#RRGGBB" with every channel at least F0.
bool near_white(std::string_view colour) {
  if (colour.size() != 7 || colour[0] != '#') return false;
  for (std::size_t i = 1; i < 7; ++i) {
    if (!hex_digit(colour[i])) return false;
  }
  for (std::size_t i = 1; i < 7; i += 2) {
    const char c = colour[i];
    if (!(c == 'f' || c == 'F')) return false;
  }
  return true;
}

/// A background that shows: any colour but "transparent" and near white.
bool coloured_background(std::string_view colour) {
  return !colour.empty() && colour != "transparent" && !near_white(colour);
}

/// A length in points ("0.5pt", "0.2mm"); nullopt for percentages and
/// anything unreadable.
std::optional<double> points(std::string_view length) {
  const std::string text(length);
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str()) return std::nullopt;
  const std::string_view unit(end);
  if (unit == "pt") return value;
  if (unit == "mm") return value * 72 / 25.4;
  if (unit == "cm") return value * 72 / 2.54;
  if (unit == "in") return value * 72;
  if (unit == "pc") return value * 12;
  if (unit == "px") return value * 0.75;
  return std::nullopt;
}

}  // namespace

void TextLook::inherit(const TextLook& base) {
  if (!display_none) display_none = base.display_none;
  if (!tiny) tiny = base.tiny;
  if (!white) white = base.white;
  if (!shaded) shaded = base.shaded;
}

bool TextLook::hides_text(bool backdrop) const {
  if (display_none.value_or(false) || tiny.value_or(false)) return true;
  return white.value_or(false) && !backdrop && !shaded.value_or(false);
}

void Styles::add(pugi::xml_node container, Namespaces& ns) {
  ns.for_each_child(container, [&](pugi::xml_node e) {
    const bool is_default = ns.is(e, Ns::kStyle, "default-style");
    if (!is_default && !ns.is(e, Ns::kStyle, "style")) return;
    const std::string family(ns.attr(e, Ns::kStyle, "family").value_or(""));
    Style style;
    style.parent = std::string(ns.attr(e, Ns::kStyle, "parent-style-name").value_or(""));
    ns.for_each_child(e, [&](pugi::xml_node props) {
      if (ns.is(props, Ns::kStyle, "text-properties")) {
        if (const auto display = ns.attr(props, Ns::kText, "display")) style.text.display_none = *display == "none";
        if (const auto size = ns.attr(props, Ns::kFo, "font-size")) {
          if (const auto pt = points(*size)) style.text.tiny = *pt <= 1.0;
        }
        if (const auto colour = ns.attr(props, Ns::kFo, "color")) style.text.white = near_white(*colour);
        if (const auto back = ns.attr(props, Ns::kFo, "background-color")) {
          style.text.shaded = coloured_background(*back);
        }
      } else if (ns.is(props, Ns::kStyle, "paragraph-properties") ||
                 ns.is(props, Ns::kStyle, "table-cell-properties")) {
        if (const auto back = ns.attr(props, Ns::kFo, "background-color")) {
          style.background = coloured_background(*back);
        }
      }
    });
    if (is_default) {
      defaults_[family] = std::move(style);
    } else {
      const std::string name(ns.attr(e, Ns::kStyle, "name").value_or(""));
      styles_[family + '\n' + name] = std::move(style);
    }
  });
}

const Styles::Style* Styles::find(std::string_view family, std::string_view name) const {
  if (name.empty()) return nullptr;
  std::string key(family);
  key += '\n';
  key += name;
  const auto found = styles_.find(key);
  return found == styles_.end() ? nullptr : &found->second;
}

TextLook Styles::look(std::string_view family, std::string_view name) const {
  TextLook look;
  const Style* style = find(family, name);
  for (int i = 0; style != nullptr && i < kMaxParents; ++i) {
    look.inherit(style->text);
    style = find(family, style->parent);
  }
  const auto found = defaults_.find(std::string(family));
  if (found != defaults_.end()) look.inherit(found->second.text);
  return look;
}

bool Styles::shaded(std::string_view family, std::string_view name) const {
  const Style* style = find(family, name);
  for (int i = 0; style != nullptr && i < kMaxParents; ++i) {
    if (style->background) return *style->background;
    style = find(family, style->parent);
  }
  const auto found = defaults_.find(std::string(family));
  return found != defaults_.end() && found->second.background.value_or(false);
}

}  // namespace ra::odt
