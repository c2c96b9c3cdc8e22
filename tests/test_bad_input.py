"""Bad input is refused up front with a clear ValueError or TypeError.

The contract (``mlplab.nn.checks``): every check at the public boundary
raises a ``ValueError`` or ``TypeError`` whose message names the argument and
the value it got, before any work is done, so that no raw NumPy ``IndexError``,
broadcast error or cast warning ever reaches a user.

Every case checks the *exact* exception type (a subclass such as
``DivergenceError`` does not count) and a message matching
``<argument name> ... <offending value>``. NumPy 2 prints scalars as
``np.float64(nan)``; :func:`message` accepts that as well as the plain ``nan``.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from mlplab import MLP, NotFittedError
from mlplab.datasets import make_spirals, train_val_split

NAN, INF = float("nan"), float("inf")

X4 = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y4 = np.array([0, 1, 1, 0])
Y4_MULTI = np.array([0, 1, 2, 0])  # for three output units


def message(name: str, *values: str) -> str:
    """Regex: the argument ``name`` as a whole word, then each value text in order.

    A value text is matched literally (``re.escape``), not as part of a longer
    number or word, and may be wrapped in a NumPy scalar repr like ``np.int64(...)``.
    """
    pattern = r"(?s)(?<![\w.])" + re.escape(name) + r"(?![\w\[])"
    for value in values:
        pattern += r".*(?<![\w.\-])(?:np\.\w+\()?" + re.escape(value) + r"(?!\w|\.\d)"
    return pattern


def check_raises(exc_type: type[Exception], pattern: str, call, *args, **kwargs) -> Exception:
    """``call(*args, **kwargs)`` raises exactly ``exc_type`` with a message matching ``pattern``."""
    with pytest.raises(exc_type, match=pattern) as info:
        call(*args, **kwargs)
    assert type(info.value) is exc_type, f"expected exactly {exc_type.__name__}, got {info.type.__name__}"
    return info.value


def fitted(layer_sizes=(2, 3, 1), **kwargs) -> MLP:
    """A usable model without training: its own initial weights given back via set_weights."""
    model = MLP(list(layer_sizes), seed=0, **kwargs)
    return model.set_weights([w.copy() for w in model.weights], [b.copy() for b in model.biases])


def snapshot(model: MLP) -> list[np.ndarray]:
    return [a.copy() for a in (*model.weights, *model.biases)]


def assert_same_params(model: MLP, before: list[np.ndarray]) -> None:
    after = snapshot(model)
    assert len(after) == len(before)
    for old, new in zip(before, after):
        np.testing.assert_array_equal(new, old)


# ------------------------------------------------------------------------ X
def _call(method: str, model: MLP, X, y=Y4):
    """Run ``method`` of ``model`` with the bad X (y is a valid 4-label vector)."""
    if method == "train":
        return model.train(X, y, epochs=1)
    if method == "score":
        return model.score(X, y)
    if method == "validation_data":
        return model.train(X4, Y4, epochs=1, validation_data=(X, y))
    return getattr(model, method)(X)


NONFINITE_X = [
    (np.array([[0.0, NAN], [1.0, 1.0], [0.0, 0.0], [1.0, 0.0]]), "nan"),
    (np.array([[0.0, 1.0], [INF, 1.0], [0.0, 0.0], [1.0, 0.0]]), "inf"),
    (np.array([[0.0, 1.0], [1.0, 1.0], [0.0, -INF], [1.0, 0.0]]), "-inf"),
]
X_METHODS = ["train", "predict", "predict_proba", "score", "_forward"]

X_CASES = [
    pytest.param(method, X, {}, ValueError, "X", (text, "index"), id=f"{method}-{text}")
    for method in X_METHODS
    for X, text in NONFINITE_X
] + [
    pytest.param(
        "validation_data",
        NONFINITE_X[0][0],
        {},
        ValueError,
        "validation_data[0]",
        ("nan",),
        id="validation_data-nan",
    ),
    pytest.param("train", [0.0, 1.0, 1.0, 0.0], {}, ValueError, "X", ("1-D", "(4,)"), id="train-1d"),
    pytest.param("predict", [0.0, 1.0], {}, ValueError, "X", ("1-D", "(2,)"), id="predict-1d"),
    pytest.param("train", np.zeros((4, 2, 1)), {}, ValueError, "X", ("3-D", "(4, 2, 1)"), id="train-3d"),
    pytest.param("predict", np.zeros((1, 1, 2)), {}, ValueError, "X", ("3-D", "(1, 1, 2)"), id="predict-3d"),
    pytest.param("_forward", 5.0, {}, ValueError, "X", ("0-D", "()"), id="_forward-scalar"),
    pytest.param(
        "train",
        np.empty((0, 2)),
        {},
        ValueError,
        "X",
        ("at least one sample", "(0, 2)"),
        id="train-zero-samples",
    ),
    pytest.param(
        "predict",
        np.empty((0, 2)),
        {},
        ValueError,
        "X",
        ("at least one sample", "(0, 2)"),
        id="predict-zero-samples",
    ),
    pytest.param(
        "predict", [[]], {}, ValueError, "X", ("at least one feature", "(1, 0)"), id="predict-zero-features"
    ),
    pytest.param(
        "train", np.zeros((4, 3)), {}, ValueError, "X", ("3 features", "expects 2"), id="train-3-features"
    ),
    pytest.param(
        "predict", np.zeros((2, 1)), {}, ValueError, "X", ("1 features", "expects 2"), id="predict-1-feature"
    ),
    pytest.param(
        "score", np.zeros((4, 5)), {}, ValueError, "X", ("5 features", "expects 2"), id="score-5-features"
    ),
    pytest.param(
        "validation_data",
        np.zeros((4, 3)),
        {},
        ValueError,
        "validation_data[0]",
        ("3 features", "expects 2"),
        id="validation_data-3-features",
    ),
    pytest.param("train", [["a", "b"]] * 4, {}, TypeError, "X", ("real numbers", "<U1"), id="train-strings"),
    pytest.param("predict", [[1.0, "2"]], {}, TypeError, "X", ("real numbers", "<U32"), id="predict-mixed"),
    pytest.param(
        "predict",
        np.array([[1.0, None]], dtype=object),
        {},
        TypeError,
        "X",
        ("real numbers", "object"),
        id="predict-object",
    ),
    pytest.param(
        "_forward", [[1j, 0.0]], {}, TypeError, "X", ("real numbers", "complex128"), id="_forward-complex"
    ),
    pytest.param("predict", None, {}, TypeError, "X", ("None",), id="predict-None"),
    pytest.param(
        "train",
        [[0.0, 0.0], [0.0], [1.0, 0.0], [1.0, 1.0]],
        {},
        ValueError,
        "X",
        ("could not be converted", "inhomogeneous"),
        id="train-ragged",
    ),
    pytest.param(
        "predict",
        [[0.0, 1.0], [2.0, [3.0]]],
        {},
        ValueError,
        "X",
        ("could not be converted", "inhomogeneous"),
        id="predict-ragged-nested",
    ),
    # 1e300 is finite but not representable in float32: the user passed 1e300, not inf.
    pytest.param(
        "predict",
        [[1e300, 0.0]],
        {"dtype": np.float32},
        ValueError,
        "X",
        ("1e+300",),
        id="predict-float32-overflow",
    ),
]


@pytest.mark.parametrize(("method", "X", "model_kwargs", "exc_type", "name", "values"), X_CASES)
def test_bad_X(method, X, model_kwargs, exc_type, name, values):
    model = fitted(**model_kwargs)
    check_raises(exc_type, message(name, *values), _call, method, model, X)


# ------------------------------------------------------------------------ y
Y_CASES = [
    pytest.param("train", 1, [0, NAN, 1, 0], ValueError, "y", ("finite", "nan", "index 1"), id="nan"),
    pytest.param("train", 1, [0, 1, INF, 0], ValueError, "y", ("finite", "inf", "index 2"), id="inf"),
    pytest.param("score", 3, [0, 1, -INF, 0], ValueError, "y", ("finite", "-inf"), id="score-k3--inf"),
    pytest.param("train", 1, [0, 1, 1], ValueError, "y", ("3 labels", "4 samples"), id="too-short"),
    pytest.param("train", 1, [0, 1, 1, 0, 1], ValueError, "y", ("5 labels", "4 samples"), id="too-long"),
    pytest.param("score", 1, [0, 1], ValueError, "y", ("2 labels", "4 samples"), id="score-too-short"),
    pytest.param("train", 1, [0, 1, 2, 0], ValueError, "y", ("0 or 1", "2", "index 2"), id="binary-2"),
    pytest.param("train", 1, [0, -1, 1, 0], ValueError, "y", ("0 or 1", "-1", "index 1"), id="binary--1"),
    pytest.param("train", 1, [0, 1, 0.5, 0], ValueError, "y", ("integer", "0.5", "index 2"), id="binary-0.5"),
    pytest.param("score", 1, [0, 1, 1, 7], ValueError, "y", ("0 or 1", "7", "index 3"), id="score-binary-7"),
    pytest.param("train", 3, [0, 1, 3, 0], ValueError, "y", ("0..2", "3", "index 2"), id="k3-3"),
    pytest.param("train", 3, [0, -1, 2, 0], ValueError, "y", ("0..2", "-1", "index 1"), id="k3--1"),
    pytest.param("train", 3, [0, 1, 1.5, 0], ValueError, "y", ("integer", "1.5", "index 2"), id="k3-1.5"),
    pytest.param("train", 1, np.zeros((4, 2)), ValueError, "y", ("1-D", "(4, 2)"), id="2-columns"),
    pytest.param(
        "train", 3, np.zeros((4, 2), dtype=int), ValueError, "y", ("1-D", "(4, 2)"), id="k3-2-columns"
    ),
    pytest.param("train", 1, np.zeros((2, 2, 1)), ValueError, "y", ("1-D", "(2, 2, 1)"), id="3-d"),
    pytest.param("train", 1, ["a", "b", "a", "b"], TypeError, "y", ("numeric", "<U1"), id="strings"),
    pytest.param("train", 3, ["0", "1", "2", "0"], TypeError, "y", ("numeric", "<U1"), id="k3-digit-strings"),
    pytest.param("train", 1, None, TypeError, "y", ("None",), id="None"),
    pytest.param(
        "train",
        1,
        [[0], [1, 1], 1, 0],
        ValueError,
        "y",
        ("could not be converted", "inhomogeneous"),
        id="ragged",
    ),
    pytest.param(
        "validation_data",
        1,
        [0, 1, 2, 0],
        ValueError,
        "validation_data[1]",
        ("0 or 1", "2"),
        id="validation_data-2",
    ),
    pytest.param(
        "validation_data",
        1,
        [0, 1, 1],
        ValueError,
        "validation_data[1]",
        ("3 labels", "4 samples"),
        id="validation_data-too-short",
    ),
    # a huge whole number must be reported as such, not turn into a NumPy cast warning
    pytest.param(
        "train", 1, [0, 1e20, 1, 0], ValueError, "y", ("0 or 1", "1e+20", "index 1"), id="binary-1e20"
    ),
    pytest.param("train", 3, [0, -1e20, 1, 0], ValueError, "y", ("0..2", "-1e+20", "index 1"), id="k3--1e20"),
    # the offending label is 1j at index 2, not the valid 0 at index 0
    pytest.param("train", 1, [0, 1, 1j, 0], TypeError, "y", ("complex",), id="complex"),
]


@pytest.mark.parametrize(("method", "n_outputs", "y", "exc_type", "name", "values"), Y_CASES)
def test_bad_y(method, n_outputs, y, exc_type, name, values):
    model = fitted((2, 3, n_outputs))
    check_raises(exc_type, message(name, *values), _call, method, model, X4, y)


# ---------------------------------------------------------------- constructor
CONSTRUCTOR_CASES = [
    pytest.param([2], {}, ValueError, "layer_sizes", ("at least 2", "[2]"), id="layer_sizes-[2]"),
    pytest.param([], {}, ValueError, "layer_sizes", ("at least 2", "[]"), id="layer_sizes-[]"),
    pytest.param([2, 0, 1], {}, ValueError, "layer_sizes[1]", ("0", "[2, 0, 1]"), id="layer_sizes-0"),
    pytest.param([2, 3, -1], {}, ValueError, "layer_sizes[2]", ("-1",), id="layer_sizes-negative"),
    pytest.param([0, 3, 1], {}, ValueError, "layer_sizes[0]", ("0",), id="layer_sizes-0-inputs"),
    pytest.param([2, 2.5, 1], {}, TypeError, "layer_sizes[1]", ("2.5",), id="layer_sizes-2.5"),
    pytest.param([2, "3", 1], {}, TypeError, "layer_sizes[1]", ("'3'",), id="layer_sizes-'3'"),
    pytest.param([2, True, 1], {}, TypeError, "layer_sizes[1]", ("True",), id="layer_sizes-True"),
    pytest.param(
        [2, 3, np.float64(1.0)], {}, TypeError, "layer_sizes[2]", ("1.0",), id="layer_sizes-np.float64"
    ),
    pytest.param(3, {}, TypeError, "layer_sizes", ("3",), id="layer_sizes-int"),
    pytest.param("2,4,1", {}, TypeError, "layer_sizes", ("'2,4,1'",), id="layer_sizes-str"),
    pytest.param(None, {}, TypeError, "layer_sizes", ("None",), id="layer_sizes-None"),
    pytest.param({2, 3}, {}, TypeError, "layer_sizes", ("{2, 3}",), id="layer_sizes-set"),
    pytest.param(
        [2, 3, 1],
        {"activation": "softmax"},
        ValueError,
        "activation",
        ("'softmax'",),
        id="activation-unknown",
    ),
    pytest.param([2, 3, 1], {"activation": None}, TypeError, "activation", ("None",), id="activation-None"),
    pytest.param(
        [2, 3, 1], {"optimizer": "adamw"}, ValueError, "optimizer", ("'adamw'",), id="optimizer-unknown"
    ),
    pytest.param([2, 3, 1], {"optimizer": None}, TypeError, "optimizer", ("None",), id="optimizer-None"),
    pytest.param([2, 3, 1], {"learning_rate": 0}, ValueError, "learning_rate", ("0.0",), id="lr-0"),
    pytest.param(
        [2, 3, 1], {"learning_rate": -0.1}, ValueError, "learning_rate", ("-0.1",), id="lr-negative"
    ),
    pytest.param([2, 3, 1], {"learning_rate": NAN}, ValueError, "learning_rate", ("nan",), id="lr-nan"),
    pytest.param([2, 3, 1], {"learning_rate": INF}, ValueError, "learning_rate", ("inf",), id="lr-inf"),
    pytest.param([2, 3, 1], {"learning_rate": "0.1"}, TypeError, "learning_rate", ("'0.1'",), id="lr-str"),
    pytest.param([2, 3, 1], {"learning_rate": True}, TypeError, "learning_rate", ("True",), id="lr-bool"),
    pytest.param([2, 3, 1], {"l2": -0.5}, ValueError, "l2", ("-0.5",), id="l2-negative"),
    pytest.param([2, 3, 1], {"l2": NAN}, ValueError, "l2", ("nan",), id="l2-nan"),
    pytest.param([2, 3, 1], {"l2": INF}, ValueError, "l2", ("inf",), id="l2-inf"),
    pytest.param([2, 3, 1], {"l2": "0"}, TypeError, "l2", ("'0'",), id="l2-str"),
    pytest.param([2, 3, 1], {"patience": 0}, ValueError, "patience", ("0",), id="patience-0"),
    pytest.param([2, 3, 1], {"patience": 2.0}, TypeError, "patience", ("2.0",), id="patience-float"),
    pytest.param(
        [2, 3, 1], {"min_delta": -1e-3}, ValueError, "min_delta", ("-0.001",), id="min_delta-negative"
    ),
    pytest.param(
        [2, 3, 1],
        {"validation_fraction": 0},
        ValueError,
        "validation_fraction",
        ("0.0",),
        id="validation_fraction-0",
    ),
    pytest.param(
        [2, 3, 1],
        {"validation_fraction": 1},
        ValueError,
        "validation_fraction",
        ("1.0",),
        id="validation_fraction-1",
    ),
    pytest.param(
        [2, 3, 1],
        {"validation_fraction": NAN},
        ValueError,
        "validation_fraction",
        ("nan",),
        id="validation_fraction-nan",
    ),
    pytest.param(
        [2, 3, 1],
        {"validation_fraction": "0.2"},
        TypeError,
        "validation_fraction",
        ("'0.2'",),
        id="validation_fraction-str",
    ),
    pytest.param([2, 3, 1], {"init": "glorot"}, ValueError, "init", ("'glorot'",), id="init-unknown"),
    pytest.param([2, 3, 1], {"init": 3}, TypeError, "init", ("3",), id="init-int"),
    pytest.param([2, 3, 1], {"dtype": int}, ValueError, "dtype", ("int64",), id="dtype-int"),
    pytest.param([2, 3, 1], {"dtype": np.int32}, ValueError, "dtype", ("int32",), id="dtype-int32"),
    pytest.param([2, 3, 1], {"dtype": "float16"}, ValueError, "dtype", ("float16",), id="dtype-float16"),
    pytest.param([2, 3, 1], {"dtype": "nonsense"}, ValueError, "dtype", ("'nonsense'",), id="dtype-nonsense"),
    pytest.param([2, 3, 1], {"seed": -1}, ValueError, "seed", ("-1",), id="seed-negative"),
    pytest.param([2, 3, 1], {"seed": 1.5}, TypeError, "seed", ("1.5",), id="seed-float"),
    pytest.param(
        [2, 3, 1], {"early_stopping": 1}, TypeError, "early_stopping", ("1",), id="early_stopping-int"
    ),
    pytest.param(
        [2, 3, 1],
        {"restore_best_weights": "no"},
        TypeError,
        "restore_best_weights",
        ("'no'",),
        id="restore_best_weights-str",
    ),
]


@pytest.mark.parametrize(("layer_sizes", "kwargs", "exc_type", "name", "values"), CONSTRUCTOR_CASES)
def test_bad_constructor_argument(layer_sizes, kwargs, exc_type, name, values):
    check_raises(exc_type, message(name, *values), MLP, layer_sizes, **kwargs)


# --------------------------------------------------------------------- train
TWO_POINTS = (np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([0, 1]))

TRAIN_CASES = [
    pytest.param({}, {"epochs": 0}, ValueError, "epochs", ("0",), id="epochs-0"),
    pytest.param({}, {"epochs": -5}, ValueError, "epochs", ("-5",), id="epochs-negative"),
    pytest.param({}, {"epochs": 2.5}, TypeError, "epochs", ("2.5",), id="epochs-2.5"),
    pytest.param({}, {"epochs": "10"}, TypeError, "epochs", ("'10'",), id="epochs-str"),
    pytest.param({}, {"epochs": True}, TypeError, "epochs", ("True",), id="epochs-bool"),
    pytest.param({}, {"epochs": None}, TypeError, "epochs", ("None",), id="epochs-None"),
    pytest.param({}, {"epochs": 10**400}, ValueError, "epochs", ("at most 1,000,000,000",), id="epochs-huge"),
    pytest.param({}, {"epochs": 10**9 + 1}, ValueError, "epochs", ("1000000001",), id="epochs-over-cap"),
    pytest.param({}, {"batch_size": 10**12}, ValueError, "batch_size", ("at most",), id="batch-over-cap"),
    pytest.param({}, {"batch_size": 0}, ValueError, "batch_size", ("0",), id="batch_size-0"),
    pytest.param({}, {"batch_size": -1}, ValueError, "batch_size", ("-1",), id="batch_size-negative"),
    pytest.param({}, {"batch_size": 2.0}, TypeError, "batch_size", ("2.0",), id="batch_size-float"),
    pytest.param({}, {"batch_size": "32"}, TypeError, "batch_size", ("'32'",), id="batch_size-str"),
    pytest.param({}, {"batch_size": False}, TypeError, "batch_size", ("False",), id="batch_size-bool"),
    pytest.param({}, {"verbose": 1}, TypeError, "verbose", ("1",), id="verbose-int"),
    pytest.param({}, {"verbose": "yes"}, TypeError, "verbose", ("'yes'",), id="verbose-str"),
    pytest.param({}, {"verbose": None}, TypeError, "verbose", ("None",), id="verbose-None"),
    pytest.param(
        {}, {"validation_data": X4}, TypeError, "validation_data", ("ndarray",), id="validation_data-array"
    ),
    pytest.param(
        {},
        {"validation_data": {"X": X4, "y": Y4}},
        TypeError,
        "validation_data",
        ("dict",),
        id="validation_data-dict",
    ),
    pytest.param(
        {}, {"validation_data": "ab"}, TypeError, "validation_data", ("str",), id="validation_data-str"
    ),
    pytest.param(
        {},
        {"validation_data": (None, Y4)},
        TypeError,
        "validation_data[0]",
        ("None",),
        id="validation_data-X-None",
    ),
    # "must be a pair, got tuple" does not say what is wrong with the tuple: its length
    pytest.param(
        {}, {"validation_data": (X4,)}, TypeError, "validation_data", ("1",), id="validation_data-1-tuple"
    ),
    pytest.param(
        {},
        {"validation_data": (X4, Y4, X4)},
        TypeError,
        "validation_data",
        ("3",),
        id="validation_data-3-tuple",
    ),
    # callbacks are not checked: raw Python errors, the second only after an epoch of training
    pytest.param({}, {"callbacks": None}, TypeError, "callbacks", ("None",), id="callbacks-None"),
    pytest.param({}, {"callbacks": [3]}, TypeError, "callbacks", ("3",), id="callbacks-not-callable"),
    # early stopping on data too small for the held-out split
    pytest.param(
        {"early_stopping": True, "validation_fraction": 0.9},
        {},
        ValueError,
        "validation_fraction",
        ("0.9",),
        id="early_stopping-no-training-samples",
    ),
    pytest.param(
        {"early_stopping": True, "validation_fraction": 0.2},
        {},
        ValueError,
        "validation_fraction",
        ("0.2",),
        id="early_stopping-no-validation-samples",
    ),
]


@pytest.mark.parametrize(("model_kwargs", "train_kwargs", "exc_type", "name", "values"), TRAIN_CASES)
def test_bad_train_argument(model_kwargs, train_kwargs, exc_type, name, values):
    model = MLP([2, 3, 1], seed=0, **model_kwargs)
    X, y = TWO_POINTS if model.early_stopping else (X4, Y4)
    check_raises(exc_type, message(name, *values), model.train, X, y, **{"epochs": 2, **train_kwargs})


def test_valid_edge_arguments_are_accepted():
    """The checks above are not over-eager: None batch size, NumPy ints, tuples, arrays."""
    model = MLP(np.array([2, 3, 1]), "ReLU", np.float32(0.1), seed=np.int64(0))
    history = model.train(
        X4.tolist(), Y4.astype(bool), epochs=np.int64(2), batch_size=None, validation_data=[X4, Y4[:, None]]
    )
    assert history.n_epochs == 2
    assert model.predict(X4).shape == (4,)


# ------------------------------------------------------------- not fitted
NOT_FITTED_CASES = [
    pytest.param(lambda m: m.predict(X4), id="predict"),
    pytest.param(lambda m: m.predict_proba(X4), id="predict_proba"),
    pytest.param(lambda m: m.score(X4, Y4), id="score"),
    pytest.param(lambda m: m.predict([[NAN, 0.0]]), id="predict-bad-X"),
    pytest.param(lambda m: m.predict_proba(np.zeros((3, 2), dtype=np.float32)), id="predict_proba-float32-X"),
]


@pytest.mark.parametrize("layer_sizes", [[2, 3, 1], [2, 4, 3]], ids=["binary", "softmax"])
@pytest.mark.parametrize("call", NOT_FITTED_CASES)
def test_not_fitted(call, layer_sizes):
    model = MLP(layer_sizes, seed=0)
    error = check_raises(NotFittedError, r"train\(", call, model)
    assert isinstance(error, ValueError)


def test_not_fitted_after_a_failed_train():
    model = MLP([2, 3, 1], seed=0)
    check_raises(ValueError, message("y", "2"), model.train, X4, [0, 1, 2, 0])
    check_raises(NotFittedError, r"train\(", model.predict, X4)


# ---------------------------------------------------------------- datasets
DATASET_CASES = [
    pytest.param(make_spirals, {"n_samples": 1}, ValueError, "n_samples", ("1",), id="spirals-n-1"),
    pytest.param(make_spirals, {"n_samples": 0}, ValueError, "n_samples", ("0",), id="spirals-n-0"),
    pytest.param(make_spirals, {"n_samples": -4}, ValueError, "n_samples", ("-4",), id="spirals-n-negative"),
    pytest.param(make_spirals, {"n_samples": 2.5}, TypeError, "n_samples", ("2.5",), id="spirals-n-2.5"),
    pytest.param(make_spirals, {"n_samples": "a"}, TypeError, "n_samples", ("'a'",), id="spirals-n-str"),
    pytest.param(make_spirals, {"n_samples": True}, TypeError, "n_samples", ("True",), id="spirals-n-bool"),
    pytest.param(make_spirals, {"noise": -1}, ValueError, "noise", ("-1.0",), id="spirals-noise-negative"),
    pytest.param(make_spirals, {"noise": NAN}, ValueError, "noise", ("nan",), id="spirals-noise-nan"),
    pytest.param(make_spirals, {"noise": "0.1"}, TypeError, "noise", ("'0.1'",), id="spirals-noise-str"),
    pytest.param(make_spirals, {"seed": -1}, ValueError, "seed", ("-1",), id="spirals-seed-negative"),
    pytest.param(make_spirals, {"seed": "0"}, TypeError, "seed", ("'0'",), id="spirals-seed-str"),
    *(
        pytest.param(
            train_val_split,
            {"X": X4, "y": Y4, "val_fraction": f},
            ValueError,
            "val_fraction",
            (text,),
            id=f"split-fraction-{text}",
        )
        for f, text in [(0, "0.0"), (1, "1.0"), (-0.1, "-0.1"), (1.5, "1.5"), (NAN, "nan"), (INF, "inf")]
    ),
    pytest.param(
        train_val_split,
        {"X": X4, "y": Y4, "val_fraction": "0.2"},
        TypeError,
        "val_fraction",
        ("'0.2'",),
        id="split-fraction-str",
    ),
    pytest.param(
        train_val_split,
        {"X": X4, "y": Y4, "val_fraction": None},
        TypeError,
        "val_fraction",
        ("None",),
        id="split-fraction-None",
    ),
    pytest.param(train_val_split, {"X": X4, "y": Y4[:3]}, ValueError, "y", ("(3,)",), id="split-y-short"),
    pytest.param(
        train_val_split,
        {"X": [[NAN, 0.0], [1.0, 1.0]], "y": [0, 1]},
        ValueError,
        "X",
        ("nan",),
        id="split-X-nan",
    ),
    pytest.param(
        train_val_split,
        {"X": [[0.0, 1.0]], "y": [0]},
        ValueError,
        "X",
        ("2 samples", "1"),
        id="split-one-sample",
    ),
]


@pytest.mark.parametrize(("function", "kwargs", "exc_type", "name", "values"), DATASET_CASES)
def test_bad_dataset_argument(function, kwargs, exc_type, name, values):
    check_raises(exc_type, message(name, *values), function, **kwargs)


# ------------------------------------------------------------- set_weights
def _weights_with(index: int, value):
    model = MLP([2, 3, 1], seed=1)
    weights = [w.copy() for w in model.weights]
    weights[index] = value
    return weights, [b.copy() for b in model.biases]


SET_WEIGHTS_CASES = [
    pytest.param((None, [np.zeros(3), np.zeros(1)]), {}, TypeError, "weights", ("None",), id="weights-None"),
    pytest.param(
        _weights_with(0, np.zeros((2, 3))),
        {},
        ValueError,
        "weights[0]",
        ("(3, 2)", "(2, 3)"),
        id="weights-transposed",
    ),
    pytest.param(
        _weights_with(1, [[NAN, 0.0, 0.0]]), {}, ValueError, "weights[1]", ("nan",), id="weights-nan"
    ),
    pytest.param(_weights_with(1, "abc"), {}, TypeError, "weights[1]", ("'abc'",), id="weights-str"),
    pytest.param(
        _weights_with(0, [[1.0, 2.0], [3.0], [4.0, 5.0]]),
        {},
        ValueError,
        "weights[0]",
        ("inhomogeneous",),
        id="weights-ragged",
    ),
    pytest.param(
        _weights_with(1, [[1j, 0.0, 0.0]]), {}, TypeError, "weights[1]", ("complex",), id="weights-complex"
    ),
    # a complex array must not lose its imaginary part silently (NumPy's ComplexWarning)
    pytest.param(
        _weights_with(1, np.array([[1j, 0.0, 0.0]])),
        {},
        TypeError,
        "weights[1]",
        ("complex",),
        id="weights-complex-array",
    ),
    pytest.param(
        _weights_with(1, [[1e300, 0.0, 0.0]]),
        {"dtype": np.float32},
        ValueError,
        "weights[1]",
        ("1e+300",),
        id="weights-float32-overflow",
    ),
]


@pytest.mark.parametrize(("weights_biases", "model_kwargs", "exc_type", "name", "values"), SET_WEIGHTS_CASES)
def test_bad_set_weights(weights_biases, model_kwargs, exc_type, name, values):
    model = MLP([2, 3, 1], seed=0, **model_kwargs)
    before = snapshot(model)
    check_raises(exc_type, message(name, *values), model.set_weights, *weights_biases)
    assert_same_params(model, before)  # nothing half-copied
    check_raises(NotFittedError, r"train\(", model.predict, X4)


# ---------------------------------------------------- failed calls do no work
NO_WORK_CASES = [
    pytest.param({}, X4, [0, 1, 2, 0], {}, "y", id="y-label-2"),
    pytest.param({}, X4, [0, NAN, 1, 0], {}, "y", id="y-nan"),
    pytest.param({}, X4, [0, 1, 1], {}, "y", id="y-length"),
    pytest.param({}, [[0.0, 0.0], [0.0, INF], [1.0, 0.0], [1.0, 1.0]], Y4, {}, "X", id="X-inf"),
    pytest.param({}, np.zeros((4, 3)), Y4, {}, "X", id="X-features"),
    pytest.param({}, X4, Y4, {"epochs": 0}, "epochs", id="epochs-0"),
    pytest.param({}, X4, Y4, {"batch_size": 0}, "batch_size", id="batch_size-0"),
    pytest.param({}, X4, Y4, {"verbose": "yes"}, "verbose", id="verbose-str"),
    pytest.param(
        {}, X4, Y4, {"validation_data": (X4, [0, 1, 2, 0])}, "validation_data[1]", id="validation_data-y"
    ),
    pytest.param(
        {"early_stopping": True, "optimizer": "adam"}, X4, [0, 1, 1, 5], {}, "y", id="early_stopping-adam-y"
    ),
    pytest.param({}, X4, Y4, {"callbacks": [3]}, "callbacks", id="callbacks-not-callable"),
]


@pytest.mark.parametrize("pretrained", [False, True], ids=["fresh", "pretrained"])
@pytest.mark.parametrize(("model_kwargs", "X", "y", "train_kwargs", "name"), NO_WORK_CASES)
def test_failed_train_does_no_work(model_kwargs, X, y, train_kwargs, name, pretrained):
    """A refused train() leaves weights, history, optimiser and random streams untouched."""
    good = {"epochs": 3, "batch_size": 2}
    model, twin = MLP([2, 3, 1], seed=0, **model_kwargs), MLP([2, 3, 1], seed=0, **model_kwargs)
    if pretrained:
        model.train(X4, Y4, **good)
        twin.train(X4, Y4, **good)
    before, history, n_steps = snapshot(model), model.history, model.optimizer.n_steps

    with pytest.raises((ValueError, TypeError)) as info:
        model.train(X, y, **{"epochs": 2, "batch_size": 2, **train_kwargs})

    assert_same_params(model, before)
    assert model.history is history
    assert model.optimizer.n_steps == n_steps
    if not pretrained:
        assert model.history is None
        check_raises(NotFittedError, r"train\(", model.predict, X4)
    assert re.search(message(name), str(info.value)), f"{name!r} not named in {str(info.value)!r}"
    # the shuffle stream and the optimiser state were not consumed either
    model.train(X4, Y4, **good)
    twin.train(X4, Y4, **good)
    assert_same_params(model, snapshot(twin))
    assert model.history.train_loss == twin.history.train_loss


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda m: m._forward([[NAN, 0.0]]), id="_forward"),
        pytest.param(lambda m: m.predict(np.zeros((4, 3))), id="predict"),
        pytest.param(lambda m: m.predict_proba([0.0, 1.0]), id="predict_proba"),
        pytest.param(lambda m: m.score(X4, [0, 1, 2, 0]), id="score"),
        pytest.param(lambda m: m._backward(X4, [0, 1, 2, 0]), id="_backward"),
    ],
)
def test_failed_inference_keeps_forward_cache(call):
    """After _forward(X), a refused call does not disturb the cache _backward(X, y) needs."""
    model, twin = fitted(), fitted()
    model._forward(X4)
    twin._forward(X4)
    with pytest.raises(ValueError, match=r"(?<!\w)[Xy](?!\w)"):
        call(model)
    for got, want in zip(model._backward(X4, Y4), twin._backward(X4, Y4)):
        for g, w in zip(got, want):
            np.testing.assert_array_equal(g, w)
    check_raises(ValueError, r"_forward\(X\)", fitted()._backward, X4, Y4)
