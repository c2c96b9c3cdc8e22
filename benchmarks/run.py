"""mlplab against scikit-learn, PyTorch and a bare NumPy loop on the sheet's work (issue 6), as ratios.

How to run
----------
From the repository root, with mlplab installed (scikit-learn, PyTorch, joblib
and threadpoolctl are used when importable, skipped with a note when not)::

    python benchmarks/run.py                      # everything, 5 repeats (15-20 minutes on 2 cores)
    python benchmarks/run.py --quick              # smoke run: tiny epochs and data, 1 repeat
    python benchmarks/run.py --only grid --only large --repeats 3
    python benchmarks/run.py --unset-coretype     # the same without OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE
    python benchmarks/run.py --blas-threads 1 --torch-threads 1   # one thread each, e.g. on a busy machine
    python benchmarks/run.py --blas-threads 1 --cpu-time --only sgd_step,adam_step,large   # busy: CPU time

Run it on a quiet machine: other processes on the cores make every tool slower,
and not by the same factor. Multi-threaded BLAS suffers most: with another
process on one of the two cores, OpenBLAS's two threads wait for each other and
a large matmul can take ten times as long. The script notes a high load average;
``--blas-threads 1`` (threadpoolctl, for every BLAS loaded) and
``--torch-threads 1`` give steadier single-core comparisons then.

Workloads (``--only NAME``; the issue's reference figures are for this kind of machine)
-------------------------------------------------------------------------------------
``sgd_step``, ``adam_step``
    One SGD (Adam) mini-batch step: the sheet's spirals (``make_spirals(200, 0.1,
    seed=0)``), ``[2, 32, 16, 8, 1]``, ReLU, learning rate 0.01, batch 32, a
    300-epoch run; µs per step = run time / (epochs · 7 steps).
``spirals``
    The same SGD training over the issue's 1000 epochs; seconds per run.
``grid``
    The sheet's 27-cell grid: hidden layers [8], [16, 8], [32, 16, 8] × learning
    rate 0.001, 0.01, 0.1 × sigmoid, relu, tanh; spirals, batch 32, SGD, 1000
    epochs per cell, one after another in one process (seconds for all 27). Also
    mlplab's grid on both cores: a plain ``joblib.Parallel`` (loky, 2 workers,
    BLAS limited to 1 thread per worker with threadpoolctl; ``--jobs``). The
    worker pool starts in the warm-up, so the timed runs measure a warm pool
    (the cold first call is in the JSON's ``warmup_seconds``).
``large``
    20000×64 standard-normal data with labels from a random linear rule (seeded),
    ``[64, 512, 512, 1]``, ReLU, SGD 0.01, batch 256, float64; seconds per epoch
    over a 3-epoch run. Also mlplab in float32 (``MLP(..., dtype=np.float32)``,
    data given as float32), and the **GEMM floor**: the matrix products alone that
    forward and backward passes need, on the same shapes and batches (for every
    layer ``A @ Wᵀ`` and ``δᵀ @ A``, and ``δ @ W`` for every layer but the first,
    whose input gradient nobody needs: 8 products per batch here), into
    preallocated outputs, summed over an epoch; in float64 and float32. The JSON
    also has the FLOPs of an epoch and the machine's peak matmul rate (a
    1024×1024 product), i.e. the issue's "FLOPs ÷ peak rate".
``xor``
    The sheet's XOR: ``[2, 4, 1]``, sigmoid, full batch (4 rows), SGD 0.5, 5000
    epochs; seconds per run.
``memory`` (not timed, not interleaved)
    Peak memory of ``MLP.train`` (``tracemalloc``, which NumPy reports its
    buffers to) for one epoch on the large workload's data with widths 128 and
    512 (``[64, w, w, 1]``) × batch sizes 64 and 256, and on half of the data.
    A least-squares fit ``peak ≈ c₀ + c_data·(data bytes) + c_params·(parameter
    bytes) + c_batch·(batch · Σ layer widths · itemsize)`` shows whether growth is
    linear (small residuals) and how many copies of the whole data set are alive
    at the peak (``c_data``: one shuffled copy per epoch gives ≈ 1; a copy per
    step on top of it would give ≈ 2).

Tools, each doing the same work (see ``_common.py``)
----------------------------------------------------
**mlplab** (``MLP.train``); **numpy loop**, a bare hand-written NumPy training
loop (the issue's reference, for every workload); **scikit-learn**
``MLPClassifier`` with the same architecture, optimiser, batch size, epochs and
learning rate (``shuffle=True``, ``alpha=0``, ``momentum=0`` for plain SGD,
``tol=0``, ``n_iter_no_change > max_iter``; ``n_iter_`` and the samples seen,
``t_``, are checked); **torch**, PyTorch in float64 (``--no-torch`` hides it,
``--torch-threads N`` sets its thread count). The NumPy loop and PyTorch start
from mlplab's initial weights and take the same batches: after the warm-up run
their weights are compared with mlplab's (same arithmetic ⇒ equal to rounding).

Method
------
Every tool first runs a short warm-up (imports, caches, allocator, the worker
pool). Then, in each of ``--repeats`` repeats, every workload runs every tool
once, in an order rotated from repeat to repeat and workload to workload, so
that a noisy phase of the machine hits all tools alike. Only training is timed
(the grid: the wall time of all 27 cells). Reported: the median, min and max
over the repeats; µs per optimiser step; and ratios of medians ``mlplab/tool``
(below 1: mlplab is faster; the JSON also has the ratio of the minimums, which a
busy machine disturbs less) with the issue's targets:

* small networks (steps, spirals, grid, and XOR as a sheet-sized network):
  mlplab ≤ 0.5× scikit-learn and ≤ 0.25× PyTorch;
* the grid on 2 workers ≤ 0.15× scikit-learn's single-process time;
* one step (``sgd_step``, ``adam_step``): mlplab ≤ 1.05× the bare NumPy loop (issue 14);
* large: mlplab ≤ 1.1× the GEMM floor (issue 14) and ≤ 0.7× scikit-learn; float32 ≤ 0.6× float64.

After the timed runs, the large workload is profiled (not interleaved): the
median time per batch of each part of mlplab's step (forward, loss, backward,
the gradient check, the optimiser step with the copy of the parameters) beside
the floor's forward and backward products, for float64 and float32; and
``tracemalloc`` confirms that the floor allocates nothing during an epoch.

Output: a table on the terminal and a JSON file (``--json``, default
``benchmarks/results/run.json``, written atomically) with every run, the
settings, the checks, the memory fit and the machine: NumPy's build and BLAS
(``numpy.show_config(mode='dicts')``), ``threadpoolctl.threadpool_info()``,
``OPENBLAS_CORETYPE`` and ``OPENBLAS_L2_SIZE`` (an older core type set there
can halve the float64 matmul rate), library versions.
``--unset-coretype`` re-executes the script with those two variables removed
(default JSON ``run-unset-coretype.json``), so that both settings can be compared.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import functools
import gc
import itertools
import math
import os
import platform
import statistics
import sys
import time
import traceback
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np

from _common import (
    BLAS_ENV,
    TRAINERS,
    Run,
    TrainSpec,
    blas_summary,
    environment,
    max_weight_difference,
    now,
    one_repeat,
    optional_import,
    positive_int,
    summary,
    train_mlplab,
    use_cpu_time,
    write_json_atomic,
)
from mlplab import MLP
from mlplab.datasets import make_spirals, make_xor

RESULTS = Path(__file__).resolve().parent / "results"
DEFAULT_JSON = RESULTS / "run.json"
UNSET_JSON = RESULTS / "run-unset-coretype.json"
UNSET_MARKER = "MLPLAB_BENCH_BLAS_ENV_BEFORE_UNSET"  # set by --unset-coretype for the re-executed run
SEED = 0

SPIRALS_NET, SPIRALS_ACTIVATION, SPIRALS_LR, SPIRALS_BATCH = (2, 32, 16, 8, 1), "relu", 0.01, 32
GRID_HIDDEN = ((8,), (16, 8), (32, 16, 8))
GRID_LEARNING_RATES = (0.001, 0.01, 0.1)
GRID_ACTIVATIONS = ("sigmoid", "relu", "tanh")
LARGE_NET, LARGE_ACTIVATION, LARGE_LR, LARGE_BATCH = (64, 512, 512, 1), "relu", 0.01, 256
XOR_NET, XOR_ACTIVATION, XOR_LR = (2, 4, 1), "sigmoid", 0.5
MEMORY_WIDTHS, MEMORY_BATCHES = (128, 512), (64, 256)

WORKLOADS = ("sgd_step", "adam_step", "spirals", "grid", "large", "xor")
CORE_TOOLS = ("mlplab", "numpy loop")  # always there; a failure in them is a bug, not a skip
SAME_ARITHMETIC = 1e-9  # largest |Δw| / max|w| after the warm-up that counts as the same arithmetic
SMALL_TARGETS = {"scikit-learn": 0.5, "torch": 0.25}
STEP_TARGET, FLOOR_TARGET, FLOAT32_TARGET = 1.05, 1.1, 0.6  # issue 14: small step/loop, large/floor, f32/f64
VERDICTS = {True: "same arithmetic", False: "DIFFERENT: check the implementation", None: "float32: info"}


@dataclass(frozen=True)
class Settings:
    """How much work each workload does; ``--quick`` shrinks everything."""

    step_epochs: int = 300
    spirals_epochs: int = 1000
    grid_epochs: int = 1000
    large_samples: int = 20_000
    large_epochs: int = 3
    xor_epochs: int = 5000
    memory_samples: int = 20_000
    matmul_size: int = 1024  # of the square product that measures the peak matmul rate
    warmup_epochs: int = 3
    repeats: int = 5


QUICK = Settings(
    step_epochs=3,
    spirals_epochs=3,
    grid_epochs=2,
    large_samples=512,
    large_epochs=1,
    xor_epochs=20,
    memory_samples=2048,  # half of it still holds several batches, so that every epoch shuffles
    matmul_size=256,
    warmup_epochs=1,
    repeats=1,
)


@dataclass(frozen=True)
class Comparison:
    """``numerator / denominator`` of the median times, and the issue's target for it (if any)."""

    numerator: str
    denominator: str
    target: float | None = None


@dataclass
class Workload:
    """One line of the issue's table: what each tool runs, and how the times are reported."""

    name: str
    title: str
    unit: str  # 'µs/step', 's' or 's/epoch'
    steps: int  # optimiser steps per timed run
    per_run: int  # a reported value is seconds / per_run (epochs for 's/epoch', else 1)
    tasks: dict[str, Callable[[], Run]]
    warmups: dict[str, Callable[[], Run]]
    comparisons: list[Comparison]
    config: dict
    times: dict[str, list[float]] = field(default_factory=dict)
    checks: dict = field(default_factory=dict)
    info: dict = field(default_factory=dict)

    def value(self, seconds: float) -> float:
        """A run's seconds in the workload's unit."""
        if self.unit == "µs/step":
            return seconds / self.steps * 1e6
        return seconds / self.per_run


# ------------------------------------------------------------------------- data
def spirals_data() -> tuple[np.ndarray, np.ndarray]:
    return make_spirals(200, 0.1, seed=SEED)


def large_data(n_samples: int, n_features: int = 64, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """Standard-normal features; labels from a random linear rule plus noise (learnable, not separable)."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n_samples, n_features))  # (n, n_features)
    w = rng.standard_normal(n_features)
    y = (X @ w + rng.standard_normal(n_samples) > 0.0).astype(np.int64)
    return X, y


# ------------------------------------------------------------------ extra tools
def train_grid(trainer: Callable[[TrainSpec, np.ndarray, np.ndarray], Run], specs, X, y) -> Run:
    """All cells one after another in this process; the wall time of the whole grid."""
    start = now()
    runs = [trainer(spec, X, y) for spec in specs]
    seconds = now() - start
    info = {"finals": [run.final_params for run in runs], "cells": [run.info for run in runs]}
    return Run(seconds, None, info)


def _train_cell_one_blas_thread(spec: TrainSpec, X: np.ndarray, y: np.ndarray) -> Run:
    """One grid cell in a worker process, with its BLAS limited to one thread."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        return train_mlplab(spec, X, y)


def train_grid_parallel(specs, X, y, n_jobs: int) -> Run:
    """The grid as a plain joblib.Parallel over the cells (loky processes reuse one pool)."""
    import joblib

    start = now()
    runs = joblib.Parallel(n_jobs=n_jobs, backend="loky")(
        joblib.delayed(_train_cell_one_blas_thread)(spec, X, y) for spec in specs
    )
    seconds = now() - start
    return Run(seconds, None, {"finals": [run.final_params for run in runs]})


def gemm_floor(
    layer_sizes: tuple[int, ...],
    n_samples: int,
    batch: int,
    epochs: int,
    dtype,
    seed: int = SEED,
    trace=False,
) -> Run:
    """The matrix products that a minimal forward + backward pass needs, alone, on the same shapes.

    Per batch of ``r`` rows and per layer with ``W`` of shape (n_out, n_in):
    ``Z = A @ Wᵀ`` (r, n_out), ``∂L/∂W = δᵀ @ A`` (n_out, n_in), and for every layer
    but the first ``δ_prev = δ @ W`` (r, n_in). Every product writes into a
    preallocated output (``np.matmul(..., out=)``); the operands are scaled so
    that no value overflows or becomes subnormal. ``trace=True`` records in
    ``info['peak_bytes_allocated']`` what ``tracemalloc`` saw allocated during
    the (then untimed) epochs: the check that the floor allocates nothing.
    """
    rng = np.random.default_rng(seed)
    pairs = list(itertools.pairwise(layer_sizes))
    weights = [(rng.standard_normal((n_out, n_in)) / math.sqrt(n_in)).astype(dtype) for n_in, n_out in pairs]
    weight_grads = [np.empty_like(w) for w in weights]
    X = rng.standard_normal((n_samples, layer_sizes[0])).astype(dtype)  # (n, n_in)
    outputs = [np.empty((batch, n_out), dtype=dtype) for _, n_out in pairs]  # (batch, n_out) per layer
    deltas = [rng.standard_normal((batch, n_out)).astype(dtype) for _, n_out in pairs]
    last = len(weights) - 1
    if trace:
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
    start = now()
    for _ in range(epochs):
        for lo in range(0, n_samples, batch):
            rows = min(batch, n_samples - lo)
            a = X[lo : lo + rows]
            inputs = []
            for weight, out in zip(weights, outputs):
                inputs.append(a)
                a = np.matmul(a, weight.T, out=out[:rows])  # (rows, n_out)
            for layer in range(last, -1, -1):
                delta = deltas[layer][:rows]  # (rows, n_out)
                np.matmul(delta.T, inputs[layer], out=weight_grads[layer])  # (n_out, n_in)
                if layer:
                    np.matmul(delta, weights[layer], out=deltas[layer - 1][:rows])  # (rows, n_in)
    seconds = now() - start
    if trace:
        peak = tracemalloc.get_traced_memory()[1] - base
        tracemalloc.stop()
        return Run(seconds, None, {"peak_bytes_allocated": peak})
    return Run(seconds)


def large_step_breakdown(n_samples: int, dtype, batch: int = LARGE_BATCH) -> dict:
    """Where the time of one mlplab step of the large net goes: µs per batch, median over one epoch.

    The parts of :func:`mlplab.nn.fit`'s step, timed one by one on the same
    network, batches and optimiser (SGD): forward pass, loss and its gradient,
    backward pass, fit's finiteness check of the gradient (``vdot``), and the
    optimiser step with the copy of the parameters that divergence falls back
    to; beside them the GEMM floor's forward and backward products on the
    same shapes. Not interleaved with other tools: a profile, not a ratio.
    """
    from mlplab.nn import Network
    from mlplab.nn.losses import BinaryCrossEntropy
    from mlplab.nn.optimizers import SGD

    X, y = large_data(n_samples)
    X, T = X.astype(dtype), y.astype(dtype).reshape(-1, 1)
    network = Network(list(LARGE_NET), LARGE_ACTIVATION, dtype=dtype)
    network.initialize(np.random.default_rng(SEED))
    loss, optimizer = BinaryCrossEntropy(), SGD(LARGE_LR)
    params, grads = network.params, network.grads
    keep = params.copy()
    floor_weights = [w.copy() for w in network.weights]
    floor_outputs = [np.empty((batch, w.shape[0]), dtype=dtype) for w in floor_weights]
    floor_deltas = [np.full((batch, w.shape[0]), 0.01, dtype=dtype) for w in floor_weights]
    floor_grads = [np.empty_like(w) for w in floor_weights]
    parts = ("forward", "loss", "backward", "gradient check", "step + copy")
    parts += ("floor forward", "floor backward")
    times: dict[str, list[float]] = {part: [] for part in parts}
    clock = now
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(2):  # the first epoch warms up (buffers, caches)
            for lo in range(0, n_samples - batch + 1, batch):  # whole batches: one shape throughout
                X_batch, T_batch = X[lo : lo + batch], T[lo : lo + batch]
                t0 = clock()
                logits = network.forward(X_batch)
                t1 = clock()
                _, grad_logits = loss.value_and_gradient(logits, T_batch)
                t2 = clock()
                network.backward(grad_logits)
                t3 = clock()
                float(np.vdot(grads, grads))
                t4 = clock()
                optimizer.step(params, grads, keep=keep)
                t5 = clock()
                a, inputs = X_batch, []
                for weight, out in zip(floor_weights, floor_outputs):
                    inputs.append(a)
                    a = np.matmul(a, weight.T, out=out)
                t6 = clock()
                for layer in range(len(floor_weights) - 1, -1, -1):
                    np.matmul(floor_deltas[layer].T, inputs[layer], out=floor_grads[layer])
                    if layer:
                        np.matmul(floor_deltas[layer], floor_weights[layer], out=floor_deltas[layer - 1])
                t7 = clock()
                if epoch:
                    ends = (t0, t1, t2, t3, t4, t5, t6, t7)
                    for part, begin, end in zip(parts, ends, ends[1:]):
                        times[part].append((end - begin) * 1e6)
    us = {part: statistics.median(values) for part, values in times.items()}
    step = sum(us[part] for part in parts[:5])
    floor = us["floor forward"] + us["floor backward"]
    return {"us_per_batch": us, "mlplab_step_us": step, "floor_us": floor, "step_over_floor": step / floor}


def gemm_flops(layer_sizes: tuple[int, ...], n_samples: int) -> int:
    """Floating-point operations of the floor's products for one epoch (2·m·n·k per product)."""
    products_per_row = 0
    for index, (n_in, n_out) in enumerate(itertools.pairwise(layer_sizes)):
        products_per_row += (3 if index else 2) * n_in * n_out
    return 2 * n_samples * products_per_row


def peak_matmul_gflops(dtype, size: int = 1024, tries: int = 5) -> float:
    """The machine's matmul rate on a large square product (best of ``tries``), GFLOP/s."""
    rng = np.random.default_rng(SEED)
    a, b = (rng.standard_normal((size, size)).astype(dtype) for _ in range(2))
    out = np.empty((size, size), dtype=dtype)
    np.matmul(a, b, out=out)
    best = math.inf
    for _ in range(tries):
        start = now()
        np.matmul(a, b, out=out)
        best = min(best, now() - start)
    return 2 * size**3 / best / 1e9


# -------------------------------------------------------------- the workloads
def trainer_tasks(tools, spec: TrainSpec, warmup_epochs: int, X, y):
    """(timed, warm-up) callables for the tools that train ``spec`` themselves."""
    warm = replace(spec, epochs=min(warmup_epochs, spec.epochs))
    tasks = {tool: functools.partial(TRAINERS[tool], spec, X, y) for tool in tools}
    warmups = {tool: functools.partial(TRAINERS[tool], warm, X, y) for tool in tools}
    return tasks, warmups


def small_comparisons(tools) -> list[Comparison]:
    return [Comparison("mlplab", tool, SMALL_TARGETS.get(tool)) for tool in tools if tool != "mlplab"]


def spirals_workload(name: str, title: str, optimizer: str, epochs: int, unit: str, tools, settings):
    X, y = spirals_data()
    spec = TrainSpec(SPIRALS_NET, SPIRALS_ACTIVATION, optimizer, SPIRALS_LR, SPIRALS_BATCH, epochs, SEED)
    tasks, warmups = trainer_tasks(tools, spec, settings.warmup_epochs, X, y)
    config = {"data": "spirals(200, noise=0.1, seed=0)", **spec_config(spec)}
    comparisons = small_comparisons(tools)
    if unit == "µs/step":  # issue 14: one step of the small net at most 1.05× the bare NumPy loop's
        comparisons = [
            replace(c, target=STEP_TARGET) if c.denominator == "numpy loop" else c for c in comparisons
        ]
    return Workload(name, title, unit, spec.steps(len(X)), 1, tasks, warmups, comparisons, config)


def grid_workload(tools, settings, n_jobs: int | None):
    X, y = spirals_data()
    specs = [
        TrainSpec((2, *hidden, 1), activation, "sgd", rate, SPIRALS_BATCH, settings.grid_epochs, SEED)
        for hidden in GRID_HIDDEN
        for rate in GRID_LEARNING_RATES
        for activation in GRID_ACTIVATIONS
    ]
    warm_specs = [replace(spec, epochs=min(settings.warmup_epochs, spec.epochs)) for spec in specs]
    tasks = {tool: functools.partial(train_grid, TRAINERS[tool], specs, X, y) for tool in tools}
    warmups = {tool: functools.partial(train_grid, TRAINERS[tool], warm_specs, X, y) for tool in tools}
    comparisons = small_comparisons(tools)
    parallel = f"mlplab {n_jobs} workers" if n_jobs else None
    if parallel:
        tasks[parallel] = functools.partial(train_grid_parallel, specs, X, y, n_jobs)
        warmups[parallel] = functools.partial(train_grid_parallel, warm_specs, X, y, n_jobs)
        if "scikit-learn" in tools:
            comparisons.append(Comparison(parallel, "scikit-learn", 0.15))
        comparisons.append(Comparison(parallel, "mlplab"))  # the speed-up from the second core
    config = {
        "data": "spirals(200, noise=0.1, seed=0)",
        "cells": len(specs),
        "hidden": [list(h) for h in GRID_HIDDEN],
        "learning_rates": list(GRID_LEARNING_RATES),
        "activations": list(GRID_ACTIVATIONS),
        "optimizer": "sgd",
        "batch_size": SPIRALS_BATCH,
        "epochs": settings.grid_epochs,
        "parallel": {"backend": "loky", "n_jobs": n_jobs, "blas_threads_per_worker": 1} if n_jobs else None,
    }
    steps = sum(spec.steps(len(X)) for spec in specs)
    title = f"27-cell grid, {settings.grid_epochs} epochs per cell, batch 32, SGD"
    return Workload("grid", title, "s", steps, 1, tasks, warmups, comparisons, config)


def large_workload(tools, settings):
    n, epochs = settings.large_samples, settings.large_epochs
    X, y = large_data(n)
    X32 = X.astype(np.float32)
    spec = TrainSpec(LARGE_NET, LARGE_ACTIVATION, "sgd", LARGE_LR, LARGE_BATCH, epochs, SEED)
    spec32 = replace(spec, dtype=np.float32)
    warm = min(settings.warmup_epochs, 1)
    tasks, warmups = trainer_tasks(tools, spec, warm, X, y)
    tasks["mlplab float32"] = functools.partial(train_mlplab, spec32, X32, y)
    warmups["mlplab float32"] = functools.partial(train_mlplab, replace(spec32, epochs=warm), X32, y)
    for label, dtype in (("GEMM floor", np.float64), ("GEMM floor float32", np.float32)):
        tasks[label] = functools.partial(gemm_floor, LARGE_NET, n, LARGE_BATCH, epochs, dtype)
        warmups[label] = functools.partial(gemm_floor, LARGE_NET, n, LARGE_BATCH, warm, dtype)
    comparisons = [
        Comparison("mlplab", "GEMM floor", FLOOR_TARGET),
        *(Comparison("mlplab", t, 0.7 if t == "scikit-learn" else None) for t in tools if t != "mlplab"),
        Comparison("mlplab float32", "mlplab", FLOAT32_TARGET),
        Comparison("mlplab float32", "GEMM floor float32"),
    ]
    config = {
        "data": f"standard normal {n}×64, labels from a random linear rule, seed {SEED}",
        **spec_config(spec),
        "dtype": "float64; float32 for 'mlplab float32' and 'GEMM floor float32'",
    }
    workload = Workload(
        "large", f"{n}×64, [64,512,512,1], batch 256, SGD, per epoch of a {epochs}-epoch run", "s/epoch",
        spec.steps(n), epochs, tasks, warmups, comparisons, config,
    )  # fmt: skip
    workload.info["gemm_flops_per_epoch"] = gemm_flops(LARGE_NET, n)
    return workload


def xor_workload(tools, settings):
    X, y = make_xor()
    spec = TrainSpec(XOR_NET, XOR_ACTIVATION, "sgd", XOR_LR, None, settings.xor_epochs, SEED)
    tasks, warmups = trainer_tasks(tools, spec, settings.warmup_epochs, X, y)
    config = {"data": "the four XOR points", **spec_config(spec)}
    title = f"XOR [2,4,1], sigmoid, full batch, {settings.xor_epochs} epochs, SGD 0.5"
    comparisons = small_comparisons(tools)
    return Workload("xor", title, "s", spec.steps(len(X)), 1, tasks, warmups, comparisons, config)


def spec_config(spec: TrainSpec) -> dict:
    return {
        "layer_sizes": list(spec.layer_sizes),
        "activation": spec.activation,
        "optimizer": spec.optimizer,
        "learning_rate": spec.learning_rate,
        "batch_size": spec.batch_size,
        "epochs": spec.epochs,
        "seed": spec.seed,
    }


def build_workloads(names, tools, settings, n_jobs) -> list[Workload]:
    step = settings.step_epochs
    builders = {
        "sgd_step": lambda: spirals_workload(
            "sgd_step", f"one SGD step, [2,32,16,8,1], relu, batch 32, of a {step}-epoch spirals run",
            "sgd", settings.step_epochs, "µs/step", tools, settings),
        "adam_step": lambda: spirals_workload(
            "adam_step", f"one Adam step, the same, of a {step}-epoch run",
            "adam", settings.step_epochs, "µs/step", tools, settings),
        "spirals": lambda: spirals_workload(
            "spirals", f"spirals 200, [2,32,16,8,1], relu, batch 32, {settings.spirals_epochs} epochs, SGD",
            "sgd", settings.spirals_epochs, "s", tools, settings),
        "grid": lambda: grid_workload(tools, settings, n_jobs),
        "large": lambda: large_workload(tools, settings),
        "xor": lambda: xor_workload(tools, settings),
    }  # fmt: skip
    return [builders[name]() for name in WORKLOADS if name in names]


# ------------------------------------------------------------------ warm-up
def warm_up(workload: Workload, skipped: dict[str, str]) -> None:
    """Run every tool's warm-up; compare the weights of the tools that start from mlplab's.

    An optional tool that fails here is reported and left out of this workload.
    """
    finals: dict[str, object] = {}
    for tool in list(workload.warmups):
        start = time.perf_counter()
        try:
            run = workload.warmups[tool]()
        except Exception:
            if tool in CORE_TOOLS:
                raise
            traceback.print_exc()
            skipped[f"{workload.name}: {tool}"] = f"failed in warm-up: {sys.exc_info()[1]!r}"
            del workload.tasks[tool]
            workload.comparisons = [
                c for c in workload.comparisons if tool not in (c.numerator, c.denominator)
            ]
            continue
        workload.info.setdefault("warmup_seconds", {})[tool] = time.perf_counter() - start
        info = run.info or {}
        finals[tool] = info.get("finals", [run.final_params])
        if tool == "scikit-learn":  # the timed runs are checked too: train_sklearn raises
            cells = info.get("cells", [info])
            workload.checks[tool] = {key: sorted({cell[key] for cell in cells}) for key in ("n_iter_", "t_")}
    reference = finals.get("mlplab")
    for tool, tool_finals in finals.items():
        if tool == "mlplab" or reference is None or all(f is None for f in tool_finals):
            continue
        differences = [max_weight_difference(f, r) for f, r in zip(tool_finals, reference)]
        if any(d is None for d in differences):
            continue
        scale = max(1.0, max(float(np.max(np.abs(r))) for r in reference))
        worst = max(differences)
        check = {"max_abs_weight_diff_vs_mlplab": worst, "runs_compared": len(differences)}
        if "float32" not in tool:  # float32 weights differ from float64 ones by float32 rounding
            check["same_arithmetic"] = worst <= SAME_ARITHMETIC * scale
        workload.checks[tool] = check


# ----------------------------------------------------------------------- memory
def memory_profile(n_samples: int) -> dict:
    """Peak traced memory of ``MLP.train`` (one epoch) for two widths × two batch sizes, and half the data."""
    configs = [(n_samples, w, b) for w in MEMORY_WIDTHS for b in MEMORY_BATCHES]
    half = n_samples // 2  # the data-size slope: how many copies of the data set are alive
    if half <= max(MEMORY_BATCHES):
        raise ValueError(f"memory needs more than {2 * max(MEMORY_BATCHES)} samples, got {n_samples}")
    configs += [(half, MEMORY_WIDTHS[0], MEMORY_BATCHES[1]), (half, MEMORY_WIDTHS[1], MEMORY_BATCHES[0])]
    X_all, y_all = large_data(n_samples)
    rows = []
    for n, width, batch in configs:
        X, y = X_all[:n].copy(), y_all[:n].copy()
        layer_sizes = [X.shape[1], width, width, 1]
        model = MLP(layer_sizes, LARGE_ACTIVATION, LARGE_LR, seed=SEED)
        gc.collect()
        tracemalloc.start()
        try:
            model.train(X, y, epochs=1, batch_size=batch)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        itemsize = X.itemsize
        rows.append({
            "n_samples": n, "width": width, "batch_size": batch, "layer_sizes": layer_sizes,
            "n_params": model.n_params, "peak_bytes": peak,
            "data_bytes": n * (X.shape[1] + 1) * itemsize,  # features and one target per row
            "param_bytes": model.n_params * itemsize,
            "batch_bytes": batch * sum(layer_sizes[1:]) * itemsize,  # one value per unit and row
        })  # fmt: skip
    features = np.array([[1.0, r["data_bytes"], r["param_bytes"], r["batch_bytes"]] for r in rows])
    peaks = np.array([r["peak_bytes"] for r in rows], dtype=np.float64)
    coef, *_ = np.linalg.lstsq(features, peaks, rcond=None)
    fitted = features @ coef
    for row, value in zip(rows, fitted):
        row["fitted_bytes"] = float(value)
    residual = float(np.max(np.abs(fitted - peaks) / peaks))
    c_data = float(coef[1])
    return {
        "what": "tracemalloc peak during MLP.train (one epoch); tracing starts right before the call",
        "rows": rows,
        "fit": {
            "constant_bytes": float(coef[0]),
            "data_copies": c_data,
            "parameter_copies": float(coef[2]),
            "batch_activation_copies": float(coef[3]),
            "max_relative_residual": residual,
        },
        "linear": residual <= 0.05,
        "no_data_copy_per_step": c_data < 1.5,
    }


def print_memory(memory: dict) -> None:
    print("\nPeak memory of mlplab training (tracemalloc, one epoch):")
    print(f"{'samples':>8}{'width':>7}{'batch':>7}{'params':>10}{'peak MiB':>10}{'fit MiB':>9}")
    for r in memory["rows"]:
        print(f"{r['n_samples']:>8}{r['width']:>7}{r['batch_size']:>7}{r['n_params']:>10}"
              f"{r['peak_bytes'] / 2**20:>10.2f}{r['fitted_bytes'] / 2**20:>9.2f}")  # fmt: skip
    fit = memory["fit"]
    print(
        f"fit: peak ≈ {fit['constant_bytes'] / 2**10:.0f} KiB + {fit['data_copies']:.2f}·data "
        f"+ {fit['parameter_copies']:.2f}·params + {fit['batch_activation_copies']:.2f}·(batch·units); "
        f"largest residual {fit['max_relative_residual']:.1%}"
    )
    copies = "no copy per step" if memory["no_data_copy_per_step"] else "MORE THAN ONE: a copy per step?"
    print(
        f"linear growth: {'yes' if memory['linear'] else 'NO'}; copies of the data set alive at the peak: "
        f"{fit['data_copies']:.2f} ({copies})"
    )


# -------------------------------------------------------------------- reporting
def evaluate(workloads: list[Workload]) -> list[dict]:
    """Every comparison's ratio of medians, and whether it meets its target."""
    results = []
    for workload in workloads:
        for c in workload.comparisons:
            if c.numerator not in workload.times or c.denominator not in workload.times:
                continue
            top, bottom = workload.times[c.numerator], workload.times[c.denominator]
            ratio = summary(top)["median"] / summary(bottom)["median"]
            results.append({
                "workload": workload.name, "numerator": c.numerator, "denominator": c.denominator,
                "ratio": ratio, "target": c.target, "met": None if c.target is None else ratio <= c.target,
                "ratio_of_minimums": min(top) / min(bottom),  # steadier than medians on a busy machine
            })  # fmt: skip
    return results


def fmt(value: float) -> str:
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}" if value >= 1 else f"{value:.3f}"


def print_table(workloads: list[Workload], ratios: list[dict]) -> None:
    header = (
        f"{'workload':<10}{'tool':<20}{'median':>13}{'min–max':>17}{'µs/step':>9}"
        f"{'ratio':>7}  {'of':<32}{'target':>7}{'met':>5}"
    )
    print(header)
    print("-" * len(header))
    for workload in workloads:
        print(f"{workload.name:<10}{workload.title}")
        for tool, seconds in workload.times.items():
            values = [workload.value(s) for s in seconds]
            stats = summary(values)
            unit = workload.unit.replace("µs/step", "µs")
            us_per_step = summary(seconds)["median"] / workload.steps * 1e6
            # the ratio shown: mlplab/this tool, or for a variant of mlplab, the variant/its reference
            here = [r for r in ratios if r["workload"] == workload.name and tool != "mlplab"]
            mine = [r for r in here if r["denominator"] == tool]
            mine = mine or [r for r in here if r["numerator"] == tool]
            ratio_text, of, target, met = "", "", "", ""
            if mine:
                r = mine[0]
                ratio_text, of = f"{r['ratio']:.2f}", f"{r['numerator']}/{r['denominator']}"
                if r["target"] is not None:
                    target, met = f"≤{r['target']:g}", "yes" if r["met"] else "NO"
            print(
                f"{'':<10}{tool:<20}{fmt(stats['median']) + ' ' + unit:>13}"
                f"{fmt(stats['min']) + '–' + fmt(stats['max']):>17}{fmt(us_per_step):>9}"
                f"{ratio_text:>7}  {of:<32}{target:>7}{met:>5}"
            )


def print_checks(workloads: list[Workload]) -> None:
    for workload in workloads:
        for tool, check in workload.checks.items():
            if "max_abs_weight_diff_vs_mlplab" in check:
                verdict = VERDICTS[check.get("same_arithmetic")]
                print(
                    f"check {workload.name}: {tool} vs mlplab after the warm-up "
                    f"({check['runs_compared']} run(s)): max |Δw| = "
                    f"{check['max_abs_weight_diff_vs_mlplab']:.2g} ({verdict})"
                )
            else:
                print(
                    f"check {workload.name}: {tool} ran every epoch in the warm-up and the timed runs "
                    f"(warm-up n_iter_ = {check['n_iter_']}, samples seen t_ = {check['t_']})"
                )


# ------------------------------------------------------------------------- main
def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Workloads: " + ", ".join([*WORKLOADS, "memory"]) + ". See the module docstring for details.",
    )  # fmt: skip
    parser.add_argument("--quick", action="store_true", help="smoke run: tiny epochs and data, 1 repeat")
    parser.add_argument("--only", action="append", metavar="NAME", default=None,
                        help="run only this workload (repeatable, or comma-separated)")  # fmt: skip
    parser.add_argument("--repeats", type=positive_int, default=None,
                        help=f"timed runs per tool and workload (default {Settings.repeats})")  # fmt: skip
    parser.add_argument("--json", type=Path, default=None,
                        help=f"where to write the results (default {DEFAULT_JSON})")  # fmt: skip
    parser.add_argument("--jobs", type=positive_int, default=2,
                        help="workers of the parallel grid (default 2: both cores)")  # fmt: skip
    parser.add_argument("--no-torch", action="store_true", help="leave PyTorch out even if it is installed")
    parser.add_argument("--blas-threads", type=positive_int, default=None,
                        help="threadpoolctl: every BLAS on N threads (default: its own choice)")  # fmt: skip
    parser.add_argument("--torch-threads", type=positive_int, default=None,
                        help="torch.set_num_threads(N) (default: PyTorch's own choice)")  # fmt: skip
    parser.add_argument("--cpu-time", action="store_true",
                        help="time by CPU time (steadier on a busy machine); needs --blas-threads 1, "
                             "leaves out the parallel grid")  # fmt: skip
    parser.add_argument("--unset-coretype", action="store_true",
                        help="re-run the command without OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE")  # fmt: skip
    args = parser.parse_args(argv)
    names = [name.strip() for item in (args.only or [*WORKLOADS, "memory"]) for name in item.split(",")]
    unknown = sorted(set(names) - {*WORKLOADS, "memory"})
    if unknown:
        parser.error(f"unknown workload(s) {', '.join(unknown)}; choose from {', '.join(WORKLOADS)}, memory")
    args.only = names
    if args.cpu_time and args.blas_threads != 1:
        parser.error(
            "--cpu-time needs --blas-threads 1 (CPU time adds up the threads of a multi-threaded BLAS)"
        )
    return args


def reexecute_without_coretype(argv: list[str]) -> None:
    """Replace this process by the same command without the OpenBLAS core-type variables."""
    env = {key: value for key, value in os.environ.items() if key not in BLAS_ENV}
    env[UNSET_MARKER] = ";".join(f"{key}={os.environ.get(key)}" for key in BLAS_ENV)
    rest = [arg for arg in argv if arg != "--unset-coretype"]
    if not any(arg == "--json" or arg.startswith("--json=") for arg in rest):
        rest += ["--json", str(UNSET_JSON)]
    sys.stdout.flush()
    os.execve(sys.executable, [sys.executable, str(Path(__file__).resolve()), *rest], env)


def select_tools(args: argparse.Namespace) -> tuple[list[str], dict[str, str], int | None]:
    """The tools that can run here, the ones skipped and why, and the parallel grid's worker count."""
    tools, skipped = list(CORE_TOOLS), {}
    for tool, module_name in (("scikit-learn", "sklearn.neural_network"), ("torch", "torch")):
        if tool == "torch" and args.no_torch:
            skipped[tool] = "left out by --no-torch"
            continue
        module, missing = optional_import(module_name)
        if module is None:
            skipped[tool] = f"not importable ({missing})"
            continue
        tools.append(tool)
        if tool == "torch" and args.torch_threads:
            module.set_num_threads(args.torch_threads)
    n_jobs = args.jobs
    for module_name in ("joblib", "threadpoolctl"):
        module, missing = optional_import(module_name)
        if module is None and n_jobs:
            skipped["mlplab parallel grid"] = f"{module_name} not importable ({missing})"
            n_jobs = None
    return tools, skipped, n_jobs


def blas_threads(limit: int | None):
    """``threadpoolctl.threadpool_limits(limit)`` for every loaded BLAS, or nothing when ``limit`` is None."""
    if limit is None:
        return contextlib.nullcontext()
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=limit, user_api="blas")


def measure(workloads: list[Workload], settings: Settings, skipped: dict[str, str]) -> None:
    """Warm every tool up, then time them: each repeat runs every workload's tools once, rotated."""
    for workload in workloads:
        print(f"warm-up {workload.name}", file=sys.stderr, flush=True)
        warm_up(workload, skipped)
        workload.times = {tool: [] for tool in workload.tasks}
    large = next((w for w in workloads if w.name == "large"), None)
    if large is not None:
        large.info["peak_matmul_gflops"] = {
            name: peak_matmul_gflops(dtype, settings.matmul_size)
            for name, dtype in (("float64", np.float64), ("float32", np.float32))
        }
    for repeat in range(settings.repeats):
        for index, workload in enumerate(workloads):
            tasks = {tool: (lambda task=task: task().seconds) for tool, task in workload.tasks.items()}
            for tool, seconds in one_repeat(tasks, repeat, offset=index).items():
                workload.times[tool].append(seconds)
            print(f"repeat {repeat + 1}/{settings.repeats}: {workload.name}", file=sys.stderr, flush=True)
    if large is not None:
        flops = large.info["gemm_flops_per_epoch"]
        for tool in ("GEMM floor", "GEMM floor float32", "mlplab", "mlplab float32"):
            if tool in large.times:
                per_epoch = summary(large.times[tool])["median"] / large.per_run
                large.info.setdefault("effective_gflops", {})[tool] = flops / per_epoch / 1e9
        peak = large.info["peak_matmul_gflops"]["float64"]
        large.info["flops_over_peak_seconds_per_epoch"] = flops / (peak * 1e9)
        n = settings.large_samples
        dtypes = (("float64", np.float64), ("float32", np.float32))
        large.info["gemm_floor_peak_bytes_allocated"] = {
            name: gemm_floor(LARGE_NET, n, LARGE_BATCH, 1, dtype, trace=True).info["peak_bytes_allocated"]
            for name, dtype in dtypes
        }
        print("profile large: where a step goes", file=sys.stderr, flush=True)
        large.info["step_breakdown"] = {name: large_step_breakdown(n, dtype) for name, dtype in dtypes}


def print_large_profile(workloads: list[Workload]) -> None:
    """The large net's step, part by part (:func:`large_step_breakdown`), and the floor's allocations."""
    large = next((w for w in workloads if w.name == "large" and "step_breakdown" in w.info), None)
    if large is None:
        return
    allocated = large.info["gemm_floor_peak_bytes_allocated"]
    print(f"\nGEMM floor: bytes allocated during an epoch (tracemalloc): "
          f"{', '.join(f'{k} {v}' for k, v in allocated.items())} (its products write into preallocated "
          "outputs)")  # fmt: skip
    print("Where one step of the large net goes (µs per batch of 256, median over an epoch, profiled alone):")
    breakdowns = large.info["step_breakdown"]
    print(f"{'part':<18}" + "".join(f"{name:>12}" for name in breakdowns))
    for part in next(iter(breakdowns.values()))["us_per_batch"]:
        print(f"{part:<18}" + "".join(f"{b['us_per_batch'][part]:>12.0f}" for b in breakdowns.values()))
    print(f"{'mlplab step':<18}" + "".join(f"{b['mlplab_step_us']:>12.0f}" for b in breakdowns.values()))
    print(f"{'step / floor':<18}" + "".join(f"{b['step_over_floor']:>12.3f}" for b in breakdowns.values()))


def print_header(env: dict, tools: list[str], skipped: dict[str, str], settings: Settings, args) -> None:
    print(
        f"Python {platform.python_version()}, NumPy {np.__version__}, {blas_summary(env)}, "
        f"OPENBLAS_CORETYPE={env['OPENBLAS_CORETYPE']}, OPENBLAS_L2_SIZE={env['OPENBLAS_L2_SIZE']}"
        + (f" (unset; before: {env['blas_env_before_unset']})" if env["blas_env_before_unset"] else "")
    )
    print(
        f"tools: {', '.join(tools)}; scikit-learn {env['scikit-learn']}, torch {env['torch']} "
        f"({env.get('torch_num_threads', '-')} threads); BLAS threads {args.blas_threads or 'default'}; "
        f"{settings.repeats} repeat(s)" + (" (--quick: tiny epochs and data)" if args.quick else "")
    )
    for tool, reason in skipped.items():
        print(f"note: {tool} skipped: {reason}")
    load = env["load_average"]
    if load and load[0] > 0.5 * (os.cpu_count() or 1):
        print(f"note: the machine is busy (load average {load[0]:.1f} on {os.cpu_count()} cores): timings "
              "are slower and noisier than on a quiet machine, multi-threaded BLAS most of all")  # fmt: skip


def print_summary(ratios: list[dict]) -> int:
    for r in ratios:
        if r["denominator"].startswith("GEMM floor") and r["ratio"] < 0.95:
            print(f"note: {r['numerator']} ran faster than its GEMM floor ({r['ratio']:.2f}): the floor's "
                  "runs were slowed by other work on the machine; the JSON's ratio_of_minimums is "
                  f"{r['ratio_of_minimums']:.2f}. Run again on a quiet machine.")  # fmt: skip
    targets = [r for r in ratios if r["target"] is not None]
    met = sum(bool(r["met"]) for r in targets)
    print(f"\ntargets met: {met} of {len(targets)}")
    for r in targets:
        if not r["met"]:
            print(f"  missed: {r['workload']}: {r['numerator']}/{r['denominator']} = {r['ratio']:.2f} "
                  f"(target ≤ {r['target']:g}; ratio of the minimums "
                  f"{r['ratio_of_minimums']:.2f})")  # fmt: skip
    return met


def workload_json(w: Workload) -> dict:
    return {
        "title": w.title,
        "unit": w.unit,
        "config": w.config,
        "steps_per_run": w.steps,
        "tools": {
            tool: {
                **summary([w.value(s) for s in seconds]),
                "seconds_per_run": seconds,
                "us_per_step_median": summary(seconds)["median"] / w.steps * 1e6,
            }
            for tool, seconds in w.times.items()
        },
        "checks": w.checks,
        "info": w.info,
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    if args.unset_coretype:
        reexecute_without_coretype(argv)  # does not return
    settings = QUICK if args.quick else Settings()
    if args.repeats is not None:
        settings = replace(settings, repeats=args.repeats)
    json_path = args.json or DEFAULT_JSON

    tools, skipped, n_jobs = select_tools(args)
    if args.cpu_time:
        use_cpu_time()
        if n_jobs:
            skipped["mlplab parallel grid"] = (
                "left out by --cpu-time (its workers' CPU time is not this process's)"
            )
            n_jobs = None
    workloads = build_workloads(args.only, tools, settings, n_jobs)
    env = environment()
    env["blas_env_before_unset"] = os.environ.get(UNSET_MARKER)
    print_header(env, tools, skipped, settings, args)

    started = time.perf_counter()
    with blas_threads(args.blas_threads):
        measure(workloads, settings, skipped)
        memory = memory_profile(settings.memory_samples) if "memory" in args.only else None

    ratios = evaluate(workloads)
    print()
    print_table(workloads, ratios)
    print()
    print_checks(workloads)
    print_large_profile(workloads)
    if memory is not None:
        print_memory(memory)
    met = print_summary(ratios)

    results = {
        "benchmark": "run",
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "command": [sys.executable, *sys.argv],
        "seconds_total": time.perf_counter() - started,
        "settings": {
            **asdict(settings),
            "quick": args.quick,
            "only": args.only,
            "jobs": n_jobs,
            "torch_threads": args.torch_threads,
            "blas_threads": args.blas_threads,
            "clock": "cpu time (time.process_time)" if args.cpu_time else "wall time (time.perf_counter)",
        },
        "tools": tools,
        "skipped": skipped,
        "workloads": {w.name: workload_json(w) for w in workloads},
        "ratios": ratios,
        "targets_met": met,
        "targets_total": sum(r["target"] is not None for r in ratios),
        "memory": memory,
        "environment": env,
    }
    write_json_atomic(json_path, results)
    print(f"results written to {json_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
