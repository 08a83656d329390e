// Turns a stream of HTML element and text events (from libxml2's SAX parser)
// into zoned text chunks.
//
// Rules:
//   - Nothing inside script style noscript template head title svg iframe
//     object applet canvas audio video datalist noembed noframes, nor
//     comments; these elements add nothing themselves (no break, no space).
//   - Depth counts the elements libxml2 has open, except the HTML5 void
//     elements libxml2 2.9 nests content into (embed source track wbr
//     bgsound image keygen).
//   - Block elements and br end the current line; td/th cells of a row are
//     joined by one '\t' (empty cells vanish); inline elements add nothing.
//   - Whitespace runs (ASCII whitespace and NBSP) become one space, except
//     inside pre/listing/xmp/plaintext, where spaces and tabs are kept and
//     line breaks end lines. Lines are trimmed; empty lines are dropped.
//   - U+00AD and zero-width characters (U+200B-U+200D, U+2060, U+FEFF) are
//     dropped; C0 controls and DEL are dropped; U+0080-U+009F (what
//     "&#147;" gives) become the Windows-1252 character of that byte, as in
//     browsers.
//   - Zones: text inside <header> is kHeader, inside <footer> kFooter (the
//     innermost of the two wins), otherwise inside <table> kTable, otherwise
//     kBody. As for ARIA's banner and contentinfo roles, a header or footer
//     inside article, aside, main, nav or section is a section's heading or
//     end matter, not the page's: it does not change the zone. Consecutive
//     lines in one zone form one chunk.
//   - Hidden text: text a reader cannot see, by the attribute and inline
//     style rules in html_style.hpp (an element's look passed to
//     start_element), goes to Zone::kHidden lines instead, whatever the zone
//     around it. The rules above apply inside hidden content to its own
//     line: a hidden block, br, cell or pre line break ends or splits only
//     the hidden line. Hidden lines keep document order, except that one
//     ending while a visible line has text waits until that line ends, so
//     hidden text inside a visible line comes right after it ("<p>Python
//     <span hidden>Go</span> and SQL</p>" gives body "Python and SQL", then
//     hidden "Go"). Hidden lines count against the text limit as soon as
//     they end.
//   - Spaces around hidden text: hidden text never glues visible words
//     together. White space inside hidden text, a hidden block and a hidden
//     br each count as a space in the visible line ("Python<span
//     hidden> Go </span>SQL" gives "Python SQL"), while hidden text inside a
//     word leaves it whole ("Py<span hidden>x</span>thon" gives "Python").
//     Hidden pieces that visible text separates are joined by a space.
//   - Elements libxml2 2.9 nests later content into (the kVoid ones above)
//     pass no look on: their attributes never hide what follows them.
#pragma once

#include "html_style.hpp"
#include "resume_analyser/format_plugin.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ra::html {

class TextBuilder {
 public:
  enum class Stop : std::uint8_t { kNone, kTooDeep, kTooMuchText };

  explicit TextBuilder(const ExtractLimits& limits)
      : max_depth_(limits.max_nesting_depth), max_text_bytes_(limits.max_text_bytes) {}

  /// An element starts / ends (lower-case name; `look`: what its attributes
  /// set). Returns false once a limit is reached; the caller then stops the
  /// parser and later events are ignored.
  bool start_element(std::string_view name, const ElementLook& look = {});
  void end_element();
  /// Text content, UTF-8.
  bool text(std::string_view utf8);
  /// Flushes the last line. Returns false if that passes the text limit.
  bool finish();

  Stop stopped() const noexcept { return stop_; }
  std::vector<TextChunk>& chunks() noexcept { return chunks_; }

 private:
  enum Pending : std::uint8_t { kNothing, kSpace, kTab };
  struct Line {
    std::string text;
    Pending pending = kNothing;
  };
  struct Open {
    std::uint16_t flags;
    RenderState state;  // inside the element
  };

  bool hiding() const { return !open_.empty() && open_.back().state.hides(); }
  Line& line_for(bool hidden) { return hidden ? hidden_ : visible_; }
  /// A block edge or line break, in hidden or visible content.
  void boundary(bool hidden);
  /// Ends the visible line, then gives the hidden lines collected meanwhile.
  void end_line();
  /// Adds one finished line (trimmed) to the chunks; an empty one adds nothing.
  void add_line(Zone zone, std::string_view text);
  static void append_char(Line& line, char32_t cp);
  static void flush_pending(Line& line);
  Zone zone() const;

  std::uint64_t max_depth_;
  std::uint64_t max_text_bytes_;
  Stop stop_ = Stop::kNone;
  std::vector<Open> open_;           // the open elements
  std::uint64_t depth_ = 0;          // open elements, not counting kVoid ones
  std::vector<Zone> zones_;          // open header/footer/table elements
  std::uint32_t skipping_ = 0;       // open elements inside a skipped one, itself included
  std::uint32_t pre_ = 0;            // open pre-like elements
  std::uint32_t sectioning_ = 0;     // open article/aside/main/nav/section elements
  bool after_cr_ = false;            // in pre: a CR was the last character
  Line visible_;                     // the line being built
  Line hidden_;                      // the hidden line being built
  std::vector<std::string> deferred_;  // finished hidden lines waiting for the visible line
  std::uint64_t deferred_bytes_ = 0;   // their size, with the '\n's between them
  std::uint64_t total_ = 0;
  std::vector<TextChunk> chunks_;
};

}  // namespace ra::html
