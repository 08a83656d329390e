// The matcher against the traps other scanners fall into, on a small set
// written here so each rule is tested on its own.
#include "resume_analyser/keyword_set.hpp"
#include "resume_analyser/matcher.hpp"
#include "resume_analyser/text.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <tuple>

namespace {

const char* const kSet = R"(format: 1
id: traps
name: Traps
stop_phrases: [collaborative filtering]
categories:
  - id: programming-languages
    name: Languages
    keywords:
      - {name: Python, weight: 3, sources: [{guide: g, quote: q}]}
      - {name: Java, weight: 2, sources: [{guide: g, quote: q}]}
      - {name: JavaScript, weight: 1, sources: [{guide: g, quote: q}]}
      - {name: Scala, weight: 1, sources: [{guide: g, quote: q}]}
      - {name: C++, weight: 2, sources: [{guide: g, quote: q}]}
      - {name: C#, weight: 1, sources: [{guide: g, quote: q}]}
      - {name: .NET, weight: 1, sources: [{guide: g, quote: q}]}
      - {name: R, weight: 3, case_sensitive: true, context: programming-languages,
         aliases: [R programming], sources: [{guide: g, quote: q}]}
      - {name: C, weight: 2, case_sensitive: true, context: programming-languages,
         sources: [{guide: g, quote: q}]}
  - id: methods
    name: Methods
    keywords:
      - {name: machine learning, exact_aliases: [ML], weight: 3, sources: [{guide: g, quote: q}]}
      - {name: AWS, weight: 3, sources: [{guide: g, quote: q}]}
      - {name: SageMaker, aliases: [AWS SageMaker], weight: 1, sources: [{guide: g, quote: q}]}
      - {name: Testing, weight: 1, sources: [{guide: g, quote: q}]}
      - {name: Collaboration, aliases: [collaborative], weight: 1, sources: [{guide: g, quote: q}]}
      - {name: deep learning, weight: 2, sources: [{guide: g, quote: q}]}
      - {name: AI, aliases: [artificial intelligence], weight: 2, sources: [{guide: g, quote: q}]}
      - {name: scikit-learn, aliases: [sklearn], weight: 2, sources: [{guide: g, quote: q}]}
      - {name: Node.js, weight: 1, sources: [{guide: g, quote: q}]}
      - {name: A/B testing, aliases: [A/B tests], weight: 2, sources: [{guide: g, quote: q}]}
      - {name: deploy models, inflect: true, weight: 2, sources: [{guide: g, quote: q}]}
      - {name: TensorFlow, patterns: ['tensor ?flow'], weight: 3, sources: [{guide: g, quote: q}]}
      - {name: Ph.D., aliases: [PhD], weight: 1, sources: [{guide: g, quote: q}]}
)";

const ra::KeywordSet& traps() {
  static const ra::KeywordSet set = [] {
    ra::Result<ra::KeywordSet> s = ra::parse_keyword_set(kSet, "traps.yaml");
    if (!s) FAIL(s.error().message);
    return std::move(s).value();
  }();
  return set;
}

/// keyword name -> count of occurrences in `text`.
std::map<std::string, int> found(const std::string& raw) {
  static const ra::Matcher matcher = std::move(ra::Matcher::compile(traps())).value();
  const std::string text = ra::normalize_text(raw);
  ra::Result<std::vector<ra::Occurrence>> occ = matcher.find(text, ra::tokenize(text));
  REQUIRE(occ.ok());
  std::map<std::string, int> out;
  for (const ra::Occurrence& o : *occ) ++out[traps().keywords[o.keyword].name];
  return out;
}

using Found = std::map<std::string, int>;

}  // namespace

TEST_CASE("whole words only: no keyword inside a longer word", "[matcher]") {
  CHECK(found("JavaScript developer") == Found{{"JavaScript", 1}});
  CHECK(found("Java and JavaScript") == Found{{"Java", 1}, {"JavaScript", 1}});
  CHECK(found("scalable systems") == Found{});
  CHECK(found("Scala, scalable") == Found{{"Scala", 1}});
  CHECK(found("HTML, XML and YAML") == Found{});
  CHECK(found("ML, HTML") == Found{{"machine learning", 1}});
  CHECK(found("she said to maintain it") == Found{});
  CHECK(found("AI-driven products") == Found{{"AI", 1}});
}

TEST_CASE("symbols stay part of a language name", "[matcher]") {
  CHECK(found("C++ and C#") == Found{{"C#", 1}, {"C++", 1}});
  CHECK(found("C/C++ on .NET") == Found{{"C", 1}, {"C++", 1}, {".NET", 1}});
  CHECK(found("ASP.NET") == Found{});
  CHECK(found("Node.js services") == Found{{"Node.js", 1}});
  CHECK(found("node js") == Found{});
  CHECK(found("scikit-learn, scikit learn, sklearn") == Found{{"scikit-learn", 3}});
  CHECK(found("ran A/B tests; A/B testing") == Found{{"A/B testing", 2}});
  CHECK(found("A B testing") == Found{{"Testing", 1}});  // not A/B testing
}

TEST_CASE("R only as the language", "[matcher]") {
  CHECK(found("Python, R, SQL") == Found{{"Python", 1}, {"R", 1}});
  CHECK(found("Python and R.") == Found{{"Python", 1}, {"R", 1}});
  CHECK(found("Python/R") == Found{{"Python", 1}, {"R", 1}});
  CHECK(found("led R&D with Python") == Found{{"Python", 1}});
  CHECK(found("R-squared of the Python model") == Found{{"Python", 1}});
  CHECK(found("John R. Smith") == Found{});
  CHECK(found("John R. Smith, Python developer") == Found{{"Python", 1}});
  CHECK(found("python, r") == Found{{"Python", 1}});
  CHECK(found("R programming") == Found{});  // an alias still needs its context
  CHECK(found("Python; R programming") == Found{{"Python", 1}, {"R", 1}});
}

TEST_CASE("C only as the language", "[matcher]") {
  CHECK(found("C, C++ and Java") == Found{{"C", 1}, {"C++", 1}, {"Java", 1}});
  CHECK(found("presented to the C-suite in Python") == Found{{"Python", 1}});
  CHECK(found("vitamin C") == Found{});
  CHECK(found("Java, vitamin C") == Found{{"Java", 1}});
  CHECK(found("C or Java") == Found{{"C", 1}, {"Java", 1}});
  CHECK(found("R, C") == Found{});  // two context keywords do not support each other
}

TEST_CASE("phrases match across line breaks and hyphens", "[matcher]") {
  CHECK(found("machine\nlearning") == Found{{"machine learning", 1}});
  CHECK(found("machine-learning pipelines") == Found{{"machine learning", 1}});
  CHECK(found("machine, learning") == Found{});
  CHECK(found("deep learning-based models") == Found{{"deep learning", 1}});
  CHECK(found("artificial\n  intelligence") == Found{{"AI", 1}});
}

TEST_CASE("leftmost-longest: a phrase's words start no other match", "[matcher]") {
  CHECK(found("machine learning") == Found{{"machine learning", 1}});
  CHECK(found("Ph.D. and PhD") == Found{{"Ph.D.", 2}});
}

TEST_CASE("inflect: a practice matches its regular forms", "[matcher]") {
  CHECK(found("deploy models; deployed models; deploying models") == Found{{"deploy models", 3}});
  CHECK(found("deploy modelling") == Found{});
}

TEST_CASE("RE2 patterns count only on token boundaries", "[matcher]") {
  CHECK(found("Tensor Flow and tensorflow") == Found{{"TensorFlow", 2}});
  CHECK(found("tensorflowlite") == Found{});
  CHECK(found("mytensorflow") == Found{});
}

TEST_CASE("occurrences carry lines and byte ranges of the normalised text", "[matcher]") {
  static const ra::Matcher matcher = std::move(ra::Matcher::compile(traps())).value();
  const std::string text = "Summary\nBuilt machine\nlearning in Python";
  ra::Result<std::vector<ra::Occurrence>> occ = matcher.find(text, ra::tokenize(text));
  REQUIRE(occ.ok());
  REQUIRE(occ->size() == 2);
  CHECK(text.substr((*occ)[0].begin, (*occ)[0].end - (*occ)[0].begin) == "machine\nlearning");
  CHECK((*occ)[0].line == 1);
  CHECK((*occ)[1].line == 2);
}

TEST_CASE("exact aliases count only in their case", "[matcher]") {
  CHECK(found("ML and Python") == Found{{"Python", 1}, {"machine learning", 1}});
  CHECK(found("500 mL of buffer") == Found{});
  CHECK(found("Machine Learning") == Found{{"machine learning", 1}});
}

TEST_CASE("stop phrases hide the keywords inside them", "[matcher]") {
  CHECK(found("collaborative filtering for recommendations") == Found{});
  CHECK(found("collaborative team player") == Found{{"Collaboration", 1}});
}

TEST_CASE("a keyword inside a longer match counts unless it is the head", "[matcher]") {
  CHECK(found("trained on AWS SageMaker") == Found{{"AWS", 1}, {"SageMaker", 1}});
  CHECK(found("A/B testing") == Found{{"A/B testing", 1}});  // Testing is its head word
}

TEST_CASE("lists: versions, chains and vertical lists support R and C", "[matcher]") {
  CHECK(found("Python (3.11), R (4.3)") == Found{{"Python", 1}, {"R", 1}});
  CHECK(found("Python, Java, C, R") == Found{{"C", 1}, {"Java", 1}, {"Python", 1}, {"R", 1}});
  CHECK(found("Python\nR\nC++") == Found{{"C++", 1}, {"Python", 1}, {"R", 1}});
  CHECK(found("Anjali R.\nPython Developer") == Found{{"Python", 1}});
  CHECK(found("C++17 and Python") == Found{{"C++", 1}, {"Python", 1}});
}

TEST_CASE("a hyphen where a line wrapped joins the word", "[matcher]") {
  CHECK(found("deep-\nlearning models") == Found{{"deep learning", 1}});
}

TEST_CASE("keywords sharing first words are each found, however many there are", "[matcher]") {
  // 3,000 generated keywords: "data pipeline 0" ... share two first words;
  // inflected and exact-case spellings share trie edges with plain ones.
  std::string yaml = R"(format: 1
id: shared
name: Shared
categories:
  - id: c
    name: C
    keywords:
      - {name: deploy models, inflect: true, weight: 1, sources: [{guide: g, quote: q}]}
      - {name: deployment pipeline, weight: 1, sources: [{guide: g, quote: q}]}
      - {name: data, exact_aliases: [DATA lake], weight: 1, sources: [{guide: g, quote: q}]}
      - {name: data lakehouse, weight: 1, sources: [{guide: g, quote: q}]}
)";
  for (int i = 0; i < 3000; ++i) {
    yaml += "      - {name: data pipeline " + std::to_string(i) +
            ", weight: 1, sources: [{guide: g, quote: q}]}\n";
  }
  ra::Result<ra::KeywordSet> set = ra::parse_keyword_set(yaml, "shared.yaml");
  REQUIRE(set.ok());
  ra::Result<ra::Matcher> matcher = ra::Matcher::compile(*set);
  REQUIRE(matcher.ok());
  auto names = [&](const std::string& raw) {
    const std::string text = ra::normalize_text(raw);
    ra::Result<std::vector<ra::Occurrence>> occ = matcher->find(text, ra::tokenize(text));
    REQUIRE(occ.ok());
    std::vector<std::string> out;
    for (const ra::Occurrence& o : *occ) out.push_back(set->keywords[o.keyword].name);
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(names("data pipeline 2999, data pipeline 17 and data pipeline 3000") ==
        V{"data pipeline 2999", "data", "data pipeline 17", "data", "data"});  // "data" modifies
  CHECK(names("deployed models; deployment pipeline; deployments models") ==
        V{"deploy models", "deployment pipeline", "deploy models"});
  CHECK(names("DATA lake, Data Lake, data lakehouse") == V{"data", "data", "data lakehouse", "data"});
}

/// (keyword, first token, end token) of each occurrence, in order.
std::vector<std::tuple<std::size_t, std::uint32_t, std::uint32_t>> spans(const std::vector<ra::Occurrence>& occ) {
  std::vector<std::tuple<std::size_t, std::uint32_t, std::uint32_t>> out;
  for (const ra::Occurrence& o : occ) out.emplace_back(o.keyword, o.first_token, o.end_token);
  return out;
}

TEST_CASE("a token range gives the whole text's matches that start in it", "[matcher]") {
  ra::Result<ra::KeywordSet> set = ra::parse_keyword_set(R"(format: 1
id: local
name: Local
stop_phrases: [learning curve]
categories:
  - id: c
    name: C
    keywords:
      - {name: machine learning, weight: 1, sources: [{guide: g, quote: q}]}
      - {name: learning rate, weight: 1, sources: [{guide: g, quote: q}]}
      - {name: AWS, weight: 1, sources: [{guide: g, quote: q}]}
      - {name: SageMaker, aliases: [AWS SageMaker], weight: 1, sources: [{guide: g, quote: q}]}
      - {name: Python, weight: 1, sources: [{guide: g, quote: q}]}
)", "local.yaml");
  REQUIRE(set.ok());
  ra::Result<ra::Matcher> matcher = ra::Matcher::compile(*set);
  REQUIRE(matcher.ok());
  using Spans = std::vector<std::tuple<std::size_t, std::uint32_t, std::uint32_t>>;
  auto in_range = [&](const std::string& text, std::size_t first, std::size_t last) {
    ra::Result<std::vector<ra::Occurrence>> occ = matcher->find(text, ra::tokenize(text), first, last);
    REQUIRE(occ.ok());
    return spans(*occ);
  };
  // "machine learning" starts before the range and takes "learning", so
  // "learning rate" is no match in the whole text, nor in the range.
  CHECK(in_range("machine learning rate", 0, 3) == Spans{{0, 0, 2}});
  CHECK(in_range("machine learning rate", 1, 3) == Spans{});
  CHECK(in_range("a learning rate", 1, 3) == Spans{{1, 1, 3}});
  // A keyword inside a longer match starts where the match does.
  CHECK(in_range("trained on AWS SageMaker", 2, 3) == Spans{{3, 2, 4}, {2, 2, 3}});
  CHECK(in_range("trained on AWS SageMaker", 3, 4) == Spans{});
  // A stop phrase before the range hides the word it shares with it.
  CHECK(in_range("learning curve Python", 1, 3) == Spans{{4, 2, 3}});
  CHECK(in_range("machine learning curve", 1, 3) == Spans{});
  // Past the end, nothing; an empty range, nothing.
  CHECK(in_range("Python AWS", 1, 99) == Spans{{2, 1, 2}});
  CHECK(in_range("Python AWS", 1, 1) == Spans{});

  // Every range of a real résumé, against the whole text's matches: with
  // the ml-engineer keywords (patterns and contexts: the whole text is
  // read) and with the same keywords without them (only the range is).
  std::ifstream in(std::string(RA_TEST_SAMPLES_DIR) + "/strong-ml-engineer.txt");
  const std::string text = ra::normalize_text(std::string(std::istreambuf_iterator<char>(in), {}));
  const ra::Tokens tokens = ra::tokenize(text);
  REQUIRE(tokens.size() > 1000);
  ra::Result<ra::KeywordSet> role = ra::load_role("ml-engineer", {RA_TEST_SOURCE_KEYWORD_DIR});
  REQUIRE(role.ok());
  ra::KeywordSet plain = *role;
  for (ra::Keyword& k : plain.keywords) k.context.clear(), k.patterns.clear();
  for (const ra::KeywordSet* s : {&*role, &plain}) {
    ra::Result<ra::Matcher> m = ra::Matcher::compile(*s);
    REQUIRE(m.ok());
    const std::vector<ra::Occurrence> all = std::move(m->find(text, tokens)).value();
    REQUIRE(all.size() > 100);
    int checked = 0;
    for (std::size_t first = 0; first <= tokens.size(); first += 7) {
      for (std::size_t size : {1, 2, 5, 40, 100000}) {
        const std::size_t last = first + size;
        std::vector<ra::Occurrence> want;
        std::copy_if(all.begin(), all.end(), std::back_inserter(want),
                     [&](const ra::Occurrence& o) { return o.first_token >= first && o.first_token < last; });
        ra::Result<std::vector<ra::Occurrence>> got = m->find(text, tokens, first, last);
        REQUIRE(got.ok());
        if (spans(*got) != spans(want)) FAIL("tokens [" << first << ", " << last << ") of " << s->id);
        ++checked;
      }
    }
    CHECK(checked > 700);
  }

  // One thread's calls share their scratch: ranges of two texts in turn,
  // where one's tokens are keywords and the other's are not, each against
  // its whole text's matches. A call must read nothing an earlier one left.
  const std::string keywords = "Python AWS machine learning SageMaker learning rate Python AWS Python";
  const std::string others = "Kotlin GCP plain old words that match nothing at all";
  const ra::Tokens keyword_tokens = ra::tokenize(keywords), other_tokens = ra::tokenize(others);
  REQUIRE(keyword_tokens.size() == other_tokens.size());
  const std::vector<ra::Occurrence> keyword_all = std::move(matcher->find(keywords, keyword_tokens)).value();
  REQUIRE(keyword_all.size() == 8);
  for (std::size_t first = 0; first <= keyword_tokens.size(); ++first) {
    for (std::size_t last = first; last <= keyword_tokens.size() + 1; ++last) {
      INFO("tokens [" << first << ", " << last << ")");
      std::vector<ra::Occurrence> want;
      std::copy_if(keyword_all.begin(), keyword_all.end(), std::back_inserter(want),
                   [&](const ra::Occurrence& o) { return o.first_token >= first && o.first_token < last; });
      CHECK(spans(std::move(matcher->find(keywords, keyword_tokens, first, last)).value()) == spans(want));
      for (std::size_t other_first = 0; other_first < first; ++other_first) {
        CHECK(std::move(matcher->find(others, other_tokens, other_first, last)).value().empty());
      }
    }
  }
}

TEST_CASE("a keyword of more than 32 words is refused when the role loads", "[matcher][hostile]") {
  // Matching walks a keyword word by word from every token, so a keyword of
  // 100,000 words against a text of them would cost 10^10 steps.
  const auto words = [](int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += i == 0 ? "w" : " w";
    return out;
  };
  const auto role = [&](int n) {
    return "format: 1\nid: long\nname: Long\ncategories:\n  - id: c\n    name: C\n    keywords:\n"
           "      - {name: '" + words(n) + "', weight: 1, sources: [{guide: g, quote: q}]}\n";
  };
  ra::Result<ra::KeywordSet> ok = ra::parse_keyword_set(role(32), "long.yaml");
  REQUIRE(ok.ok());
  ra::Result<ra::Matcher> matcher = ra::Matcher::compile(*ok);
  REQUIRE(matcher.ok());
  const std::string text = ra::normalize_text("x " + words(32) + " y");
  ra::Result<std::vector<ra::Occurrence>> occ = matcher->find(text, ra::tokenize(text));
  REQUIRE(occ.ok());
  REQUIRE(occ->size() == 1);
  CHECK(occ->front().first_token == 1);
  CHECK(occ->front().end_token == 33);

  ra::Result<ra::KeywordSet> too_long = ra::parse_keyword_set(role(100000), "long.yaml");
  REQUIRE_FALSE(too_long.ok());
  CHECK(too_long.error().message ==
        "long.yaml:8: 'w w w w w w w w w w w w w w w w w w w w ...' has 100000 words; a keyword, alias or "
        "phrase has at most 32");
}
