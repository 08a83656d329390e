#!/usr/bin/env python3
"""Runs one command and measures it: wall time, CPU time and peak resident memory of the child.

Usage:  run_one.py [--timeout S] -- COMMAND [ARG...]
        run_one.py --json --stdout-file F --stderr-file F [--timeout S] -- COMMAND [ARG...]
The first form passes the command's output through, then prints
"exit=N seconds=W cpu=C peak_mb=M". The second (used by run_hostile.py) writes the command's
stdout and stderr to the files and prints one JSON object with those figures.

Peak memory is the child's ru_maxrss as os.wait4 reports it. Linux counts in it the memory
of the process that spawned the child, up to the exec (with vfork: that process's own peak).
That is why run_hostile.py measures through a fresh run_one.py process instead of calling
run() itself: the figure then includes about 15 MB of this small Python process, so it is
an upper bound on what the command used (`true` measures ~15 MB). A command still running
after --timeout seconds (default 20) is killed and reported as timed_out: a hang.
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass


@dataclass
class Run:
    argv: list
    exit: int            # exit status, or -N when killed by signal N
    seconds: float       # wall time
    cpu: float           # user + system CPU time
    peak_mb: float       # ru_maxrss in MB (10^6 bytes)
    stdout: bytes
    stderr: bytes
    timed_out: bool


def run(argv, timeout=20.0, stdin=subprocess.DEVNULL, cwd=None):
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(argv, stdin=stdin, stdout=out, stderr=err, cwd=cwd)
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            try:
                os.kill(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        return Run(list(argv), proc.returncode, seconds, usage.ru_utime + usage.ru_stime,
                   usage.ru_maxrss * 1024 / 1e6, out.read(), err.read(), timed_out.is_set())


def main(args):
    timeout, as_json, files = 20.0, False, {}
    while args and args[0] != "--":
        if args[0] == "--timeout":
            timeout = float(args[1])
            args = args[2:]
        elif args[0] == "--json":
            as_json = True
            args = args[1:]
        elif args[0] in ("--stdout-file", "--stderr-file"):
            files[args[0]] = args[1]
            args = args[2:]
        else:
            break
    if args[:1] == ["--"]:
        args = args[1:]
    if not args or (as_json and len(files) != 2):
        print(__doc__, file=sys.stderr)
        return 64
    r = run(args, timeout)
    if as_json:
        with open(files["--stdout-file"], "wb") as f:
            f.write(r.stdout)
        with open(files["--stderr-file"], "wb") as f:
            f.write(r.stderr)
        print(json.dumps(dict(exit=r.exit, seconds=r.seconds, cpu=r.cpu, peak_mb=r.peak_mb,
                              timed_out=r.timed_out)))
        return 0
    sys.stdout.buffer.write(r.stdout)
    sys.stderr.buffer.write(r.stderr)
    sys.stdout.flush()
    print(f"exit={r.exit} seconds={r.seconds:.3f} cpu={r.cpu:.3f} peak_mb={r.peak_mb:.1f}"
          + (" timed_out" if r.timed_out else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
