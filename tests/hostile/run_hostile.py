#!/usr/bin/env python3
"""Runs resume-analyser over the hostile corpus and checks every case (see cases.py).

Usage:  run_hostile.py BUILD_DIR SAMPLES_DIR

Writes the corpus into BUILD_DIR/tests/hostile-corpus and the environment cases into
BUILD_DIR/tests/hostile-env (both recreated), copies the good samples (*.docx, *.html, *.txt)
into the corpus (and the strong DOCX into the environment folder: every input the analyser
reads is a copy in these two folders), records every input's sha256, size and mtime, then:
  1. runs each case (cases.py) and checks exit status, stderr (exactly the expected lines, one
     line per message, prefixed "resume-analyser: "), stdout, wall time < 1 s, peak RSS < 200 MB;
  2. runs `batch CORPUS --format jsonl -j 2 --no-progress` and checks every file is reported
     once, in path order, the good samples pass with their scores (strong 84.7, weak 12.8), each
     hostile file has its status and the same reason `score` gave, the summary line, exit 2;
  3. checks that no input changed and no file appeared in the input folders.
Prints a table and exits 1 on any failure (each with its reason), 0 otherwise. Checks marked
xfail in cases.py (known bugs, cases.BUGS) are reported but do not fail the run.
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)

import cases as case_table  # noqa: E402
import make_hostile  # noqa: E402
from run_one import Run  # noqa: E402

MAX_SECONDS = 1.0
MAX_WALL_SECONDS = 5.0  # hang guard when the CPU time is within MAX_SECONDS
MAX_MB = 200.0
TIME_ATTEMPTS = 3          # a run over MAX_SECONDS is repeated (a busy machine), best one kept
BATCH_MAX_SECONDS = 20.0
# RA_HOSTILE_SANITIZED=1: the build under test is a sanitizer build (fuzz/ci.sh), whose
# shadow memory and checks make it many times slower and larger: every check but time and
# memory still applies, and a run is only a hang after SANITIZED_TIMEOUT seconds.
SANITIZED = os.environ.get("RA_HOSTILE_SANITIZED", "") not in ("", "0")
CASE_TIMEOUT = 600.0 if SANITIZED else 20.0
BATCH_TIMEOUT = 1800.0 if SANITIZED else 120.0
PREFIX = "resume-analyser: "
SAMPLE_SCORES = {"strong": 84.7, "weak": 12.8}


class Result:
    def __init__(self, name):
        self.name = name
        self.failures = []   # (check, reason)
        self.xfails = []     # (check, bug id, reason)
        self.xpasses = []    # (check, bug id)
        self.run = None
        self.attempts = 1

    def fail(self, check, reason):
        self.failures.append((check, reason))

    def check(self, check, ok, reason, xfail=None):
        if ok and xfail:
            self.xpasses.append((check, xfail))
        elif not ok and xfail:
            self.xfails.append((check, xfail, reason))
        elif not ok:
            self.fail(check, reason)

    @property
    def status(self):
        if self.failures:
            return "FAIL"
        if self.xfails:
            return "XFAIL"
        if self.xpasses:
            return "XPASS"
        return "ok"


def run(argv, timeout=20.0):
    """Runs argv through a fresh run_one.py process (see its docstring: this process's own
    memory would otherwise be counted as the child's peak)."""
    with tempfile.TemporaryDirectory() as tmp:
        out, err = os.path.join(tmp, "out"), os.path.join(tmp, "err")
        p = subprocess.run([sys.executable, "-B", os.path.join(HERE, "run_one.py"), "--json",
                            "--stdout-file", out, "--stderr-file", err, "--timeout", str(timeout), "--"]
                           + list(argv), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL, timeout=timeout + 30)
        if p.returncode != 0:
            raise RuntimeError(f"run_one.py failed ({p.returncode}): {p.stderr.decode(errors='replace')}")
        m = json.loads(p.stdout)
        with open(out, "rb") as f:
            stdout = f.read()
        with open(err, "rb") as f:
            stderr = f.read()
    return Run(list(argv), m["exit"], m["seconds"], m["cpu"], m["peak_mb"], stdout, stderr, m["timed_out"])


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def snapshot(folders):
    """path -> (sha256, size, mtime_ns) for every file under `folders`."""
    out = {}
    for folder in folders:
        for root, _, files in os.walk(folder):
            for name in files:
                p = os.path.join(root, name)
                st = os.stat(p)
                out[p] = (sha256(p), st.st_size, st.st_mtime_ns)
    return out


def lines_of(data):
    text = data.decode("utf-8", errors="replace")
    return text.splitlines() if text else []


def fill(template, places, regex):
    for key, value in places.items():
        template = template.replace("{" + key + "}", re.escape(value) if regex else value)
    return template


def shape_problem(line):
    """Why `line` is not a clean one-line message, or None."""
    if not line.startswith(PREFIX):
        return f"does not start with {PREFIX!r}"
    if any(ord(c) < 0x20 and c != "\t" for c in line) or "\ufffd" in line:
        return "holds control characters or invalid UTF-8"
    if len(line) > 2000:
        return f"is {len(line)} characters long"
    return None


def run_case(exe, case, places):
    r = Result(case["name"])
    xfail = case["xfail"]
    argv = [exe] + [fill(a, places, regex=False) for a in case["argv"]]
    run_ = run(argv, timeout=CASE_TIMEOUT)
    r.run = run_
    r.seconds = run_.seconds
    if run_.timed_out:
        r.fail("hang", f"still running after {CASE_TIMEOUT:.0f} s (killed)")
        return r
    if run_.exit < 0:
        r.fail("crash", f"killed by signal {-run_.exit}")
    r.check("exit", run_.exit in case["exits"],
            f"exit status {run_.exit}, expected {' or '.join(map(str, case['exits']))}", xfail.get("exit"))

    err = lines_of(run_.stderr)
    if case["stderr"] is not None:
        expected = case["stderr"]
    else:
        expected = [] if run_.exit == 0 else [case["error_line"]]
    r.check("stderr-lines", len(err) == len(expected),
            f"{len(err)} stderr lines, expected {len(expected)}: {err[:6]!r}")
    for i, line in enumerate(err):
        problem = shape_problem(line)
        if problem:
            r.fail("one-line", f"stderr line {i + 1} {problem}: {line[:200]!r}")
    for i, (pattern, bug) in enumerate(expected):
        if i >= len(err):
            break
        body = err[i][len(PREFIX):] if err[i].startswith(PREFIX) else err[i]
        # Enforced even when the text is a known bug: a corpus file's message names it first.
        if case["file"] and "{file}" in pattern:
            lead = places["file"] + ": "
            r.check("names-file", body.startswith(lead), f"message does not start with {lead!r}: {body!r}")
        r.check("message", re.fullmatch(fill(pattern, places, regex=True), body) is not None,
                f"stderr line {i + 1} {body!r} does not match {pattern!r}", bug)

    out = run_.stdout.decode("utf-8", errors="replace")
    stdout_re = case["stdout_re"] or (case_table.REPORT if run_.exit == 0 else None)
    if stdout_re is None:
        r.check("stdout", out == "", f"expected no stdout on an error, got {out[:120]!r}")
    else:
        r.check("stdout", re.match(stdout_re, out) is not None,
                f"stdout does not match {stdout_re!r}: {out[:120]!r}")

    if SANITIZED:
        return r
    r.check("memory", run_.peak_mb < MAX_MB, f"peak RSS {run_.peak_mb:.1f} MB >= {MAX_MB:.0f} MB",
            xfail.get("memory"))
    best = run_.seconds
    # Over the limit on a busy machine: try again, keep the best (not for a known slow case).
    while best >= MAX_SECONDS and r.attempts < TIME_ATTEMPTS and not r.failures and "time" not in xfail:
        r.attempts += 1
        best = min(best, run(argv, timeout=20.0).seconds)
    r.seconds = best
    # On a loaded machine wall time measures the neighbours: within the limit
    # in wall time, or in CPU time with wall time under MAX_WALL_SECONDS.
    in_time = best < MAX_SECONDS or (run_.cpu < MAX_SECONDS and best < MAX_WALL_SECONDS)
    r.check("time", in_time,
            f"wall time {best:.2f} s >= {MAX_SECONDS} s (best of {r.attempts}, cpu {run_.cpu:.2f} s)",
            xfail.get("time"))
    return r


def run_batch(exe, corpus, corpus_cases, score_exits, score_messages):
    r = Result("batch (jsonl, -j 2)")
    argv = [exe, "batch", corpus, "--format", "jsonl", "-j", "2", "--no-progress"]
    run_ = run(argv, timeout=BATCH_TIMEOUT)
    r.run = run_
    r.seconds = run_.seconds
    if run_.timed_out:
        r.fail("hang", f"batch still running after {BATCH_TIMEOUT:.0f} s (killed)")
        return r
    if run_.exit < 0:
        r.fail("crash", f"batch killed by signal {-run_.exit}")
    r.check("exit", run_.exit == 2, f"batch exit status {run_.exit}, expected 2")
    if not SANITIZED:
        memory_bugs = sorted({c["xfail"]["memory"] for c in corpus_cases if c["in_batch"] and "memory" in c["xfail"]})
        r.check("memory", run_.peak_mb < MAX_MB, f"batch peak RSS {run_.peak_mb:.1f} MB >= {MAX_MB:.0f} MB",
                ",".join(memory_bugs) or None)
        r.check("time", run_.seconds < BATCH_MAX_SECONDS, f"batch took {run_.seconds:.1f} s")

    files = sorted(n for n in os.listdir(corpus) if not n.startswith("."))
    reported = []
    records = {}
    for i, line in enumerate(lines_of(run_.stdout)):
        try:
            j = json.loads(line)
            name = os.path.relpath(j["file"], corpus)
            reported.append(name)
            records.setdefault(name, j)
        except (ValueError, KeyError, TypeError) as e:
            r.fail("jsonl", f"stdout line {i + 1} is not a JSON object with 'file': {e}: {line[:200]!r}")
    dupes = sorted({n for n in reported if reported.count(n) > 1})
    r.check("once", not dupes, f"reported more than once: {dupes}")
    missing = sorted(set(files) - set(reported))
    extra = sorted(set(reported) - set(files))
    r.check("every-file", not missing and not extra,
            f"{len(reported)} lines for {len(files)} files; missing {missing}, unexpected {extra}")
    r.check("order", reported == files, "files not reported in path order")

    by_file = {c["file"]: c for c in corpus_cases if c["in_batch"]}
    expect_pass = expect_error = 0
    for name in files:
        j = records.get(name)
        if j is None:
            continue
        sample = next((k for k in SAMPLE_SCORES if name.startswith(k + "-ml-engineer")), None)
        if name in by_file:
            # A read file passes (role thresholds are 0), a refused one is an error. Where either
            # outcome is acceptable, batch must agree with what `score` did.
            exits = by_file[name]["exits"]
            outcome = exits[0] if len(exits) == 1 else score_exits.get(name)
            want = "pass" if outcome == 0 else "error"
            r.check("status", j.get("status") == want, f"{name}: status {j.get('status')!r}, expected {want!r}")
            if want == "error":
                expect_error += 1
                said = score_messages.get(name)
                got = j.get("error", "")
                r.check("error-text", isinstance(got, str) and "\n" not in got and got != "",
                        f"{name}: error field is not one line: {got!r}")
                if said is not None and score_exits.get(name) != 0:
                    r.check("same-reason", got == said, f"{name}: batch says {got!r}, score said {said!r}")
            else:
                expect_pass += 1
        elif sample:
            expect_pass += 1
            score = j.get("score")
            r.check("sample", j.get("status") == "pass" and isinstance(score, (int, float))
                    and abs(score - SAMPLE_SCORES[sample]) < 0.05,
                    f"{name}: status {j.get('status')!r} score {score!r}, expected pass {SAMPLE_SCORES[sample]}")
        else:
            r.fail("unknown", f"{name} is neither a case nor a sample")

    err = lines_of(run_.stderr)
    summary = re.fullmatch(re.escape(PREFIX) + r"(\d+) files: (\d+) passed, (\d+) failed, (\d+) errors; .*",
                           err[0]) if len(err) == 1 else None
    r.check("summary", summary is not None, f"stderr is not one summary line: {err[:5]!r}")
    if summary:
        got = tuple(int(x) for x in summary.groups())
        want = (len(files), expect_pass, 0, expect_error)
        r.check("summary", got == want, f"summary counts {got}, expected {want}")
    r.message = err[0][len(PREFIX):] if len(err) == 1 else ""
    return r


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 64
    build, samples = (os.path.abspath(a) for a in argv)
    exe = os.path.join(build, "resume-analyser")
    bad_plugins = os.path.join(build, "tests", "bad_plugins")
    for need in (exe, os.path.join(bad_plugins, "wrong_abi_plugin.so"),
                 os.path.join(bad_plugins, "no_exports_plugin.so"),
                 os.path.join(samples, "strong-ml-engineer.docx")):
        if not os.path.exists(need):
            print(f"run_hostile: missing {need} (build everything first)", file=sys.stderr)
            return 1
    corpus = os.path.join(build, "tests", "hostile-corpus")
    env = os.path.join(build, "tests", "hostile-env")
    for folder in (corpus, env):
        shutil.rmtree(folder, ignore_errors=True)
    t0 = time.monotonic()
    os.makedirs(corpus)
    make_hostile.write_corpus(corpus, samples)
    make_hostile.write_env(env, bad_plugins)
    # The analyser reads copies only, so that the input check below watches nothing but this
    # test's own folders (samples/ may be regenerated by someone else meanwhile).
    shutil.copyfile(os.path.join(samples, "strong-ml-engineer.docx"), os.path.join(env, "strong-ml-engineer.docx"))
    copied = []
    for name in sorted(os.listdir(samples)):
        if name.endswith((".docx", ".html", ".txt")):
            shutil.copyfile(os.path.join(samples, name), os.path.join(corpus, name))
            copied.append(name)
    generated = time.monotonic() - t0

    corpus_cases = case_table.corpus_cases()
    all_cases = corpus_cases + case_table.env_cases()
    missing_files = [c["file"] for c in all_cases if c["file"] and not os.path.exists(os.path.join(corpus, c["file"]))]
    if missing_files:
        print(f"run_hostile: the generator did not write {missing_files}", file=sys.stderr)
        return 1
    before = snapshot([corpus, env])
    floor = run(["true"])
    print(f"corpus: {corpus} ({len(os.listdir(corpus))} files: {len(copied)} samples, generated in "
          f"{generated:.1f} s); peak-memory floor of the measurement (`true`): {floor.peak_mb:.1f} MB")

    results = []
    score_messages = {}
    score_exits = {}
    for case in all_cases:
        places = {"corpus": corpus, "env": env,
                  "file": os.path.join(corpus, case["file"]) if case["file"] else ""}
        res = run_case(exe, case, places)
        res.case = case
        err = lines_of(res.run.stderr)
        res.message = err[-1][len(PREFIX):] if err else ""
        if case["in_batch"]:
            score_exits[case["file"]] = res.run.exit
            if err and res.run.exit != 0:
                score_messages[case["file"]] = err[-1][len(PREFIX):]
        results.append(res)

    batch = run_batch(exe, corpus, corpus_cases, score_exits, score_messages)
    batch.case = {"exit": 2}
    results.append(batch)

    after = snapshot([corpus, env])
    inputs = Result("inputs unchanged")
    inputs.seconds = 0.0
    changed = sorted(p for p in before if p in after and after[p] != before[p])
    gone = sorted(set(before) - set(after))
    new = sorted(set(after) - set(before))
    inputs.check("unchanged", not changed, f"inputs written to: {changed}")
    inputs.check("unchanged", not gone, f"inputs removed: {gone}")
    inputs.check("no-new-files", not new, f"files appeared in the input folders: {new}")
    inputs.message = f"{len(before)} files, sha256 + size + mtime compared"

    # --- report
    def short(res):
        msg = getattr(res, "message", "")
        f = getattr(res, "case", {}).get("file") if hasattr(res, "case") else None
        if f:
            msg = msg.replace(os.path.join(corpus, f) + ": ", "")
        for base, label in ((corpus, "CORPUS"), (env, "ENV"), (samples, "SAMPLES")):
            msg = msg.replace(base, label)
        return msg if len(msg) <= 110 else msg[:107] + "..."

    print(f"\n{'case':38} {'result':6} {'exit':>4} {'s':>5} {'MB':>6}  message")
    for res in results + [inputs]:
        run_ = res.run
        exit_ = str(run_.exit) if run_ else "-"
        secs = f"{res.seconds:.2f}" if run_ else "-"
        mb = f"{run_.peak_mb:.0f}" if run_ else "-"
        print(f"{res.name:38} {res.status:6} {exit_:>4} {secs:>5} {mb:>6}  {short(res)}")

    failed = [res for res in results + [inputs] if res.failures]
    xfailed = [res for res in results if res.xfails]
    xpassed = [res for res in results if res.xpasses]
    bugs = sorted({b for res in xfailed for _, b, _ in res.xfails})
    if xfailed:
        print("\nKnown bugs (XFAIL, not counted as failures):")
        for b in bugs:
            print("  " + " / ".join(case_table.BUGS[x] for x in b.split(",")))
            for res in xfailed:
                for check, bug, reason in res.xfails:
                    if bug == b:
                        print(f"    - {res.name}: {reason}")
    if xpassed:
        print("\nXPASS: these checks passed although marked as a known bug (if the bug is fixed, remove "
              "the marker in tests/hostile/cases.py):")
        for res in xpassed:
            for check, bug in res.xpasses:
                print(f"  - {res.name}: {check} ({bug})")
    if failed:
        print("\nFAILURES:")
        for res in failed:
            for check, reason in res.failures:
                print(f"  - {res.name} [{check}]: {reason}")
            if res.run is not None:
                print(f"      command: {' '.join(res.run.argv)}")
        print(f"\nhostile corpus: {len(failed)} of {len(results) + 1} checks groups FAILED")
        return 1
    print(f"\nhostile corpus: all {len(results) + 1} groups passed "
          f"({len(xfailed)} with known-bug checks marked XFAIL)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
