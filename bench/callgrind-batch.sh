#!/usr/bin/env bash
# callgrind-batch.sh — where the instructions of a batch go (docs/benchmarks.md).
#
#   bench/callgrind-batch.sh [CORPUS] [BUILD] [FILES]   (defaults: build/bench-corpus, build, 200)
#
# Runs `BUILD/resume-analyser batch - --format jsonl -j 1` under valgrind's
# callgrind over the first FILES files of CORPUS (sorted, so about one in ten
# written by LibreOffice), then prints callgrind_annotate's top functions by
# self cost and by inclusive cost, and the instructions per document of the
# main stages. The profile is kept as OUT (default /tmp/ra-callgrind.out) for
# callgrind_annotate or kcachegrind. Instruction counts do not depend on the
# load of the machine; note that callgrind counts every byte of a `rep stosb`
# memset as one instruction, so memset looks dearer than it is in time.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
corpus="${1:-$root/build/bench-corpus}"
build="${2:-$root/build}"
files="${3:-200}"
out="${OUT:-/tmp/ra-callgrind.out}"
exe="$build/resume-analyser"

command -v valgrind >/dev/null || { echo "callgrind-batch.sh: apt-get install -y valgrind" >&2; exit 2; }
[ -x "$exe" ] || { echo "callgrind-batch.sh: $exe not found" >&2; exit 2; }
list="$(mktemp /tmp/ra-callgrind-list.XXXXXX)"
trap 'rm -f "$list"' EXIT
find "$corpus" -type f -name '*.docx' -not -path '*/.*' | sort >"$list.all"
head -n "$files" "$list.all" >"$list"
rm -f "$list.all"
n="$(wc -l <"$list")"
[ "$n" -gt 0 ] || { echo "callgrind-batch.sh: no .docx files in $corpus" >&2; exit 2; }

echo "== valgrind --tool=callgrind $exe batch - --format jsonl -j 1 --no-progress --as-of 2026-01 ($n files)"
valgrind --tool=callgrind --callgrind-out-file="$out" \
  "$exe" batch - --format jsonl -j 1 --no-progress --as-of 2026-01 <"$list" >/dev/null 2>"$out.log"
grep -E 'I +refs' "$out.log"

echo
echo "== top 25 functions by self cost (callgrind_annotate $out)"
callgrind_annotate "$out" 2>/dev/null | sed -n '/^Ir *file:function/,$p' | sed -n '3,27p' | cut -c1-200
echo
echo "== top 40 functions by inclusive cost (callgrind_annotate --inclusive=yes $out)"
callgrind_annotate --inclusive=yes "$out" 2>/dev/null | sed -n '/^Ir *file:function/,$p' | sed -n '3,42p' | cut -c1-200

echo
echo "== instructions per document by stage (inclusive, $n documents)"
callgrind_annotate --inclusive=yes --threshold=100 "$out" 2>/dev/null | sed 's/,//g' | awk -v n="$n" '
  function stage(label, re) { labels[++k] = label; res[k] = re }
  BEGIN {
    stage("total (program)", "PROGRAM TOTALS");
    stage("start-up: load_role (YAML)", "ra::load_role\\(");
    stage("start-up: Role::compile", "ra::Role::compile\\(");
    stage("per-file work (read + analyse)", "^$");  # the two below: their caller may be inlined
    stage("  read_document_file", "ra::read_document_file\\(");
    stage("    PluginHost::choose (sniff)", "ra::PluginHost::choose\\(");
    stage("    DOCX extract", "DocxPlugin::extract\\(");
    stage("      load_xml_part (parse + tree check)", "ra::common::load_xml_part\\(");
    stage("        pugixml load_buffer", "pugi::xml_document::load_buffer\\(");
    stage("      Formatting (styles index)", "ra::docx::Formatting::Formatting\\(pugi::xml_node\\) \\[");
    stage("      read_wml_part (text of each part)", "ra::docx::read_wml_part\\(");
    stage("    (in sniff and extract) ZipArchive::read_entry", "ZipArchive::read_entry");
    stage("      inflate (zlib, step by step)", "\\?\\?\\?:inflate ");
    stage("      inflate (libdeflate, one call)", "libdeflate_deflate_decompress_ex");
    stage("    (in sniff and extract) XmlStream::next", "ra::common::XmlStream::next\\(");
    stage("    (in sniff and extract) read_relationships", "ra::docx::read_relationships\\(");
    stage("    (in sniff and extract) find_main_part", "ra::docx::find_main_part");
    stage("    make_document (normalise)", "ra::make_document\\(");
    stage("  Role::analyse", "ra::Role::analyse\\(");
    stage("    tokenize", "ra::tokenize\\(");
    stage("    Matcher::find", "ra::Matcher::find\\(");
    stage("    EducationDetector::detect", "ra::EducationDetector::detect\\(");
    stage("    estimate_experience", "ra::estimate_experience\\(");
    stage("    add_warnings", "ra::Role::Impl::add_warnings\\(");
    stage("    detect_sections", "ra::detect_sections\\(");
    stage("JSONL printer", "JsonLinesPrinter::add\\(");
  }
  /\(.*%\)/ {
    for (i = 1; i <= k; i++) if (!(i in cost) && $0 ~ res[i] && $0 !~ /\x27[0-9]/) cost[i] = $1
  }
  END {
    total = cost[1]
    for (i = 1; i <= k; i++) row[labels[i]] = i
    cost[row["per-file work (read + analyse)"]] = cost[row["  read_document_file"]] + cost[row["  Role::analyse"]]
    printf "%-50s %14s %8s %12s\n", "stage", "Ir", "share", "Ir/document"
    for (i = 1; i <= k; i++) {
      if (!(i in cost)) continue
      printf "%-50s %14d %7.1f%% %12.0f\n", labels[i], cost[i], 100 * cost[i] / total, cost[i] / n
    }
  }'
