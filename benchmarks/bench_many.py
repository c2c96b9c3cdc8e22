"""Many models in one pass: ``train_many`` of 27 networks against 27 separate runs and PyTorch's ``vmap``.

What is measured
----------------
27 sheet ``MLP([2, 32, 16, 8, 1], activation='relu', optimizer=...)`` models,
seeds 0–8 × three learning rates (sgd: 0.01, 0.03, 0.1; adam: 0.001, 0.003,
0.01), train on the sheet's spirals (``make_spirals(200, 0.1, seed=0)``) with
``batch_size=32`` (7 steps per epoch, the last of 8 rows) for ``--epochs``
epochs, each model with its own shuffle. Timed (wall time of the training
call only; building the models is not timed), interleaved within each repeat
in a rotating order so that machine noise hits every tool alike:

* **train_many**: ``mlplab.train_many(models, X, y, epochs, 32)``, all 27 in
  one stacked pass (:mod:`mlplab.nn.many`);
* **27 × train**: ``model.train(X, y, epochs, 32)`` for each model, one after another;
* **torch vmap** (if ``import torch`` works): the same 27 networks in
  ``float64`` as stacked tensors, one step being
  ``torch.func.vmap(torch.func.grad_and_value(loss))`` over the stacked
  parameters (``functional_call`` of one ``nn.Sequential``, mean
  ``binary_cross_entropy_with_logits``), then the SGD or Adam update with
  the per-model learning rates as stacked tensor operations. It starts from
  mlplab's initial weights and walks through the same batches (each model's
  shuffle generator is mlplab's, rebuilt from ``random_state()``). On one
  thread by default (``--torch-threads``): the products are tiny, and on a busy
  2-core machine torch's idle OpenMP threads spin against each other (10× slower).

Checks, printed and in the JSON: after a warm-up run, ``train_many``'s weights
equal the separate runs' bit for bit (the library's promise; a mismatch is an
error), and PyTorch's agree with them to rounding (the same arithmetic).

The table gives the median time per run and the ratios of the medians
``train_many / 27 × train`` (the issue's target: at most 1/8) and
``train_many / torch vmap`` (target: below 1). ``--profile`` adds a cProfile
of one ``train_many`` run: where the stacked step spends its time
(``forward`` and ``backward`` hold the batched ``np.matmul`` calls).

How to run
----------
From the repository root, with mlplab installed::

    python benchmarks/bench_many.py                    # 200 epochs, 5 repeats
    python benchmarks/bench_many.py --epochs 50 --repeats 3 --profile --json /tmp/many.json

Every random draw is seeded; no global random state is used.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import io
import itertools
import platform
import pstats
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from _common import blas_summary, environment, one_repeat, optional_import, positive_int, write_json_atomic
from mlplab import MLP, train_many
from mlplab.datasets import make_spirals

LAYER_SIZES = [2, 32, 16, 8, 1]
N_SAMPLES, NOISE, DATA_SEED = 200, 0.1, 0
BATCH_SIZE = 32
SEEDS = range(9)
RATES = {"sgd": (0.01, 0.03, 0.1), "adam": (0.001, 0.003, 0.01)}
WARMUP_EPOCHS = 3
TORCH_TOLERANCE = 1e-9  # largest |Δw| after the warm-up that still counts as the same arithmetic
DEFAULT_JSON = Path(__file__).resolve().parent / "results" / "bench_many.json"


def build(optimizer: str) -> list[MLP]:
    """The 27 models, seeds × learning rates."""
    return [
        MLP(LAYER_SIZES, "relu", learning_rate=rate, optimizer=optimizer, seed=seed)
        for seed in SEEDS
        for rate in RATES[optimizer]
    ]


def flat(models: list[MLP]) -> np.ndarray:
    return np.stack([model.network.params.copy() for model in models])  # (K, P)


def run_train_many(optimizer: str, X, y, epochs: int) -> tuple[float, np.ndarray]:
    models = build(optimizer)
    start = time.perf_counter()
    results = train_many(models, X, y, epochs, BATCH_SIZE)
    seconds = time.perf_counter() - start
    if any(not hasattr(result, "train_loss") or result.n_epochs != epochs for result in results):
        raise RuntimeError("train_many: a model did not run every epoch")
    return seconds, flat(models)


def run_separate(optimizer: str, X, y, epochs: int) -> tuple[float, np.ndarray]:
    models = build(optimizer)
    start = time.perf_counter()
    for model in models:
        model.train(X, y, epochs, BATCH_SIZE)
    seconds = time.perf_counter() - start
    return seconds, flat(models)


def run_torch_vmap(optimizer: str, X, y, epochs: int) -> tuple[float, np.ndarray]:
    """The 27 models as stacked tensors, trained by ``vmap(grad_and_value(loss))`` (see the docstring)."""
    import torch
    from torch.func import functional_call, grad_and_value, vmap

    models = build(optimizer)
    shuffles = []
    for model in models:  # each model's own shuffle stream, as mlplab will draw it
        rng = np.random.Generator(np.random.PCG64())
        rng.bit_generator.state = model.model.random_state()["shuffle"]
        shuffles.append(rng)
    layers = []
    for index, (n_in, n_out) in enumerate(itertools.pairwise(LAYER_SIZES)):
        layers.append(torch.nn.Linear(n_in, n_out, dtype=torch.float64, device="meta"))
        if index < len(LAYER_SIZES) - 2:
            layers.append(torch.nn.ReLU())
    template = torch.nn.Sequential(*layers)
    names = [name for name, _ in template.named_parameters()]  # '0.weight', '0.bias', '2.weight', ...
    params = {}
    for name in names:
        layer, kind = name.split(".")
        index = int(layer) // 2
        views = [(m.weights if kind == "weight" else m.biases)[index] for m in models]
        params[name] = torch.from_numpy(np.stack(views).copy())  # (K, n_out, n_in) or (K, n_out)
    rates = torch.tensor([m.learning_rate for m in models], dtype=torch.float64)

    def loss(p, X_batch, T_batch):
        logits = functional_call(template, p, (X_batch,))
        return torch.nn.functional.binary_cross_entropy_with_logits(logits, T_batch)

    step = vmap(grad_and_value(loss))
    rate_of = {name: rates.reshape(-1, *([1] * (params[name].dim() - 1))) for name in names}
    m = {name: torch.zeros_like(p) for name, p in params.items()}
    v = {name: torch.zeros_like(p) for name, p in params.items()}
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    X_all = torch.from_numpy(np.ascontiguousarray(X, dtype=np.float64))
    T_all = torch.from_numpy(y.astype(np.float64).reshape(-1, 1))
    n, t = X.shape[0], 0
    start = time.perf_counter()
    with torch.no_grad():
        for _ in range(epochs):
            order = torch.from_numpy(np.stack([rng.permutation(n) for rng in shuffles]))  # (K, n)
            X_epoch, T_epoch = X_all[order], T_all[order]  # (K, n, 2), (K, n, 1)
            loss_sum = torch.zeros(len(models), dtype=torch.float64)
            for lo in range(0, n, BATCH_SIZE):
                X_batch, T_batch = X_epoch[:, lo : lo + BATCH_SIZE], T_epoch[:, lo : lo + BATCH_SIZE]
                grads, values = step(params, X_batch, T_batch)
                loss_sum += values * X_batch.shape[1]
                if optimizer == "sgd":
                    for name in names:
                        params[name].sub_(rate_of[name] * grads[name])
                    continue
                t += 1
                for name in names:
                    g = grads[name]
                    m[name].mul_(beta1).add_(g, alpha=1 - beta1)
                    v[name].mul_(beta2).addcmul_(g, g, value=1 - beta2)
                    denominator = (v[name] / (1 - beta2**t)).sqrt_().add_(eps)
                    params[name].sub_(rate_of[name] / (1 - beta1**t) * m[name] / denominator)
    seconds = time.perf_counter() - start
    final = torch.cat([params[name].reshape(len(models), -1) for name in names], dim=1)  # mlplab's layout
    return seconds, final.numpy().copy()


def profile_train_many(optimizer: str, X, y, epochs: int, lines: int = 18) -> str:
    models = build(optimizer)
    profiler = cProfile.Profile()
    profiler.enable()
    train_many(models, X, y, epochs, BATCH_SIZE)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(lines)
    return out.getvalue()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=positive_int, default=200, help="epochs per run (default 200)")
    parser.add_argument("--repeats", type=positive_int, default=5, help="timed runs per tool (default 5)")
    parser.add_argument("--profile", action="store_true", help="profile one train_many run per optimizer")
    parser.add_argument("--torch-threads", type=positive_int, default=1,
                        help="torch.set_num_threads (default 1: the products are tiny, and on a busy machine "
                             "idle OpenMP threads spin against each other)")  # fmt: skip
    parser.add_argument(
        "--json", type=Path, default=DEFAULT_JSON, help=f"where to write the results (default {DEFAULT_JSON})"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    X, y = make_spirals(N_SAMPLES, NOISE, seed=DATA_SEED)
    runners = {"train_many": run_train_many, "27 × train": run_separate}
    skipped = {}
    torch, missing = optional_import("torch")
    if torch is None:
        skipped["torch vmap"] = f"not importable ({missing})"
    else:
        torch.set_num_threads(args.torch_threads)
        runners["torch vmap"] = run_torch_vmap
    env = environment()
    print(f"Python {platform.python_version()}, NumPy {np.__version__}, {blas_summary(env)}")
    print(f"27 × {LAYER_SIZES} relu, {args.epochs} epochs × 7 steps (batch {BATCH_SIZE} of {N_SAMPLES}), "
          f"median of {args.repeats} repeats")  # fmt: skip
    for name, reason in skipped.items():
        print(f"note: {name} skipped: {reason}")

    checks = {}
    for optimizer in RATES:  # warm-up, and the same-results checks
        finals = {name: runner(optimizer, X, y, WARMUP_EPOCHS)[1] for name, runner in runners.items()}
        identical = bool(np.array_equal(finals["train_many"], finals["27 × train"]))
        checks[optimizer] = {"train_many_bit_identical_to_separate": identical}
        if not identical:
            raise RuntimeError(f"{optimizer}: train_many's weights differ from the separate runs'")
        if "torch vmap" in finals:
            diff = float(np.max(np.abs(finals["torch vmap"] - finals["train_many"])))
            checks[optimizer]["torch_max_abs_weight_diff"] = diff
        print(f"check {optimizer}: train_many == 27 × train bit for bit: {identical}"
              + (f"; torch vmap max |Δw| = {diff:.2g}" if "torch vmap" in finals else ""))  # fmt: skip

    seconds = {(opt, name): [] for opt in RATES for name in runners}
    for repeat in range(args.repeats):
        for index, optimizer in enumerate(RATES):
            tasks = {name: (lambda r=runner, o=optimizer: r(o, X, y, args.epochs)[0])
                     for name, runner in runners.items()}  # fmt: skip
            for name, value in one_repeat(tasks, repeat, offset=index).items():
                seconds[optimizer, name].append(value)
        print(f"  repeat {repeat + 1}/{args.repeats} done", file=sys.stderr, flush=True)

    rows = []
    print(f"\n{'optimizer':<10}{'tool':<13}{'s per run':>11}{'min–max':>15}{'train_many/tool':>17}")
    for optimizer in RATES:
        reference = statistics.median(seconds[optimizer, "train_many"])
        for name in runners:
            times = seconds[optimizer, name]
            median = statistics.median(times)
            rows.append({"optimizer": optimizer, "tool": name, "seconds_median": median,
                         "seconds_min": min(times), "seconds_max": max(times), "seconds_runs": times,
                         "ratio_train_many_over_tool": reference / median})  # fmt: skip
            print(f"{optimizer:<10}{name:<13}{median:>11.3f}{f'{min(times):.3f}–{max(times):.3f}':>15}"
                  f"{reference / median:>17.3f}")  # fmt: skip
    targets = {}
    for optimizer in RATES:
        ratio = {r["tool"]: r["ratio_train_many_over_tool"] for r in rows if r["optimizer"] == optimizer}
        targets[optimizer] = {"vs_separate_at_most_1/8": ratio["27 × train"] <= 1 / 8}
        if "torch vmap" in ratio:
            targets[optimizer]["faster_than_torch_vmap"] = ratio["torch vmap"] < 1
    print(f"\ntargets: {targets}")

    profiles = {}
    if args.profile:
        for optimizer in RATES:
            profiles[optimizer] = profile_train_many(optimizer, X, y, args.epochs)
            print(f"\nprofile of one train_many run ({optimizer}):\n{profiles[optimizer]}")

    write_json_atomic(args.json, {
        "benchmark": "bench_many",
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "what": "seconds per training run of 27 models (train time only), median over repeats",
        "config": {"layer_sizes": LAYER_SIZES, "activation": "relu", "batch_size": BATCH_SIZE,
                   "epochs": args.epochs, "repeats": args.repeats, "torch_threads": args.torch_threads,
                   "seeds": list(SEEDS), "rates": RATES,
                   "dataset": {"name": "spirals", "n_samples": N_SAMPLES, "noise": NOISE, "seed": DATA_SEED}},
        "skipped": skipped,
        "checks": checks,
        "targets": targets,
        "environment": env,
        "results": rows,
        "profiles": profiles,
    })  # fmt: skip
    print(f"results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
