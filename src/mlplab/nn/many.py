r"""Many networks of one architecture trained at once: :func:`fit_many`.

The contract: ``fit_many(networks, loss, optimizers, X, targets, ...)[k]`` is
what ``fit(networks[k], loss, optimizers[k], X_k, targets_k, ..., rng=rngs[k],
l2=l2[k], validation=validation_k, callbacks=callbacks[k])`` returns, bit for
bit: the same final parameters and gradients, optimiser state, generator state
and :class:`~mlplab.nn.history.History`. A model that diverges does not stop
the others: its entry is the :class:`~mlplab.nn.training.DivergenceError` that
``fit`` would have raised (with its ``history``), and the network keeps the
parameters ``fit`` would have left.

Per-model arguments (``loss``, ``X``, ``targets``, ``rngs``, ``l2``,
``metrics``, ``validation``, ``early_stopping``, ``callbacks``) are either one
value shared by every model or a sequence of ``len(networks)`` values.

**Stacked.** The K parameter vectors live in one ``(K, P)`` array (each
layer's weights a ``(K, n_out, n_in)`` view into it), every product is one
``np.matmul`` over the stack, every element-wise step one ufunc call on
``(K, …)`` arrays: the Python overhead of a step is paid once for all K. Each
model keeps its own generator (its own shuffle, gathered into a ``(K, n, d)``
array once per epoch), learning rate, L2 weight, early stopping and callbacks.
A model that diverges, stops early or is stopped by its callback leaves the
stack (which is compacted); the others go on.

Why the bits are the same. Element-wise ufuncs (``+ − × ÷ √``, ``exp``,
``tanh``, ``logaddexp``, comparisons) compute each element alone, and every
array here is C-contiguous as in :func:`fit`, so NumPy runs the same SIMD
loop. ``np.matmul`` on stacked operands calls, per model, the same BLAS
routine (``gemm``, ``gemv`` or ``dot``, chosen from the same core shapes and
strides) as the 2-D product of :class:`~mlplab.nn.network.Linear`; where that
2-D product is a column times a row (``δ @ W`` for one output unit), NumPy
computes it without BLAS as ``0 + δ_i w_j``, and so does this. The sums
keep the 2-D reduction order: the bias gradient adds the rows of ``δ`` one
after another as ``np.add.reduce(δ, axis=0)`` does in 2-D (here over a
``(b, K·n_out)`` copy, whose long rows make it faster), and pairwise, as
there, when ``n_out = 1``; a loss's sum over a batch is a row sum of the
``(K, b·k)`` view, pairwise over the same ``b·k`` numbers; every ``np.vdot``
(loss, ``‖W‖²``, ``‖g‖²``) becomes ``np.matmul`` of a ``(K, 1, m)`` row with
an ``(K, m, 1)`` column, which NumPy hands to the same BLAS ``dot``. Scalar
arithmetic is done as :func:`fit` and the optimisers do it: Python floats (or
float64 arrays, the same IEEE operations) for losses, penalties and Adam's bias
correction, and the per-model learning rate as an array of the parameters'
dtype, which is how NumPy casts a Python float for a float32 array. The
operands' layout matters too: OpenBLAS's ``gemv`` gives other bits for an
operand with other strides (measured), so every per-model operand keeps the
layout it has in :func:`fit` (C-contiguous rows; no ``(b, K, n)`` layouts). No
operation of :func:`fit` was found that this layout cannot reproduce. These
are properties of NumPy's implementation (the per-item BLAS dispatch of
``matmul``, the order of its reductions), checked with NumPy 2.4 and
OpenBLAS, not promises of its API: ``tests/test_many.py`` checks the bits for
every optimiser, activation, loss, dtype and batching, so a NumPy that breaks
them fails there.

**Speed.** What the stack shares is the Python and NumPy call overhead of a
step (about 60 calls, paid once for all K). What it cannot share: each
model's own BLAS calls (11 per step for four layers; merging them into one
larger product would change the rounding) and the element-wise work, which
grows with K. For 27 ``[2, 32, 16, 8, 1]`` networks on the spirals, batch 32
(``benchmarks/bench_many.py``, a busy 2-core machine), a group takes
0.22–0.27 (sgd) and 0.26–0.34 (adam) of the time of 27 separate runs, and
0.19–0.24 of PyTorch's ``torch.func.vmap`` of the same stack; the products
take about a third of the stacked step, Adam's update another fifth.

**Falls back to the loop** (each model trained by :func:`fit`, one after
another: still exact) when the group cannot be stacked: ``stacked=False``; a
network with dropout; a custom activation (made by
:meth:`~mlplab.nn.activations.Activation.from_functions`) or a loss other
than the four built-in ones (not all of one class); optimisers not all of one
built-in class with the same settings except the learning rate (any subclass);
a network, optimiser, generator (with shuffling) or History given twice;
training data, targets or validation data whose shapes differ between models,
that are not of the networks' dtype, or (where they are used as given: full
batches, validation) not C-contiguous; a group whose stacked arrays (each
model's gathered copy of the data among them) would need more than
:data:`MAX_STACK_BYTES` (512 MiB).

Callbacks run after each epoch, per model, with that model's network and
optimiser holding the current parameters and state (so a callback may predict,
save, or change the parameters or the learning rate, which training then
uses); a :class:`~mlplab.nn.training.StopTraining` ends that model only.
Where the stacked run differs from the loop: any other exception (a callback's
own error, Ctrl-C as :class:`~mlplab.nn.training.TrainingInterrupted` with the
first unfinished model's history) ends every model at once, each network
holding its parameters after its last complete step; the loop would have
trained the models before completely and the models after not at all.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from .activations import sigmoid_fast
from .checks import check_callbacks, check_nonnegative_float, short_repr
from .history import History
from .losses import (
    BinaryCrossEntropy,
    Loss,
    MeanSquaredError,
    MultilabelCrossEntropy,
    SoftmaxCrossEntropy,
    log_softmax,
)
from .network import Network
from .optimizers import SGD, Adam, Momentum, Optimizer, RMSprop
from .training import (
    DivergenceError,
    EarlyStopping,
    StopTraining,
    TrainingInterrupted,
    _sigint_as_flag,
    check_schedule,
    fit,
)

__all__ = ["fit_many"]

_STACKED_LOSSES = (BinaryCrossEntropy, MultilabelCrossEntropy, SoftmaxCrossEntropy, MeanSquaredError)
_STACKED_OPTIMIZERS = (SGD, Momentum, RMSprop, Adam)
#: Largest estimated memory of the stacked arrays (data gathered per model, parameters and optimiser
#: state, activations) in bytes; a larger group trains with the loop.
MAX_STACK_BYTES = 1 << 29


def _per_model(value: object, k: int, name: str, is_single: Callable[[object], bool]) -> list:
    if is_single(value):
        return [value] * k
    if isinstance(value, (str, bytes)) or not isinstance(value, (Sequence, np.ndarray)):
        raise TypeError(f"{name} must be one value or a sequence of {k} (one per network), "
                        f"got {short_repr(value)}")  # fmt: skip
    values = list(value)
    if len(values) != k:
        raise ValueError(f"{name} must be one value or {k} values (one per network), got {len(values)}")
    return values


def _check_each(values: list, name: str, kind: type | tuple, what: str, optional: bool = False) -> None:
    for index, value in enumerate(values):
        if not (isinstance(value, kind) or (optional and value is None)):
            raise TypeError(f"{name}[{index}] must be {what}, got {short_repr(value)}")


def fit_many(
    networks: Sequence[Network],
    loss: Loss | Sequence[Loss],
    optimizers: Sequence[Optimizer],
    X: np.ndarray | Sequence[np.ndarray],
    targets: np.ndarray | Sequence[np.ndarray],
    *,
    epochs: int,
    batch_size: int | None,
    rngs: Sequence[np.random.Generator],
    l2: float | Sequence[float] = 0.0,
    metrics: Mapping[str, Callable[[np.ndarray, np.ndarray], float]] | Sequence | None = None,
    validation: tuple[np.ndarray, np.ndarray] | Sequence[tuple[np.ndarray, np.ndarray] | None] | None = None,
    early_stopping: EarlyStopping | Sequence[EarlyStopping | None] | None = None,
    callbacks: Sequence[Sequence[Callable]] | None = None,
    explode_factor: float | None = 1e4,
    histories: Sequence[History] | None = None,
    stacked: bool = True,
) -> list[History | DivergenceError]:
    """Train every network in place; one result per network (see the module docstring).

    Parameters
    ----------
    networks : sequence of Network
        One architecture: the same ``layer_sizes``, activation and dtype
        (else ``ValueError`` naming ``networks[k]``).
    loss, optimizers, X, targets, rngs, l2, metrics, validation, early_stopping
        As :func:`~mlplab.nn.training.fit`, one shared value or one per network.
    callbacks : sequence of sequences of callables, optional
        ``callbacks[k]`` are network ``k``'s, as ``fit(callbacks=...)``.
    explode_factor : float or None
        As :func:`~mlplab.nn.training.fit`, shared.
    histories : sequence of History, optional
        Empty Histories to record into, one per network.
    stacked : bool
        ``False`` trains with the plain loop (the reference; the same results).

    Returns
    -------
    list of History or DivergenceError
        Per network, in order.
    """
    networks = list(networks)
    k = len(networks)
    _check_each(networks, "networks", Network, "a Network")
    for index, network in enumerate(networks[1:], 1):
        first = networks[0]
        if (network.layer_sizes, network.activation, network.dtype) != (
            first.layer_sizes, first.activation, first.dtype
        ):
            raise ValueError(
                f"networks must share one architecture: networks[{index}] is {network!r}, "
                f"networks[0] is {first!r}"
            )
    epochs, batch_size = check_schedule(epochs, batch_size)
    losses = _per_model(loss, k, "loss", lambda v: isinstance(v, Loss))
    _check_each(losses, "loss", Loss, "a Loss")
    optimizers = _per_model(optimizers, k, "optimizers", lambda v: isinstance(v, Optimizer))
    _check_each(optimizers, "optimizers", Optimizer, "an Optimizer")
    Xs = _per_model(X, k, "X", lambda v: isinstance(v, np.ndarray))
    _check_each(Xs, "X", np.ndarray, "an ndarray")
    Ts = _per_model(targets, k, "targets", lambda v: isinstance(v, np.ndarray))
    _check_each(Ts, "targets", np.ndarray, "an ndarray")
    rng_list = _per_model(rngs, k, "rngs", lambda v: isinstance(v, np.random.Generator))
    _check_each(rng_list, "rngs", np.random.Generator, "a numpy.random.Generator")
    l2s = _per_model(l2, k, "l2", lambda v: not isinstance(v, (Sequence, np.ndarray)))
    l2s = [check_nonnegative_float(value, f"l2[{i}]" if isinstance(l2, Sequence) else "l2")
           for i, value in enumerate(l2s)]  # fmt: skip
    metric_list = _per_model(metrics, k, "metrics", lambda v: v is None or isinstance(v, Mapping))
    metric_list = [dict(m or {}) for m in metric_list]
    vals = _per_model(validation, k, "validation", lambda v: v is None or isinstance(v, tuple))
    stoppers = _per_model(early_stopping, k, "early_stopping",
                          lambda v: v is None or isinstance(v, EarlyStopping))  # fmt: skip
    _check_each(stoppers, "early_stopping", EarlyStopping, "an EarlyStopping or None", optional=True)
    cbs = [()] * k if callbacks is None else _per_model(callbacks, k, "callbacks", lambda v: False)
    cbs = [check_callbacks(c, f"callbacks[{i}]") for i, c in enumerate(cbs)]
    records = [History() for _ in range(k)] if histories is None else _per_model(
        histories, k, "histories", lambda v: False)  # fmt: skip
    for index, (stopper, val, record) in enumerate(zip(stoppers, vals, records)):
        if stopper is not None and val is None:
            raise ValueError(f"early_stopping needs validation data, got validation[{index}]=None")
        if not isinstance(record, History) or record.n_epochs:
            raise ValueError(f"histories[{index}] must be an empty History to record into, got {record!r}")
    if not k:
        return []
    shuffled = batch_size is not None and batch_size < Xs[0].shape[0]
    if not stacked or not _stackable(networks, losses, optimizers, Xs, Ts, rng_list, vals, records, shuffled,
                                     batch_size):  # fmt: skip
        return _loop(networks, losses, optimizers, Xs, Ts, rng_list, l2s, metric_list, vals, stoppers, cbs,
                     records, epochs, batch_size, explode_factor)  # fmt: skip
    run = _StackedRun(networks, losses[0], optimizers, Xs, Ts, rng_list, l2s, metric_list, vals, stoppers,
                      cbs, records, batch_size, explode_factor)  # fmt: skip
    return run.train(epochs)


def _loop(networks, losses, optimizers, Xs, Ts, rngs, l2s, metrics, vals, stoppers, cbs, records, epochs,
          batch_size, explode_factor) -> list[History | DivergenceError]:  # fmt: skip
    """The reference: each network trained by :func:`fit`, one after another."""
    results: list[History | DivergenceError] = []
    for i in range(len(networks)):
        try:
            results.append(
                fit(networks[i], losses[i], optimizers[i], Xs[i], Ts[i], epochs=epochs, batch_size=batch_size,
                    rng=rngs[i], l2=l2s[i], metrics=metrics[i], validation=vals[i],
                    early_stopping=stoppers[i], callbacks=cbs[i], explode_factor=explode_factor,
                    history=records[i])
            )  # fmt: skip
        except DivergenceError as error:
            results.append(error)
    return results


def _distinct(values: list) -> bool:
    return len({id(v) for v in values}) == len(values)


def _hyperparameters(optimizer: Optimizer) -> dict:
    config = optimizer.config()
    config.pop("learning_rate")
    return config


def _stackable(networks, losses, optimizers, Xs, Ts, rngs, vals, records, shuffled, batch_size) -> bool:
    """Whether :class:`_StackedRun` gives the loop's bits for this group (see the module docstring)."""
    first = networks[0]
    dtype = first.dtype
    if not first.activation.builtin or any(net.dropout is not None and any(net.dropout) for net in networks):
        return False
    if type(losses[0]) not in _STACKED_LOSSES or any(type(loss) is not type(losses[0]) for loss in losses):
        return False
    kind = type(optimizers[0])
    if kind not in _STACKED_OPTIMIZERS or any(
        type(o) is not kind or _hyperparameters(o) != _hyperparameters(optimizers[0]) for o in optimizers
    ):
        return False
    if not (_distinct(networks) and _distinct(optimizers) and _distinct(records)) or (
        shuffled and not _distinct(rngs)
    ):
        return False

    def uniform(arrays, contiguous) -> bool:
        return all(
            a.ndim == 2 and a.shape == arrays[0].shape and a.dtype == dtype
            and (a.flags.c_contiguous or not contiguous) for a in arrays
        )  # fmt: skip

    if not (uniform(Xs, not shuffled) and uniform(Ts, not shuffled) and Xs[0].shape[0] == Ts[0].shape[0]):
        return False
    if Xs[0].shape[1] != first.n_inputs or Ts[0].shape[1] != first.n_outputs or not Xs[0].shape[0]:
        return False
    n = Xs[0].shape[0]
    batch = n if batch_size is None else min(batch_size, n)
    per_model = (  # numbers per model: data and logits, parameters and state, activations
        n * (first.n_inputs + 2 * first.n_outputs)
        + first.n_params * (6 + len(optimizers[0].state_names))
        + 3 * batch * sum(first.layer_sizes)
    )
    if len(networks) * per_model * dtype.itemsize > MAX_STACK_BYTES:
        return False
    if all(v is None for v in vals):
        return True
    if any(v is None or len(v) != 2 for v in vals):
        return False
    return uniform([v[0] for v in vals], True) and uniform([v[1] for v in vals], True)


def _stack(arrays: list[np.ndarray]) -> np.ndarray:
    """``(K, …)`` of the arrays: a broadcast view when they are one object (its strides kept), else a copy."""
    if all(a is arrays[0] for a in arrays):
        return np.broadcast_to(arrays[0], (len(arrays), *arrays[0].shape))
    return np.stack(arrays)


def _same_as_first(arrays: list[np.ndarray]) -> list[np.ndarray]:
    """``arrays``, each one equal to ``arrays[0]`` bit for bit (shape, dtype, bytes) replaced by it.

    The data are used only through element-wise gathers and (C-contiguous, checked by
    :func:`_stackable`) products, so an equal array gives the same bits.
    """
    first = arrays[0]
    data = first.tobytes()
    return [first if a is first or (a.shape == first.shape and a.dtype == first.dtype and a.tobytes() == data)
            else a for a in arrays]  # fmt: skip


def _dots(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``np.vdot(a[k], b[k])`` for each k, by the same BLAS ``dot`` (a ``(1, m) @ (m, 1)`` product)."""
    K = a.shape[0]
    return np.matmul(a.reshape(K, 1, -1), b.reshape(K, -1, 1)).reshape(K)  # (K,)


def _loss_and_gradient(loss: Loss, logits: np.ndarray, targets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each model's ``loss.value_and_gradient`` on ``(K, b, k)`` logits: values as float64 ``(K,)``."""
    K, b, _ = logits.shape
    if isinstance(loss, BinaryCrossEntropy):  # and MultilabelCrossEntropy, its subclass
        value = np.logaddexp(0.0, logits).reshape(K, -1).sum(axis=1)  # (K,), pairwise like .sum()
        value -= _dots(targets, logits)
        value /= b
        grad = sigmoid_fast(logits)  # as BinaryCrossEntropy
        grad -= targets
        grad *= 1.0 / b
    elif isinstance(loss, SoftmaxCrossEntropy):
        log_p = log_softmax(logits.reshape(K * b, -1)).reshape(logits.shape)  # row by row, as in 2-D
        value = -_dots(targets, log_p)
        value /= b
        grad = np.exp(log_p, out=log_p)
        grad -= targets
        grad *= 1.0 / b
    else:  # MeanSquaredError
        grad = logits - targets
        size = grad[0].size
        value = 0.5 * _dots(grad, grad)
        value /= size
        grad *= 1.0 / size
    return value.astype(np.float64), grad


class _StackedRun:
    """The state of one stacked :func:`fit_many`: the active models' arrays, ``(K, …)`` each.

    ``ids[j]`` is the caller's index of stack row ``j``. Everything per model
    that is not an array (History, callbacks, early-stopping counters) is kept
    in lists indexed by the caller's index.
    """

    def __init__(self, networks, loss, optimizers, Xs, Ts, rngs, l2s, metrics, vals, stoppers, cbs, records,
                 batch_size, explode_factor):  # fmt: skip
        first = networks[0]
        self.networks, self.loss, self.optimizers = networks, loss, optimizers
        self.Xs, self.Ts, self.rngs, self.metrics = Xs, Ts, rngs, metrics
        self.stoppers, self.callbacks, self.records = stoppers, cbs, records
        self.explode_factor = explode_factor
        self.activation = first.activation
        self.dtype = first.dtype
        k = len(networks)
        self.n = Xs[0].shape[0]
        self.batch = self.n if batch_size is None else min(batch_size, self.n)
        self.shuffled = self.batch < self.n
        self.results: list[History | DivergenceError | None] = [None] * k
        self.ids = np.arange(k)
        self.l2 = np.array(l2s)  # (K,) float64: the Python floats fit adds with
        self.params = np.stack([net.params for net in networks])  # (K, P)
        self.grads = np.stack([net.grads for net in networks])
        self.last_finite = self.params.copy()
        self.best = np.zeros_like(self.params)
        self.has_best = np.zeros(k, dtype=bool)
        self.limit = np.full(k, math.inf)
        self.steps_taken = np.zeros(k, dtype=np.int64)
        self.wait = [0] * k
        self.state_names = optimizers[0].state_names
        self.state = {}
        self.n_steps = np.zeros(k, dtype=np.int64)
        P = first.n_params
        for name in self.state_names:
            self.state[name] = np.zeros((k, P), dtype=self.dtype)
        for i, optimizer in enumerate(optimizers):
            if _state_fits(optimizer, P, self.dtype):
                self.n_steps[i] = optimizer.n_steps
                for name in self.state_names:
                    self.state[name][i] = getattr(optimizer, name)
        self.scratch = np.empty_like(self.params)
        self.learning_rates()
        # arrays equal to the first byte for byte are used as the first: one gather per epoch for all
        self.Xs, self.Ts = Xs, Ts = _same_as_first(Xs), _same_as_first(Ts)
        self.shared_X = all(x is Xs[0] for x in Xs)
        self.shared_T = all(t is Ts[0] for t in Ts)
        if self.shuffled:
            self.X_epoch = np.empty((k, *Xs[0].shape), dtype=self.dtype)  # (K, n, d), gathered per epoch
            self.T_epoch = np.empty((k, *Ts[0].shape), dtype=self.dtype)
        else:
            self.X_epoch, self.T_epoch = _stack(Xs), _stack(Ts)
        has_metrics = any(metrics)
        self.logits_epoch = np.empty((k, self.n, first.n_outputs), dtype=self.dtype) if has_metrics else None
        self.validation = None
        if vals[0] is not None:
            self.validation = (_stack([v[0] for v in vals]), _stack([v[1] for v in vals]))
        for record, metric in zip(records, metrics):
            record.train_metrics = {name: [] for name in metric}
            if self.validation is not None:
                record.val_metrics = {name: [] for name in metric}
        self.shapes = list(zip(first.layer_sizes[1:], first.layer_sizes[:-1]))  # (n_out, n_in)
        self.views()

    # ------------------------------------------------------------------ layout
    def views(self) -> None:
        """Per-layer views ``(K, n_out, n_in)`` and ``(K, n_out)`` into the parameter and gradient stacks."""
        K = self.params.shape[0]
        self.W, self.b, self.gW, self.gb, self.W_flat = [], [], [], [], []
        offset = 0
        for n_out, n_in in self.shapes:
            w = slice(offset, offset + n_out * n_in)
            bias = slice(w.stop, w.stop + n_out)
            offset = bias.stop
            self.W.append(self.params[:, w].reshape(K, n_out, n_in))
            self.W_flat.append(self.params[:, w])
            self.b.append(self.params[:, bias].reshape(K, 1, n_out))
            self.gW.append(self.grads[:, w].reshape(K, n_out, n_in))
            self.gb.append(self.grads[:, bias])
        penalised = self.l2 > 0
        self.l2_rows = None if penalised.all() else np.flatnonzero(penalised)
        self.l2_any = bool(penalised.any())
        self.l2_factor = (2.0 * self.l2).astype(self.dtype).reshape(K, 1, 1)  # the Python float 2λ, cast

    def learning_rates(self) -> None:
        rates = [self.optimizers[i].learning_rate for i in self.ids]
        self.rate64 = np.array(rates, dtype=np.float64).reshape(-1, 1)  # (K, 1)
        self.rate = self.rate64.astype(self.dtype)

    def keep(self, rows: np.ndarray) -> None:
        """Compact the stack to the models at ``rows`` (a boolean mask over the stack)."""
        for name in ("params", "grads", "last_finite", "best", "scratch"):
            setattr(self, name, getattr(self, name)[rows])
        for name in self.state_names:
            self.state[name] = self.state[name][rows]
        self.has_best, self.limit, self.n_steps = self.has_best[rows], self.limit[rows], self.n_steps[rows]
        self.steps_taken, self.l2, self.ids = self.steps_taken[rows], self.l2[rows], self.ids[rows]
        self.rate64, self.rate = self.rate64[rows], self.rate[rows]
        if self.shuffled:
            self.X_epoch, self.T_epoch = self.X_epoch[rows], self.T_epoch[rows]
        else:
            self.X_epoch = _stack([self.Xs[i] for i in self.ids]) if len(self.ids) else self.X_epoch[rows]
            self.T_epoch = _stack([self.Ts[i] for i in self.ids]) if len(self.ids) else self.T_epoch[rows]
        if self.logits_epoch is not None:
            self.logits_epoch = self.logits_epoch[rows]
        if self.validation is not None:
            X_val, T_val = self.validation
            self.validation = (X_val[rows], T_val[rows])
        self.views()

    # ------------------------------------------------------------------ passes
    def forward(self, A: np.ndarray, inputs: list | None) -> np.ndarray:
        """Logits ``(K, b, n_out)`` as :meth:`Network.forward` per model; ``inputs`` gets the layer inputs."""
        last = len(self.W) - 1
        for index, (W, b) in enumerate(zip(self.W, self.b)):
            if inputs is not None:
                inputs.append(A)
            Z = np.matmul(A, W.transpose(0, 2, 1))  # (K, b, n_out): per model x @ W.T
            Z += b
            A = self.activation.forward(Z, out=Z) if index < last else Z
        return A

    def backward(self, grad: np.ndarray, inputs: list) -> None:
        """:meth:`Network.backward` per model: the gradients into :attr:`grads`."""
        for index in range(len(self.W) - 1, -1, -1):
            np.matmul(grad.transpose(0, 2, 1), inputs[index], out=self.gW[index])  # (K, n_out, n_in)
            if grad.shape[2] == 1:  # 2-D sums these b numbers pairwise: so does a row of (K, b)
                np.add.reduce(grad, axis=1, out=self.gb[index])  # (K, 1)
            else:  # 2-D adds row after row; so does this, over rows of all K models at once (faster)
                rows = np.ascontiguousarray(grad.transpose(1, 0, 2))  # (b, K, n_out)
                self.gb[index][...] = np.add.reduce(rows.reshape(rows.shape[0], -1), axis=0).reshape(
                    self.gb[index].shape)  # fmt: skip
            if index:
                if grad.shape[2] == 1:  # 2-D matmul's loop without BLAS for a (b, 1) @ (1, n_in): 0 + δw
                    grad = np.multiply(grad, self.W[index])  # (K, b, n_in)
                    grad += 0.0
                else:
                    grad = np.matmul(grad, self.W[index])  # (K, b, n_in)
                grad = self.activation.backward(inputs[index], grad)

    def penalty(self) -> np.ndarray:
        """``Σ_l ‖W^{(l)}‖²`` per model (:meth:`Network.l2_penalty`), float64 ``(K,)``."""
        total = 0
        for W in self.W_flat:
            total = total + _dots(W, W)  # layer by layer in the network's dtype, as Python's sum does
        return total.astype(np.float64)

    def objective(self, X: np.ndarray, T: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`Network.objective` per model: float64 values ``(K,)`` and logits; gradients in ``grads``."""
        inputs: list = []
        logits = self.forward(X, inputs)
        values, grad_logits = _loss_and_gradient(self.loss, logits, T)
        self.backward(grad_logits, inputs)
        if self.l2_any:
            extra = self.l2 * self.penalty()
            if self.l2_rows is None:
                values += extra
                for W, gW in zip(self.W, self.gW):
                    gW += self.l2_factor * W
            else:
                rows = self.l2_rows
                values[rows] += extra[rows]
                for W, gW in zip(self.W, self.gW):
                    gW[rows] += self.l2_factor[rows] * W[rows]
        return values, logits

    def step(self) -> None:
        """Each model's ``optimizer.step(params, grads)`` at once."""
        optimizer = self.optimizers[self.ids[0]]
        p, g, s = self.params, self.grads, self.scratch
        if isinstance(optimizer, SGD):
            np.multiply(g, self.rate, out=s)  # αg
            if optimizer.momentum == 0:
                p -= s
            else:
                v = self.state["velocity"]
                v *= optimizer.momentum
                v -= s
                if optimizer.nesterov:
                    update = np.multiply(v, optimizer.momentum)
                    update -= s
                    p += update
                else:
                    p += v
        elif isinstance(optimizer, Momentum):
            v = self.state["velocity"]
            np.subtract(g, v, out=s)
            s *= 1.0 - optimizer.beta
            v += s
            np.multiply(v, self.rate, out=s)
            p -= s
        elif isinstance(optimizer, RMSprop):
            sq = self.state["square_avg"]
            np.multiply(g, g, out=s)
            s -= sq
            s *= 1.0 - optimizer.rho
            sq += s
            np.sqrt(sq, out=s)
            s += optimizer.eps
            np.divide(g, s, out=s)
            s *= self.rate
            p -= s
        else:  # Adam
            m, v = self.state["m"], self.state["v"]
            t = self.n_steps + 1
            np.subtract(g, m, out=s)
            s *= 1.0 - optimizer.beta1
            m += s
            np.multiply(g, g, out=s)
            s -= v
            s *= 1.0 - optimizer.beta2
            v += s
            np.sqrt(v, out=s)
            root, bias = self._adam_factors(t, optimizer)
            s *= root
            s += optimizer.eps
            np.divide(m, s, out=s)
            s *= bias
            p -= s
        self.n_steps += 1
        self.steps_taken += 1

    def _adam_factors(self, t: np.ndarray, optimizer: Adam) -> tuple:
        """Adam's ``1/√(1 − β₂ᵗ)`` and ``α/(1 − β₁ᵗ)``, with Python's float arithmetic, per model."""
        beta1, beta2 = optimizer.beta1, optimizer.beta2
        if t[0] == t[-1] and (t == t[0]).all():
            step = int(t[0])
            root = 1.0 / math.sqrt(1.0 - beta2**step)
            return root, (self.rate64 / (1.0 - beta1**step)).astype(self.dtype)
        steps = [int(value) for value in t]
        root = np.array([1.0 / math.sqrt(1.0 - beta2**step) for step in steps]).reshape(-1, 1)
        bias = np.array([1.0 - beta1**step for step in steps]).reshape(-1, 1)
        return root.astype(self.dtype), (self.rate64 / bias).astype(self.dtype)

    # --------------------------------------------------------------- per model
    def write_back(self, j: int, params: np.ndarray | None = None) -> None:
        """Stack row ``j`` into its network (``params`` instead of the row's if given) and optimiser."""
        i = self.ids[j]
        network, optimizer = self.networks[i], self.optimizers[i]
        network.params[...] = self.params[j] if params is None else params
        network.grads[...] = self.grads[j]
        if self.steps_taken[j]:  # fit's first step resets a state of the wrong size; no step, no change
            if not _state_fits(optimizer, network.n_params, self.dtype):
                optimizer.reset(network.n_params, self.dtype)
            for name in self.state_names:
                getattr(optimizer, name)[...] = self.state[name][j]
            optimizer.n_steps = int(self.n_steps[j])

    def diverged(self, j: int, epoch: int, index: int, value: float, reason: str = "") -> None:
        """Model ``j`` ends as ``fit``'s ``diverged``: best or last finite parameters, the error as result."""
        i = self.ids[j]
        self.write_back(j, self.best[j] if self.has_best[j] else self.last_finite[j])
        error = DivergenceError(epoch, index, self.optimizers[i].learning_rate, value, reason)
        error.history = self.records[i]
        self.results[i] = error

    def finish(self, j: int) -> None:
        """Model ``j`` ends normally, with ``fit``'s last checks (overflow, restoring the best)."""
        i = self.ids[j]
        record, stopper = self.records[i], self.stoppers[i]
        if not np.isfinite(self.params[j]).all():
            self.diverged(j, record.n_epochs, -1, float("nan"), "the last update overflowed")
            return
        if stopper is not None and stopper.restore_best and self.has_best[j]:
            self.write_back(j, self.best[j])
            record.restored_best = True
        else:
            self.write_back(j)
        self.results[i] = record

    # -------------------------------------------------------------------- loop
    def gather(self) -> None:
        """This epoch's order per model (``rng.permutation(n)``), the data gathered in it."""
        orders = [self.rngs[i].permutation(self.n) for i in self.ids]
        if self.shared_X:
            np.take(self.Xs[0], np.stack(orders), axis=0, out=self.X_epoch, mode="clip")
        else:
            for j, i in enumerate(self.ids):
                np.take(self.Xs[i], orders[j], axis=0, out=self.X_epoch[j], mode="clip")
        if self.shared_T:
            np.take(self.Ts[0], np.stack(orders), axis=0, out=self.T_epoch, mode="clip")
        else:
            for j, i in enumerate(self.ids):
                np.take(self.Ts[i], orders[j], axis=0, out=self.T_epoch[j], mode="clip")

    def train(self, epochs: int) -> list[History | DivergenceError]:
        """Run every epoch and finish the models still on the stack; one result per model."""
        try:
            with np.errstate(over="ignore", invalid="ignore"), _sigint_as_flag() as interrupted:
                self.epochs(epochs, interrupted)
                if interrupted and len(self.ids):
                    first = self.records[self.ids[0]]
                    raise TrainingInterrupted(first, first.n_epochs + 1, 0)
            for j in range(len(self.ids)):
                self.finish(j)
        except BaseException:
            for j, i in enumerate(self.ids):  # every unfinished model keeps its last complete step
                if self.results[i] is None:
                    self.write_back(j)
            raise
        return self.results

    def epochs(self, epochs: int, interrupted: list) -> None:
        """:func:`fit`'s loop for the whole stack: per step the checks, divergences and the update."""
        n, batch = self.n, self.batch
        for epoch in range(1, epochs + 1):
            if not len(self.ids):
                return
            if self.shuffled:
                self.gather()
            loss_sum = np.zeros(len(self.ids))
            for index, start in enumerate(range(0, n, batch)):
                if interrupted:
                    first = self.records[self.ids[0]]
                    raise TrainingInterrupted(first, epoch, index)
                X_batch = self.X_epoch[:, start : start + batch]  # (K, b, n_features)
                T_batch = self.T_epoch[:, start : start + batch]
                values, logits = self.objective(X_batch, T_batch)
                grad_square = _dots(self.grads, self.grads).astype(np.float64)
                bad = ~(np.isfinite(values) & np.isfinite(grad_square)) | (values > self.limit)
                if bad.any():
                    for j in np.flatnonzero(bad):
                        value = float(values[j])
                        if not (math.isfinite(value) and math.isfinite(grad_square[j])):
                            reason = "" if not math.isfinite(value) else (
                                f"gradient norm = {math.sqrt(float(grad_square[j]))!r}")  # fmt: skip
                        else:
                            factor = self.explode_factor
                            reason = f"loss = {value!r} exploded past {factor:g} × the first loss"
                        self.diverged(j, epoch, index, value, reason)
                    good = ~bad
                    self.keep(good)
                    values, logits, loss_sum = values[good], logits[good], loss_sum[good]
                    if not len(self.ids):
                        return
                if self.explode_factor is not None:
                    unset = self.limit == math.inf
                    if unset.any():
                        self.limit[unset] = self.explode_factor * np.maximum(values[unset], 1.0)
                np.copyto(self.last_finite, self.params)
                self.step()
                loss_sum += values * X_batch.shape[1]
                if self.logits_epoch is not None:
                    self.logits_epoch[:, start : start + batch] = logits
            self.end_of_epoch(epoch, index, loss_sum)

    def end_of_epoch(self, epoch: int, index: int, loss_sum: np.ndarray) -> None:
        """History, validation, early stopping and callbacks per model; models that end leave the stack."""
        n = self.n
        for j, i in enumerate(self.ids):
            record = self.records[i]
            record.train_loss.append(float(loss_sum[j] / n))
            for name, metric in self.metrics[i].items():
                record.train_metrics[name].append(metric(self.logits_epoch[j], self.T_epoch[j]))
        done = np.zeros(len(self.ids), dtype=bool)
        if self.validation is not None:
            X_val, T_val = self.validation
            logits_val = self.forward(X_val, None)
            val_losses, _ = _loss_and_gradient(self.loss, logits_val, T_val)
            # fit adds `l2 * penalty if l2 else 0.0`: the 0.0 too (it turns a -0.0 loss into 0.0)
            val_losses += np.where(self.l2 > 0, self.l2 * self.penalty(), 0.0) if self.l2_any else 0.0
            for j, i in enumerate(self.ids):
                val_loss = float(val_losses[j])
                if not math.isfinite(val_loss):
                    self.diverged(j, epoch, index, val_loss)
                    done[j] = True
                    continue
                record = self.records[i]
                record.val_loss.append(val_loss)
                for name, metric in self.metrics[i].items():
                    record.val_metrics[name].append(metric(logits_val[j], T_val[j]))
        changed = False
        for j, i in enumerate(self.ids):
            if done[j]:
                continue
            stop = self.early_stop(j, i, epoch)
            if self.callbacks[i]:
                self.write_back(j)
                for callback in self.callbacks[i]:
                    try:
                        callback(epoch, self.records[i])
                    except StopTraining:
                        stop = True
                self.params[j] = self.networks[i].params  # a callback may have changed them
                changed = True
            if stop:
                self.finish(j)
                done[j] = True
        if changed:
            self.learning_rates()
        if done.any():
            self.keep(~done)

    def early_stop(self, j: int, i: int, epoch: int) -> bool:
        """``fit``'s early-stopping rule for model ``i`` (stack row ``j``); whether it stops now."""
        stopper, record = self.stoppers[i], self.records[i]
        if stopper is None:
            return False
        val_loss = record.val_loss[-1]
        if record.best_val_loss is None or val_loss < record.best_val_loss - stopper.min_delta:
            record.best_val_loss, record.best_epoch = val_loss, epoch
            self.best[j] = self.params[j]
            self.has_best[j] = True
            self.wait[i] = 0
            return False
        self.wait[i] += 1
        if self.wait[i] >= stopper.patience:
            record.stopped_epoch = epoch
            return True
        return False


def _state_fits(optimizer: Optimizer, n_params: int, dtype: np.dtype) -> bool:
    """Whether ``optimizer.step`` would keep its state for ``n_params`` parameters (not reset it)."""
    scratch = getattr(optimizer, "_scratch", None)  # what Optimizer._ensure_state looks at
    return scratch is not None and scratch.shape == (n_params,) and scratch.dtype == dtype
