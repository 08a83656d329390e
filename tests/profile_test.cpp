// Degrees, fields of study and years of experience.
#include "resume_analyser/profile.hpp"

#include <catch2/catch.hpp>

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
