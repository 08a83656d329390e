#!/usr/bin/env python3
"""paired-cpu.py — CPU time of two or more commands, run in alternating rounds (docs/benchmarks.md).

    bench/paired-cpu.py ROUNDS 'COMMAND A' 'COMMAND B' ...

Each round runs every command once, in turn, under `perf stat -e task-clock` (CPU time of the
command and its threads, to the microsecond; /usr/bin/time, which bench/side-by-side.sh uses,
counts in 10 ms steps), with its output thrown away. Prints, per command, the median and the
fastest CPU time in ms, and for each command after the first the median and quartiles of its
per-round ratio to the first: a round puts both sides of a ratio under the same load of the
host, whose speed drifts by more than the differences measured here. Needs `perf`
(Debian: linux-perf).
"""
import shutil
import statistics
import subprocess
import sys


def cpu_ms(command: str) -> float:
    """CPU time of one run of `command` (through bash), in ms."""
    run = subprocess.run(
        ["perf", "stat", "-x", ",", "-e", "task-clock", "--", "bash", "-c", f"{command} >/dev/null 2>&1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    for line in run.stderr.splitlines():
        fields = line.split(",")
        if len(fields) > 2 and fields[2].startswith("task-clock"):
            return float(fields[0])
    sys.exit(f"paired-cpu.py: no task-clock from perf for: {command}\n{run.stderr}")


def main() -> None:
    if len(sys.argv) < 3 or not sys.argv[1].isdigit() or int(sys.argv[1]) < 2:
        sys.exit("usage: bench/paired-cpu.py ROUNDS 'COMMAND' ['COMMAND' ...]  (ROUNDS >= 2)")
    if shutil.which("perf") is None:
        sys.exit("paired-cpu.py: perf not found (apt-get install -y linux-perf)")
    rounds, commands = int(sys.argv[1]), sys.argv[2:]
    times = [[] for _ in commands]
    for _ in range(rounds):
        for i, command in enumerate(commands):
            times[i].append(cpu_ms(command))
    for i, command in enumerate(commands):
        print(f"median {statistics.median(times[i]):8.1f} ms  fastest {min(times[i]):8.1f} ms  {command}")
    for i in range(1, len(commands)):
        ratios = [b / a for a, b in zip(times[0], times[i])]
        q1, _, q3 = statistics.quantiles(ratios, n=4)
        print(f"command {i + 1} / command 1, per round: median {statistics.median(ratios):.3f}, "
              f"quartiles {q1:.3f}..{q3:.3f} ({rounds} rounds)")


if __name__ == "__main__":
    main()
