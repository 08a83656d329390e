#!/usr/bin/env bash
# fuzz/ci.sh: the sanitizer and fuzzing part of CI (docs/fuzzing.md), run by
# .ci/run after the README's test command. From the repository root:
#   1. scripts/install-deps --fuzz (clang-14, libclang-rt-14-dev);
#   2. build-asan: the whole ctest suite under ASan + UBSan (gcc, Debug), the
#      hostile corpus last and without its time and memory limits;
#   3. build-fuzz: every fuzz target for SECONDS (default 30) with fuzz/run.sh.
# Prints the time after each step; exits non-zero when any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
started=$SECONDS
step() { echo "fuzz/ci.sh: $1 done after $((SECONDS - started)) s"; }

scripts/install-deps --fuzz
no_bench=()
if grep -q RA_BUILD_BENCHMARKS CMakeLists.txt; then no_bench=(-DRA_BUILD_BENCHMARKS=OFF); fi

# hostile_corpus checks that every hostile input is handled in < 1 s wall
# time and < 200 MB, which a Debug ASan build cannot meet (its cases take
# 1-20 s and more under ASan); the Release build of the README's command
# checks those. Here it runs on its own with RA_HOSTILE_SANITIZED=1: every
# other check (exit status, one-line reasons, output, batch, inputs left
# unchanged) under the sanitizers.
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DRA_SANITIZE=ON "${no_bench[@]}"
cmake --build build-asan
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1
ctest --test-dir build-asan --output-on-failure -j2 -E '^hostile_corpus$'
step "sanitizer build and tests"
RA_HOSTILE_SANITIZED=1 ctest --test-dir build-asan --output-on-failure -R '^hostile_corpus$'
unset ASAN_OPTIONS UBSAN_OPTIONS
step "hostile corpus under the sanitizers"

CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DRA_FUZZ=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF "${no_bench[@]}"
cmake --build build-fuzz --target fuzz_all   # the CLI is not needed here
fuzz/run.sh build-fuzz "$seconds"
step "fuzz build and runs"
