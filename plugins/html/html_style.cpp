#include "html_style.hpp"

#include <array>
#include <string>

namespace ra::html {
namespace {

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }
bool is_css_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_css_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_css_space(s.back())) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != b[i]) return false;
  }
  return true;
}

template <std::size_t N>
bool one_of(std::string_view value, const std::array<std::string_view, N>& words) {
  for (const std::string_view w : words) {
    if (value == w) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 6> kCssWide = {"inherit", "initial", "unset", "revert", "revert-layer", ""};

/// `value` in lower case and trimmed, for attribute values.
std::string lower_trimmed(std::string_view value) {
  std::string out(trim(value));
  for (char& c : out) c = ascii_lower(c);
  return out;
}

Colour colour_of(std::string_view value) {
  if (value == "white" || value == "#fff" || value == "#ffffff") return Colour::kWhite;
  if (value == "transparent") return Colour::kTransparent;
  if (one_of(value, kCssWide) || value == "currentcolor") return value == "initial" ? Colour::kOther : Colour::kUnset;
  return Colour::kOther;
}

std::optional<bool> backdrop_of(std::string_view value) {
  if (value == "white" || value == "#fff" || value == "#ffffff") return false;
  if (one_of(value, kCssWide) || value == "none" || value == "transparent") return std::nullopt;
  return true;
}

struct Number {
  double value;
  std::string_view unit;  // lower case; "%" for a percentage; "" for none
};

/// A CSS number with its unit ("-9999px", ".5em", "0"). nullopt when it is
/// not one.
std::optional<Number> number_of(std::string_view s) {
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  double value = 0;
  bool digits = false;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, digits = true) value = value * 10 + (s[i] - '0');
  if (i < s.size() && s[i] == '.') {
    double scale = 0.1;
    for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, scale /= 10, digits = true) {
      value += (s[i] - '0') * scale;
    }
  }
  if (!digits) return std::nullopt;
  const std::string_view unit = s.substr(i);
  for (const char c : unit) {
    if (!(c >= 'a' && c <= 'z') && c != '%') return std::nullopt;
  }
  return Number{negative ? -value : value, unit};
}

/// A length in CSS pixels, for absolute units and em/rem taken as 16px;
/// unitless numbers count as px, as browsers read them in quirks mode.
std::optional<double> pixels_of(std::string_view s) {
  const std::optional<Number> n = number_of(s);
  if (!n) return std::nullopt;
  static constexpr std::pair<std::string_view, double> kPixelsPer[] = {
      {"", 1},           {"px", 1},          {"pt", 96.0 / 72}, {"pc", 16},  {"in", 96},
      {"cm", 96 / 2.54}, {"mm", 96 / 25.4}, {"q", 96 / 101.6}, {"em", 16}, {"rem", 16}};
  for (const auto& [unit, factor] : kPixelsPer) {
    if (n->unit == unit) return n->value * factor;
  }
  return std::nullopt;
}

constexpr double kTinyPixels = 96.0 / 72 + 1e-9;  // 1pt
constexpr double kOffScreenPixels = -1000;

FontSize font_size_of(std::string_view value) {
  static constexpr std::array<std::string_view, 9> kAbsolute = {
      "xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large", "xxx-large", "initial"};
  static constexpr std::array<std::string_view, 6> kRelative = {"smaller", "larger", "inherit",
                                                                "unset",   "revert", "revert-layer"};
  if (one_of(value, kAbsolute)) return FontSize::kReadable;
  if (one_of(value, kRelative)) return FontSize::kRelative;
  const std::optional<Number> n = number_of(value);
  if (!n || n->value < 0) return FontSize::kUnset;  // calc(), var(), nonsense
  if (n->value == 0) return FontSize::kZero;
  // Relative to the parent: tiny factors hide, others keep the parent's state.
  static constexpr std::pair<std::string_view, double> kTinyFactor[] = {
      {"em", 0.08}, {"%", 8}, {"ex", 0.16}, {"ch", 0.16}, {"cap", 0.12}, {"ic", 0.08}, {"lh", 0.06}};
  for (const auto& [unit, tiny] : kTinyFactor) {
    if (n->unit == unit) return n->value <= tiny ? FontSize::kZero : FontSize::kRelative;
  }
  if (const std::optional<double> px = pixels_of(value)) {  // absolute units, and rem
    return *px <= kTinyPixels ? FontSize::kZero : FontSize::kReadable;
  }
  return FontSize::kReadable;  // vw, vh, ...: not zero
}

/// The font-size part of a `font` shorthand ("bold 0/0 a" -> "0"), or "".
std::string_view font_shorthand_size(std::string_view value) {
  static constexpr std::array<std::string_view, 10> kKeywords = {
      "xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large", "xxx-large", "smaller", "larger"};
  while (!value.empty()) {
    std::size_t end = 0;
    while (end < value.size() && !is_css_space(value[end])) ++end;
    std::string_view token = value.substr(0, end);
    value = trim(value.substr(end));
    token = token.substr(0, token.find('/'));
    if (one_of(token, kKeywords)) return token;
    // A bare number is a weight (700), except 0, which only a size can be.
    if (const std::optional<Number> n = number_of(token); n && (!n->unit.empty() || n->value == 0)) return token;
  }
  return {};
}

/// clip: rect(top, right, bottom, left) with no area.
bool clip_hides(std::string_view value) {
  if (value.substr(0, 5) != "rect(" || value.back() != ')') return false;
  std::string inner(value.substr(5, value.size() - 6));
  for (char& c : inner) {
    if (c == ',') c = ' ';
  }
  std::array<double, 4> sides{};
  std::string_view rest = trim(inner);
  for (double& side : sides) {
    std::size_t end = 0;
    while (end < rest.size() && !is_css_space(rest[end])) ++end;
    const std::optional<double> px = pixels_of(rest.substr(0, end));
    if (!px) return false;
    side = *px;
    rest = trim(rest.substr(end));
  }
  return rest.empty() && (sides[2] <= sides[0] || sides[1] <= sides[3]);
}

/// clip-path: inset(50%) or more.
bool clip_path_hides(std::string_view value) {
  if (value.substr(0, 6) != "inset(" || value.back() != ')') return false;
  std::string_view first = trim(value.substr(6, value.size() - 7));
  std::size_t end = 0;
  while (end < first.size() && !is_css_space(first[end])) ++end;
  const std::optional<Number> n = number_of(first.substr(0, end));
  return n && n->unit == "%" && n->value >= 50;
}

enum Property : std::uint8_t {
  kDisplay, kVisibility, kOpacity, kFontSize, kColor, kBackground, kPosition, kLeft, kTop, kTextIndent,
  kClip, kClipPath, kPropertyCount
};

std::optional<Property> property_of(std::string_view name) {
  static constexpr std::pair<std::string_view, Property> kNames[] = {
      {"display", kDisplay},       {"visibility", kVisibility}, {"opacity", kOpacity},
      {"font-size", kFontSize},    {"font", kFontSize},         {"color", kColor},
      {"background", kBackground}, {"background-color", kBackground}, {"position", kPosition},
      {"left", kLeft},             {"top", kTop},               {"text-indent", kTextIndent},
      {"clip", kClip},             {"clip-path", kClipPath}};
  for (const auto& [n, p] : kNames) {
    if (n == name) return p;
  }
  return std::nullopt;
}

/// The winning value of each property the rules read, from one style attribute.
class Declarations {
 public:
  explicit Declarations(std::string_view style) {
    // Lower case, CSS comments out.
    css_.reserve(style.size());
    for (std::size_t i = 0; i < style.size();) {
      if (style.compare(i, 2, "/*") == 0) {
        const std::size_t end = style.find("*/", i + 2);
        if (end == std::string_view::npos) break;
        css_ += ' ';
        i = end + 2;
      } else {
        css_ += ascii_lower(style[i++]);
      }
    }
    // Declarations end at ';' outside quotes and parentheses.
    const std::string_view css = css_;
    std::size_t start = 0;
    int depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < css.size(); ++i) {
      const char c = css[i];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')' && depth > 0) {
        --depth;
      } else if (c == ';' && depth == 0) {
        add(css.substr(start, i - start));
        start = i + 1;
      }
    }
    add(css.substr(start));
  }

  std::string_view operator[](Property p) const { return values_[p].value; }

 private:
  struct Value {
    std::string_view value;
    bool important = false;
  };

  void add(std::string_view declaration) {
    const std::size_t colon = declaration.find(':');
    if (colon == std::string_view::npos) return;
    const std::string_view name = trim(declaration.substr(0, colon));
    std::string_view value = trim(declaration.substr(colon + 1));
    bool important = false;
    constexpr std::string_view kImportant = "important";
    if (value.size() > kImportant.size() && value.substr(value.size() - kImportant.size()) == kImportant) {
      const std::string_view before = trim(value.substr(0, value.size() - kImportant.size()));
      if (!before.empty() && before.back() == '!') {
        important = true;
        value = trim(before.substr(0, before.size() - 1));
      }
    }
    const std::optional<Property> p = property_of(name);
    if (!p) return;
    if (name == "font") value = font_shorthand_size(value);
    Value& slot = values_[*p];
    if (important || !slot.important) slot = Value{value, important};
  }

  std::string css_;
  std::array<Value, kPropertyCount> values_{};
};

void apply_style(std::string_view style, ElementLook& look) {
  const Declarations d(style);
  if (d[kDisplay] == "none") look.gone = true;
  if (const std::optional<Number> opacity = number_of(d[kOpacity]);
      opacity && (opacity->unit.empty() || opacity->unit == "%") && opacity->value <= 0) {
    look.gone = true;
  }
  if (d[kPosition] == "absolute" || d[kPosition] == "fixed") {
    for (const Property side : {kLeft, kTop}) {
      if (const std::optional<double> px = pixels_of(d[side]); px && *px <= kOffScreenPixels) look.gone = true;
    }
  }
  if (const std::optional<double> px = pixels_of(d[kTextIndent]); px && *px <= kOffScreenPixels) look.gone = true;
  if (!d[kClip].empty() && clip_hides(d[kClip])) look.gone = true;
  if (!d[kClipPath].empty() && clip_path_hides(d[kClipPath])) look.gone = true;

  const std::string_view visibility = d[kVisibility];
  if (visibility == "hidden" || visibility == "collapse") look.invisible = true;
  if (visibility == "visible") look.invisible = false;
  if (const FontSize size = font_size_of(d[kFontSize]); size != FontSize::kUnset) look.font_size = size;
  if (!d[kColor].empty()) {
    if (const Colour colour = colour_of(d[kColor]); colour != Colour::kUnset) look.colour = colour;
  }
  if (const std::optional<bool> backdrop = backdrop_of(d[kBackground])) look.backdrop = backdrop;
}

}  // namespace

void RenderState::apply(const ElementLook& element) {
  gone = gone || element.gone;
  if (element.invisible) invisible = *element.invisible;
  if (element.font_size == FontSize::kZero) zero_size = true;
  if (element.font_size == FontSize::kReadable) zero_size = false;
  if (element.colour != Colour::kUnset) colour = element.colour;
  if (element.backdrop) backdrop = *element.backdrop;
}

ElementLook read_element_look(std::string_view name, const char* const* attributes) {
  ElementLook look;
  if (attributes == nullptr) return look;
  std::string_view style;
  for (std::size_t i = 0; attributes[i] != nullptr; i += 2) {
    const std::string_view attribute = attributes[i];
    const std::string_view value = attributes[i + 1] != nullptr ? attributes[i + 1] : "";
    if (iequals(attribute, "hidden")) {
      look.gone = true;
    } else if (iequals(attribute, "style")) {
      style = value;
    } else if (iequals(attribute, "bgcolor")) {
      if (const std::optional<bool> backdrop = backdrop_of(lower_trimmed(value))) look.backdrop = backdrop;
    } else if (iequals(attribute, "color") && name == "font") {
      if (const Colour colour = colour_of(lower_trimmed(value)); colour != Colour::kUnset) look.colour = colour;
    }
  }
  if (!style.empty()) apply_style(style, look);
  return look;
}

}  // namespace ra::html
