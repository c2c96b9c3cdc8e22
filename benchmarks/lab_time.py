"""Where the time of ``mlplab all`` goes: per experiment, per section, the report, the whole.

What is measured
----------------
``python -m mlplab all --seed SEED [--quick] --out TMP --no-progress`` runs as a
subprocess into a temporary folder (so start-up and imports count), once with
``--quick`` and once without (``--only quick`` or ``--only full`` for one of
them). For each run:

* **wall**: the wall time of the whole command, report included;
* per experiment, from its ``metrics.json``'s ``timings`` (seconds of the
  experiment's own ``ctx.timed`` sections): every section, ``figures``
  (drawing and saving every figure), ``training`` (every other section: the
  trainings and measurements) and ``total`` (the experiment from its start to
  writing ``metrics.json``, so ``total − training − figures`` is what no
  section covers). ``run_seconds_summed`` of the sweep (its runs' summed time on
  the worker processes, a CPU cost, not wall time) and nested entries are not
  sections;
* **report**: the seconds the command prints for the report
  (``report: done in X s``); the rest of the wall time is the experiments',
  with start-up and staging (less than the sum of their totals where
  ``mlplab all`` runs them side by side, on both cores);
* the load average before and after (``os.getloadavg``): on a busy machine
  every number is larger, and not by the same factor.

With ``--against DIR`` every ``metrics.json`` is compared with ``DIR``'s
(``DIR`` holds the results of ``mlplab all`` with the same seed and the same
``--quick``: e.g. an earlier version's), everything but ``timings``, and the
differing keys are listed: a speed-up must leave every number as it was.
``--compare A B`` compares two results folders so, without running anything.

How to run
----------
From the repository root, with mlplab and its ``lab`` extra installed::

    python benchmarks/lab_time.py                          # --quick, then the full run (minutes)
    python benchmarks/lab_time.py --only quick --against /tmp/quick-before
    python benchmarks/lab_time.py --compare /tmp/before /tmp/after

The tables go to the terminal, everything (with each experiment's raw
``timings``) to the JSON file.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import write_json_atomic

DEFAULT_JSON = Path(__file__).resolve().parent / "results" / "lab_time.json"
#: entries of ``timings`` that are not sections of the experiment's wall time
NOT_SECTIONS = ("total", "run_seconds_summed")
_REPORT_LINE = re.compile(r"^report: done in ([0-9.]+) s", re.MULTILINE)


def _metrics(root: Path) -> dict[str, dict]:
    """``{experiment: metrics.json}`` of every experiment folder under ``root``."""
    return {path.parent.name: json.loads(path.read_text()) for path in sorted(root.glob("*/metrics.json"))}


def differences(a: object, b: object, where: str = "") -> list[str]:
    """The paths (``results.runs[3].seed``) at which two JSON values differ; ``[]`` if equal."""
    if isinstance(a, dict) and isinstance(b, dict):
        found = [f"{where}.{key}: only in one" for key in sorted(set(a) ^ set(b), key=str)]
        for key in a.keys() & b.keys():
            found += differences(a[key], b[key], f"{where}.{key}" if where else str(key))
        return found
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{where}: {len(a)} against {len(b)} entries"]
        return [found for i, (x, y) in enumerate(zip(a, b)) for found in differences(x, y, f"{where}[{i}]")]
    return [] if a == b and type(a) is type(b) else [f"{where}: {a!r} against {b!r}"]


def compare(first: Path, second: Path) -> dict[str, list[str]]:
    """Per experiment, where the ``metrics.json`` files of two results folders differ, ``timings`` aside."""
    a, b = _metrics(first), _metrics(second)
    found = {name: ["missing in one folder"] for name in sorted(set(a) ^ set(b))}
    for name in sorted(a.keys() & b.keys()):
        diff = differences(
            {k: v for k, v in a[name].items() if k != "timings"},
            {k: v for k, v in b[name].items() if k != "timings"},
        )
        if diff:
            found[name] = diff
    return found


def sections(timings: dict) -> dict:
    """An experiment's ``timings`` as ``training``, ``figures``, ``other`` and ``total`` seconds."""
    own = {k: v for k, v in timings.items() if k not in NOT_SECTIONS and isinstance(v, (int, float))}
    figures = own.pop("figures", 0.0)
    training = sum(own.values())
    total = timings.get("total", training + figures)
    return {"training": training, "figures": figures, "other": total - training - figures, "total": total}


def run_all(quick: bool, seed: int) -> dict:
    """``mlplab all`` into a temporary folder: wall time, the report's seconds, each experiment's timings."""
    with tempfile.TemporaryDirectory(prefix="mlplab-lab-time-") as out:
        command = [sys.executable, "-m", "mlplab", "all", "--seed", str(seed), "--out", out, "--no-progress"]
        command += ["--quick"] if quick else []
        load_before = os.getloadavg()
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
        report = _REPORT_LINE.search(done.stdout + done.stderr)
        metrics = _metrics(Path(out))
        kept = Path(tempfile.mkdtemp(prefix=f"mlplab-lab-time-{'quick' if quick else 'full'}-"))
        for name, data in metrics.items():  # the numbers, for --against and --compare later
            (kept / name).mkdir()
            (kept / name / "metrics.json").write_text(json.dumps(data))
    return {
        "quick": quick,
        "command": " ".join(command[1:]),
        "wall_seconds": round(wall, 2),
        "report_seconds": float(report.group(1)) if report else None,
        "load_average_before": list(load_before),
        "load_average_after": list(os.getloadavg()),
        "experiments": {
            name: {"sections": sections(m["timings"]), "timings": m["timings"]} for name, m in metrics.items()
        },
        "metrics_kept_in": str(kept),
    }


def _row(name: str, row: dict, detail: str = "") -> str:
    numbers = f"{row['training']:>10.2f}{row['figures']:>10.2f}{row['other']:>8.2f}{row['total']:>8.2f}"
    return f"{name:<12}{numbers}   {detail}"


def print_table(result: dict) -> None:
    kind = "--quick" if result["quick"] else "full"
    load = ", ".join(f"{v:.2f}" for v in result["load_average_before"])
    print(f"\nmlplab all ({kind}): {result['wall_seconds']:.1f} s wall; load average before {load}")
    print(f"{'experiment':<12}{'training':>10}{'figures':>10}{'other':>8}{'total':>8}   sections (s)")
    summed = dict.fromkeys(("training", "figures", "other", "total"), 0.0)
    for name, entry in result["experiments"].items():
        for key in summed:
            summed[key] += entry["sections"][key]
        own = [(k, v) for k, v in entry["timings"].items() if k not in NOT_SECTIONS and isinstance(v, float)]
        print(_row(name, entry["sections"], ", ".join(f"{k} {v:.2f}" for k, v in own)))
    print(_row("experiments", summed))
    report = result["report_seconds"]
    rest = result["wall_seconds"] - (report or 0.0)  # the experiments, start-up and staging
    print(f"report {report if report is not None else 'n/a'} s; the experiments {rest:.1f} s of wall time "
          f"for {summed['total']:.1f} s of their own (more when they run side by side)")  # fmt: skip


def print_differences(found: dict[str, list[str]], first: Path, second: Path) -> None:
    if not found:
        print(f"metrics.json of {first} and {second}: the same, timings aside")
        return
    for name, diff in found.items():
        print(f"{name}: {len(diff)} difference(s), e.g. " + "; ".join(diff[:5]))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("quick", "full"), help="run only mlplab all --quick, or the full")
    parser.add_argument("--seed", type=int, default=0, help="the --seed of mlplab all (default 0)")
    parser.add_argument(
        "--against", type=Path, metavar="DIR", help="compare the numbers with DIR's (same seed, --quick)"
    )
    parser.add_argument(
        "--compare", type=Path, nargs=2, metavar=("A", "B"),
        help="only compare the metrics.json files of two results folders, timings aside",
    )  # fmt: skip
    parser.add_argument(
        "--json", type=Path, default=DEFAULT_JSON, help=f"where to write the results (default {DEFAULT_JSON})"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.compare:
        found = compare(*args.compare)
        print_differences(found, *args.compare)
        return 1 if found else 0
    kinds = [kind for kind in (True, False) if args.only in (None, "quick" if kind else "full")]
    results, same = [], True
    for quick in kinds:
        result = run_all(quick, args.seed)
        print_table(result)
        if args.against is not None:
            found = compare(args.against, Path(result["metrics_kept_in"]))
            print_differences(found, args.against, Path(result["metrics_kept_in"]))
            result["differences"] = found
            same = same and not found
        results.append(result)
    write_json_atomic(args.json, {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "runs": results,
    })  # fmt: skip
    print(f"\nwritten: {args.json}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
