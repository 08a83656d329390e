#include "wml_text.hpp"

#include "readers.hpp"
#include "wml_names.hpp"

#include "common/line_assembler.hpp"
#include "common/plugin_error.hpp"
#include "common/xml_stream.hpp"
#include "resume_analyser/text_codec.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <forward_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ra::docx {
namespace {

using common::LineAssembler;
using common::same_name;

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

/// The properties an element reads before its content: w:pPr of a w:p, w:rPr
/// of a w:r, w:tblPr of a w:tbl, w:tcPr of a w:tc, and w:background of the
/// main part's w:document (the page colour).
enum class Props : std::uint8_t { kNone, kParagraph, kRun, kTable, kCell, kPage };

std::string_view props_name(Props props) {
  static constexpr std::string_view kNames[] = {"", "pPr", "rPr", "tblPr", "tcPr", "background"};
  return kNames[static_cast<int>(props)];
}

/// Reads a part's elements as events, in document order: start(), then the
/// element's content (text(), nested elements), then end(). An element's
/// properties (Props) must come before its other children, where the schema
/// puts them; one that comes later cannot be read in order, and the walker
/// says so (out_of_order()) instead of reading it. feed_tree() hands a tree
/// to it with the properties first, so any tree reads as before; a stream
/// gives up on such a part and the tree reads it.
class Walker {
 public:
  Walker(Zone zone, bool main, const Formatting& formatting, ChunkWriter& out)
      : part_zone_(zone), main_(main), formatting_(formatting), out_(out), backdrop_(formatting.page_coloured()) {
    contexts_.emplace_back(zone, out_, true);
  }

  /// Element ns:local starts. False when nothing inside it counts: a caller
  /// may leave its content out, but still calls end().
  bool start(Ns ns, std::string_view local, const WAttributes& attributes) {
    if (skip_depth_ > 0) {
      ++skip_depth_;
      return false;
    }
    if (!frames_.empty()) {
      switch (parent_reads(ns, local, attributes)) {
        case Child::kLeftOut: return skip();
        case Child::kProperties: return true;
        case Child::kElement: break;
      }
    }
    const Kind kind = classify(ns, local);
    Frame frame{kind, Props::kNone, false, backdrop_, ctx().hidden_run, paragraph_style_, 0};
    switch (kind) {
      case Kind::kDescend:
        if (main_ && frames_.empty()) frame.props = Props::kPage;
        break;
      case Kind::kSkip:
        return skip();
      case Kind::kParagraph:
        frame.props = Props::kParagraph;
        paragraph_style_ = {};
        paragraph_shaded_.reset();
        break;
      case Kind::kRun:
        frame.props = Props::kRun;
        run_props_.clear();
        break;
      case Kind::kText:
        break;
      case Kind::kTab:
        put("\t");
        return skip();
      case Kind::kBreak:
        break_line();
        return skip();
      case Kind::kNoBreakHyphen:
        put("-");
        return skip();
      case Kind::kFieldChar:
        field_char(attributes.w("fldCharType"));
        return skip();
      case Kind::kTable:
        frame.props = Props::kTable;
        table_style_ = {};
        table_shaded_ = false;
        break;
      case Kind::kRow:
        ctx().text.begin_row();
        break;
      case Kind::kCell:
        frame.props = Props::kCell;
        ctx().text.begin_cell();
        break;
      case Kind::kTextBox: {
        const bool dropped = ctx().in_field_code();
        const bool all_hidden = ctx().hiding();
        contexts_.emplace_back(part_zone_ == Zone::kBody ? Zone::kTextBox : part_zone_, out_, false);
        ctx().dropped = dropped;
        ctx().all_hidden = all_hidden;
        break;
      }
      case Kind::kNote: {
        const std::string_view type = attributes.w("type");
        if (!(type.empty() || type == "normal")) return skip();
        break;
      }
      case Kind::kAlternateContent:
        break;
      case Kind::kProps:  // classify() never says so: parent_reads() pushes these
        break;
    }
    frame.pending = frame.props != Props::kNone;
    push(frame);
    return true;
  }

  /// The element last started ends.
  void end() {
    if (skip_depth_ > 0) {
      --skip_depth_;
      return;
    }
    Frame& frame = frames_.back();
    if (frame.pending) begin_content(frame);
    switch (frame.kind) {
      case Kind::kParagraph:
        ctx().text.end_block();
        paragraph_style_ = frame.outer_style;
        break;
      case Kind::kRun:
        ctx().hidden_run = frame.was_hidden;
        break;
      case Kind::kTable:
        ctx().text.end_table();
        break;
      case Kind::kRow:
        ctx().text.end_row();
        break;
      case Kind::kCell:
        ctx().text.end_cell();
        break;
      case Kind::kTextBox: {
        ctx().text.end_block();
        std::vector<LineAssembler::Line> lines = ctx().text.take_lines();
        contexts_.pop_back();
        ctx().text.anchor(std::move(lines));
        break;
      }
      default:
        break;
    }
    const Frame ended = frame;
    frames_.pop_back();
    backdrop_ = ended.backdrop;
    if (ended.kind == Kind::kProps) {  // a w:tblPr or w:tcPr: its last w:shd counts
      if (ended.props == Props::kTable) table_shaded_ = table_shaded_ || props_shading_;
      if (ended.props == Props::kCell) backdrop_ = backdrop_ || props_shading_;
    }
  }

  /// Character data directly inside the element last started.
  void text(std::string_view text) {
    if (in_text()) put_text(text);
  }

  /// Whether the element last started is a w:t whose text counts.
  bool in_text() const { return skip_depth_ == 0 && !frames_.empty() && frames_.back().kind == Kind::kText; }

  /// The local name of the properties element (in the WordprocessingML
  /// namespace) that the element last started reads before its content, ""
  /// when none.
  std::string_view properties_first() const {
    return skip_depth_ == 0 && !frames_.empty() && frames_.back().pending ? props_name(frames_.back().props) : "";
  }

  /// A properties element came after its element's content.
  bool out_of_order() const { return out_of_order_; }

  /// After the root element has ended: ends the last block.
  void finish() { ctx().text.end_block(); }

  /// The main part: whether its w:background colours the page.
  bool page_coloured() const { return page_coloured_; }

 private:
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
    kProps,  // a properties element being read (Frame::props says whose)
  };

  // push() copies a Frame member by member: a member added here must be
  // added there too.
  struct Frame {
    Kind kind;
    Props props;                   // the properties it reads first; kNone for none
    bool pending;                  // its content has not begun: properties may still come
    bool backdrop;                 // backdrop_ around it, restored at its end
    bool was_hidden;               // kRun: the context's hidden_run around it
    std::string_view outer_style;  // kParagraph: paragraph_style_ around it
    std::uint8_t branch;           // kAlternateContent: 0 none taken yet, 1 a Choice, 2 the Fallback
  };

  static Kind classify(Ns ns, std::string_view local) {
    if (ns == Ns::kMc) return same_name(local, "AlternateContent") ? Kind::kAlternateContent : Kind::kDescend;
    if (ns != Ns::kWml) return Kind::kDescend;
    // Sorted by length: this runs for every element of a part, and only the
    // names as long as `local` are compared (kFirst: where each length starts).
    static constexpr std::pair<std::string_view, Kind> kKinds[] = {
        {"p", Kind::kParagraph},
        {"r", Kind::kRun},
        {"t", Kind::kText},
        {"br", Kind::kBreak},
        {"cr", Kind::kBreak},
        {"tr", Kind::kRow},
        {"tc", Kind::kCell},
        {"rt", Kind::kSkip},  // ruby (phonetic guide) text above its base text
        {"tab", Kind::kTab},
        {"tbl", Kind::kTable},
        {"del", Kind::kSkip},
        {"ptab", Kind::kTab},
        {"fldChar", Kind::kFieldChar},
        {"endnote", Kind::kNote},
        {"delText", Kind::kSkip},
        {"tblGrid", Kind::kSkip},
        {"footnote", Kind::kNote},
        {"moveFrom", Kind::kSkip},
        {"instrText", Kind::kSkip},
        {"softHyphen", Kind::kSkip},
        {"txbxContent", Kind::kTextBox},
        {"delInstrText", Kind::kSkip},
        {"noBreakHyphen", Kind::kNoBreakHyphen},
        {"commentRangeEnd", Kind::kSkip},
        {"commentReference", Kind::kSkip},
        {"commentRangeStart", Kind::kSkip},
    };
    constexpr std::size_t kLongest = 17;
    static constexpr std::array<std::size_t, kLongest + 2> kFirst = [] {
      std::array<std::size_t, kLongest + 2> first{};
      std::size_t i = 0;
      for (std::size_t length = 0; length < first.size(); ++length) {
        while (i < std::size(kKinds) && kKinds[i].first.size() < length) ++i;
        first[length] = i;
      }
      return first;
    }();
    if (local.size() <= kLongest) {
      for (std::size_t i = kFirst[local.size()]; i < kFirst[local.size() + 1]; ++i) {
        if (same_name(kKinds[i].first, local)) return kKinds[i].second;
      }
    }
    // Property containers (pPr, rPr, sectPr, tblPr, tcPr, sdtPr, tblPrEx, ...)
    // hold no text; their w:tab elements are tab stops.
    const auto ends_with = [&](std::string_view suffix) {
      return local.size() >= suffix.size() && local.substr(local.size() - suffix.size()) == suffix;
    };
    if (ends_with("Pr") || ends_with("PrEx")) return Kind::kSkip;
    return Kind::kDescend;
  }

  Context& ctx() { return contexts_.back(); }

  /// Field by field into place: a Frame built aside and copied in whole is
  /// read back wider than it was written, which stalls store forwarding.
  void push(const Frame& f) {
    Frame& added = frames_.emplace_back();
    added.kind = f.kind;
    added.props = f.props;
    added.pending = f.pending;
    added.backdrop = f.backdrop;
    added.was_hidden = f.was_hidden;
    added.outer_style = f.outer_style;
    added.branch = f.branch;
  }

  bool skip() {
    skip_depth_ = 1;
    return false;
  }

  enum class Child : std::uint8_t {
    kElement,     // read as any element is
    kLeftOut,     // its content does not count (read already, or a branch not taken)
    kProperties,  // a properties element: its frame is pushed, its children are properties
  };

  /// What the element being read (frames_.back()) makes of child element
  /// ns:local.
  Child parent_reads(Ns ns, std::string_view local, const WAttributes& attributes) {
    Frame& parent = frames_.back();
    if (parent.kind == Kind::kProps) {
      if (ns == Ns::kWml) property(parent.props, local, attributes);
      return Child::kLeftOut;
    }
    if (parent.kind == Kind::kText) return Child::kLeftOut;  // w:t gives its text only
    if (parent.kind == Kind::kAlternateContent) return branch(parent, ns, local) ? Child::kElement : Child::kLeftOut;
    if (parent.props != Props::kNone && ns == Ns::kWml && same_name(local, props_name(parent.props))) {
      if (!parent.pending) {
        out_of_order_ = true;
        return Child::kLeftOut;
      }
      if (parent.props == Props::kPage) {
        page_coloured_ = background_coloured(attributes);
        return Child::kLeftOut;
      }
      if (parent.props == Props::kRun) run_props_.clear();  // the last w:rPr counts
      props_shading_ = false;
      push({Kind::kProps, parent.props, false, backdrop_, false, {}, 0});
      return Child::kProperties;
    }
    if (parent.pending) begin_content(parent);
    return Child::kElement;
  }

  /// Child `local` of mc:AlternateContent: exactly one branch counts, the
  /// first mc:Choice, else the first mc:Fallback.
  bool branch(Frame& parent, Ns ns, std::string_view local) {
    if (ns != Ns::kMc) return false;
    if (same_name(local, "Choice")) {
      if (parent.branch == 2) out_of_order_ = true;  // a Choice after the Fallback taken
      if (parent.branch != 0) return false;
      parent.branch = 1;
      return true;
    }
    if (same_name(local, "Fallback") && parent.branch == 0) {
      parent.branch = 2;
      return true;
    }
    return false;
  }

  /// Property element w:<local> of a properties element of `props`.
  void property(Props props, std::string_view local, const WAttributes& attributes) {
    switch (props) {
      case Props::kParagraph:
        if (same_name(local, "pStyle")) paragraph_style_ = attributes.w("val");
        if (same_name(local, "shd")) paragraph_shaded_ = shading_shows(attributes);
        break;
      case Props::kRun:
        run_props_.property(local, attributes);
        break;
      case Props::kTable:
        if (same_name(local, "tblStyle")) table_style_ = attributes.w("val");
        if (same_name(local, "shd")) props_shading_ = shading_shows(attributes);
        break;
      case Props::kCell:
        if (same_name(local, "shd")) props_shading_ = shading_shows(attributes);
        break;
      case Props::kNone:
      case Props::kPage:
        break;
    }
  }

  /// The properties of `frame` are all read: they now hold for its content.
  void begin_content(Frame& frame) {
    frame.pending = false;
    switch (frame.props) {
      case Props::kParagraph: {
        bool shaded;
        if (paragraph_shaded_) {
          shaded = *paragraph_shaded_;
        } else {
          const auto known = std::find_if(shaded_styles_.begin(), shaded_styles_.end(),
                                          [&](const auto& e) { return same_name(e.first, paragraph_style_); });
          if (known != shaded_styles_.end()) {
            shaded = known->second;
          } else {
            shaded = formatting_.paragraph_shaded(paragraph_style_);
            if (shaded_styles_.size() < kRemembered) shaded_styles_.emplace_back(paragraph_style_, shaded);
          }
        }
        backdrop_ = backdrop_ || shaded;
        break;
      }
      case Props::kRun:
        ctx().hidden_run = frame.was_hidden || run_is_hidden();
        break;
      case Props::kTable:
        backdrop_ = backdrop_ || table_shaded_ || formatting_.table_shaded(table_style_);
        ctx().text.begin_table();
        break;
      case Props::kPage:
        backdrop_ = backdrop_ || page_coloured_;
        break;
      case Props::kCell:
      case Props::kNone:
        break;
    }
  }

  /// Whether the text of the run whose properties were just read cannot be
  /// seen (rules in wml_formatting.hpp).
  bool run_is_hidden() {
    RunLook look = run_props_.look();
    const std::string_view run_style = run_props_.style();
    // A document uses few style pairs: ask the styles once per pair.
    const auto known = std::find_if(styled_.begin(), styled_.end(), [&](const StyledLook& e) {
      return same_name(e.paragraph, paragraph_style_) && same_name(e.run, run_style);
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

  /// w:t text: a line feed in it is white space, as Word shows it.
  void put_text(std::string_view text) {
    if (!codec::has_line_break(text)) return put(text);
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
  bool main_;                        // the main part: its root reads w:background
  const Formatting& formatting_;
  ChunkWriter& out_;
  std::vector<Context> contexts_;    // the part, then any text boxes being read
  std::vector<Frame> frames_;        // the open elements read, innermost last
  std::size_t skip_depth_ = 0;       // > 0: inside an element whose content does not count
  bool out_of_order_ = false;
  std::string_view paragraph_style_; // w:pStyle of the paragraph being read
  // What the properties being read say, until begin_content() applies them:
  std::optional<bool> paragraph_shaded_;  // w:pPr/w:shd
  RunLookReader run_props_;               // w:rPr
  std::string_view table_style_;          // w:tblPr/w:tblStyle
  bool table_shaded_ = false;             // some w:tblPr/w:shd shows
  bool props_shading_ = false;            // the last w:shd of the w:tblPr or w:tcPr being read
  bool page_coloured_ = false;            // the last w:background
  // The styles' answers so far (the first kRemembered), searched linearly:
  // cheaper than Formatting's hash lookups for the handful a document uses.
  static constexpr std::size_t kRemembered = 16;
  struct StyledLook {
    std::string_view paragraph, run;
    RunLook look;
  };
  std::vector<StyledLook> styled_;                                // run_look()
  std::vector<std::pair<std::string_view, bool>> shaded_styles_;  // paragraph_shaded()
  bool backdrop_;                    // something coloured behind the element being read
};
/// Feeds tree element `e` (and its content) to the walker in document
/// order, except that the properties element the walker reads first comes
/// first, and that an mc:AlternateContent gives only the branch that counts:
/// so any tree reads the same whatever order its children come in.
/// Recursion follows element depth, which load_xml_part() has bounded.
void feed_tree(pugi::xml_node e, Namespaces& ns, Walker& walker) {
  ns.enter(e);
  const auto [e_ns, local] = ns.name_of(e);
  if (walker.start(e_ns, local, TreeAttributes(e, ns))) {
    if (e_ns == Ns::kMc && local == "AlternateContent") {
      pugi::xml_node choice, fallback;
      ns.for_each_child(e, Ns::kMc, "Choice", [&](pugi::xml_node c) { choice = choice ? choice : c; });
      ns.for_each_child(e, Ns::kMc, "Fallback", [&](pugi::xml_node f) { fallback = fallback ? fallback : f; });
      if (choice || fallback) feed_tree(choice ? choice : fallback, ns, walker);
    } else {
      const std::string_view first = walker.properties_first();
      if (!first.empty()) ns.for_each_child(e, Ns::kWml, first, [&](pugi::xml_node p) { feed_tree(p, ns, walker); });
      for (pugi::xml_node child = e.first_child(); child; child = child.next_sibling()) {
        const pugi::xml_node_type type = child.type();
        if (type == pugi::node_pcdata || type == pugi::node_cdata) walker.text(child.value());
        if (type != pugi::node_element) continue;
        if (!first.empty()) {
          ns.enter(child);
          const bool fed = ns.is(child, Ns::kWml, first);
          ns.leave(child);
          if (fed) continue;
        }
        feed_tree(child, ns, walker);
      }
    }
  }
  walker.end();
  ns.leave(e);
}

/// The values of attributes a stream had to decode (rare: entities, white
/// space), kept while the part is read, as the walker may hold views of them.
struct Decoded {
  std::forward_list<std::string> values;  // stable addresses; no allocation while empty
  bool failed = false;  // a value held what decode_attribute() leaves to the tree

  std::string_view add(std::string_view raw) {
    std::string value;
    if (!common::decode_attribute(raw, value)) {
      failed = true;
      return {};
    }
    return values.emplace_front(std::move(value));
  }
};

/// The namespace prefixes in scope while a part streams by (what
/// common::NamespaceScope does for a tree): bindings tagged with the depth of
/// the element that declared them.
class StreamScope {
 public:
  StreamScope() { bindings_.reserve(16); }  // a root element's declarations, most often

  void enter(const std::vector<common::XmlRawAttribute>& attributes, std::size_t depth, Decoded& decoded) {
    for (const common::XmlRawAttribute& a : attributes) {
      if (const auto prefix = common::declared_prefix(a.name)) {
        bindings_.push_back({*prefix, ns_of_uri(a.plain ? a.value : decoded.add(a.value)), depth});
        last_valid_ = false;
      }
    }
  }
  void leave(std::size_t depth) {
    while (!bindings_.empty() && bindings_.back().depth == depth) {
      bindings_.pop_back();
      last_valid_ = false;
    }
  }
  Ns resolve(std::string_view prefix) {
    if (last_valid_ && same_name(last_prefix_, prefix)) return last_ns_;
    Ns ns = Ns::kOther;
    for (auto b = bindings_.rbegin(); b != bindings_.rend(); ++b) {
      if (same_name(b->prefix, prefix)) {
        ns = b->ns;
        break;
      }
    }
    last_valid_ = true;
    last_prefix_ = prefix;
    last_ns_ = ns;
    return ns;
  }

 private:
  struct Binding {
    std::string_view prefix;
    Ns ns;
    std::size_t depth;
  };
  std::vector<Binding> bindings_;  // innermost last
  bool last_valid_ = false;        // resolve()'s last answer, until bindings change
  std::string_view last_prefix_;
  Ns last_ns_ = Ns::kOther;
};

/// The attributes of the start tag a stream just read.
class StreamAttributes final : public WAttributes {
 public:
  StreamAttributes(const std::vector<common::XmlRawAttribute>& attributes, StreamScope& scope, Decoded& decoded)
      : attributes_(attributes), scope_(scope), decoded_(decoded) {}
  std::string_view w(std::string_view local) const override {
    for (const common::XmlRawAttribute& a : attributes_) {
      const QName name = split(a.name);
      if (same_name(name.local, local) && (name.prefix.empty() || scope_.resolve(name.prefix) == Ns::kWml)) {
        return a.plain ? a.value : decoded_.add(a.value);
      }
    }
    return {};
  }

 private:
  const std::vector<common::XmlRawAttribute>& attributes_;
  StreamScope& scope_;
  Decoded& decoded_;
};

/// Reads part `xml` into the walker as it streams by, to the end (finish());
/// false when the stream gives up (common/xml_stream.hpp) or the part cannot
/// be read in order (Walker::out_of_order): then what the walker wrote is to
/// be thrown away. The walker may hold views of `decoded` values until then.
bool feed_stream(std::string_view xml, const XmlLimits& limits, bool main, Walker& walker) {
  using Token = common::XmlStream::Token;
  common::XmlStream stream(xml, limits);
  StreamScope scope;
  Decoded decoded;
  std::size_t text_runs = 0;  // of the w:t being read
  std::string text;
  while (true) {
    switch (stream.next()) {
      case Token::kStart: {
        // Anything but one run of text in a w:t: the tree may keep its white
        // space differently (parse_ws_pcdata_single).
        if (walker.in_text()) return false;
        if (stream.declares_namespaces()) scope.enter(stream.attributes(), stream.depth(), decoded);
        const QName name = split(stream.name());
        const Ns ns = scope.resolve(name.prefix);
        if (main && stream.depth() == 1 && !(ns == Ns::kWml && name.local == "document")) return false;
        walker.start(ns, name.local, StreamAttributes(stream.attributes(), scope, decoded));
        if (decoded.failed || walker.out_of_order()) return false;
        text_runs = 0;
        break;
      }
      case Token::kEnd:
        walker.end();
        scope.leave(stream.depth() + 1);
        break;
      case Token::kText:
        if (!walker.in_text()) break;
        if (++text_runs > 1) return false;
        if (stream.text_plain()) {
          walker.text(stream.text());
        } else {
          if (!common::decode_text(stream.text(), text)) return false;
          walker.text(text);
        }
        break;
      case Token::kOther:
        if (walker.in_text()) return false;
        break;
      case Token::kDone:
        walker.finish();
        return true;
      case Token::kUnsure:
        return false;
    }
  }
}

}  // namespace

ChunkWriter read_wml_part(std::string_view name, common::ByteBuffer bytes, const XmlLimits& limits, Zone zone,
                          bool main, Formatting& formatting, std::uint64_t max_text_bytes) {
  const Readers chosen = readers();
  if (chosen != Readers::kTree) {
    try {
      ChunkWriter out(max_text_bytes);
      Walker walker(zone, main, formatting, out);
      if (feed_stream(bytes.view(), limits, main, walker)) {
        if (main) formatting.set_page_coloured(walker.page_coloured());
        return out;
      }
    } catch (const common::PluginError&) {
      if (chosen == Readers::kStream) throw;
      // Otherwise the tree decides what fails, and with which message.
    }
    if (chosen == Readers::kStream) {
      common::fail(ExtractStatus::kInternal, "the stream reader gave up on " + common::printable_name(name));
    }
  }
  common::XmlPart xml;
  common::load_xml_part(name, std::move(bytes), limits, xml);
  const pugi::xml_node root = xml.doc.document_element();
  if (main && !is_wml_document(root)) {
    common::fail(ExtractStatus::kCorrupt,
                 "main part " + common::printable_name(name) + " is not a WordprocessingML document");
  }
  ChunkWriter out(max_text_bytes);
  Walker walker(zone, main, formatting, out);
  if (root) {
    Namespaces ns;
    feed_tree(root, ns, walker);
  }
  walker.finish();
  if (main) formatting.set_page_coloured(walker.page_coloured());
  return out;
}

bool is_wml_document(pugi::xml_node root) {
  Namespaces ns;
  ns.enter(root);
  const QName name = split(root.name());
  return name.local == "document" && ns.resolve(name.prefix) == Ns::kWml;
}

std::optional<bool> streamed_root_is_wml_document(std::string_view xml) {
  common::XmlStream stream(xml, XmlLimits{});
  if (stream.next() != common::XmlStream::Token::kStart) return std::nullopt;
  StreamScope scope;
  Decoded decoded;
  if (stream.declares_namespaces()) scope.enter(stream.attributes(), stream.depth(), decoded);
  if (decoded.failed) return std::nullopt;
  const QName name = split(stream.name());
  return name.local == "document" && scope.resolve(name.prefix) == Ns::kWml;
}

}  // namespace ra::docx
