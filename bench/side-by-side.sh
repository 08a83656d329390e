#!/usr/bin/env bash
# side-by-side.sh — two or more commands timed alternately (docs/benchmarks.md).
#
#   bench/side-by-side.sh RUNS 'COMMAND A' 'COMMAND B' ...
#
# Runs each command once per round, RUNS rounds, in turn (A B A B ...), so
# that a change in the machine's load falls on all of them alike; output goes
# to /dev/null. Prints, per command, the median wall time and the median CPU
# time (user + system) from /usr/bin/time. Used to compare two builds, e.g.
#   bench/side-by-side.sh 15 "old/resume-analyser batch build/bench-corpus --format jsonl --no-progress" \
#                            "build/resume-analyser batch build/bench-corpus --format jsonl --no-progress"
set -euo pipefail
if (($# < 2)); then
  echo "usage: bench/side-by-side.sh RUNS 'COMMAND' ['COMMAND' ...]" >&2
  exit 2
fi
command -v /usr/bin/time >/dev/null || { echo "side-by-side.sh: apt-get install -y time" >&2; exit 2; }
runs=$1
shift
commands=("$@")
tmp=$(mktemp -d /tmp/ra-side-by-side.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
for ((r = 0; r < runs; r++)); do
  for i in "${!commands[@]}"; do
    /usr/bin/time -f "%e %U %S" -a -o "$tmp/$i" bash -c "${commands[$i]} >/dev/null 2>&1"
  done
done
for i in "${!commands[@]}"; do
  python3 - "$tmp/$i" "${commands[$i]}" <<'PY'
import statistics, sys
rows = [list(map(float, line.split())) for line in open(sys.argv[1]) if line[:1].isdigit()]
wall = statistics.median(r[0] for r in rows)
cpu = statistics.median(r[1] + r[2] for r in rows)
print(f"wall {wall:.3f} s  cpu {cpu:.3f} s  ({len(rows)} runs)  {sys.argv[2]}")
PY
done
