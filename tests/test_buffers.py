"""The network's per-batch-size buffers: training gives the same bits as before them, float32 stays float32.

``tests/data/buffers_reference.npz`` holds the SHA-256 digests of the final
parameters and per-epoch losses (their dtype, shape and bytes) of the runs in
:func:`reference_runs`, made by the code of ``main`` at commit 0247da8, before
the buffers existed, with

    PYTHONPATH=src python tests/test_buffers.py

(which writes the file from the library it imports). The test trains the same
runs with the current library and asks for equal bits.
"""

from __future__ import annotations

import hashlib
import sys
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from mlplab.nn import Activation, Network, fit, optimizers
from mlplab.nn.losses import BinaryCrossEntropy, MeanSquaredError, SoftmaxCrossEntropy
from mlplab.nn.optimizers import SGD, Adam, Momentum, RMSprop
from mlplab.nn.training import EarlyStopping, StochasticState, fit_stochastic

REFERENCE = Path(__file__).resolve().parent / "data" / "buffers_reference.npz"
N_SAMPLES, N_FEATURES = 23, 4  # batch 8 gives 8 + 8 + 7 rows: a last, smaller batch


def data(n_outputs: int = 1, kind: str = "binary", seed: int = 5, n: int = N_SAMPLES, dtype=np.float64):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, N_FEATURES))
    if kind == "binary":
        T = (X[:, :1] + 0.5 * X[:, 1:2] ** 2 > 0.3).astype(np.float64)
    elif kind == "softmax":
        T = np.eye(n_outputs)[rng.integers(0, n_outputs, size=n)]
    else:
        T = rng.standard_normal((n, n_outputs))
    return X.astype(dtype), T.astype(dtype)


def network(sizes, activation, dtype=np.float64, dropout=None, seed=0) -> Network:
    net = Network(list(sizes), activation, dtype=dtype, dropout=dropout)
    net.initialize(np.random.default_rng(seed))
    return net


OPTIMIZERS = {
    "sgd": lambda: SGD(0.3),
    "adam": lambda: Adam(0.02),
    "nesterov": lambda: SGD(0.1, momentum=0.9, nesterov=True),
    "momentum": lambda: Momentum(0.2, beta=0.8),
    "rmsprop": lambda: RMSprop(0.01),
}


def softplus_activation() -> Activation:  # a custom one: its layer keeps z, not a
    return Activation.from_functions(
        "softplus", lambda z: np.logaddexp(0.0, z), lambda z: 0.5 * (1.0 + np.tanh(0.5 * z))
    )


def _fit_run(sizes, activation, optimizer, batch, dtype, l2=0.0, loss=None, kind="binary", validation=False,
             epochs=4, seed=0):  # fmt: skip
    net = network(sizes, activation, dtype, seed=seed)
    X, T = data(sizes[-1], kind, dtype=dtype)
    val = data(sizes[-1], kind, seed=9, n=11, dtype=dtype) if validation else None
    metrics = {"mean": lambda logits, targets: float(np.mean(logits))} if validation else None
    stopper = EarlyStopping(patience=2) if validation else None
    history = fit(net, loss or BinaryCrossEntropy(), OPTIMIZERS[optimizer](), X, T, epochs=epochs,
                  batch_size=batch, rng=np.random.default_rng(seed + 1), l2=l2, metrics=metrics,
                  validation=val, early_stopping=stopper)  # fmt: skip
    losses = history.train_loss + history.val_loss
    return net.params.copy(), np.array(losses)


def reference_runs() -> dict[str, np.ndarray]:
    """Every run's final parameters (``name/params``) and losses (``name/losses``)."""
    runs = {}
    for optimizer in ("sgd", "adam"):
        for activation in ("sigmoid", "tanh", "relu"):
            for batch in (None, 8):
                for dtype in (np.float64, np.float32):
                    name = f"{optimizer}-{activation}-{batch or 'full'}-{np.dtype(dtype).name}"
                    l2 = 1e-3 if batch else 0.0
                    runs[name] = _fit_run((4, 7, 5, 1), activation, optimizer, batch, dtype, l2=l2)
    runs["softmax-tanh-adam-val"] = _fit_run(
        (4, 6, 3), "tanh", "adam", 8, np.float64, loss=SoftmaxCrossEntropy(), kind="softmax", validation=True
    )
    runs["mse-relu-nesterov"] = _fit_run(
        (4, 6, 2), "relu", "nesterov", 5, np.float64, l2=1e-2, loss=MeanSquaredError(), kind="regression"
    )
    runs["momentum-sigmoid-f32-val"] = _fit_run(
        (4, 8, 1), "sigmoid", "momentum", 8, np.float32, validation=True
    )
    runs["rmsprop-relu-deep"] = _fit_run((4, 9, 8, 7, 1), "relu", "rmsprop", 6, np.float64, l2=1e-3)
    runs["custom-softplus"] = _fit_run((4, 6, 1), softplus_activation(), "adam", 8, np.float64)
    runs["identity-sgd"] = _fit_run((4, 5, 1), "identity", "sgd", 8, np.float64)
    runs["two-fits-other-batches"] = _two_fits()
    for dtype in (np.float64, np.float32):
        runs[f"dropout-stochastic-{np.dtype(dtype).name}"] = _dropout_stochastic(dtype)
    runs["dropout-objective-loop"] = _dropout_objective_loop()
    return {
        f"{name}/{part}": array
        for name, pair in runs.items()
        for part, array in zip(("params", "losses"), pair)
    }


def _two_fits():
    """Two fits with other batch sizes on one network, predictions of other sizes between."""
    net = network((4, 7, 5, 1), "tanh")
    X, T = data()
    optimizer = Adam(0.02)
    losses = fit(net, BinaryCrossEntropy(), optimizer, X, T, epochs=2, batch_size=8,
                 rng=np.random.default_rng(1)).train_loss  # fmt: skip
    probe = np.concatenate([net.predict_logits(X[:3]).ravel(), net.forward(X[:5]).ravel()])
    losses += fit(net, BinaryCrossEntropy(), optimizer, X, T, epochs=2, batch_size=10,
                  rng=np.random.default_rng(2)).train_loss  # fmt: skip
    losses += fit(net, BinaryCrossEntropy(), optimizer, X, T, epochs=2, batch_size=None,
                  rng=np.random.default_rng(3)).train_loss  # fmt: skip
    return net.params.copy(), np.concatenate([losses, probe])


def _dropout_stochastic(dtype):
    """scikit-learn's solver loop with dropout, sample weights and L2 (the estimator's path)."""
    net = network((4, 9, 7, 1), "relu", dtype, dropout=[0.3, 0.5])
    X, T = data(dtype=dtype)
    weights = np.linspace(0.5, 2.0, N_SAMPLES).astype(dtype)
    state = StochasticState()
    fit_stochastic(net, BinaryCrossEntropy(), SGD(0.1, momentum=0.9), X, T, state=state, max_iter=4,
                   batch_size=8, shuffle=True, rng=np.random.default_rng(1), sample_weight=weights,
                   alpha=1e-3, tol=0.0, n_iter_no_change=100,
                   dropout_rng=np.random.default_rng(2))  # fmt: skip
    return net.params.copy(), np.array(state.loss_curve)


def _dropout_objective_loop():
    """Training passes with dropout through :meth:`Network.objective`, other passes between them."""
    net = network((4, 8, 6, 1), "sigmoid", dropout=0.4)
    X, T = data()
    optimizer, rng, values = Adam(0.02), np.random.default_rng(3), []
    for rows in (8, 8, 7, 23, 8, 7):
        value, _ = net.objective(X[:rows], T[:rows], BinaryCrossEntropy(), 1e-3, training=True, rng=rng)
        values.append(value)
        values.extend(net.predict_logits(X[-5:]).ravel())
        optimizer.step(net.params, net.grads)
    values.extend(net.forward(X[:8]).ravel())
    return net.params.copy(), np.array(values)


def digest(array: np.ndarray) -> np.ndarray:
    """SHA-256 of an array's dtype, shape and bytes, as 32 uint8."""
    text = f"{array.dtype.str}{array.shape}".encode() + np.ascontiguousarray(array).tobytes()
    return np.frombuffer(hashlib.sha256(text).digest(), dtype=np.uint8)


def digests() -> dict[str, np.ndarray]:
    return {name: digest(array) for name, array in reference_runs().items()}


def test_training_gives_the_bits_of_before_the_buffers():
    with np.load(REFERENCE) as stored:
        reference = dict(zip(stored["names"].tolist(), stored["digests"]))
    now = digests()
    assert sorted(reference) == sorted(now)
    different = [name for name, value in now.items() if not np.array_equal(value, reference[name])]
    assert not different, f"not bit for bit: {different}"


# ------------------------------------------------------------ blocked steps
@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_a_step_in_blocks_gives_the_bits_of_one_over_the_whole_vector(name, dtype, monkeypatch):
    n = 3 * optimizers.BLOCK + 17  # three whole blocks and a short one
    rng = np.random.default_rng(4)
    start = rng.standard_normal(n).astype(dtype)
    gradients = [rng.standard_normal(n).astype(dtype) for _ in range(3)]

    def run(kept):
        params, optimizer, copies = start.copy(), OPTIMIZERS[name](), []
        for grads in gradients:
            keep = np.full(n, np.nan, dtype=dtype) if kept else None
            before = params.copy()
            optimizer.step(params, grads, keep=keep) if kept else optimizer.step(params, grads)
            if kept:
                copies.append(np.array_equal(keep, before))
        return params, copies

    blocked, copies = run(kept=True)
    monkeypatch.setattr(optimizers, "BLOCK", 2 * n)  # one block: whole-vector operations
    whole, _ = run(kept=False)
    assert blocked.dtype == dtype
    assert blocked.tobytes() == whole.tobytes()
    assert copies == [True] * len(gradients)  # keep= got params as they were before each step


def test_a_subclass_step_without_keep_still_gets_the_copy_from_fit():
    class Halving(SGD):
        def step(self, params, grads):
            params -= 0.5 * self.learning_rate * grads

    assert optimizers.keeps_a_copy(SGD(0.1))
    assert not optimizers.keeps_a_copy(Halving(0.1))
    net = network((4, 5, 1), "tanh")
    X, T = data()
    before = net.params.copy()
    fit(net, BinaryCrossEntropy(), Halving(0.2), X, T, epochs=2, batch_size=8, rng=np.random.default_rng(0))
    assert np.all(np.isfinite(net.params))
    assert not np.array_equal(net.params, before)


# ------------------------------------------------------------ float32 stays float32
def _arrays(obj, seen=None):
    """Every ndarray reachable through the attributes (and dict/list items) of ``obj``."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, np.ndarray):
        yield obj
    elif isinstance(obj, dict):
        for value in obj.values():
            yield from _arrays(value, seen)
    elif isinstance(obj, (list, tuple)):
        for value in obj:
            yield from _arrays(value, seen)
    elif hasattr(obj, "__dict__") or hasattr(obj, "__slots__"):
        names = list(getattr(obj, "__dict__", {})) + list(getattr(type(obj), "__slots__", ()))
        for name in names:
            if hasattr(obj, name):
                yield from _arrays(getattr(obj, name), seen)


@pytest.mark.parametrize("optimizer", ["sgd", "adam", "nesterov", "momentum", "rmsprop"])
@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_a_float32_network_stays_float32_through_training(optimizer, activation):
    net = network((4, 7, 5, 1), activation, np.float32, dropout=0.25)
    X, T = data(dtype=np.float32)
    opt = OPTIMIZERS[optimizer]()
    history = fit(net, BinaryCrossEntropy(), opt, X, T, epochs=2, batch_size=8, rng=np.random.default_rng(0),
                  l2=1e-3, validation=data(seed=9, n=6, dtype=np.float32))  # fmt: skip
    state = StochasticState()
    fit_stochastic(net, BinaryCrossEntropy(), opt, X, T, state=state, max_iter=1, batch_size=8, shuffle=True,
                   rng=np.random.default_rng(1), sample_weight=np.ones(N_SAMPLES, np.float32), alpha=1e-3,
                   dropout_rng=np.random.default_rng(2))  # fmt: skip
    value, logits = net.objective(
        X, T, BinaryCrossEntropy(), 1e-3, training=True, rng=np.random.default_rng(3)
    )
    assert logits.dtype == np.float32
    assert np.isfinite(value)
    assert len(history.train_loss) == 2
    floats = {}
    for owner in (net, opt):
        for array in _arrays(owner):
            if array.dtype.kind == "f":
                floats.setdefault(array.dtype.name, []).append(array.shape)
    # the one float64 array is dropout's draw of uniforms (rng.random draws float64, the same bits as ever)
    assert set(floats) <= {"float32", "float64"}
    assert all(shape[1:] == (7,) or shape[1:] == (5,) for shape in floats.get("float64", []))
    assert len(floats.get("float64", [])) <= 2 * 2  # two hidden layers × (full batch, last batch)
    assert len(floats["float32"]) > 10  # params, grads, the optimiser's state and the layers' buffers


def test_float32_buffers_gradients_and_optimiser_state_are_float32_without_dropout():
    net = network((4, 7, 5, 1), "tanh", np.float32)
    X, T = data(dtype=np.float32)
    opt = Adam(0.01)
    fit(net, BinaryCrossEntropy(), opt, X, T, epochs=2, batch_size=8, rng=np.random.default_rng(0), l2=1e-3)
    dtypes = {array.dtype.name for owner in (net, opt) for array in _arrays(owner) if array.dtype.kind == "f"}
    assert dtypes == {"float32"}
    assert opt.m.dtype == opt.v.dtype == net.grads.dtype == np.float32


# ------------------------------------------------------------ allocation and reuse
def _peak_per_step(net, X, T, optimizer, steps=6):
    loss = BinaryCrossEntropy()
    net.objective(X, T, loss, 1e-3)  # the first pass of this batch size allocates the buffers
    optimizer.step(net.params, net.grads)
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        for _ in range(steps):
            net.objective(X, T, loss, 1e-3)
            optimizer.step(net.params, net.grads, keep=None)
        return tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_a_training_step_allocates_no_hidden_sized_array(activation):
    net = network((16, 256, 256, 1), activation)
    rng = np.random.default_rng(0)
    X, T = rng.standard_normal((128, 16)), (rng.random((128, 1)) > 0.5).astype(float)
    hidden_array = 128 * 256 * 8  # one (batch, width) float64 array: 256 KiB (before the buffers: several)
    # what remains: the logits and the loss's (batch, 1) temporaries, and the 8192-element (64 KiB)
    # buffer NumPy's ufunc machinery allocates for a broadcasting add (z += b), freed at once
    assert _peak_per_step(net, X, T, Adam(1e-3)) < hidden_array / 2


def test_each_pass_gives_new_views_of_the_same_buffers():
    net = network((4, 7, 5, 1), "relu")
    X, _ = data()
    net.forward(X[:8])
    first = [layer.input for layer in net.linear_layers]
    logits = net.forward(X[8:16])
    second = [layer.input for layer in net.linear_layers]
    assert all(a is not b for a, b in zip(first[1:], second[1:]))  # a stale cache is told apart
    assert all(np.shares_memory(a, b) for a, b in zip(first[1:], second[1:]))  # the same memory
    assert not np.shares_memory(logits, net.forward(X[8:16]))  # the logits are new each pass
    before = {id(layer.output_buffers): len(layer.output_buffers) for layer in net.linear_layers}
    for rows in (8, 7, 8, 7):
        net.forward(X[:rows])
    assert all(len(layer.output_buffers) <= 2 for layer in net.linear_layers)
    assert before  # (the output layer keeps none: its logits are new arrays)


def test_predict_logits_touches_no_cache_or_buffer():
    net = network((4, 7, 5, 1), "sigmoid")
    X, T = data()
    net.objective(X[:8], T[:8], BinaryCrossEntropy())
    caches = [(layer.input if hasattr(layer, "weight") else layer.output).copy() for layer in net.layers]
    grads = net.grads.copy()
    net.predict_logits(X)
    net.predict_logits(X[:8])
    after = [layer.input if hasattr(layer, "weight") else layer.output for layer in net.layers]
    assert all(np.array_equal(a, b) for a, b in zip(caches, after))
    net.backward(BinaryCrossEntropy().value_and_gradient(net.forward(X[:8]), T[:8])[1])
    assert np.array_equal(net.grads, grads)  # backward after it: the gradient of before


def test_backward_twice_after_one_forward_gives_the_same_gradient():
    for activation in ("sigmoid", "tanh", "relu", softplus_activation()):
        net = network((4, 6, 6, 1), activation)
        X, T = data()
        grad = BinaryCrossEntropy().value_and_gradient(net.forward(X[:8]), T[:8])[1]
        net.backward(grad.copy())
        first = net.grads.copy()
        net.backward(grad.copy())
        assert np.array_equal(net.grads, first), activation


if __name__ == "__main__":
    made = digests()
    np.savez_compressed(REFERENCE, names=np.array(list(made)), digests=np.array(list(made.values())))
    print(f"wrote {REFERENCE} ({REFERENCE.stat().st_size} bytes)", file=sys.stderr)
