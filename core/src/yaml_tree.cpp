#include "yaml_tree.hpp"

#include "resume_analyser/text_codec.hpp"

#include <yaml.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace ra::yaml {

namespace {

/// Closes the parser and the current event however the parse ends.
struct Parser {
  yaml_parser_t parser{};
  yaml_event_t event{};
  bool has_event = false;

  Parser() {
    if (yaml_parser_initialize(&parser) == 0) throw ParseError{1, "out of memory for the YAML parser"};
  }
  ~Parser() {
    drop();
    yaml_parser_delete(&parser);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  void drop() {
    if (has_event) yaml_event_delete(&event);
    has_event = false;
  }
  /// The next event; throws libyaml's reason when there is none.
  const yaml_event_t& next(std::string_view text) {
    drop();
    if (yaml_parser_parse(&parser, &event) == 0) throw error(text);
    has_event = true;
    return event;
  }

  ParseError error(std::string_view text) const {
    std::string message = parser.problem != nullptr ? parser.problem : "not valid YAML";
    if (parser.context != nullptr) message += std::string(" ") + parser.context;
    std::size_t line = parser.problem_mark.line;
    if (parser.error == YAML_READER_ERROR) {  // bad bytes: libyaml gives an offset, not a mark
      const std::size_t end = std::min(parser.problem_offset, text.size());
      line = static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
      message += " at byte " + std::to_string(end + 1);
    }
    return ParseError{static_cast<int>(line + 1), std::move(message)};
  }
};

bool plain_null(std::string_view s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

std::string anchor_of(const yaml_char_t* anchor) {
  return anchor == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(anchor));
}

}  // namespace

std::optional<std::string> read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

std::string located(const std::string& file, const ParseError& error) {
  std::string out = file + ":" + std::to_string(error.line) + ": ";
  const std::size_t from = out.size();
  codec::append_utf8_repaired(out, error.message);
  for (std::size_t i = from; i < out.size(); ++i) {
    if (static_cast<unsigned char>(out[i]) < 0x20 || out[i] == 0x7F) out[i] = '?';
  }
  return out;
}

Document::Document(std::string_view text, std::size_t max_nodes) {
  struct Open {
    std::uint32_t node;
    std::size_t first_pending;  // where its children start in `pending`
  };
  std::vector<Open> open;
  std::vector<std::uint32_t> pending;  // children of the open containers, in order
  std::vector<std::size_t> written;    // per node: its size written out (0 while still open)
  std::unordered_map<std::string, std::uint32_t> anchors;
  std::size_t total = 0;  // nodes of the tree written out so far
  int documents = 0;

  Parser p;
  yaml_parser_set_input_string(&p.parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  const auto line_of = [](const yaml_event_t& e) { return static_cast<int>(e.start_mark.line + 1); };
  const auto count = [&](std::size_t n, int line) {
    total += n;
    if (total > max_nodes) {
      throw ParseError{line, "the aliases make more than " + std::to_string(max_nodes) + " nodes"};
    }
  };
  // Creates a node; the first one of the document is the root, nodes_[0].
  const auto make = [&](Kind kind, int line, const yaml_char_t* anchor) {
    const auto index = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back(Data{kind, line, 0, 0, {}});
    written.push_back(0);
    if (!open.empty()) pending.push_back(index);
    if (anchor != nullptr) anchors[anchor_of(anchor)] = index;
    return index;
  };

  for (;;) {
    const yaml_event_t& e = p.next(text);
    switch (e.type) {
      case YAML_STREAM_END_EVENT:
        if (nodes_.empty()) nodes_.push_back(Data{Kind::kNull, 1, 0, 0, {}});
        return;
      case YAML_DOCUMENT_START_EVENT:
        if (++documents > 1) throw ParseError{line_of(e), "a second YAML document starts here; a file holds one"};
        break;
      case YAML_SCALAR_EVENT: {
        const std::string_view value(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
        const bool null = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && e.data.scalar.tag == nullptr &&
                          plain_null(value);
        count(1, line_of(e));
        const std::uint32_t n = make(null ? Kind::kNull : Kind::kScalar, line_of(e), e.data.scalar.anchor);
        nodes_[n].text.assign(value);
        written[n] = 1;
        break;
      }
      case YAML_ALIAS_EVENT: {
        const std::string name = anchor_of(e.data.alias.anchor);
        const auto found = anchors.find(name);
        if (found == anchors.end()) throw ParseError{line_of(e), "alias '*" + name + "' names no anchor before it"};
        if (written[found->second] == 0) {
          throw ParseError{line_of(e), "alias '*" + name + "' is inside the node it names"};
        }
        count(written[found->second], line_of(e));
        pending.push_back(found->second);  // inside a container: an anchor came before it
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        const bool map = e.type == YAML_MAPPING_START_EVENT;
        count(1, line_of(e));
        const std::uint32_t n = make(map ? Kind::kMap : Kind::kSeq, line_of(e),
                                     map ? e.data.mapping_start.anchor : e.data.sequence_start.anchor);
        open.push_back(Open{n, pending.size()});
        break;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: {
        const Open o = open.back();
        open.pop_back();
        Data& d = nodes_[o.node];
        d.first = static_cast<std::uint32_t>(children_.size());
        d.count = static_cast<std::uint32_t>(pending.size() - o.first_pending);
        children_.insert(children_.end(), pending.begin() + static_cast<std::ptrdiff_t>(o.first_pending),
                         pending.end());
        pending.resize(o.first_pending);
        std::size_t size = 1;
        for (std::uint32_t i = 0; i < d.count; ++i) size += written[children_[d.first + i]];
        written[o.node] = size;
        if (d.kind == Kind::kMap) {
          // Keys are strings, each once: a role or config with a key given
          // twice would silently lose one of them.
          std::vector<std::uint32_t> keys;
          for (std::uint32_t i = 0; i < d.count; i += 2) {
            const Data& k = nodes_[children_[d.first + i]];
            if (k.kind != Kind::kScalar && k.kind != Kind::kNull) throw ParseError{k.line, "a mapping key must be a string"};
            keys.push_back(children_[d.first + i]);
          }
          std::stable_sort(keys.begin(), keys.end(),
                           [&](std::uint32_t a, std::uint32_t b) { return nodes_[a].text < nodes_[b].text; });
          for (std::size_t i = 1; i < keys.size(); ++i) {
            const Data& a = nodes_[keys[i - 1]];
            const Data& b = nodes_[keys[i]];
            if (a.text == b.text) {
              throw ParseError{std::max(a.line, b.line), "key '" + b.text + "' appears twice in one mapping (lines " +
                                                             std::to_string(std::min(a.line, b.line)) + " and " +
                                                             std::to_string(std::max(a.line, b.line)) + ")"};
            }
          }
        }
        break;
      }
      default:  // stream start, document end, none
        break;
    }
  }
}

bool Node::is(NodeKind kind) const noexcept { return doc_ != nullptr && doc_->nodes_[index_].kind == kind; }
bool Node::is_map() const noexcept { return is(NodeKind::kMap); }
bool Node::is_seq() const noexcept { return is(NodeKind::kSeq); }
bool Node::is_scalar() const noexcept { return is(NodeKind::kScalar); }
bool Node::is_null() const noexcept { return is(NodeKind::kNull); }

int Node::line() const noexcept { return doc_ != nullptr ? doc_->nodes_[index_].line : 1; }

const std::string& Node::scalar() const noexcept {
  static const std::string none;
  return doc_ != nullptr ? doc_->nodes_[index_].text : none;
}

std::size_t Node::size() const noexcept {
  if (doc_ == nullptr) return 0;
  const Document::Data& d = doc_->nodes_[index_];
  return d.kind == Document::Kind::kMap ? d.count / 2 : d.count;
}

Node Node::item(std::size_t i) const noexcept {
  return Node(doc_, doc_->children_[doc_->nodes_[index_].first + i]);
}
Node Node::key(std::size_t i) const noexcept {
  return Node(doc_, doc_->children_[doc_->nodes_[index_].first + 2 * i]);
}
Node Node::value(std::size_t i) const noexcept {
  return Node(doc_, doc_->children_[doc_->nodes_[index_].first + 2 * i + 1]);
}

Node Node::operator[](std::string_view key) const noexcept {
  if (!is_map()) return Node();
  for (std::size_t i = 0, n = size(); i < n; ++i) {
    if (this->key(i).scalar() == key) return value(i);
  }
  return Node();
}

bool Node::to_int(int& out) const noexcept {
  if (!is_scalar()) return false;
  std::string_view s = scalar();
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty() || s.front() == '+') return false;
  int value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return false;
  out = value;
  return true;
}

bool Node::to_double(double& out) const noexcept {
  if (!is_scalar()) return false;
  std::string_view s = scalar();
  // Decimal only: from_chars would also take "inf", "nan" and hexadecimal.
  if (s.empty() || s.find_first_not_of("0123456789+-.eE") != std::string_view::npos) return false;
  if (s.front() == '+') s.remove_prefix(1);
  if (s.empty() || s.front() == '+') return false;
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return false;
  out = value;
  return true;
}

bool Node::to_bool(bool& out) const noexcept {
  if (!is_scalar()) return false;
  static constexpr std::string_view kTrue[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"};
  static constexpr std::string_view kFalse[] = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"};
  const std::string_view s = scalar();
  for (std::string_view t : kTrue) {
    if (s == t) return out = true, true;
  }
  for (std::string_view f : kFalse) {
    if (s == f) return out = false, true;
  }
  return false;
}

}  // namespace ra::yaml
