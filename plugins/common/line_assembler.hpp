// Line assembly the DOCX and ODT text walkers share: the visible line being
// built, the hidden text of the same paragraph, table cells and rows, and
// the lines of text boxes (shapes) waiting for their paragraph to end.
// One LineAssembler per place lines go: the part itself, or a text box,
// shape or note being read (the walker keeps a stack of them).
//
// Contract:
//  - put(text, hidden): visible text joins the line; hidden text (the walker
//    says which) goes to the paragraph's hidden text instead.
//  - Hidden text never glues visible words together nor splits one: a space
//    or tab in it (or a break in it) leaves one space between the visible
//    text around it, and hidden text inside a word leaves the word whole.
//    Hidden pieces of one paragraph that something else separates (visible
//    text, a break, a cell, the end of a block) are joined by a space.
//  - A pending space (from the above, or a break or paragraph end inside a
//    table cell) is not added next to a space or tab that is already there,
//    nor at the start of a line; with Options::no_space_before_punctuation,
//    nor before one of ",.;:!?)".
//  - break_line(hidden): a new line, but the paragraph goes on; inside a
//    table cell, or in hidden text, a pending space instead.
//  - end_block(): the end of a paragraph or table row: inside a cell a
//    pending space; otherwise the line (zone kTable for a body line inside a
//    table), then the hidden text read since the last one (zone kHidden),
//    then the anchored text-box lines.
//  - Cells of one row are separated by a tab in the line; end_row() ends
//    the row's block.
//  - Lines go to the ChunkWriter when the assembler writes (the part
//    itself), empty ones too (the writer drops them); otherwise the
//    non-empty ones are kept for lines()/take_lines(), and anchor() hands
//    them to the paragraph of the enclosing assembler. Every put() checks
//    the writer's text limit with the line and hidden text so far.
//  - Collapsed white space (ODF): the walker may mark that the line ends in
//    a space its collapsing gave (set_collapsed_space); visible text, a
//    cell or a new line clears the mark, hidden text does not.
// Format rules (field codes, hidden styles, notes, what a break is) stay in
// the walkers; they decide what to call and whether text is hidden.
#pragma once

#include "common/chunk_writer.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ra::common {

struct LineAssemblerOptions {
  bool no_space_before_punctuation = false;  // a pending space never goes before ",.;:!?)"
};

class LineAssembler {
 public:
  using Options = LineAssemblerOptions;
  struct Line {
    Zone zone;
    std::string text;
  };

  /// Lines of `zone` go to `out` when `writes`, otherwise they are kept;
  /// `out` checks the text limit either way.
  LineAssembler(Zone zone, ChunkWriter& out, bool writes, Options options = {})
      : zone_(zone), out_(&out), writes_(writes), options_(options) {}

  void put(std::string_view text, bool hidden);
  void break_line(bool hidden);
  void end_block();

  void begin_table() { ++table_depth_; }
  void end_table() { --table_depth_; }
  void begin_row() { rows_.push_back(false); }
  void end_row();
  void begin_cell();
  void end_cell() { --cell_depth_; }
  bool in_cell() const { return cell_depth_ > 0; }

  /// The kept lines of a text box, shape or note that has ended.
  const std::vector<Line>& lines() const { return lines_; }
  std::vector<Line> take_lines() { return std::move(lines_); }
  /// Lines (of a text box in this one) written after the current paragraph.
  void anchor(std::vector<Line>&& lines);
  /// Writes (or keeps) the anchored lines now.
  void flush_anchored();

  const std::string& line() const { return line_; }
  bool collapsed_space() const { return collapsed_space_; }
  void set_collapsed_space() { collapsed_space_ = true; }

 private:
  void emit_line();
  void emit(Line line);

  Zone zone_;
  ChunkWriter* out_;
  bool writes_;
  Options options_;
  std::string line_;             // the visible line being built
  std::string hidden_;           // hidden text of the same paragraph (or table row)
  bool pending_space_ = false;   // a paragraph or break inside a table cell, or a space in hidden text
  bool hidden_gap_ = false;      // something came after the last hidden text: a space before more
  bool collapsed_space_ = false; // the line ends in a space that collapsed white space gave
  std::size_t cell_depth_ = 0;
  std::size_t table_depth_ = 0;
  std::vector<bool> rows_;       // open rows: whether a cell has started
  std::vector<Line> lines_;      // kept lines (when not writing)
  std::vector<Line> anchored_;   // text-box lines waiting for their paragraph to end
};

}  // namespace ra::common
