// Whether a reader of a Word document can see a run's text: the run
// properties that decide it, and the styles (word/styles.xml) they come from.
//
// A run's text is hidden (Zone::kHidden) when, after resolving its properties:
//  - w:vanish or w:specVanish is on (no w:val, or "true", "1", "on", or any
//    value other than "0", "false", "off"); or
//  - w:sz is at most 2 half-points (1 pt), in half-points or with a unit
//    ("1pt", "0.3mm"); or
//  - w:color is white or near white (six hex digits, each channel at least
//    F0, any case) and nothing coloured lies behind it: no run shading or
//    highlight, no paragraph, cell or table shading, no page colour, and the
//    run is not in a text box.
// "Coloured" shading: a w:shd whose w:fill is six hex digits not near
// white, or whose pattern (a w:val other than "clear", when there is one)
// draws in a w:color not near white ("auto" draws black); w:val="nil" is no
// shading. A highlight is coloured unless it is "none" or "white".
//
// Resolution: direct run properties, then the run's character style
// (w:rStyle, else the default character style), then the paragraph's style
// (w:pStyle, else the default paragraph style), then w:docDefaults. Within a
// style the w:basedOn chain is followed (at most kMaxBasedOn links, which
// also ends cycles), nearest definition first. Each property is taken from
// the first level that sets it.
//
// Deliberately left out, to keep this simple:
//  - the toggle rule for w:vanish in styles (ECMA-376 17.7.3: set in both
//    the paragraph and the character style it cancels): the nearest setting
//    wins, so such text counts as hidden;
//  - table styles' run properties and conditional formatting; a table
//    whose style (or its basedOn chain) holds any coloured shading anywhere
//    counts as a coloured background for all its cells;
//  - theme colours (w:themeColor without a matching w:val), the fill of a
//    text box's shape (text boxes count as coloured, as CV sidebars usually
//    are), pictures behind text, text coloured like its background but not
//    white, w:w (character scale), w:webHidden (hidden only in web view).
#pragma once

#include "wml_names.hpp"

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ra::docx {

/// The properties of one level of formatting that decide whether text shows.
/// Unset until that level sets them. RunLookReader::clear() resets one member
/// by member: a member added here must be added there too.
struct RunLook {
  std::optional<bool> vanish;       // w:vanish or w:specVanish
  std::optional<bool> white;        // w:color near white; false for "auto" and other colours
  std::optional<bool> tiny;         // w:sz at most 1 pt
  std::optional<bool> shaded;       // w:shd with a coloured fill or pattern
  std::optional<bool> highlighted;  // w:highlight other than none or white

  /// Takes from `base` what this level leaves unset.
  void inherit(const RunLook& base);

  /// Whether the text cannot be seen. `backdrop`: something coloured lies
  /// behind the run (paragraph, cell or table shading, page colour, a text box).
  bool hides_text(bool backdrop) const;
};

/// Reads the look a w:rPr sets, one child element at a time.
class RunLookReader {
 public:
  /// Child element w:<local> of the w:rPr, with its attributes.
  void property(std::string_view local, const WAttributes& attributes);
  /// The look read so far (w:vanish and w:specVanish together).
  RunLook look() const;
  /// The w:rStyle value, "" when none.
  std::string_view style() const { return style_; }
  /// Forgets what was read, for the next w:rPr. Member by member: a reader
  /// assigned whole is written in pieces and read back wide, which stalls
  /// store forwarding once per run.
  void clear() {
    look_.vanish.reset();
    look_.white.reset();
    look_.tiny.reset();
    look_.shaded.reset();
    look_.highlighted.reset();
    vanish_.reset();
    spec_vanish_.reset();
    style_ = {};
  }

 private:
  RunLook look_;
  std::optional<bool> vanish_, spec_vanish_;
  std::string_view style_;
};

/// Whether w:shd element with `attributes` draws a coloured background.
bool shading_shows(const WAttributes& attributes);

/// Whether w:background element with `attributes` colours the page.
bool background_coloured(const WAttributes& attributes);

/// Whether styles part `xml` (its bytes as stored) could make any run hidden
/// or put a coloured background behind one, judged from the bytes alone,
/// without parsing; when it says no, Formatting() (no styles) gives every
/// run the same look the styles would, so the part need not be parsed.
///
/// Conservative: yes for any element (in any namespace, or none, inside
/// comments and CDATA too) named vanish, specVanish, shd or highlight; a
/// color whose val (any prefix) is near white; an sz whose val is at most
/// 1 pt; a color or sz whose attributes do not read plainly (an entity, an
/// unquoted value); and a part holding a NUL byte (UTF-16, or not text).
/// Every '<' is looked at, so nothing in a comment or CDATA section can hide
/// an element from the scan. A malformed part may get "no", and is then
/// never parsed: its errors do not fail the extraction.
bool styles_may_hide_text(std::string_view xml);

/// The document-wide formatting: styles and page colour.
///
/// Styles are resolved lazily: the constructor only indexes the styles by id,
/// and a style's properties (and its basedOn chain) are read the first time a
/// run, paragraph or table uses it; most of a styles part (Word and pandoc
/// write dozens of unused styles) is never read. So the styles tree must
/// outlive this object, and an object is not safe to share between threads
/// (its caches are filled by const calls); one document, one Formatting.
class Formatting {
 public:
  static constexpr int kMaxBasedOn = 32;

  /// No styles part: nothing is set by styles and the page is white.
  Formatting() = default;

  /// Indexes `styles_root` (the root of word/styles.xml, w:styles; a null
  /// node or any other element gives no styles), which must outlive this
  /// object. The page is white until set_page_coloured().
  explicit Formatting(pugi::xml_node styles_root);

  /// The main part's w:document/w:background colours the page (the last one
  /// there: background_coloured).
  void set_page_coloured(bool coloured) { page_coloured_ = coloured; }

  /// What the styles give a run of character style `run_style` in a
  /// paragraph of style `paragraph_style` ("" or an unknown id: the default
  /// style of that type), before the run's own properties.
  RunLook run_look(std::string_view paragraph_style, std::string_view run_style) const;

  /// Whether paragraph style `paragraph_style` shades the paragraph.
  bool paragraph_shaded(std::string_view paragraph_style) const;

  /// Whether table style `table_style` holds coloured shading anywhere.
  bool table_shaded(std::string_view table_style) const;

  /// Whether the page has a coloured background (w:document/w:background).
  bool page_coloured() const { return page_coloured_; }

 private:
  struct Style {
    std::string based_on;
    RunLook run;
    std::optional<bool> paragraph_shaded;
    bool any_shading = false;
  };

  /// The style's own properties, read on first use; nullptr for an unknown id.
  const Style* own(const std::string& id) const;
  /// The style with its basedOn chain applied, resolved on first use.
  const Style* resolved(const std::string& id) const;
  const Style* find(std::string_view id, const std::string& fallback) const;

  mutable Namespaces ns_;                                 // entered at the styles root
  std::unordered_map<std::string, pugi::xml_node> nodes_;  // w:style by w:styleId (first wins)
  mutable std::unordered_map<std::string, Style> own_, resolved_;
  std::string default_paragraph_, default_character_, default_table_;
  RunLook defaults_;  // w:docDefaults/w:rPrDefault
  bool page_coloured_ = false;
};

}  // namespace ra::docx
