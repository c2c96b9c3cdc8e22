"""The training-side checks: full points for correct students, each classic mistake caught with its reason."""

from __future__ import annotations

import string

import numpy as np
import pytest

from mlplab.grade import check_training as ct
from mlplab.grade.base import BONUS, Context, render, seed_for

from . import _d_students as s

CHECKS = {check.id: check for check in ct.CHECKS}


def _student(cls):
    if cls is None:
        return s.MlplabStudent()
    if cls is s.DictSheet:
        return s.DictStudent()
    return s.CanonStudent(cls)


def _run(check_id, cls, time_limit=60.0):
    check = CHECKS[check_id]
    return check.run(Context(_student(cls), np.random.default_rng(seed_for(check_id)), time_limit))


def _text(outcome, lang="en"):
    lines = [render(ct.MESSAGES, outcome.key, outcome.params, lang)]
    lines += [render(ct.MESSAGES, key, params, lang) for key, params in outcome.details]
    return " | ".join(lines)


_CACHE: dict = {}


def _outcome(check_id, cls):
    """One run per (check, student) for the whole module: the matrix below is asked many times."""
    if (check_id, cls) not in _CACHE:
        _CACHE[check_id, cls] = _run(check_id, cls)
    return _CACHE[check_id, cls]


# ------------------------------------------------------------------ the contract
def test_points_per_criterion_follow_the_sheet():
    points = {}
    for check in ct.CHECKS:
        points[check.criterion] = points.get(check.criterion, 0) + check.points
    assert points == {
        "training_loop": 6,
        "predict_score": 3,
        "vectorization": 2,
        "momentum": 5,
        "l2": 5,
        "adaptive": 5,
    }
    assert len(CHECKS) == len(ct.CHECKS)  # ids unique
    for check in ct.CHECKS:
        assert check.id.split(".")[0] == check.criterion
        if check.criterion in BONUS:
            assert check.criterion in check.needs  # the lead's runner skips it for a student without


def test_every_message_has_english_and_german_with_the_same_fields():
    formatter = string.Formatter()
    for key, languages in ct.MESSAGES.items():
        assert set(languages) == {"en", "de"}, key
        fields = [
            {name for _, name, _, _ in formatter.parse(languages[lang]) if name} for lang in ("en", "de")
        ]
        assert fields[0] == fields[1], key
    german = " ".join(m["de"] for m in ct.MESSAGES.values())
    for word in ("Größen", "Rückwärtsdurchlauf", "Vorwärtsdurchlauf", "für", "ausgelöst"):
        assert word in german  # real umlauts and ß, not ae/oe/ue/ss


# ------------------------------------------------------------------ correct students
CORRECT = [
    None,
    s.Sheet,
    s.HiddenSheet,
    s.DictSheet,
    s.L2InUpdate,
    s.OnlyAdam,
    s.OnlyRMSprop,
    s.AdamEpsInside,
]


@pytest.mark.parametrize(
    ("check_id", "cls"),
    [
        (check_id, cls)
        for cls in CORRECT
        for check_id in sorted(CHECKS)
        if not (cls is s.DictSheet and check_id == "adaptive.update")  # it has none: the runner skips it
    ],
    ids=lambda v: v if isinstance(v, str) else ("mlplab.MLP" if v is None else v.__name__),
)
def test_a_correct_student_gets_full_points(check_id, cls):
    outcome = _outcome(check_id, cls)
    assert outcome.score == CHECKS[check_id].points, _text(outcome)
    _text(outcome, "de")  # every key and field exists in German too


# ------------------------------------------------------------------ one mistake each
# student -> (the check that must catch it, its score, phrases the English feedback must contain)
BUGS = {
    s.DropLast: (
        "training_loop.batches",
        1.0,
        ["3 updates per epoch", "expected 4", "last, smaller batch is dropped"],
    ),
    s.HiddenDropLast: (
        "training_loop.batches",
        1.0,
        ["3 updates", "dropped", "train does not call _backward"],
    ),
    s.IgnoresBatchSize: ("training_loop.batches", 1.0, ["1 update per epoch", "batch_size is ignored"]),
    s.HiddenIgnoresBatchSize: ("training_loop.batches", 1.0, ["batch_size is ignored"]),
    s.NoShuffle: ("training_loop.shuffle", 0.0, ["not shuffled", "original order"]),
    s.HiddenNoShuffle: ("training_loop.shuffle", 0.0, ["not shuffled"]),
    s.ShuffleOnce: ("training_loop.shuffle", 0.5, ["same order every epoch"]),
    s.IgnoresLearningRate: ("training_loop.learning_rate", 0.0, ["learning rate is ignored", "α=0.05", "×1"]),
    s.Ascent: ("training_loop.learning_rate", 0.0, ["uphill", "+α·g"]),
    s.NeverLearns: ("training_loop.learning_rate", 0.0, ["did not change the parameters"]),
    s.Probabilities: ("predict_score.predict", 0.5, ["probabilities", "threshold"]),
    s.Column: ("predict_score.predict", 1.5, ["shape (20, 1)", "expected (20,)"]),
    s.Percent: ("predict_score.score", 0.0, ["70", "percent", "0.7"]),
    s.ErrorRate: ("predict_score.score", 0.0, ["0.3", "error rate"]),
    s.Looped: ("vectorization.timing", 0.0, ["forward pass loops over the samples", "2,048"]),
    s.LoopedBackward: ("vectorization.timing", 1.0, ["backward pass loops over the samples"]),
    s.PyTorchMomentum: ("momentum.update", 3.0, ["PyTorch form", "v ← βv + g", "10×"]),
    s.MomentumReset: ("momentum.update", 1.0, ["starts from 0 again every epoch"]),
    s.NoMomentum: ("momentum.update", 0.0, ["no effect", "plain gradient descent"]),
    s.HalfL2: ("l2.penalty", 3.5, ["λW instead of 2λW", "∂L/∂W(1)"]),
    s.BiasL2: ("l2.penalty", 3.0, ["biases are regularised too", "∂L/∂b(1)"]),
    s.L2Twice: ("l2.penalty", 3.5, ["added twice", "again"]),
    s.NoL2: ("l2.penalty", 0.0, ["L2 term is missing"]),
    s.NoBiasCorrection: ("adaptive.update", 3.5, ["no bias correction", "RMSprop matches"]),
}
# checks a bug legitimately spills into (a student class with that mistake fails them for a real reason)
SPILL = {
    s.Ascent: {"training_loop.xor", "momentum.update", "adaptive.update"},
    s.NeverLearns: {"training_loop.xor", "momentum.update", "adaptive.update"},
    s.IgnoresLearningRate: {"momentum.update", "adaptive.update"},
    s.MomentumReset: {"adaptive.update"},  # Adam's state is thrown away too
    s.NoMomentum: {"adaptive.update"},  # its _step is plain SGD for every optimiser
    # always one full batch: the order of the rows cannot change the update, so shuffling is invisible
    # when train does not call _backward
    s.HiddenIgnoresBatchSize: {"training_loop.shuffle"},
}


@pytest.mark.slow
@pytest.mark.parametrize("cls", list(BUGS), ids=lambda c: c.__name__)
def test_a_mistake_loses_points_on_its_check_with_the_reason(cls):
    check_id, score, phrases = BUGS[cls]
    outcome = _outcome(check_id, cls)
    text = _text(outcome)
    assert outcome.score == score, text
    assert outcome.score < CHECKS[check_id].points
    for phrase in phrases:
        assert phrase in text, (phrase, text)
    _text(outcome, "de")


@pytest.mark.parametrize(
    "cls", [c for c in BUGS if c not in (s.Looped, s.LoopedBackward)], ids=lambda c: c.__name__
)
def test_a_mistake_costs_nothing_elsewhere(cls):
    spilled = SPILL.get(cls, set()) | {BUGS[cls][0]}
    for check_id in sorted(set(CHECKS) - spilled - {"vectorization.timing"}):
        outcome = _outcome(check_id, cls)
        assert outcome.score == CHECKS[check_id].points, (check_id, _text(outcome))


def test_shuffling_x_and_y_apart_is_caught():
    outcome = _outcome("training_loop.shuffle", s.Unpaired)
    assert outcome.score == 0.0
    assert "different permutations" in _text(outcome)


def test_feedback_in_german():
    text = _text(_outcome("training_loop.batches", s.DropLast), "de")
    assert "der letzte, kleinere Batch wird weggelassen" in text
    text = _text(_outcome("l2.penalty", s.HalfL2), "de")
    assert "λW statt 2λW" in text
    assert "∂L/∂W(1)" in text
    assert "0,7" in _text(_outcome("predict_score.score", s.Percent), "de")


class _FixedHyperparameters(s.CanonStudent):
    """A switch that takes no values (e.g. ``use_momentum=True``): the values in effect come from defaults."""

    def options(self, feature, **values):
        if set(values) - {"method"}:
            raise ValueError("this switch takes no values")
        return super().options(feature, **values)


@pytest.mark.parametrize("check_id", ["momentum.update", "l2.penalty", "adaptive.update"])
def test_a_switch_without_values_is_graded_with_the_values_in_effect(check_id):
    check = CHECKS[check_id]
    outcome = check.run(
        Context(_FixedHyperparameters(s.Sheet), np.random.default_rng(seed_for(check_id)), 60.0)
    )
    assert outcome.score == check.points, _text(outcome)


# ------------------------------------------------------------------ student errors
def test_a_crashing_train_or_predict_is_an_outcome_naming_the_method():
    for check_id in ("training_loop.batches", "training_loop.learning_rate", "training_loop.xor"):
        outcome = _run(check_id, s.Crashes)
        assert outcome.score == 0.0
        text = _text(outcome)
        assert "train" in text
        assert "RuntimeError: not implemented yet" in text
    outcome = _run("predict_score.predict", s.Crashes)
    assert outcome.score == 0.0
    assert "predict(X) raised NotImplementedError: predict" in _text(outcome)


def test_xor_reports_the_time_limit():
    outcome = _run("training_loop.xor", s.NeverLearns, time_limit=0.01)
    assert outcome.score == 0.0
    assert outcome.key == "training.xor.slow"


def test_xor_reports_epochs_and_time():
    outcome = _outcome("training_loop.xor", s.Sheet)
    assert outcome.params["epochs"] <= sum(ct._XOR_CHUNKS)
    assert "reaches 100 % after" in _text(outcome)


# ------------------------------------------------------------------ determinism
@pytest.mark.parametrize("check_id", [c for c in sorted(CHECKS) if c != "vectorization.timing"])
def test_the_same_check_twice_gives_the_same_outcome(check_id):
    first, second = _run(check_id, s.Sheet), _run(check_id, s.Sheet)
    assert (first.score, first.key) == (second.score, second.key)
    assert {k: v for k, v in first.params.items() if k != "seconds"} == {
        k: v for k, v in second.params.items() if k != "seconds"
    }
    buggy = [_run(check_id, s.PyTorchMomentum) for _ in range(2)]
    assert (buggy[0].score, buggy[0].key) == (buggy[1].score, buggy[1].key)


# ------------------------------------------------------------------ the vectorisation criterion
def _times(student_small, student_big, ref_small, ref_big):
    return {
        ("x", ct._VEC_SMALL): student_small,
        ("x", ct._VEC_BIG): student_big,
        ("r", ct._VEC_SMALL): ref_small,
        ("r", ct._VEC_BIG): ref_big,
    }


def test_vectorisation_needs_growth_and_slowness_against_the_reference_to_call_it_a_loop():
    # a vectorised pass whose large batch was hit by load: 50× growth, but as fast as the reference
    assert not ct._judge("forward", _times(1e-4, 5e-3, 1e-4, 4e-3), "x", "r", [])
    # load that hit both large batches (BLAS threads): 100× growth, the reference's 60×
    assert not ct._judge("forward", _times(1e-4, 1e-2, 1e-4, 6e-3), "x", "r", [])
    # a vectorised pass that is slow per call (overhead) but grows little
    assert not ct._judge("forward", _times(2e-3, 8e-3, 1e-4, 1e-3), "x", "r", [])
    # a per-sample loop: ~128× growth, the reference's 10×, and far slower than the reference
    details = []
    assert ct._judge("forward", _times(2e-4, 2.6e-2, 5e-5, 5e-4), "x", "r", details)
    assert details[0][0] == "vector.loop.forward"
    assert "loops over the samples" in render(ct.MESSAGES, *details[0], "en")
