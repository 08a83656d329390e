#!/usr/bin/python3
"""python-docx baseline for bench/batch-bench.sh (docs/benchmarks.md).

    python_docx_baseline.py PATH...      (a folder: every .docx below it; "-": paths on stdin)

Opens every DOCX in this one process and extracts its text the way most
python-docx scripts do: the body paragraphs' text joined by newlines
("\\n".join(p.text for p in doc.paragraphs)). It does not read tables,
headers, footers, text boxes or notes, and does no matching at all, so it does
less work than resume-analyser. Prints "N files, C characters, E errors,
S s, R files/s" on stderr; exits 1 when any file could not be read.

Needs python3-docx (apt-get install -y python3-docx), so run it with Debian's
/usr/bin/python3.
"""
import os
import sys
import time

import docx  # python3-docx


def expand(args):
    files = []
    for arg in args:
        if arg == "-":
            files.extend(line.strip() for line in sys.stdin if line.strip())
        elif os.path.isdir(arg):
            found = []
            for root, dirs, names in os.walk(arg):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.extend(os.path.join(root, n) for n in names if n.lower().endswith(".docx"))
            files.extend(sorted(found))
        else:
            files.append(arg)
    return files


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    files = expand(sys.argv[1:])
    start = time.perf_counter()
    chars = errors = 0
    for path in files:
        try:
            document = docx.Document(path)
            text = "\n".join(p.text for p in document.paragraphs)
            chars += len(text)
        except Exception as e:  # a broken file is counted, not fatal
            errors += 1
            print(f"python_docx_baseline: {path}: {e}", file=sys.stderr)
    seconds = time.perf_counter() - start
    rate = len(files) / seconds if seconds > 0 else 0.0
    print(f"{len(files)} files, {chars} characters, {errors} errors, {seconds:.2f} s, {rate:.1f} files/s",
          file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
