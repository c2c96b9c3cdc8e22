"""Shared parts of the benchmarks: one training run by each tool, interleaved timing, machine info, JSON.

The same training, described by a :class:`TrainSpec`, can be run by

* :func:`train_mlplab`: ``mlplab.MLP(...).train(...)``;
* :func:`train_numpy`: a bare hand-written NumPy loop, no library: the same
  network, initialisation, batches, loss, backward pass and SGD/Adam update,
  with all parameters in one flat vector as in mlplab. It is a floor for the
  Python overhead of a NumPy implementation;
* :func:`train_sklearn`: scikit-learn's ``MLPClassifier`` with the same
  architecture, optimiser, batch size and epochs (``shuffle=True``, ``alpha=0``,
  ``momentum=0`` for plain SGD, ``tol=0`` and ``n_iter_no_change > max_iter`` so
  that it runs every epoch; ``n_iter_`` and ``t_`` are checked);
* :func:`train_torch`: PyTorch in ``float64``, ``BCEWithLogitsLoss`` and
  ``torch.optim.SGD``/``Adam``.

The NumPy loop and PyTorch start from mlplab's initial weights (drawn the way
``MLP(seed=...)`` draws them) and walk through the same shuffled batches, so
after a short run their weights agree with mlplab's to rounding: that is the
check that all three do the same arithmetic. scikit-learn initialises
differently; its arithmetic per step is the same.

Only the training call is timed (not building the model or the data). scikit-learn
and PyTorch are imported lazily, so that a benchmark without them starts fast.
Every random draw is seeded (NumPy Generators, scikit-learn's ``random_state``).
"""

from __future__ import annotations

import argparse
import contextlib
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
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import numpy as np

from mlplab import MLP

ADAM_BETA1, ADAM_BETA2, ADAM_EPS = 0.9, 0.999, 1e-8  # the defaults of mlplab, scikit-learn and torch
SKLEARN_ACTIVATIONS = {"relu": "relu", "sigmoid": "logistic", "tanh": "tanh"}
BLAS_ENV = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


_CLOCK = [time.perf_counter]


def now() -> float:
    """The benchmarks' clock: wall time (``time.perf_counter``), or CPU time after :func:`use_cpu_time`."""
    return _CLOCK[0]()


def use_cpu_time() -> None:
    """Time by this process's CPU time (``time.process_time``) from now on.

    On a machine busy with other work, wall time counts the moments this
    process waits for a core; CPU time does not, so ratios are steadier. It
    is the work done only for single-threaded runs (one BLAS thread, no
    worker processes): otherwise it would add up the threads' CPU time (and
    their spinning) and leave out other processes'.
    """
    _CLOCK[0] = time.process_time


@dataclass(frozen=True)
class TrainSpec:
    """One training run: network, optimiser, batches, epochs (the same for every tool).

    ``batch_size=None`` is full-batch gradient descent (no shuffling, as in mlplab).
    ``dtype`` is used by mlplab only; the other tools run in float64.
    """

    layer_sizes: tuple[int, ...]
    activation: str
    optimizer: str  # 'sgd' or 'adam'
    learning_rate: float
    batch_size: int | None
    epochs: int
    seed: int = 0
    dtype: type = np.float64

    def batch_rows(self, n_samples: int) -> int:
        return n_samples if self.batch_size is None else min(self.batch_size, n_samples)

    def steps(self, n_samples: int) -> int:
        """Optimiser steps of the whole run (the last, smaller batch counts as a step)."""
        return self.epochs * math.ceil(n_samples / self.batch_rows(n_samples))


@dataclass
class Run:
    """One timed training run."""

    seconds: float
    final_params: np.ndarray | None = None  # flat W1, b1, W2, b2, ... (mlplab's layout), if comparable
    info: dict | None = None  # what a tool reports about its run (epochs run, samples seen)


def optional_import(name: str) -> tuple[ModuleType | None, str | None]:
    """The module, or None and why not (a broken install can raise more than ImportError)."""
    try:
        return importlib.import_module(name), None
    except Exception as exc:
        return None, f"{type(exc).__name__}: {exc}"


# ---------------------------------------------------------------- shared set-up
def seeded_generators(seed: int) -> tuple[np.random.Generator, np.random.Generator]:
    """(init, shuffle) Generators made the way ``MLP(seed=seed)`` makes them."""
    init_rng, shuffle_rng = np.random.default_rng(seed).spawn(2)
    return init_rng, shuffle_rng


def initial_weights(spec: TrainSpec, rng: np.random.Generator) -> list[np.ndarray]:
    """mlplab's default initialisation: He normal for ReLU, Xavier uniform otherwise; shapes (n_out, n_in)."""
    weights = []
    for n_in, n_out in itertools.pairwise(spec.layer_sizes):
        if spec.activation == "relu":
            weights.append(rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_out, n_in)))
        else:
            limit = np.sqrt(6.0 / (n_in + n_out))
            weights.append(rng.uniform(-limit, limit, size=(n_out, n_in)))
    return weights


# ----------------------------------------------------------------------- mlplab
def train_mlplab(spec: TrainSpec, X: np.ndarray, y: np.ndarray) -> Run:
    model = MLP(
        list(spec.layer_sizes),
        activation=spec.activation,
        learning_rate=spec.learning_rate,
        optimizer=spec.optimizer,
        seed=spec.seed,
        dtype=spec.dtype,
    )
    start = now()
    history = model.train(X, y, epochs=spec.epochs, batch_size=spec.batch_size)
    seconds = now() - start
    if history.n_epochs != spec.epochs:
        raise RuntimeError(f"mlplab stopped after {history.n_epochs} of {spec.epochs} epochs")
    return Run(seconds, model.network.params.astype(np.float64), {"epochs_run": history.n_epochs})


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


def train_numpy(spec: TrainSpec, X: np.ndarray, y: np.ndarray) -> Run:
    """The same training written out by hand: no classes, no checks, no history."""
    init_rng, shuffle_rng = seeded_generators(spec.seed)
    shapes = [(n_out, n_in) for n_in, n_out in itertools.pairwise(spec.layer_sizes)]
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
    for weight, start_weight in zip(weights, initial_weights(spec, init_rng)):
        weight[...] = start_weight

    forward, backward = NUMPY_ACTIVATIONS[spec.activation]
    hidden = list(zip(weights[:-1], biases[:-1]))
    W_out, b_out = weights[-1], biases[-1]
    last = len(weights) - 1
    T = y.astype(np.float64).reshape(-1, 1)  # (n, 1) targets
    n = X.shape[0]
    batch = spec.batch_rows(n)
    rate = spec.learning_rate
    use_adam = spec.optimizer == "adam"
    m, v, scratch = np.zeros_like(params), np.zeros_like(params), np.zeros_like(params)
    t = 0

    start = now()
    for _ in range(spec.epochs):
        if batch < n:
            order = shuffle_rng.permutation(n)
            X_epoch, T_epoch = X[order], T[order]
        else:
            X_epoch, T_epoch = X, T
        loss_sum = 0.0
        for lo in range(0, n, batch):
            a = X_epoch[lo : lo + batch]
            targets = T_epoch[lo : lo + batch]
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
                scratch *= rate / (1.0 - ADAM_BETA1**t)  # α m̂ / (√v̂ + ε)
                params -= scratch
            else:
                np.multiply(grads, rate, out=scratch)
                params -= scratch
    seconds = now() - start
    return Run(seconds, params.copy())


# ------------------------------------------------------------------ scikit-learn
def train_sklearn(spec: TrainSpec, X: np.ndarray, y: np.ndarray) -> Run:
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    if spec.optimizer == "sgd":
        solver = {"solver": "sgd", "momentum": 0.0, "nesterovs_momentum": False, "learning_rate": "constant"}
    else:
        solver = {"solver": "adam", "beta_1": ADAM_BETA1, "beta_2": ADAM_BETA2, "epsilon": ADAM_EPS}
    model = MLPClassifier(
        hidden_layer_sizes=spec.layer_sizes[1:-1],
        activation=SKLEARN_ACTIVATIONS[spec.activation],
        learning_rate_init=spec.learning_rate,
        batch_size=spec.batch_rows(X.shape[0]),
        max_iter=spec.epochs,
        tol=0.0,
        n_iter_no_change=spec.epochs + 1,
        shuffle=True,
        alpha=0.0,
        random_state=spec.seed,
        **solver,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # "maximum iterations reached" is the plan
        start = now()
        model.fit(X, y)
        seconds = now() - start
    samples_seen = int(model.t_)
    if model.n_iter_ != spec.epochs or samples_seen != spec.epochs * X.shape[0]:
        raise RuntimeError(
            f"scikit-learn ran {model.n_iter_} of {spec.epochs} epochs and saw {samples_seen} samples "
            f"instead of {spec.epochs * X.shape[0]}"
        )
    return Run(seconds, None, {"n_iter_": int(model.n_iter_), "t_": samples_seen})


# ------------------------------------------------------------------------ torch
def train_torch(spec: TrainSpec, X: np.ndarray, y: np.ndarray) -> Run:
    import torch

    init_rng, shuffle_rng = seeded_generators(spec.seed)
    activation = {"relu": torch.nn.ReLU, "sigmoid": torch.nn.Sigmoid, "tanh": torch.nn.Tanh}
    start_weights = initial_weights(spec, init_rng)
    layers = []
    for index, start_weight in enumerate(start_weights):
        n_out, n_in = start_weight.shape
        # skip_init: no draw from torch's global generator; the weights come from mlplab's initialisation
        linear = torch.nn.utils.skip_init(torch.nn.Linear, n_in, n_out, dtype=torch.float64)
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(start_weight))
            linear.bias.zero_()
        layers.append(linear)
        if index < len(start_weights) - 1:
            layers.append(activation[spec.activation]())
    model = torch.nn.Sequential(*layers)
    loss_fn = torch.nn.BCEWithLogitsLoss()  # mean over the batch
    if spec.optimizer == "sgd":
        optimizer = torch.optim.SGD(model.parameters(), lr=spec.learning_rate)
    else:
        optimizer = torch.optim.Adam(
            model.parameters(), lr=spec.learning_rate, betas=(ADAM_BETA1, ADAM_BETA2), eps=ADAM_EPS
        )
    X_all = torch.from_numpy(np.ascontiguousarray(X, dtype=np.float64))
    T_all = torch.from_numpy(y.astype(np.float64).reshape(-1, 1))
    n = X.shape[0]
    batch = spec.batch_rows(n)

    start = now()
    for _ in range(spec.epochs):
        if batch < n:
            order = torch.from_numpy(shuffle_rng.permutation(n))
            X_epoch, T_epoch = X_all[order], T_all[order]
        else:
            X_epoch, T_epoch = X_all, T_all
        loss_sum = 0.0
        for lo in range(0, n, batch):
            X_batch = X_epoch[lo : lo + batch]
            optimizer.zero_grad()
            loss = loss_fn(model(X_batch), T_epoch[lo : lo + batch])
            loss.backward()
            optimizer.step()
            loss_sum += loss.item() * X_batch.shape[0]
    seconds = now() - start
    final = torch.cat([p.detach().reshape(-1) for p in model.parameters()]).numpy().copy()
    return Run(seconds, final)


TRAINERS: dict[str, Callable[[TrainSpec, np.ndarray, np.ndarray], Run]] = {
    "mlplab": train_mlplab,
    "numpy loop": train_numpy,
    "scikit-learn": train_sklearn,
    "torch": train_torch,
}


def max_weight_difference(final: np.ndarray | None, reference: np.ndarray | None) -> float | None:
    """Largest |Δw| between two flat parameter vectors, None if either is missing."""
    if final is None or reference is None or final.shape != reference.shape:
        return None
    return float(np.max(np.abs(final - reference)))


# ----------------------------------------------------------------------- timing
def one_repeat(tasks: dict[str, Callable[[], float]], repeat: int, offset: int = 0) -> dict[str, float]:
    """Run every task once, in an order rotated by ``repeat + offset``; their measured seconds.

    Each task returns its own measured time. Rotating the order from repeat to
    repeat means no tool always runs first (or right after the same neighbour),
    so slow phases of a noisy machine hit every tool alike.
    """
    names = list(tasks)
    shift = (repeat + offset) % len(names)
    seconds = {}
    for name in names[shift:] + names[:shift]:
        gc.collect()  # don't let one tool's garbage be collected on another's clock
        seconds[name] = tasks[name]()
    return {name: seconds[name] for name in names}


def summary(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": values}


# ------------------------------------------------------------------- reporting
def environment() -> dict:
    """The machine, the libraries and the BLAS settings that the timings depend on.

    Call it after the tools are imported, so that every loaded BLAS shows up.
    """
    info = {
        "python": sys.version,
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor(),
        "cpu_count": os.cpu_count(),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "numpy": np.__version__,
        **{name: os.environ.get(name) for name in BLAS_ENV},
        "thread_env": {name: os.environ.get(name) for name in THREAD_ENV},
    }
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            info["numpy_config"] = np.show_config(mode="dicts")
    except TypeError:  # NumPy < 1.26 has no mode argument
        info["numpy_config"] = None
    threadpoolctl, _ = optional_import("threadpoolctl")
    if threadpoolctl is not None:
        info["threadpools"] = threadpoolctl.threadpool_info()
    for module_name, key in (("sklearn", "scikit-learn"), ("torch", "torch"), ("joblib", "joblib")):
        module = sys.modules.get(module_name)
        info[key] = getattr(module, "__version__", None) if module is not None else None
    if sys.modules.get("torch") is not None:
        info["torch_num_threads"] = sys.modules["torch"].get_num_threads()
    return info


def blas_summary(env: dict) -> str:
    config = env.get("numpy_config") or {}
    blas = config.get("Build Dependencies", {}).get("blas", {})
    text = f"BLAS {blas.get('name', '?')} {blas.get('version', '?')}"
    cores = {pool.get("architecture") for pool in env.get("threadpools", []) if pool.get("architecture")}
    if cores:
        text += f" ({', '.join(sorted(cores))})"
    return text


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


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, got {text}")
    return value
