// Whether a reader of an OpenDocument text can see a piece of text: the
// style properties that decide it, read from the styles of content.xml and
// styles.xml.
//
// Text is hidden (Zone::kHidden) when, after resolving its properties:
//  - text:display is "none" (LibreOffice's Hidden character effect); or
//  - fo:font-size is at most 1 pt (in pt, mm, cm, in, pc or px; percentages
//    are ignored); or
//  - fo:color is white or near white (#RRGGBB, each channel at least F0, any
//    case) and nothing coloured lies behind it: no fo:background-color other
//    than transparent or near white on the text, its paragraph or its table
//    cell, and the text is not in a text box or shape (those count as
//    coloured, as CV sidebars usually are).
// Resolution: the text's innermost text:span style, then the enclosing
// spans' styles, then the paragraph's style, then the default style of each
// family; within a style the style:parent-style-name chain is followed (at
// most kMaxParents links, which also ends cycles), nearest definition first.
// Each property comes from the first level that sets it.
//
// Left out: conditional styles (style:map), page backgrounds, shape fills,
// text coloured like a non-white background, fo:font-size percentages.
#pragma once

#include "odf_names.hpp"

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ra::odt {

/// The properties of one level of formatting that decide whether text shows.
struct TextLook {
  std::optional<bool> display_none;
  std::optional<bool> tiny;
  std::optional<bool> white;
  std::optional<bool> shaded;  // fo:background-color on the text itself

  void inherit(const TextLook& base);
  bool hides_text(bool backdrop) const;
};

class Styles {
 public:
  static constexpr int kMaxParents = 32;

  /// Reads the style:style and style:default-style children of `container`
  /// (office:styles or office:automatic-styles, entered in `ns`). Later
  /// calls override styles of the same family and name.
  void add(pugi::xml_node container, Namespaces& ns);

  /// The look style `name` of `family` ("paragraph", "text") gives, parents
  /// and the family's default style included; "" or an unknown name: the
  /// default style alone.
  TextLook look(std::string_view family, std::string_view name) const;

  /// Whether style `name` of `family` ("paragraph", "table-cell") paints a
  /// coloured background, parents included.
  bool shaded(std::string_view family, std::string_view name) const;

 private:
  struct Style {
    std::string parent;
    TextLook text;
    std::optional<bool> background;  // paragraph or cell background
  };
  const Style* find(std::string_view family, std::string_view name) const;

  std::unordered_map<std::string, Style> styles_;    // "family\nname"
  std::unordered_map<std::string, Style> defaults_;  // by family
};

}  // namespace ra::odt
