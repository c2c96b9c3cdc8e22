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

Nothing is installed; a missing tool is skipped with a note. The table gives
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
import contextlib
import datetime
import gc
import importlib
import itertools
import json
import math
import os
import platform
import statistics
import sys
import tempfile
import time
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import numpy as np

from mlplab import MLP
from mlplab.datasets import make_spirals

LAYER_SIZES = (2, 32, 16, 8, 1)
N_SAMPLES, NOISE, SEED = 200, 0.1, 0
LEARNING_RATE = 0.01
BATCH_SIZE = 32
ADAM_BETA1, ADAM_BETA2, ADAM_EPS = 0.9, 0.999, 1e-8  # the defaults of mlplab, scikit-learn and torch
WARMUP_EPOCHS = 3
WEIGHT_TOLERANCE = 1e-9  # largest |Δw| after the warm-up that still counts as the same arithmetic
DEFAULT_JSON = Path(__file__).resolve().parent / "results" / "bench_step.json"


@dataclass(frozen=True)
class Workload:
    activation: str
    optimizer: str

    @property
    def name(self) -> str:
        return f"{self.activation}/{self.optimizer}"


@dataclass
class Run:
    """One timed training run."""

    seconds: float
    final_params: np.ndarray | None  # flat W1, b1, W2, b2, ... (mlplab's layout), if comparable


Runner = Callable[[Workload, np.ndarray, np.ndarray, int], Run]


def _optional_import(name: str) -> tuple[ModuleType | None, str | None]:
    """The module, or None and why not (a broken install can raise more than ImportError)."""
    try:
        return importlib.import_module(name), None
    except Exception as exc:
        return None, f"{type(exc).__name__}: {exc}"


sklearn_nn, SKLEARN_MISSING = _optional_import("sklearn.neural_network")
torch, TORCH_MISSING = _optional_import("torch")


# ---------------------------------------------------------------- shared set-up
def seeded_generators() -> tuple[np.random.Generator, np.random.Generator]:
    """(init, shuffle) Generators made the way ``MLP(seed=SEED)`` makes them."""
    init_rng, shuffle_rng = np.random.default_rng(SEED).spawn(2)
    return init_rng, shuffle_rng


def initial_weights(activation: str, rng: np.random.Generator) -> list[np.ndarray]:
    """mlplab's default initialisation: He normal for ReLU, Xavier uniform otherwise; shapes (n_out, n_in)."""
    weights = []
    for n_in, n_out in itertools.pairwise(LAYER_SIZES):
        if activation == "relu":
            weights.append(rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_out, n_in)))
        else:
            limit = np.sqrt(6.0 / (n_in + n_out))
            weights.append(rng.uniform(-limit, limit, size=(n_out, n_in)))
    return weights


def steps_per_epoch(n_samples: int) -> int:
    return math.ceil(n_samples / BATCH_SIZE)


# ----------------------------------------------------------------------- mlplab
def run_mlplab(workload: Workload, X: np.ndarray, y: np.ndarray, epochs: int) -> Run:
    model = MLP(
        list(LAYER_SIZES),
        activation=workload.activation,
        learning_rate=LEARNING_RATE,
        optimizer=workload.optimizer,
        seed=SEED,
    )
    start = time.perf_counter()
    model.train(X, y, epochs=epochs, batch_size=BATCH_SIZE)
    seconds = time.perf_counter() - start
    return Run(seconds, model.network.params.copy())


# ------------------------------------------------------------ bare NumPy loop
def _sigmoid(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """σ(z) = (1 + tanh(z/2)) / 2: never overflows, four cheap ufunc calls.

    mlplab may compute σ another way, so the final weights of the two agree to
    rounding, not bit for bit.
    """
    out = np.multiply(z, 0.5, out=out)
    np.tanh(out, out=out)
    out += 1.0
    out *= 0.5
    return out


def _relu(z):
    return np.maximum(z, 0.0, out=z)


def _sigmoid_inplace(z):
    return _sigmoid(z, out=z)


def _relu_grad(a, grad_a):
    return grad_a * (a > 0.0)


def _sigmoid_grad(a, grad_a):
    return (1.0 - a) * a * grad_a


def _tanh(z):
    return np.tanh(z, out=z)


def _tanh_grad(a, grad_a):
    return (1.0 - a * a) * grad_a


# activation: (forward in place on z, backward from the output a and ∂L/∂a)
NUMPY_ACTIVATIONS = {
    "relu": (_relu, _relu_grad),
    "sigmoid": (_sigmoid_inplace, _sigmoid_grad),
    "tanh": (_tanh, _tanh_grad),
}


def run_numpy(workload: Workload, X: np.ndarray, y: np.ndarray, epochs: int) -> Run:
    """The same training written out by hand: no classes, no checks, no history."""
    init_rng, shuffle_rng = seeded_generators()
    shapes = [(n_out, n_in) for n_in, n_out in itertools.pairwise(LAYER_SIZES)]
    params = np.zeros(sum(o * i + o for o, i in shapes))
    grads = np.zeros_like(params)
    weights, biases, weight_grads, bias_grads = [], [], [], []
    offset = 0
    for n_out, n_in in shapes:  # views into the flat vectors, layer by layer W, b
        w_end = offset + n_out * n_in
        weights.append(params[offset:w_end].reshape(n_out, n_in))
        weight_grads.append(grads[offset:w_end].reshape(n_out, n_in))
        biases.append(params[w_end : w_end + n_out])
        bias_grads.append(grads[w_end : w_end + n_out])
        offset = w_end + n_out
    for weight, start_weight in zip(weights, initial_weights(workload.activation, init_rng)):
        weight[...] = start_weight

    forward, backward = NUMPY_ACTIVATIONS[workload.activation]
    hidden = list(zip(weights[:-1], biases[:-1]))
    W_out, b_out = weights[-1], biases[-1]
    last = len(weights) - 1
    T = y.astype(np.float64).reshape(-1, 1)  # (n, 1) targets
    n = X.shape[0]
    use_adam = workload.optimizer == "adam"
    m, v, scratch = np.zeros_like(params), np.zeros_like(params), np.zeros_like(params)
    t = 0

    start = time.perf_counter()
    for _ in range(epochs):
        order = shuffle_rng.permutation(n)
        X_epoch, T_epoch = X[order], T[order]
        loss_sum = 0.0
        for lo in range(0, n, BATCH_SIZE):
            a = X_epoch[lo : lo + BATCH_SIZE]
            targets = T_epoch[lo : lo + BATCH_SIZE]
            rows = a.shape[0]
            # forward: keep every layer's input
            inputs = []
            for W, b in hidden:
                inputs.append(a)
                z = a @ W.T
                z += b
                a = forward(z)
            inputs.append(a)
            z = a @ W_out.T
            z += b_out
            # binary cross-entropy on the logit, summed (the mean over the epoch is loss_sum / n)
            loss_sum += np.logaddexp(0.0, z).sum() - np.vdot(targets, z)
            # backward: ∂L/∂z_out = (σ(z) − y) / rows
            delta = _sigmoid(z, out=z)
            delta -= targets
            delta *= 1.0 / rows
            for layer in range(last, -1, -1):
                np.matmul(delta.T, inputs[layer], out=weight_grads[layer])
                delta.sum(axis=0, out=bias_grads[layer])
                if layer:
                    delta = backward(inputs[layer], delta @ weights[layer])
            # update
            if use_adam:
                t += 1
                np.subtract(grads, m, out=scratch)
                scratch *= 1.0 - ADAM_BETA1
                m += scratch  # β1 m + (1−β1) g
                np.multiply(grads, grads, out=scratch)
                scratch -= v
                scratch *= 1.0 - ADAM_BETA2
                v += scratch  # β2 v + (1−β2) g²
                np.sqrt(v, out=scratch)
                scratch *= 1.0 / math.sqrt(1.0 - ADAM_BETA2**t)  # √v̂
                scratch += ADAM_EPS
                np.divide(m, scratch, out=scratch)
                scratch *= LEARNING_RATE / (1.0 - ADAM_BETA1**t)  # α m̂ / (√v̂ + ε)
                params -= scratch
            else:
                np.multiply(grads, LEARNING_RATE, out=scratch)
                params -= scratch
    seconds = time.perf_counter() - start
    return Run(seconds, params.copy())


# ------------------------------------------------------------------ scikit-learn
SKLEARN_ACTIVATIONS = {"relu": "relu", "sigmoid": "logistic", "tanh": "tanh"}


def run_sklearn(workload: Workload, X: np.ndarray, y: np.ndarray, epochs: int) -> Run:
    from sklearn.exceptions import ConvergenceWarning

    if workload.optimizer == "sgd":
        solver = {"solver": "sgd", "momentum": 0.0, "nesterovs_momentum": False, "learning_rate": "constant"}
    else:
        solver = {"solver": "adam", "beta_1": ADAM_BETA1, "beta_2": ADAM_BETA2, "epsilon": ADAM_EPS}
    model = sklearn_nn.MLPClassifier(
        hidden_layer_sizes=LAYER_SIZES[1:-1],
        activation=SKLEARN_ACTIVATIONS[workload.activation],
        learning_rate_init=LEARNING_RATE,
        batch_size=BATCH_SIZE,
        max_iter=epochs,
        tol=0.0,
        n_iter_no_change=epochs + 1,
        shuffle=True,
        alpha=0.0,
        random_state=SEED,
        **solver,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # "maximum iterations reached" is the plan
        start = time.perf_counter()
        model.fit(X, y)
        seconds = time.perf_counter() - start
    if model.n_iter_ != epochs:
        raise RuntimeError(f"scikit-learn stopped after {model.n_iter_} of {epochs} epochs")
    return Run(seconds, None)


# ------------------------------------------------------------------------ torch
def run_torch(workload: Workload, X: np.ndarray, y: np.ndarray, epochs: int) -> Run:
    init_rng, shuffle_rng = seeded_generators()
    activation = {"relu": torch.nn.ReLU, "sigmoid": torch.nn.Sigmoid, "tanh": torch.nn.Tanh}
    layers = []
    for index, start_weight in enumerate(initial_weights(workload.activation, init_rng)):
        n_out, n_in = start_weight.shape
        # skip_init: no draw from torch's global generator; the weights come from mlplab's initialisation
        linear = torch.nn.utils.skip_init(torch.nn.Linear, n_in, n_out, dtype=torch.float64)
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(start_weight))
            linear.bias.zero_()
        layers.append(linear)
        if index < len(LAYER_SIZES) - 2:
            layers.append(activation[workload.activation]())
    model = torch.nn.Sequential(*layers)
    loss_fn = torch.nn.BCEWithLogitsLoss()  # mean over the batch
    if workload.optimizer == "sgd":
        optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)
    else:
        optimizer = torch.optim.Adam(
            model.parameters(), lr=LEARNING_RATE, betas=(ADAM_BETA1, ADAM_BETA2), eps=ADAM_EPS
        )
    X_all = torch.from_numpy(np.ascontiguousarray(X, dtype=np.float64))
    T_all = torch.from_numpy(y.astype(np.float64).reshape(-1, 1))
    n = X.shape[0]

    start = time.perf_counter()
    for _ in range(epochs):
        order = torch.from_numpy(shuffle_rng.permutation(n))
        X_epoch, T_epoch = X_all[order], T_all[order]
        loss_sum = 0.0
        for lo in range(0, n, BATCH_SIZE):
            X_batch = X_epoch[lo : lo + BATCH_SIZE]
            optimizer.zero_grad()
            loss = loss_fn(model(X_batch), T_epoch[lo : lo + BATCH_SIZE])
            loss.backward()
            optimizer.step()
            loss_sum += loss.item() * X_batch.shape[0]
    seconds = time.perf_counter() - start
    final = torch.cat([p.detach().reshape(-1) for p in model.parameters()]).numpy().copy()
    return Run(seconds, final)


# ------------------------------------------------------------------- reporting
def environment() -> dict:
    info = {
        "python": sys.version,
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor(),
        "cpu_count": os.cpu_count(),
        "numpy": np.__version__,
        "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE"),
        "thread_env": {
            name: os.environ.get(name)
            for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
        },
    }
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            info["numpy_config"] = np.show_config(mode="dicts")
    except TypeError:  # NumPy < 1.26 has no mode argument
        info["numpy_config"] = None
    threadpoolctl, _ = _optional_import("threadpoolctl")
    if threadpoolctl is not None:
        info["threadpools"] = threadpoolctl.threadpool_info()
    if sklearn_nn is not None:
        info["scikit-learn"] = importlib.import_module("sklearn").__version__
    if torch is not None:
        info["torch"] = torch.__version__
        info["torch_num_threads"] = torch.get_num_threads()
    return info


def blas_summary(numpy_config: dict | None) -> str:
    if not numpy_config:
        return "BLAS unknown"
    blas = numpy_config.get("Build Dependencies", {}).get("blas", {})
    return f"BLAS {blas.get('name', '?')} {blas.get('version', '?')}"


def write_json_atomic(path: Path, data: dict) -> None:
    """Write to a temporary file in the same folder, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, default=str)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


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
def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, got {text}")
    return value


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
    if torch is not None and args.torch_single_thread:
        torch.set_num_threads(1)

    X, y = make_spirals(N_SAMPLES, NOISE, seed=SEED)
    n_steps = args.epochs * steps_per_epoch(X.shape[0])
    activations = ("relu", "sigmoid", "tanh") if args.all_activations else ("relu",)
    workloads = [Workload(act, opt) for act in activations for opt in ("sgd", "adam")]

    tools: dict[str, Runner] = {"mlplab": run_mlplab, "numpy loop": run_numpy}
    skipped: dict[str, str] = {}
    for name, module, runner, missing in (
        ("scikit-learn", sklearn_nn, run_sklearn, SKLEARN_MISSING),
        ("torch", torch, run_torch, TORCH_MISSING),
    ):
        if module is None:
            skipped[name] = f"not importable ({missing})"
        else:
            tools[name] = runner

    env = environment()
    print(
        f"Python {platform.python_version()}, NumPy {np.__version__}, {blas_summary(env['numpy_config'])}, "
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
    warmup_diff: dict[tuple[str, str], float] = {}
    for workload in workloads:
        finals = {}
        for name in list(tools):
            try:
                finals[name] = tools[name](workload, X, y, warmup_epochs).final_params
            except Exception:
                if name in ("mlplab", "numpy loop"):
                    raise
                traceback.print_exc()
                skipped[name] = f"failed in warm-up: {sys.exc_info()[1]!r}"
                del tools[name]
        for name, final in finals.items():
            if final is not None and name != "mlplab" and name in tools:
                warmup_diff[workload.name, name] = float(np.max(np.abs(final - finals["mlplab"])))
    for name, reason in skipped.items():
        print(f"note: {name} skipped: {reason}")

    names = list(tools)
    us_per_step: dict[tuple[str, str], list[float]] = {(w.name, n): [] for w in workloads for n in names}
    for repeat in range(args.repeats):
        for index, workload in enumerate(workloads):
            shift = (repeat + index) % len(names)  # rotate the order so no tool always goes first
            for name in names[shift:] + names[:shift]:
                gc.collect()  # don't let one tool's garbage be collected on another's clock
                run = tools[name](workload, X, y, args.epochs)
                us_per_step[workload.name, name].append(run.seconds / n_steps * 1e6)
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
