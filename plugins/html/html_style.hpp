// What an element's own attributes say about whether a reader sees its text.
//
// Read: the `hidden` attribute, the presentational `bgcolor` attribute and
// <font color>, and the inline `style` attribute. Style sheets (<style>,
// <link>) and their class or id rules are NOT read: resolving selectors is
// out of scope, so text hidden by a class rule counts as visible, and a dark
// background set by a class rule is not seen. `aria-hidden` hides nothing
// from sight (it only hides from screen readers) and is ignored.
//
// Inline style is parsed leniently: property names and keyword values in
// any case, any white space, CSS comments dropped, `!important` understood
// (a later declaration of a property wins unless an earlier one is
// important and it is not). `style` overrides the presentational attributes.
//
// What hides an element and everything inside it (`gone`; a descendant
// cannot undo it):
//   - the `hidden` attribute, with or without a value;
//   - display: none;
//   - opacity: 0 (or 0%);
//   - position: absolute or fixed with left or top at -1000px or less
//     (off screen), or text-indent at -1000px or less; lengths in px (also
//     unitless), pt, pc, in, cm, mm, q, em and rem (1em = 16px);
//   - clip: rect(top, right, bottom, left) (commas or spaces) of zero area
//     (bottom <= top or right <= left; e.g. rect(0,0,0,0) or
//     rect(1px,1px,1px,1px)), with or without position; clip-path: inset()
//     of 50% or more.
// Inherited properties, which a descendant may set back:
//   - visibility: hidden or collapse (visible sets it back);
//   - font-size (also in the `font` shorthand): 0 in any unit, or an absolute
//     size of 1pt (1.33px) or less, hides; relative sizes (em, %, ex, ch,
//     smaller, larger) keep the parent's state, except that 0.08em / 8% or
//     less hides; other absolute sizes and keywords show again;
//   - color: white, #fff or #ffffff (any case) hides when nothing coloured
//     lies behind it; transparent always hides; other colours show again.
//     Only these spellings count as white: near-white colours, rgb() and
//     hsl() forms are left out.
//   - background (background, background-color, bgcolor): white, #fff or
//     #ffffff makes a white backdrop; none, transparent and the CSS-wide
//     keywords leave the parent's; anything else (other colours, images,
//     gradients) is a coloured backdrop behind which white text shows.
// Not covered: width/height 0 with overflow hidden, transform: scale(0),
// negative margins, text coloured like a non-white background, closed
// <details>.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ra::html {

enum class Colour : std::uint8_t { kUnset, kWhite, kTransparent, kOther };
enum class FontSize : std::uint8_t { kUnset, kZero, kReadable, kRelative };

/// What one element sets. Unset fields leave the parent's state.
struct ElementLook {
  bool gone = false;              // hidden with everything inside
  std::optional<bool> invisible;  // visibility: hidden/collapse (true) or visible (false)
  FontSize font_size = FontSize::kUnset;
  Colour colour = Colour::kUnset;
  std::optional<bool> backdrop;   // coloured (true) or white (false) background
};

/// The state inside an element: its parent's, changed by what it sets.
struct RenderState {
  bool gone = false;
  bool invisible = false;
  bool zero_size = false;
  bool backdrop = false;
  Colour colour = Colour::kUnset;

  void apply(const ElementLook& element);
  /// Whether text here cannot be seen.
  bool hides() const {
    return gone || invisible || zero_size || colour == Colour::kTransparent ||
           (colour == Colour::kWhite && !backdrop);
  }
};

/// The look set by element `name` (lower case) with `attributes` in
/// libxml2's SAX layout: name, value, name, value, ..., then a null name; a
/// value is null for an attribute without one. Null `attributes`: none.
ElementLook read_element_look(std::string_view name, const char* const* attributes);

}  // namespace ra::html
