"""How long ``mlplab`` takes to start and finish its light commands, next to Python's own floors.

How to run
----------
From the repository root, with mlplab importable (installed, or ``PYTHONPATH=src``)::

    python benchmarks/bench_startup.py               # 15 runs of each command
    python benchmarks/bench_startup.py --repeats 31 --json startup.json

Every command runs in a fresh process (``sys.executable -m mlplab ...``, its
output thrown away), the commands taking turns run after run so that a busy
moment slows them all alike; the table gives the median and the fastest wall
time of each, the median CPU time (user + system: it grows less than the wall
time when other work shares the cores), the median less that of ``python -c
pass`` (what mlplab adds to the interpreter's own start) and as a multiple of
it. In the same
run, two floors: ``python -c pass`` (the interpreter alone) and ``python -c
"import numpy"`` (what any command that computes must pay). The issue's target:
``--help``, ``--version`` and ``trace`` under 0.3 s.

The installed ``mlplab`` script is timed too when it is found next to
``sys.executable``; a ``mlplab`` found first on ``PATH`` elsewhere (a pyenv
shim: a shell script that finds the interpreter, adding about 0.1–0.3 s) is
timed as a row of its own, so that the shim's cost shows apart from mlplab's.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET_SECONDS = 0.3  # the issue's: --help, --version and trace

#: what is timed via ``python -m mlplab``
COMMANDS = (
    ("--version",),
    ("--help",),
    ("trace", "--help"),
    ("trace",),
    ("xor", "--help"),
    ("spirals", "--help"),
)
TARGETED = {("--version",), ("--help",), ("trace",)}


def rows() -> list[tuple[str, list[str], bool]]:
    """``(label, argv, has a target)`` of every row, the floors first."""
    python = sys.executable
    found = [
        ("python -c pass", [python, "-c", "pass"], False),
        ("python -c 'import numpy'", [python, "-c", "import numpy"], False),
    ]
    for command in COMMANDS:
        found.append((f"python -m mlplab {' '.join(command)}", [python, "-m", "mlplab", *command],
                      command in TARGETED))  # fmt: skip
    script = Path(python).parent / "mlplab"
    on_path = shutil.which("mlplab")
    if script.is_file() and os.access(script, os.X_OK):
        for command in (("--version",), ("trace",)):
            found.append((f"{script} {command[0]}", [str(script), *command], command in TARGETED))
    if on_path is not None and Path(on_path).resolve() != script.resolve():
        kind = "shim" if _is_shell_script(Path(on_path)) else "script"
        found += [(f"mlplab --version (PATH: {kind} {on_path})", [on_path, "--version"], False)]
    return found


def _is_shell_script(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            first = handle.readline()
    except OSError:
        return False
    return first.startswith(b"#!") and (b"bash" in first or b"/sh" in first)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(commands: list[tuple[str, list[str], bool]], repeats: int) -> dict[str, dict[str, list[float]]]:
    """Wall and CPU seconds of each command, ``repeats`` times, taking turns (after one warm-up round).

    ``{label: {"wall": [...], "cpu": [...]}}``; CPU time (user + system, of the process and its
    children) grows less than wall time when other work shares the cores.
    """
    times = {label: {"wall": [], "cpu": []} for label, _, _ in commands}
    for round_ in range(repeats + 1):
        for label, argv, _ in commands:
            cpu, start = _children_cpu(), time.perf_counter()
            result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
            elapsed, used = time.perf_counter() - start, _children_cpu() - cpu
            if result.returncode != 0:
                raise SystemExit(f"{label} failed ({result.returncode}): {result.stderr.decode()[-500:]}")
            if round_:  # the first round warms the file cache and .pyc files
                times[label]["wall"].append(elapsed)
                times[label]["cpu"].append(used)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=15, help="runs of each command (default: 15)")
    parser.add_argument("--json", type=Path, help="also write the times here")
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error(f"argument --repeats: must be >= 1, got {args.repeats}")

    located = subprocess.run([sys.executable, "-c", "import mlplab; print(mlplab.__file__)"],
                             capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"python {platform.python_version()} ({sys.executable}), mlplab from {located}")
    print(f"{os.cpu_count()} CPUs, load average {load:.2f}; {args.repeats} runs each, taking turns")
    if load > (os.cpu_count() or 1) / 2:
        print("note: the machine is busy; every time below is longer than on a quiet machine")

    commands = rows()
    times = measure(commands, args.repeats)
    floor = statistics.median(times["python -c pass"]["wall"])
    width = max(len(label) for label, _, _ in commands)
    print(f"\n{'command':<{width}}  median s  fastest s  CPU s (median)  - python -c pass  × python -c pass"
          f"  median < {TARGET_SECONDS} s")  # fmt: skip
    for label, _, targeted in commands:
        wall, cpu = times[label]["wall"], statistics.median(times[label]["cpu"])
        median, fastest = statistics.median(wall), min(wall)
        verdict = ("yes" if median < TARGET_SECONDS else "no") if targeted else ""
        added, ratio = median - floor, median / floor
        print(f"{label:<{width}}  {median:8.3f}  {fastest:9.3f}  {cpu:14.3f}  {added:16.3f}  {ratio:16.1f}"
              f"  {verdict}")  # fmt: skip
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {"python": sys.executable, "mlplab": located, "load_average": load, "repeats": args.repeats,
                   "target_seconds": TARGET_SECONDS, "seconds": times}  # fmt: skip
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
