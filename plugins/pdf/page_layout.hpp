// Reading order of one PDF page, rebuilt from its words and their boxes.
//
// PDF has no lines, paragraphs or columns: only glyphs placed on a page, in
// whatever order the producer drew them. This unit turns the words poppler
// finds (text and bounding box) into lines in the order a person reads them.
//
// Contract of layout_page(words):
//  - Coordinates are page points with y growing downwards (poppler's). Words
//    whose box is not finite, or whose text is empty, are ignored.
//  - Columns. A column gutter is a vertical band at least kMinGutter wide
//    that no word box touches over a vertical run of at least half the
//    height of the page's text (top of the first word to the bottom of the
//    last), with words on both sides of it in that run, each side holding
//    at least 3 words and spanning at least kMinColumnWidth horizontally.
//    When one exists (the longest such run wins), the page reads as: the
//    words above the run, then the left column, then the right column, then
//    the words below the run. Lines of one side whose centres lie above
//    (below) all of the other side and more than twice their height away from the
//    rest of their side count as above (below) the run: a line across the
//    page that happens to miss the gutter, such as "References on request"
//    under a long right column. Each part is read the same way, so three
//    columns, or a column split again lower down, also read column by
//    column. Not a column layout, so rows read across: a short two-column
//    table (a skills table), whose gutter spans less than half the text
//    height; and a column of labels or dates beside the entries they head
//    (one side has at most half the lines of the other, most of them more
//    than 1.5 line heights apart, and at least three in four of them level
//    with a line of the other side). Pages with more than kMaxColumnWords
//    words are not searched for columns; a page is searched at most 16
//    times (parts of parts), each search checking at most 32 gutters.
//  - Lines. Within a part without columns, words whose vertical centres lie
//    inside each other's boxes form one line (so a bullet and its text, or
//    a label cell and its value cell, share a line); lines are ordered by
//    their vertical centre, words in a line by their left edge.
//  - Word separators in a line: a space after a list bullet that starts the
//    line (one of "•◦▪■‣⁃∙·–—➢✓", the Symbol and Wingdings bullets that
//    fonts map to U+F0B7, U+F0A7 and U+F0D8, "-", "*" or "o"); otherwise a
//    tab when the gap before the next word is at least the taller box's
//    height (table cells, right-aligned dates), a space when poppler saw a
//    space after the word or the gap is at least 0.15 of that height,
//    otherwise nothing (one word drawn in pieces, e.g. a change of font
//    inside it).
//  - Words of other writing directions (poppler's rotation 1-3) are laid out
//    the same way after turning the page so they read left to right; their
//    lines follow the horizontal ones.
//  - The result has no empty lines; no line holds '\n'. Cost: O(n log n) in
//    the number of words plus, for each part searched for columns, a sweep
//    of an occupancy grid of at most 1024 x 512 cells, one band of equal
//    rows at a time, in memory reused for the whole page.
#pragma once

#include <string>
#include <vector>

namespace ra::pdf {

struct Word {
  std::string text;        // UTF-8
  double x0, y0, x1, y1;   // bounding box, points, y down
  int rotation = 0;        // poppler's: 0 horizontal, 1..3 turned by 90, 180, 270 degrees
  bool space_after = false;
};

inline constexpr double kMinGutter = 6.0;          // points
inline constexpr double kMinColumnWidth = 36.0;    // points
inline constexpr std::size_t kMaxColumnWords = 20000;

std::vector<std::string> layout_page(std::vector<Word> words);

}  // namespace ra::pdf
