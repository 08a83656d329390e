#include "wml_formatting.hpp"

#include <array>
#include <utility>

namespace ra::docx {
namespace {

enum class Tone : std::uint8_t { kNone, kLight, kColoured };

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// A ST_HexColor value: "auto" or not six hex digits is kNone; each channel
/// at least F0 is kLight.
Tone tone_of(std::string_view value) {
  if (value.size() != 6) return Tone::kNone;
  bool light = true;
  for (std::size_t i = 0; i < 6; i += 2) {
    const int high = hex_digit(value[i]), low = hex_digit(value[i + 1]);
    if (high < 0 || low < 0) return Tone::kNone;
    light = light && high * 16 + low >= 0xF0;
  }
  return light ? Tone::kLight : Tone::kColoured;
}

/// ST_OnOff as Word reads it: anything but "0", "false" and "off" is on.
bool on_off(std::string_view value) { return !(value == "0" || value == "false" || value == "off"); }

/// A ST_HpsMeasure in half-points: a number of half-points, or a number with
/// a unit (mm cm in pt pc pi). nullopt when it does not parse.
std::optional<double> half_points(std::string_view value) {
  std::size_t i = 0;
  double number = 0;
  bool digits = false;
  for (; i < value.size() && value[i] >= '0' && value[i] <= '9'; ++i, digits = true) {
    number = number * 10 + (value[i] - '0');
  }
  if (i < value.size() && value[i] == '.') {
    double scale = 0.1;
    for (++i; i < value.size() && value[i] >= '0' && value[i] <= '9'; ++i, scale /= 10, digits = true) {
      number += (value[i] - '0') * scale;
    }
  }
  if (!digits) return std::nullopt;
  const std::string_view unit = value.substr(i);
  static constexpr std::pair<std::string_view, double> kHalfPointsPer[] = {
      {"", 1}, {"pt", 2}, {"pc", 24}, {"pi", 24}, {"in", 144}, {"cm", 144 / 2.54}, {"mm", 14.4 / 2.54}};
  for (const auto& [name, factor] : kHalfPointsPer) {
    if (unit == name) return number * factor;
  }
  return std::nullopt;
}

/// Whether `e` (entered) or any element inside it is a w:shd that shows.
bool holds_shading(pugi::xml_node e, Namespaces& ns) {
  if (ns.is_w(e, "shd") && shading_shows(TreeAttributes(e, ns))) return true;
  for (pugi::xml_node child = e.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    ns.enter(child);
    const bool found = holds_shading(child, ns);
    ns.leave(child);
    if (found) return true;
  }
  return false;
}

/// The shading of w:pPr element `ppr` (entered), if it has one.
std::optional<bool> paragraph_shading(pugi::xml_node ppr, Namespaces& ns) {
  std::optional<bool> shaded;
  ns.for_each_child(ppr, Ns::kWml, "shd", [&](pugi::xml_node shd) { shaded = shading_shows(TreeAttributes(shd, ns)); });
  return shaded;
}

bool is_name_char(char c) {
  static constexpr auto kTable = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) {
      t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' || c == '_' ||
             c == '-' || c == '.' || c >= 0x80;
    }
    return t;
  }();
  return kTable[static_cast<unsigned char>(c)];
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// The local part of a qualified name: what follows its last ':'.
std::string_view local_part(std::string_view name) {
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

/// Whether the attributes of a color or sz start tag, from `at` (just past
/// its name) to its '>', could make text hidden: a val attribute (any
/// prefix) that is near white (color) or at most 1 pt (sz), or anything
/// that does not read as plain name="value" pairs.
bool attributes_may_hide(std::string_view xml, std::size_t at, bool is_color) {
  while (true) {
    while (at < xml.size() && is_space(xml[at])) ++at;
    if (at >= xml.size()) return true;
    if (xml[at] == '>' || xml[at] == '/') return false;
    const std::size_t name_begin = at;
    while (at < xml.size() && is_name_char(xml[at])) ++at;
    const std::string_view name = xml.substr(name_begin, at - name_begin);
    while (at < xml.size() && is_space(xml[at])) ++at;
    if (name.empty() || at >= xml.size() || xml[at] != '=') return true;
    ++at;
    while (at < xml.size() && is_space(xml[at])) ++at;
    if (at >= xml.size() || (xml[at] != '"' && xml[at] != '\'')) return true;
    const std::size_t close = xml.find(xml[at], at + 1);
    if (close == std::string_view::npos) return true;
    const std::string_view value = xml.substr(at + 1, close - at - 1);
    at = close + 1;
    if (local_part(name) != "val") continue;
    if (value.find('&') != std::string_view::npos) return true;
    if (is_color ? tone_of(value) == Tone::kLight : half_points(value).value_or(3) <= 2) return true;
  }
}

}  // namespace

bool styles_may_hide_text(std::string_view xml) {
  if (xml.find('\0') != std::string_view::npos) return true;
  for (std::size_t lt = xml.find('<'); lt != std::string_view::npos; lt = xml.find('<', lt + 1)) {
    // The element's local name: the name chars after '<', from its last ':'.
    std::size_t local = lt + 1, end = lt + 1;
    for (; end < xml.size() && is_name_char(xml[end]); ++end) {
      if (xml[end] == ':') local = end + 1;
    }
    const std::string_view name = xml.substr(local, end - local);
    switch (name.size()) {  // most names are none of these: decided by their length
      case 2:  // sz
      case 5:  // color
        if ((name == "sz" || name == "color") && attributes_may_hide(xml, end, name == "color")) return true;
        break;
      case 3:   // shd
      case 6:   // vanish
      case 9:   // highlight
      case 10:  // specVanish
        if (name == "shd" || name == "vanish" || name == "highlight" || name == "specVanish") return true;
        break;
      default:
        break;
    }
  }
  return false;
}

void RunLook::inherit(const RunLook& base) {
  for (auto [mine, theirs] : {std::pair{&vanish, &base.vanish}, std::pair{&white, &base.white},
                               std::pair{&tiny, &base.tiny}, std::pair{&shaded, &base.shaded},
                               std::pair{&highlighted, &base.highlighted}}) {
    if (!*mine) *mine = *theirs;
  }
}

bool RunLook::hides_text(bool backdrop) const {
  if (vanish.value_or(false) || tiny.value_or(false)) return true;
  return white.value_or(false) && !backdrop && !shaded.value_or(false) && !highlighted.value_or(false);
}

void RunLookReader::property(std::string_view local, const WAttributes& attributes) {
  if (local == "vanish") {
    vanish_ = on_off(attributes.w("val"));
  } else if (local == "specVanish") {
    spec_vanish_ = on_off(attributes.w("val"));
  } else if (local == "color") {
    look_.white = tone_of(attributes.w("val")) == Tone::kLight;
  } else if (local == "sz") {
    if (const std::optional<double> size = half_points(attributes.w("val"))) look_.tiny = *size <= 2;
  } else if (local == "shd") {
    look_.shaded = shading_shows(attributes);
  } else if (local == "highlight") {
    const std::string_view val = attributes.w("val");
    look_.highlighted = !(val.empty() || val == "none" || val == "white");
  } else if (local == "rStyle") {
    style_ = attributes.w("val");
  }
}

RunLook RunLookReader::look() const {
  RunLook look = look_;
  if (vanish_ || spec_vanish_) look.vanish = vanish_.value_or(false) || spec_vanish_.value_or(false);
  return look;
}

bool shading_shows(const WAttributes& attributes) {
  const std::string_view pattern = attributes.w("val");
  if (pattern == "nil") return false;
  if (tone_of(attributes.w("fill")) == Tone::kColoured) return true;
  return !(pattern.empty() || pattern == "clear") && tone_of(attributes.w("color")) != Tone::kLight;
}

bool background_coloured(const WAttributes& attributes) { return tone_of(attributes.w("color")) == Tone::kColoured; }

namespace {

/// The look set by w:rPr element `rpr` of the styles tree (entered in `ns`).
RunLook read_run_look(pugi::xml_node rpr, Namespaces& ns) {
  RunLookReader reader;
  ns.for_each_child(rpr, [&](pugi::xml_node child) {
    const auto [child_ns, local] = ns.name_of(child);
    if (child_ns == Ns::kWml) reader.property(local, TreeAttributes(child, ns));
  });
  return reader.look();
}

}  // namespace

Formatting::Formatting(pugi::xml_node styles_root) {
  if (!styles_root) return;
  ns_.enter(styles_root);  // and stays entered: styles are read lazily in this scope
  if (!ns_.is_w(styles_root, "styles")) return;
  ns_.for_each_child(styles_root, Ns::kWml, "docDefaults", [&](pugi::xml_node defaults) {
    ns_.for_each_child(defaults, Ns::kWml, "rPrDefault", [&](pugi::xml_node run_default) {
      ns_.for_each_child(run_default, Ns::kWml, "rPr", [&](pugi::xml_node rpr) { defaults_ = read_run_look(rpr, ns_); });
    });
  });
  ns_.for_each_child(styles_root, Ns::kWml, "style", [&](pugi::xml_node e) {
    const std::string id(ns_.w_attr(e, "styleId"));
    if (!nodes_.emplace(id, e).second) return;  // the first definition of an id counts
    const std::string_view is_default = ns_.w_attr(e, "default");
    if (is_default.empty() || !on_off(is_default)) return;
    const std::string_view type = ns_.w_attr(e, "type");
    std::string* slot = type == "paragraph"   ? &default_paragraph_
                        : type == "character" ? &default_character_
                        : type == "table"     ? &default_table_
                                              : nullptr;
    if (slot != nullptr && slot->empty()) *slot = id;
  });
}

const Formatting::Style* Formatting::own(const std::string& id) const {
  if (const auto cached = own_.find(id); cached != own_.end()) return &cached->second;
  const auto node = nodes_.find(id);
  if (node == nodes_.end()) return nullptr;
  const pugi::xml_node e = node->second;
  Style style;
  ns_.enter(e);
  ns_.for_each_child(e, Ns::kWml, "basedOn", [&](pugi::xml_node b) { style.based_on = ns_.w_attr(b, "val"); });
  ns_.for_each_child(e, Ns::kWml, "rPr", [&](pugi::xml_node rpr) { style.run = read_run_look(rpr, ns_); });
  ns_.for_each_child(e, Ns::kWml, "pPr", [&](pugi::xml_node ppr) { style.paragraph_shaded = paragraph_shading(ppr, ns_); });
  style.any_shading = holds_shading(e, ns_);
  ns_.leave(e);
  return &own_.emplace(id, std::move(style)).first->second;
}

const Formatting::Style* Formatting::resolved(const std::string& id) const {
  if (const auto cached = resolved_.find(id); cached != resolved_.end()) return &cached->second;
  const Style* style = own(id);
  if (style == nullptr) return nullptr;
  Style result = *style;
  std::string next = style->based_on;  // a copy: own() may rehash own_
  for (int link = 0; link < kMaxBasedOn && !next.empty(); ++link) {
    const Style* base = own(next);
    if (base == nullptr) break;
    result.run.inherit(base->run);
    if (!result.paragraph_shaded) result.paragraph_shaded = base->paragraph_shaded;
    result.any_shading = result.any_shading || base->any_shading;
    next = base->based_on;
  }
  return &resolved_.emplace(id, std::move(result)).first->second;
}

const Formatting::Style* Formatting::find(std::string_view id, const std::string& fallback) const {
  if (!id.empty()) {
    if (const Style* style = resolved(std::string(id))) return style;
  }
  return fallback.empty() ? nullptr : resolved(fallback);
}

RunLook Formatting::run_look(std::string_view paragraph_style, std::string_view run_style) const {
  RunLook look;
  if (const Style* style = find(run_style, default_character_)) look.inherit(style->run);
  if (const Style* style = find(paragraph_style, default_paragraph_)) look.inherit(style->run);
  look.inherit(defaults_);
  return look;
}

bool Formatting::paragraph_shaded(std::string_view paragraph_style) const {
  const Style* style = find(paragraph_style, default_paragraph_);
  return style != nullptr && style->paragraph_shaded.value_or(false);
}

bool Formatting::table_shaded(std::string_view table_style) const {
  const Style* style = find(table_style, default_table_);
  return style != nullptr && style->any_shading;
}

}  // namespace ra::docx
