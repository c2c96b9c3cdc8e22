"""The convention detector: every storage style found, converted both ways, gradients as the reference's.

Each student class of :mod:`tests.grade._b_students` stores its weights in
its own way; :func:`detect` must find the layout on the probe ``[3, 5, 4, 1]``
and then read and write any other size (here ``[2, 6, 3, 1]``) exactly, and
hand back gradients equal to mlplab's own :class:`~mlplab.MLP` to 1e-12.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from mlplab import MLP
from mlplab.grade.conventions import FEATURES, GradientShapeError, Student, detect

from . import _b_students as S

SIZES = [2, 6, 3, 1]  # not the probe's sizes: the layout must be a pattern, not fixed shapes


def _own_params(model):
    """What each class holds, converted by hand to canonical W (n_out, n_in), b (n_out,)."""
    if isinstance(model, S.DictMLP):
        n = model.L
        return (
            [model.params[f"W{k}"].T for k in range(1, n + 1)],
            [model.params[f"b{k}"].reshape(-1) for k in range(1, n + 1)],
        )
    if isinstance(model, S.NotebookMLP):
        return list(model.W), [b.reshape(-1) for b in model.b]
    if isinstance(model, S.AttributesMLP):
        return model._canonical()
    if isinstance(model, S.LayerObjectsMLP):
        return [layer.W for layer in model.layers], [layer.b for layer in model.layers]
    if isinstance(model, S.LayerDictsMLP):
        return [layer["W"].T for layer in model.layers], [layer["b"] for layer in model.layers]
    if isinstance(model, S.VectorOutputWeightMLP):
        return model._canonical()
    if isinstance(model, S.FlatParamsMLP):
        return model.params[0::2], [b.reshape(-1) for b in model.params[1::2]]
    if isinstance(model, S.CopyPropertyMLP):
        return list(model._W), list(model.biases)
    return list(model.weights), list(model.biases)


CONVENTIONS = {
    # class: phrases the feedback must show for weights, biases, gradients
    S.ListsMLP: ("list `weights`, W of shape (n_out, n_in)", "shape (n,)", "(dW list, db list)"),
    S.DictMLP: (
        "dict `params` W1…W3, W of shape (n_in, n_out)",
        "shape (1, n)",
        "`grads` as dW1…dW3, db1…db3",
    ),
    S.NotebookMLP: ("list `W`, W of shape (n_out, n_in)", "shape (n, 1)", "lists `dW` and `db`"),
    S.AttributesMLP: ("attributes W1…W3, W of shape (n_in, n_out)", "b1…b3", "a dict dW1…dW3, db1…db3"),
    S.PairsMLP: ("list `weights`", "list `biases`", "list of (dW, db) per layer"),
    S.FlatListMLP: ("list `weights`", "list `biases`", "one flat list (dW1, db1, dW2, db2, …)"),
    S.LayerObjectsMLP: ("`layers`, `.W` of each item", "`.b` of each item", "`layers[l].dW`, `layers[l].db`"),
    S.ColumnLabelsMLP: ("list `weights`", "list `biases`", "(dW list, db list)"),
    S.CopyPropertyMLP: ("list `_W`", "list `biases`", "(dW list, db list)"),
    S.LazyMLP: ("list `weights`", "list `biases`", "(dW list, db list)"),
    S.PositionalMLP: ("list `weights`", "list `biases`", "(dW list, db list)"),
    S.GradDictOfListsMLP: ("list `weights`", "list `biases`", "a dict of lists 'dW', 'db'"),
    S.GradDictWbMLP: ("list `weights`", "list `biases`", "a dict W1…W3, b1…b3"),
    S.ReversedGradientsMLP: ("list `weights`", "list `biases`", "reverse layer order"),
    S.LayerDictsMLP: (
        "`layers`, `['W']` of each item, W of shape (n_in, n_out)",
        "`['b']`",
        "`grads[l]['W']`",
    ),
    S.FlatParamsMLP: (
        "the even items (0, 2, …) of list `params`",
        "the odd items",
        "flat list (dW1, dW2, …, then db1",
    ),
    S.BestCopyMLP: ("list `weights`", "list `biases`", "(dW list, db list)"),
    S.VectorOutputWeightMLP: ("attributes W1…W3", "the last ()", "(dW list, db list)"),
    MLP: ("list `weights`, W of shape (n_out, n_in)", "shape (n,)", "(dW list, db list)"),
}


def _random(rng, sizes=SIZES):
    weights = [rng.normal(size=(o, i)) for i, o in itertools.pairwise(sizes)]
    return weights, [rng.normal(size=o) for o in sizes[1:]]


def _batch(rng, n=9):
    X = rng.normal(size=(n, SIZES[0]))
    y = (rng.random(n) < 0.5).astype(float)
    y[:2] = [0, 1]
    return X, y


def _reference(weights, biases, X, y):
    ref = MLP(SIZES, activation="tanh", seed=0).set_weights(weights, biases)
    y_hat = ref._forward(X).reshape(-1)
    d_weights, d_biases = ref._backward(X, y)
    return y_hat, d_weights, d_biases


@pytest.fixture(params=list(CONVENTIONS), ids=lambda cls: cls.__name__)
def convention(request):
    return request.param


def test_detect_finds_the_layout_and_says_which(convention):
    student = detect(convention)
    weights, biases, gradients = CONVENTIONS[convention]
    assert student.missing == {}
    assert weights in student.found["weights"]
    assert biases in student.found["biases"]
    assert gradients in student.found["gradients"]
    assert student.has("params")
    assert student.has("gradients")


def test_set_params_then_get_params_round_trips_for_other_sizes(convention):
    student, rng = detect(convention), np.random.default_rng(1)
    model = student.new(SIZES, activation="tanh")
    weights, biases = _random(rng)
    student.set_params(model, weights, biases)
    back_w, back_b = student.get_params(model)
    assert all(np.array_equal(a, b) for a, b in zip(back_w, weights))
    assert all(np.array_equal(a, b) for a, b in zip(back_b, biases))
    assert all(w.dtype == np.float64 and w.shape == (o, i) for w, i, o in zip(back_w, SIZES, SIZES[1:]))
    assert all(b.shape == (o,) for b, o in zip(back_b, SIZES[1:]))


def test_get_params_is_what_the_class_holds(convention):
    student = detect(convention)
    model = student.new(SIZES, activation="tanh")
    own_w, own_b = _own_params(model)
    got_w, got_b = student.get_params(model)
    assert all(np.array_equal(a, np.asarray(b)) for a, b in zip(got_w, own_w))
    assert all(np.array_equal(a, np.asarray(b)) for a, b in zip(got_b, own_b))
    got_w[0][...] = 123.0  # copies: the model is untouched
    assert not np.any(np.asarray(_own_params(model)[0][0]) == 123.0)


def test_set_params_changes_the_output_to_the_reference_and_gradients_match(convention):
    student, rng = detect(convention), np.random.default_rng(2)
    model = student.new(SIZES, activation="tanh")
    X, y = _batch(rng)
    before = student.forward(model, X)
    weights, biases = _random(rng)
    student.set_params(model, weights, biases)
    after = student.forward(model, X)
    y_hat, ref_w, ref_b = _reference(weights, biases, X, y)
    assert not np.allclose(before, after)
    assert after.shape == (X.shape[0],)
    np.testing.assert_allclose(after, y_hat, rtol=0, atol=1e-12)
    d_weights, d_biases = student.gradients(model, X, y)
    assert [g.shape for g in d_weights] == [w.shape for w in weights]
    assert [g.shape for g in d_biases] == [b.shape for b in biases]
    for got, want in zip(d_weights + d_biases, ref_w + ref_b):
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-12)


def test_set_params_writes_new_float64_arrays_in_the_students_shapes():
    student = detect(S.DictMLP)
    model = student.new(SIZES, activation="tanh")
    container = model.params
    old = model.params["W1"]
    student.set_params(model, *_random(np.random.default_rng(3), SIZES))
    assert model.params is container  # the same dict, new items
    assert model.params["W1"] is not old
    assert [model.params[f"W{k}"].shape for k in (1, 2, 3)] == [(2, 6), (6, 3), (3, 1)]
    assert [model.params[f"b{k}"].shape for k in (1, 2, 3)] == [(1, 6), (1, 3), (1, 1)]
    assert all(model.params[key].dtype == np.float64 for key in model.params)
    notebook = detect(S.NotebookMLP)
    model = notebook.new(SIZES)
    notebook.set_params(model, *_random(np.random.default_rng(3), SIZES))
    assert [b.shape for b in model.b] == [(6, 1), (3, 1), (1, 1)]


def test_set_params_on_mlplabs_own_mlp_writes_into_its_views():
    student = detect(MLP)
    model = student.new(SIZES, activation="tanh")
    weights, biases = _random(np.random.default_rng(4))
    student.set_params(model, weights, biases)
    assert np.array_equal(model.network.params[: 6 * 2], weights[0].ravel())  # the flat vector changed
    X = np.random.default_rng(5).normal(size=(4, 2))
    np.testing.assert_allclose(student.forward(model, X), _reference(weights, biases, X, np.ones(4))[0])


@pytest.mark.parametrize(
    ("cls", "shape"),
    [(S.ListsMLP, "(n,)"), (S.ColumnLabelsMLP, "(n, 1)"), (S.DictMLP, "(n, 1)"), (S.AttributesMLP, "(n,)")],
)
def test_the_label_shape_the_backward_pass_wants(cls, shape):
    student = detect(cls)
    assert student.found["labels"] == f"y of shape {shape}"
    assert student.labels([0, 1, 1]).shape == ((3,) if shape == "(n,)" else (3, 1))


def test_the_output_is_found_in_a_tuple_and_intermediates_are_canonical():
    student = detect(S.NotebookMLP)
    assert student.found["output"] == "ŷ is item 1 of the tuple _forward returns, shape (n, 1)"
    model = student.new(SIZES, activation="tanh")
    weights, biases = _random(np.random.default_rng(6))
    student.set_params(model, weights, biases)
    X = np.random.default_rng(7).normal(size=(5, 2))
    y_hat = student.forward(model, X)
    zs, activations = S.forward_pass(weights, biases, X, "tanh")
    np.testing.assert_allclose(y_hat, activations[-1].reshape(-1), atol=1e-12)
    inter = student.intermediates(model)
    assert sorted(inter) == ["a", "z"]
    assert [a.shape for a in inter["a"]] == [(5, 6), (5, 3), (5, 1)]  # X dropped
    for got, want in zip(inter["z"] + inter["a"], zs + activations[1:]):
        np.testing.assert_allclose(got, want, atol=1e-12)


def test_intermediates_from_a_cache_dict_drop_the_input():
    student = detect(S.DictMLP)
    model = student.new(SIZES, activation="tanh")
    X = np.random.default_rng(8).normal(size=(5, 2))
    student.forward(model, X)
    inter = student.intermediates(model)
    assert [z.shape for z in inter["z"]] == [(5, 6), (5, 3), (5, 1)]
    assert [a.shape for a in inter["a"]] == [(5, 6), (5, 3), (5, 1)]
    np.testing.assert_array_equal(inter["a"][0], model.cache["A1"])


def test_a_class_without_findable_weights_says_what_was_searched():
    student = detect(S.FlatVectorMLP)
    assert not student.has("params")
    assert not student.has("gradients")
    reason = student.missing["params"]
    assert "weights of [3, 5, 4, 1]" in reason
    assert "theta" in reason  # the attributes searched are named
    assert "weights" in student.missing["gradients"]


def test_a_transposed_gradient_raises_naming_the_layer_and_both_shapes():
    student = detect(S.TransposedGradientMLP)
    assert student.has("gradients")  # found by size; the shape is the student's mistake
    model = student.new(SIZES, activation="tanh")
    X, y = _batch(np.random.default_rng(9))
    expected = r"dW\(1\) has shape \(2, 6\); W\(1\) has shape \(6, 2\) \(the transpose\)"
    with pytest.raises(GradientShapeError, match=expected) as caught:
        student.gradients(model, X, y)
    assert isinstance(caught.value, ValueError)
    assert caught.value.layer == 1
    assert caught.value.name == "dW"
    assert [name for name, _ in caught.value.raw] == ["dW1", "dW2", "dW3", "db1", "db2", "db3"]
    assert caught.value.raw[1][1].shape == (6, 3)  # as found: the caller can diagnose the transpose
    assert [g.shape for g in caught.value.weight_grads] == [(2, 6), (6, 3), (3, 1)]
    assert [g.shape for g in caught.value.bias_grads] == [(6,), (3,), (1,)]


class _TransposedLayoutWrongGradient(S.DictMLP):
    """Stores W as (n_in, n_out) but hands back dW as (n_out, n_in): wrong for its own layout."""

    def _backward(self, X, y):
        super()._backward(X, y)
        for k in range(1, self.L + 1):
            self.grads[f"dW{k}"] = self.grads[f"dW{k}"].T


def test_a_gradient_transposed_against_the_students_own_layout_is_undone_in_the_error():
    student = detect(_TransposedLayoutWrongGradient)
    model = student.new(SIZES, activation="tanh")
    weights, biases = _random(np.random.default_rng(12))
    student.set_params(model, weights, biases)
    X, y = _batch(np.random.default_rng(13))
    with pytest.raises(GradientShapeError, match=r"dW\(1\) has shape \(6, 2\); W\(1\) has shape \(2, 6\)"):
        student.gradients(model, X, y)
    _, ref_w, _ = _reference(weights, biases, X, y)
    try:
        student.gradients(model, X, y)
    except GradientShapeError as error:
        undone = error.weight_grads
    np.testing.assert_allclose(undone[1], ref_w[1].T, atol=1e-12)  # what a diagnosis sees: the transpose


def test_a_property_handing_out_copies_is_not_taken_for_the_weights():
    student = detect(S.CopyPropertyMLP)
    assert "_W" in student.found["weights"]


def test_weights_made_by_initialize_weights_are_found_and_new_calls_it():
    student = detect(S.LazyMLP)
    assert student.initialize_after_new
    model = student.new(SIZES)
    assert [w.shape for w in student.get_params(model)[0]] == [(6, 2), (3, 6), (1, 3)]


def test_a_positional_constructor_is_called_positionally():
    student = detect(S.PositionalMLP)
    assert student.call_style == "positional"
    assert "positional" in student.found["constructor"]
    assert student.new(SIZES, "tanh", 0.5).learning_rate == 0.5


class _Broken:
    def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01):
        raise RuntimeError("boom")


class _BackwardRaises(S.ListsMLP):
    def _backward(self, X, y):
        raise ZeroDivisionError("no")


class _ForwardReturnsNone(S.ListsMLP):
    def _forward(self, X):
        super()._forward(X)
        self.output = self.activations[-1]


def test_detect_never_raises_and_says_why():
    student = detect(_Broken)
    assert set(student.missing) == {"params", "gradients"}
    assert "RuntimeError: boom" in student.missing["params"]
    student = detect(_BackwardRaises)
    assert student.has("params")
    assert not student.has("gradients")
    assert "ZeroDivisionError: no" in student.missing["gradients"]
    assert "(n, 1)" in student.missing["gradients"]  # both label shapes were tried
    with pytest.raises(ValueError, match="not found"):
        student.gradients(student.new(SIZES), *_batch(np.random.default_rng(0)))


def test_an_output_stored_on_the_object_is_found():
    student = detect(_ForwardReturnsNone)
    assert "stored in `output`" in student.found["output"]
    model = student.new(SIZES)
    X = np.random.default_rng(1).normal(size=(3, 2))
    assert student.forward(model, X).shape == (3,)


# ------------------------------------------------------------------------ bonus
def test_bonus_optimizer_strings_validated_by_the_constructor():
    student = detect(S.OptimizerStringMLP)
    assert all(student.has(f) for f in FEATURES)
    assert student.options("momentum", beta=0.5) == {"optimizer": "momentum", "beta": 0.5}
    assert student.options("l2", lam=0.01) == {"l2": 0.01}
    assert student.options("adaptive", method="adam", beta1=0.8, eps=1e-7) == {
        "optimizer": "adam",
        "beta1": 0.8,
        "eps": 1e-7,
    }
    assert student.options("adaptive", method="rmsprop", rho=0.95) == {"optimizer": "rmsprop", "rho": 0.95}
    assert student.defaults("adaptive") == {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "rho": 0.9}
    assert student.defaults("momentum") == {"beta": 0.9}
    assert student.new(SIZES, **student.options("momentum", beta=0.5)).optimizer == "momentum"


def test_bonus_capitalised_names_from_the_source_when_the_constructor_accepts_anything():
    student = detect(S.CapitalisedMLP)
    assert student.options("momentum", beta=0.5) == {"optimizer": "Momentum", "momentum": 0.5}
    assert student.options("adaptive", eps=1e-6) == {"optimizer": "Adam", "epsilon": 1e-6}
    with pytest.raises(ValueError, match="rmsprop"):
        student.options("adaptive", method="rmsprop")
    assert student.options("l2", lam=0.1) == {"lambda_": 0.1}
    assert student.defaults("momentum") == {"beta": 0.8}
    assert "optimizer='Momentum'" in student.found["momentum"]


def test_bonus_boolean_switches():
    student = detect(S.SwitchesMLP)
    assert student.options("momentum", beta=0.5) == {"use_momentum": True, "beta": 0.5}
    assert student.options("l2", lam=0.1) == {"reg_lambda": 0.1}
    assert student.options("adaptive", beta2=0.99) == {"use_adam": True, "beta2": 0.99}
    with pytest.raises(ValueError, match="rmsprop"):
        student.options("adaptive", method="rmsprop")


def test_bonus_a_value_that_is_its_own_switch_is_never_passed_as_zero():
    student = detect(S.MomentumValueMLP)
    assert student.options("momentum", beta=0.5) == {"momentum": 0.5}
    assert student.options("momentum") == {"momentum": 0.9}  # default 0 means off
    assert student.options("l2") == {"lam": 0.01}
    assert student.options("l2", lam=0.0) == {"lam": 0.0}  # asked for off: off
    assert student.options("momentum", beta=0.0) == {"momentum": 0.0}
    assert not student.has("adaptive")
    with pytest.raises(KeyError):
        student.options("adaptive")
    with pytest.raises(KeyError):
        student.defaults("adaptive")


def test_bonus_of_mlplabs_own_mlp():
    student = detect(MLP)
    assert student.options("momentum", beta=0.5) == {"optimizer": "momentum"}  # β is no keyword of it
    assert student.defaults("momentum") == {"beta": 0.9}  # read from the optimiser it builds
    assert student.options("l2", lam=0.01) == {"l2": 0.01}
    assert student.options("adaptive", method="rmsprop") == {"optimizer": "rmsprop"}
    assert student.defaults("adaptive") == {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "rho": 0.9}
    model = student.new(SIZES, **student.options("adaptive", method="adam"))
    assert model.optimizer.name == "adam"


def test_a_class_without_bonus_keywords_has_no_bonus():
    student = detect(S.ListsMLP)
    assert student.bonus == {}
    assert not any(student.has(f) for f in ("momentum", "l2", "adaptive"))


def test_a_student_made_by_hand_keeps_the_canonical_stub_behaviour():
    student = Student(cls=MLP)
    model = student.new(SIZES, activation="tanh")
    weights, biases = _random(np.random.default_rng(10))
    student.set_params(model, weights, biases)
    X, y = _batch(np.random.default_rng(11))
    _, ref_w, _ = _reference(weights, biases, X, y)
    d_weights, _ = student.gradients(model, X, y)
    np.testing.assert_allclose(d_weights[1], ref_w[1], atol=1e-12)


def test_bonus_boolean_defaults_are_switches():
    student = detect(S.BoolSwitchesMLP)
    assert student.options("momentum", beta=0.5) == {"momentum": True, "beta": 0.5}
    assert student.options("l2", lam=0.1) == {"use_l2": True, "lambda_": 0.1}
    assert student.defaults("l2") == {"lam": 0.01}
    assert student.options("adaptive", eps=1e-6) == {"adam": True, "eps": 1e-6}


def test_bonus_names_taken_on_trust_when_the_source_is_unknown():
    namespace = {}
    exec(  # no source file: inspect.getsource fails, as for code a notebook ran
        "class Hidden:\n"
        "    def __init__(self, layer_sizes, activation='sigmoid', learning_rate=0.01, optimizer='sgd'):\n"
        "        self.optimizer = optimizer\n",
        namespace,
    )
    student = detect(namespace["Hidden"])
    assert student.options("momentum") == {"optimizer": "momentum"}
    assert "taken on trust" in student.found["momentum"]
    assert not student.has("params")


class _NoTanh(S.ListsMLP):
    """Accepts any activation name, but its _forward knows only sigmoid and relu."""

    def _forward(self, X):
        if self.activation not in ("sigmoid", "relu"):
            raise KeyError(self.activation)
        return super()._forward(X)


class _SizesOnly(S.ListsMLP):
    def __init__(self, layer_sizes):
        super().__init__(layer_sizes, "sigmoid", 0.1)


def test_the_probe_falls_back_to_sigmoid_and_to_sizes_only():
    student = detect(_NoTanh)
    assert "activation='sigmoid'" in student.found["constructor"]
    assert student.missing == {}
    student = detect(_SizesOnly)
    assert student.call_style == "sizes"
    assert student.missing == {}
    assert isinstance(student.new(SIZES, activation="tanh"), _SizesOnly)


class _BiasWrongAxis(S.DictMLP):
    """db summed over the units instead of the samples: shape (n, 1), no bias's size."""

    def _backward(self, X, y):
        super()._backward(X, y)
        n = np.shape(X)[0]
        for k in range(1, self.L + 1):
            self.grads[f"db{k}"] = np.ones((n, 1))


def test_a_bias_gradient_of_the_wrong_shape_is_found_and_named():
    student = detect(_BiasWrongAxis)
    assert student.has("gradients")
    assert "`grads` as dW1…dW3, db1…db3" in student.found["gradients"]
    assert student.found["labels"] == "y of shape (n, 1)"  # DictMLP's dW needs it; db is wrong either way
    model = student.new(SIZES, activation="tanh")
    X, y = _batch(np.random.default_rng(14))
    with pytest.raises(
        GradientShapeError, match=r"db\(1\) has shape \(9, 1\); b\(1\) has 6 entries"
    ) as caught:
        student.gradients(model, X, y)
    assert caught.value.bias_grads[0].shape == (9, 1)
    assert [g.shape for g in caught.value.weight_grads] == [(6, 2), (3, 6), (1, 3)]


class _AnswersAnything(S.ListsMLP):
    """A ``__getattr__`` that answers every name (W1, W2, ... W1000 all 'exist')."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return 0.5


class _UpdatesInBackward(S.ListsMLP):
    def _backward(self, X, y):
        d_weights, d_biases = super()._backward(X, y)
        self.weights = [w - 0.1 * g for w, g in zip(self.weights, d_weights)]
        return d_weights, d_biases


def test_a_getattr_that_answers_anything_does_not_stop_detection():
    student = detect(_AnswersAnything)
    assert student.missing == {}
    assert "list `weights`" in student.found["weights"]


def test_an_update_inside_backward_is_noted_and_the_gradients_still_found():
    student = detect(_UpdatesInBackward)
    assert student.has("gradients")
    assert "changes the weights" in student.notes["backward"]
