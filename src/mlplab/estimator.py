"""scikit-learn's MLPs over mlplab's core: :class:`MLPClassifier` and :class:`MLPRegressor`.

Drop-ins for ``sklearn.neural_network.MLPClassifier``/``MLPRegressor``: the same
parameters (names, defaults, meanings), the same fitted attributes and the same
algorithm (scikit-learn's ``_fit_stochastic``, run by
:func:`mlplab.nn.training.fit_stochastic`; ``lbfgs`` by :func:`mlplab._lbfgs.fit_lbfgs`),
so code written for scikit-learn runs unchanged with ``from mlplab import
MLPClassifier, MLPRegressor`` and gives comparable (not identical) results:
the weights are drawn as scikit-learn draws them (uniform Glorot, biases too)
but from a ``numpy.random.Generator``, and Adam adds ε to ``√v̂``.

What scikit-learn does not have, each under mlplab's own name (see the class
docstrings): ``l2``, ``optimizer`` ('momentum', 'rmsprop'), ``dtype``,
``callbacks``, ``dropout``, ``class_weight`` (classifier), the curve
``validation_loss_curve_``; and ``warm_start``/``partial_fit`` keep the
optimiser's state (Adam's moments, the SGD velocity, the schedule), where
scikit-learn starts a new optimiser on every ``fit``.

scikit-learn is an optional dependency (the ``sklearn`` extra). ``import
mlplab`` never imports it; ``from mlplab import MLPClassifier`` does.
"""

from __future__ import annotations

import math
import numbers
import sys
import warnings
from typing import ClassVar

import numpy as np

try:
    import scipy.sparse as sp
    from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.externals.array_api_compat import array_namespace, is_array_api_obj
    from sklearn.metrics import accuracy_score, r2_score
    from sklearn.utils._array_api import _convert_to_numpy, check_same_namespace, device
    from sklearn.utils._param_validation import Interval, Options, StrOptions
    from sklearn.utils.class_weight import compute_sample_weight
    from sklearn.utils.multiclass import check_classification_targets, type_of_target
    from sklearn.utils.validation import _check_sample_weight, check_is_fitted, column_or_1d, validate_data
except ImportError as exc:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "mlplab.MLPClassifier needs scikit-learn, an optional dependency: pip install 'mlplab[sklearn]'"
    ) from exc

from .model import Model
from .nn.activations import Activation
from .nn.checks import check_dtype, refuse_lossy, rng_from_seed, short_sizes
from .nn.data import split_indices
from .nn.heads import get_head
from .nn.losses import get_loss
from .nn.network import check_parameter_memory
from .nn.optimizers import SGD, Adam, Momentum, RMSprop
from .nn.schedules import get_schedule
from .nn.training import StochasticState, fit_stochastic

__all__ = ["MLPClassifier", "MLPRegressor"]

_ACTIVATIONS = {"identity": "identity", "logistic": "sigmoid", "tanh": "tanh", "relu": "relu"}
_FLOATS = [np.float64, np.float32]  # validate_data keeps these, converts the rest to float64
_SPARSE = ["csr", "csc"]
_OWN_OPTIMIZERS = ("momentum", "rmsprop")
_CHUNK = 4096  # rows per predicted chunk (a sparse chunk is densified)


class _BaseMLP(BaseEstimator):
    """What the classifier and the regressor share; not public."""

    _parameter_constraints: ClassVar[dict] = {
        "hidden_layer_sizes": ["array-like", Interval(numbers.Integral, 1, None, closed="left")],
        "activation": [StrOptions({"identity", "logistic", "tanh", "relu"}), Activation],
        "solver": [StrOptions({"lbfgs", "sgd", "adam"})],
        "alpha": [Interval(numbers.Real, 0, None, closed="left")],
        "batch_size": [StrOptions({"auto"}), Interval(numbers.Integral, 1, None, closed="left")],
        "learning_rate": [StrOptions({"constant", "invscaling", "adaptive"})],
        "learning_rate_init": [Interval(numbers.Real, 0, None, closed="neither")],
        "power_t": [Interval(numbers.Real, 0, None, closed="left")],
        "max_iter": [Interval(numbers.Integral, 1, None, closed="left")],
        "shuffle": ["boolean"],
        "random_state": ["random_state", np.random.Generator],
        "tol": [Interval(numbers.Real, 0, None, closed="left")],
        "verbose": ["verbose"],
        "warm_start": ["boolean"],
        "momentum": [Interval(numbers.Real, 0, 1, closed="both")],
        "nesterovs_momentum": ["boolean"],
        "early_stopping": ["boolean"],
        "validation_fraction": [Interval(numbers.Real, 0, 1, closed="left")],
        "beta_1": [Interval(numbers.Real, 0, 1, closed="left")],
        "beta_2": [Interval(numbers.Real, 0, 1, closed="left")],
        "epsilon": [Interval(numbers.Real, 0, None, closed="neither")],
        "n_iter_no_change": [
            Interval(numbers.Integral, 1, None, closed="left"),
            Options(numbers.Real, {np.inf}),
        ],
        "max_fun": [Interval(numbers.Integral, 1, None, closed="left")],
        # mlplab's own
        "l2": [Interval(numbers.Real, 0, None, closed="left")],
        "optimizer": [StrOptions(set(_OWN_OPTIMIZERS)), None],
        "dtype": "no_validation",  # checked by mlplab (float64 or float32, by name or type)
        "callbacks": [list, tuple, None],
        "dropout": [Interval(numbers.Real, 0, 1, closed="left"), list, tuple, None],
    }

    _head_name: ClassVar[str] = "identity"

    # ------------------------------------------------------------------ checks
    def _check_params(self) -> list[int]:
        """Every parameter checked before the data are looked at; the hidden widths as a list."""
        self._validate_params()  # scikit-learn's messages: "The 'alpha' parameter of ... must be ..."
        hidden = self.hidden_layer_sizes
        if not hasattr(hidden, "__iter__"):
            hidden = [hidden]
        hidden = list(hidden)
        for i, width in enumerate(hidden):
            if isinstance(width, bool) or not isinstance(width, numbers.Integral):
                raise TypeError(
                    f"hidden_layer_sizes[{i}] must be an int, got {width!r} in {self.hidden_layer_sizes!r}"
                )
            if width < 1:
                raise ValueError(f"hidden_layer_sizes must be > 0, got {hidden}.")
        dtype = check_dtype(self.dtype)
        check_parameter_memory(
            [1, *hidden, 1], dtype, f"hidden_layer_sizes={short_sizes(hidden)} (with one input)"
        )
        for i, callback in enumerate(self.callbacks or ()):
            if not callable(callback):
                raise TypeError(f"callbacks[{i}] must be callable(epoch, history), got {callback!r}")
        if self.dropout is not None:
            rates = [self.dropout] if isinstance(self.dropout, numbers.Real) else list(self.dropout)
            for rate in rates:
                if isinstance(rate, bool) or not isinstance(rate, numbers.Real) or not 0 <= rate < 1:
                    raise ValueError(
                        f"dropout must be a rate in [0, 1) or one per hidden layer, got {self.dropout!r}"
                    )
            if not isinstance(self.dropout, numbers.Real) and len(rates) != len(hidden):
                raise ValueError(
                    f"dropout must give one rate per hidden layer ({len(hidden)}), got {self.dropout!r}"
                )
        return hidden

    # -------------------------------------------------------------------- data
    def _logits(self, X, method: str) -> tuple[np.ndarray, tuple | None]:
        """The logits (n, n_outputs) and the array namespace of ``X`` (``None`` for NumPy)."""
        check_is_fitted(self)
        if hasattr(self, "_namespace_marker"):
            check_same_namespace(X, self, attribute="_namespace_marker", method=method)
        X, namespace = _numpy_input(X)
        refuse_lossy(X, "X")
        X = _as_dtype(validate_data(self, X, reset=False, accept_sparse=_SPARSE, dtype=_FLOATS),
                      check_dtype(self.dtype))  # fmt: skip
        self.model_.network.check_finite()
        return _predict_logits(self.model_.network, X), namespace

    # --------------------------------------------------------------------- fit
    def _fit(self, X, y, sample_weight=None, *, incremental: bool, classes=None):
        hidden = self._check_params()
        if incremental and self.solver == "lbfgs":
            raise ValueError(
                "partial_fit is only available for stochastic optimizers. lbfgs is not stochastic."
            )
        if incremental and self.early_stopping:
            raise ValueError("partial_fit does not support early_stopping=True")
        first_pass = not hasattr(self, "model_") or (not self.warm_start and not incremental)
        X, namespace = _numpy_input(X)
        y, _ = _numpy_input(y)
        refuse_lossy(X, "X")
        refuse_lossy(y, "y", times=True)
        X, y = validate_data(
            self, X, y, reset=first_pass, accept_sparse=_SPARSE, dtype=_FLOATS, multi_output=True,
            y_numeric=self._head_name == "identity",
        )  # fmt: skip
        dtype = check_dtype(self.dtype)
        X = _as_dtype(X, dtype)
        # an array in fit's namespace and on its device: predict checks that X comes from the same
        self._namespace_marker = _output(np.zeros(1, dtype=dtype), namespace)
        if sp.issparse(X):
            X = X.tocsr()  # rows of a mini-batch are gathered from CSR
        targets, labels = self._targets(y, first_pass, classes)
        if sample_weight is not None:
            sample_weight, _ = _numpy_input(sample_weight)
            sample_weight = _check_sample_weight(sample_weight, X, dtype=np.float64)
        sample_weight = self._class_weights(sample_weight, y)
        n_outputs = targets.shape[1]
        rng = rng_from_seed(self.random_state, "random_state")
        init_rng, shuffle_rng, split_rng, dropout_rng = rng.spawn(4)
        if first_pass:
            self._initialize(X.shape[1], hidden, n_outputs, init_rng)
        elif self.model_.network.n_outputs != n_outputs:
            raise ValueError(
                f"warm_start/partial_fit need the same number of outputs as before: "
                f"{self.model_.network.n_outputs}, got y with {n_outputs}"
            )
        model = self.model_
        self._network_views()
        if self.solver == "lbfgs":
            self._fit_lbfgs(X, targets, sample_weight)
        else:
            self._fit_stochastic(
                X, targets, labels, sample_weight, incremental, shuffle_rng, split_rng, dropout_rng
            )
        model.fitted = True
        if not np.isfinite(model.network.params).all():
            raise ValueError(
                "Solver produced non-finite parameter weights. The input data may contain large "
                "values and need to be preprocessed."
            )
        return self

    def _targets(self, y, first_pass: bool, classes) -> tuple[np.ndarray, np.ndarray]:
        """The loss's targets ``(n, n_outputs)`` and what the validation score compares with."""
        y = np.asarray(y, dtype=np.float64)
        if y.ndim == 1:
            y = y.reshape(-1, 1)
        return _as_dtype(y, check_dtype(self.dtype)), y

    def _class_weights(self, sample_weight, y):
        return sample_weight

    def _initialize(self, n_features: int, hidden: list[int], n_outputs: int, rng) -> None:
        """A new model: network, head, loss, optimiser and schedule; the fitted attributes reset."""
        sizes = [n_features, *hidden, n_outputs]
        dtype = check_dtype(self.dtype)
        outputs = "1 output" if n_outputs == 1 else f"{n_outputs} outputs"
        check_parameter_memory(sizes, dtype, f"hidden_layer_sizes={short_sizes(hidden)} with "
                               f"{n_features} features and {outputs}")  # fmt: skip
        head, loss = self._head(n_outputs)
        activation = (
            self.activation if isinstance(self.activation, Activation) else _ACTIVATIONS[self.activation]
        )
        model = Model(sizes, activation, head=head, loss=loss,
                      optimizer=self._new_optimizer(), seed=rng, dtype=dtype)  # fmt: skip
        _scikit_learn_init(model.network, self.activation, rng)
        if self.dropout is not None:
            model.network = _with_dropout(model, self.dropout)
        self.model_ = model
        self._schedule = self._new_schedule()
        self._optimizer_settings = self._optimizer_key()
        self._state = StochasticState()
        self.n_outputs_ = n_outputs
        self.n_layers_ = len(sizes)
        self.out_activation_ = {"identity": "identity", "softmax": "softmax"}.get(model.head.name, "logistic")
        self.t_ = 0
        for name in ("loss_curve_", "best_loss_", "validation_scores_", "best_validation_score_",
                     "validation_loss_curve_"):  # fmt: skip
            self.__dict__.pop(name, None)

    def _head(self, n_outputs: int):
        head = get_head(self._head_name, n_outputs)
        return head, None

    # -------------------------------------------------------------- optimiser
    def _new_optimizer(self):
        rate = float(self.learning_rate_init)
        if self.optimizer == "momentum":
            optimizer = Momentum(rate)
            optimizer.beta = float(self.momentum)  # the sheet's β; 0 and 1 allowed as scikit-learn's momentum
            return optimizer
        if self.optimizer == "rmsprop":
            return RMSprop(rate, eps=float(self.epsilon))
        if self.solver == "sgd":
            return SGD(rate, momentum=float(self.momentum), nesterov=bool(self.nesterovs_momentum))
        optimizer = Adam(rate, eps=float(self.epsilon))
        optimizer.beta1, optimizer.beta2 = float(self.beta_1), float(self.beta_2)  # [0, 1) as scikit-learn
        return optimizer

    def _new_schedule(self):
        if self.solver != "sgd" or self.optimizer is not None:
            return None  # scikit-learn's schedules drive its sgd solver only
        return get_schedule(self.learning_rate, float(self.learning_rate_init), float(self.power_t))

    def _keep_or_renew_optimizer(self) -> None:
        """A warm start keeps the optimiser's state and schedule unless their settings changed.

        Changed settings give a new optimiser (and schedule), as scikit-learn makes on every fit.
        """
        model = self.model_
        key = self._optimizer_key()
        if getattr(self, "_optimizer_settings", None) != key:
            model.optimizer = self._new_optimizer()
            model.optimizer.reset(model.network.n_params, model.network.dtype)
            self._schedule = self._new_schedule()
            self._optimizer_settings = key

    def _optimizer_key(self) -> tuple:
        names = ("solver", "optimizer", "learning_rate", "learning_rate_init", "power_t", "momentum",
                 "nesterovs_momentum", "beta_1", "beta_2", "epsilon")  # fmt: skip
        return tuple(repr(getattr(self, name)) for name in names)

    # ---------------------------------------------------------------- solvers
    def _fit_stochastic(
        self, X, targets, labels, sample_weight, incremental, shuffle_rng, split_rng, dropout_rng
    ):
        model = self.model_
        self._keep_or_renew_optimizer()
        state = self._state
        validation = None
        if self.early_stopping:
            stratify = None
            if self._head_name != "identity" and labels.ndim == 1:
                stratify = np.unique(labels, return_inverse=True)[1].reshape(-1)
            if not round(self.validation_fraction * X.shape[0]) >= 2:
                raise ValueError(
                    "The validation set is too small. Increase 'validation_fraction' or the size of your "
                    f"dataset (validation_fraction={self.validation_fraction}, {X.shape[0]} samples)."
                )
            train, val = split_indices(X.shape[0], self.validation_fraction, split_rng, stratify)
            w_val = None if sample_weight is None else sample_weight[val]
            score = self._validation_score(labels[val], w_val)
            validation = (X[val], targets[val], w_val, score)
            X, targets = X[train], targets[train]
            sample_weight = None if sample_weight is None else sample_weight[train]
            if state.validation_scores is None:
                state.validation_scores, state.validation_losses = [], []
                state.best_validation_score, state.best_loss = -math.inf, None
        elif state.validation_scores is not None:  # early stopping switched off for a warm start
            state.validation_scores = state.validation_losses = state.best_validation_score = None
            state.best_loss = min(state.loss_curve, default=math.inf)
        batch_size = min(200, X.shape[0]) if self.batch_size == "auto" else self.batch_size
        if self.batch_size != "auto" and not 1 <= self.batch_size <= X.shape[0]:
            warnings.warn(
                "Got `batch_size` less than 1 or larger than sample size. It is going to be clipped",
                          stacklevel=3)  # fmt: skip
        report = (lambda line: print(line, file=sys.stdout)) if self.verbose else None
        try:
            message = fit_stochastic(
                model.network, model.loss, model.optimizer, X, targets, state=state,
                max_iter=self.max_iter, batch_size=batch_size, shuffle=self.shuffle, rng=shuffle_rng,
                sample_weight=sample_weight, alpha=float(self.alpha), l2=float(self.l2), tol=float(self.tol),
                n_iter_no_change=self.n_iter_no_change, schedule=self._schedule, validation=validation,
                incremental=incremental, report=report, callbacks=list(self.callbacks or ()),
                dropout_rng=dropout_rng if self.dropout is not None else None,
            )  # fmt: skip
        except KeyboardInterrupt:
            warnings.warn("Training interrupted by user.", stacklevel=3)
            message = "interrupted"
        finally:
            self._set_curves()
        if self.early_stopping and state.best_params is not None:
            model.network.params[...] = state.best_params  # scikit-learn restores the best weights
        if message is None and not incremental and state.n_iter == self.max_iter:
            warnings.warn(
                f"Stochastic Optimizer: Maximum iterations ({self.max_iter}) reached and the optimization "
                "hasn't converged yet.",
                ConvergenceWarning,
                stacklevel=3,
            )

    def _set_curves(self) -> None:
        state = self._state
        self.n_iter_ = state.n_iter
        self.t_ = state.t
        self.loss_ = state.loss
        self.loss_curve_ = state.loss_curve
        self.best_loss_ = state.best_loss
        self.validation_scores_ = state.validation_scores
        self.best_validation_score_ = state.best_validation_score
        self.validation_loss_curve_ = state.validation_losses

    def _fit_lbfgs(self, X, targets, sample_weight) -> None:
        from ._lbfgs import fit_lbfgs  # H4's solver, the floor of the estimators

        if sp.issparse(X):
            X = X.toarray()  # L-BFGS evaluates the whole data set at once
        model = self.model_
        n_iter, final_loss, converged, message = fit_lbfgs(
            model.network, model.loss, X, targets, alpha=float(self.alpha), max_iter=self.max_iter,
            max_fun=self.max_fun, tol=float(self.tol), sample_weight=sample_weight,
            verbose=bool(self.verbose),
        )  # fmt: skip
        self.n_iter_ = int(n_iter)
        self.loss_ = float(final_loss)
        self.t_ = getattr(self, "t_", 0) + X.shape[0]
        if not converged:
            warnings.warn(
                f"lbfgs failed to converge after {n_iter} iteration(s) (status: {message}). Increase the "
                "number of iterations (max_iter) or scale the data.",
                ConvergenceWarning,
                stacklevel=3,
            )

    def _validation_score(self, y_val, w_val):
        raise NotImplementedError

    # ------------------------------------------------------------- attributes
    def _network_views(self) -> None:
        """``coefs_[l]`` of shape (fan_in, fan_out) and ``intercepts_[l]``: views into the network."""
        network = self.model_.network
        self.network_ = network
        self.coefs_ = [weight.T for weight in network.weights]  # (fan_in, fan_out), as scikit-learn
        self.intercepts_ = list(network.biases)

    def __getstate__(self):
        state = super().__getstate__()
        state = dict(state)
        for name in ("coefs_", "intercepts_", "network_"):
            state.pop(name, None)  # views into model_'s parameters: rebuilt on load
        return state

    def __setstate__(self, state):
        super().__setstate__(state)
        if "model_" in state:
            self._network_views()

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True
        tags.array_api_support = True
        return tags

    # ------------------------------------------------------------------ files
    def save(self, path) -> None:
        """Write the fitted model to ``path`` as a data-only file; read it with :func:`mlplab.load`."""
        from .serialization import save

        check_is_fitted(self)
        save(self, path)


_COMMON_DOC = r"""
    Parameters (scikit-learn's, with its defaults and meanings)
    ------------------------------------------------------------
    hidden_layer_sizes : array-like of shape (n_layers - 2,), default=(100,)
        The i-th element is the number of neurons in the i-th hidden layer.
    activation : {'identity', 'logistic', 'tanh', 'relu'}, default='relu'
        Activation of the hidden layers.
    solver : {'lbfgs', 'sgd', 'adam'}, default='adam'
        'sgd': ``v ← μv − αg; θ ← θ + v`` (Nesterov with ``nesterovs_momentum``);
        'adam': Kingma & Ba; 'lbfgs': SciPy's L-BFGS-B over the flat parameter vector.
    alpha : float, default=0.0001
        L2 strength as scikit-learn scales it: each mini-batch ``B`` adds
        ``α/(2 Σ_{i∈B} w_i) · Σ‖W‖²`` to its mean loss.
    batch_size : int or 'auto', default='auto'
        ``'auto'`` is ``min(200, n_samples)``.
    learning_rate : {'constant', 'invscaling', 'adaptive'}, default='constant'
        The schedule of the 'sgd' solver: 'invscaling' ``η_t = η_0 / (t+1)^{power_t}`` with ``t`` the
        samples seen; 'adaptive' divides η by 5 when training stalls.
    learning_rate_init : float, default=0.001
    power_t : float, default=0.5
    max_iter : int, default=200
        Epochs (stochastic solvers) or iterations (lbfgs).
    shuffle : bool, default=True
    random_state : int, RandomState, numpy Generator or None, default=None
        Seeds the weights, the shuffling, the validation split and dropout (a Generator per fit).
    tol : float, default=1e-4
    verbose : bool, default=False
        Prints ``Iteration %d, loss = %.8f`` per epoch, as scikit-learn.
    warm_start : bool, default=False
        Continue from the last fit. **Unlike scikit-learn, the optimiser's state is kept** (Adam's
        moments and step count, the SGD velocity, the learning-rate schedule), so a second
        ``fit(max_iter=k)`` continues exactly like one fit of more epochs; changing an optimiser
        setting between the fits gives a new optimiser, as scikit-learn always does.
    momentum : float, default=0.9
    nesterovs_momentum : bool, default=True
    early_stopping : bool, default=False
        Hold out ``validation_fraction`` (stratified for a single-output classifier) and stop when the
        validation score (accuracy or R²) has not improved by ``tol`` for ``n_iter_no_change`` epochs;
        the best weights are restored.
    validation_fraction : float, default=0.1
    beta_1, beta_2 : float, default=0.9, 0.999
    epsilon : float, default=1e-8
    n_iter_no_change : int, default=10
    max_fun : int, default=15000
        Loss evaluations of lbfgs.

    Parameters (mlplab's own, not in scikit-learn)
    ----------------------------------------------
    l2 : float, default=0.0
        The sheet's penalty ``λ Σ‖W‖²`` on the *mean* loss (independent of the batch size), added to
        ``alpha``'s term. ``alpha`` corresponds to ``l2 = alpha / (2 · batch size)``.
    optimizer : {'momentum', 'rmsprop'} or None, default=None
        Overrides ``solver``: 'momentum' is the sheet's EMA form ``v ← βv + (1−β)g; θ ← θ − αv`` with
        β = ``momentum``; 'rmsprop' ``s ← 0.9 s + 0.1 g²; θ ← θ − αg/(√s + ε)``, ε = ``epsilon``. Both
        with ``learning_rate_init``, a constant rate and the same stopping rules.
    dtype : {'float64', 'float32'}, default='float64'
        Floating-point type of the weights and the computation (input converted once).
    callbacks : list of callable or None, default=None
        ``callback(epoch, history)`` after each epoch (as :func:`mlplab.nn.training.fit`); raising
        :class:`~mlplab.StopTraining` ends training.
    dropout : float, list of float or None, default=None
        Inverted dropout on the hidden activations while training (a rate per hidden layer or one).

    Attributes (scikit-learn's)
    ---------------------------
    loss_ : float
    best_loss_ : float or None
        ``None`` with early stopping (as scikit-learn).
    loss_curve_ : list of float
    validation_scores_ : list of float or None
    best_validation_score_ : float or None
    t_ : int
        Training samples seen.
    coefs_ : list of ndarray of shape (fan_in, fan_out)
        Views into the network's weights (``network_.weights[l]`` is ``coefs_[l].T``).
    intercepts_ : list of ndarray of shape (fan_out,)
    n_features_in_ : int
    feature_names_in_ : ndarray of shape (n_features_in_,)
    n_iter_ : int
        Epochs of the last fit (or lbfgs iterations).
    n_layers_ : int
    n_outputs_ : int
    out_activation_ : str

    Attributes (mlplab's own)
    -------------------------
    validation_loss_curve_ : list of float or None
        With early stopping: the validation loss per epoch, next to ``loss_curve_`` (scikit-learn #18507).
    model_ : Model
        The :class:`~mlplab.model.Model` underneath (network, head, loss, optimiser).
"""


class MLPClassifier(ClassifierMixin, _BaseMLP):
    """Multi-layer perceptron classifier (scikit-learn's, over mlplab's core).

    Two classes: one logistic output with binary cross-entropy; ``k > 2``: softmax with
    categorical cross-entropy; ``y`` of shape (n, k) with 0/1 entries: multi-label, k independent
    logistic outputs (BCE summed over the outputs). Labels of any type that sort.
    """

    __doc__ += (
        _COMMON_DOC
        + r"""
    class_weight : dict, 'balanced' or None, default=None
        (mlplab's own, scikit-learn #9113) Weights per class, as in scikit-learn's other classifiers,
        multiplied into ``sample_weight``.

    classes_ : ndarray or list of ndarray
        The class labels (``arange(k)`` for multi-label).

    Examples
    --------
    >>> from sklearn.datasets import load_iris
    >>> from mlplab import MLPClassifier
    >>> X, y = load_iris(return_X_y=True)
    >>> clf = MLPClassifier((16,), learning_rate_init=0.01, max_iter=300, random_state=0).fit(X, y)
    >>> clf.score(X, y) > 0.9
    True
"""
    )

    _parameter_constraints: ClassVar[dict] = {
        **_BaseMLP._parameter_constraints,
        "class_weight": [dict, StrOptions({"balanced"}), None],
    }
    _head_name = "softmax"

    def __init__(
        self,
        hidden_layer_sizes=(100,),
        activation="relu",
        *,
        solver="adam",
        alpha=0.0001,
        batch_size="auto",
        learning_rate="constant",
        learning_rate_init=0.001,
        power_t=0.5,
        max_iter=200,
        shuffle=True,
        random_state=None,
        tol=1e-4,
        verbose=False,
        warm_start=False,
        momentum=0.9,
        nesterovs_momentum=True,
        early_stopping=False,
        validation_fraction=0.1,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-8,
        n_iter_no_change=10,
        max_fun=15000,
        l2=0.0,
        optimizer=None,
        dtype="float64",
        callbacks=None,
        dropout=None,
        class_weight=None,
    ):
        _store(self, locals())

    def fit(self, X, y, sample_weight=None):
        """Train on ``X`` (array-like or sparse, (n_samples, n_features)) and ``y`` ((n,) or (n, k) 0/1).

        ``sample_weight`` (n,) weighs each sample's loss. Returns ``self``.
        """
        return self._fit(X, y, sample_weight, incremental=False)

    def partial_fit(self, X, y, classes=None, sample_weight=None):
        """One pass over ``(X, y)``; ``classes`` (all labels) is needed on the first call."""
        if not hasattr(self, "model_") and classes is None and type_of_target(y) != "multilabel-indicator":
            raise ValueError("classes must be passed on the first call to partial_fit.")
        return self._fit(X, y, sample_weight, incremental=True, classes=classes)

    def _targets(self, y, first_pass, classes):
        dtype = check_dtype(self.dtype)
        if y.ndim == 2 and y.shape[1] == 1:
            y = column_or_1d(y, warn=True)  # scikit-learn's DataConversionWarning for a column vector
        multilabel = type_of_target(y) == "multilabel-indicator"
        if first_pass:
            if multilabel:
                self.classes_ = np.arange(y.shape[1])
                self._multilabel = True
            else:
                check_classification_targets(y)
                y = _column(y)
                found = np.unique(y)
                if classes is not None:
                    given = np.unique(np.asarray(classes))
                    if not np.isin(found, given).all():
                        raise ValueError(f"`y` has classes not in `classes`: {np.setdiff1d(found, given)}")
                    found = given
                if found.size < 2:
                    raise ValueError(
                        f"y must hold at least 2 classes to train a classifier, got 1 class: {found[0]!r}"
                    )
                self.classes_ = found
                self._multilabel = False
        if self._multilabel:
            if not multilabel or y.shape[1] != self.classes_.size:
                raise ValueError(f"y must be a 0/1 indicator matrix with {self.classes_.size} columns")
            labels = np.asarray(y, dtype=np.int64)
            return labels.astype(dtype), labels
        y = _column(y)
        check_classification_targets(y)
        unknown = np.setdiff1d(np.unique(y), self.classes_)
        if unknown.size:
            raise ValueError(
                f"warm_start/partial_fit: `y` has classes not in `self.classes_` {self.classes_.tolist()}: "
                f"{unknown.tolist()}"
            )
        index = np.searchsorted(self.classes_, y)
        k = self.classes_.size
        if k == 2:
            targets = index.reshape(-1, 1).astype(dtype)  # (n, 1)
        else:
            targets = np.zeros((index.size, k), dtype=dtype)  # (n, k) one-hot
            targets[np.arange(index.size), index] = 1.0
        return targets, y

    def _class_weights(self, sample_weight, y):
        if self.class_weight is None:
            return sample_weight
        weights = compute_sample_weight(self.class_weight, y)
        return weights if sample_weight is None else sample_weight * weights

    def _head(self, n_outputs):
        if self._multilabel:  # k independent sigmoids, BCE summed over them (scikit-learn's binary_log_loss)
            head = get_head("multilabel", n_outputs)
            return head, get_loss(head.default_loss)
        return get_head("binary" if n_outputs == 1 else "softmax", n_outputs), None

    def _validation_score(self, y_val, w_val):
        head, classes, multilabel = self.model_.head, self.classes_, self._multilabel

        def score(logits):
            predicted = head.predict(logits) if multilabel else classes[head.predict(logits)]
            return float(accuracy_score(y_val, predicted, sample_weight=w_val))

        return score

    def _fit(self, X, y, sample_weight=None, *, incremental, classes=None):
        if not hasattr(self, "model_") or (not self.warm_start and not incremental):
            self._multilabel = False
        return super()._fit(X, y, sample_weight, incremental=incremental, classes=classes)

    # ------------------------------------------------------------ predict
    def decision_function(self, X):
        """The logits: (n,) for two classes (of ``classes_[1]``), else (n, n_outputs)."""
        logits, xp = self._logits(X, "decision_function")
        return _output(logits[:, 0].copy() if logits.shape[1] == 1 and not self._multilabel else logits, xp)

    def predict(self, X):
        """Class labels (n,), or the (n, k) 0/1 indicator matrix for multi-label."""
        logits, xp = self._logits(X, "predict")
        if self._multilabel:
            return _output(self.model_.head.predict(logits), xp)
        return _output(self.classes_[self.model_.head.predict(logits)], xp)

    def predict_proba(self, X):
        """Class probabilities (n, n_classes) in ``classes_`` order; (n, k) for multi-label."""
        logits, xp = self._logits(X, "predict_proba")
        return _output(self.model_.head.probabilities(logits), xp)

    def predict_log_proba(self, X):
        """The logarithm of :meth:`predict_proba`, computed stably from the logits."""
        logits, xp = self._logits(X, "predict_log_proba")
        return _output(self.model_.head.log_probabilities(logits), xp)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_label = True
        return tags


class MLPRegressor(RegressorMixin, _BaseMLP):
    """Multi-layer perceptron regressor (scikit-learn's, over mlplab's core).

    Identity outputs with half the mean squared error, ``L = (1/2nk) Σ (ŷ − y)²``; ``y`` of shape
    (n,) or (n, k) (multi-output).
    """

    __doc__ += (
        _COMMON_DOC
        + r"""
    loss : {'squared_error'}, default='squared_error'
        scikit-learn's first parameter; its 'poisson' is not available here.

    Examples
    --------
    >>> import numpy as np
    >>> from mlplab import MLPRegressor
    >>> X = np.linspace(-1, 1, 100).reshape(-1, 1)
    >>> reg = MLPRegressor((16,), learning_rate_init=0.01, max_iter=500, random_state=0).fit(X, X[:, 0] ** 2)
    >>> reg.score(X, X[:, 0] ** 2) > 0.9
    True
"""
    )

    _parameter_constraints: ClassVar[dict] = {
        **_BaseMLP._parameter_constraints,
        "loss": [StrOptions({"squared_error"})],
    }
    _head_name = "identity"

    def __init__(
        self,
        loss="squared_error",
        hidden_layer_sizes=(100,),
        activation="relu",
        *,
        solver="adam",
        alpha=0.0001,
        batch_size="auto",
        learning_rate="constant",
        learning_rate_init=0.001,
        power_t=0.5,
        max_iter=200,
        shuffle=True,
        random_state=None,
        tol=1e-4,
        verbose=False,
        warm_start=False,
        momentum=0.9,
        nesterovs_momentum=True,
        early_stopping=False,
        validation_fraction=0.1,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-8,
        n_iter_no_change=10,
        max_fun=15000,
        l2=0.0,
        optimizer=None,
        dtype="float64",
        callbacks=None,
        dropout=None,
    ):
        _store(self, locals())

    def fit(self, X, y, sample_weight=None):
        """Train on ``X`` (array-like or sparse) and ``y`` of shape (n,) or (n, n_outputs)."""
        return self._fit(X, y, sample_weight, incremental=False)

    def partial_fit(self, X, y, sample_weight=None):
        """One pass over ``(X, y)``, continuing from the current weights and optimiser state."""
        return self._fit(X, y, sample_weight, incremental=True)

    def _validation_score(self, y_val, w_val):
        def score(logits):
            return float(r2_score(y_val, logits, sample_weight=w_val))

        return score

    def predict(self, X):
        """Predictions of shape (n,) for one output, else (n, n_outputs)."""
        logits, xp = self._logits(X, "predict")
        return _output(logits[:, 0].copy() if logits.shape[1] == 1 else logits, xp)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.target_tags.multi_output = True
        tags.target_tags.single_output = True
        return tags


# ------------------------------------------------------------------ helpers
def _store(estimator, arguments: dict) -> None:
    for name, value in arguments.items():
        if name not in ("self", "__class__"):
            setattr(estimator, name, value)


def _column(y: np.ndarray) -> np.ndarray:
    y = np.asarray(y)
    return y.reshape(-1) if y.ndim == 2 and y.shape[1] == 1 else y


def _numpy_input(a):
    """``a`` as NumPy if it is another array-API namespace's array, and ``(namespace, device)`` of it.

    The namespace is array-api-compat's (as scikit-learn's own): a PyTorch tensor has no
    ``__array_namespace__`` of its own, and ``torch.asarray`` takes no NumPy dtypes.
    """
    if a is None or isinstance(a, np.ndarray) or sp.issparse(a) or not is_array_api_obj(a):
        return a, None
    xp = array_namespace(a)
    return _convert_to_numpy(a, xp), (xp, device(a))


def _output(result: np.ndarray, namespace: tuple | None):
    """``result`` in the namespace (and on the device) of the ``X`` it came from."""
    if namespace is None or result.dtype.kind not in "biuf":
        return result
    xp, where = namespace
    return xp.asarray(result, device=where)


def _as_dtype(X, dtype):
    if X.dtype == dtype:
        return X
    if not sp.issparse(X) and dtype == np.float32:
        big = np.abs(X) > np.finfo(np.float32).max
        if big.any():
            at = tuple(int(i) for i in np.argwhere(big)[0])
            raise ValueError(f"X holds {X[at]:g} at index {at}, too large for float32")
    return X.astype(dtype)


def _scikit_learn_init(network, activation: str, rng: np.random.Generator) -> None:
    r"""scikit-learn's initialisation: ``W, b ~ U(−r, r)``, ``r = √(f/(fan_in + fan_out))``.

    ``f = 2`` for the logistic activation, 6 otherwise (Glorot & Bengio), the biases drawn too,
    each layer's weights then biases, from ``rng`` (a ``numpy.random.Generator``).
    """
    factor = 2.0 if activation == "logistic" else 6.0
    for weight, bias in zip(network.weights, network.biases):
        fan_out, fan_in = weight.shape
        bound = math.sqrt(factor / (fan_in + fan_out))
        weight[...] = rng.uniform(
            -bound, bound, size=(fan_in, fan_out)
        ).T  # drawn as scikit-learn lays it out
        bias[...] = rng.uniform(-bound, bound, size=fan_out)


def _predict_logits(network, X) -> np.ndarray:
    if not sp.issparse(X):
        return network.predict_logits(X)
    parts = [network.predict_logits(X[i : i + _CHUNK].toarray()) for i in range(0, X.shape[0], _CHUNK)]
    return np.concatenate(parts) if parts else np.empty((0, network.n_outputs), dtype=network.dtype)


def _activation_name(activation) -> str:
    """The network's name of ``activation``: scikit-learn's 'logistic' is 'sigmoid'; a custom one its own."""
    return activation.name if isinstance(activation, Activation) else _ACTIVATIONS[activation]


def _with_dropout(model: Model, dropout):
    """A network of the same sizes, activation and weights, with dropout (``Network(..., dropout=)``)."""
    from .nn.network import Network

    old = model.network
    network = Network(old.layer_sizes, old.activation, dtype=old.dtype, dropout=dropout)
    network.params[...] = old.params
    model.network = network
    model.optimizer.unbind()
    model.optimizer.bind(network.params)
    return network


# ------------------------------------------------------------------ model files
# The face of a file: the parameters (scikit-learn's and mlplab's names), the labels, and the
# training state that a warm start or partial_fit continues from. Files written before issue 13
# carried the old parameter names (learning_rate for the step size, epochs, patience, min_delta,
# solver='momentum'/'rmsprop'); _OLD_NAMES maps them when such a file is read.
_FIT_FIELDS = ("t", "n_iter", "loss", "loss_curve", "best_loss", "validation_scores", "validation_losses",
               "best_validation_score", "no_improvement_count", "schedule_rate", "multilabel")  # fmt: skip
_OLD_PARAMS = {"hidden_layer_sizes", "activation", "solver", "learning_rate", "l2", "batch_size", "epochs",
               "early_stopping", "validation_fraction", "patience", "min_delta", "random_state",
               "dtype"}  # fmt: skip


def _json_value(name: str, value: object) -> object:
    if name == "hidden_layer_sizes" and isinstance(value, numbers.Integral):
        return int(value)
    if name == "hidden_layer_sizes" and isinstance(value, (list, tuple, np.ndarray)):
        return [int(v) if isinstance(v, numbers.Integral) else v for v in value]
    if name == "dropout" and isinstance(value, (list, tuple)):
        return [float(v) for v in value]
    if name == "dtype":
        try:
            return np.dtype(value).name
        except TypeError:
            return value
    if name == "random_state" and isinstance(value, (np.random.Generator, np.random.RandomState)):
        return None  # a generator is not data
    if name == "n_iter_no_change" and value == np.inf:
        return "inf"
    if name == "class_weight" and isinstance(value, dict):
        raise ValueError("cannot save class_weight as a dict: pass the weights as sample_weight instead")
    if name == "callbacks" and value:
        raise ValueError("cannot save callbacks: functions are not data (set callbacks=None first)")
    if isinstance(value, np.generic):
        return value.item()
    if value is not None and not isinstance(value, (str, int, float, bool, list)):
        raise ValueError(f"cannot save parameter {name}={value!r:.60}: not a JSON value")
    return value


def _encode(estimator: _BaseMLP) -> tuple[dict, dict[str, np.ndarray]]:
    from .serialization.labels import classes_to_json
    from .serialization.model_codec import encode_model

    check_is_fitted(estimator)
    params = {name: _json_value(name, value) for name, value in estimator.get_params(deep=False).items()}
    document, arrays = encode_model(estimator.model_)
    names = getattr(estimator, "feature_names_in_", None)
    state = getattr(estimator, "_state", None) or StochasticState()
    schedule = getattr(estimator, "_schedule", None)
    best = state.best_loss
    face = {
        "params": params,
        "n_features_in": int(estimator.n_features_in_),
        "feature_names_in": None if names is None else [str(name) for name in names],
        "fit": {
            "t": int(getattr(estimator, "t_", 0)),
            "n_iter": int(getattr(estimator, "n_iter_", 0)),
            "loss": None if getattr(estimator, "loss_", None) is None else float(estimator.loss_),
            "loss_curve": [float(v) for v in state.loss_curve],
            "best_loss": None if best is None or math.isinf(best) else float(best),
            "validation_scores": state.validation_scores,
            "validation_losses": state.validation_losses,
            "best_validation_score": state.best_validation_score,
            "no_improvement_count": int(state.no_improvement_count),
            "schedule_rate": None if schedule is None else float(schedule.rate),
            "multilabel": bool(getattr(estimator, "_multilabel", False)),
        },
    }
    if isinstance(estimator, MLPClassifier):
        face["classes"] = classes_to_json(estimator.classes_)
        face["classes_dtype"] = estimator.classes_.dtype.str
    document["face"] = face
    return document, arrays


def _upgrade_params(params: dict) -> dict:
    """A file's parameters under today's names (files before issue 13 had mlplab's old names)."""
    if "epochs" not in params:
        return params
    from .serialization import ModelFileError
    from .serialization import fields as f

    old = dict(f.keys(params, "face.params", sorted(_OLD_PARAMS)))
    solver = old["solver"]
    new = {
        "hidden_layer_sizes": old["hidden_layer_sizes"],
        "activation": "logistic" if old["activation"] == "sigmoid" else old["activation"],
        "solver": solver if solver in ("adam", "sgd") else "adam",
        "optimizer": solver if solver in _OWN_OPTIMIZERS else None,
        "alpha": 0.0,  # the old penalty was l2 alone
        "l2": old["l2"],
        "batch_size": "auto" if old["batch_size"] is None else old["batch_size"],
        "learning_rate_init": old["learning_rate"],
        "max_iter": old["epochs"],
        "momentum": 0.0 if solver == "sgd" else 0.9,  # the old sgd had no momentum; the sheet's β was 0.9
        "early_stopping": old["early_stopping"],
        "validation_fraction": old["validation_fraction"],
        "n_iter_no_change": old["patience"],
        "tol": old["min_delta"],
        "random_state": old["random_state"],
        "dtype": old["dtype"],
    }
    if solver not in ("adam", "sgd", *_OWN_OPTIMIZERS):
        raise ModelFileError(
            f"face.params.solver must be one of adam, sgd, momentum, rmsprop, got {solver!r}"
        )
    return new


def _decoder(cls):
    def decode(document: dict, arrays: dict[str, np.ndarray]):
        from .serialization import ModelFileError
        from .serialization import fields as f
        from .serialization.labels import classes_from_json
        from .serialization.model_codec import decode_model

        face = document["face"]
        if not isinstance(face, dict):
            raise ModelFileError(f"face must be a JSON object, got {f.show(face)}")
        params = face.get("params")
        if not isinstance(params, dict):
            raise ModelFileError(f"face.params must be a JSON object, got {f.show(params)}")
        params = _upgrade_params(params)
        known = list(cls().get_params(deep=False))
        unknown = sorted(set(params) - set(known))
        if unknown:
            raise ModelFileError(f"face.params.{unknown[0]} is not a parameter of {cls.__name__}")
        for key, value in params.items():
            if isinstance(value, dict) or (
                isinstance(value, list) and key not in ("hidden_layer_sizes", "dropout")
            ):
                raise ModelFileError(
                    f"face.params.{key} must be a number, string, bool or null, got {f.show(value)}"
                )
        if isinstance(params.get("hidden_layer_sizes"), list):
            params["hidden_layer_sizes"] = tuple(params["hidden_layer_sizes"])
        if params.get("n_iter_no_change") == "inf":
            params["n_iter_no_change"] = np.inf
        estimator = cls(**params)
        try:
            hidden = estimator._check_params()
        except (TypeError, ValueError) as exc:
            raise ModelFileError(f"face.params are invalid: {exc}") from exc
        n_features = f.int_(face.get("n_features_in"), "face.n_features_in", low=1)
        model = decode_model(
            document, arrays, head=document["head"], loss=document["loss"], fields=document["model"]
        )
        network = model.network
        fit = face.get("fit")
        multilabel = isinstance(fit, dict) and fit.get("multilabel") is True
        if cls is MLPClassifier:
            classes = classes_from_json(face.get("classes"), face.get("classes_dtype"))
            n_outputs = 1 if classes.size == 2 and not multilabel else classes.size
            head = "multilabel" if multilabel else ("binary" if n_outputs == 1 else "softmax")
        else:
            n_outputs, head = network.n_outputs, "identity"
        expected = [n_features, *hidden, n_outputs]
        for what, saved, wanted in (
            ("network.layer_sizes", list(network.layer_sizes), expected),
            ("network.activation", network.activation.name, _activation_name(estimator.activation)),
            ("network.dtype", model.dtype.name, check_dtype(estimator.dtype).name),
            ("head", model.head.name, head),
            ("optimizer.name", model.optimizer.name, estimator._new_optimizer().name),
        ):
            if saved != wanted:
                raise ModelFileError(
                    f"{what} {f.show(saved)} disagrees with the parameters and n_features_in: "
                    f"expected {f.show(wanted)}"
                )
        names = f.list_(face.get("feature_names_in"), "face.feature_names_in", null=True)
        if names is not None and (len(names) != n_features or not all(isinstance(n, str) for n in names)):
            raise ModelFileError(f"face.feature_names_in must be {n_features} strings, got {f.show(names)}")
        estimator.n_features_in_ = n_features
        if names is not None:
            estimator.feature_names_in_ = np.asarray(names, dtype=object)
        estimator.model_ = model
        if estimator.dropout is not None:  # a setting of the face: training goes on with it
            _with_dropout(model, estimator.dropout)
        if cls is MLPClassifier:
            estimator.classes_ = classes
            estimator._multilabel = multilabel
        estimator.n_outputs_ = n_outputs
        estimator.n_layers_ = len(expected)
        estimator.out_activation_ = {"identity": "identity", "softmax": "softmax"}.get(head, "logistic")
        estimator._schedule = estimator._new_schedule()
        estimator._optimizer_settings = estimator._optimizer_key()
        estimator._state = _decode_state(face, model, estimator)
        estimator._set_curves()
        estimator._network_views()
        return estimator

    return decode


def _decode_state(face: dict, model: Model, estimator) -> StochasticState:
    from .serialization import fields as f

    fit = face.get("fit")
    if fit is None:  # a file from before issue 13: its history holds the loss curves
        history = model.history
        curve = [] if history is None else list(history.train_loss)
        n = len(curve)
        stopping = bool(estimator.early_stopping)
        return StochasticState(
            n_iter=n, loss=curve[-1] if curve else None, loss_curve=curve,
            best_loss=None if stopping else min(curve, default=math.inf),
            validation_losses=list(history.val_loss) if stopping and history is not None else None,
        )  # fmt: skip
    fit = f.keys(fit, "face.fit", list(_FIT_FIELDS))

    def floats(name, null=True):
        values = f.list_(fit[name], f"face.fit.{name}", null=null)
        return None if values is None else [f.float_(v, f"face.fit.{name}") for v in values]

    best = f.float_(fit["best_loss"], "face.fit.best_loss", null=True)
    stopping = bool(estimator.early_stopping)
    state = StochasticState(
        t=f.int_(fit["t"], "face.fit.t"),
        n_iter=f.int_(fit["n_iter"], "face.fit.n_iter"),
        loss=f.float_(fit["loss"], "face.fit.loss", null=True),
        loss_curve=floats("loss_curve", null=False),
        best_loss=(None if stopping else math.inf) if best is None else best,
        validation_scores=floats("validation_scores"),
        validation_losses=floats("validation_losses"),
        best_validation_score=f.float_(
            fit["best_validation_score"], "face.fit.best_validation_score", null=True
        ),
        no_improvement_count=f.int_(fit["no_improvement_count"], "face.fit.no_improvement_count"),
    )
    rate = f.float_(fit["schedule_rate"], "face.fit.schedule_rate", null=True)
    if rate is not None and estimator._schedule is not None:
        estimator._schedule.load_state({"rate": rate})
    f.bool_(fit["multilabel"], "face.fit.multilabel")
    return state


def _register() -> None:
    from .serialization import Codec, register
    from .serialization.model_codec import expected_arrays

    for cls in (MLPClassifier, MLPRegressor):
        register(
            Codec(cls.__name__, cls, _encode, lambda document: expected_arrays(document)[1], _decoder(cls))
        )


_register()
