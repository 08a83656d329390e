// A YAML document as a read-only tree, parsed with libyaml (private).
//
// Role files and the batch config are small mappings read once at start-up;
// this is all they need from YAML: mappings, sequences and scalars with the
// line each starts on, anchors and aliases, and the conversions the readers
// use. It replaced yaml-cpp, whose scanner spent about 89 M instructions
// (24 ms) on the 73 KB ml-engineer role; libyaml reads it in about 10 M.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ra::yaml {

class Document;

/// What a node is (Node::is_map() and the others ask).
enum class NodeKind : std::uint8_t { kNull, kScalar, kSeq, kMap };

/// One node of a Document, or no node (a key that is absent: `!node`).
/// A handle: cheap to copy, valid while its Document lives.
class Node {
 public:
  Node() = default;

  explicit operator bool() const noexcept { return doc_ != nullptr; }  ///< present (null counts)
  bool is_map() const noexcept;
  bool is_seq() const noexcept;
  bool is_scalar() const noexcept;  ///< a string, quoted or plain (not null)
  /// A plain `~`, `null`, `Null`, `NULL` or nothing at all (`key:`).
  bool is_null() const noexcept;

  /// The line the node starts on, from 1.
  int line() const noexcept;

  /// A scalar's text, with escapes and folding resolved (a null's as
  /// written: "", "~", "null"); empty for mappings and sequences.
  const std::string& scalar() const noexcept;

  /// Entries of a mapping or items of a sequence; 0 for others.
  std::size_t size() const noexcept;
  /// Item i of a sequence (i < size()).
  Node item(std::size_t i) const noexcept;
  /// A sequence's items in order: `for (yaml::Node item : seq)`.
  class Iterator {
   public:
    inline Node operator*() const noexcept;
    Iterator& operator++() noexcept { return ++i_, *this; }
    bool operator!=(const Iterator& o) const noexcept { return i_ != o.i_; }

   private:
    friend class Node;
    Iterator(const Node* seq, std::size_t i) : seq_(seq), i_(i) {}
    const Node* seq_;  // the range-for keeps the sequence's Node alive
    std::size_t i_;
  };
  Iterator begin() const noexcept { return Iterator(this, 0); }
  Iterator end() const noexcept { return Iterator(this, is_seq() ? size() : 0); }
  /// Key i and value i of a mapping (i < size()).
  Node key(std::size_t i) const noexcept;
  Node value(std::size_t i) const noexcept;

  /// The value under scalar key `key` of a mapping; no node when the key is
  /// absent or this is not a mapping.
  Node operator[](std::string_view key) const noexcept;

  /// Conversions of a scalar; false (and `out` untouched) when it is not one.
  /// Whole numbers are decimal with an optional sign; numbers are decimal,
  /// with an optional fraction and exponent; booleans are true/false,
  /// yes/no or on/off, in lower case, capitalised or upper case.
  bool to_int(int& out) const noexcept;
  bool to_double(double& out) const noexcept;
  bool to_bool(bool& out) const noexcept;

 private:
  friend class Document;
  Node(const Document* doc, std::uint32_t index) : doc_(doc), index_(index) {}
  bool is(NodeKind kind) const noexcept;
  const Document* doc_ = nullptr;
  std::uint32_t index_ = 0;
};

inline Node Node::Iterator::operator*() const noexcept { return seq_->item(i_); }

/// Why a text is not a YAML document we read.
struct ParseError {
  int line;             ///< from 1
  std::string message;  ///< one line, without the line number
};

/// The bytes of a file (a role, a config), or nullopt if it cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& file);

/// "FILE:LINE: MESSAGE" as one printable line: a message may quote a key
/// with a line feed in it, so control characters become '?' and invalid
/// UTF-8 U+FFFD.
std::string located(const std::string& file, const ParseError& error);

class Document {
 public:
  /// Parses `text`: one document (none gives a null root). Throws
  /// ParseError on a syntax error (libyaml's words: "did not find expected
  /// key while parsing a block mapping"), on a second document, on a key
  /// that is not a scalar, on a key given twice in one mapping, and when
  /// aliases would make the tree, written out, exceed `max_nodes` nodes.
  explicit Document(std::string_view text, std::size_t max_nodes = 1'000'000);

  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  Node root() const noexcept { return Node(this, 0); }

 private:
  friend class Node;
  using Kind = NodeKind;
  struct Data {
    Kind kind;
    int line;
    std::uint32_t first = 0;  ///< into children_ (maps: key, value, key, value ...)
    std::uint32_t count = 0;  ///< children_ entries
    std::string text;         ///< scalars
  };
  std::vector<Data> nodes_;  // nodes_[0] is the root
  std::vector<std::uint32_t> children_;
};

}  // namespace ra::yaml
