#!/bin/sh
# The hostile-input test (ctest: hostile_corpus).
#
# Usage: tests/hostile/run_hostile.sh BUILD_DIR SAMPLES_DIR
#
# Generates the hostile corpus (make_hostile.py) into BUILD_DIR/tests/hostile-corpus, runs
# BUILD_DIR/resume-analyser over every case and over the whole corpus with `batch`, and checks
# exit status, one-line messages, time (< 1 s), peak memory (< 200 MB), batch output, and that
# no input was written to. The cases and their expected outcomes are in cases.py; the checks
# in run_hostile.py; a single command can be measured with run_one.py.
set -eu
if [ $# -ne 2 ]; then
  echo "usage: $0 BUILD_DIR SAMPLES_DIR" >&2
  exit 64
fi
here=$(cd "$(dirname "$0")" && pwd)
python=$(command -v python3 || true)
if [ -z "$python" ]; then
  echo "run_hostile: python3 is required" >&2
  exit 1
fi
exec "$python" -B "$here/run_hostile.py" "$1" "$2"
