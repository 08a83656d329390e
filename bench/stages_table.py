#!/usr/bin/env python3
"""Markdown tables from stages_bench's JSON output (docs/benchmarks.md).

    build-bench/bench/stages_bench --benchmark_repetitions=5 \\
        --benchmark_out=stages.json --benchmark_out_format=json
    bench/stages_table.py stages.json

Uses the median of the repetitions when there are several (else the one run)
and CPU time. Prints the per-stage table, the ratios to the libzip + pugixml
baseline (target: whole read + analyse within 2x) and the matching-flatness
table (target: 10,000 keywords within 1.5x of 100).
"""
import json
import sys

STAGES = [
    ("Choose", "choose plugin (every plugin sniffs)"),
    ("Extract", "extract (DOCX plugin)"),
    ("Normalise", "normalise (make_document)"),
    ("Tokenise", "tokenise"),
    ("Match", "match (ml-engineer keywords)"),
    ("Analyse", "analyse (Role::analyse, includes tokenise + match)"),
    ("ReadAnalyse", "read_document + analyse (bytes in memory)"),
    ("ReadFileAnalyse", "read_document_file + analyse (as batch)"),
    ("Baseline", "baseline: libzip read + pugixml parse of word/document.xml"),
    ("BaselineText", "baseline + collect w:t text"),
]


def load(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    times = {}  # name -> cpu time in microseconds
    has_median = any(b.get("aggregate_name") == "median" for b in data["benchmarks"])
    for b in data["benchmarks"]:
        if has_median and b.get("aggregate_name") != "median":
            continue
        if not has_median and b.get("run_type") == "aggregate":
            continue
        name = b.get("run_name", b["name"])
        scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[b.get("time_unit", "ns")]
        times[name] = b["cpu_time"] * scale
    return data.get("context", {}), times, has_median


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    context, t, has_median = load(sys.argv[1])
    # The samples in stages_bench's order (kSamples), whatever order the
    # benchmarks ran in (--benchmark_enable_random_interleaving shuffles them).
    order = ["strong-ml-engineer.docx", "weak-ml-engineer.docx", "strong-ml-engineer.libreoffice.docx",
             "weak-ml-engineer.libreoffice.docx"]
    samples = []
    for name in t:
        stage, _, sample = name.partition("/")
        if stage != "MatchFlat" and sample and sample not in samples:
            samples.append(sample)
    samples.sort(key=lambda s: order.index(s) if s in order else len(order))
    what = "median of the repetitions" if has_median else "one run"
    print(f"CPU time per document in µs ({what}); host: {context.get('num_cpus', '?')} CPUs "
          f"at {context.get('mhz_per_cpu', '?')} MHz, built as {context.get('library_build_type', '?')} "
          f"(of libbenchmark itself)\n")
    short = [s.replace("-ml-engineer", "").replace(".docx", "") for s in samples]
    print("| stage | " + " | ".join(short) + " |")
    print("|---|" + "---:|" * len(samples))
    for stage, label in STAGES:
        row = [f"{t[f'{stage}/{s}']:.1f}" if f"{stage}/{s}" in t else "–" for s in samples]
        print(f"| {label} | " + " | ".join(row) + " |")
    print()
    print("Ratios to the baseline (libzip + pugixml parse of word/document.xml); target: whole <= 2.0x\n")
    print("| ratio | " + " | ".join(short) + " |")
    print("|---|" + "---:|" * len(samples))
    for stage, label in [("Extract", "extract / baseline"), ("ReadAnalyse", "read + analyse / baseline"),
                         ("ReadFileAnalyse", "read file + analyse / baseline")]:
        row = []
        for s in samples:
            a, b = t.get(f"{stage}/{s}"), t.get(f"Baseline/{s}")
            row.append(f"{a / b:.1f}x" if a and b else "–")
        print(f"| {label} | " + " | ".join(row) + " |")
    print()
    print("Matching flatness: Matcher::find on strong-ml-engineer.docx, µs per document\n")
    print("| keyword set | 100 | 1,000 | 10,000 | 10,000 / 100 |")
    print("|---|---:|---:|---:|---:|")
    for kind, label in [("distinct", "distinct first words (`datax17`)"),
                        ("shared", "shared first words (`data python17`)")]:
        v = [t.get(f"MatchFlat/{kind}/{n}") for n in (100, 1000, 10000)]
        if None in v:
            continue
        print(f"| {label} | {v[0]:.1f} | {v[1]:.1f} | {v[2]:.1f} | {v[2] / v[0]:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
