// libFuzzer target for the analysis of a résumé's text.
//
// Each input is the text of a document's body, as a plugin would give it:
// made a Document (normalised, lines and zones), then analysed against the
// bundled ml-engineer role, and its report written as text and JSON. So the
// tokenizer, the keyword matcher, sections, competencies, education, the
// experience estimate and the warnings all read hostile text. Each line of
// the normalised text is also searched for date ranges by find_date_range()
// and by the RE2 expression it was written from (profile.hpp): both must
// find the same ranges.
#include "resume_analyser/analysis.hpp"
#include "resume_analyser/document.hpp"
#include "resume_analyser/keyword_set.hpp"
#include "resume_analyser/profile.hpp"
#include "resume_analyser/report.hpp"

#include "date_range_oracle.hpp"  // tests/

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void violated(const char* what, std::string_view line) {
  std::fprintf(stderr, "fuzz_analysis: contract violated: %s in line \"%.*s\"\n", what,
               static_cast<int>(line.size()), line.data());
  std::abort();
}

const ra::Role& role() {
  static const ra::Role r = [] {
    ra::Result<ra::KeywordSet> set = ra::load_keyword_set(RA_FUZZ_KEYWORD_DIR "/ml-engineer.yaml");
    if (!set) violated("the bundled role does not load", set.error().message);
    ra::Result<ra::Role> compiled = ra::Role::compile(std::move(set).value());
    if (!compiled) violated("the bundled role does not compile", compiled.error().message);
    return std::move(compiled).value();
  }();
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const ra::Document doc = ra::make_document("fuzz.txt", "text", {{ra::Zone::kBody, text}});
  for (std::size_t start = 0; start <= doc.text.size();) {
    std::size_t end = doc.text.find('\n', start);
    if (end == std::string::npos) end = doc.text.size();
    const std::string_view line = std::string_view(doc.text).substr(start, end - start);
    const std::string differs = ra::test::compare_date_ranges(line);
    if (!differs.empty()) violated(("find_date_range and RE2 disagree: " + differs).c_str(), line);
    start = end + 1;
  }
  ra::AnalysisOptions options;
  options.as_of = {2026, 1};
  ra::Result<ra::Report> report = role().analyse(doc, options);
  if (!report) return 0;
  std::uint32_t lines = 1;
  for (const char c : doc.text) lines += c == '\n';
  for (const ra::KeywordHit& h : report->matched) {
    if (h.places.size() != static_cast<std::size_t>(h.count)) violated("a keyword's count is not its places", "");
    for (const ra::Location& l : h.places) {
      if (l.line >= lines || l.text.empty() || doc.text.find(l.text) == std::string::npos) {
        violated("a keyword's place is not in the text", l.text);
      }
    }
  }
  std::ostringstream out;
  ra::write_score_text(out, *report);
  ra::write_score_json(out, *report);
  return 0;
}
