#!/usr/bin/env bash
# Installs the build into a fresh prefix, moves it elsewhere, and checks the
# installed executable finds its plugins and roles on its own.
set -euo pipefail
build=$1
samples=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix" "$prefix.moved"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
test -x "$prefix/bin/resume-analyser"
test -f "$prefix/lib/resume-analyser/plugins/docx.so"
test -f "$prefix/lib/resume-analyser/plugins/pdf-engine/pdf_poppler.so"  # pdf.so's reader, loaded on demand
test -f "$prefix/share/resume-analyser/keywords/ml-engineer.yaml"
mv "$prefix" "$prefix.moved"   # relocatable: nothing points at the old prefix
exe="$prefix.moved/bin/resume-analyser"
env -u RESUME_ANALYSER_PLUGIN_PATH -u RESUME_ANALYSER_KEYWORDS_PATH "$exe" plugins | grep -q "^docx"
out=$(cd / && env -u RESUME_ANALYSER_PLUGIN_PATH "$exe" score "$samples/strong-ml-engineer.docx" --role mlops-engineer)
echo "$out" | head -1 | grep -q "for MLOps Engineer (read as docx)"
out=$(cd / && env -u RESUME_ANALYSER_PLUGIN_PATH "$exe" score "$samples/strong-ml-engineer.pdf")
echo "$out" | head -1 | grep -q "(read as pdf)"
echo "install test: passed"
