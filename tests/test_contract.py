"""The core API keeps its contract (issue 11, part 3).

Each case of the adversarial review, and the further ones found while fixing
them, either raises the *exact* ``ValueError``/``TypeError`` with a message
naming the argument and the value, or behaves correctly (then the test shows
the behaviour). Helpers as in ``test_bad_input.py``.
"""

from __future__ import annotations

import copy
import functools
import gc
import pickle
import re
import time

import numpy as np
import pytest

from mlplab import MLP, gradient_check
from mlplab.datasets import MAX_SAMPLES, make_spirals, train_val_split
from mlplab.model import Model
from mlplab.nn import SGD, Adam, EarlyStopping, History, Network, Optimizer
from mlplab.nn.gradcheck import EPS_RANGE
from mlplab.nn.heads import Head
from mlplab.nn.network import MAX_PARAMETER_BYTES
from mlplab.nn.training import fit
from mlplab.trace import SHEET_EXAMPLE, sheet_trace, trace_pass
from test_bad_input import check_raises, fitted  # the bad-input tests' helpers, shared

X4 = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y4 = np.array([0, 1, 1, 0])
NAN, INF = float("nan"), float("inf")


def message(name: str, *values: str) -> str:
    """Regex: ``name`` as a whole word, then each value text literally, in order."""
    pattern = r"(?s)(?<![\w.])" + re.escape(name) + r"(?![\w\[])"
    for value in values:
        pattern += r".*" + re.escape(value)
    return pattern


def zeros_like_model(model: MLP):
    return [np.zeros(w.shape) for w in model.weights], [np.zeros(b.shape) for b in model.biases]


# ------------------------------------------------------------ masked arrays
def test_masked_X_is_refused_not_unmasked():
    masked = np.ma.masked_array(X4, mask=[[True, False]] * 4)
    check_raises(TypeError, message("X", "masked array"), fitted().predict, masked)
    check_raises(TypeError, message("X", "masked array"), MLP([2, 3, 1], seed=0).train, masked, Y4, epochs=1)
    rows = [np.ma.masked_array([0.0, 1.0], mask=[True, False])] * 4  # a list of masked rows too
    check_raises(TypeError, message("X", "masked array"), fitted().predict, rows)


def test_masked_labels_and_weights_are_refused():
    y = np.ma.masked_array(Y4, mask=[True, False, False, False])
    check_raises(TypeError, message("y", "masked array"), MLP([2, 3, 1], seed=0).train, X4, y, epochs=1)
    check_raises(TypeError, message("y", "masked array"), train_val_split, X4, y)
    model = MLP([2, 3, 1], seed=0)
    weights, biases = zeros_like_model(model)
    weights[0] = np.ma.zeros((3, 2))
    check_raises(TypeError, message("weights[0]", "masked array"), model.set_weights, weights, biases)


# ----------------------------------------------------------- timedelta64
def test_timedelta_data_labels_and_weights_are_refused():
    check_raises(TypeError, message("X", "timedelta64"), fitted().predict, X4.astype("m8[s]"))
    model = MLP([2, 3, 1], seed=0)
    check_raises(TypeError, message("y", "timedelta64"), model.train, X4, Y4.astype("m8[s]"), epochs=1)
    weights, biases = zeros_like_model(model)
    weights[0] = weights[0].astype("m8[s]")
    check_raises(TypeError, message("weights[0]", "timedelta64"), model.set_weights, weights, biases)
    check_raises(TypeError, message("X", "datetime64"), fitted().predict, X4.astype("M8[s]"))


# ------------------------------------------------------------------ dtype
@pytest.mark.parametrize("build", [MLP, Model, Network], ids=["MLP", "Model", "Network"])
def test_dtype_none_is_refused(build):
    check_raises(TypeError, message("dtype", "None"), build, [2, 3, 1], dtype=None)


@pytest.mark.parametrize("dtype", [">f8", ">f4"] if np.little_endian else ["<f8", "<f4"])
def test_non_native_dtype_names_the_byte_order(dtype):
    error = check_raises(ValueError, message("dtype", repr(dtype)), MLP, [2, 3, 1], dtype=dtype)
    assert "endian" in str(error)
    assert "got float64" not in str(error).split("(")[0]


# ------------------------------------------------------------ set_weights
def test_set_weights_refuses_a_flat_vector_for_a_matrix():
    model = MLP([2, 3, 1], seed=0)
    weights, biases = zeros_like_model(model)
    weights[0] = np.zeros(6)
    check_raises(ValueError, message("weights[0]", "(3, 2)", "(6,)"), model.set_weights, weights, biases)
    weights[0] = np.zeros((3, 2))
    weights[1] = np.zeros(3)  # the sheet's w^(3): a vector for the one-unit output layer is fine
    model.set_weights(weights, biases)
    assert model.weights[1].shape == (1, 3)


# ------------------------------------------------------ weights[l] = W
def test_assigning_a_weight_item_writes_into_the_model():
    model = fitted()
    W = np.arange(6.0).reshape(3, 2)
    model.weights[0] = W
    np.testing.assert_array_equal(model.network.params[:6], W.ravel())  # the model sees it
    assert model.weights[0] is not W
    assert np.shares_memory(model.weights[0], model.network.params)
    model.biases[1] = 0.5  # a number for a one-unit bias
    assert model.network.biases[1][0] == 0.5
    twin = MLP([2, 3, 1], seed=0).set_weights(
        [w.copy() for w in model.weights], [b.copy() for b in model.biases]
    )
    np.testing.assert_array_equal(model.predict_proba(X4), twin.predict_proba(X4))


def test_assigning_a_weight_item_is_checked():
    model = fitted()
    before = model.network.params.copy()
    check_raises(
        ValueError, message("weights[0]", "(3, 2)", "(2, 3)"), model.weights.__setitem__, 0, np.ones((2, 3))
    )
    check_raises(ValueError, message("weights[1]", "nan"), model.weights.__setitem__, -1, [[0.0, NAN, 0.0]])
    check_raises(TypeError, message("weights[...]", "slice"), model.weights.__setitem__, slice(0, 2), [])
    np.testing.assert_array_equal(model.network.params, before)


# ------------------------------------------------------------------- init
@pytest.mark.parametrize(
    ("init", "text"),
    [
        pytest.param(lambda weight, rng: None, "nan", id="fills-nothing"),
        pytest.param(lambda weight, rng: weight.fill(NAN), "nan", id="fills-nan"),
        pytest.param(lambda weight, rng: weight.fill(-INF), "-inf", id="fills-inf"),
        pytest.param(lambda weight, rng: rng.normal(size=weight.shape), "returned an array", id="returns"),
    ],
)
def test_init_must_fill_finite_numbers(init, text):
    check_raises(ValueError, message("init", "weights[0]", text), MLP, [2, 3, 1], init=init)


def test_init_too_large_for_float32():
    init = lambda weight, rng: weight.fill(1e300)  # noqa: E731
    check_raises(ValueError, message("init", "float32"), MLP, [2, 3, 1], init=init, dtype=np.float32)


@pytest.mark.parametrize("init", [len, lambda weight: None, lambda: None], ids=["len", "one-arg", "no-arg"])
def test_init_of_the_wrong_signature(init):
    check_raises(TypeError, message("init", "two positional arguments"), MLP, [2, 3, 1], init=init)


@pytest.mark.parametrize("opaque", [dict, type], ids=["dict", "type"])
def test_a_callable_without_a_signature_is_refused_as_init_and_as_callback(opaque):
    check_raises(TypeError, message("init", "signature can be inspected"), MLP, [2, 3, 1], init=opaque)
    model = MLP([2, 3, 1], seed=0)
    check_raises(TypeError, message("callbacks[0]", "signature can be inspected"), model.train, X4, Y4,
                 epochs=2, callbacks=[opaque])  # fmt: skip
    assert model.history is None


def test_a_failed_initialisation_changes_nothing():
    model = fitted()
    before = model.network.params.copy()
    with pytest.raises(ValueError, match="init"):
        model.network.initialize(np.random.default_rng(0), lambda weight, rng: None)
    np.testing.assert_array_equal(model.network.params, before)


# -------------------------------------------------------- shared optimiser
def test_one_optimiser_cannot_serve_two_models():
    optimizer = Adam(0.01)
    first = MLP([2, 3, 1], optimizer=optimizer, seed=0)
    first.train(X4, Y4, epochs=3)
    state = {k: v.copy() for k, v in optimizer.state().items()}
    check_raises(
        ValueError, message("optimizer", "Adam", "another model"), MLP, [2, 3, 1], optimizer=optimizer
    )
    check_raises(ValueError, message("optimizer", "another model"), Model, [2, 3, 1], optimizer=optimizer)
    assert optimizer.n_steps == 3  # the refused model reset nothing
    for name, array in optimizer.state().items():
        np.testing.assert_array_equal(array, state[name])


def test_an_optimiser_is_free_again_once_its_model_is_gone_and_copies_are_unbound():
    optimizer = SGD(0.1)
    model = MLP([2, 3, 1], optimizer=optimizer, seed=0)
    twin = copy.deepcopy(model)  # the copy's optimiser is a copy, bound to the copy on fit
    twin.train(X4, Y4, epochs=2)
    model.train(X4, Y4, epochs=2)
    np.testing.assert_array_equal(twin.network.params, model.network.params)
    pickle.loads(pickle.dumps(model)).train(X4, Y4, epochs=1)
    del model, twin
    gc.collect()
    MLP([2, 3, 1], optimizer=optimizer, seed=0).train(X4, Y4, epochs=1)


# ------------------------------------------------- NaN through a weight view
@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda m: m.predict(X4), id="predict"),
        pytest.param(lambda m: m.predict_proba(X4), id="predict_proba"),
        pytest.param(lambda m: m.score(X4, Y4), id="score"),
        pytest.param(lambda m: m._forward(X4), id="_forward"),
        pytest.param(lambda m: m.train(X4, Y4, epochs=1), id="train"),
        pytest.param(lambda m: m.model.data_loss(X4, Y4), id="data_loss"),
        pytest.param(lambda m: gradient_check(m, X4, Y4), id="gradient_check"),
    ],
)
def test_a_nan_written_through_a_view_is_refused_naming_the_layer(call):
    model = fitted()
    model.weights[1][0, 1] = NAN
    before = model.network.params.copy()
    check_raises(ValueError, message("weights[1]", "nan", "(0, 1)"), call, model)
    np.testing.assert_array_equal(model.network.params, before)
    assert model.history is None


def test_an_inf_bias_is_named_too():
    model = fitted()
    model.biases[0][2] = -INF
    check_raises(ValueError, message("biases[0]", "-inf", "(2,)"), model.predict, X4)


# ------------------------------------------------------ stale forward cache
def _forward_then(change):
    model = fitted()
    model._forward(X4)
    change(model)
    return model


@pytest.mark.parametrize(
    ("change", "X", "text"),
    [
        pytest.param(lambda m: None, X4[::-1], "different X", id="other-X-same-rows"),
        pytest.param(lambda m: None, X4[:2], "2", id="other-row-count"),
        pytest.param(
            lambda m: m.set_weights([np.ones((3, 2)), np.ones((1, 3))], [np.zeros(3), np.zeros(1)]),
            X4,
            "weights changed",
            id="after-set_weights",
        ),
        pytest.param(lambda m: m.weights[0].__setitem__((0, 0), 5.0), X4, "weights changed", id="after-view"),
        pytest.param(lambda m: gradient_check(m, X4, Y4), X4, "overwritten", id="after-gradient_check"),
        pytest.param(lambda m: m.train(X4, Y4, epochs=1), X4, "_forward", id="after-train"),
    ],
)
def test_a_stale_forward_cache_is_never_used(change, X, text):
    model = _forward_then(change)
    check_raises(ValueError, message("_backward", text), model._backward, X, Y4)


def test_changing_X_in_place_or_reinitialising_after_forward_is_detected():
    model = fitted()
    X = X4.copy()
    model._forward(X)
    X[0, 0] = 5.0  # the caller's array, changed in place
    check_raises(ValueError, message("_backward", "different X"), model._backward, X, Y4)
    model._forward(X4)
    model._initialize_weights()
    check_raises(ValueError, message("_backward", "weights changed"), model._backward, X4, Y4)


def test_a_valid_cache_still_gives_the_gradients_twice_and_for_an_equal_copy_of_X():
    model = fitted()
    model._forward(X4)
    first = model._backward(X4, Y4)
    second = model._backward(X4.copy(), Y4)
    model.predict(X4)  # predicting does not touch the cache
    third = model._backward(X4, Y4)
    for a, b, c in zip(first[0] + first[1], second[0] + second[1], third[0] + third[1]):
        np.testing.assert_array_equal(a, b)
        np.testing.assert_array_equal(a, c)


# ------------------------------------------------------- float overflow
@pytest.mark.parametrize(
    ("build", "name"),
    [
        pytest.param(lambda: MLP([2, 3, 1], learning_rate=10**400), "learning_rate", id="MLP-learning_rate"),
        pytest.param(lambda: Adam(10**400), "learning_rate", id="Adam"),
        pytest.param(lambda: setattr(MLP([2, 3, 1]), "learning_rate", 10**400), "learning_rate", id="setter"),
        pytest.param(lambda: MLP([2, 3, 1], l2=10**400), "l2", id="l2"),
        pytest.param(
            lambda: MLP([2, 3, 1], validation_fraction=10**400), "validation_fraction", id="fraction"
        ),
        pytest.param(lambda: EarlyStopping(min_delta=10**400), "min_delta", id="min_delta"),
        pytest.param(lambda: make_spirals(10, noise=10**400), "noise", id="noise"),
        pytest.param(lambda: gradient_check(fitted(), X4, Y4, eps=10**400), "eps", id="eps"),
    ],
)
def test_an_int_too_large_for_a_float_is_named(build, name):
    check_raises(ValueError, message(name, "1000000", "too large for a float"), build)


# ------------------------------------------------------ memory before allocation
@pytest.mark.parametrize("sizes", [[2, 10**30, 1], [2, 10**7, 10**7, 1], [10**5, 10**5, 10**5]])
def test_parameter_memory_is_checked_before_allocation(sizes):
    start = time.perf_counter()
    check_raises(ValueError, message("layer_sizes", str(sizes[1]), "MAX_PARAMETER_BYTES"), MLP, sizes)
    assert time.perf_counter() - start < 1.0  # nothing was allocated


def test_the_parameter_cap_counts_bytes_of_the_dtype():
    n_inputs = MAX_PARAMETER_BYTES // 4 // 2  # [n, 2]: 3n + 2 parameters, over the cap in float32 and float64
    for dtype in (np.float32, np.float64):
        error = check_raises(
            ValueError, message("layer_sizes", str(n_inputs)), Network, [n_inputs, 2], dtype=dtype
        )
        assert np.dtype(dtype).name in str(error)


def test_make_spirals_is_capped():
    check_raises(ValueError, message("n_samples", "MAX_SAMPLES", "1000000000000"), make_spirals, 10**12)
    check_raises(ValueError, message("n_samples", str(MAX_SAMPLES + 1)), make_spirals, MAX_SAMPLES + 1)


# -------------------------------------------------------------- callbacks
@pytest.mark.parametrize(
    "callback",
    [
        pytest.param(lambda epoch: None, id="one-argument"),
        pytest.param(lambda: None, id="no-argument"),
        pytest.param(lambda epoch, history, extra: None, id="three-arguments"),
        pytest.param(lambda epoch, history, *, flag: None, id="required-keyword"),
    ],
)
def test_a_callback_of_the_wrong_signature_is_refused_before_training(callback):
    model = MLP([2, 3, 1], seed=0)
    before = model.network.params.copy()
    check_raises(TypeError, message("callbacks[1]", "two positional"), model.train, X4, Y4, epochs=2,
                 callbacks=[lambda e, h: None, callback])  # fmt: skip
    np.testing.assert_array_equal(model.network.params, before)
    assert model.history is None


def test_callbacks_of_fitting_signatures_are_accepted():
    class Counter:
        def __init__(self):
            self.calls = 0

        def __call__(self, epoch, history, extra=None):
            self.calls += 1

    counter = Counter()
    MLP([2, 3, 1], seed=0).train(X4, Y4, epochs=2, callbacks=[counter, lambda *args: None])
    assert counter.calls == 2


def test_a_raising_callback_keeps_the_history():
    model = MLP([2, 3, 1], seed=0)

    def boom(epoch, history):
        if epoch == 3:
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        model.train(X4, Y4, epochs=10, callbacks=[boom])
    assert isinstance(model.history, History)
    assert model.history.n_epochs == 3
    assert model.model.fitted  # the weights of epoch 3: usable
    model.predict(X4)


def test_ctrl_c_raised_inside_a_callback_keeps_the_history():
    model = MLP([2, 3, 1], seed=0)

    def interrupt(epoch, history):
        if epoch == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        model.train(X4, Y4, epochs=10, callbacks=[interrupt])
    assert model.history.n_epochs == 2


def test_a_partial_callback_that_binds_two_arguments_is_accepted():
    def three(scale, epoch, history):
        pass

    MLP([2, 3, 1], seed=0).train(X4, Y4, epochs=1, callbacks=[functools.partial(three, 2.0)])


def test_fit_refuses_a_used_history():
    network = Network([2, 3, 1])
    model = Model([2, 3, 1], seed=0)
    used = History(train_loss=[1.0])
    check_raises(ValueError, message("history", "n_epochs=1"), fit, network, model.loss, SGD(0.1), X4,
                 model.head.encode(Y4), epochs=1, batch_size=None, rng=np.random.default_rng(0),
                 history=used)  # fmt: skip


# ------------------------------------------------------ abstract classes
def test_the_abstract_optimizer_cannot_be_built():
    check_raises(TypeError, message("Optimizer", "abstract", "sgd"), Optimizer)

    class NoStep(Optimizer):
        name = "nostep"

    check_raises(TypeError, message("NoStep", "abstract"), NoStep, 0.1)


def test_an_optimiser_subclass_that_skips_the_base_init_still_binds():
    class Bare(SGD):
        def __init__(self):
            self._learning_rate, self.n_steps, self._scratch = 0.1, 0, None

    Model([2, 3, 1], optimizer=Bare(), seed=0).fit(X4, Y4, epochs=1)


def test_an_abstract_head_is_refused():
    check_raises(TypeError, message("head", "abstract"), Model, [2, 3, 1], head=Head(1))


# ---------------------------------------------------------- gradient check
@pytest.mark.parametrize("eps", [1e-300, 1e-9, 0.1, 1.0])
def test_gradient_check_refuses_steps_that_would_misjudge_a_correct_model(eps):
    check_raises(ValueError, message("eps", repr(eps)), gradient_check, fitted(), X4, Y4, eps=eps)


@pytest.mark.parametrize("eps", EPS_RANGE)
def test_gradient_check_passes_a_correct_model_at_both_ends_of_the_range(eps):
    model = MLP([2, 4, 1], "tanh", seed=0)
    assert gradient_check(model, X4, Y4, eps=eps).passed()


# --------------------------------------------------------------- trace_pass
W, B = SHEET_EXAMPLE["weights"], SHEET_EXAMPLE["biases"]


@pytest.mark.parametrize(
    ("weights", "biases", "x", "y", "error", "name", "text"),
    [
        pytest.param(W, B, [NAN, 0.8], 1, ValueError, "x", "nan", id="x-nan"),
        pytest.param(W, B, [0.5, INF], 1, ValueError, "x", "inf", id="x-inf"),
        pytest.param(
            [[[INF, 0.1]] * 3, *W[1:]], B, [0.5, 0.8], 1, ValueError, "weights[0]", "inf", id="w-inf"
        ),
        pytest.param(W, [B[0], [NAN, 0.0], B[2]], [0.5, 0.8], 1, ValueError, "biases[1]", "nan", id="b-nan"),
        pytest.param(W, B, [0.5, 0.8], NAN, ValueError, "y", "nan", id="y-nan"),
        pytest.param("ab", B, [0.5, 0.8], 1, TypeError, "weights", "'ab'", id="weights-str"),
        pytest.param(W, None, [0.5, 0.8], 1, TypeError, "biases", "None", id="biases-None"),
        pytest.param(W, B, "ab", 1, TypeError, "x", "<U2", id="x-str"),
        pytest.param([[["a", "b"]], *W[1:]], B, [0.5, 0.8], 1, TypeError, "weights[0]", "<U1", id="w-str"),
        pytest.param(
            [np.zeros((3, 2, 1)), *W[1:]], B, [0.5, 0.8], 1, ValueError, "weights[0]", "(3, 2, 1)", id="w-3d"
        ),
        pytest.param(W, B[:2], [0.5, 0.8], 1, ValueError, "weights", "3 and 2", id="lengths"),
    ],
)
def test_trace_pass_checks_every_argument(weights, biases, x, y, error, name, text):
    check_raises(error, message(name, text), trace_pass, weights, biases, x, y)


def test_the_sheet_trace_is_unchanged():
    assert sheet_trace()["loss"] == pytest.approx(0.5063494925286114, abs=1e-15)


# ---------------------------------------------------------------- reprs
def test_history_repr_stays_short():
    n = 5000
    history = History(train_loss=[0.5] * n, val_loss=[0.4] * n, train_metrics={"accuracy": [1.0] * n},
                      val_metrics={"accuracy": [1.0] * n}, best_epoch=7, best_val_loss=0.4)  # fmt: skip
    text = repr(history)
    assert len(text) < 200
    assert "n_epochs=5000" in text
    assert "best_epoch=7" in text
    assert repr(History()) == "History(n_epochs=0, train_loss=[])"


def test_model_reprs_stay_short():
    model = MLP([2, 500, 500, 1], seed=0)
    model.train(X4, Y4, epochs=3)
    for value in (model, model.model, model.history, model.network, model.weights, model.optimizer):
        assert len(repr(value)) < 300, type(value).__name__


def test_long_values_are_cut_in_messages():
    error = check_raises(TypeError, message("activation"), MLP, [2, 3, 1], activation=list(range(10**4)))
    assert len(str(error)) < 200


# ------------------------------------------------- the scikit-learn face
@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")  # max_iter=1
def test_the_estimator_refuses_masked_and_time_data_before_converting():
    pytest.importorskip("sklearn")
    from mlplab import MLPClassifier

    masked = np.ma.masked_array(X4, mask=[[True, False]] * 4)
    check_raises(TypeError, message("X", "masked array"), MLPClassifier((3,), max_iter=1).fit, masked, Y4)
    check_raises(
        TypeError, message("X", "timedelta64"), MLPClassifier((3,), max_iter=1).fit, X4.astype("m8[s]"), Y4
    )
    y = np.ma.masked_array(Y4, mask=[True, False, False, False])
    check_raises(TypeError, message("y", "masked array"), MLPClassifier((3,), max_iter=1).fit, X4, y)
    model = MLPClassifier((3,), max_iter=1).fit(X4, Y4.astype("M8[D]"))  # dates are labels like any other
    check_raises(TypeError, message("X", "masked array"), model.predict, masked)


def test_setting_a_models_optimizer_binds_the_new_one_and_frees_the_old():
    old, new = SGD(0.1), Adam(0.01)
    model = Model([2, 3, 1], optimizer=old, seed=0)
    model.optimizer = new
    model.fit(X4, Y4, epochs=1)
    assert new.n_steps == 1
    Model([2, 3, 1], optimizer=old, seed=0)  # free again
    check_raises(ValueError, message("optimizer", "another model"), Model, [2, 3, 1], optimizer=new)
    check_raises(TypeError, message("optimizer", "'adam'"), setattr, model, "optimizer", "adam")


@pytest.mark.parametrize(
    ("kwargs", "error", "name", "text"),
    [
        pytest.param({"digits": -1}, ValueError, "digits", "-1", id="digits-negative"),
        pytest.param({"digits": 10**6}, ValueError, "digits", "1000000", id="digits-huge"),
        pytest.param({"digits": "a"}, TypeError, "digits", "'a'", id="digits-str"),
        pytest.param({"digits": True}, TypeError, "digits", "True", id="digits-bool"),
        pytest.param({"fmt": None}, TypeError, "fmt", "None", id="fmt-None"),
    ],
)
def test_format_trace_checks_its_options(kwargs, error, name, text):
    from mlplab.trace import format_trace

    check_raises(error, message(name, text), format_trace, sheet_trace(), **kwargs)


def test_reprs_of_a_very_deep_model_stay_short():
    model = MLP([2] + [2] * 3000 + [1], seed=0)
    result = gradient_check(MLP([2, 3, 1], seed=0), X4, Y4)
    for value in (model, model.model, model.network, model.weights, model.biases, result):
        assert len(repr(value)) < 200, type(value).__name__
    assert repr(MLP([2, 3, 1])).startswith("MLP([2, 3, 1], ")  # short lists as before


def test_make_spirals_refuses_a_noise_that_overflows():
    check_raises(
        ValueError, message("noise", "1e+308", "overflow"), make_spirals, 10, noise=1e308, seed=0
    )  # seed 0 draws |z| > 1.8


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: make_spirals(10**400), id="make_spirals"),
        pytest.param(lambda: fitted().set_weights(10**400, []), id="set_weights"),
        pytest.param(lambda: MLP([2, 3, 1], init=[0] * 10**4), id="init"),
        pytest.param(lambda: Model([2, 3, 1], loss="x" * 10**4), id="loss"),
    ],
)
def test_messages_cut_long_values(call):
    with pytest.raises((ValueError, TypeError)) as info:
        call()
    assert len(str(info.value)) < 300


def test_every_public_name_resolves_and_all_lists_exactly_the_lazy_exports():
    import mlplab

    for name in mlplab.__all__:
        assert getattr(mlplab, name) is not None, name
    assert set(mlplab.__all__) == set(mlplab._EXPORTS) - {"MLPClassifier", "MLPRegressor", "register"} | {
        "__version__"
    }
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        mlplab.nope  # noqa: B018
