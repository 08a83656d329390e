// Repairs to the lines of a PDF's text: what typesetting did to words.
//
// expand_ligatures(text): the ligature characters U+FB00..U+FB06 (ff, fi,
// fl, ffi, ffl, long s t, st) become their letters. (The core's NFKC would
// do the same; doing it here lets repair_line_breaks() see whole words.)
//
// repair_line_breaks(lines) joins words that a line break split, over the
// document's lines in reading order (across columns and pages):
//  - Hyphens. A line ends in a hyphen (U+002D, U+2010 or U+00AD) right after
//    a letter, and the next line starts with a lower-case letter (a-z, or
//    U+00DF..U+00FF). Let A be the letters before the hyphen and B the
//    letters that start the next line. A PDF cannot tell a hyphen the
//    typesetter added ("engi-" "neering") from one the author wrote
//    ("scikit-" "learn"), so the document itself is the dictionary; words
//    are runs of letters compared in ASCII lower case, and "elsewhere" means
//    anywhere in the document but this line break:
//      1. a soft hyphen (U+00AD) is always a typesetter's: join, drop it;
//      2. A or B shorter than 2 letters: keep ("e-" "mail");
//      3. the word AB appears elsewhere: join, drop the hyphen;
//      4. A-B appears elsewhere, or A or B appears elsewhere as a word
//         (alone, or as part of a hyphenated word: "scikit" in
//         "scikit-learn"): keep the hyphen. A half of two letters counts
//         only as part of a hyphenated word ("in-" "ternationally" is not
//         kept for "in" being everywhere; "co-" "founded" is, when
//         "co-authored" is there);
//      5. otherwise neither half is a word of the document ("orga-"
//         "nization", but also "lazy-" "loaded"): join when the document
//         hyphenates words, that is when rule 1 or 3 joined some break of
//         it; keep otherwise (Word, LibreOffice and Google Docs do not
//         hyphenate unless asked, so there a hyphen at a line end is
//         almost always the author's).
//    "Keep" leaves both lines as they are (the core reads "word-⏎word" as
//    one hyphenated word). Known misses: a prefix of three letters that is
//    also a word ("for-" "mula" when "for" is used elsewhere) keeps its
//    hyphen unless the whole word appears elsewhere; in a document that
//    hyphenates, a compound neither half of which appears elsewhere
//    ("lazy-" "loaded") loses its hyphen, and in one that does not seem
//    to, a hyphenated word that appears only once stays split.
//  - "C+⏎+": a line ending in '+' right after a letter or '+', followed by a
//    line starting with '+', is C++ (or a grade) split by the line breaker.
//  - To join, the first word of the next line (everything up to its first
//    space or tab, punctuation included) moves to the end of the line above;
//    a line left empty is removed. Line order is otherwise unchanged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ra::pdf {

std::string expand_ligatures(std::string_view text);

void repair_line_breaks(std::vector<std::string>& lines);

}  // namespace ra::pdf
