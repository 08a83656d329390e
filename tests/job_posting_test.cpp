// Scoring against job postings: the posting's keywords and weights, unknown
// terms, and match rates that move the right way.
#include "resume_analyser/analysis.hpp"
#include "resume_analyser/job_posting.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

namespace {

const std::vector<ra::KeywordSet>& all_roles() {
  static const std::vector<ra::KeywordSet> roles = [] {
    std::vector<ra::KeywordSet> out;
    for (const ra::RoleFile& r : ra::find_roles({RA_TEST_SOURCE_KEYWORD_DIR})) {
      out.push_back(std::move(ra::load_keyword_set(r.file)).value());
    }
    return out;
  }();
  return roles;
}

ra::Document read(const std::string& path) {
  ra::Result<ra::Document> doc = ra::read_document(ra::test::built_plugins(), path, ra::test::read_file(path));
  if (!doc) FAIL(doc.error().message);
  return std::move(doc).value();
}

ra::JobPosting posting(const std::string& name) {
  ra::Result<ra::JobPosting> job =
      ra::read_job_posting(read(std::string(RA_TEST_DATA_DIR) + "/postings/" + name), all_roles());
  if (!job) FAIL(job.error().message);
  return std::move(job).value();
}

int weight_of(const ra::JobPosting& job, const std::string& keyword) {
  const std::ptrdiff_t k = job.role.find_keyword(keyword);
  return k < 0 ? 0 : job.role.keywords[static_cast<std::size_t>(k)].weight;
}

double rate(const std::string& resume, const std::string& name) {
  const ra::Role role = std::move(ra::Role::compile(posting(name).role)).value();
  return std::move(role.analyse(read(std::string(RA_TEST_SAMPLES_DIR) + "/" + resume))).value().score;
}

std::vector<std::string> unknown(const ra::JobPosting& job) {
  std::vector<std::string> terms;
  for (const ra::UnknownTerm& u : job.unknown) terms.push_back(u.text);
  return terms;
}

}  // namespace

TEST_CASE("a posting becomes a role: title, parts and weights from its headings", "[job]") {
  const ra::JobPosting job = posting("ml-engineer-posting.txt");
  CHECK(job.title == "Senior Machine Learning Engineer");
  std::vector<std::string> parts;
  for (const ra::Category& c : job.role.categories) parts.push_back(c.id);
  CHECK(parts == std::vector<std::string>{"hard-skills", "soft-skills", "education", "job-title"});
  CHECK(weight_of(job, "Python") == 4);           // required, twice
  CHECK(weight_of(job, "MLflow") == 3);           // required, once
  CHECK(weight_of(job, "Mentoring") == 2);        // under Responsibilities
  CHECK(weight_of(job, "Scala") == 1);            // only under Nice to have
  CHECK(weight_of(job, "Master's degree") == 3);
  CHECK(weight_of(job, "Senior Machine Learning Engineer") == 3);
  CHECK(weight_of(job, "Kubernetes") == 3);
  CHECK(weight_of(job, "Spark") == 0);            // not in the posting
  CHECK(unknown(job) == std::vector<std::string>{"GPT-4", "LangChain", "vLLM"});
}

TEST_CASE("unknown terms look like technology names", "[job]") {
  CHECK(unknown(posting("nurse-posting.txt")) ==
        std::vector<std::string>{"EHR", "RN", "ACLS", "BLS", "ADN", "BSN"});
  CHECK(posting("nurse-posting.txt").title == "Registered Nurse");
  CHECK(posting("data-analyst-posting.html").title == "Data Analyst");
}

TEST_CASE("match rates move the right way", "[job]") {
  const double strong_ml = rate("strong-ml-engineer.docx", "ml-engineer-posting.txt");
  const double weak_ml = rate("weak-ml-engineer.docx", "ml-engineer-posting.txt");
  const double weak_analyst = rate("weak-ml-engineer.docx", "data-analyst-posting.html");
  CHECK(strong_ml == 96.6);
  CHECK(weak_ml == 24.1);
  CHECK(weak_analyst == 65.7);  // the web developer fits the analyst posting far better
  CHECK(weak_analyst > weak_ml + 30);
  CHECK(strong_ml > weak_ml + 50);
}

TEST_CASE("a posting with no known keyword is an error", "[job]") {
  const ra::Document doc = ra::make_document("bakery.txt", "text", {{ra::Zone::kBody, "Pastry cook\nBake bread daily."}});
  ra::Result<ra::JobPosting> job = ra::read_job_posting(doc, all_roles());
  REQUIRE_FALSE(job.ok());
  CHECK(job.error().message == "bakery.txt: the posting names no keyword of any role");
}
