#include "common/line_assembler.hpp"

#include <iterator>
#include <utility>

namespace ra::common {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

void LineAssembler::put(std::string_view text, bool hidden) {
  if (text.empty()) return;
  if (hidden) {
    if (hidden_gap_ && !hidden_.empty() && !is_blank(hidden_.back()) && !is_blank(text.front())) hidden_ += ' ';
    hidden_gap_ = false;
    hidden_ += text;
    if (text.find_first_of(" \t") != std::string_view::npos) pending_space_ = true;
  } else {
    if (pending_space_) {
      const bool punctuation = options_.no_space_before_punctuation &&
                               std::string_view(",.;:!?)").find(text.front()) != std::string_view::npos;
      if (!line_.empty() && !is_blank(line_.back()) && !is_blank(text.front()) && !punctuation) line_ += ' ';
      pending_space_ = false;
    }
    line_ += text;
    collapsed_space_ = false;
    hidden_gap_ = true;
  }
  out_->check_fits(line_.size() + hidden_.size());
}

void LineAssembler::break_line(bool hidden) {
  hidden_gap_ = true;
  if (hidden || cell_depth_ > 0) {
    pending_space_ = true;
  } else {
    emit_line();
  }
}

void LineAssembler::end_block() {
  hidden_gap_ = true;
  if (cell_depth_ > 0) {
    pending_space_ = true;
    return;
  }
  emit_line();
  if (!hidden_.empty()) emit(Line{Zone::kHidden, std::move(hidden_)});
  hidden_.clear();
  hidden_gap_ = false;
  flush_anchored();
}

void LineAssembler::end_row() {
  rows_.pop_back();
  end_block();
}

void LineAssembler::begin_cell() {
  if (!rows_.empty()) {
    if (rows_.back()) line_ += '\t';
    rows_.back() = true;
  }
  pending_space_ = false;
  collapsed_space_ = false;
  hidden_gap_ = true;
  ++cell_depth_;
}

void LineAssembler::anchor(std::vector<Line>&& lines) {
  anchored_.insert(anchored_.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
}

void LineAssembler::flush_anchored() {
  for (Line& line : anchored_) emit(std::move(line));
  anchored_.clear();
}

void LineAssembler::emit_line() {
  const Zone zone = zone_ == Zone::kBody && table_depth_ > 0 ? Zone::kTable : zone_;
  if (writes_) {
    out_->add_line(zone, line_);  // line_ keeps its buffer for the next line
  } else {
    emit(Line{zone, std::move(line_)});
  }
  line_.clear();
  pending_space_ = false;
  collapsed_space_ = false;
}

void LineAssembler::emit(Line line) {
  if (writes_) {
    out_->add_line(line.zone, line.text);
  } else if (!line.text.empty()) {
    lines_.push_back(std::move(line));
  }
}

}  // namespace ra::common
