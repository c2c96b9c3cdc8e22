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

import numpy as np

try:
    from sklearn.base import BaseEstimator, ClassifierMixin
    from sklearn.utils.multiclass import check_classification_targets
    from sklearn.utils.validation import check_is_fitted, validate_data
except ImportError as exc:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "mlplab.MLPClassifier needs scikit-learn, an optional dependency: pip install 'mlplab[sklearn]'"
    ) from exc

from .model import Model
from .nn.activations import ACTIVATIONS
from .nn.checks import check_bool, check_dtype, refuse_lossy, rng_from_seed, short_sizes
from .nn.heads import default_head
from .nn.network import check_parameter_memory
from .nn.optimizers import OPTIMIZERS
from .nn.training import DivergenceError, EarlyStopping, History, TrainingInterrupted, check_schedule
from .serialization import Codec, ModelFileError, register, save
from .serialization import fields as f
from .serialization.labels import classes_from_json, classes_to_json
from .serialization.model_codec import decode_model, encode_model, expected_arrays

__all__ = ["MLPClassifier"]

_ACTIVATION_ALIASES = {"logistic": "sigmoid"}  # scikit-learn's name for the sigmoid
_FLOATS = [np.float64, np.float32]  # validate_data keeps these, converts the rest to float64


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
        build = self._build_model()
        refuse_lossy(X, "X")  # before validate_data converts them: a mask or a time unit would be lost
        refuse_lossy(y, "y", times=True)  # labels of any type sort and map to classes_, dates too
        X, y = validate_data(self, X, y, dtype=_FLOATS)
        check_classification_targets(y)
        classes, labels = np.unique(y, return_inverse=True)
        if classes.size < 2:
            raise ValueError(
                f"y must hold at least 2 classes to train a classifier, got 1 class: {classes[0]!r}"
            )
        model = build(X.shape[1], classes.size)
        batch_size = min(200, X.shape[0]) if self.batch_size == "auto" else self.batch_size
        try:
            model.fit(X, labels.reshape(-1), epochs=self.epochs, batch_size=batch_size)
        except (DivergenceError, TrainingInterrupted):
            # The network holds consistent weights (the last finite ones, or the
            # state after the last complete step): keep them usable, then re-raise.
            self._set_fitted(model, classes)
            raise
        self._set_fitted(model, classes)
        return self

    def _set_fitted(self, model: Model, classes: np.ndarray) -> None:
        """The fitted attributes, all read from ``model`` (its network and history)."""
        history = model.history or History()
        self.model_ = model
        self.classes_ = classes
        self.network_ = model.network
        self.loss_curve_ = list(history.train_loss)
        stopping = model.early_stopping is not None
        self.validation_loss_curve_ = list(history.val_loss) if stopping else None
        self.loss_ = self.loss_curve_[-1] if self.loss_curve_ else None
        self.best_loss_ = None if stopping or not self.loss_curve_ else min(self.loss_curve_)
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
        return self.classes_[self.model_.head.predict(logits)]

    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities of shape ``(n_samples, n_classes)``, columns in :attr:`classes_` order.

        For two classes the columns are ``σ(−z)`` and ``σ(z)``; both are
        computed directly, so a tiny probability keeps its relative accuracy.
        """
        logits = self._logits(X)
        return self.model_.head.probabilities(logits)

    def predict_log_proba(self, X) -> np.ndarray:
        r"""Logarithm of :meth:`predict_proba`, computed stably from the logits.

        Two classes: ``log σ(z) = −log(1 + e^{−z})`` via ``np.logaddexp``;
        more: ``z − logsumexp(z)``. Shape ``(n_samples, n_classes)``.
        """
        logits = self._logits(X)
        return self.model_.head.log_probabilities(logits)

    def _logits(self, X) -> np.ndarray:
        check_is_fitted(self)
        refuse_lossy(X, "X")
        return self.model_.predict_logits(
            validate_data(self, X, reset=False, dtype=_FLOATS)
        )  # (n, 1) or (n, k)

    # ----------------------------------------------------------- files
    def save(self, path) -> None:
        """Write the fitted model to ``path`` as a data-only ``.npz`` file (atomically).

        Read it back with :func:`mlplab.load`; see :mod:`mlplab.serialization`.
        """
        check_is_fitted(self)
        save(self, path)

    # ------------------------------------------------------ validation
    def _build_model(self):
        """Check this face's own parameters; return ``build(n_features, n_classes) -> Model``.

        Only what is this face's own is checked here (``hidden_layer_sizes`` as
        an int or a sequence, ``'logistic'``, ``batch_size='auto'``,
        ``early_stopping`` as a flag); every other value is checked by the
        :class:`~mlplab.model.Model` and the library below it when the
        factory builds the model, once the data's width is known.
        """
        hidden = self.hidden_layer_sizes
        if isinstance(hidden, numbers.Integral) and not isinstance(hidden, bool):
            hidden = (hidden,)
        if isinstance(hidden, (str, bytes)) or not isinstance(hidden, (tuple, list, np.ndarray)):
            raise TypeError(
                f"hidden_layer_sizes must be an int or a sequence of ints, got {self.hidden_layer_sizes!r}"
            )
        if isinstance(hidden, np.ndarray) and hidden.ndim != 1:
            raise ValueError(f"hidden_layer_sizes must be 1-D, got an array of shape {hidden.shape}")
        hidden = list(hidden)
        for i, width in enumerate(hidden):  # named as scikit-learn names them
            if isinstance(width, bool) or not isinstance(width, numbers.Integral):
                raise TypeError(
                    f"hidden_layer_sizes[{i}] must be an int, got {width!r} in {self.hidden_layer_sizes!r}"
                )
            if width < 1:
                raise ValueError(
                    f"hidden_layer_sizes[{i}] must be >= 1, got {width!r} in {self.hidden_layer_sizes!r}"
                )
        activation = self.activation
        if isinstance(activation, str) and activation in _ACTIVATION_ALIASES:
            activation = _ACTIVATION_ALIASES[activation]
        elif not (isinstance(activation, str) and activation in ACTIVATIONS):
            names = sorted([*ACTIVATIONS, *_ACTIVATION_ALIASES])
            raise (ValueError if isinstance(activation, str) else TypeError)(
                f"activation must be one of {names}, got {activation!r}"
            )
        if isinstance(self.batch_size, str) and self.batch_size != "auto":
            raise ValueError(f"batch_size must be 'auto', None or a positive int, got {self.batch_size!r}")
        stopper = EarlyStopping(self.patience, self.min_delta, restore_best=True)
        stopping = check_bool(self.early_stopping, "early_stopping")
        settings = {
            "optimizer": _solver(self.solver),
            "learning_rate": self.learning_rate,
            "l2": self.l2,
            "early_stopping": stopper if stopping else None,
            "validation_fraction": self.validation_fraction,
            "dtype": self.dtype,
        }
        # scikit-learn's contract: every parameter is refused before the data are looked at. The
        # checks are the Model's and the training loop's own, run once on a one-input probe.
        shown = f"hidden_layer_sizes={short_sizes(hidden)}"
        check_parameter_memory([1, *hidden, 1], check_dtype(self.dtype), f"{shown} (with one input)")
        Model([1, *hidden, 1], activation, seed=0, **settings)
        check_schedule(self.epochs, None if self.batch_size == "auto" else self.batch_size)
        seed = rng_from_seed(self.random_state, "random_state")  # named as this face names it

        def build(n_features: int, n_classes: int) -> Model:
            n_outputs = 1 if n_classes == 2 else n_classes  # one sigmoid unit, or softmax
            outputs = "1 output" if n_outputs == 1 else f"{n_outputs} outputs"
            features = "1 feature" if n_features == 1 else f"{n_features} features"
            with_data = f"{shown} with {features} and {outputs}"
            check_parameter_memory([n_features, *hidden, n_outputs], check_dtype(self.dtype), with_data)
            return Model(
                [n_features, *hidden, n_outputs],
                activation,
                head=default_head(n_outputs),
                seed=seed,
                **settings,
            )

        return build


def _solver(solver: object) -> str:
    """``solver`` must name an optimiser (not be an object): it is a scikit-learn parameter."""
    if not isinstance(solver, str):
        raise TypeError(f"solver must be one of {sorted(OPTIMIZERS)}, got {solver!r}")
    if solver not in OPTIMIZERS:
        raise ValueError(f"solver must be one of {sorted(OPTIMIZERS)}, got {solver!r}")
    return solver


# ------------------------------------------------------------------ model files
def _encode(estimator: MLPClassifier) -> tuple[dict, dict[str, np.ndarray]]:
    check_is_fitted(estimator)
    params = {}
    for name, value in estimator.get_params(deep=False).items():
        # a bad value set after fit is saved as it is: the load check in save refuses it by name
        if name == "hidden_layer_sizes" and isinstance(value, numbers.Integral):
            value = int(value)
        elif name == "hidden_layer_sizes" and isinstance(value, (list, tuple)):
            value = [int(v) if isinstance(v, numbers.Integral) else v for v in value]
        elif name == "dtype":
            value = _dtype_name(value)
        elif name == "random_state" and isinstance(value, numbers.Integral):
            value = int(value)
        elif name == "random_state" and isinstance(value, (np.random.Generator, np.random.RandomState)):
            value = None  # a generator is not data
        elif isinstance(value, np.generic):
            value = value.item()
        if value is not None and not isinstance(value, (str, int, float, bool, list)):
            raise ValueError(f"cannot save parameter {name}={value!r:.60}: not a JSON value")
        params[name] = value
    document, arrays = encode_model(estimator.model_)
    names = getattr(estimator, "feature_names_in_", None)
    document["face"] = {
        "params": params,
        "classes": classes_to_json(estimator.classes_),
        "classes_dtype": estimator.classes_.dtype.str,
        "n_features_in": int(estimator.n_features_in_),
        "feature_names_in": None if names is None else [str(name) for name in names],
    }
    return document, arrays


def _dtype_name(value: object) -> object:
    try:
        return np.dtype(value).name
    except TypeError:
        return value  # not a dtype: saved as it is, and refused by name


def _decode(document: dict, arrays: dict[str, np.ndarray]) -> MLPClassifier:
    face = f.keys(
        document["face"], "face", ["params", "classes", "classes_dtype", "n_features_in", "feature_names_in"]
    )
    params = dict(f.keys(face["params"], "face.params", list(MLPClassifier().get_params(deep=False))))
    for key, value in params.items():
        if isinstance(value, dict) or (isinstance(value, list) and key != "hidden_layer_sizes"):
            raise ModelFileError(
                f"face.params.{key} must be a number, string, bool or null, got {f.show(value)}"
            )
    if isinstance(params["hidden_layer_sizes"], list):
        params["hidden_layer_sizes"] = tuple(params["hidden_layer_sizes"])
    estimator = MLPClassifier(**params)
    classes = classes_from_json(face["classes"], face["classes_dtype"])
    n_features = f.int_(face["n_features_in"], "face.n_features_in", low=1)
    try:
        expected = estimator._build_model()(n_features, classes.size)
    except (TypeError, ValueError) as exc:
        raise ModelFileError(f"face.params are invalid: {exc}") from exc
    model = decode_model(
        document, arrays, head=document["head"], loss=document["loss"], fields=document["model"]
    )
    for what, saved, wanted in (
        ("network.layer_sizes", model.network.layer_sizes, expected.network.layer_sizes),
        ("network.activation", model.network.activation.name, expected.network.activation.name),
        ("network.dtype", model.dtype.name, expected.dtype.name),
        ("head", model.head.name, expected.head.name),
        ("optimizer.name", model.optimizer.name, expected.optimizer.name),
    ):
        if saved != wanted:
            raise ModelFileError(
                f"{what} {f.show(saved)} disagrees with the parameters, n_features_in and "
                f"{classes.size} classes: expected {f.show(wanted)}"
            )
    history = model.history
    if (model.early_stopping is not None) != bool(estimator.early_stopping) or (
        history is not None and len(history.val_loss) != (history.n_epochs if estimator.early_stopping else 0)
    ):
        raise ModelFileError(
            "model.early_stopping and the validation loss curve (one entry per epoch) must be there "
            "exactly when the parameter early_stopping is true"
        )
    names = f.list_(face["feature_names_in"], "face.feature_names_in", null=True)
    if names is not None and (len(names) != n_features or not all(isinstance(n, str) for n in names)):
        raise ModelFileError(f"face.feature_names_in must be {n_features} strings, got {f.show(names)}")
    estimator.n_features_in_ = n_features
    if names is not None:
        estimator.feature_names_in_ = np.asarray(names, dtype=object)
    estimator._set_fitted(model, classes)
    return estimator


register(
    Codec("MLPClassifier", MLPClassifier, _encode, lambda document: expected_arrays(document)[1], _decode)
)
