// Self-contained HTML reports: one file, no network, no external assets.
#pragma once

#include "resume_analyser/analysis.hpp"
#include "resume_analyser/batch.hpp"
#include "resume_analyser/document.hpp"

#include <memory>
#include <ostream>

namespace ra {

/// `score --format html`: the overall score, a bar chart of the categories
/// (inline SVG), the competency tables with their evidence, the missing
/// keywords by weight, flags and warnings, and the résumé text (`doc.text`,
/// as `extract` prints it) with every match highlighted. `doc` must be the
/// document `report` was made from.
void write_score_html(std::ostream& out, const Report& report, const Document& doc);

/// `batch --format html`: a sortable table of every résumé (file, status,
/// score, category scores, reasons or error) and a score-distribution chart.
/// Rows are written as results arrive; totals and the chart are written in
/// finish(), so the page is complete only then.
std::unique_ptr<BatchPrinter> make_html_batch_printer(std::ostream& out);

}  // namespace ra
