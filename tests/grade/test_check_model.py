"""The model checks (api, initialization, forward, numeric_example, backward) on student-style classes.

A correct class and mlplab's own ``MLP`` get every point; each class of
:mod:`_c_students` with one classic mistake loses points on the check made for
it, and on no check of another criterion, with the mistake named in the English
feedback. Every message exists in English and German and renders.
"""

from __future__ import annotations

import json
import string

import numpy as np
import pytest

from mlplab import MLP
from mlplab.grade import base, check_model, conventions
from mlplab.grade.check_model import CHECKS, MESSAGES

from . import _c_students as S

CHECK_BY_ID = {check.id: check for check in CHECKS}
RENDERED: list[tuple[str, dict]] = []  # every (key, params) a test produced, rendered at the end too


def run(cls, check_id: str, student=None) -> base.Outcome:
    """One check as the worker runs it: global NumPy seeded, the check's own generator."""
    check = CHECK_BY_ID[check_id]
    np.random.seed(base.seed_for(check_id) % 2**32)  # noqa: NPY002
    ctx = base.Context(student or S.CanonicalStudent(cls), np.random.default_rng(base.seed_for(check_id)), 60)
    outcome = check.run(ctx)
    RENDERED.append((outcome.key, dict(outcome.params)))
    RENDERED.extend((key, dict(params)) for key, params in outcome.details)
    return outcome


def english(outcome: base.Outcome) -> str:
    return base.render(MESSAGES, outcome.key, outcome.params, "en")


def all_english(outcome: base.Outcome) -> str:
    return "\n".join([english(outcome)] + [base.render(MESSAGES, k, p, "en") for k, p in outcome.details])


# ---------------------------------------------------------------- the contract
def test_checks_sum_to_the_sheets_points():
    points = {}
    for check in CHECKS:
        points[check.criterion] = points.get(check.criterion, 0) + check.points
    assert points == {"api": 3, "initialization": 5, "forward": 3, "numeric_example": 4, "backward": 9}
    assert len({check.id for check in CHECKS}) == len(CHECKS)
    assert all(check.id.split(".")[0] == check.criterion for check in CHECKS)


@pytest.mark.parametrize(
    "cls", [S.Good, S.Delegating, MLP, S.WithLoss, S.SeedKeyword], ids=lambda c: c.__name__
)
@pytest.mark.parametrize("check_id", list(CHECK_BY_ID))
def test_a_correct_class_gets_every_point(cls, check_id):
    outcome = run(cls, check_id)
    assert outcome.score == pytest.approx(CHECK_BY_ID[check_id].points), english(outcome)
    assert not any(key.endswith(".main") for key, _ in outcome.details)


@pytest.mark.parametrize("cls", [S.Good, S.Delegating, MLP], ids=lambda c: c.__name__)
def test_a_correct_class_gets_every_point_through_the_detected_conventions(cls):
    student = conventions.detect(cls)
    for check in CHECKS:
        assert all(student.has(need) for need in check.needs), (check.id, student.missing)
        outcome = run(cls, check.id, student)
        assert outcome.score == pytest.approx(check.points), f"{check.id}: {english(outcome)}"


# One classic mistake each: (class, the check that must catch it, words its English feedback must hold)
BUGS = [
    (S.TrainDefaults, "api.signatures", ["train()", "epochs", "100", "1000"]),
    (S.NoScore, "api.signatures", ["score()", "missing"]),
    (S.RenamedInput, "api.signatures", ["_forward()", "`X`", "`inputs`"]),
    (S.RequiredExtra, "api.signatures", ["predict()", "threshold", "no default"]),
    (S.XavierForRelu, "initialization.variance", ["relu", "W(1)", "1/n_in (Xavier)", "He", "2/n_in"]),
    (S.HeForAll, "initialization.variance", ["sigmoid", "2/n_in (He)", "Xavier"]),
    (S.SmallRandom, "initialization.variance", ["randn · 0.01", "Xavier"]),
    (S.RandomBiases, "initialization.biases", ["b(1)", "biases start at 0"]),
    (S.NoBias, "forward.values", ["sigmoid: ŷ is what the network gives without b(1…3)"]),
    (S.NoBiasLayer1, "forward.values", ["sigmoid: ŷ is what the network gives without b(1)"]),
    (
        S.StdForVariance,
        "initialization.variance",
        ["the variance of W(1) is 6.25e-06 = 1/n_in² (σ = 1/n_in)"],
    ),
    (S.SeedIgnored, "initialization.independent", ["identical weights, even for seed=1 and seed=2"]),
    (S.ReturnsZ, "forward.values", ["output sigmoid", "missing"]),
    (S.HiddenOnOutput, "forward.values", ["tanh(z(L))", "output layer"]),
    (S.AlwaysSigmoid, "forward.values", ["apply sigmoid where tanh was asked"]),
    (S.WrongLoss, "numeric_example.task_1_2", ["compute_loss()", "0.506"]),
    (
        S.Summed,
        "backward.gradients",
        ["∂L/∂W(1…3), ∂L/∂b(1…3): off by a factor 32 = the batch size", "sum over the batch", "right: —"],
    ),
    (
        S.BiasSummed,
        "backward.gradients",
        ["∂L/∂b(3), ∂L/∂b(2), ∂L/∂b(1): off by a factor 32", "right: ∂L/∂W(1), ∂L/∂W(2), ∂L/∂W(3)"],
    ),
    (
        S.NoDerivativeLayer2,
        "backward.gradients",
        ["∂L/∂W(2), ∂L/∂b(2), ∂L/∂W(1), ∂L/∂b(1): the factor σ′(z) is missing in δ(2)"],
    ),
    (
        S.Transposed,
        "backward.gradients",
        ["∂L/∂W(3), ∂L/∂W(2), ∂L/∂W(1): transposed", "right: ∂L/∂b(1), ∂L/∂b(2), ∂L/∂b(3)"],
    ),
    (S.BiasWrongAxis, "backward.gradients", ["32 entries = the batch size", "over the units"]),
    (S.BiasMeanOfAll, "backward.gradients", ["∂L/∂b(2), ∂L/∂b(1): one number", "both axes"]),
    (S.ReluDerivativeForTanh, "backward.gradients", ["relu derivative", "tanh′"]),
    (S.DerivativeOfA, "backward.gradients", ["σ′(a)", "instead of z"]),
    (S.SignFlipped, "backward.gradients", ["wrong sign"]),
    (S.FactorTwo, "backward.gradients", ["factor 2"]),
    (S.OutputDerivative, "backward.gradients", ["extra factor σ′(z(L))"]),
    (S.BackwardCrashes, "backward.gradients", ["_backward(X, y) raised RuntimeError: not done yet"]),
]
# forward mistakes show in the numeric example too: it is the forward pass on the sheet's numbers
ALSO_CAUGHT_BY = {
    S.NoBias: {"numeric_example.task_1_2"},
    S.NoBiasLayer1: {"numeric_example.task_1_2"},
    S.ReturnsZ: {"numeric_example.task_1_2"},
}


@pytest.mark.parametrize(("cls", "check_id", "words"), BUGS, ids=[b[0].__name__ for b in BUGS])
def test_a_classic_mistake_loses_points_on_its_check_with_the_diagnosis(cls, check_id, words):
    outcome = run(cls, check_id)
    assert outcome.score < CHECK_BY_ID[check_id].points
    text = english(outcome)
    for word in words:
        assert word in text, text


@pytest.mark.parametrize(("cls", "check_id"), [b[:2] for b in BUGS], ids=[b[0].__name__ for b in BUGS])
def test_a_classic_mistake_costs_nothing_on_the_other_criteria(cls, check_id):
    criterion = CHECK_BY_ID[check_id].criterion
    allowed = ALSO_CAUGHT_BY.get(cls, set())
    for check in CHECKS:
        if check.criterion == criterion or check.id in allowed:
            continue
        outcome = run(cls, check.id)
        assert outcome.score == pytest.approx(check.points), f"{check.id}: {english(outcome)}"


# ------------------------------------------------------------------ details
def test_api_names_every_problem_and_gives_partial_credit():
    class Several(S.Good):
        def train(self, X, y, n_epochs=1000, batch_size=32, verbose=False):
            pass

        predict = None

    outcome = run(Several, "api.signatures")
    text = all_english(outcome)
    assert "predict() is missing" in text
    assert "train(): the parameter `epochs` is called `n_epochs`" in text
    assert "`batch_size` defaults to 32; the sheet's default is None" in text
    # train: a renamed parameter (half) and a default of 5 parameters wrong, predict missing, 5 others right
    assert outcome.score == pytest.approx(3 * (5 + 1 - 1.5 / 5) / 7)


def test_api_accepts_extra_keyword_parameters_and_kwargs():
    class Extra(S.Good):
        def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01, *, momentum=0.0, **kw):
            super().__init__(layer_sizes, activation, learning_rate)

        def train(self, X, y, epochs=1000, batch_size=None, verbose=False, shuffle=True):
            pass

    assert run(Extra, "api.signatures").score == 3


def test_initialization_variance_names_found_and_expected_per_layer():
    outcome = run(S.XavierForRelu, "initialization.variance")
    assert outcome.score == pytest.approx(2.0)  # sigmoid and tanh right, ReLU wrong in both tested layers
    lines = [base.render(MESSAGES, k, p, "en") for k, p in outcome.details]
    assert sum("relu: the variance of W(" in line and "(Xavier); expected He" in line for line in lines) == 2
    assert outcome.params["found"] == pytest.approx(1 / 400)
    assert outcome.key == "init.variance_wrong.he"
    assert outcome.params["value_a"] == pytest.approx(2 / 400)
    assert "expected He: 2/n_in = 0.005" in english(outcome)
    assert "erwartet He: 2/n_in = 0,005" in base.render(MESSAGES, outcome.key, outcome.params, "de")


@pytest.mark.parametrize("variance", ["1/n_in", "2/(n_in+n_out)", "uniform"])
def test_initialization_accepts_every_xavier_variant(variance):
    class Variant(S.Good):
        def _init_layer(self, n_in, n_out):
            if self.activation == "relu":
                return super()._init_layer(n_in, n_out)
            if variance == "uniform":
                limit = np.sqrt(6 / (n_in + n_out))
                return np.random.uniform(-limit, limit, (n_out, n_in)), np.zeros(n_out)  # noqa: NPY002
            var = 1 / n_in if variance == "1/n_in" else 2 / (n_in + n_out)
            return np.random.randn(n_out, n_in) * np.sqrt(var), np.zeros(n_out)  # noqa: NPY002

    assert run(Variant, "initialization.variance").score == 3


def test_initialization_tolerance_passes_correct_draws_and_catches_a_10_percent_error():
    rng = np.random.default_rng(1)
    for _ in range(200):  # a correct draw is inside the band (5 standard deviations)
        weight = rng.normal(0, np.sqrt(2 / 700), size=(300, 400))
        assert check_model._layer_variance(weight, "tanh", 1)[0]
    weight = rng.normal(0, np.sqrt(1.1 * 2 / 700), size=(300, 400))  # 10 % too wide
    assert not check_model._layer_variance(weight, "tanh", 1)[0]


def test_initialization_with_a_non_zero_mean_is_caught():
    class Shifted(S.Good):
        def _init_layer(self, n_in, n_out):
            weight, bias = super()._init_layer(n_in, n_out)
            return weight + 0.002, bias

    outcome = run(Shifted, "initialization.variance")
    assert outcome.score < 3
    assert "mean" in english(outcome)


def test_initialization_symmetry_names_the_equal_rows():
    outcome = run(S.SameRows, "initialization.symmetry")
    assert outcome.score == 0
    assert "rows 1 and 2 of W(1) are equal" in english(outcome)


def test_forward_gives_a_point_per_activation():
    outcome = run(S.AlwaysSigmoid, "forward.values")
    assert outcome.score == pytest.approx(1.0)
    text = all_english(outcome)
    assert "sigmoid: ŷ right" in text
    assert "relu: the hidden layers apply sigmoid where relu was asked" in text


def test_forward_shape_is_checked():
    class AllLayers(S.Good):
        def _forward(self, X):
            super()._forward(X)
            return np.concatenate([a.reshape(-1) for a in self.activations[1:]])

    outcome = run(AllLayers, "forward.values")
    assert outcome.score == 0
    assert "values for 9 samples" in english(outcome)


class KeepingStudent(S.CanonicalStudent):
    """A Student that finds the intermediates the classes of _c_students keep (zs, activations)."""

    def intermediates(self, model):
        return {"z": list(model.zs), "a": list(model.activations[1:])}


def test_numeric_example_compares_the_intermediates_that_are_kept():
    outcome = run(S.Good, "numeric_example.task_1_2", KeepingStudent(S.Good))
    assert outcome.score == 4
    assert "z1, a1, z2, a2, z3, a3 match the sheet; differ: —" in all_english(outcome)
    outcome = run(S.NoBias, "numeric_example.task_1_2", KeepingStudent(S.NoBias))
    assert outcome.score == 0  # ŷ wrong, and so L computed from it
    assert "the first intermediate that differs is z1" in english(outcome)
    assert "without b(1…3)" in all_english(outcome)


def test_numeric_example_loss_method_is_checked_on_the_sheets_y_hat():
    class NoBiasWithLoss(S.NoBias, S.WithLoss):
        pass

    outcome = run(NoBiasWithLoss, "numeric_example.task_1_2")
    assert outcome.score == 1  # the loss method is right even though ŷ is not
    assert "compute_loss() gives L = 0.506" in all_english(outcome)


def test_backward_reports_per_case_and_layer_with_partial_credit():
    outcome = run(S.NoDerivativeLayer2, "backward.gradients")
    text = all_english(outcome)
    # layer 3 right everywhere; layers 1 and 2 wrong in the 3 [3, 5, 4, 1] cases and in [4, 4, 4, 1]
    assert "sigmoid network [3, 5, 4, 1], batch of 32: 2 of 6 gradients right" in text
    assert "∂L/∂W(2), ∂L/∂b(2), ∂L/∂W(1), ∂L/∂b(1): the factor tanh′(z) is missing in δ(2)" in text
    assert "right: ∂L/∂W(3), ∂L/∂b(3)" in english(outcome)
    assert outcome.score == pytest.approx(9 * 8 / 24)


def test_backward_through_the_students_own_forward_pass():
    outcome = run(S.NoBias, "backward.gradients")
    assert outcome.score == 9  # the forward mistake is the forward check's; backprop through it is right
    assert "compared with backprop through your own forward pass" in all_english(outcome)


def test_backward_takes_the_output_layers_weight_gradient_as_a_vector():
    class VectorOutput(S.Good):
        def _backward(self, X, y):
            weight_grads, bias_grads = super()._backward(X, y)
            weight_grads[-1] = weight_grads[-1].reshape(-1)  # like the sheet's w(3)
            return weight_grads, bias_grads

    assert run(VectorOutput, "backward.gradients").score == 9


class GradientShapeError(ValueError):
    """Like the full Student's: ``raw`` as found, ``weight_grads``/``bias_grads`` with the layout undone."""

    def __init__(self, message, raw, weight_grads=None, bias_grads=None):
        super().__init__(message)
        self.raw, self.weight_grads, self.bias_grads = raw, weight_grads, bias_grads


class RaisingStudent(S.CanonicalStudent):
    """Like the full Student: a gradient shaped like no parameter raises a ValueError carrying the arrays.

    ``form`` says what it carries: ``"undone"`` (canonical lists and ``raw``),
    ``"raw"`` (only the (name, array) pairs), ``"dict"`` or ``"lists"``.
    """

    def __init__(self, cls, form="undone"):
        super().__init__(cls)
        self.form = form

    def gradients(self, model, X, y):
        weight_grads, bias_grads = super().gradients(model, X, y)
        weights, _ = self.get_params(model)
        if all(g.shape == w.shape for g, w in zip(weight_grads, weights)):
            return weight_grads, bias_grads
        pairs = [(f"dW{i}", g) for i, g in enumerate(weight_grads, 1)]
        pairs += [(f"db{i}", g) for i, g in enumerate(bias_grads, 1)]
        raw = {"undone": pairs, "raw": pairs, "dict": dict(pairs), "lists": (weight_grads, bias_grads)}[
            self.form
        ]
        if self.form == "undone":
            raise GradientShapeError(
                "dW(3) has shape (4, 1); W(3) has shape (1, 4)", raw, weight_grads, bias_grads
            )
        raise GradientShapeError("dW(3) has shape (4, 1); W(3) has shape (1, 4)", raw)


@pytest.mark.parametrize("form", ["undone", "raw", "dict", "lists"])
def test_backward_diagnoses_the_arrays_of_a_shape_error(form):
    outcome = run(S.Transposed, "backward.gradients", RaisingStudent(S.Transposed, form))
    assert "transposed" in english(outcome)
    assert outcome.score == pytest.approx(run(S.Transposed, "backward.gradients").score)


def test_backward_reports_a_plain_value_error():
    class Broken(S.Good):
        def _backward(self, X, y):
            raise ValueError("shapes (32,1) and (4,5) not aligned")

    outcome = run(Broken, "backward.gradients", RaisingStudent(Broken))
    assert outcome.score == 0
    assert "_backward(X, y) raised ValueError: shapes (32,1)" in english(outcome)


def test_a_crash_in_the_constructor_is_feedback_not_an_exception():
    class Crashes(S.Good):
        def __init__(self, layer_sizes, activation="sigmoid", learning_rate=0.01):
            raise ZeroDivisionError("oops")

    for check in CHECKS:
        if check.id == "api.signatures":
            continue
        outcome = run(Crashes, check.id)
        assert outcome.score == 0
        assert "raised ZeroDivisionError: oops" in english(outcome)


def test_weights_that_cannot_be_read_are_named_as_such():
    class Unreadable(S.CanonicalStudent):
        def get_params(self, model):
            raise AttributeError("no weights")

    outcome = run(S.Good, "initialization.variance", Unreadable(S.Good))
    assert outcome.score == 0
    assert "reading the weights of MLP([400, 300, 200, 1], activation='sigmoid') raised AttributeError" in (
        english(outcome)
    )


def test_intermediates_with_the_input_in_front_are_read():
    class WithInput(S.CanonicalStudent):
        def intermediates(self, model):
            return {"z": list(model.zs), "a": list(model.activations)}  # a(0) = X first

    outcome = run(S.Good, "numeric_example.task_1_2", WithInput(S.Good))
    assert "z1, a1, z2, a2, z3, a3 match the sheet; differ: —" in all_english(outcome)


@pytest.mark.parametrize("check_id", list(CHECK_BY_ID))
@pytest.mark.parametrize("cls", [MLP, S.Summed, S.XavierForRelu, S.NoBias], ids=lambda c: c.__name__)
def test_a_check_run_twice_gives_the_same_outcome(cls, check_id):
    assert run(cls, check_id) == run(cls, check_id)


# ------------------------------------------------------------------ messages
def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_has_english_and_german_with_the_same_fields():
    for key, texts in MESSAGES.items():
        assert set(texts) == set(base.LANGS), key
        assert _fields(texts["en"]) == _fields(texts["de"]), key


def test_german_messages_have_umlauts_not_their_spellings():
    for key, texts in MESSAGES.items():
        for spelled in ("ae", "oe", "ue"):
            words = [w for w in texts["de"].split() if spelled in w.lower() and w.isalpha()]
            assert all(w.lower() in {"neue", "neuen", "aktuelle"} for w in words), (key, words)


def test_every_feedback_produced_renders_in_both_languages():
    """Every check on every student class of these tests: each line renders in en and de, as JSON too."""
    classes = [cls for cls, _, _ in BUGS] + [S.Good, MLP]
    produced = list(RENDERED)
    for cls in classes:
        for check in CHECKS:
            outcome = run(cls, check.id)
            produced.append((outcome.key, dict(outcome.params)))
            produced.extend((key, dict(params)) for key, params in outcome.details)
    keys = set()
    for key, params in produced:
        keys.add(key)
        json.dumps(params, allow_nan=True)  # plain numbers and strings, for the JSON output
        for lang in base.LANGS:
            text = base.render(MESSAGES, key, params, lang)
            assert "{" not in text, (key, text)
    assert len(keys) > 40


def test_a_fixed_seed_inside_the_class_is_said_but_not_charged():
    outcome = run(S.FixedSeed, "initialization.independent")
    assert outcome.score == pytest.approx(CHECK_BY_ID["initialization.independent"].points)
    assert "identical weights" in english(outcome)
    assert "no points lost" in english(outcome)
    assert run(S.SeedIgnored, "initialization.independent").score == 0  # a seed argument that does nothing
