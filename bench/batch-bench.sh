#!/usr/bin/env bash
# batch-bench.sh — whole-batch throughput and peak memory (docs/benchmarks.md).
#
#   bench/batch-bench.sh [CORPUS] [BUILD]     (defaults: build/bench-corpus, build)
#
# Environment: RUNS (default 5) timed runs of resume-analyser, PY_RUNS (default 3)
# of the python-docx baseline, JOBS (default 2) for `-j`.
#
# 1. Throughput: `BUILD/resume-analyser batch CORPUS --format jsonl -j JOBS
#    --no-progress > /dev/null`, RUNS times after one warm-up, each through
#    /usr/bin/time; the median wall time, documents/s, and the median CPU time
#    (user + sys, which other processes on a busy machine do not inflate). The
#    same with -j 1, for a one-core comparison.
# 2. Baseline: bench/python_docx_baseline.py over the same files in one Python
#    process (python-docx, paragraph text only); median wall time, documents/s,
#    and the ratio ours / python-docx (target >= 30). Then PY_RUNS rounds of
#    ours, python-docx, ours, one right after the other, so that each round's
#    ratio compares the two under the same load of the host.
# 3. Peak memory (max RSS from /usr/bin/time -f %M) of `batch -` reading a list
#    of 1,000 and of 10,000 paths (the corpus repeated), -j JOBS; the target is
#    that it does not grow with the number of files (here: 10k within 10 % of 1k).
#
# The corpus comes from bench/make-corpus.sh; the build must be Release.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
corpus="${1:-$root/build/bench-corpus}"
build="${2:-$root/build}"
runs="${RUNS:-5}"
py_runs="${PY_RUNS:-3}"
jobs="${JOBS:-2}"
exe="$build/resume-analyser"

die() { echo "batch-bench.sh: $*" >&2; exit 2; }
[ -x "$exe" ] || die "$exe not found: build it first (cmake --build $build --target resume-analyser)"
[ -d "$corpus" ] || die "$corpus not found: run bench/make-corpus.sh first"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install -y time)"
py=/usr/bin/python3
"$py" -c 'import docx' 2>/dev/null || die "python-docx not found for $py (apt-get install -y python3-docx)"
build_type="$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null || true)"
[ "$build_type" = Release ] || echo "batch-bench.sh: warning: $build is a '$build_type' build, not Release" >&2

work="$(mktemp -d /tmp/ra-batch-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

find "$corpus" -type f -name '*.docx' -not -path '*/.*' | sort >"$work/corpus.txt"
n="$(wc -l <"$work/corpus.txt")"
[ "$n" -gt 0 ] || die "no .docx files in $corpus"
lo="$(grep -c '\.libreoffice\.docx$' "$work/corpus.txt" || true)"

# Median of numbers on stdin.
median() { sort -g | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# time_runs LABEL RUNS COMMAND: one warm-up, then RUNS timed runs of COMMAND
# (through /usr/bin/time); "wall user sys" per run in $work/LABEL.runs. Prints
# the median wall time and the median CPU time (user + sys) in seconds.
time_runs() {
  local label="$1" count="$2" cmd="$3"
  bash -c "$cmd" >/dev/null 2>&1 || die "'$cmd' failed"
  : >"$work/$label.runs"
  for _ in $(seq "$count"); do
    /usr/bin/time -f '%e %U %S' -o "$work/time.out" bash -c "$cmd" 2>/dev/null || die "'$cmd' failed"
    cat "$work/time.out" >>"$work/$label.runs"
  done
  echo "$(cut -d' ' -f1 "$work/$label.runs" | median) $(awk '{print $2 + $3}' "$work/$label.runs" | median)"
}
runs_list() { awk '{printf "%.2f/%.2f ", $1, $2 + $3}' "$work/$1.runs"; }

echo "== machine"
echo "nproc: $(nproc)"
echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "resume-analyser: $exe ($build_type)"
echo "python-docx: $("$py" -c 'import docx, sys; print(getattr(docx, "__version__", "?"), "on Python", sys.version.split()[0])')"
echo "corpus: $corpus: $n DOCX files ($lo written by LibreOffice, the rest by pandoc), $(du -sh "$corpus" | cut -f1)"
echo

# One untimed run that must read every file.
"$exe" batch "$corpus" --format jsonl -j "$jobs" --no-progress >"$work/check.jsonl" 2>"$work/check.err" || {
  cat "$work/check.err" >&2
  die "resume-analyser batch failed on the corpus"
}
echo "check: $(tail -1 "$work/check.err")"
echo

echo "== throughput (median of $runs runs, $py_runs for python-docx, after one warm-up each)"
ours_cmd="'$exe' batch '$corpus' --format jsonl -j $jobs --no-progress > /dev/null"
py_cmd="'$py' '$here/python_docx_baseline.py' '$corpus' 2> /dev/null"
read -r ours ours_cpu <<<"$(time_runs ours "$runs" "$ours_cmd")"
read -r ours1 ours1_cpu <<<"$(time_runs ours1 "$runs" "'$exe' batch '$corpus' --format jsonl -j 1 --no-progress > /dev/null")"
read -r pyt pyt_cpu <<<"$(time_runs python "$py_runs" "$py_cmd")"
# The host's speed drifts over the seconds python-docx takes: in each of
# $py_runs rounds, python-docx runs once between two runs of ours, and the
# round's ratio is python-docx's time over the mean of those two.
: >"$work/rounds"
for _ in $(seq "$py_runs"); do
  /usr/bin/time -f '%e' -o "$work/a.out" bash -c "$ours_cmd" 2>/dev/null || die "'$ours_cmd' failed"
  /usr/bin/time -f '%e' -o "$work/p.out" bash -c "$py_cmd" 2>/dev/null || die "'$py_cmd' failed"
  /usr/bin/time -f '%e' -o "$work/b.out" bash -c "$ours_cmd" 2>/dev/null || die "'$ours_cmd' failed"
  echo "$(cat "$work/a.out") $(cat "$work/p.out") $(cat "$work/b.out")" >>"$work/rounds"
done
rate() { awk -v n="$n" -v t="$1" 'BEGIN {printf "%.1f", n / t}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", b / a}'; }
printf '%-42s %9s %12s %9s %14s\n' "" "wall s" "documents/s" "CPU s" "documents/CPU-s"
printf '%-42s %9.3f %12s %9.3f %14s\n' "resume-analyser batch -j $jobs" "$ours" "$(rate "$ours")" "$ours_cpu" "$(rate "$ours_cpu")"
printf '%-42s %9.3f %12s %9.3f %14s\n' "resume-analyser batch -j 1" "$ours1" "$(rate "$ours1")" "$ours1_cpu" "$(rate "$ours1_cpu")"
printf '%-42s %9.3f %12s %9.3f %14s\n' "python-docx (one process, paragraphs only)" "$pyt" "$(rate "$pyt")" "$pyt_cpu" "$(rate "$pyt_cpu")"
echo "runs (wall/CPU s): ours -j $jobs: $(runs_list ours)"
echo "runs (wall/CPU s): ours -j 1: $(runs_list ours1)"
echo "runs (wall/CPU s): python-docx: $(runs_list python)"
r="$(ratio "$ours" "$pyt")"
met=$(awk -v r="$r" 'BEGIN {print (r >= 30) ? "MET" : "NOT MET"}')
echo "throughput ratio, wall time, ours -j $jobs / python-docx: ${r}x (target >= 30x: $met)"
echo "rounds (ours, python-docx, ours; wall s): $(awk '{printf "%s/%s/%s ", $1, $2, $3}' "$work/rounds")"
echo "throughput ratio, wall time, per round (python-docx between two runs of ours): $(awk '{printf "%.1fx ", 2 * $2 / ($1 + $3)}' "$work/rounds")median $(awk '{print 2 * $2 / ($1 + $3)}' "$work/rounds" | median | awk '{printf "%.1f", $1}')x"
echo "throughput ratio, wall time, ours -j 1 / python-docx: $(ratio "$ours1" "$pyt")x (one core each)"
echo "throughput ratio, CPU time, ours -j $jobs / python-docx: $(ratio "$ours_cpu" "$pyt_cpu")x (per CPU-second: independent of the load of other processes)"
echo

echo "== peak memory (max RSS, batch - with a list of paths, -j $jobs)"
for total in 1000 10000; do
  : >"$work/list-$total.txt"
  while [ "$(wc -l <"$work/list-$total.txt")" -lt "$total" ]; do cat "$work/corpus.txt" >>"$work/list-$total.txt"; done
  head -n "$total" "$work/list-$total.txt" >"$work/list.tmp" && mv "$work/list.tmp" "$work/list-$total.txt"
  /usr/bin/time -f '%M %e' -o "$work/mem-$total.txt" \
    "$exe" batch - --format jsonl -j "$jobs" --no-progress <"$work/list-$total.txt" >/dev/null 2>"$work/mem-$total.err" || {
    cat "$work/mem-$total.err" >&2
    die "batch over $total paths failed"
  }
  read -r kib secs <"$work/mem-$total.txt"
  echo "$kib" >"$work/kib-$total"
  printf '%6d files: %8d KiB max RSS (%.1f MiB), %.2f s\n' "$total" "$kib" "$(awk -v k="$kib" 'BEGIN {print k / 1024}')" "$secs"
done
k1="$(cat "$work/kib-1000")"
k10="$(cat "$work/kib-10000")"
awk -v a="$k1" -v b="$k10" 'BEGIN {
  printf "10,000 / 1,000 files: %.3f (target: does not grow; within 10 %%: %s)\n", b / a, (b <= a * 1.10) ? "MET" : "NOT MET" }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
