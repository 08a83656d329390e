// Normalisation and tokenisation: both sides of every match go through these.
#include "resume_analyser/text.hpp"
#include "resume_analyser/text_codec.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

namespace {

std::string words(const std::string& text) {
  std::string out;
  for (const ra::Token& t : ra::tokenize(ra::normalize_text(text))) {
    if (!out.empty()) {
      switch (t.gap) {
        case ra::Gap::kJoiner: out += std::string(" ") + t.joiner + " "; break;
        case ra::Gap::kBreak: out += " | "; break;
        case ra::Gap::kLineBreak: out += " / "; break;
        default: out += ' ';
      }
    }
    out += t.folded;
  }
  return out;
}

}  // namespace

TEST_CASE("normalize_text repairs what writers and PDFs put in words", "[text]") {
  using ra::normalize_text;
  CHECK(normalize_text("plain ASCII stays") == "plain ASCII stays");
  CHECK(normalize_text("e\xef\xac\x83" "cient") == "efficient");              // ffi ligature
  CHECK(normalize_text("Tensor\xc2\xad" "Flow") == "TensorFlow");            // soft hyphen
  CHECK(normalize_text("Py\xe2\x80\x8bTorch") == "PyTorch");                 // zero-width space
  CHECK(normalize_text("Node\xe2\x80\x8d.js\xef\xbb\xbf") == "Node.js");     // ZWJ, BOM
  CHECK(normalize_text("machine\xc2\xa0learning") == "machine learning");    // NBSP
  CHECK(normalize_text("scikit\xe2\x80\x91learn") == "scikit-learn");        // non-breaking hyphen
  CHECK(normalize_text("2019\xe2\x80\x93" "2021") == "2019-2021");           // en dash
  CHECK(normalize_text("master\xe2\x80\x99s") == "master's");                // curly apostrophe
  CHECK(normalize_text("\xef\xbc\xb0ython") == "Python");                    // full-width P
  CHECK(normalize_text("bad \xff byte") == "bad \xef\xbf\xbd byte");          // invalid UTF-8
  // A combining accent composes with the ASCII letter before it, wherever it sits.
  CHECK(normalize_text("Re\xcc\x81sume\xcc\x81") == "R\xc3\xa9sum\xc3\xa9");  // NFC composition
  CHECK(normalize_text("e\xcc\x81") == "\xc3\xa9");
  CHECK(normalize_text("\xcc\x81x") == "\xcc\x81x");                    // nothing to compose with
  CHECK(normalize_text("caf\xc3\xa9 \xef\xac\x81le, na\xc3\xafve\xe2\x80\x94ok") == "caf\xc3\xa9 file, na\xc3\xafve-ok");
  CHECK(normalize_text("cut \xc3") == "cut \xef\xbf\xbd");                // truncated sequence at the end
  CHECK(normalize_text("\xc3x") == "\xef\xbf\xbdx");
}

TEST_CASE("normalize_text never changes the number of lines", "[text]") {
  const std::string in = "a\xe2\x80\xa8" "b\nc\xef\xac\x81\n\xc2\xad\n";
  const std::string out = ra::normalize_text(in);
  CHECK(std::count(out.begin(), out.end(), '\n') == 3);
  CHECK(out == "a b\ncfi\n\n");
}

TEST_CASE("fold_case folds Unicode, not only ASCII", "[text]") {
  CHECK(ra::fold_case("PyTorch") == "pytorch");
  CHECK(ra::fold_case("STRASSE Straße") == "strasse strasse");
  CHECK(ra::fold_case("ÉCOLE") == "école");
}

TEST_CASE("tokenize keeps language names whole and marks joiners", "[text]") {
  struct Case {
    const char* text;
    const char* tokens;
  };
  const Case cases[] = {
      {"C++, C# and .NET", "c++ | c# and .net"},
      {"Node.js; scikit-learn", "node . js | scikit - learn"},
      {"A/B tests, CI/CD", "a / b tests | ci / cd"},
      {"R&D, R-squared, C-suite", "r & d | r - squared | c - suite"},
      {"Python/R.", "python / r"},
      {"Ph.D. in CS", "ph . d | in cs"},
      {"(.NET) x-.net", ".net | x | net"},
      {"machine\nlearning", "machine / learning"},
      {"JavaScript said HTML", "javascript said html"},
      {"Python's", "python ' s"},
      {"a+b C+ x++y", "a | b c+ x | y"},
      {"Éric Müller", "éric müller"},
      {"v2.0 2019-2021", "v2 . 0 2019 - 2021"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(words(c.text) == c.tokens);
  }
}

TEST_CASE("tokens carry byte offsets and 0-based lines", "[text]") {
  const ra::Tokens t = ra::tokenize("Python\n  C++ x");
  REQUIRE(t.size() == 3);
  CHECK(t[1].begin == 9);
  CHECK(t[1].end == 12);
  CHECK(t[1].line == 1);
  CHECK(t[1].gap == ra::Gap::kLineBreak);
  CHECK(t[2].gap == ra::Gap::kSpace);
}

TEST_CASE("count_ascii_digits counts every digit, however long the text", "[text]") {
  CHECK(ra::count_ascii_digits("") == 0);
  CHECK(ra::count_ascii_digits("no digits here") == 0);
  CHECK(ra::count_ascii_digits("(935) 555-1353") == 10);
  CHECK(ra::count_ascii_digits("/09:\x80\xd9\xa3") == 2);  // ASCII digits only: not '/', ':', U+0663
  // Blocks of 255 bytes: all digits at, below and above a block's size.
  for (const std::size_t n : {254u, 255u, 256u, 510u, 511u, 1000u}) {
    INFO(n);
    CHECK(ra::count_ascii_digits(std::string(n, '7')) == n);
    CHECK(ra::count_ascii_digits(std::string(n, 'x') + "1") == 1);
  }
  std::string mixed;
  for (int i = 0; i < 3000; ++i) mixed += i % 3 == 0 ? '5' : 'a';
  CHECK(ra::count_ascii_digits(mixed) == 1000);
}

TEST_CASE("normalize_text composes an accent after ASCII at any offset", "[text]") {
  // ASCII runs are skipped eight bytes at a time; the character before a
  // non-ASCII run goes with it to ICU, wherever the run starts.
  for (std::size_t at = 0; at < 20; ++at) {
    INFO("at " << at);
    const std::string before(at, 'x');
    CHECK(ra::normalize_text(before + "e\xCC\x81" + "yz") == before + "\xC3\xA9" + "yz");
    CHECK(ra::normalize_text(before + "\xEF\xAC\x81" + "ne") == before + "fine");
  }
}

TEST_CASE("tokenize folds words of any length, at any offset, with their hashes", "[text]") {
  // Words of 1 to 40 characters, mixed case and digits, ending in each kind
  // of byte that ends a word (the vector scan's 16-byte blocks end anywhere),
  // at every offset after a run of spaces; each hash is word_hash(folded),
  // also as Tokens::hash gives it.
  const std::string letters = "aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789zYxW";
  for (const char* end : {"", " ", ",", "@", "[", "`", "{", "/", "-", "\xc3\xa9", "\x80", "+", "\n"}) {
    for (std::size_t size = 1; size <= letters.size(); ++size) {
      for (std::size_t offset = 0; offset < 17; ++offset) {
        const std::string word = letters.substr(0, size);
        const std::string text = std::string(offset, ' ') + word + end + " x";
        INFO(text);
        const ra::Tokens tokens = ra::tokenize(text);
        REQUIRE(tokens.size() >= 2);
        std::string folded = word;
        std::transform(folded.begin(), folded.end(), folded.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
        // é is a letter: the word goes on; a trailing '+' is kept, as in "C+".
        if (std::string(end) == "\xc3\xa9" || std::string(end) == "+") folded += end;
        CHECK(tokens[0].folded == folded);
        CHECK(tokens[0].begin == offset);
        for (std::size_t i = 0; i < tokens.size(); ++i) {
          CHECK(tokens[i].hash == ra::word_hash(tokens[i].folded));
          CHECK(tokens.hash(i) == tokens[i].hash);
        }
      }
    }
  }
  // Non-ASCII words are folded whole; their hashes too.
  const ra::Tokens unusual = ra::tokenize("STRASSE Straße ÉCOLE école Ωmega C++17 .NET");
  for (std::size_t i = 0; i < unusual.size(); ++i) {
    INFO(unusual[i].folded);
    CHECK(unusual[i].hash == ra::word_hash(unusual[i].folded));
    CHECK(unusual.hash(i) == unusual[i].hash);
  }
  CHECK(ra::tokenize("ÉCOLE")[0].folded == ra::tokenize("école")[0].folded);
  // Equal words hash equally, and different ones (almost always) apart.
  CHECK(ra::word_hash("python") == ra::word_hash(std::string("python")));
  CHECK(ra::word_hash("python") != ra::word_hash("pythoN"));
  CHECK(ra::word_hash("a") != ra::word_hash(std::string_view("a\0", 2)));
  CHECK(ra::word_hash("abcdefgh") != ra::word_hash("abcdefghi"));
}

TEST_CASE("has_line_break finds a line feed or carriage return at any offset", "[text]") {
  CHECK_FALSE(ra::codec::has_line_break(""));
  // Every byte value but the two, around them too (the test flags a zero
  // byte of the word XOR the sought byte, so neighbours 0x09, 0x0b, 0x0c,
  // 0x0e and high bytes must not trip it).
  std::string others;
  for (int c = 0; c < 256; ++c) {
    if (c != '\n' && c != '\r') others += static_cast<char>(c);
  }
  CHECK_FALSE(ra::codec::has_line_break(others));
  for (std::size_t size = 1; size <= 40; ++size) {
    for (std::size_t at = 0; at < size; ++at) {
      for (char c : {'\n', '\r'}) {
        std::string s(size, 'x');
        s[at] = c;
        INFO(size << " " << at);
        CHECK(ra::codec::has_line_break(s));
        s[at] = static_cast<char>(c + 1);
        CHECK_FALSE(ra::codec::has_line_break(s));
      }
    }
  }
}
