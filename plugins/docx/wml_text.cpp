#include "wml_text.hpp"

#include "wml_names.hpp"

#include "common/line_assembler.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ra::docx {
namespace {

enum class Kind : std::uint8_t {
  kDescend,  // anything not listed: its children are walked
  kSkip,
  kParagraph,
  kRun,
  kText,
  kTab,
  kBreak,
  kNoBreakHyphen,
  kFieldChar,
  kTable,
  kRow,
  kCell,
  kTextBox,
  kNote,
  kAlternateContent,
};

Kind classify(Ns ns, std::string_view local) {
  if (ns == Ns::kMc) return local == "AlternateContent" ? Kind::kAlternateContent : Kind::kDescend;
  if (ns != Ns::kWml) return Kind::kDescend;
  static constexpr std::pair<std::string_view, Kind> kKinds[] = {
      {"p", Kind::kParagraph},
      {"r", Kind::kRun},
      {"t", Kind::kText},
      {"tab", Kind::kTab},
      {"ptab", Kind::kTab},
      {"br", Kind::kBreak},
      {"cr", Kind::kBreak},
      {"noBreakHyphen", Kind::kNoBreakHyphen},
      {"fldChar", Kind::kFieldChar},
      {"tbl", Kind::kTable},
      {"tr", Kind::kRow},
      {"tc", Kind::kCell},
      {"txbxContent", Kind::kTextBox},
      {"footnote", Kind::kNote},
      {"endnote", Kind::kNote},
      {"softHyphen", Kind::kSkip},
      {"del", Kind::kSkip},
      {"moveFrom", Kind::kSkip},
      {"delText", Kind::kSkip},
      {"instrText", Kind::kSkip},
      {"delInstrText", Kind::kSkip},
      {"commentReference", Kind::kSkip},
      {"commentRangeStart", Kind::kSkip},
      {"commentRangeEnd", Kind::kSkip},
      {"tblGrid", Kind::kSkip},
      {"rt", Kind::kSkip},  // ruby (phonetic guide) text above its base text
  };
  for (const auto& [name, kind] : kKinds) {
    if (name == local) return kind;
  }
  // Property containers (pPr, rPr, sectPr, tblPr, tcPr, sdtPr, tblPrEx, ...)
  // hold no text; their w:tab elements are tab stops.
  const auto ends_with = [&](std::string_view suffix) {
    return local.size() >= suffix.size() && local.substr(local.size() - suffix.size()) == suffix;
  };
  if (ends_with("Pr") || ends_with("PrEx")) return Kind::kSkip;
  return Kind::kDescend;
}

using common::LineAssembler;

/// Where lines go while walking: the part itself, or a text box.
struct Context {
  Context(Zone zone, ChunkWriter& out, bool writes) : text(zone, out, writes) {}
  LineAssembler text;          // lines, hidden text, cells (common/line_assembler.hpp)
  bool hidden_run = false;     // inside a run whose text is hidden
  bool all_hidden = false;     // a text box anchored in a hidden run
  bool dropped = false;        // a text box inside a field code
  std::vector<bool> fields;    // open complex fields: whether still in the code
  std::size_t fields_in_code = 0;

  bool hiding() const { return hidden_run || all_hidden; }
  bool in_field_code() const { return dropped || fields_in_code > 0; }
};

class Walker {
 public:
  Walker(Zone zone, const Formatting& formatting, ChunkWriter& out)
      : part_zone_(zone), formatting_(formatting), out_(out), backdrop_(formatting.page_coloured()) {
    contexts_.emplace_back(zone, out_, true);
  }

  void walk(pugi::xml_node root) {
    visit_element(root);
    ctx().text.end_block();
  }

 private:
  Context& ctx() { return contexts_.back(); }

  void visit_children(pugi::xml_node e) {
    for (pugi::xml_node child = e.first_child(); child; child = child.next_sibling()) {
      if (child.type() == pugi::node_element) visit_element(child);
    }
  }

  void visit_element(pugi::xml_node e) {
    ns_.enter(e);
    const QName name = split(e.name());
    const bool outer_backdrop = backdrop_;
    switch (classify(ns_.resolve(name.prefix), name.local)) {
      case Kind::kDescend:
        visit_children(e);
        break;
      case Kind::kSkip:
        break;
      case Kind::kParagraph:
        paragraph(e);
        break;
      case Kind::kRun: {
        const bool was_hidden = ctx().hidden_run;
        ctx().hidden_run = was_hidden || run_is_hidden(e);
        visit_children(e);
        ctx().hidden_run = was_hidden;
        break;
      }
      case Kind::kText:
        for (pugi::xml_node t = e.first_child(); t; t = t.next_sibling()) {
          if (t.type() == pugi::node_pcdata || t.type() == pugi::node_cdata) put_text(t.value());
        }
        break;
      case Kind::kTab:
        put("\t");
        break;
      case Kind::kBreak:
        break_line();
        break;
      case Kind::kNoBreakHyphen:
        put("-");
        break;
      case Kind::kFieldChar:
        field_char(ns_.w_attr(e, "fldCharType"));
        break;
      case Kind::kTable: {
        std::string_view style;
        bool shaded = false;
        ns_.for_each_child(e, Ns::kWml, "tblPr", [&](pugi::xml_node props) {
          ns_.for_each_child(props, Ns::kWml, "tblStyle", [&](pugi::xml_node s) { style = ns_.w_attr(s, "val"); });
          shaded = shaded || has_shading(props);
        });
        backdrop_ = backdrop_ || shaded || formatting_.table_shaded(style);
        ctx().text.begin_table();
        visit_children(e);
        ctx().text.end_table();
        break;
      }
      case Kind::kRow:
        ctx().text.begin_row();
        visit_children(e);
        ctx().text.end_row();
        break;
      case Kind::kCell:
        ctx().text.begin_cell();
        ns_.for_each_child(e, Ns::kWml, "tcPr", [&](pugi::xml_node props) { backdrop_ = backdrop_ || has_shading(props); });
        visit_children(e);
        ctx().text.end_cell();
        break;
      case Kind::kTextBox:
        text_box(e);
        break;
      case Kind::kNote: {
        const std::string_view type = ns_.w_attr(e, "type");
        if (type.empty() || type == "normal") visit_children(e);
        break;
      }
      case Kind::kAlternateContent:
        alternate_content(e);
        break;
    }
    backdrop_ = outer_backdrop;
    ns_.leave(e);
  }

  /// Whether properties element `props` (entered) has a w:shd that shows.
  bool has_shading(pugi::xml_node props) {
    bool shaded = false;
    ns_.for_each_child(props, Ns::kWml, "shd", [&](pugi::xml_node shd) { shaded = shading_shows(shd, ns_); });
    return shaded;
  }

  /// A w:p: its style and shading hold for the runs inside it.
  void paragraph(pugi::xml_node p) {
    const std::string_view outer_style = paragraph_style_;
    paragraph_style_ = {};
    std::optional<bool> shaded;
    ns_.for_each_child(p, Ns::kWml, "pPr", [&](pugi::xml_node props) {
      ns_.for_each_child(props, Ns::kWml, "pStyle", [&](pugi::xml_node s) { paragraph_style_ = ns_.w_attr(s, "val"); });
      ns_.for_each_child(props, Ns::kWml, "shd", [&](pugi::xml_node shd) { shaded = shading_shows(shd, ns_); });
    });
    if (!shaded) {
      const auto known = std::find_if(shaded_styles_.begin(), shaded_styles_.end(),
                                      [&](const auto& e) { return e.first == paragraph_style_; });
      if (known != shaded_styles_.end()) {
        shaded = known->second;
      } else {
        shaded = formatting_.paragraph_shaded(paragraph_style_);
        if (shaded_styles_.size() < kRemembered) shaded_styles_.emplace_back(paragraph_style_, *shaded);
      }
    }
    backdrop_ = backdrop_ || *shaded;
    visit_children(p);
    ctx().text.end_block();
    paragraph_style_ = outer_style;
  }

  /// Whether the text of run `r` cannot be seen (rules in wml_formatting.hpp).
  bool run_is_hidden(pugi::xml_node r) {
    RunLook look;
    std::string_view run_style;
    ns_.for_each_child(r, Ns::kWml, "rPr", [&](pugi::xml_node props) { look = read_run_look(props, ns_, &run_style); });
    // A document uses few style pairs: ask the styles once per pair.
    const auto known = std::find_if(styled_.begin(), styled_.end(), [&](const StyledLook& e) {
      return e.paragraph == paragraph_style_ && e.run == run_style;
    });
    if (known != styled_.end()) {
      look.inherit(known->look);
    } else {
      const RunLook from_styles = formatting_.run_look(paragraph_style_, run_style);
      if (styled_.size() < kRemembered) styled_.push_back({paragraph_style_, run_style, from_styles});
      look.inherit(from_styles);
    }
    return look.hides_text(backdrop_ || contexts_.size() > 1);
  }

  void alternate_content(pugi::xml_node e) {
    pugi::xml_node choice, fallback;
    ns_.for_each_child(e, Ns::kMc, "Choice", [&](pugi::xml_node c) { choice = choice ? choice : c; });
    ns_.for_each_child(e, Ns::kMc, "Fallback", [&](pugi::xml_node f) { fallback = fallback ? fallback : f; });
    if (choice || fallback) visit_element(choice ? choice : fallback);
  }

  void field_char(std::string_view type) {
    Context& c = ctx();
    if (type == "begin") {
      c.fields.push_back(true);
      ++c.fields_in_code;
    } else if (type == "separate" && !c.fields.empty() && c.fields.back()) {
      c.fields.back() = false;
      --c.fields_in_code;
    } else if (type == "end" && !c.fields.empty()) {
      if (c.fields.back()) --c.fields_in_code;
      c.fields.pop_back();
    }
  }

  void text_box(pugi::xml_node e) {
    const bool dropped = ctx().in_field_code();
    const bool all_hidden = ctx().hiding();
    contexts_.emplace_back(part_zone_ == Zone::kBody ? Zone::kTextBox : part_zone_, out_, false);
    ctx().dropped = dropped;
    ctx().all_hidden = all_hidden;
    visit_children(e);
    ctx().text.end_block();
    std::vector<LineAssembler::Line> lines = ctx().text.take_lines();
    contexts_.pop_back();
    ctx().text.anchor(std::move(lines));
  }

  /// w:t text: a line feed in it is white space, as Word shows it.
  void put_text(std::string_view text) {
    if (text.find_first_of("\r\n") == std::string_view::npos) return put(text);
    std::string flat(text);
    for (char& c : flat) {
      if (c == '\r' || c == '\n') c = ' ';
    }
    put(flat);
  }

  /// Text in a field code, or in a text box inside one, is dropped; the
  /// rest is assembled as common/line_assembler.hpp says (hidden text never
  /// glues visible words together nor splits one, ...).
  void put(std::string_view text) {
    Context& c = ctx();
    if (!c.in_field_code()) c.text.put(text, c.hiding());
  }

  /// w:br, w:cr: a new line, but the paragraph goes on. In hidden text, a
  /// space in both the hidden and the visible text.
  void break_line() {
    Context& c = ctx();
    if (!c.in_field_code()) c.text.break_line(c.hiding());
  }

  Zone part_zone_;
  const Formatting& formatting_;
  ChunkWriter& out_;
  Namespaces ns_;
  std::vector<Context> contexts_;    // the part, then any text boxes being read
  std::string_view paragraph_style_; // w:pStyle of the paragraph being read
  // The styles' answers so far (the first kRemembered), searched linearly:
  // cheaper than Formatting's hash lookups for the handful a document uses.
  static constexpr std::size_t kRemembered = 16;
  struct StyledLook {
    std::string_view paragraph, run;
    RunLook look;
  };
  std::vector<StyledLook> styled_;                             // run_look()
  std::vector<std::pair<std::string_view, bool>> shaded_styles_;  // paragraph_shaded()
  bool backdrop_;                    // something coloured behind the element being read
};

}  // namespace

void walk_wml_part(pugi::xml_node root, Zone zone, const Formatting& formatting, ChunkWriter& out) {
  Walker(zone, formatting, out).walk(root);
}

bool is_wml_document(pugi::xml_node root) {
  Namespaces ns;
  ns.enter(root);
  const QName name = split(root.name());
  return name.local == "document" && ns.resolve(name.prefix) == Ns::kWml;
}

}  // namespace ra::docx
