"""Speed of one mini-batch training step: mlplab against a bare NumPy loop, scikit-learn and PyTorch.

What is measured
----------------
The sheet's spirals (``make_spirals(200, 0.1, seed=0)``) are trained with
``MLP([2, 32, 16, 8, 1], activation=..., learning_rate=0.01, optimizer=..., seed=0)``,
``batch_size=32`` and 1000 epochs, for the optimisers ``sgd`` and ``adam`` and
the activation ``relu`` (``--all-activations`` adds ``sigmoid`` and ``tanh``).
200 samples in batches of 32 make 7 steps per epoch (the last batch has 8 rows),
so the result is

    µs per step = (wall time of the whole training call) / (epochs · 7),

the median over ``--repeats`` runs. Only training is timed: building the model
and the data is not. The per-epoch work (shuffling, history) is part of the time,
spread over the steps.

The same training is run, in the same process and interleaved within each
repeat (so that machine noise hits every tool alike), by

* **numpy loop**: a hand-written NumPy loop with no library: the same network,
  initialisation, batches, forward pass, loss, backward pass and SGD/Adam update,
  with all parameters in one flat vector as in mlplab. It is a floor for the
  Python overhead of a NumPy implementation. After the short warm-up run its
  weights are compared with mlplab's: they agree to rounding, so it does the
  same arithmetic (over a whole run rounding differences grow, so the timed runs
  are not compared).
* **scikit-learn**: ``MLPClassifier(hidden_layer_sizes=(32, 16, 8), solver='sgd'``
  (``momentum=0``, no Nesterov) or ``'adam'``, ``learning_rate_init=0.01``,
  ``batch_size=32``, ``alpha=0``, ``shuffle=True``, ``tol=0`` and
  ``n_iter_no_change > max_iter`` so that it runs all epochs), if it is installed.
  Its initialisation differs from mlplab's; the arithmetic per step is the same.
* **torch**: the same network in ``torch.float64`` with ``BCEWithLogitsLoss`` and
  ``torch.optim.SGD``/``Adam``, started from mlplab's initial weights and fed the
  same batches (checked after the warm-up like the NumPy loop), if ``import torch``
  works (``--torch-single-thread`` calls ``torch.set_num_threads(1)``).

The four trainers live in ``_common.py`` and are shared with ``run.py``, the
benchmark of all the issue's workloads; this script is the focused per-step view
(and ``--all-activations``). Nothing is installed; a missing tool is skipped with a note. The table gives
``mlplab/tool``, the ratio of the medians: above 1 means mlplab is slower.
The results, the settings and the machine (NumPy version and BLAS, the
``OPENBLAS_CORETYPE`` variable, library versions) go to a JSON file.

How to run
----------
From the repository root, with mlplab installed::

    python benchmarks/bench_step.py                        # 1000 epochs, 5 repeats
    python benchmarks/bench_step.py --epochs 100 --repeats 3
    python benchmarks/bench_step.py --all-activations --json /tmp/bench.json

Every random draw is seeded (NumPy Generators, scikit-learn's ``random_state``);
no global random state is used.
"""

from __future__ import annotations

import argparse
import datetime
import math
import platform
import statistics
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from _common import (
    TRAINERS,
    TrainSpec,
    blas_summary,
    environment,
    max_weight_difference,
    one_repeat,
    optional_import,
    positive_int,
    write_json_atomic,
)
from mlplab.datasets import make_spirals

LAYER_SIZES = (2, 32, 16, 8, 1)
N_SAMPLES, NOISE, SEED = 200, 0.1, 0
LEARNING_RATE = 0.01
BATCH_SIZE = 32
WARMUP_EPOCHS = 3
STEP_TARGET = 1.05  # issue 14: one step of the small net at most 1.05× the bare NumPy loop's
WEIGHT_TOLERANCE = 1e-9  # largest |Δw| after the warm-up that still counts as the same arithmetic
DEFAULT_JSON = Path(__file__).resolve().parent / "results" / "bench_step.json"


@dataclass(frozen=True)
class Workload:
    activation: str
    optimizer: str

    @property
    def name(self) -> str:
        return f"{self.activation}/{self.optimizer}"

    def spec(self, epochs: int) -> TrainSpec:
        return TrainSpec(
            LAYER_SIZES, self.activation, self.optimizer, LEARNING_RATE, BATCH_SIZE, epochs, seed=SEED
        )


def steps_per_epoch(n_samples: int) -> int:
    return math.ceil(n_samples / BATCH_SIZE)


def print_table(rows: list[dict]) -> None:
    header = f"{'workload':<14}{'tool':<15}{'µs/step':>10}{'min–max':>17}{'mlplab/tool':>13}"
    print(header)
    print("-" * len(header))
    previous = None
    for row in rows:
        workload = row["workload"] if row["workload"] != previous else ""
        previous = row["workload"]
        spread = f"{row['us_per_step_min']:.1f}–{row['us_per_step_max']:.1f}"
        print(
            f"{workload:<14}{row['tool']:<15}{row['us_per_step_median']:>10.1f}"
            f"{spread:>17}{row['ratio_mlplab_over_tool']:>13.2f}"
        )


# ------------------------------------------------------------------------- main
def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=positive_int, default=1000, help="epochs per run (default 1000)")
    parser.add_argument("--repeats", type=positive_int, default=5, help="timed runs per tool (default 5)")
    parser.add_argument(
        "--all-activations", action="store_true", help="also time sigmoid and tanh (default: relu only)"
    )
    parser.add_argument(
        "--torch-single-thread", action="store_true", help="call torch.set_num_threads(1) first"
    )
    parser.add_argument(
        "--json", type=Path, default=DEFAULT_JSON, help=f"where to write the results (default {DEFAULT_JSON})"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    X, y = make_spirals(N_SAMPLES, NOISE, seed=SEED)
    n_steps = args.epochs * steps_per_epoch(X.shape[0])
    activations = ("relu", "sigmoid", "tanh") if args.all_activations else ("relu",)
    workloads = [Workload(act, opt) for act in activations for opt in ("sgd", "adam")]

    tools = ["mlplab", "numpy loop"]
    skipped: dict[str, str] = {}
    for name, module_name in (("scikit-learn", "sklearn.neural_network"), ("torch", "torch")):
        module, missing = optional_import(module_name)
        if module is None:
            skipped[name] = f"not importable ({missing})"
        else:
            tools.append(name)
            if name == "torch" and args.torch_single_thread:
                module.set_num_threads(1)

    env = environment()
    print(
        f"Python {platform.python_version()}, NumPy {np.__version__}, {blas_summary(env)}, "
        f"OPENBLAS_CORETYPE={env['OPENBLAS_CORETYPE']}"
    )
    print(
        f"{args.epochs} epochs × {steps_per_epoch(X.shape[0])} steps (batch {BATCH_SIZE} of {X.shape[0]}), "
        f"median of {args.repeats} repeats"
    )

    # Warm-up: first calls pay for imports, caches and allocator growth. The short
    # warm-up runs also check that the tools started from mlplab's weights do the same
    # arithmetic: after a few steps their weights agree to rounding (over a whole run,
    # rounding differences grow, with Adam and at ReLU kinks up to visible size).
    # An optional tool that fails here is reported and left out.
    warmup_epochs = min(WARMUP_EPOCHS, args.epochs)
    warmup_diff: dict[tuple[str, str], float | None] = {}
    for workload in workloads:
        finals = {}
        for name in list(tools):
            try:
                finals[name] = TRAINERS[name](workload.spec(warmup_epochs), X, y).final_params
            except Exception:
                if name in ("mlplab", "numpy loop"):
                    raise
                traceback.print_exc()
                skipped[name] = f"failed in warm-up: {sys.exc_info()[1]!r}"
                tools.remove(name)
        for name in tools:
            if name != "mlplab":
                warmup_diff[workload.name, name] = max_weight_difference(finals[name], finals["mlplab"])
    for name, reason in skipped.items():
        print(f"note: {name} skipped: {reason}")

    names = list(tools)
    us_per_step: dict[tuple[str, str], list[float]] = {(w.name, n): [] for w in workloads for n in names}
    for repeat in range(args.repeats):
        for index, workload in enumerate(workloads):
            spec = workload.spec(args.epochs)
            tasks = {name: (lambda n=name, s=spec: TRAINERS[n](s, X, y).seconds) for name in names}
            for name, seconds in one_repeat(tasks, repeat, offset=index).items():
                us_per_step[workload.name, name].append(seconds / n_steps * 1e6)
        print(f"  repeat {repeat + 1}/{args.repeats} done", file=sys.stderr, flush=True)

    rows = []
    for workload in workloads:
        reference = statistics.median(us_per_step[workload.name, "mlplab"])
        for name in names:
            times = us_per_step[workload.name, name]
            median = statistics.median(times)
            rows.append(
                {
                    "workload": workload.name,
                    "activation": workload.activation,
                    "optimizer": workload.optimizer,
                    "tool": name,
                    "us_per_step_median": median,
                    "us_per_step_min": min(times),
                    "us_per_step_max": max(times),
                    "us_per_step_runs": times,
                    "ratio_mlplab_over_tool": reference / median,
                    "warmup_max_abs_weight_diff_vs_mlplab": warmup_diff.get((workload.name, name)),
                }
            )
    print()
    print_table(rows)
    for row in rows:
        if row["tool"] == "numpy loop":
            ratio = row["ratio_mlplab_over_tool"]
            verdict = "met" if ratio <= STEP_TARGET else "MISSED"
            what = f"issue 14 target {row['workload']}: mlplab/numpy loop = {ratio:.2f}"
            print(f"{what} ≤ {STEP_TARGET} ({verdict})")
    print()
    steps = warmup_epochs * steps_per_epoch(X.shape[0])
    for row in rows:
        diff = row["warmup_max_abs_weight_diff_vs_mlplab"]
        if diff is not None:
            verdict = "same arithmetic" if diff < WEIGHT_TOLERANCE else "DIFFERENT: check the implementation"
            print(
                f"check {row['workload']}: {row['tool']} vs mlplab after {steps} steps, "
                f"max |Δw| = {diff:.2g} ({verdict})"
            )

    results = {
        "benchmark": "bench_step",
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "what": "microseconds per mini-batch training step (train time / steps), median over repeats",
        "config": {
            "dataset": {"name": "spirals", "n_samples": N_SAMPLES, "noise": NOISE, "seed": SEED},
            "layer_sizes": list(LAYER_SIZES),
            "learning_rate": LEARNING_RATE,
            "batch_size": BATCH_SIZE,
            "epochs": args.epochs,
            "steps_per_epoch": steps_per_epoch(X.shape[0]),
            "steps": n_steps,
            "repeats": args.repeats,
            "warmup_epochs": warmup_epochs,
            "seed": SEED,
            "workloads": [w.name for w in workloads],
            "tools": names,
            "torch_single_thread": args.torch_single_thread,
        },
        "skipped": skipped,
        "environment": env,
        "results": rows,
    }
    write_json_atomic(args.json, results)
    print(f"results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
