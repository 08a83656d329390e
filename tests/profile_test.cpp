// Degrees, fields of study and years of experience.
#include "resume_analyser/profile.hpp"

#include "date_range_oracle.hpp"

#include <catch2/catch.hpp>

#include <random>

namespace {

ra::EducationFound education(const std::string& text) {
  static const ra::EducationDetector detector({"computer science", "statistics", "mathematics", "data science"});
  return detector.detect(text, ra::tokenize(text), ra::detect_sections(text));
}

std::string degrees(const std::string& text) {
  std::string out;
  for (const ra::DegreeMention& d : education(text).degrees) {
    out += std::string(out.empty() ? "" : "; ") + ra::degree_name(d.degree) + " '" + d.text + "'";
    for (const std::string& f : d.fields) out += " " + f;
  }
  return out;
}

ra::ExperienceFound experience(const std::string& text) {
  return ra::estimate_experience(text, ra::detect_sections(text), {2026, 11});
}

}  // namespace

TEST_CASE("degrees in their usual spellings, with fields on the same line", "[profile]") {
  CHECK(degrees("M.S. in Computer Science, 2018") == "master 'M.S.' computer science");
  CHECK(degrees("B.Sc. Mathematics and Statistics") == "bachelor 'B.Sc.' mathematics statistics");
  CHECK(degrees("PhD, Statistics") == "phd 'PhD' statistics");
  CHECK(degrees("Ph.D. candidate") == "phd 'Ph.D.'");
  CHECK(degrees("Master of Science in Data Science") == "master 'Master of Science' data science");
  CHECK(degrees("Bachelor's degree in computer science") == "bachelor 'Bachelor's degree' computer science");
  CHECK(degrees("BS Computer Science; MS Statistics") == "bachelor 'BS' computer science; master 'MS' statistics");
  CHECK(degrees("MSc, BSc") == "master 'MSc'; bachelor 'BSc'");
  CHECK(education("B.A. in Communication\nM.S. in Statistics\nPh.D. in Mathematics").highest == ra::Degree::kPhd);
}

TEST_CASE("no degree where there is none", "[profile]") {
  CHECK(degrees("ms office, ba in lowercase") == "");         // two-letter forms only in capitals
  CHECK(degrees("Mastered the guitar") == "");
  CHECK(degrees("Skills\nMS Office, Excel\nEducation\nB.A. in History") == "bachelor 'B.A.'");
  CHECK(education("Python developer").highest == ra::Degree::kNone);
}

TEST_CASE("years of experience from dated roles", "[profile]") {
  ra::ExperienceFound e = experience(
      "Experience\nSenior ML Engineer\nMarch 2023 - Present\nInstructor\nSep 2024 - present\n"
      "ML Engineer\nJuly 2020 - February 2023\nData Scientist\nAugust 2018 - June 2020\n"
      "Education\nM.S., 2016 - 2018");
  REQUIRE(e.roles.size() == 4);
  CHECK(e.roles[0].text == "March 2023 - Present");
  CHECK(e.roles[0].present);
  CHECK(e.roles[0].end.text() == "2026-11");
  CHECK(e.months == 100);  // Aug 2018 .. Nov 2026, overlaps counted once; study years ignored
  CHECK(e.years == 8.3);
}

TEST_CASE("date forms and ranges to ignore", "[profile]") {
  CHECK(experience("03/2019 - 02/2021").months == 24);
  CHECK(experience("2019-03 to 2020-02").months == 12);
  CHECK(experience("2016 - 2018").months == 25);  // a year alone is its January
  CHECK(experience("Jan. 2020 until Dec. 2020").months == 12);
  CHECK(experience("2021 - 2019").roles.empty());         // ends before it starts
  CHECK(experience("March 2027 - Present").roles.empty());  // starts after as_of
  CHECK(experience("Phone (720) 555-0187, 1200 - 1300 users").roles.empty());
  CHECK(experience("Jan 2020 - Dec 2022 and Jun 2021 - Jan 2023").months == 37);
}

TEST_CASE("experience level is the highest band reached in completed years", "[profile]") {
  const std::vector<ra::ExperienceLevel> bands{{"junior", 0, {}}, {"mid", 4, {}}, {"senior", 8, {}}};
  CHECK(ra::experience_level(bands, 0) == "junior");
  CHECK(ra::experience_level(bands, 3.9) == "junior");
  CHECK(ra::experience_level(bands, 4.0) == "mid");
  CHECK(ra::experience_level(bands, 8.3) == "senior");
  CHECK(ra::experience_level({}, 8.3) == "");
}

TEST_CASE("date ranges in the forms résumés write them", "[profile]") {
  const auto range = [](std::string_view text) {
    const std::optional<ra::DateRangeSpan> r = ra::find_date_range(text);
    return r ? std::string(r->range) + " | " + std::string(r->from) + " | " + std::string(r->to) : "";
  };
  CHECK(range("Data Scientist, Acme (Jan 2020 - Present)") == "Jan 2020 - Present | Jan 2020 | Present");
  CHECK(range("Sept. 2018 to June 2021") == "Sept. 2018 to June 2021 | Sept. 2018 | June 2021");
  CHECK(range("03/2019 \u2013 now") == "");  // a dash normalize_text() has not made '-'
  CHECK(range("03/2019 - now") == "03/2019 - now | 03/2019 | now");
  CHECK(range("2019-10-2020") == "2019-10-2020 | 2019-10 | 2020");
  CHECK(range("2019-2020") == "2019-2020 | 2019 | 2020");
  CHECK(range("2019 - 2020-05, Berlin") == "2019 - 2020-05 | 2019 | 2020-05");
  CHECK(range("10/2019 until current") == "10/2019 until current | 10/2019 | current");
  CHECK(range("x2019 - 2020") == "");       // no word boundary before it
  CHECK(range("2019 - 20201") == "");       // nor after it
  CHECK(range("2019 - nowadays") == "");
  CHECK(range("Marching 2019 - 2020") == "2019 - 2020 | 2019 | 2020");
  CHECK(range("since 2019") == "");
}

TEST_CASE("find_date_range finds what its regular expression finds", "[profile]") {
  // The expression estimate_experience() ran through RE2 until the search
  // was written out by hand (profile.hpp): over lines made of the pieces
  // such ranges are made of, both must find the same ranges, one after the
  // other as estimate_experience() consumes them.
  const std::vector<std::string> pieces = {
      "Jan", "january", "JANUARY.", "Feb.", "mar", "March", "Marching", "apr", "April", "may", "Mayo", "jun",
      "June", "jul.", "July", "aug", "August", "Sep", "Sept", "Sept.", "september", "SEPTEMBERS", "oct", "nov.",
      "December", "dec", "0", "00", "01", "3", "9", "10", "12", "13", "19", "2019", "2020", "20201", "1999",
      "2019-05", "2019-5", "2019-13", "2019-10", "2019-00", "05/2019", "5/2019", "12/2020", "13/2020", "0/2020",
      "/", "-", "--", "to", "TO", "To", "until", "through", "till", "tonow", "present", "Present", "current",
      "now", "nowadays", "today", "date", "dates", ",", ".", "(", ")", "_", "a", "x", "é", "\t", "·"};
  const std::vector<std::string> glue = {"", " ", " ", "  ", " - ", "-", " to ", " till ", ""};
  std::mt19937 random(20261122);
  std::size_t lines = 0, ranges = 0;
  for (int n = 0; n < 400000; ++n) {
    std::string line;
    const int count = 1 + static_cast<int>(random() % 7);
    for (int k = 0; k < count; ++k) {
      line += glue[random() % glue.size()];
      line += pieces[random() % pieces.size()];
    }
    INFO("line: '" << line << "'");
    REQUIRE(ra::test::compare_date_ranges(line, &ranges) == "");
    ++lines;
  }
  CHECK(lines == 400000);
  CHECK(ranges > 10000);  // the pieces make ranges often enough to check them
}
