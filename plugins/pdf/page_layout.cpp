#include "page_layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>

namespace ra::pdf {
namespace {

constexpr std::size_t kMaxGridX = 1024;
constexpr std::size_t kMaxGridY = 512;
constexpr int kMaxDepth = 8;
constexpr int kMaxSearches = 16;      // column searches on one page
constexpr int kMaxCandidates = 32;    // gutters checked in one search
constexpr std::size_t kMinSideWords = 3;

struct Box {
  const Word* word;
  double x0, y0, x1, y1;
  double cx() const { return (x0 + x1) / 2; }
  double cy() const { return (y0 + y1) / 2; }
  double height() const { return y1 - y0; }
};

struct Line {
  std::vector<Box> boxes;
  double cy = 0;      // centre of the line's first box
  double height = 0;  // height of the line's first box
  double top = 0, bottom = 0;  // of all its boxes
};

/// Groups boxes into lines (see the contract) ordered top to bottom.
std::vector<Line> build_lines(std::vector<Box> boxes) {
  std::stable_sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) {
    return a.cy() != b.cy() ? a.cy() < b.cy() : a.x0 < b.x0;
  });
  std::vector<Line> lines;
  for (const Box& b : boxes) {
    if (!lines.empty()) {
      Line& line = lines.back();
      const Box& first = line.boxes.front();
      if (b.cy() >= first.y0 && b.cy() <= first.y1 && first.cy() >= b.y0 && first.cy() <= b.y1) {
        line.boxes.push_back(b);
        continue;
      }
    }
    Line line;
    line.boxes.push_back(b);
    line.cy = b.cy();
    line.height = b.height();
    lines.push_back(std::move(line));
  }
  for (Line& line : lines) {
    line.top = line.boxes.front().y0;
    line.bottom = line.boxes.front().y1;
    for (const Box& b : line.boxes) {
      line.top = std::min(line.top, b.y0);
      line.bottom = std::max(line.bottom, b.y1);
    }
    std::stable_sort(line.boxes.begin(), line.boxes.end(), [](const Box& a, const Box& b) { return a.x0 < b.x0; });
  }
  return lines;
}

/// A list bullet drawn as a character of its own.
bool is_bullet(std::string_view text) {
  static constexpr std::string_view kBullets[] = {
      "\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA", "\xE2\x96\xA0", "\xE2\x80\xA3", "\xE2\x81\x83",
      "\xE2\x88\x99", "\xC2\xB7",     "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x9E\xA2", "\xE2\x9C\x93",
      "\xEF\x82\xB7", "\xEF\x82\xA7", "\xEF\x83\x98", "-",            "*",            "o"};
  for (const std::string_view bullet : kBullets) {
    if (text == bullet) return true;
  }
  return false;
}

std::string line_text(const Line& line) {
  std::string out;
  const Box* prev = nullptr;
  for (const Box& b : line.boxes) {
    if (prev != nullptr) {
      const double gap = b.x0 - prev->x1;
      const double h = std::max(prev->height(), b.height());
      if (prev == &line.boxes.front() && is_bullet(prev->word->text)) {
        out += ' ';
      } else if (gap >= 1.0 * h) {
        out += '\t';
      } else if (prev->word->space_after || gap >= 0.15 * h) {
        out += ' ';
      }
    }
    out += b.word->text;
    prev = &b;
  }
  return out;
}

/// Whether `few` is a column of labels or dates beside the text they belong
/// to, which reads row by row: at most half as many lines as `many`, most of
/// them apart from each other, each at the height of a line of `many`.
bool rows_align(const std::vector<Line>& few, const std::vector<Line>& many) {
  if (few.size() * 2 > many.size()) return false;
  // Labels and dates stand apart, one per entry; a sidebar's lines follow
  // one another (even when its line pitch matches the main column's).
  std::size_t close = 0;
  for (std::size_t i = 1; i < few.size(); ++i) {
    if (few[i].cy - few[i - 1].cy < 1.5 * std::max(few[i].height, few[i - 1].height)) ++close;
  }
  if (close * 2 > few.size() - 1 && few.size() > 1) return false;
  std::size_t aligned = 0;
  for (const Line& a : few) {
    aligned += std::any_of(many.begin(), many.end(), [&](const Line& b) {
      return std::abs(a.cy - b.cy) <= 0.25 * std::min(a.height, b.height);
    }) ? 1 : 0;
  }
  return aligned * 4 >= few.size() * 3;  // a heading over the dates may stand alone
}

/// Lines of `side` that stand apart from it with their centres above the
/// top of `other` go to `above`, those below the bottom of `other` to
/// `below`: text across the
/// page that happens to miss the gutter ("References on request" under a
/// long right column), not part of the column. Apart: a gap of more than
/// twice the line's height.
void peel(std::vector<Box>& side, const std::vector<Box>& other, std::vector<Box>& above,
          std::vector<Box>& below) {
  if (side.empty() || other.empty()) return;
  double other_top = other[0].y0, other_bottom = other[0].y1;
  for (const Box& b : other) {
    other_top = std::min(other_top, b.y0);
    other_bottom = std::max(other_bottom, b.y1);
  }
  std::vector<Line> lines = build_lines(side);
  std::size_t head = 0, tail = lines.size();
  // Boxes are taller than the line pitch: compare centres.
  while (head < lines.size() && (lines[head].top + lines[head].bottom) / 2 < other_top) ++head;
  if (head == 0 || head == lines.size() || lines[head].top - lines[head - 1].bottom <= 2 * lines[head - 1].height) {
    head = 0;
  }
  while (tail > head && (lines[tail - 1].top + lines[tail - 1].bottom) / 2 > other_bottom) --tail;
  if (tail == head || tail == lines.size() || lines[tail].top - lines[tail - 1].bottom <= 2 * lines[tail].height) {
    tail = lines.size();
  }
  if (head == 0 && tail == lines.size()) return;
  side.clear();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::vector<Box>& to = i < head ? above : i >= tail ? below : side;
    to.insert(to.end(), lines[i].boxes.begin(), lines[i].boxes.end());
  }
}

/// Memory find_columns reuses from one search to the next on a page.
struct ColumnScratch {
  struct Event {
    std::uint32_t x;
    std::int32_t delta;
  };
  std::vector<std::uint32_t> first_event, fill;  // by grid row: where its events start
  std::vector<Event> events;
  std::vector<std::int32_t> column, covered_before;
  std::vector<std::uint32_t> run, len, start;  // by window start
};

struct Split {
  std::vector<Box> above, left, right, below;
};

/// Looks for a column gutter (see the contract) among `boxes`; `min_run` is
/// the shortest vertical run that counts.
std::optional<Split> find_columns(const std::vector<Box>& boxes, double min_run, ColumnScratch& scratch) {
  if (boxes.size() < 2 * kMinSideWords || boxes.size() > kMaxColumnWords) return std::nullopt;
  double X0 = boxes[0].x0, X1 = boxes[0].x1, Y0 = boxes[0].y0, Y1 = boxes[0].y1;
  for (const Box& b : boxes) {
    X0 = std::min(X0, b.x0);
    X1 = std::max(X1, b.x1);
    Y0 = std::min(Y0, b.y0);
    Y1 = std::max(Y1, b.y1);
  }
  const double width = X1 - X0, height = Y1 - Y0;
  if (!(width >= 2 * kMinColumnWidth + kMinGutter) || !(height >= min_run) || !(min_run > 0)) return std::nullopt;

  const auto nx = static_cast<std::size_t>(std::min<double>(kMaxGridX, std::ceil(width)));
  const auto ny = static_cast<std::size_t>(std::min<double>(kMaxGridY, std::ceil(height / 2) + 1));
  const double bx = width / static_cast<double>(nx), by = height / static_cast<double>(ny);
  const auto bin = [](double v, double origin, double size, std::size_t n) {
    const double i = std::floor((v - origin) / size);
    return static_cast<std::size_t>(std::clamp(i, 0.0, static_cast<double>(n)));
  };
  const auto bin_end = [](double v, double origin, double size, std::size_t n) {
    const double i = std::ceil((v - origin) / size);
    return static_cast<std::size_t>(std::clamp(i, 0.0, static_cast<double>(n)));
  };

  // Boxes are widened to whole cells, so a gap of g points leaves at least
  // floor(g / bx) - 1 free cells; one free cell when cells are wider than
  // half a gutter. (This subtraction once wrapped around for cells wider
  // than a gutter, on pages over 6,144 points wide: no columns were found.)
  const double gutter_cells = std::floor(kMinGutter / bx);
  const std::size_t k = gutter_cells >= 2 ? static_cast<std::size_t>(gutter_cells) - 1 : 1;
  if (nx < k + 2) return std::nullopt;

  // Each box covers cells [ix0, ix1) x [iy0, iy1): as a 2-D difference
  // array, +1 at (ix0, iy0) and (ix1, iy1), -1 at (ix1, iy0) and (ix0, iy1).
  // The events are bucketed by row; rows without events repeat the row
  // above, so the grid is swept one band of equal rows at a time.
  std::vector<std::uint32_t>& first = scratch.first_event;
  first.assign(ny + 2, 0);
  const auto cells = [&](const Box& b) {
    const std::size_t ix0 = std::min(bin(b.x0, X0, bx, nx), nx - 1);
    const std::size_t ix1 = std::max(bin_end(b.x1, X0, bx, nx), ix0 + 1);
    const std::size_t iy0 = std::min(bin(b.y0, Y0, by, ny), ny - 1);
    const std::size_t iy1 = std::max(bin_end(b.y1, Y0, by, ny), iy0 + 1);
    return std::array<std::size_t, 4>{ix0, ix1, iy0, iy1};
  };
  for (const Box& b : boxes) {
    const std::array<std::size_t, 4> c = cells(b);
    first[c[2] + 1] += 2;
    first[c[3] + 1] += 2;
  }
  for (std::size_t y = 1; y < first.size(); ++y) first[y] += first[y - 1];
  std::vector<ColumnScratch::Event>& events = scratch.events;
  events.resize(first.back());
  {
    std::vector<std::uint32_t>& fill = scratch.fill;
    fill.assign(first.begin(), first.end() - 1);
    for (const Box& b : boxes) {
      const auto [ix0, ix1, iy0, iy1] = cells(b);
      events[fill[iy0]++] = {static_cast<std::uint32_t>(ix0), +1};
      events[fill[iy0]++] = {static_cast<std::uint32_t>(ix1), -1};
      events[fill[iy1]++] = {static_cast<std::uint32_t>(ix0), -1};
      events[fill[iy1]++] = {static_cast<std::uint32_t>(ix1), +1};
    }
  }

  // column[x]: the events' sum at x over the rows so far; its prefix sum
  // along a row is that row's coverage. free_before[x]: covered cells in
  // [0, x) of the current band. For each window start gx, the longest run
  // of rows whose cells [gx, gx + k) are all free, and where it starts.
  std::vector<std::int32_t>& column = scratch.column;
  std::vector<std::int32_t>& covered_before = scratch.covered_before;
  std::vector<std::uint32_t>& run = scratch.run;
  std::vector<std::uint32_t>& len = scratch.len;
  std::vector<std::uint32_t>& start = scratch.start;
  column.assign(nx + 1, 0);
  covered_before.assign(nx + 1, 0);
  run.assign(nx, 0);
  len.assign(nx, 0);
  start.assign(nx, 0);
  for (std::size_t y = 0; y < ny;) {
    for (std::uint32_t e = first[y]; e < first[y + 1]; ++e) column[events[e].x] += events[e].delta;
    std::size_t next = y + 1;
    while (next < ny && first[next] == first[next + 1]) ++next;
    const auto rows = static_cast<std::uint32_t>(next - y);
    std::int32_t depth = 0, covered = 0;
    for (std::size_t x = 0; x < nx; ++x) {
      covered_before[x] = covered;
      depth += column[x];
      covered += depth > 0 ? 1 : 0;
    }
    covered_before[nx] = covered;
    for (std::size_t gx = 1; gx + k < nx; ++gx) {
      if (covered_before[gx + k] == covered_before[gx]) {
        run[gx] += rows;
        if (run[gx] > len[gx]) {
          len[gx] = run[gx];
          start[gx] = static_cast<std::uint32_t>(next) - run[gx];
        }
      } else {
        run[gx] = 0;
      }
    }
    y = next;
  }

  std::optional<Split> best;
  std::size_t best_len = 0;
  std::size_t last_start = 0, last_len = 0;
  int candidates = 0;
  for (std::size_t gx = 1; gx + k < nx; ++gx) {
    const std::size_t len = scratch.len[gx], start = scratch.start[gx];
    if (len <= best_len || static_cast<double>(len) * by < min_run) continue;
    if (start == last_start && len == last_len) continue;  // the same band as the previous window
    last_start = start;
    last_len = len;
    if (++candidates > kMaxCandidates) break;

    const double top = Y0 + static_cast<double>(start) * by;
    const double bottom = Y0 + static_cast<double>(start + len) * by;
    const double mid = X0 + (static_cast<double>(gx) + static_cast<double>(k) / 2) * bx;
    Split split;
    for (const Box& b : boxes) {
      if (b.cy() < top) split.above.push_back(b);
      else if (b.cy() > bottom) split.below.push_back(b);
      else if (b.cx() < mid) split.left.push_back(b);
      else split.right.push_back(b);
    }
    const auto wide = [](const std::vector<Box>& side) {
      if (side.size() < kMinSideWords) return false;
      double lo = side[0].x0, hi = side[0].x1;
      for (const Box& b : side) {
        lo = std::min(lo, b.x0);
        hi = std::max(hi, b.x1);
      }
      return hi - lo >= kMinColumnWidth;
    };
    peel(split.left, split.right, split.above, split.below);
    peel(split.right, split.left, split.above, split.below);
    if (!wide(split.left) || !wide(split.right)) continue;
    const std::vector<Line> left_lines = build_lines(split.left);
    const std::vector<Line> right_lines = build_lines(split.right);
    if (rows_align(left_lines, right_lines) || rows_align(right_lines, left_lines)) continue;
    best_len = len;
    best = std::move(split);
  }
  return best;
}

void layout_part(std::vector<Box> boxes, double min_run, int depth, int& searches, ColumnScratch& scratch,
                 std::vector<std::string>& out) {
  if (boxes.empty()) return;
  if (depth < kMaxDepth && searches < kMaxSearches) {
    ++searches;
    if (std::optional<Split> split = find_columns(boxes, min_run, scratch)) {
      layout_part(std::move(split->above), min_run, depth + 1, searches, scratch, out);
      layout_part(std::move(split->left), min_run, depth + 1, searches, scratch, out);
      layout_part(std::move(split->right), min_run, depth + 1, searches, scratch, out);
      layout_part(std::move(split->below), min_run, depth + 1, searches, scratch, out);
      return;
    }
  }
  for (const Line& line : build_lines(std::move(boxes))) {
    std::string text = line_text(line);
    if (text.find_first_not_of(" \t") != std::string::npos) out.push_back(std::move(text));
  }
}

/// The box of `w` on a page turned so that its text reads left to right.
/// Coordinates are clamped to +-kFar points, far beyond any real page, so
/// that differences stay finite.
Box turned(const Word& w) {
  constexpr double kFar = 1e6;
  const double wx0 = std::clamp(w.x0, -kFar, kFar), wx1 = std::clamp(w.x1, -kFar, kFar);
  const double wy0 = std::clamp(w.y0, -kFar, kFar), wy1 = std::clamp(w.y1, -kFar, kFar);
  double x0 = wx0, y0 = wy0, x1 = wx1, y1 = wy1;
  switch (w.rotation) {
    case 1: x0 = wy0; x1 = wy1; y0 = -wx1; y1 = -wx0; break;   // text runs down the page
    case 2: x0 = -wx1; x1 = -wx0; y0 = -wy1; y1 = -wy0; break;  // upside down
    case 3: x0 = -wy1; x1 = -wy0; y0 = wx0; y1 = wx1; break;    // text runs up the page
    default: break;
  }
  return Box{&w, std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)};
}

}  // namespace

std::vector<std::string> layout_page(std::vector<Word> words) {
  std::vector<std::string> out;
  ColumnScratch scratch;
  for (int rotation = 0; rotation < 4; ++rotation) {
    std::vector<Box> boxes;
    for (const Word& w : words) {
      const int r = w.rotation >= 0 && w.rotation < 4 ? w.rotation : 0;
      if (r != rotation || w.text.empty()) continue;
      if (!std::isfinite(w.x0) || !std::isfinite(w.y0) || !std::isfinite(w.x1) || !std::isfinite(w.y1)) continue;
      boxes.push_back(turned(w));
    }
    if (boxes.empty()) continue;
    double top = boxes[0].y0, bottom = boxes[0].y1;
    for (const Box& b : boxes) {
      top = std::min(top, b.y0);
      bottom = std::max(bottom, b.y1);
    }
    int searches = 0;
    layout_part(std::move(boxes), 0.5 * (bottom - top), 0, searches, scratch, out);
  }
  return out;
}

}  // namespace ra::pdf
