"""The training loop: shuffled mini-batches, history, early stopping, divergence.

:func:`fit` runs gradient descent on a :class:`~mlplab.nn.network.Network`.
Each epoch draws one permutation from the caller's ``numpy.random.Generator``,
gathers the data in that order once, and then walks over contiguous slices of
``batch_size`` rows; the last, smaller batch is kept, not dropped. Every step
works on a whole mini-batch: there is no per-sample Python loop.

What is recorded per epoch (:class:`History`):

* ``train_loss``: the sample-weighted mean of the mini-batch objectives
  ``L + λΣ‖W‖²`` seen during the epoch, each computed *before* its update (the
  convention of Keras and scikit-learn's ``loss_curve_``; it costs no extra
  pass over the data). Each metric the caller gives (a head's ``metrics``,
  e.g. accuracy) is computed the same way, from those mini-batch logits.
* ``val_loss`` and the validation metrics: on the validation data with the
  weights at the end of the epoch (``val_loss`` includes the same L2 term, so
  the two curves are comparable).
"""

from __future__ import annotations

import contextlib
import math
import signal
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .checks import check_bool, check_callbacks, check_nonnegative_float, check_positive_int
from .history import History
from .losses import Loss
from .network import Network
from .optimizers import Optimizer, keeps_a_copy

__all__ = [
    "DivergenceError",
    "EarlyStopping",
    "History",
    "StochasticState",
    "StopTraining",
    "TrainingInterrupted",
    "check_schedule",
    "fit",
    "fit_stochastic",
]


class DivergenceError(FloatingPointError):
    """Training produced a non-finite or exploding loss, or a non-finite gradient.

    The network keeps the last parameters that gave a finite loss and gradient
    (or, with early stopping, the best ones), so the model stays usable.

    Attributes
    ----------
    epoch, batch : int
        Where it happened (1-based epoch, 0-based batch within the epoch).
    learning_rate : float
    value : float
        The offending loss value.
    history : History or None
        The epochs completed before it happened.
    """

    def __init__(self, epoch: int, batch: int, learning_rate: float, value: float, reason: str = ""):
        self.epoch, self.batch, self.learning_rate, self.value = epoch, batch, learning_rate, value
        self.history: History | None = None
        what = reason or f"loss = {value!r}"
        super().__init__(
            f"training diverged at epoch {epoch}, batch {batch}: {what} with "
            f"learning_rate = {learning_rate!r}; the last finite weights were kept. "
            "Try a smaller learning rate."
        )


class StopTraining(Exception):
    """Raised by a callback to end training after the current epoch.

    Training then ends normally: the history is kept and early stopping's best
    weights are restored as usual.
    """


class TrainingInterrupted(KeyboardInterrupt):
    """Ctrl-C (SIGINT) stopped training at a mini-batch boundary.

    The parameters and the optimiser state are those after the last complete
    step, so the model is consistent: it predicts, saves, and can go on
    training. A second Ctrl-C during the same step interrupts at once.

    Attributes
    ----------
    history : History
        The epochs completed before the interruption.
    epoch, batch : int
        Where training stopped (1-based epoch, 0-based batch not yet run).
    """

    def __init__(self, history: History, epoch: int, batch: int):
        self.history, self.epoch, self.batch = history, epoch, batch
        super().__init__(
            f"training interrupted at epoch {epoch}, batch {batch}; "
            f"{history.n_epochs} complete epoch(s) kept, the model is usable"
        )


@contextlib.contextmanager
def _sigint_as_flag():
    """Turn the first Ctrl-C into a flag checked at batch boundaries.

    Only in the main thread and only where Python's default SIGINT handler is
    in place (a host that installed its own handler keeps it).
    """
    flag: list[bool] = []
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield flag
        return

    def handler(signum, frame):
        if flag:  # the second Ctrl-C: stop now
            raise KeyboardInterrupt
        flag.append(True)

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield flag
    finally:
        signal.signal(signal.SIGINT, previous)


@dataclass
class EarlyStopping:
    """Stop when the validation loss has not improved for ``patience`` epochs.

    An epoch *improves* when ``val_loss < best − min_delta``. With
    ``restore_best=True`` the parameters of the best epoch are put back at the
    end, so the model's validation loss equals ``History.best_val_loss``.
    """

    patience: int = 10
    min_delta: float = 0.0
    restore_best: bool = True

    def __post_init__(self):
        self.patience = check_positive_int(self.patience, "patience")
        self.min_delta = check_nonnegative_float(self.min_delta, "min_delta")
        self.restore_best = check_bool(self.restore_best, "restore_best")


Callback = Callable[[int, History], "bool | None"]


def check_schedule(epochs: object, batch_size: object) -> tuple[int, int | None]:
    """``epochs`` (>= 1) and ``batch_size`` (>= 1 or ``None``) as :func:`fit` takes them, or a clear error.

    :func:`fit` calls it first; a face whose contract wants every parameter
    checked before it looks at the data may call it earlier.
    """
    return check_positive_int(epochs, "epochs"), check_positive_int(batch_size, "batch_size", allow_none=True)


def fit(
    network: Network,
    loss: Loss,
    optimizer: Optimizer,
    X: np.ndarray,
    targets: np.ndarray,
    *,
    epochs: int,
    batch_size: int | None,
    rng: np.random.Generator,
    l2: float = 0.0,
    metrics: Mapping[str, Callable[[np.ndarray, np.ndarray], float]] | None = None,
    validation: tuple[np.ndarray, np.ndarray] | None = None,
    early_stopping: EarlyStopping | None = None,
    callbacks: Sequence[Callback] = (),
    explode_factor: float | None = 1e4,
    history: History | None = None,
) -> History:
    """Train ``network`` in place by mini-batch gradient descent.

    Parameters
    ----------
    network : Network
    loss : Loss
        Value and gradient on the logits (see :mod:`mlplab.nn.losses`).
    optimizer : Optimizer
        Keeps its state between calls (training can be continued).
    X : ndarray of shape (n_samples, n_features)
        Already checked and of the network's dtype.
    targets : ndarray
        Made by a head's ``encode`` (:mod:`mlplab.nn.heads`), one row per sample.
    epochs : int
        Number of passes over the data.
    batch_size : int or None
        Rows per step; ``None`` (or more than ``n_samples``) means full batch.
    rng : numpy.random.Generator
        Source of the per-epoch shuffle (not used for full batches).
    l2 : float
        λ of the penalty ``λ Σ_l ‖W^{(l)}‖²``.
    metrics : mapping of str to callable, optional
        ``metric(logits, targets) -> float``, recorded per epoch on the
        training data (the logits of each mini-batch before its step) and on
        the validation data; a head's ``metrics`` (accuracy for classifiers).
    validation : (X_val, targets_val), optional
    early_stopping : EarlyStopping, optional
        Needs ``validation``.
    callbacks : sequence of callables
        ``callback(epoch, history)`` after every epoch; it may raise
        :class:`StopTraining` to end training after this epoch.
    explode_factor : float or None
        A mini-batch loss above ``explode_factor × max(first loss, 1)`` counts
        as divergence (default 1e4); ``None`` only stops on non-finite values.
    history : History, optional
        Record into this (empty) History instead of a new one, so that the
        caller keeps the completed epochs whatever exception ends training
        (a callback's own error, say).

    Returns
    -------
    History

    Raises
    ------
    DivergenceError
        On a non-finite or exploding loss or a non-finite gradient; the last
        finite parameters (the best ones with early stopping) are kept.
    TrainingInterrupted
        On Ctrl-C, at the next mini-batch boundary; the model is consistent.

    Only the settings are checked (``epochs``, ``batch_size``, ``l2``,
    ``callbacks``); the arrays ``X``, ``targets`` and ``validation`` come
    checked from the caller (see the rule in :mod:`mlplab.nn`).
    """
    epochs, batch_size = check_schedule(epochs, batch_size)
    l2 = check_nonnegative_float(l2, "l2")
    callbacks = check_callbacks(callbacks)
    metrics = dict(metrics or {})
    if early_stopping is not None and validation is None:
        raise ValueError("early_stopping needs validation data, got validation=None")
    n = X.shape[0]
    batch = n if batch_size is None else min(batch_size, n)
    params, grads = network.params, network.grads
    last_finite = params.copy()
    if history is None:
        history = History()
    elif not isinstance(history, History) or history.n_epochs:
        raise ValueError(f"history must be an empty History to record into, got {history!r}")
    history.train_metrics = {name: [] for name in metrics}
    if validation is not None:
        history.val_metrics = {name: [] for name in metrics}
    best_params = None
    wait = 0
    loss_limit = math.inf  # set from the first batch: explode_factor × its loss

    def diverged(epoch: int, index: int, value: float, reason: str = "") -> DivergenceError:
        params[...] = best_params if best_params is not None else last_finite
        error = DivergenceError(epoch, index, optimizer.learning_rate, value, reason)
        error.history = history
        return error

    objective, step = network.objective, optimizer.step  # bound once: the hot loop calls them per step
    fused_copy = keeps_a_copy(optimizer)  # a built-in step copies params into last_finite on the way
    shuffled = batch < n
    if shuffled:  # reused every epoch: one gather into the same memory, no fresh copy of the data
        X_epoch, T_epoch = np.empty_like(X), np.empty_like(targets)
    else:
        X_epoch, T_epoch = X, targets
    # metrics are computed once per epoch, from the logits each mini-batch produced before its step
    logits_epoch = np.empty((n, network.n_outputs), dtype=X.dtype) if metrics else None
    # Overflow to inf/NaN is expected when a learning rate is too large; it is
    # caught below as a DivergenceError instead of surfacing as a warning.
    with np.errstate(over="ignore", invalid="ignore"), _sigint_as_flag() as interrupted:
        for epoch in range(1, epochs + 1):
            if shuffled:
                order = rng.permutation(n)
                # one gather per epoch, then contiguous slices; mode="clip" (the indices are a valid
                # permutation) because the default mode="raise" gathers into a hidden temporary copy
                X.take(order, axis=0, out=X_epoch, mode="clip")  # the method: no np.take wrapper per epoch
                targets.take(order, axis=0, out=T_epoch, mode="clip")
            loss_sum = 0.0
            for index, start in enumerate(range(0, n, batch)):
                if interrupted:
                    raise TrainingInterrupted(history, epoch, index)
                X_batch = X_epoch[start : start + batch]  # (b, n_features), a view
                T_batch = T_epoch[start : start + batch]
                value, logits = objective(X_batch, T_batch, loss, l2)
                grad_square = float(np.vdot(grads, grads))  # inf or NaN if any gradient is
                if not (math.isfinite(value) and math.isfinite(grad_square)):
                    reason = "" if not math.isfinite(value) else f"gradient norm = {math.sqrt(grad_square)!r}"
                    raise diverged(epoch, index, value, reason)
                if value > loss_limit:
                    reason = f"loss = {value!r} exploded past {explode_factor:g} × the first loss"
                    raise diverged(epoch, index, value, reason)
                if loss_limit == math.inf and explode_factor is not None:
                    loss_limit = explode_factor * max(value, 1.0)
                if fused_copy:
                    step(params, grads, keep=last_finite)  # np.copyto(last_finite, params) block by block
                else:
                    np.copyto(last_finite, params)
                    step(params, grads)
                loss_sum += value * X_batch.shape[0]
                if logits_epoch is not None:
                    logits_epoch[start : start + batch] = logits
            history.train_loss.append(loss_sum / n)
            for name, metric in metrics.items():
                history.train_metrics[name].append(metric(logits_epoch, T_epoch))

            if validation is not None:
                X_val, T_val = validation
                logits_val = network.predict_logits(X_val)
                val_loss = loss.value(logits_val, T_val) + (l2 * network.l2_penalty() if l2 else 0.0)
                if not math.isfinite(val_loss):
                    raise diverged(epoch, index, val_loss)
                history.val_loss.append(val_loss)
                for name, metric in metrics.items():
                    history.val_metrics[name].append(metric(logits_val, T_val))

            stop = False
            if early_stopping is not None:
                val_loss = history.val_loss[-1]
                if (
                    history.best_val_loss is None
                    or val_loss < history.best_val_loss - early_stopping.min_delta
                ):
                    history.best_val_loss, history.best_epoch = val_loss, epoch
                    best_params = params.copy()
                    wait = 0
                else:
                    wait += 1
                    if wait >= early_stopping.patience:
                        history.stopped_epoch = epoch
                        stop = True
            for callback in callbacks:
                try:
                    callback(epoch, history)  # the return value is ignored (tqdm's update returns True)
                except StopTraining:
                    stop = True
            if stop:
                break
        if interrupted:
            raise TrainingInterrupted(history, history.n_epochs + 1, 0)

    if not np.isfinite(params).all():  # the very last update overflowed
        raise diverged(history.n_epochs, -1, float("nan"), "the last update overflowed")
    if early_stopping is not None and early_stopping.restore_best and best_params is not None:
        params[...] = best_params
        history.restored_best = True
    return history


# ====================================================================== scikit-learn's stochastic solvers
@dataclass
class StochasticState:
    """What :func:`fit_stochastic` carries from one call to the next (a warm start, ``partial_fit``).

    The names follow scikit-learn's fitted attributes: ``t`` is ``t_`` (samples
    seen), ``n_iter`` is ``n_iter_`` (epochs of the current call), ``best_loss``
    is ``best_loss_`` (``None`` with a validation score), and so on.
    """

    t: int = 0
    n_iter: int = 0
    loss: float | None = None
    loss_curve: list = None  # type: ignore[assignment]
    validation_losses: list | None = None
    validation_scores: list | None = None
    best_loss: float | None = math.inf
    best_validation_score: float | None = None
    no_improvement_count: int = 0
    best_params: np.ndarray | None = None

    def __post_init__(self):
        if self.loss_curve is None:
            self.loss_curve = []


def fit_stochastic(
    network: Network,
    loss,
    optimizer: Optimizer,
    X,
    targets: np.ndarray,
    *,
    state: StochasticState,
    max_iter: int,
    batch_size: int,
    shuffle: bool,
    rng: np.random.Generator,
    sample_weight: np.ndarray | None = None,
    alpha: float = 0.0,
    l2: float = 0.0,
    tol: float = 1e-4,
    n_iter_no_change: float = 10,
    schedule=None,
    validation: tuple | None = None,
    incremental: bool = False,
    report: Callable[[str], None] | None = None,
    callbacks: Sequence[Callback] = (),
    dropout_rng: np.random.Generator | None = None,
) -> str | None:
    r"""scikit-learn's ``_fit_stochastic``: epochs of mini-batch steps with its stopping rules.

    Per mini-batch ``B`` (weights ``w_i``, all 1 without ``sample_weight``) the objective is

    .. math::

        L_B = \frac{Σ_{i∈B} w_i ℓ_i}{Σ_{i∈B} w_i} + \frac{α}{2 Σ_{i∈B} w_i} Σ_l ‖W^{(l)}‖² + λ Σ_l ‖W^{(l)}‖²

    (α is scikit-learn's ``alpha``, λ mlplab's ``l2``). An epoch's loss is the
    batch-size-weighted mean of its ``L_B`` (each before its step), appended to
    ``state.loss_curve``; ``state.t`` grows by the epoch's samples. After each
    epoch: with ``validation = (X_val, targets_val, w_val, score)`` the score
    ``score(network)`` is recorded and counts as an improvement when it is at
    least ``best + tol`` (the best weights are kept in ``state.best_params``);
    without, the training loss improves when it is below ``best − tol``. The
    schedule's ``after_step(t)`` sets the next rate. After more than
    ``n_iter_no_change`` epochs without improvement the schedule may react
    (``after_stall()``, scikit-learn's 'adaptive' rate); else training stops.
    ``incremental`` runs one epoch (``partial_fit``).

    ``X`` may be a SciPy sparse matrix (CSR): each mini-batch is densified
    (``toarray``), because :meth:`Linear.backward` writes ``δᵀ a`` into a
    dense gradient view with ``np.matmul(..., out=)``, which sparse inputs do
    not support; the memory cost is one batch.

    Returns
    -------
    str or None
        The stop message (scikit-learn's), or ``None`` if the epochs ran out.
    """
    n = X.shape[0]
    batch = max(1, min(batch_size, n))
    sparse = hasattr(X, "toarray")
    params, grads = network.params, network.grads
    record = History()
    record.train_loss = list(state.loss_curve)
    if state.validation_losses is not None:
        record.val_loss = list(state.validation_losses)
    state.n_iter = 0
    if schedule is not None:
        optimizer.learning_rate = schedule.rate
    indices = np.arange(n)
    dropout = dropout_rng is not None
    with np.errstate(
        over="ignore", invalid="ignore"
    ):  # a diverging run ends in non-finite weights, checked by the caller
        return _stochastic_epochs(
            network, loss, optimizer, X, targets, state, max_iter, batch, shuffle, rng, sample_weight,
            alpha, l2, tol, n_iter_no_change, schedule, validation, incremental, report, callbacks,
            dropout_rng, sparse, params, grads, record, indices, dropout,
        )  # fmt: skip


def _stochastic_epochs(network, loss, optimizer, X, targets, state, max_iter, batch, shuffle, rng,
                       sample_weight, alpha, l2, tol, n_iter_no_change, schedule, validation, incremental,
                       report, callbacks, dropout_rng, sparse, params, grads, record, indices,
                       dropout):  # fmt: skip
    """The epochs of :func:`fit_stochastic` (its arguments, checked and prepared there)."""
    n = X.shape[0]
    message = None
    for _ in range(max_iter):
        if shuffle:
            indices = rng.permutation(n)
        accumulated = 0.0
        for start in range(0, n, batch):
            rows = indices[start : start + batch] if shuffle else slice(start, start + batch)
            X_batch = X[rows]
            if sparse:
                X_batch = X_batch.toarray()  # see the docstring: a dense batch for the backward pass
            T_batch = targets[rows]
            w_batch = None if sample_weight is None else sample_weight[rows]
            logits = (
                network.forward(X_batch, training=True, rng=dropout_rng)
                if dropout
                else network.forward(X_batch)
            )
            value, grad_logits = loss.value_and_gradient(logits, T_batch, sample_weight=w_batch)
            network.backward(grad_logits)
            weight_sum = X_batch.shape[0] if w_batch is None else float(w_batch.sum())
            lam = (0.5 * alpha / weight_sum if alpha else 0.0) + l2
            if lam:
                value += lam * network.l2_penalty()
                network.add_l2_gradient(lam)
            optimizer.step(params, grads)
            accumulated += value * X_batch.shape[0]
        state.n_iter += 1
        state.loss = accumulated / n
        state.t += n
        state.loss_curve.append(state.loss)
        record.train_loss.append(state.loss)
        if report is not None:
            report("Iteration %d, loss = %.8f" % (state.n_iter, state.loss))  # noqa: UP031 - scikit-learn's line
        if validation is not None:
            X_val, T_val, w_val, score = validation
            logits_val = network.predict_logits(X_val.toarray() if hasattr(X_val, "toarray") else X_val)
            val_loss = loss.value(logits_val, T_val, sample_weight=w_val)
            state.validation_losses.append(val_loss)
            record.val_loss.append(val_loss)
            value = score(logits_val)
            state.validation_scores.append(value)
            if report is not None:
                report(f"Validation score: {value:f}")
            if value < state.best_validation_score + tol:
                state.no_improvement_count += 1
            else:
                state.no_improvement_count = 0
            if value > state.best_validation_score:
                state.best_validation_score = value
                state.best_params = params.copy()
        else:
            if state.loss > state.best_loss - tol:
                state.no_improvement_count += 1
            else:
                state.no_improvement_count = 0
            state.best_loss = min(state.best_loss, state.loss)
        if schedule is not None:
            optimizer.learning_rate = schedule.after_step(state.t)
        stop = False
        if state.no_improvement_count > n_iter_no_change:
            what = "Validation score" if validation is not None else "Training loss"
            message = (
                f"{what} did not improve more than tol={tol:f} for {n_iter_no_change} consecutive epochs."
            )
            if schedule is not None and schedule.after_stall():
                optimizer.learning_rate = schedule.rate
                state.no_improvement_count = 0
                message = None
                if report is not None:
                    report(f"Setting learning rate to {schedule.rate:f}")
            else:
                if report is not None:
                    report(message + " Stopping.")
                stop = True
        for callback in callbacks:
            try:
                callback(state.n_iter, record)
            except StopTraining:
                stop = True
                message = message or "a callback stopped training"
        if stop or incremental:
            break
    return message
