"""The one place that builds and trains a model from its settings.

A :class:`Model` is a :class:`~mlplab.nn.network.Network` with everything
that training it needs: a head (what the logits mean), a loss, an optimiser,
the L2 weight, early stopping, a hold-out fraction and three random streams.
The sheet's :class:`~mlplab.MLP` and the scikit-learn estimators are thin faces
over it: they translate their own parameter names and pass them on, and each
value is checked here or below, once.

Random streams: ``seed`` gives one ``numpy.random.Generator``, from which
three independent children are spawned, in this order:

* ``init``: the initial weights;
* ``shuffle``: the order of the mini-batches, epoch after epoch;
* ``split``: the hold-out for early stopping. It is never advanced: every
  split is drawn from a copy of its initial state, so the same data always
  give the same validation rows, however often :meth:`Model.fit` is called
  (and after saving and loading).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

import numpy as np

from .nn.checks import (
    check_callbacks,
    check_data,
    check_fraction,
    check_nonnegative_float,
    rng_from_seed,
    short_repr,
    short_sizes,
)
from .nn.data import split_indices
from .nn.gradcheck import GradientCheckResult, check_gradients
from .nn.heads import Head, get_head
from .nn.initializers import get_initializer
from .nn.losses import Loss, get_loss
from .nn.many import fit_many as fit_many_networks
from .nn.network import Network
from .nn.optimizers import Optimizer, get_optimizer
from .nn.training import DivergenceError, EarlyStopping, History, TrainingInterrupted, check_schedule, fit

__all__ = ["RANDOM_STREAMS", "Model", "NotFittedError", "fit_many"]

#: the model's random streams, in the order they are spawned from the seed
RANDOM_STREAMS = ("init", "shuffle", "split")


class NotFittedError(ValueError, AttributeError):
    """The model was asked to predict before it had trained or been given weights."""


class Model:
    """A network, its head, loss and optimiser, and how to train it.

    Parameters
    ----------
    layer_sizes : sequence of int
        ``[n_inputs, hidden_1, ..., n_outputs]``.
    activation : str
        Activation of the hidden layers (see :mod:`mlplab.nn.activations`).
    head : {'binary', 'softmax', 'identity'} or Head, optional
        What the logits mean; default by output width: ``'binary'`` for one
        unit, ``'softmax'`` for more (see :mod:`mlplab.nn.heads`).
    loss : str or Loss, optional
        Default: the head's (cross-entropy for the classifiers, mean squared
        error for ``'identity'``).
    optimizer : str or Optimizer
        A name of :data:`~mlplab.nn.optimizers.OPTIMIZERS` (built with
        ``learning_rate``) or an optimiser object (which keeps its own rate).
    learning_rate : float, optional
        Step size of an optimiser given by name; its default if ``None``.
    l2 : float
        λ ≥ 0 of the penalty ``λ Σ_l ‖W^(l)‖²`` (weights only).
    seed : int, SeedSequence, Generator, RandomState or None
        Source of the three random streams (see the module docstring).
    init : str or callable, optional
        Weight initialiser; default He for ReLU, Xavier otherwise.
    early_stopping : EarlyStopping or None
        Stop when the validation loss stalls (needs validation data or a hold-out).
    validation_fraction : float
        Share of the training rows held out for early stopping when
        :meth:`fit` gets no ``validation_data``.
    dtype : numpy.float64 or numpy.float32

    Attributes
    ----------
    network : Network
    head : Head
    loss : Loss
    optimizer : Optimizer
        Serves this model only: an optimiser object already serving another
        live model is refused (``ValueError`` naming ``optimizer``).
    history : History or None
        What the last :meth:`fit` recorded (also when it ended with an error:
        the epochs completed before).
    fitted : bool
        Whether the weights are the model's (trained or given); predicting needs it.
    """

    def __init__(
        self,
        layer_sizes: Sequence[int],
        activation: str = "sigmoid",
        *,
        head: str | Head | None = None,
        loss: str | Loss | None = None,
        optimizer: str | Optimizer = "sgd",
        learning_rate: float | None = None,
        l2: float = 0.0,
        seed: object = None,
        init: object = None,
        early_stopping: EarlyStopping | None = None,
        validation_fraction: float = 0.2,
        dtype=np.float64,
    ):
        self.network = Network(layer_sizes, activation, dtype=dtype)
        self.head = get_head(head, self.network.n_outputs)
        self.loss = get_loss(self.head.default_loss if loss is None else loss)
        if self.loss.name not in self.head.losses:
            raise ValueError(
                f"loss {self.loss.name!r} does not fit the {self.head.name!r} head; "
                f"use one of {list(self.head.losses)}"
            )
        self._optimizer = get_optimizer(optimizer, learning_rate)  # bound at the end, once all is checked
        self.l2 = l2
        get_initializer(init, self.network.activation.name)  # checked now, not at first use
        self.init = init
        if early_stopping is not None and not isinstance(early_stopping, EarlyStopping):
            raise TypeError(
                f"early_stopping must be None or an EarlyStopping, got {short_repr(early_stopping)}"
            )
        self.early_stopping = early_stopping
        self.validation_fraction = check_fraction(validation_fraction, "validation_fraction")
        streams = rng_from_seed(seed).spawn(len(RANDOM_STREAMS))
        self._streams: dict[str, np.random.Generator] = dict(zip(RANDOM_STREAMS, streams))
        self.history: History | None = None
        self.fitted = False
        self.optimizer.bind(self.network.params)  # before initialize() resets it: never another model's
        self.initialize()

    # ---------------------------------------------------------------- settings
    @property
    def l2(self) -> float:
        """λ ≥ 0 of the L2 penalty; checked whenever it is set."""
        return self._l2

    @l2.setter
    def l2(self, value: float) -> None:
        self._l2 = check_nonnegative_float(value, "l2")

    @property
    def dtype(self) -> np.dtype:
        return self.network.dtype

    @property
    def optimizer(self) -> Optimizer:
        """The update rule; setting a new one binds it to this model and frees the old one."""
        return self._optimizer

    @optimizer.setter
    def optimizer(self, value: Optimizer) -> None:
        if not isinstance(value, Optimizer):
            raise TypeError(f"optimizer must be an Optimizer instance, got {short_repr(value)}")
        value.bind(self.network.params)
        if self._optimizer is not value:
            self._optimizer.unbind()
        self._optimizer = value

    # ------------------------------------------------------------ random state
    def random_state(self) -> dict[str, dict]:
        """Each random stream's ``bit_generator.state``, keyed by :data:`RANDOM_STREAMS`."""
        return {name: copy.deepcopy(rng.bit_generator.state) for name, rng in self._streams.items()}

    def set_random_state(self, state: dict[str, dict]) -> None:
        """Put back what :meth:`random_state` returned; raises ``ValueError`` for a bad state."""
        if not isinstance(state, dict) or set(state) != set(RANDOM_STREAMS):
            raise ValueError(
                f"random state must be a dict with keys {list(RANDOM_STREAMS)}, got {short_repr(state)}"
            )
        streams = {}
        for name in RANDOM_STREAMS:
            entry = state[name]
            kind = entry.get("bit_generator") if isinstance(entry, dict) else None
            bit_generator_class = getattr(np.random, str(kind), None)
            if not (
                isinstance(bit_generator_class, type)
                and issubclass(bit_generator_class, np.random.BitGenerator)
            ):
                raise ValueError(f"random state {name!r} names no NumPy bit generator: {short_repr(kind)}")
            bit_generator = bit_generator_class()
            try:
                bit_generator.state = entry
            except (TypeError, ValueError, KeyError, OverflowError) as error:
                raise ValueError(f"random state {name!r} is invalid: {error}") from None
            streams[name] = np.random.Generator(bit_generator)
        self._streams = streams

    # ----------------------------------------------------------------- weights
    def initialize(self) -> None:
        """Draw new weights (from the ``init`` stream), zero the biases and the optimiser's state."""
        self.network.initialize(self._streams["init"], self.init)
        self.optimizer.reset(self.network.n_params, self.network.dtype)
        self.fitted = False

    def check_X(self, X: object, name: str = "X") -> np.ndarray:
        """``X`` as a finite array of the network's dtype with ``n_inputs`` columns, or a clear error."""
        return check_data(X, self.network.n_inputs, name, dtype=self.network.dtype)

    def holdout(self, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Row indices ``(train, validation)`` of the hold-out for checked targets ``y``.

        Stratified by class for a classifier head. Drawn from a copy of the
        ``split`` stream, so the same ``y`` always gives the same rows.
        """
        rng = copy.deepcopy(self._streams["split"])
        labels = y if self.head.is_classifier else None
        return split_indices(y.shape[0], self.validation_fraction, rng, labels)

    # ---------------------------------------------------------------- training
    def fit(
        self,
        X: object,
        y: object,
        *,
        epochs: int,
        batch_size: int | None = None,
        validation_data: tuple | None = None,
        callbacks: Sequence = (),
    ) -> History:
        """Train from the current weights; see :func:`mlplab.nn.training.fit`.

        With early stopping and no ``validation_data``, the rows of
        :meth:`holdout` are held out (the data keep their dtype).

        Raises
        ------
        DivergenceError, TrainingInterrupted
            As :func:`~mlplab.nn.training.fit`; :attr:`history` then holds the
            epochs completed before, and the model stays usable. So does any
            other error raised once training has begun (a callback's, say).
        ValueError
            If a parameter is not finite (e.g. NaN written into a weight
            view), naming the array, before anything is changed.
        """
        X, targets, validation, callbacks = self._prepare_fit(
            X, y, epochs, batch_size, validation_data, callbacks
        )
        record = History()  # filled as training goes, so it survives any error from here on
        try:
            fit(
                self.network,
                self.loss,
                self.optimizer,
                X,
                targets,
                epochs=epochs,
                batch_size=batch_size,
                rng=self._streams["shuffle"],
                l2=self.l2,
                metrics=self.head.metrics,
                validation=validation,
                early_stopping=self.early_stopping,
                callbacks=[self._mark_fitted, *callbacks],  # first: callbacks may predict
                history=record,
            )
        except (DivergenceError, TrainingInterrupted):
            self.fitted = True  # the last finite (or last complete) weights: usable
            self.history = record  # the epochs completed before it happened
            raise
        except BaseException:
            self.history = record  # e.g. a callback raised: the epochs completed before are kept
            raise
        self.history = record
        self.fitted = True
        return self.history

    def _prepare_fit(self, X, y, epochs, batch_size, validation_data, callbacks) -> tuple:
        """What :meth:`fit` checks and prepares before training: ``(X, targets, validation, callbacks)``.

        ``validation`` is ``(X_val, targets_val)`` (given, or the hold-out rows for early stopping)
        or ``None``; ``X`` and ``targets`` are then the training rows. Raises before anything changes.
        """
        check_schedule(epochs, batch_size)
        X = self.check_X(X)
        y = self.head.check(y, X.shape[0])
        callbacks = check_callbacks(callbacks)
        self.network.check_finite()
        self.optimizer.bind(self.network.params)  # a copied model's optimiser is unbound
        validation = None
        if validation_data is not None:
            X_val, y_val = _pair(validation_data)
            X_val = self.check_X(X_val, "validation_data[0]")
            y_val = self.head.check(y_val, X_val.shape[0], "validation_data[1]")
            validation = (X_val, self.head.encode(y_val, self.dtype))
        elif self.early_stopping is not None:
            if X.shape[0] < 2 or not 1 <= round(self.validation_fraction * X.shape[0]) <= X.shape[0] - 1:
                raise ValueError(
                    f"X has {X.shape[0]} samples, too few to hold out validation_fraction="
                    f"{self.validation_fraction} for early stopping; pass validation_data=(X_val, y_val)"
                )
            train_rows, val_rows = self.holdout(y)
            validation = (X[val_rows], self.head.encode(y[val_rows], self.dtype))
            X, y = X[train_rows], y[train_rows]
        return X, self.head.encode(y, self.dtype), validation, callbacks

    def _mark_fitted(self, epoch: int, history: History) -> None:
        """Training callback: from the first epoch on, the weights are the model's."""
        self.fitted = True

    # -------------------------------------------------------------- prediction
    def predict_logits(self, X: object) -> np.ndarray:
        """Logits of shape ``(n_samples, n_outputs)``; raises :class:`NotFittedError` before training."""
        if not self.fitted:
            raise NotFittedError(
                "this model has no trained weights yet: call train(X, y) first (fit for a Model), "
                "or give it weights with set_weights(weights, biases)"
            )
        X = self.check_X(X)
        self.network.check_finite()  # a NaN written through a view: one pass over a small vector
        return self.network.predict_logits(X)

    def predict(self, X: object) -> np.ndarray:
        """Class labels (``int64``) for a classifier head, values for the identity head."""
        return self.head.predict(self.predict_logits(X))

    def predict_proba(self, X: object) -> np.ndarray:
        """Class probabilities of shape ``(n_samples, n_classes)`` (classifier heads only)."""
        if not self.head.is_classifier:
            raise AttributeError(f"predict_proba needs a classifier head, this model has {self.head.name!r}")
        return self.head.probabilities(self.predict_logits(X))

    def score(self, X: object, y: object) -> float:
        """Accuracy for a classifier head, R² for the identity head."""
        X = self.check_X(X)
        return self.head.score(self.predict_logits(X), self.head.check(y, X.shape[0]))

    def data_loss(self, X: object, y: object) -> float:
        """The mean loss on ``(X, y)`` with the current weights, without the L2 term."""
        X = self.check_X(X)
        targets = self.head.encode(self.head.check(y, X.shape[0]), self.dtype)
        self.network.check_finite()
        return self.loss.value(self.network.predict_logits(X), targets)

    def gradient_check(self, X: object, y: object, eps: float = 1e-3) -> GradientCheckResult:
        """Backward pass against finite differences (float64 only); see :mod:`mlplab.nn.gradcheck`."""
        if self.dtype != np.float64:
            raise ValueError(f"gradient checks need a float64 model, got dtype {self.dtype}")
        X = self.check_X(X)
        targets = self.head.encode(self.head.check(y, X.shape[0]), self.dtype)
        self.network.check_finite()
        return check_gradients(self.network, self.loss, X, targets, self.l2, eps)

    def __repr__(self) -> str:
        return (
            f"Model({short_sizes(self.network.layer_sizes)}, {self.network.activation.name!r}, "
            f"head={self.head.name!r}, loss={self.loss.name!r}, optimizer={self.optimizer!r}, l2={self.l2!r})"
        )


def _pair(value: object) -> tuple:
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        what = (
            f"a {type(value).__name__} of length {len(value)}"
            if isinstance(value, (tuple, list))
            else f"{type(value).__name__} {short_repr(value)}"
        )
        raise TypeError(f"validation_data must be a pair (X_val, y_val), got {what}")
    return value[0], value[1]


def fit_many(
    models: Sequence[Model],
    X: object,
    y: object,
    *,
    epochs: int,
    batch_size: int | None = None,
    validation_data: tuple | None = None,
    callbacks: Sequence[Sequence] | None = None,
    stacked: bool = True,
) -> list[History | DivergenceError]:
    """Train each model on the same data exactly as ``model.fit`` would, bit for bit, all at once.

    The models are trained together by :func:`mlplab.nn.many.fit_many` (stacked where it can,
    see there), each from its own weights, with its own random streams (its shuffle and its
    hold-out), optimiser, learning rate, L2 and early stopping. Each ends in the state its own
    ``fit`` leaves: weights, optimiser state, random streams, :attr:`Model.history`, ``fitted``.

    Parameters
    ----------
    models : sequence of Model
        Of one architecture (layer sizes, activation, dtype), each model once.
    X, y, epochs, batch_size, validation_data
        As :meth:`Model.fit`, shared by every model.
    callbacks : sequence of sequences of callables, optional
        One sequence per model (``callbacks[k]`` as ``models[k].fit(callbacks=...)``).
    stacked : bool
        ``False`` trains the models one after another (the same results).

    Returns
    -------
    list of History or DivergenceError
        Per model: its :class:`History`, or the :class:`DivergenceError` that
        ``model.fit`` would have raised (the model then keeps the weights
        ``fit`` leaves). A divergence stops that model only.

    Raises
    ------
    TypeError, ValueError
        Naming ``models[k]`` or ``callbacks``, or as :meth:`Model.fit` would, before any training.
    """
    models = list(models)
    for index, model in enumerate(models):
        if not isinstance(model, Model):
            raise TypeError(f"models[{index}] must be a Model, got {short_repr(model)}")
        if any(model is other for other in models[:index]):
            raise ValueError(f"models[{index}] is given twice; each model trains once")
        first = models[0].network
        if (model.network.layer_sizes, model.network.activation, model.dtype) != (
            first.layer_sizes, first.activation, first.dtype
        ):
            raise ValueError(
                f"models must share one architecture: models[{index}] is {model.network!r}, "
                f"models[0] is {first!r}"
            )
    per_model = [()] * len(models) if callbacks is None else list(callbacks)
    if len(per_model) != len(models):
        raise ValueError(f"callbacks must hold one sequence per model ({len(models)}), got {len(per_model)}")
    check_schedule(epochs, batch_size)
    prepared = [model._prepare_fit(X, y, epochs, batch_size, validation_data, model_callbacks)
                for model, model_callbacks in zip(models, per_model)]  # fmt: skip
    records = [History() for _ in models]
    try:
        results = fit_many_networks(
            [model.network for model in models],
            [model.loss for model in models],
            [model.optimizer for model in models],
            [X_train for X_train, _, _, _ in prepared],
            [targets for _, targets, _, _ in prepared],
            epochs=epochs,
            batch_size=batch_size,
            rngs=[model._streams["shuffle"] for model in models],
            l2=[model.l2 for model in models],
            metrics=[model.head.metrics for model in models],
            validation=[validation for _, _, validation, _ in prepared],
            early_stopping=[model.early_stopping for model in models],
            # first: callbacks may predict; without callbacks nobody looks before the end
            callbacks=[[m._mark_fitted, *cbs] if cbs else [] for m, (*_, cbs) in zip(models, prepared)],
            histories=records,
            stacked=stacked,
        )
    except TrainingInterrupted:
        for model, record in zip(models, records):
            model.history, model.fitted = record, True  # the last complete step: usable
        raise
    except BaseException:
        for model, record in zip(models, records):
            model.history = record  # e.g. a callback raised: the epochs completed before are kept
            model.fitted = model.fitted or record.n_epochs > 0
        raise
    for model, record in zip(models, records):
        model.history, model.fitted = record, True
    return results
