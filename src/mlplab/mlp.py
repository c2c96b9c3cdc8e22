"""The sheet's ``MLP`` class (task 2.1): a thin face over :mod:`mlplab.nn`.

It keeps the sheet's names and defaults so that a grader finds ``_forward``,
``_backward``, ``train``, ``predict`` and ``score`` where the sheet put them;
the work is done by the library's :class:`~mlplab.nn.network.Network`, losses,
optimisers and training loop.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .datasets import rng_from_seed, train_val_split
from .nn._validation import (
    as_real_array,
    check_data,
    check_fraction,
    check_labels,
    check_layer_sizes,
    check_nonnegative_float,
    check_positive_float,
    check_positive_int,
)
from .nn.activations import get_activation
from .nn.gradcheck import GradientCheckResult, check_gradients
from .nn.initializers import get_initializer
from .nn.losses import loss_for_outputs
from .nn.network import Network
from .nn.optimizers import Optimizer, get_optimizer
from .nn.training import DivergenceError, EarlyStopping, History, TrainingInterrupted, fit

__all__ = ["MLP", "NotFittedError", "gradient_check"]


class NotFittedError(ValueError, AttributeError):
    """The model was asked to predict before it had trained or given weights."""


class MLP:
    """A multi-layer perceptron for classification, trained by mini-batch gradient descent.

    The hidden layers use ``activation``; the output layer is one sigmoid unit
    with binary cross-entropy (``layer_sizes[-1] == 1``, labels 0/1) or ``k``
    softmax units with categorical cross-entropy (labels ``0..k-1``). The loss
    is the batch mean, plus ``l2 · Σ_l ‖W^(l)‖²`` (sheet eq. 11).

    Parameters
    ----------
    layer_sizes : list of int
        ``[input, hidden1, hidden2, ..., output]``, e.g. ``[2, 4, 1]``.
    activation : {'sigmoid', 'relu', 'tanh'}
        Activation of the hidden layers (``'identity'`` is accepted too).
    learning_rate : float
        Step size α > 0 of the optimiser (ignored when ``optimizer`` is an
        :class:`~mlplab.nn.optimizers.Optimizer` object, which has its own).
    optimizer : {'sgd', 'momentum', 'rmsprop', 'adam'} or Optimizer, keyword-only
        ``'momentum'`` is the sheet's form ``v = βv + (1−β)g`` with β = 0.9.
    l2 : float, keyword-only
        λ ≥ 0 of the L2 penalty on the weights (not the biases). Default 0.
    seed : int, SeedSequence, Generator or None, keyword-only
        Seeds weight initialisation and shuffling; the same seed gives the same
        weights and the same training history, bit for bit. ``None`` draws
        fresh entropy.
    init : str or callable, keyword-only
        ``'xavier_uniform'``, ``'xavier_normal'``, ``'he_uniform'``,
        ``'he_normal'`` or ``'zeros'``; default He (normal) for ReLU and
        Xavier (uniform) otherwise.
    early_stopping : bool, keyword-only
        Stop when the validation loss has not improved for ``patience`` epochs
        and restore the best weights (if ``restore_best_weights``).
    patience : int, keyword-only
    min_delta : float, keyword-only
        Smallest decrease of the validation loss that counts as improvement.
    validation_fraction : float, keyword-only
        Share of the training data held out (stratified) for early stopping
        when ``train`` gets no ``validation_data``. Default 0.2.
    restore_best_weights : bool, keyword-only
    dtype : {numpy.float64, numpy.float32}, keyword-only

    Attributes
    ----------
    weights : list of ndarray
        ``weights[l]`` has shape ``(n_out, n_in)``, exactly the sheet's
        ``W^(l+1)``. These are views into the model: ``model.weights[0][...] = W1``
        changes it.
    biases : list of ndarray
        ``biases[l]`` of shape ``(n_out,)``, views like ``weights``.
    history : History or None
        What the last call of :meth:`train` recorded.
    network : Network
        The library object doing the work.

    Examples
    --------
    >>> from mlplab import MLP
    >>> from mlplab.datasets import make_xor
    >>> X, y = make_xor()
    >>> model = MLP([2, 4, 1], activation="tanh", learning_rate=0.5, seed=0)
    >>> history = model.train(X, y, epochs=2000)
    >>> model.score(X, y)
    1.0
    """

    def __init__(
        self,
        layer_sizes: Sequence[int],
        activation: str = "sigmoid",
        learning_rate: float = 0.01,
        *,
        optimizer: str | Optimizer = "sgd",
        l2: float = 0.0,
        seed: object = None,
        init: object = None,
        early_stopping: bool = False,
        patience: int = 10,
        min_delta: float = 0.0,
        validation_fraction: float = 0.2,
        restore_best_weights: bool = True,
        dtype=np.float64,
    ):
        self.layer_sizes = list(check_layer_sizes(layer_sizes))
        self.activation = get_activation(activation).name
        self.learning_rate = check_positive_float(learning_rate, "learning_rate")
        self.optimizer = get_optimizer(optimizer, self.learning_rate)
        if isinstance(optimizer, Optimizer):
            self.learning_rate = optimizer.learning_rate
        self.l2 = check_nonnegative_float(l2, "l2")
        self.init = init
        get_initializer(init, self.activation)  # validate now, not at first use
        for name, flag in (
            ("early_stopping", early_stopping),
            ("restore_best_weights", restore_best_weights),
        ):
            if not isinstance(flag, bool):
                raise TypeError(f"{name} must be True or False, got {flag!r}")
        self.early_stopping = early_stopping
        self.patience = check_positive_int(patience, "patience")
        self.min_delta = check_nonnegative_float(min_delta, "min_delta")
        self.validation_fraction = check_fraction(validation_fraction, "validation_fraction")
        self.restore_best_weights = restore_best_weights
        dtype = _check_dtype(dtype)

        self.network = Network(self.layer_sizes, self.activation, dtype=dtype)
        self.loss = loss_for_outputs(self.layer_sizes[-1])
        root = rng_from_seed(seed)
        init_rng, shuffle_rng = root.spawn(2)
        self._init_rng, self._shuffle_rng = init_rng, shuffle_rng
        self.history: History | None = None
        self._fitted = False
        self._cache_rows: int | None = None
        self._logits: np.ndarray | None = None
        self._initialize_weights()

    # ------------------------------------------------------------ the sheet
    def _initialize_weights(self) -> None:
        """Xavier/He initialisation of the weights, zero biases (see ``init``).

        Also resets the optimiser's state and marks the model as untrained.
        """
        self.network.initialize(self._init_rng, self.init)
        self.optimizer.reset(self.network.n_params, self.network.dtype)
        self._fitted = False

    def _forward(self, X) -> np.ndarray:
        """Forward pass; keeps every layer's input and output for :meth:`_backward`.

        Parameters
        ----------
        X : array-like of shape (n_samples, layer_sizes[0])

        Returns
        -------
        ndarray of shape (n_samples, layer_sizes[-1])
            ŷ: σ(z) for one output unit, softmax(z) for several.
        """
        X = self._check_X(X)
        self._logits = self.network.forward(X)
        self._cache_rows = X.shape[0]
        if self.layer_sizes[-1] == 1:
            return self.loss.probabilities(self._logits)[:, 1:]  # (n, 1)
        return self.loss.probabilities(self._logits)

    def _backward(self, X, y) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Backward pass for the batch of the last :meth:`_forward` call.

        Returns
        -------
        weight_grads, bias_grads : list of ndarray
            ``∂L/∂W^(l)`` and ``∂L/∂b^(l)`` of the mean loss over the batch
            (plus ``2λW`` when ``l2 > 0``), shaped like :attr:`weights` and
            :attr:`biases`. They are copies.
        """
        X = self._check_X(X)
        if self._logits is None or self._cache_rows != X.shape[0]:
            raise ValueError(
                f"_backward(X, y) needs the forward pass of the same X first: call _forward(X) "
                f"(last forward had {self._cache_rows} samples, X has {X.shape[0]})"
            )
        labels = check_labels(y, X.shape[0], self.layer_sizes[-1])
        targets = self.loss.prepare_targets(labels, self.network.dtype)
        _, grad_logits = self.loss.value_and_gradient(self._logits, targets)
        self.network.backward(grad_logits)
        if self.l2:
            self.network.add_l2_gradient(self.l2)
        return ([g.copy() for g in self.network.weight_grads], [g.copy() for g in self.network.bias_grads])

    def train(
        self,
        X,
        y,
        epochs: int = 1000,
        batch_size: int | None = None,
        verbose: bool = False,
        *,
        validation_data: tuple | None = None,
        callbacks: Sequence = (),
    ) -> History:
        """Train with mini-batch gradient descent, continuing from the current weights.

        Parameters
        ----------
        X : array-like of shape (n_samples, layer_sizes[0])
        y : array-like of shape (n_samples,)
            0/1 for one output unit, ``0..k-1`` for ``k`` output units.
        epochs : int
            Passes over the data, >= 1.
        batch_size : int or None
            Samples per step; ``None`` is full-batch gradient descent. The data
            are reshuffled every epoch and a last, smaller batch is kept.
        verbose : bool
            Print the losses about ten times during training.
        validation_data : (X_val, y_val), keyword-only, optional
            Monitored every epoch (and used by early stopping).
        callbacks : sequence of callables, keyword-only
            ``callback(epoch, history)`` after each epoch; raising
            :class:`~mlplab.nn.training.StopTraining` ends training there. The
            model predicts inside a callback (with the weights of that epoch).

        Returns
        -------
        History
            Per-epoch training loss and accuracy (and validation ones).

        Raises
        ------
        DivergenceError
            If the loss explodes or the loss or gradient becomes non-finite;
            the model keeps the last finite weights and stays usable.
        TrainingInterrupted
            On Ctrl-C, at the next mini-batch boundary (a ``KeyboardInterrupt``);
            the model is consistent and usable, :attr:`history` holds the
            completed epochs.
        """
        X = self._check_X(X)
        labels = check_labels(y, X.shape[0], self.layer_sizes[-1])
        epochs = check_positive_int(epochs, "epochs")
        batch_size = check_positive_int(batch_size, "batch_size", allow_none=True)
        if not isinstance(verbose, bool):
            raise TypeError(f"verbose must be True or False, got {verbose!r}")
        validation = None
        if validation_data is not None:
            if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
                raise TypeError(
                    "validation_data must be a pair (X_val, y_val), got "
                    + (
                        f"a {type(validation_data).__name__} of length {len(validation_data)}"
                        if isinstance(validation_data, (tuple, list))
                        else f"{type(validation_data).__name__} {_short_repr(validation_data)}"
                    )
                )
            X_val = self._check_X(validation_data[0], "validation_data[0]")
            y_val = check_labels(
                validation_data[1], X_val.shape[0], self.layer_sizes[-1], "validation_data[1]"
            )
            validation = (X_val, y_val)
        elif self.early_stopping:
            n_val = round(self.validation_fraction * X.shape[0])
            if X.shape[0] < 2 or n_val < 1 or n_val > X.shape[0] - 1:
                raise ValueError(
                    f"X has {X.shape[0]} samples, too few to hold out validation_fraction="
                    f"{self.validation_fraction} for early stopping; pass validation_data=(X_val, y_val)"
                )
            X, X_val, labels, y_val = train_val_split(
                X, labels, self.validation_fraction, seed=self._shuffle_rng
            )
            validation = (X_val, y_val)
        dtype = self.network.dtype
        if validation is not None:
            validation = (validation[0], self.loss.prepare_targets(validation[1], dtype))
        stopper = (
            EarlyStopping(self.patience, self.min_delta, self.restore_best_weights)
            if self.early_stopping
            else None
        )
        callbacks = _check_callbacks(callbacks)
        if verbose:
            callbacks.append(_EpochPrinter(epochs))
        self._fitted = True  # from here on the weights are the model's, also inside callbacks
        try:
            self.history = fit(
                self.network,
                self.loss,
                self.optimizer,
                X,
                self.loss.prepare_targets(labels, dtype),
                epochs=epochs,
                batch_size=batch_size,
                rng=self._shuffle_rng,
                l2=self.l2,
                validation=validation,
                early_stopping=stopper,
                callbacks=callbacks,
            )
        except (DivergenceError, TrainingInterrupted) as stop:
            self.history = stop.history  # the epochs completed before it happened
            raise
        finally:
            self._logits = None  # the cache belongs to the last mini-batch now
        return self.history

    def predict(self, X) -> np.ndarray:
        """Predicted class labels, ``int64`` of shape ``(n_samples,)``."""
        return self.loss.predict(self._predict_logits(X))

    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities of shape ``(n_samples, n_classes)``.

        For one output unit the columns are ``1 − ŷ`` and ``ŷ = σ(z)``
        (scikit-learn's layout).
        """
        return self.loss.probabilities(self._predict_logits(X))

    def score(self, X, y) -> float:
        """Accuracy: the fraction of samples whose predicted label equals ``y``."""
        X = self._check_X(X)
        labels = check_labels(y, X.shape[0], self.layer_sizes[-1])
        return float(np.mean(self.predict(X) == labels))

    # ----------------------------------------------------------- extras
    @property
    def weights(self) -> list[np.ndarray]:
        return self.network.weights

    @property
    def biases(self) -> list[np.ndarray]:
        return self.network.biases

    def set_weights(self, weights: Sequence, biases: Sequence) -> MLP:
        """Copy given weights and biases into the model and mark it usable.

        ``weights[l]`` must have shape ``(layer_sizes[l+1], layer_sizes[l])``
        (a vector is accepted for a one-unit layer, like the sheet's ``w^(3)``)
        and ``biases[l]`` shape ``(layer_sizes[l+1],)`` (a number for one unit).
        """
        n = len(self.weights)
        for name, value in (("weights", weights), ("biases", biases)):
            if not isinstance(value, Sequence) or isinstance(value, (str, bytes)):
                raise TypeError(f"{name} must be a list of {n} arrays, got {_describe(value)}")
            if len(value) != n:
                raise ValueError(f"{name} must be a list of {n} arrays, got {_describe(value)}")
        new_w, new_b = [], []
        dtype = self.network.dtype
        for i, (w, b, dest_w, dest_b) in enumerate(zip(weights, biases, self.weights, self.biases)):
            w = as_real_array(w, f"weights[{i}]", dtype)
            b = as_real_array(b, f"biases[{i}]", dtype)
            if w.size != dest_w.size or (w.shape != dest_w.shape and w.ndim > 1):
                raise ValueError(f"weights[{i}] must have shape {dest_w.shape}, got {w.shape}")
            if b.size != dest_b.size or b.ndim > 1:
                raise ValueError(f"biases[{i}] must have shape {dest_b.shape}, got {b.shape}")
            new_w.append(w.reshape(dest_w.shape))
            new_b.append(b.reshape(dest_b.shape))
        for w, b, dest_w, dest_b in zip(new_w, new_b, self.weights, self.biases):
            dest_w[...] = w
            dest_b[...] = b
        self._fitted = True
        return self

    def save(self, path) -> None:
        """Write the model to ``path`` as a data-only file; read it back with :func:`mlplab.load`.

        The file holds the weights, the optimiser's settings and state, the
        history and the random generators' state, so the loaded model predicts
        bit for bit the same and trains on exactly as this one would. The
        write is atomic. See :mod:`mlplab.serialization`.
        """
        from .serialization import save  # imported here: serialization imports this module

        save(self, path)

    @property
    def n_params(self) -> int:
        return self.network.n_params

    def __repr__(self) -> str:
        return (
            f"MLP({self.layer_sizes}, activation={self.activation!r}, "
            f"learning_rate={self.learning_rate!r}, optimizer={self.optimizer.name!r}, l2={self.l2!r})"
        )

    # ----------------------------------------------------------- internals
    def _check_X(self, X, name: str = "X") -> np.ndarray:
        return check_data(X, self.layer_sizes[0], name, dtype=self.network.dtype)

    def _predict_logits(self, X) -> np.ndarray:
        if not self._fitted:
            raise NotFittedError(
                "this MLP has no trained weights yet: call train(X, y) first, "
                "or give it weights with set_weights(weights, biases)"
            )
        return self.network.predict_logits(self._check_X(X))


class _EpochPrinter:
    """``verbose=True``: one line about every tenth of the run, and the last epoch."""

    def __init__(self, epochs: int):
        self.epochs = epochs
        self.every = max(1, epochs // 10)

    def __call__(self, epoch: int, history: History) -> None:
        if epoch % self.every and epoch != self.epochs and epoch != 1:
            return
        line = (
            f"epoch {epoch:>{len(str(self.epochs))}}/{self.epochs}  "
            f"loss {history.train_loss[-1]:.6f}  accuracy {history.train_accuracy[-1]:.4f}"
        )
        if history.val_loss:
            line += f"  val_loss {history.val_loss[-1]:.6f}  val_accuracy {history.val_accuracy[-1]:.4f}"
        print(line, flush=True)


def _check_dtype(dtype: object) -> np.dtype:
    try:
        resolved = np.dtype(dtype)
    except TypeError:
        raise TypeError(f"dtype must be float32 or float64, got {dtype!r}") from None
    if resolved not in (np.float32, np.float64):
        raise ValueError(f"dtype must be float32 or float64, got {resolved.name}")
    return resolved


def _check_callbacks(callbacks: object) -> list:
    if callbacks is None or isinstance(callbacks, (str, bytes)) or not hasattr(callbacks, "__iter__"):
        raise TypeError(f"callbacks must be a sequence of callables, got {callbacks!r}")
    callbacks = list(callbacks)
    for i, callback in enumerate(callbacks):
        if not callable(callback):
            raise TypeError(
                f"callbacks must hold callables callback(epoch, history), got {callback!r} at index {i}"
            )
    return callbacks


def _short_repr(value: object, limit: int = 60) -> str:
    text = " ".join(repr(value).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _describe(value: object) -> str:
    if isinstance(value, Sequence):
        return f"{type(value).__name__} of length {len(value)}"
    return repr(value)


def gradient_check(model: MLP, X, y, eps: float = 1e-3) -> GradientCheckResult:
    """Check ``model``'s backward pass against central differences (float64).

    Parameters
    ----------
    model : MLP
        Any object with ``network``, ``loss`` and ``l2`` like :class:`MLP`.
    X : array-like of shape (n_samples, n_features)
    y : array-like of shape (n_samples,)
    eps : float
        Step ``h`` of the Richardson-extrapolated central differences
        (see :mod:`mlplab.nn.gradcheck`).

    Returns
    -------
    GradientCheckResult
        ``errors`` (relative error per array ``'W1', 'b1', ...``) and ``overall``.

    Examples
    --------
    >>> import numpy as np
    >>> from mlplab import MLP, gradient_check
    >>> X = np.random.default_rng(0).normal(size=(8, 2)); y = np.array([0, 1] * 4)
    >>> result = gradient_check(MLP([2, 4, 1], seed=0), X, y)
    >>> result.overall < 1e-7
    True
    """
    for attribute in ("network", "loss", "l2"):
        if not hasattr(model, attribute):
            raise TypeError(f"model must be an mlplab MLP (or have .{attribute}), got {type(model).__name__}")
    network = model.network
    X = check_data(X, network.n_inputs, "X")
    labels = check_labels(y, X.shape[0], network.n_outputs)
    if network.dtype != np.float64:
        raise ValueError(f"gradient_check needs a float64 model, got dtype {network.dtype}")
    return check_gradients(network, model.loss, X, model.loss.prepare_targets(labels), model.l2, eps)
