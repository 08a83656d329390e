#!/usr/bin/env bash
# fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
# Seeds the corpora (fuzz/seeds.sh), replays fuzz/regressions/, then runs each
# fuzz target (default: every fuzz_* built in BUILD_DIR/fuzz) for SECONDS with libFuzzer, one after the
# other, and prints the executions per target. Exits 1 when any target found
# a crash, leak, timeout or out-of-memory (the input is saved in
# BUILD_DIR/fuzz-artifacts/, the log in BUILD_DIR/fuzz-logs/), 2 on bad usage.
# Extra libFuzzer flags can be given in RA_FUZZ_FLAGS (e.g. "-runs=1000000").
# BUILD_DIR must have been configured with -DRA_FUZZ=ON (docs/fuzzing.md).
set -euo pipefail
if (($# < 2)); then
  echo "usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]   (targets: fuzz_docx fuzz_html fuzz_text fuzz_keywords ...)" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
seconds=$2
shift 2
targets=("$@")
if ((${#targets[@]} == 0)); then  # every fuzz target built
  for exe in "$build"/fuzz/fuzz_*; do
    if [[ -x $exe && ! -d $exe ]]; then targets+=("$(basename "$exe")"); fi
  done
fi
if ((${#targets[@]} == 0)); then
  echo "run.sh: no fuzz targets in $build/fuzz: configure with -DRA_FUZZ=ON and build" >&2
  exit 2
fi

"$here/seeds.sh" "$build"
artifacts=$build/fuzz-artifacts
logs=$build/fuzz-logs
mkdir -p "$artifacts" "$logs"

failed=()
for t in "${targets[@]}"; do
  exe=$build/fuzz/$t
  if [[ ! -x $exe ]]; then
    echo "run.sh: $exe missing: configure with -DRA_FUZZ=ON and build target fuzz_all" >&2
    exit 2
  fi
  flags=(-rss_limit_mb=1024 -timeout=5 -print_final_stats=1 -artifact_prefix="$artifacts/$t-")
  dict=$here/${t#fuzz_}.dict
  [[ -f $dict ]] && flags+=(-dict="$dict")
  # Role files: every real one but ml-engineer.yaml (73 KB) is under 8 KB.
  # Without a limit libFuzzer takes the largest seed's size, and inputs grown
  # from it spend their time in the YAML parser (docs/fuzzing.md).
  [[ $t == fuzz_keywords ]] && flags+=(-max_len=8192)

  # Inputs that once failed must keep passing.
  shopt -s nullglob
  regressions=("$here"/regressions/"$t"-*)
  shopt -u nullglob
  if ((${#regressions[@]})); then
    if ! (cd "$build/fuzz-work" && "$exe" "${flags[@]}" "${regressions[@]}") >"$logs/$t-regressions.log" 2>&1; then
      echo "run.sh: $t: a regression input fails again; see $logs/$t-regressions.log" >&2
      tail -n 30 "$logs/$t-regressions.log" >&2
      failed+=("$t")
      continue
    fi
    echo "run.sh: $t: ${#regressions[@]} regression inputs pass"
  fi

  log=$logs/$t.log
  start=$(date +%s)
  status=0
  # shellcheck disable=SC2086  # RA_FUZZ_FLAGS is a list of flags
  (cd "$build/fuzz-work" && "$exe" "${flags[@]}" -max_total_time="$seconds" ${RA_FUZZ_FLAGS:-} \
      "$build/fuzz-corpus/$t") >"$log" 2>&1 || status=$?
  elapsed=$(($(date +%s) - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  peak=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)
  corpus=$(find "$build/fuzz-corpus/$t" -maxdepth 1 -type f | wc -l)
  if ((status != 0)); then
    echo "run.sh: $t: FAILED (exit $status) after ${execs:-?} executions in ${elapsed}s; log $log" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|fuzz_.*contract violated|artifact_prefix|Test unit written)' "$log" | head -n 20 >&2 || true
    failed+=("$t")
  else
    echo "run.sh: $t: ${execs:-?} executions in ${elapsed}s, peak RSS ${peak:-?} MB, corpus $corpus files"
  fi
done

if ((${#failed[@]})); then
  echo "run.sh: failed: ${failed[*]} (inputs in $artifacts)" >&2
  exit 1
fi
echo "run.sh: all ${#targets[@]} targets ran ${seconds}s without a finding"
