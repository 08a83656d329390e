#!/usr/bin/env bash
# fuzz/seeds.sh BUILD_DIR
# Builds the seed corpora of the fuzz targets from the repository's samples and
# test fixtures:
#   BUILD_DIR/fuzz-corpus/fuzz_docx      samples/*.docx, tests/data/docx/*.docx *.zip
#   BUILD_DIR/fuzz-corpus/fuzz_html      samples/*.html, tests/data/html/*.html
#   BUILD_DIR/fuzz-corpus/fuzz_text      samples/*.txt *.md, tests/data/text/*.txt
#   BUILD_DIR/fuzz-corpus/fuzz_wml       the word/*.xml text parts of those DOCX files
#   BUILD_DIR/fuzz-corpus/fuzz_rels      their relationships parts (*.rels)
#   BUILD_DIR/fuzz-corpus/fuzz_keywords  keywords/*.yaml, tests/data/roles/*.yaml
#   BUILD_DIR/fuzz-corpus/fuzz_analysis  samples/*.txt *.md, tests/data/text/*.txt
#   BUILD_DIR/fuzz-corpus/fuzz_F         for any other plugin F (one whose
#                                        fuzz/BUILD_DIR target exists):
#                                        samples/*.F, tests/data/F/*.F
# and BUILD_DIR/fuzz-work/, the working folder of fuzz_keywords, holding the same
# role files so that an input's `extends:` can find them. Files are copied in;
# whatever a fuzzer added to a corpus folder earlier is kept. Corpora live in the
# build folder and are never committed.
set -euo pipefail
if (($# != 1)); then
  echo "usage: fuzz/seeds.sh BUILD_DIR" >&2
  exit 2
fi
src=$(cd "$(dirname "$0")/.." && pwd)
build=$1
corpus=$build/fuzz-corpus

seed() {  # seed TARGET FILE...
  local target=$1
  shift
  mkdir -p "$corpus/$target"
  local f
  for f in "$@"; do
    [[ -f $f ]] && cp -f "$f" "$corpus/$target/"
  done
  return 0
}

shopt -s nullglob
seed fuzz_docx "$src"/samples/*.docx "$src"/tests/data/docx/*.docx "$src"/tests/data/docx/*.zip
# parts TARGET REGEX: the entries of the DOCX fixtures whose names match REGEX.
parts() {
  mkdir -p "$corpus/$1"
  python3 - "$corpus/$1" "$2" "$src"/samples/*.docx "$src"/tests/data/docx/*.docx <<'PY'
import re, sys, zipfile
out, pattern = sys.argv[1], sys.argv[2]
for path in sys.argv[3:]:
    try:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if re.fullmatch(pattern, name):
                    stem = path.rsplit("/", 1)[-1].replace(".docx", "")
                    open(f"{out}/{stem}-{name.replace('/', '-')}", "wb").write(z.read(name))
    except Exception:
        pass  # hostile fixtures: not every one is a readable ZIP
PY
}
parts fuzz_wml 'word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml'
parts fuzz_rels '.*\.rels'
seed fuzz_html "$src"/samples/*.html "$src"/tests/data/html/*.html
seed fuzz_text "$src"/samples/*.txt "$src"/samples/*.md "$src"/tests/data/text/*.txt
seed fuzz_keywords "$src"/keywords/*.yaml "$src"/tests/data/roles/*.yaml
seed fuzz_analysis "$src"/samples/*.txt "$src"/samples/*.md "$src"/tests/data/text/*.txt
targets=(fuzz_docx fuzz_wml fuzz_rels fuzz_html fuzz_text fuzz_keywords fuzz_analysis)
for exe in "$build"/fuzz/fuzz_*; do
  t=$(basename "$exe")
  [[ -x $exe && ! -d $exe ]] || continue
  case $t in fuzz_docx | fuzz_wml | fuzz_rels | fuzz_html | fuzz_text | fuzz_keywords | fuzz_analysis) continue ;; esac
  f=${t#fuzz_}
  seed "$t" "$src"/samples/*."$f" "$src"/tests/data/"$f"/*."$f"
  targets+=("$t")
done

mkdir -p "$build/fuzz-work"
cp -f "$src"/keywords/*.yaml "$src"/tests/data/roles/*.yaml "$build/fuzz-work/"

for target in "${targets[@]}"; do
  n=$(find "$corpus/$target" -maxdepth 1 -type f | wc -l)
  echo "seeds.sh: $corpus/$target: $n files"
done
