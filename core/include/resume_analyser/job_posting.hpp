// Scoring against a real job posting instead of a built-in role.
//
// The posting is read like a résumé (any supported format). Its keywords are
// found with the union of every role's keywords and aliases, and become a
// role of their own, so `score`, `missing` and `batch` work unchanged:
//   - category "hard-skills", "soft-skills" or "education" by the keyword's
//     category in the roles (soft-skills and education keep theirs; all
//     others are hard skills), plus "job-title" for the posting's title;
//   - weight = 3 when the keyword appears under a required heading
//     ("Requirements", "Qualifications", "Must have", ...), 1 when only
//     under a preferred one ("Nice to have", "Preferred", "Bonus"), 2
//     elsewhere; +1 when it appears 2-3 times, +2 when 4 or more (so 1..5).
//     The job title weighs 3.
// The score of a résumé against that role is its match rate.
#pragma once

#include "resume_analyser/analysis.hpp"
#include "resume_analyser/document.hpp"
#include "resume_analyser/keyword_set.hpp"
#include "resume_analyser/result.hpp"

#include <string>
#include <vector>

namespace ra {

struct JobPosting {
  KeywordSet role;                   // the posting as a role (see above)
  std::string title;                 // "" when none was found
  std::vector<UnknownTerm> unknown;  // by count, then first appearance
};

/// Builds the posting's role from `posting` using the keywords of `roles`.
/// Fails when the posting names none of their keywords.
Result<JobPosting> read_job_posting(const Document& posting, const std::vector<KeywordSet>& roles);

}  // namespace ra
