#include "wml_text.hpp"

#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ra::docx {
namespace {

constexpr std::string_view kWmlTransitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWmlStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::string_view kMarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

enum class Ns : std::uint8_t { kOther, kWml, kMc };

Ns ns_of_uri(std::string_view uri) {
  if (uri == kWmlTransitional || uri == kWmlStrict) return Ns::kWml;
  if (uri == kMarkupCompatibility) return Ns::kMc;
  return Ns::kOther;
}

struct QName {
  std::string_view prefix;  // "" when unprefixed
  std::string_view local;
};

QName split(const char* name) {
  const std::string_view qname(name);
  const std::size_t colon = qname.find(':');
  if (colon == std::string_view::npos) return {{}, qname};
  return {qname.substr(0, colon), qname.substr(colon + 1)};
}

/// The namespace prefixes in scope while walking a tree. enter(e) pushes the
/// xmlns declarations of `e` and leave(e) pops them again, so calls must
/// pair up; pairing them twice on one element is harmless.
class Namespaces {
 public:
  void enter(pugi::xml_node e) {
    for (pugi::xml_attribute a : e.attributes()) {
      if (const auto prefix = declared_prefix(a.name())) bindings_[*prefix].push_back(ns_of_uri(a.value()));
    }
  }
  void leave(pugi::xml_node e) {
    for (pugi::xml_attribute a : e.attributes()) {
      if (const auto prefix = declared_prefix(a.name())) bindings_[*prefix].pop_back();
    }
  }
  Ns resolve(std::string_view prefix) const {
    const auto found = bindings_.find(prefix);
    return found == bindings_.end() || found->second.empty() ? Ns::kOther : found->second.back();
  }

 private:
  static std::optional<std::string_view> declared_prefix(std::string_view attribute) {
    if (attribute == "xmlns") return std::string_view();
    if (attribute.substr(0, 6) == "xmlns:") return attribute.substr(6);
    return std::nullopt;
  }
  std::unordered_map<std::string_view, std::vector<Ns>> bindings_;  // innermost last
};

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

struct Line {
  Zone zone;
  std::string text;
};

/// Where lines go while walking: the part itself, or a text box.
struct Context {
  explicit Context(Zone z) : zone(z) {}
  Zone zone;
  std::string line;            // the line being built
  bool pending_space = false;  // a paragraph or break inside a table cell
  bool hidden = false;         // inside a w:vanish run
  std::size_t cell_depth = 0;
  std::size_t table_depth = 0;
  std::vector<bool> rows;      // open rows: whether a cell has started
  std::vector<bool> fields;    // open complex fields: whether still in the code
  std::size_t fields_in_code = 0;
  std::vector<Line> lines;     // a text box's finished lines
  std::vector<Line> anchored;  // text-box lines waiting for their paragraph to end
};

class Walker {
 public:
  Walker(Zone zone, ChunkWriter& out) : part_zone_(zone), out_(out) { contexts_.emplace_back(zone); }

  void walk(pugi::xml_node root) {
    visit_element(root);
    end_block();
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
    switch (classify(ns_.resolve(name.prefix), name.local)) {
      case Kind::kDescend:
        visit_children(e);
        break;
      case Kind::kSkip:
        break;
      case Kind::kParagraph:
        visit_children(e);
        end_block();
        break;
      case Kind::kRun: {
        const bool was_hidden = ctx().hidden;
        ctx().hidden = was_hidden || run_is_hidden(e);
        visit_children(e);
        ctx().hidden = was_hidden;
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
        field_char(w_attr(e, "fldCharType"));
        break;
      case Kind::kTable:
        ++ctx().table_depth;
        visit_children(e);
        --ctx().table_depth;
        break;
      case Kind::kRow:
        ctx().rows.push_back(false);
        visit_children(e);
        ctx().rows.pop_back();
        end_block();
        break;
      case Kind::kCell: {
        Context& c = ctx();
        if (!c.rows.empty()) {
          if (c.rows.back()) c.line += '\t';
          c.rows.back() = true;
        }
        c.pending_space = false;
        ++c.cell_depth;
        visit_children(e);
        --ctx().cell_depth;
        break;
      }
      case Kind::kTextBox:
        text_box(e);
        break;
      case Kind::kNote: {
        const std::string_view type = w_attr(e, "type");
        if (type.empty() || type == "normal") visit_children(e);
        break;
      }
      case Kind::kAlternateContent:
        alternate_content(e);
        break;
    }
    ns_.leave(e);
  }

  /// The value of attribute w:<local> of `e` (which must be entered), or "".
  std::string_view w_attr(pugi::xml_node e, std::string_view local) const {
    for (pugi::xml_attribute a : e.attributes()) {
      const QName name = split(a.name());
      if (name.local == local && (name.prefix.empty() || ns_.resolve(name.prefix) == Ns::kWml)) return a.value();
    }
    return {};
  }

  /// Calls f(child) for each child element of `e` in namespace `ns` named `local`.
  template <class F>
  void for_each_child(pugi::xml_node e, Ns ns, std::string_view local, F&& f) {
    for (pugi::xml_node child = e.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      ns_.enter(child);
      const QName name = split(child.name());
      if (name.local == local && ns_.resolve(name.prefix) == ns) f(child);
      ns_.leave(child);
    }
  }

  /// Whether run `r` is hidden by its own w:rPr/w:vanish (styles are not read).
  bool run_is_hidden(pugi::xml_node r) {
    bool hidden = false;
    for_each_child(r, Ns::kWml, "rPr", [&](pugi::xml_node props) {
      for_each_child(props, Ns::kWml, "vanish", [&](pugi::xml_node vanish) {
        const std::string_view val = w_attr(vanish, "val");
        hidden = !(val == "0" || val == "false" || val == "off");
      });
    });
    return hidden;
  }

  void alternate_content(pugi::xml_node e) {
    pugi::xml_node choice, fallback;
    for_each_child(e, Ns::kMc, "Choice", [&](pugi::xml_node c) { choice = choice ? choice : c; });
    for_each_child(e, Ns::kMc, "Fallback", [&](pugi::xml_node f) { fallback = fallback ? fallback : f; });
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
    const bool suppressed = ctx().hidden || ctx().fields_in_code > 0;
    contexts_.emplace_back(part_zone_ == Zone::kBody ? Zone::kTextBox : part_zone_);
    ctx().hidden = suppressed;
    visit_children(e);
    end_block();
    std::vector<Line> lines = std::move(ctx().lines);
    contexts_.pop_back();
    std::vector<Line>& anchored = ctx().anchored;
    anchored.insert(anchored.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
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

  void put(std::string_view text) {
    Context& c = ctx();
    if (c.hidden || c.fields_in_code > 0) return;
    if (c.pending_space) {
      if (!c.line.empty() && c.line.back() != ' ' && c.line.back() != '\t') c.line += ' ';
      c.pending_space = false;
    }
    c.line += text;
    out_.check_fits(c.line.size());
  }

  /// w:br, w:cr: a new line, but the paragraph goes on.
  void break_line() {
    Context& c = ctx();
    if (c.hidden || c.fields_in_code > 0) return;
    if (c.cell_depth > 0) {
      c.pending_space = true;
    } else {
      emit_line();
    }
  }

  /// The end of a paragraph or table row: a new line, then the text boxes it anchors.
  void end_block() {
    Context& c = ctx();
    if (c.cell_depth > 0) {
      c.pending_space = true;
      return;
    }
    emit_line();
    for (Line& line : c.anchored) emit(std::move(line));
    c.anchored.clear();
  }

  void emit_line() {
    Context& c = ctx();
    const Zone zone = c.zone == Zone::kBody && c.table_depth > 0 ? Zone::kTable : c.zone;
    emit(Line{zone, std::move(c.line)});
    c.line.clear();
    c.pending_space = false;
  }

  void emit(Line line) {
    if (contexts_.size() == 1) {
      out_.add_line(line.zone, line.text);
    } else if (!line.text.empty()) {
      ctx().lines.push_back(std::move(line));
    }
  }

  Zone part_zone_;
  ChunkWriter& out_;
  Namespaces ns_;
  std::vector<Context> contexts_;  // the part, then any text boxes being read
};

}  // namespace

void walk_wml_part(pugi::xml_node root, Zone zone, ChunkWriter& out) { Walker(zone, out).walk(root); }

bool is_wml_document(pugi::xml_node root) {
  Namespaces ns;
  ns.enter(root);
  const QName name = split(root.name());
  return name.local == "document" && ns.resolve(name.prefix) == Ns::kWml;
}

}  // namespace ra::docx
