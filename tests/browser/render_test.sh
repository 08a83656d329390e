#!/bin/sh
# Renders the HTML reports in headless Chromium and checks what a reader
# would see: the DOM after parsing and scripts (check_dom.py) and a screenshot
# that is not blank (png_stats.py). Network is off: background networking,
# component updates, sync and QUIC are disabled, every host name resolves to
# nothing, and the page's own Content Security Policy forbids every fetch;
# any "Refused to ..." message from Chromium fails the test.
#
# Usage: render_test.sh BUILD_DIR SAMPLES_DIR [SCORE_HTML BATCH_HTML]
#   Without the pages, makes them with BUILD_DIR/resume-analyser:
#     score SAMPLES_DIR/strong-ml-engineer.docx --format html --as-of 2026-11
#     batch SAMPLES_DIR --format html --as-of 2026-11 --min-score 60
#   and skips (exit 77) when that executable rejects --format html.
#   Given pages (e.g. BUILD_DIR/tests/html/*.html, written by ra_tests) are
#   checked as they are; BATCH_HTML must cover the files of SAMPLES_DIR.
# Environment: CHROMIUM (default: chromium), KEEP_SHOTS=DIR keeps the
# screenshots and DOM dumps there.
set -u

build=${1:?usage: render_test.sh BUILD_DIR SAMPLES_DIR [SCORE_HTML BATCH_HTML]}
samples=${2:?usage: render_test.sh BUILD_DIR SAMPLES_DIR [SCORE_HTML BATCH_HTML]}
here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-chromium}

skip() { echo "SKIP: $*"; exit 77; }
die() { echo "FAIL: $*" >&2; exit 1; }

command -v "$chromium" >/dev/null 2>&1 || skip "$chromium not installed (apt-get install chromium)"
command -v python3 >/dev/null 2>&1 || die "python3 is needed"

work=$(mktemp -d "${TMPDIR:-/tmp}/ra-render.XXXXXX") || die "mktemp"
trap 'rm -rf "$work"' EXIT INT TERM

if [ $# -ge 4 ]; then
  cp "$3" "$work/score.html" || die "cannot read $3"
  cp "$4" "$work/batch.html" || die "cannot read $4"
else
  exe="$build/resume-analyser"
  [ -x "$exe" ] || die "$exe not built"
  if ! "$exe" score "$samples/strong-ml-engineer.docx" --format html --as-of 2026-11 \
      >"$work/score.html" 2>"$work/score.err"; then
    if grep -qi "format" "$work/score.err"; then
      skip "resume-analyser score rejects --format html: $(head -n 1 "$work/score.err")"
    fi
    die "resume-analyser score failed: $(cat "$work/score.err")"
  fi
  # Exit 1 (some below the minimum) and 2 (some unreadable) are expected here.
  "$exe" batch --no-progress "$samples" --format html --as-of 2026-11 --min-score 60 \
      >"$work/batch.html" 2>"$work/batch.err"
  status=$?
  if [ "$status" -gt 2 ] || ! grep -q "</html>" "$work/batch.html"; then
    if grep -qi "format" "$work/batch.err"; then
      skip "resume-analyser batch rejects --format html: $(head -n 1 "$work/batch.err")"
    fi
    die "resume-analyser batch failed ($status): $(cat "$work/batch.err")"
  fi
fi

# Files batch reads from SAMPLES_DIR: regular files below it, hidden ones skipped.
rows=$(python3 -c '
import os, sys
n = 0
for root, dirs, files in os.walk(sys.argv[1]):
    dirs[:] = [d for d in dirs if not d.startswith(".")]
    n += sum(1 for f in files if not f.startswith(".") and os.path.isfile(os.path.join(root, f)))
print(n)' "$samples")

# One headless run: $1 = what to do (--dump-dom or --screenshot=FILE), $2 = URL.
browse() {
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
    --disable-background-networking --disable-component-update --disable-sync --no-first-run \
    --disable-quic --disable-extensions --disable-default-apps --no-default-browser-check \
    --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$profile" \
    --enable-logging=stderr --v=0 --hide-scrollbars --window-size=1200,1600 \
    "$1" "$2" 2>"$work/chromium.err"
  code=$?
  if grep -E "Refused to|Content Security Policy|net::ERR_" "$work/chromium.err" >"$work/refused.txt"; then
    cat "$work/refused.txt" >&2
    die "Chromium refused or failed a load for $2"
  fi
  return $code
}

check_page() {  # $1 = score|batch, $2 = file name in $work, then check_dom.py arguments
  kind=$1 page=$2
  shift 2
  url="file://$work/$page"
  echo "== $kind page: DOM"
  browse --dump-dom "$url" >"$work/$page.dom" || die "chromium --dump-dom failed: $(tail -n 5 "$work/chromium.err")"
  python3 "$here/check_dom.py" "$kind" "$work/$page.dom" "$@" || die "$kind page DOM check"
  echo "== $kind page: screenshot"
  browse --screenshot="$work/$page.png" "$url" >/dev/null ||
    die "chromium --screenshot failed: $(tail -n 5 "$work/chromium.err")"
  [ -s "$work/$page.png" ] || die "no screenshot written"
  python3 "$here/png_stats.py" "$work/$page.png" 64 || die "the $kind page screenshot is blank"
}

check_page score score.html
check_page batch batch.html "$rows"

# A hostile file name and résumé text make no element: the page stays intact.
if [ $# -lt 4 ]; then
  hostile="$work/<img src=x onerror=alert(1)>.txt"
  printf '%s\n' "Jane <script>document.title='pwned'</script> Doe" \
    "Experience" "Built machine learning services in Python & SQL <img src=x onerror=alert(2)>" \
    "</li></ol><b onmouseover=alert(3)>Kubernetes</b> https://example.com/x.js" >"$hostile"
  "$exe" score "$hostile" --format html --as-of 2026-11 >"$work/hostile.html" 2>"$work/hostile.err" ||
    die "resume-analyser score on a hostile file failed: $(cat "$work/hostile.err")"
  check_page score hostile.html
  if grep -q "<title>pwned" "$work/hostile.html.dom"; then die "a script in the résumé text ran"; fi
fi

# The table sorts: "#sort=N-desc" in the address sorts by column N on load.
score_col=$(python3 -c '
import sys
sys.path.insert(0, sys.argv[1])
from check_dom import Builder
b = Builder(); b.feed(open(sys.argv[2], encoding="utf-8").read())
heads = b.root.by_id("results").find("thead")[0].find("th")
print([h.all_text().strip() for h in heads].index("Score"))' "$here" "$work/batch.html.dom")
echo "== batch page sorted by score (column $score_col), highest first"
browse --dump-dom "file://$work/batch.html#sort=$score_col-desc" >"$work/sorted.dom" || die "chromium --dump-dom failed"
python3 "$here/check_dom.py" batch "$work/sorted.dom" "$rows" sorted-by-score || die "sorting"

if [ -n "${KEEP_SHOTS:-}" ]; then
  mkdir -p "$KEEP_SHOTS" && cp "$work"/*.png "$work"/*.dom "$KEEP_SHOTS"/ && echo "kept in $KEEP_SHOTS"
fi
echo "PASS"
