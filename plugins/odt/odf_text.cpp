#include "odf_text.hpp"

#include "common/line_assembler.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ra::odt {
namespace {

constexpr long kMaxSpaces = 1000;

enum class Kind : std::uint8_t {
  kDescend,  // anything not listed: its children are walked
  kSkip,
  kParagraph,
  kSpan,
  kSpaces,
  kTab,
  kBreak,
  kNote,
  kHiddenText,
  kSection,
  kTable,
  kRow,
  kCell,
  kShape,
};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

Kind classify(Ns ns, std::string_view local) {
  switch (ns) {
    case Ns::kText: {
      static constexpr std::pair<std::string_view, Kind> kKinds[] = {
          {"p", Kind::kParagraph},
          {"h", Kind::kParagraph},
          {"span", Kind::kSpan},
          {"s", Kind::kSpaces},
          {"tab", Kind::kTab},
          {"line-break", Kind::kBreak},
          {"note", Kind::kNote},
          {"hidden-text", Kind::kHiddenText},
          {"hidden-paragraph", Kind::kSkip},  // read by paragraph()
          {"section", Kind::kSection},
          {"soft-page-break", Kind::kSkip},
          {"tracked-changes", Kind::kSkip},
          {"change", Kind::kSkip},
          {"change-start", Kind::kSkip},
          {"change-end", Kind::kSkip},
          {"note-citation", Kind::kSkip},
          {"number", Kind::kSkip},
          {"ruby-text", Kind::kSkip},
          {"bookmark", Kind::kSkip},
          {"bookmark-start", Kind::kSkip},
          {"bookmark-end", Kind::kSkip},
          {"reference-mark", Kind::kSkip},
          {"reference-mark-start", Kind::kSkip},
          {"reference-mark-end", Kind::kSkip},
          {"alphabetical-index-mark", Kind::kSkip},
          {"toc-mark", Kind::kSkip},
          {"user-index-mark", Kind::kSkip},
      };
      for (const auto& [name, kind] : kKinds) {
        if (name == local) return kind;
      }
      if (ends_with(local, "-decls") || ends_with(local, "-source")) return Kind::kSkip;
      return Kind::kDescend;
    }
    case Ns::kOffice:
      if (local == "annotation" || local == "annotation-end" || local == "forms" || local == "binary-data") {
        return Kind::kSkip;
      }
      return Kind::kDescend;
    case Ns::kTable:
      if (local == "table") return Kind::kTable;
      if (local == "table-row") return Kind::kRow;
      if (local == "table-cell") return Kind::kCell;
      if (local == "covered-table-cell" || local == "table-column" || local == "table-columns" ||
          local == "table-header-columns" || local == "table-column-group" || local == "table-source") {
        return Kind::kSkip;
      }
      return Kind::kDescend;
    case Ns::kDraw:
      if (local == "image" || local == "object" || local == "object-ole" || local == "applet" ||
          local == "plugin" || local == "param" || local == "contour-polygon" || local == "contour-path" ||
          local == "glue-point" || local == "enhanced-geometry") {
        return Kind::kSkip;
      }
      if (local == "a" || local == "g") return Kind::kDescend;
      return Kind::kShape;
    case Ns::kSvg:
      return local == "title" || local == "desc" ? Kind::kSkip : Kind::kDescend;
    default:
      return Kind::kDescend;
  }
}

using common::LineAssembler;

/// Where lines go while walking: the part itself, a shape, or a note.
struct Context {
  // ODT rule (as before the move): a pending space is never added before
  // closing punctuation ",.;:!?)".
  Context(Zone zone, ChunkWriter& out, bool writes, bool note)
      : text(zone, out, writes, {/*no_space_before_punctuation=*/true}), is_note(note) {}
  LineAssembler text;          // lines, hidden text, cells (common/line_assembler.hpp)
  bool is_note;
  int hiding = 0;              // open hidden sections, paragraphs and the like
  bool all_hidden = false;     // a shape anchored in hidden text
  std::size_t paragraph_depth = 0;
};

class Walker {
 public:
  Walker(Zone zone, const Styles& styles, ChunkWriter& out, ChunkWriter& notes)
      : part_zone_(zone), styles_(styles), out_(out), notes_(notes) {
    contexts_.emplace_back(zone, out_, true, false);
  }

  void walk(pugi::xml_node root) {
    // The prefixes are declared on the document element, above `root`.
    std::vector<pugi::xml_node> path;
    for (pugi::xml_node n = root; n && n.type() == pugi::node_element; n = n.parent()) path.push_back(n);
    for (auto it = path.rbegin(); it != path.rend(); ++it) ns_.enter(*it);
    visit_children(root);
    for (const pugi::xml_node& n : path) ns_.leave(n);
    ctx().text.end_block();
    ctx().text.flush_anchored();
  }

 private:
  Context& ctx() { return contexts_.back(); }

  bool hiding() { return ctx().hiding > 0 || ctx().all_hidden || look_hidden_; }

  void visit_children(pugi::xml_node e) {
    for (pugi::xml_node child = e.first_child(); child; child = child.next_sibling()) {
      if (child.type() == pugi::node_element) {
        visit_element(child);
      } else if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        if (ctx().paragraph_depth > 0) put_text(child.value());
      }
    }
  }

  void visit_element(pugi::xml_node e) {
    ns_.enter(e);
    const auto [ns, local] = ns_.name_of(e);
    const bool outer_backdrop = backdrop_;
    switch (classify(ns, local)) {
      case Kind::kDescend:
        visit_children(e);
        break;
      case Kind::kSkip:
        break;
      case Kind::kParagraph:
        paragraph(e);
        break;
      case Kind::kSpan:
        span(e);
        break;
      case Kind::kSpaces: {
        long count = 1;
        if (const auto c = ns_.attr(e, Ns::kText, "c")) count = std::strtol(std::string(*c).c_str(), nullptr, 10);
        count = std::clamp(count, 1L, kMaxSpaces);
        put(std::string(static_cast<std::size_t>(count), ' '));
        break;
      }
      case Kind::kTab:
        put("\t");
        break;
      case Kind::kBreak:
        break_line();
        break;
      case Kind::kNote:
        note(e);
        break;
      case Kind::kHiddenText:
        hidden_text(e);
        break;
      case Kind::kSection: {
        const bool hidden = ns_.attr(e, Ns::kText, "display").value_or("") == "none";
        ctx().hiding += hidden ? 1 : 0;
        visit_children(e);
        ctx().hiding -= hidden ? 1 : 0;
        break;
      }
      case Kind::kTable:
        ctx().text.begin_table();
        visit_children(e);
        ctx().text.end_table();
        break;
      case Kind::kRow:
        ctx().text.begin_row();
        visit_children(e);
        ctx().text.end_row();
        break;
      case Kind::kCell:
        ctx().text.begin_cell();
        backdrop_ = backdrop_ || styles_.shaded("table-cell", ns_.attr(e, Ns::kTable, "style-name").value_or(""));
        visit_children(e);
        ctx().text.end_cell();
        break;
      case Kind::kShape:
        shape(e);
        break;
    }
    backdrop_ = outer_backdrop;
    ns_.leave(e);
  }

  /// text:p, text:h: its style holds for the text inside it; a hidden
  /// paragraph field hides all of it.
  void paragraph(pugi::xml_node p) {
    const TextLook outer_look = look_;
    const bool outer_look_hidden = look_hidden_;
    const std::string_view style = ns_.attr(p, Ns::kText, "style-name").value_or("");
    look_ = styles_.look("paragraph", style);
    backdrop_ = backdrop_ || styles_.shaded("paragraph", style);
    bool hidden_paragraph = false;
    ns_.for_each_child(p, [&](pugi::xml_node child) {
      if (ns_.is(child, Ns::kText, "hidden-paragraph") &&
          ns_.attr(child, Ns::kText, "is-hidden").value_or("") == "true") {
        hidden_paragraph = true;
      }
    });
    look_hidden_ = look_.hides_text(backdrop_ || in_shape_);
    ctx().hiding += hidden_paragraph ? 1 : 0;
    ++ctx().paragraph_depth;
    visit_children(p);
    --ctx().paragraph_depth;
    ctx().hiding -= hidden_paragraph ? 1 : 0;
    ctx().text.end_block();
    look_ = outer_look;
    look_hidden_ = outer_look_hidden;
  }

  void span(pugi::xml_node e) {
    const TextLook outer_look = look_;
    const bool outer_look_hidden = look_hidden_;
    TextLook look = styles_.look("text", ns_.attr(e, Ns::kText, "style-name").value_or(""));
    look.inherit(look_);
    look_ = look;
    look_hidden_ = look_.hides_text(backdrop_ || in_shape_);
    visit_children(e);
    look_ = outer_look;
    look_hidden_ = outer_look_hidden;
  }

  /// text:hidden-text: its text:string-value, hidden when text:is-hidden.
  void hidden_text(pugi::xml_node e) {
    const bool hidden = ns_.attr(e, Ns::kText, "is-hidden").value_or("") == "true";
    const std::string_view value = ns_.attr(e, Ns::kText, "string-value").value_or("");
    ctx().hiding += hidden ? 1 : 0;
    put_text(value);
    ctx().hiding -= hidden ? 1 : 0;
  }

  void note(pugi::xml_node e) {
    contexts_.emplace_back(Zone::kFootnote, out_, false, true);
    ctx().all_hidden = hiding();
    ns_.for_each_child(e, [&](pugi::xml_node child) {
      if (ns_.is(child, Ns::kText, "note-body")) visit_children(child);
    });
    ctx().text.end_block();
    ctx().text.flush_anchored();
    for (const LineAssembler::Line& line : ctx().text.lines()) notes_.add_line(line.zone, line.text);
    contexts_.pop_back();
  }

  void shape(pugi::xml_node e) {
    if (in_shape_ && !ctx().is_note) {
      visit_children(e);  // a frame's text box, or a shape in a shape: one text box
      return;
    }
    const bool all_hidden = hiding();
    const bool outer_in_shape = in_shape_;
    in_shape_ = true;
    contexts_.emplace_back(part_zone_ == Zone::kBody ? Zone::kTextBox : part_zone_, out_, false, false);
    ctx().all_hidden = all_hidden;
    visit_children(e);
    ctx().text.end_block();
    ctx().text.flush_anchored();
    std::vector<LineAssembler::Line> lines = ctx().text.take_lines();
    contexts_.pop_back();
    in_shape_ = outer_in_shape;
    ctx().text.anchor(std::move(lines));
    if (ctx().paragraph_depth == 0 && !ctx().text.in_cell()) ctx().text.flush_anchored();
  }

  /// Text content: runs of white space collapse to one space.
  void put_text(std::string_view text) {
    std::string flat;
    flat.reserve(text.size());
    bool space = false;
    for (const char c : text) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        space = true;
        continue;
      }
      if (space) flat += ' ';
      space = false;
      flat += c;
    }
    if (space) flat += ' ';
    if (flat.empty()) return;
    const LineAssembler& line = ctx().text;
    if (flat.front() == ' ' && !hiding() && (line.collapsed_space() || line.line().empty())) flat.erase(0, 1);
    if (flat.empty()) return;
    put(flat);
    if (!hiding() && flat.back() == ' ') ctx().text.set_collapsed_space();
  }

  /// As common/line_assembler.hpp says: hidden text never glues visible
  /// words together nor splits one; hidden pieces of one paragraph that
  /// something else separates are joined by a space.
  void put(std::string_view text) { ctx().text.put(text, hiding()); }

  /// text:line-break: a new line, but the paragraph goes on. In hidden text,
  /// a space in both the hidden and the visible text.
  void break_line() { ctx().text.break_line(hiding()); }

  Zone part_zone_;
  const Styles& styles_;
  ChunkWriter& out_;
  ChunkWriter& notes_;
  Namespaces ns_;
  std::vector<Context> contexts_;  // the part, then any shapes and notes being read
  TextLook look_;                  // of the text being read: spans over paragraph
  bool look_hidden_ = false;       // look_ hides the text
  bool backdrop_ = false;          // something coloured behind the element being read
  bool in_shape_ = false;
};

}  // namespace

void walk_odf_text(pugi::xml_node root, Zone zone, const Styles& styles, ChunkWriter& out, ChunkWriter& notes) {
  Walker(zone, styles, out, notes).walk(root);
}

}  // namespace ra::odt
