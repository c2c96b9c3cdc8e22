"""A scikit-learn classifier over mlplab's core: :class:`MLPClassifier`.

It is a thin face, like the sheet's :class:`~mlplab.MLP`: ``fit`` builds a
:class:`~mlplab.nn.network.Network`, the loss for its output width and an
optimiser, and hands them to :func:`mlplab.nn.training.fit`. There is no
second training loop here; what this module adds is scikit-learn's contract
(parameters stored untouched, validation in ``fit``, ``classes_``,
``n_features_in_``, any label type) so that the model works in a
``Pipeline``, ``GridSearchCV`` or ``cross_val_score``.

scikit-learn is an optional dependency (the ``sklearn`` extra). ``import
mlplab`` never imports it; ``from mlplab import MLPClassifier`` does.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass

import numpy as np

try:
    from sklearn.base import BaseEstimator, ClassifierMixin
    from sklearn.utils.multiclass import check_classification_targets
    from sklearn.utils.validation import check_is_fitted, validate_data
except ImportError as exc:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "mlplab.MLPClassifier needs scikit-learn, an optional dependency: pip install 'mlplab[sklearn]'"
    ) from exc

from .datasets import rng_from_seed, train_val_split
from .nn._validation import check_fraction, check_nonnegative_float, check_positive_float, check_positive_int
from .nn.activations import ACTIVATIONS
from .nn.losses import loss_for_outputs
from .nn.network import Network
from .nn.optimizers import OPTIMIZERS, get_optimizer
from .nn.training import DivergenceError, EarlyStopping, History, TrainingInterrupted, fit

__all__ = ["MLPClassifier"]

_ACTIVATION_ALIASES = {"logistic": "sigmoid"}  # scikit-learn's name for the sigmoid
_FLOATS = [np.float64, np.float32]  # validate_data keeps these, converts the rest to float64


@dataclass(frozen=True)
class _Settings:
    """The hyperparameters after validation (``fit`` never changes the parameters themselves)."""

    hidden: tuple[int, ...]
    activation: str
    solver: str
    learning_rate: float
    l2: float
    batch_size: int | str | None
    epochs: int
    early_stopping: bool
    validation_fraction: float
    patience: int
    min_delta: float
    dtype: np.dtype


class MLPClassifier(ClassifierMixin, BaseEstimator):
    r"""Multi-layer perceptron classifier, trained by mini-batch gradient descent.

    Two classes give one sigmoid output unit with binary cross-entropy, ``k > 2``
    classes give ``k`` softmax units with categorical cross-entropy. The
    objective is the batch-mean loss plus ``l2 · Σ_l ‖W^{(l)}‖²`` (weights only).
    Labels can be of any type that ``numpy.unique`` sorts (ints, strings,
    ``{-1, 1}``, ...): they are learnt as indices into :attr:`classes_` and
    mapped back by :meth:`predict`.

    Each call of :meth:`fit` starts afresh from ``random_state``; the same
    integer ``random_state`` gives the same model, bit for bit.

    Parameters
    ----------
    hidden_layer_sizes : int or sequence of int, default=(100,)
        Widths of the hidden layers; ``()`` gives a linear (logistic) model.
    activation : {'relu', 'tanh', 'sigmoid', 'logistic', 'identity'}, default='relu'
        Activation of the hidden layers (``'logistic'`` is scikit-learn's name
        for ``'sigmoid'``).
    solver : {'adam', 'sgd', 'momentum', 'rmsprop'}, default='adam'
        The optimiser (:mod:`mlplab.nn.optimizers`), named ``solver`` as in
        scikit-learn; it takes the values of :class:`~mlplab.MLP`'s
        ``optimizer``. ``'momentum'`` is the sheet's EMA form
        ``v ← βv + (1−β)g`` with β = 0.9 (not scikit-learn's Nesterov ``sgd``).
    learning_rate : float, default=0.001
        Step size α > 0 (scikit-learn's ``learning_rate_init``).
    l2 : float, default=0.0
        λ ≥ 0 of the penalty ``λ Σ‖W‖²`` added to the *mean* loss.
        scikit-learn's ``alpha`` corresponds to ``l2 = alpha / (2 n_samples)``.
    batch_size : int, 'auto' or None, default='auto'
        Samples per step: ``'auto'`` is ``min(200, n_samples)`` as in
        scikit-learn, ``None`` full-batch gradient descent.
    epochs : int, default=200
        Passes over the training data (scikit-learn's ``max_iter``).
    early_stopping : bool, default=False
        Hold out a stratified ``validation_fraction`` of the training data,
        stop when its loss has not improved by more than ``min_delta`` for
        ``patience`` epochs, and keep the weights of the best epoch.
    validation_fraction : float, default=0.1
        Share held out for early stopping, in (0, 1).
    patience : int, default=10
        Epochs without improvement before stopping (``n_iter_no_change``).
    min_delta : float, default=0.0
        Smallest decrease of the validation loss that counts as improvement.
    random_state : int, numpy Generator, RandomState or None, default=None
        Seeds the weights, the validation split and the shuffling.
    dtype : {'float64', 'float32'}, default='float64'
        Floating-point type of the weights and of the computation; input is
        converted to it once.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The sorted class labels, of the type given to :meth:`fit`.
    n_features_in_ : int
        Number of features seen in :meth:`fit`.
    feature_names_in_ : ndarray of shape (n_features_in_,)
        Column names, only when ``X`` had string column names.
    network_ : Network
        The trained network: ``network_.weights[l]`` has shape ``(n_out, n_in)``.
    loss_curve_ : list of float
        Training objective per epoch (mean over the epoch's mini-batches).
    validation_loss_curve_ : list of float or None
        Validation objective per epoch; ``None`` without early stopping.
    loss_ : float
        Training objective of the last epoch.
    best_loss_ : float or None
        Lowest entry of ``loss_curve_``; ``None`` with early stopping (as in
        scikit-learn), where ``best_validation_loss_`` applies.
    best_validation_loss_ : float or None
        Lowest validation loss (early stopping only); the model holds the
        weights of that epoch.
    n_iter_ : int
        Epochs run.

    See Also
    --------
    mlplab.MLP : the exercise sheet's class over the same core.
    mlplab.load : read a model written by :meth:`save`.

    Notes
    -----
    Save a fitted model with :meth:`save` and read it with :func:`mlplab.load`:
    a data-only file that cannot run code when loaded. ``pickle`` works too
    (scikit-learn's tools use it), but unpickling a file from someone else
    can run arbitrary code.

    Examples
    --------
    >>> from sklearn.datasets import load_iris
    >>> from sklearn.pipeline import make_pipeline
    >>> from sklearn.preprocessing import StandardScaler
    >>> from mlplab import MLPClassifier
    >>> X, y = load_iris(return_X_y=True)
    >>> model = make_pipeline(StandardScaler(), MLPClassifier((16,), learning_rate=0.01, random_state=0))
    >>> model.fit(X, y).score(X, y) > 0.95
    True
    """

    def __init__(
        self,
        hidden_layer_sizes=(100,),
        activation="relu",
        solver="adam",
        learning_rate=0.001,
        l2=0.0,
        batch_size="auto",
        epochs=200,
        early_stopping=False,
        validation_fraction=0.1,
        patience=10,
        min_delta=0.0,
        random_state=None,
        dtype="float64",
    ):
        self.hidden_layer_sizes = hidden_layer_sizes
        self.activation = activation
        self.solver = solver
        self.learning_rate = learning_rate
        self.l2 = l2
        self.batch_size = batch_size
        self.epochs = epochs
        self.early_stopping = early_stopping
        self.validation_fraction = validation_fraction
        self.patience = patience
        self.min_delta = min_delta
        self.random_state = random_state
        self.dtype = dtype

    # ----------------------------------------------------------------- fit
    def fit(self, X, y):
        """Train a new network on ``X`` and ``y``, from scratch.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
        y : array-like of shape (n_samples,)
            Class labels, at least two distinct ones.

        Returns
        -------
        self : MLPClassifier

        Raises
        ------
        ValueError, TypeError
            For a bad hyperparameter (naming it and its value) or bad data.
        DivergenceError
            If the loss explodes or becomes non-finite. The estimator is then
            fitted with the last finite weights, still predicts, and
            ``loss_curve_`` holds the epochs completed before.
        TrainingInterrupted
            On Ctrl-C, at a mini-batch boundary; the estimator is fitted with
            the weights reached so far (a ``KeyboardInterrupt``, re-raised).
        """
        settings = self._check_params()
        X, y = validate_data(self, X, y, dtype=_FLOATS)
        X = _as_dtype(X, settings.dtype)
        check_classification_targets(y)
        classes, labels = np.unique(y, return_inverse=True)
        labels = labels.reshape(-1)
        if classes.size < 2:
            raise ValueError(
                f"y must hold at least 2 classes to train a classifier, got 1 class: {classes[0]!r}"
            )
        n_outputs = 1 if classes.size == 2 else classes.size  # one sigmoid unit, or softmax
        network = Network(
            [X.shape[1], *settings.hidden, n_outputs], settings.activation, dtype=settings.dtype
        )
        loss = loss_for_outputs(n_outputs)
        optimizer = get_optimizer(settings.solver, settings.learning_rate, "solver")
        init_rng, split_rng, shuffle_rng = _generator(self.random_state).spawn(3)
        network.initialize(init_rng)
        optimizer.reset(network.n_params, network.dtype)

        validation, stopper = None, None
        if settings.early_stopping:
            X, labels, validation = _hold_out(X, labels, settings.validation_fraction, split_rng)
            validation = (validation[0], loss.prepare_targets(validation[1], settings.dtype))
            stopper = EarlyStopping(settings.patience, settings.min_delta, restore_best=True)
        batch_size = settings.batch_size
        if batch_size == "auto":
            batch_size = min(200, X.shape[0])

        try:
            history = fit(
                network,
                loss,
                optimizer,
                X,
                loss.prepare_targets(labels, settings.dtype),
                epochs=settings.epochs,
                batch_size=batch_size,
                rng=shuffle_rng,
                l2=settings.l2,
                validation=validation,
                early_stopping=stopper,
            )
        except (DivergenceError, TrainingInterrupted) as stop:
            # The network holds consistent weights (the last finite ones, or the
            # state after the last complete step): keep them usable, then re-raise.
            self._set_fitted(network, classes, getattr(stop, "history", None) or History(), settings)
            raise
        self._set_fitted(network, classes, history, settings)
        return self

    def _set_fitted(self, network: Network, classes: np.ndarray, history: History, settings: _Settings):
        self.classes_ = classes
        self.network_ = network
        self.loss_curve_ = list(history.train_loss)
        self.validation_loss_curve_ = list(history.val_loss) if settings.early_stopping else None
        self.loss_ = self.loss_curve_[-1] if self.loss_curve_ else None
        self.best_loss_ = None if settings.early_stopping or not self.loss_curve_ else min(self.loss_curve_)
        self.best_validation_loss_ = history.best_val_loss
        self.n_iter_ = history.n_epochs

    # ------------------------------------------------------------ predict
    def decision_function(self, X) -> np.ndarray:
        """The network's logits.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features_in_)

        Returns
        -------
        ndarray of shape (n_samples,) for two classes, else (n_samples, n_classes)
            For two classes the logit ``z`` of ``classes_[1]`` (``> 0`` means
            ``classes_[1]``); for more the per-class logits (softmax inputs).
        """
        logits = self._logits(X)
        return logits[:, 0] if logits.shape[1] == 1 else logits

    def predict(self, X) -> np.ndarray:
        """Predicted class labels, of shape ``(n_samples,)`` and the type of :attr:`classes_`."""
        logits = self._logits(X)
        return self.classes_[loss_for_outputs(logits.shape[1]).predict(logits)]

    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities of shape ``(n_samples, n_classes)``, columns in :attr:`classes_` order.

        For two classes the columns are ``σ(−z)`` and ``σ(z)``; both are
        computed directly, so a tiny probability keeps its relative accuracy.
        """
        logits = self._logits(X)
        return loss_for_outputs(logits.shape[1]).probabilities(logits)

    def predict_log_proba(self, X) -> np.ndarray:
        r"""Logarithm of :meth:`predict_proba`, computed stably from the logits.

        Two classes: ``log σ(z) = −log(1 + e^{−z})`` via ``np.logaddexp``;
        more: ``z − logsumexp(z)``. Shape ``(n_samples, n_classes)``.
        """
        logits = self._logits(X)
        return loss_for_outputs(logits.shape[1]).log_probabilities(logits)

    def _logits(self, X) -> np.ndarray:
        check_is_fitted(self)
        X = _as_dtype(validate_data(self, X, reset=False, dtype=_FLOATS), self.network_.dtype)
        return self.network_.predict_logits(X)  # (n, 1) or (n, k)

    # ----------------------------------------------------------- files
    def save(self, path) -> None:
        """Write the fitted model to ``path`` as a data-only ``.npz`` file (atomically).

        Read it back with :func:`mlplab.load`; see :mod:`mlplab.serialization`.
        """
        check_is_fitted(self)
        from .serialization import save

        save(self, path)

    # ------------------------------------------------------ validation
    def _check_params(self) -> _Settings:
        """Validate every hyperparameter; raise naming the parameter and its value."""
        hidden = self.hidden_layer_sizes
        if isinstance(hidden, numbers.Integral) and not isinstance(hidden, bool):
            hidden = (hidden,)
        if isinstance(hidden, (str, bytes)) or not isinstance(hidden, (tuple, list, np.ndarray)):
            raise TypeError(
                f"hidden_layer_sizes must be an int or a sequence of ints, got {self.hidden_layer_sizes!r}"
            )
        if isinstance(hidden, np.ndarray) and hidden.ndim != 1:
            raise ValueError(f"hidden_layer_sizes must be 1-D, got an array of shape {hidden.shape}")
        hidden = tuple(hidden)
        for i, width in enumerate(hidden):
            if isinstance(width, bool) or not isinstance(width, numbers.Integral):
                raise TypeError(
                    f"hidden_layer_sizes[{i}] must be an int, got {width!r} in {self.hidden_layer_sizes!r}"
                )
            if width < 1:
                raise ValueError(
                    f"hidden_layer_sizes[{i}] must be >= 1, got {width!r} in {self.hidden_layer_sizes!r}"
                )
        activation = self.activation
        names = sorted([*ACTIVATIONS, *_ACTIVATION_ALIASES])
        if not isinstance(activation, str):
            raise TypeError(f"activation must be one of {names}, got {activation!r}")
        if activation not in names:
            raise ValueError(f"activation must be one of {names}, got {activation!r}")
        if not isinstance(self.solver, str):
            raise TypeError(f"solver must be one of {sorted(OPTIMIZERS)}, got {self.solver!r}")
        if self.solver not in OPTIMIZERS:
            raise ValueError(f"solver must be one of {sorted(OPTIMIZERS)}, got {self.solver!r}")
        batch_size = self.batch_size
        if not (batch_size is None or (batch_size == "auto" and isinstance(batch_size, str))):
            if isinstance(batch_size, str):
                raise ValueError(f"batch_size must be 'auto', None or a positive int, got {batch_size!r}")
            batch_size = check_positive_int(batch_size, "batch_size")
        if not isinstance(self.early_stopping, (bool, np.bool_)):
            raise TypeError(f"early_stopping must be True or False, got {self.early_stopping!r}")
        if not isinstance(self.random_state, np.random.RandomState):
            rng_from_seed(self.random_state, "random_state")  # checks only: a Generator is passed through
        return _Settings(
            hidden=tuple(int(w) for w in hidden),
            activation=_ACTIVATION_ALIASES.get(activation, activation),
            solver=self.solver,
            learning_rate=check_positive_float(self.learning_rate, "learning_rate"),
            l2=check_nonnegative_float(self.l2, "l2"),
            batch_size=batch_size,
            epochs=check_positive_int(self.epochs, "epochs"),
            early_stopping=bool(self.early_stopping),
            validation_fraction=check_fraction(self.validation_fraction, "validation_fraction"),
            patience=check_positive_int(self.patience, "patience"),
            min_delta=check_nonnegative_float(self.min_delta, "min_delta"),
            dtype=_check_dtype(self.dtype),
        )


def _as_dtype(X: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """Convert checked, finite input to the network's dtype, refusing values too large for float32."""
    if X.dtype == dtype:
        return X
    limit = np.finfo(dtype).max
    if X.size and np.abs(X).max() > limit:
        index = tuple(int(i) for i in np.argwhere(np.abs(X) > limit)[0])
        raise ValueError(f"X holds {X[index].item()!r} at index {index}, too large for {dtype.name}")
    return X.astype(dtype)


def _check_dtype(dtype: object) -> np.dtype:
    try:
        resolved = np.dtype(dtype)
    except TypeError:
        if not isinstance(dtype, str):
            raise TypeError(f"dtype must be 'float64' or 'float32', got {dtype!r}") from None
        resolved = None
    if resolved is None or resolved not in (np.float32, np.float64):
        raise ValueError(f"dtype must be 'float64' or 'float32', got {dtype!r}")
    return resolved


def _generator(random_state: object) -> np.random.Generator:
    """A Generator from ``random_state``; a legacy ``RandomState`` seeds one from its stream."""
    if isinstance(random_state, np.random.RandomState):
        return np.random.default_rng(random_state.randint(np.iinfo(np.int32).max))
    return rng_from_seed(random_state, "random_state")


def _hold_out(X: np.ndarray, labels: np.ndarray, fraction: float, rng: np.random.Generator):
    """Split off a stratified validation set for early stopping (the split of :class:`~mlplab.MLP`)."""
    n = X.shape[0]
    n_val = round(fraction * n)
    if n < 2 or n_val < 1 or n_val > n - 1:
        raise ValueError(
            f"X has {n} samples, too few to hold out validation_fraction={fraction} for early "
            "stopping; use more data, a larger validation_fraction or early_stopping=False"
        )
    # train_val_split works on float features; splitting row indices keeps X's dtype and avoids a copy.
    rows = np.arange(n, dtype=np.float64).reshape(-1, 1)  # (n, 1)
    train_rows, val_rows, train_labels, val_labels = train_val_split(rows, labels, fraction, seed=rng)
    train_idx, val_idx = train_rows[:, 0].astype(np.intp), val_rows[:, 0].astype(np.intp)
    return X[train_idx], train_labels, (X[val_idx], val_labels)
