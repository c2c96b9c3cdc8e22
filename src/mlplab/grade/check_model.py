"""The checks of the model itself: api, initialization, forward, numeric_example, backward.

Each check builds fresh student models through ``ctx.student``
(:class:`~mlplab.grade.conventions.Student`), injects weights drawn from
``ctx.rng`` where the result depends on them, and compares with mlplab's
reference (:class:`mlplab.mlp.MLP`, :func:`mlplab.trace.sheet_trace`). Where
something is wrong, the variants of :mod:`mlplab.grade.diagnose` name the
mistake and the layer.

Points (the sheet's task 2.1): api 3, initialization 5 (variance 3, biases
0.5, symmetry 1, independent draws 0.5), forward 3, numeric_example 4
(ŷ 3, L 1), backward 9.
"""

from __future__ import annotations

import inspect
import itertools
import math
import warnings

import numpy as np

from ..mlp import MLP
from ..trace import SHEET_EXAMPLE, sheet_trace
from . import diagnose
from .base import Check, Context, Outcome, describe_error

__all__ = ["CHECKS", "MESSAGES"]

ACTIVATIONS = ("sigmoid", "tanh", "relu")
SIZES = [3, 5, 4, 1]  # distinct sizes: a transposed or misplaced array cannot fit another's shape


def _failed(what: str, exc: BaseException) -> tuple[str, dict]:
    """The feedback for a student's call ``what`` (e.g. ``'_forward(X)'``) that raised ``exc``."""
    return "model.error", {"method": what, "error": describe_error(exc)}


def _new_repr(sizes, activation) -> str:
    return f"MLP({list(sizes)}, activation={activation!r})"


def _random_network(rng: np.random.Generator, sizes) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Weights N(0, 1.5²/n_in), biases N(0, 0.5²): activations neither saturated nor linear."""
    weights = [
        rng.normal(0.0, 1.5 / math.sqrt(n_in), size=(n_out, n_in))
        for n_in, n_out in itertools.pairwise(sizes)
    ]
    biases = [rng.normal(0.0, 0.5, size=n_out) for n_out in sizes[1:]]
    return weights, biases


def _batch(rng: np.random.Generator, n: int, n_in: int) -> tuple[np.ndarray, np.ndarray]:
    X = rng.normal(size=(n, n_in))
    y = rng.permutation(np.arange(n) % 2).astype(float)  # both classes, shuffled
    return X, y


def _reference_forward(weights, biases, X, activation) -> np.ndarray:
    sizes = [weights[0].shape[1]] + [w.shape[0] for w in weights]
    model = MLP(sizes, activation, seed=0).set_weights(weights, biases)
    return model._forward(X).reshape(-1)


def _close(a: np.ndarray, b: np.ndarray, atol: float = 1e-9) -> bool:
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=1e-6, atol=atol))


# ------------------------------------------------------------------------ api
_REQUIRED = inspect.Parameter.empty
#: the sheet's constructor and methods: (name, ((parameter, default or _REQUIRED), ...))
SHEET_API = (
    ("__init__", (("layer_sizes", _REQUIRED), ("activation", "sigmoid"), ("learning_rate", 0.01))),
    ("_initialize_weights", ()),
    ("_forward", (("X", _REQUIRED),)),
    ("_backward", (("X", _REQUIRED), ("y", _REQUIRED))),
    (
        "train",
        (("X", _REQUIRED), ("y", _REQUIRED), ("epochs", 1000), ("batch_size", None), ("verbose", False)),
    ),
    ("predict", (("X", _REQUIRED),)),
    ("score", (("X", _REQUIRED), ("y", _REQUIRED))),
)


def _same_default(got, expected) -> bool:
    if expected is None or isinstance(expected, bool):
        return got is expected
    if isinstance(got, bool) or (
        not isinstance(got, type(expected))
        and not (isinstance(got, (int, float)) and isinstance(expected, (int, float)))
    ):
        return False
    try:
        return bool(got == expected)
    except Exception:  # an array or an object with an odd __eq__ as a default
        return False


def _signature_problems(cls, name: str, expected) -> tuple[float, list[tuple[str, dict]]]:
    """(share of this method right, problems) for one of the sheet's methods."""
    label = f"{name}()" if name != "__init__" else "the constructor __init__()"
    static = inspect.getattr_static(cls, name, None)
    if static is None or (name == "__init__" and cls.__init__ is object.__init__):
        return 0.0, [("api.missing_method", {"method": label})]
    try:
        signature = inspect.signature(getattr(cls, name))
    except (TypeError, ValueError) as exc:
        return 0.0, [("api.not_inspectable", {"method": label, "error": describe_error(exc)})]
    params = list(signature.parameters.values())
    if not isinstance(static, (staticmethod, classmethod)) and params:
        params = params[1:]  # self
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    by_name = {p.name.lower(): p for p in params if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)}
    problems = []
    used = set()
    for position, (param, default) in enumerate(expected):
        found = by_name.get(param.lower())
        if found is None:
            if position < len(positional) and positional[position].name.lower() not in {
                e[0].lower() for e in expected
            }:
                got = positional[position]
                problems.append(("api.param_name", {"method": label, "param": param, "got": got.name}))
                found = got
            else:
                problems.append(("api.missing_param", {"method": label, "param": param}))
                continue
        elif default is _REQUIRED and found.kind == found.KEYWORD_ONLY:
            problems.append(("api.keyword_only", {"method": label, "param": param}))
        elif found.kind in (found.POSITIONAL_ONLY, found.POSITIONAL_OR_KEYWORD) and (
            positional.index(found) != position
        ):
            problems.append(("api.position", {"method": label, "param": param, "position": position + 1}))
        used.add(found.name)
        if default is not _REQUIRED:
            if found.default is _REQUIRED:
                problems.append(
                    ("api.no_default", {"method": label, "param": param, "expected": repr(default)})
                )
            elif not _same_default(found.default, default):
                problems.append(
                    (
                        "api.default",
                        {
                            "method": label,
                            "param": param,
                            "got": repr(found.default),
                            "expected": repr(default),
                        },
                    )
                )
    for p in params:
        if p.name in used or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.default is _REQUIRED:
            problems.append(("api.extra_required", {"method": label, "param": p.name}))
    weight = sum(0.5 if key == "api.param_name" else 1.0 for key, _ in problems)  # a renamed one still works
    share = max(0.0, 1.0 - weight / max(1, len(expected)))
    return share, problems


def _api(ctx: Context) -> Outcome:
    cls = ctx.student.cls
    shares, problems = [], []
    for name, expected in SHEET_API:
        share, found = _signature_problems(cls, name, expected)
        shares.append(share)
        problems += found
    score = 3.0 * sum(shares) / len(shares)
    if not problems:
        return Outcome(3.0, "api.ok", {"count": len(SHEET_API)})
    key, params = problems[0]
    return Outcome(round(score, 6), key, params, tuple(problems))


# ------------------------------------------------------------- initialization
INIT_SIZES = [400, 300, 200, 1]
#: Tolerance of the variance test (z-score of the estimate).
#: For N i.i.d. weights of variance σ² and kurtosis κ = E[w⁴]/σ⁴, the estimate
#: v̂ = mean(w²) has mean σ² and variance (E[w⁴] − σ⁴)/N = σ⁴ (κ − 1)/N; κ = 3
#: for a normal and 9/5 for a uniform, so sd(v̂) ≤ σ² √(2/N). By the central
#: limit theorem (N ≥ 60 000 here: the skewness of N v̂/σ² ~ χ²_N is √(8/N) < 0.012,
#: so the normal tail is accurate) a correct v̂ lies within σ² · 5 √(2/N) with
#: probability 1 − 5.7·10⁻⁷. The check tests 6 layers (2 per activation) and
#: as many means (|mean(w)| ≤ 5 σ/√N, exact for normal weights); by the union
#: bound a correct implementation fails with probability < 12 · 5.7·10⁻⁷ < 10⁻⁵,
#: well inside the 10⁻³ asked. For W(1) (N = 120 000) the band is ±2.0 %, for
#: W(2) (N = 60 000) ±2.9 %; the Xavier variants 1/n_in and 2/(n_in+n_out)
#: differ by 14 % and 20 % there, He and Xavier by a factor ≥ 5/3.
Z_INIT = 5.0
MIN_STAT_SIZE = 10_000  # layers with fewer weights are not tested statistically (the output layer)


def _candidates(n_in: int, n_out: int) -> list[tuple[str, float, str]]:
    """(formula, variance, family or how it arises) of the initialisations a student may have used.

    The third item is shown in every language, so it is written in symbols.
    """
    return [
        ("1/n_in", 1.0 / n_in, "Xavier"),
        ("2/(n_in+n_out)", 2.0 / (n_in + n_out), "Xavier"),
        ("2/n_in", 2.0 / n_in, "He"),
        ("1/n_out", 1.0 / n_out, "?"),
        ("2/n_out", 2.0 / n_out, "?"),
        ("6/(n_in+n_out)", 6.0 / (n_in + n_out), "σ = √(6/(n_in+n_out)) = r in U(−r, r)"),
        ("6/n_in", 6.0 / n_in, "σ = √(6/n_in) = r in U(−r, r)"),
        ("1/n_in²", 1.0 / n_in**2, "σ = 1/n_in"),
        ("(2/(n_in+n_out))²", (2.0 / (n_in + n_out)) ** 2, "σ = 2/(n_in+n_out)"),
        ("(2/n_in)²", (2.0 / n_in) ** 2, "σ = 2/n_in"),
        ("1", 1.0, "randn · 1"),
        ("1/3", 1.0 / 3.0, "U(−1, 1)"),
        ("1/12", 1.0 / 12.0, "U(−0.5, 0.5)"),
        ("10⁻⁴", 1e-4, "randn · 0.01"),
    ]


def _expected_family(activation: str) -> str:
    return "He" if activation == "relu" else "Xavier"


class _StudentError(Exception):
    """A student's method failed: ``what`` names the call, ``__cause__`` is the error."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


def _fresh(ctx: Context, sizes, activation: str):
    """(weights, biases) of a fresh student model, canonical; _StudentError names the failing call."""
    try:
        model = ctx.student.new(sizes, activation=activation)
    except Exception as exc:
        raise _StudentError(_new_repr(sizes, activation)) from exc
    try:
        return ctx.student.get_params(model)
    except Exception as exc:
        raise _StudentError(f"reading the weights of {_new_repr(sizes, activation)}") from exc


def _fresh_models(ctx: Context, sizes):
    """{activation: (weights, biases)} of fresh models, or (None, the error line) of the first failing."""
    models = {}
    for activation in ACTIVATIONS:
        try:
            models[activation] = _fresh(ctx, sizes, activation)
        except _StudentError as exc:
            return None, _failed(exc.what, exc.__cause__)
    return models, None


def _layer_variance(weight: np.ndarray, activation: str, layer: int):
    """(right, (key, params)) for one large weight matrix."""
    n_out, n_in = weight.shape
    n = weight.size
    band = Z_INIT * math.sqrt(2.0 / n)
    found = float(np.mean(weight**2))
    family = _expected_family(activation)
    candidates = _candidates(n_in, n_out)
    expected = [c for c in candidates if c[2] == family]
    base = {"activation": activation, "layer": layer, "family": family}
    values = {name: c[1] for name, c in zip(("value_a", "value_b"), expected)}  # for the .xavier/.he keys
    suffix = "." + family.lower()
    for formula, variance, _ in expected:
        if abs(found - variance) <= band * variance:
            mean = float(np.mean(weight))
            if abs(mean) > Z_INIT * math.sqrt(variance / n):
                return False, ("init.mean", {**base, "mean": mean})
            return True, ("init.variance_layer_ok", {**base, "formula": formula, "variance": variance})
    if found == 0.0:
        return False, ("init.zero" + suffix, {**base, **values})
    for formula, variance, fam in candidates:
        if abs(found - variance) <= band * variance:
            name = f"{formula} ({fam})" if fam != "?" else formula
            params = {**base, **values, "found": variance, "found_name": name}
            return False, ("init.variance_wrong" + suffix, params)
    return False, ("init.variance_unknown" + suffix, {**base, **values, "found": found})


def _init_variance(ctx: Context) -> Outcome:
    models, error = _fresh_models(ctx, INIT_SIZES)
    if error:
        return Outcome(0.0, *error)
    score, details, first_wrong = 0.0, [], None
    for activation in ACTIVATIONS:
        weights, _ = models[activation]
        layers = [(i + 1, w) for i, w in enumerate(weights) if w.size >= MIN_STAT_SIZE]
        right = 0
        for layer, weight in layers:
            ok, line = _layer_variance(weight, activation, layer)
            right += ok
            details.append(line)
            if not ok and first_wrong is None:
                first_wrong = line
        score += right / len(layers)
    if first_wrong is None:
        return Outcome(3.0, "init.variance_ok", {"sizes": str(INIT_SIZES)}, tuple(details))
    return Outcome(round(score, 6), *first_wrong, tuple(details))


BIAS_LIMIT = 0.1


def _init_biases(ctx: Context) -> Outcome:
    models, error = _fresh_models(ctx, SIZES)
    if error:
        return Outcome(0.0, *error)
    for activation in ACTIVATIONS:
        for layer, bias in enumerate(models[activation][1], start=1):
            largest = float(np.max(np.abs(bias))) if bias.size else 0.0
            if not largest <= BIAS_LIMIT:
                return Outcome(
                    0.0,
                    "init.biases_large",
                    {"activation": activation, "layer": layer, "value": largest, "limit": BIAS_LIMIT},
                )
    return Outcome(0.5, "init.biases_ok", {"limit": BIAS_LIMIT})


def _equal_rows(weight: np.ndarray) -> tuple[int, int] | None:
    _, first, inverse = np.unique(weight, axis=0, return_index=True, return_inverse=True)
    inverse = np.asarray(inverse).reshape(-1)
    for row, group in enumerate(inverse):
        if first[group] != row:
            return int(first[group]) + 1, row + 1
    return None


def _init_symmetry(ctx: Context) -> Outcome:
    models, error = _fresh_models(ctx, SIZES)
    if error:
        return Outcome(0.0, *error)
    pairs, right, first = 0, 0, None
    for activation in ACTIVATIONS:
        for layer, weight in enumerate(models[activation][0], start=1):
            if weight.shape[0] < 2:
                continue
            pairs += 1
            equal = _equal_rows(weight)
            if equal is None:
                right += 1
            elif first is None:
                first = (activation, layer, equal)
    if first is None:
        return Outcome(1.0, "init.symmetry_ok", {})
    activation, layer, (i, j) = first
    return Outcome(
        round(right / pairs, 6),
        "init.rows_equal",
        {"activation": activation, "layer": layer, "unit_a": i, "unit_b": j},
    )


SEED_KEYWORDS = ("seed", "random_state", "random_seed", "rng")


def _seed_keyword(cls) -> str | None:
    """The constructor's own seed keyword, if it has one."""
    try:
        parameters = inspect.signature(cls.__init__).parameters
    except (TypeError, ValueError):
        return None
    return next((name for name in SEED_KEYWORDS if name in parameters), None)


def _init_independent(ctx: Context) -> Outcome:
    """Two models built one after the other draw different weights (or do so for different seeds)."""
    try:
        first = _fresh(ctx, SIZES, "sigmoid")
        second = _fresh(ctx, SIZES, "sigmoid")
    except _StudentError as exc:
        return Outcome(0.0, *_failed(exc.what, exc.__cause__))
    if not all(np.array_equal(a, b) for a, b in zip(first[0], second[0])):
        return Outcome(0.5, "init.independent_ok", {})
    keyword = _seed_keyword(ctx.student.cls)
    if keyword is not None:  # a default seed: fine if other seeds give other draws
        try:
            draws = [
                ctx.student.get_params(ctx.student.new(SIZES, activation="sigmoid", **{keyword: seed}))[0]
                for seed in (1, 2)
            ]
        except Exception as exc:
            return Outcome(0.0, *_failed(f"MLP({SIZES}, {keyword}=1)", exc))
        if not all(np.array_equal(a, b) for a, b in zip(*draws)):
            return Outcome(0.5, "init.seeded_ok", {"keyword": keyword})
        return Outcome(0.0, "init.seed_ignored", {"sizes": str(SIZES), "keyword": keyword})
    # A fixed seed inside the class makes every model start alike, but it is what the sheet's tip
    # (np.random.seed for reproducible results) leads to: said, not charged.
    return Outcome(0.5, "init.same_draws", {"sizes": str(SIZES)})


# -------------------------------------------------------------------- forward
def _forward_variants(hidden: str, n_layers: int) -> list[tuple[str, dict, dict]]:
    """(message key, its params, forward_pass keywords) of the classic forward mistakes."""
    every = frozenset(range(1, n_layers + 1))
    variants = [("forward.no_bias", {"biases": f"b(1…{n_layers})"}, {"hidden": hidden, "no_bias": every})]
    variants += [
        ("forward.no_bias", {"biases": f"b({layer})"}, {"hidden": hidden, "no_bias": frozenset({layer})})
        for layer in range(1, n_layers + 1)
    ]
    variants.append(("forward.output_linear", {}, {"hidden": hidden, "output": "identity"}))
    if hidden != "sigmoid":
        variants.append(("forward.output_hidden", {}, {"hidden": hidden, "output": hidden}))
    for other in ("sigmoid", "tanh", "relu", "identity"):
        if other != hidden:
            variants.append(("forward.wrong_activation", {"used": other}, {"hidden": other}))
            variants.append(
                ("forward.wrong_activation_output", {"used": other}, {"hidden": other, "output": other})
            )
    return variants


def _which_forward(y_hat: np.ndarray, weights, biases, X, hidden: str):
    """The forward variant whose ŷ equals the student's: (key, params, keywords), or None."""
    for key, params, keywords in _forward_variants(hidden, len(weights)):
        keywords = dict(keywords)
        variant_hidden = keywords.pop("hidden")
        _, activations = diagnose.forward_pass(weights, biases, X, variant_hidden, **keywords)
        if _close(y_hat, activations[-1].reshape(-1)):
            return key, params, {"hidden": variant_hidden, **keywords}
    return None


def _forward_case(ctx: Context, activation: str, sizes, X):
    """(right, (key, params)) of the student's ŷ for one random network."""
    weights, biases = _random_network(ctx.rng, sizes)
    try:
        model = ctx.student.new(sizes, activation=activation)
    except Exception as exc:
        return False, _failed(_new_repr(sizes, activation), exc)
    try:
        ctx.student.set_params(model, weights, biases)
    except Exception as exc:
        return False, _failed("writing the weights", exc)
    try:
        y_hat = ctx.student.forward(model, X)
    except Exception as exc:
        return False, _failed("_forward(X)", exc)
    reference = _reference_forward(weights, biases, X, activation)
    base = {"activation": activation}
    if y_hat.shape != reference.shape:
        return False, ("forward.shape", {**base, "got": int(y_hat.size), "n": int(X.shape[0])})
    if _close(y_hat, reference):
        return True, ("forward.case_ok", base)
    found = _which_forward(y_hat, weights, biases, X, activation)
    if found is not None:
        key, params, _ = found
        return False, (key, {**base, **params})
    difference = float(np.max(np.abs(y_hat - reference))) if np.all(np.isfinite(y_hat)) else math.inf
    return False, ("forward.wrong", {**base, "diff": difference})


def _forward(ctx: Context) -> Outcome:
    X = ctx.rng.normal(size=(9, SIZES[0]))
    lines = [_forward_case(ctx, activation, SIZES, X) for activation in ACTIVATIONS]
    right = sum(ok for ok, _ in lines)
    details = tuple(line for _, line in lines)
    if right == len(lines):
        return Outcome(3.0, "forward.ok", {"sizes": str(SIZES)}, details)
    first = next(line for ok, line in lines if not ok)
    return Outcome(round(3.0 * right / len(lines), 6), *first, details)


# ------------------------------------------------------------ numeric example
TOL_NUMERIC = 1e-6
LOSS_METHODS = (
    "compute_loss",
    "_compute_loss",
    "loss",
    "_loss",
    "calculate_loss",
    "_calculate_loss",
    "loss_function",
    "_loss_function",
    "binary_cross_entropy",
    "_binary_cross_entropy",
    "cross_entropy",
    "_cross_entropy",
    "bce",
    "_bce",
)


def _loss_method(cls) -> str | None:
    for name in LOSS_METHODS:
        static = inspect.getattr_static(cls, name, None)
        if inspect.isfunction(static) or isinstance(static, (staticmethod, classmethod)):
            return name
    return None


def _scalar(value) -> float | None:
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None
    if array.size != 1 or not np.isfinite(array).all():
        return None
    return float(array.reshape(-1)[0])


def _student_loss(ctx: Context, model, name: str, X, y, y_hat: float):
    """The values the student's loss method gives for the sheet's ŷ, in the call forms tried."""
    method = getattr(model, name)
    labels = ctx.student.labels(y)
    forms_y = [labels, np.asarray(y, dtype=float), np.asarray(y, dtype=float).reshape(-1, 1)]
    forms_p = [np.array([[y_hat]]), np.array([y_hat])]
    calls = [(a, b) for t in forms_y for p in forms_p for (a, b) in ((t, p), (p, t))]
    calls.append((X, labels))
    values = []
    for args in calls:
        try:
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the swapped call forms give log(0) on purpose
                value = _scalar(method(*args))
        except Exception:
            continue
        if value is not None:
            values.append(value)
    return values


def _intermediates(ctx: Context, model, trace: dict):
    """(names that match the sheet, names that differ) of what the student's object keeps."""
    try:
        kept = ctx.student.intermediates(model) or {}
    except Exception:
        return [], []
    right, wrong = [], []
    n_layers = len(SHEET_EXAMPLE["weights"])
    for letter in ("z", "a"):
        values = list(kept.get(letter, []) or [])
        if letter == "a" and len(values) == n_layers + 1:
            values = values[1:]  # a(0) = X kept in front
        for layer, value in enumerate(values, start=1):
            key = f"{letter}{layer}"
            if key == f"a{n_layers}":
                expected = np.atleast_1d(trace["y_hat"])
            elif key in trace:
                expected = np.atleast_1d(np.asarray(trace[key], dtype=float))
            else:
                continue
            try:
                got = np.asarray(value, dtype=float).reshape(-1)
            except (TypeError, ValueError):
                wrong.append(key)
                continue
            (right if _close(got, expected, atol=TOL_NUMERIC) else wrong).append(key)
    order = {f"{c}{i}": 2 * i + (c == "a") for i in range(1, n_layers + 1) for c in "za"}
    return sorted(right, key=order.get), sorted(wrong, key=order.get)


def _numeric_example(ctx: Context) -> Outcome:
    trace = sheet_trace()
    ex = SHEET_EXAMPLE
    weights = [np.atleast_2d(np.asarray(w, dtype=float)) for w in ex["weights"]]
    biases = [np.asarray(b, dtype=float).reshape(-1) for b in ex["biases"]]
    sizes = [weights[0].shape[1]] + [w.shape[0] for w in weights]
    X = np.asarray(ex["x"], dtype=float).reshape(1, -1)
    y = np.array([float(ex["y"])])
    expected_y_hat, expected_loss = float(trace["y_hat"]), float(trace["loss"])
    try:
        model = ctx.student.new(sizes, activation=ex["activation"])
        ctx.student.set_params(model, weights, biases)
    except Exception as exc:
        return Outcome(0.0, *_failed(_new_repr(sizes, ex["activation"]), exc))
    try:
        y_hat = ctx.student.forward(model, X)
    except Exception as exc:
        return Outcome(0.0, *_failed("_forward(X)", exc))
    details = []
    right_names, wrong_names = _intermediates(ctx, model, trace)
    if right_names or wrong_names:
        details.append(
            (
                "numeric.intermediates",
                {"right": ", ".join(right_names) or "—", "wrong": ", ".join(wrong_names) or "—"},
            )
        )
    else:
        details.append(("numeric.no_intermediates", {}))
    score = 0.0
    y_hat_ok = y_hat.shape == (1,) and abs(float(y_hat[0]) - expected_y_hat) <= TOL_NUMERIC
    got_y_hat = float(y_hat[0]) if y_hat.size == 1 else math.nan
    if y_hat_ok:
        score += 3.0
        first = ("numeric.y_hat_ok", {"y_hat": expected_y_hat})
    else:
        diagnosis = (
            _which_forward(y_hat, weights, biases, X, ex["activation"]) if y_hat.shape == (1,) else None
        )
        params = {"got": got_y_hat, "expected": expected_y_hat, "diff": abs(got_y_hat - expected_y_hat)}
        if diagnosis is not None:
            details.append((diagnosis[0], {"activation": ex["activation"], **diagnosis[1]}))
        if wrong_names:
            params["first_wrong"] = wrong_names[0]
            first = ("numeric.y_hat_wrong_at", params)
        else:
            first = ("numeric.y_hat_wrong", params)
    details.insert(0, first)

    method = _loss_method(ctx.student.cls)
    loss_line = None
    if method is not None:
        try:
            values = _student_loss(ctx, model, method, X, y, expected_y_hat)
        except Exception:
            values = []
        if values:
            matching = [v for v in values if abs(v - expected_loss) <= TOL_NUMERIC]
            if matching:
                score += 1.0
                loss_line = ("numeric.loss_method_ok", {"method": method, "loss": expected_loss})
            else:
                loss_line = (
                    "numeric.loss_method_wrong",
                    {"method": method, "got": values[0], "expected": expected_loss},
                )
    if loss_line is None:  # no usable loss method: L from the student's ŷ
        if y_hat.size == 1 and 0.0 < got_y_hat < 1.0:
            loss = -(float(y[0]) * math.log(got_y_hat) + (1 - float(y[0])) * math.log(1 - got_y_hat))
        else:
            loss = math.nan
        if abs(loss - expected_loss) <= TOL_NUMERIC:
            score += 1.0
            loss_line = ("numeric.loss_ok", {"loss": expected_loss})
        else:
            loss_line = ("numeric.loss_wrong", {"got": loss, "expected": expected_loss})
    details.insert(1, loss_line)
    if score == 4.0:
        return Outcome(4.0, "numeric.ok", {"y_hat": expected_y_hat, "loss": expected_loss}, tuple(details))
    main = first if not y_hat_ok else loss_line
    return Outcome(score, *main, tuple(details))


# ------------------------------------------------------------------- backward
#: (hidden activation, layer sizes, batch size): distinct sizes, batches unlike every layer width,
#: and one square network where a transposed gradient fits the shape
BACKWARD_CASES = (
    ("sigmoid", SIZES, 32),
    ("tanh", SIZES, 7),
    ("relu", SIZES, 32),
    ("tanh", [4, 4, 4, 1], 7),
)


def _shape_error_gradients(exc: ValueError):
    """The gradients a shape error carried, as (weight_grads, bias_grads), or None.

    The Student's ``GradientShapeError`` has ``weight_grads``/``bias_grads``
    (the student's layout undone, shapes unchecked) and ``raw``, the arrays as
    found: a list of ``(name, array)`` pairs ``("dW1", ...), ("db1", ...)``.
    The canonical pair is used where there is one; ``raw`` (also as a dict,
    or a pair of lists) only without it.
    """
    weight_grads, bias_grads = getattr(exc, "weight_grads", None), getattr(exc, "bias_grads", None)
    if weight_grads is not None and bias_grads is not None:
        return list(weight_grads), list(bias_grads)
    raw = getattr(exc, "raw", None)
    if (
        isinstance(raw, (list, tuple))
        and raw
        and all(isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str) for item in raw)
    ):
        raw = dict(raw)
    if isinstance(raw, dict):
        weight_grads, bias_grads = {}, {}
        for key, value in raw.items():
            text = str(key).lower().lstrip("d").replace("_", "")
            if text[:1] in ("w", "b") and text[1:].isdigit():
                (weight_grads if text[0] == "w" else bias_grads)[int(text[1:])] = value
        if not weight_grads:
            return None
        start = min(weight_grads)
        count = max(max(weight_grads), max(bias_grads, default=0))
        return (
            [weight_grads.get(i) for i in range(start, count + 1)],
            [bias_grads.get(i) for i in range(start, count + 1)],
        )
    if isinstance(raw, (tuple, list)) and len(raw) == 2 and all(isinstance(r, (list, tuple)) for r in raw):
        return list(raw[0]), list(raw[1])
    return None


def _as_arrays(grads):
    out = []
    for g in grads:
        try:
            out.append(None if g is None else np.asarray(g, dtype=float))
        except (TypeError, ValueError):
            out.append(None)
    return out


def _bias_form(gradient: np.ndarray | None, n_out: int) -> np.ndarray | None:
    """A bias gradient of n_out entries as (n_out,); any other size is left for the diagnosis."""
    if gradient is None:
        return None
    return gradient.reshape(-1) if gradient.size == n_out else gradient


def _backward_case(ctx: Context, activation: str, sizes, n: int):
    """(findings or None, notes, error line or None) for one random network and batch."""
    weights, biases = _random_network(ctx.rng, sizes)
    X, y = _batch(ctx.rng, n, sizes[0])
    try:
        model = ctx.student.new(sizes, activation=activation)
        ctx.student.set_params(model, weights, biases)
    except Exception as exc:
        return None, [], _failed(_new_repr(sizes, activation), exc)
    notes = []
    forward = {"hidden": activation}
    try:
        y_hat = ctx.student.forward(model, X)
        if not _close(y_hat, _reference_forward(weights, biases, X, activation)):
            found = _which_forward(y_hat, weights, biases, X, activation)
            if found is not None:
                forward = found[2]
                notes.append(("backward.own_forward", {"activation": activation, "variant": found[0]}))
            else:
                notes.append(("backward.forward_differs", {"activation": activation}))
    except Exception:
        notes.append(("backward.forward_differs", {"activation": activation}))
    try:
        weight_grads, bias_grads = ctx.student.gradients(model, X, y)
    except ValueError as exc:
        coerced = _shape_error_gradients(exc)
        if coerced is None:
            return None, notes, _failed("_backward(X, y)", exc)
        weight_grads, bias_grads = coerced
    except Exception as exc:
        return None, notes, _failed("_backward(X, y)", exc)
    weight_grads = [
        g.reshape(1, -1) if g is not None and g.ndim == 1 and g.size == w.size and w.shape[0] == 1 else g
        for g, w in zip(_as_arrays(weight_grads), weights)
    ]  # the sheet's w(L) of a one-unit layer, a vector, is fine
    bias_grads = [_bias_form(g, n_out) for g, n_out in zip(_as_arrays(bias_grads), sizes[1:])]
    hidden = forward.pop("hidden")
    findings = diagnose.diagnose(weight_grads, bias_grads, weights, biases, X, y, hidden, **forward)
    return findings, notes, None


def _grouped(findings, n_layers: int) -> list[tuple[str, dict]]:
    """One (key, params) per mistake, naming every parameter it explains, from layer L down."""
    groups: dict[tuple, list] = {}
    for finding in sorted(findings, key=lambda f: (-f.layer, f.kind != "W")):
        for key, params in finding.mistakes:
            groups.setdefault((key, tuple(sorted(params.items()))), []).append((finding.kind, finding.layer))
    return [
        (key, {"param": diagnose.param_names(names, n_layers), **dict(items)})
        for (key, items), names in groups.items()
    ]


def _backward(ctx: Context) -> Outcome:
    total, right = 0, 0
    details = []
    right_everywhere: dict[tuple[str, int], bool] = {}
    first = None
    for activation, sizes, n in BACKWARD_CASES:
        n_layers = len(sizes) - 1
        total += 2 * n_layers
        findings, notes, error = _backward_case(ctx, activation, sizes, n)
        case = {"activation": activation, "sizes": str(list(sizes)), "n": n}
        details += notes
        if error is not None:
            details.append(("backward.case_error", {**case, **error[1]}))
            first = first or error
            for layer in range(1, n_layers + 1):
                right_everywhere[("W", layer)] = right_everywhere[("b", layer)] = False
            continue
        case_right = sum(f.right for f in findings)
        right += case_right
        details.append(("backward.case", {**case, "right": case_right, "total": 2 * n_layers}))
        for finding in findings:
            place = (finding.kind, finding.layer)
            right_everywhere[place] = right_everywhere.get(place, True) and finding.right
        lines = _grouped(findings, n_layers)
        details += lines
        if lines and first is None:
            first = lines[0]
    score = 9.0 * right / total
    if first is None:
        return Outcome(9.0, "backward.ok", {"cases": len(BACKWARD_CASES)}, tuple(details))
    names = sorted((place for place, ok in right_everywhere.items() if ok), key=lambda p: (p[1], p[0] != "W"))
    key, params = first
    right_text = ", ".join(diagnose.param_name(kind, layer) for kind, layer in names) or "—"
    return Outcome(round(score, 6), key + ".main", {**params, "right": right_text}, tuple(details))


# ------------------------------------------------------------------- messages
_MESSAGES: dict[str, dict[str, str]] = {
    "model.error": {
        "en": "{method} raised {error}",
        "de": "{method} löste {error} aus",
    },
    # api
    "api.ok": {
        "en": "the constructor and the other methods ({count} in all) have the sheet's names and defaults",
        "de": "der Konstruktor und die übrigen Methoden ({count} insgesamt) haben die Namen und "
        "Standardwerte des Aufgabenblatts",
    },
    "api.missing_method": {
        "en": "{method} is missing",
        "de": "{method} fehlt",
    },
    "api.not_inspectable": {
        "en": "{method}: its signature cannot be read ({error})",
        "de": "{method}: die Signatur lässt sich nicht lesen ({error})",
    },
    "api.missing_param": {
        "en": "{method}: the parameter `{param}` is missing",
        "de": "{method}: der Parameter `{param}` fehlt",
    },
    "api.param_name": {
        "en": "{method}: the parameter `{param}` is called `{got}`",
        "de": "{method}: der Parameter `{param}` heißt `{got}`",
    },
    "api.keyword_only": {
        "en": "{method}: `{param}` is keyword-only; the sheet passes it by position",
        "de": "{method}: `{param}` ist nur als Schlüsselwort erlaubt; das Blatt übergibt ihn per Position",
    },
    "api.position": {
        "en": "{method}: `{param}` is not the parameter number {position}, as on the sheet",
        "de": "{method}: `{param}` ist nicht der {position}. Parameter wie auf dem Blatt",
    },
    "api.no_default": {
        "en": "{method}: `{param}` has no default; the sheet's is {expected}",
        "de": "{method}: `{param}` hat keinen Standardwert; auf dem Blatt ist er {expected}",
    },
    "api.default": {
        "en": "{method}: `{param}` defaults to {got}; the sheet's default is {expected}",
        "de": "{method}: `{param}` hat den Standardwert {got}; auf dem Blatt ist er {expected}",
    },
    "api.extra_required": {
        "en": "{method}: the extra parameter `{param}` has no default (extra parameters must be optional)",
        "de": "{method}: der zusätzliche Parameter `{param}` hat keinen Standardwert "
        "(zusätzliche Parameter müssen optional sein)",
    },
    # initialization
    "init.variance_ok": {
        "en": "weights drawn with the right variance on {sizes}: Xavier for sigmoid and tanh, He for ReLU",
        "de": "Gewichte mit der richtigen Varianz gezogen ({sizes}): Xavier für Sigmoid und tanh, "
        "He für ReLU",
    },
    "init.variance_layer_ok": {
        "en": "{activation}: the variance of W({layer}) is {formula} = {variance} ({family}) ✓",
        "de": "{activation}: die Varianz von W({layer}) ist {formula} = {variance} ({family}) ✓",
    },
    "init.variance_wrong": {
        "en": "{activation}: the variance of W({layer}) is {found} = {found_name}; expected {family}: "
        "{expected}",
        "de": "{activation}: die Varianz von W({layer}) ist {found} = {found_name}; erwartet {family}: "
        "{expected}",
    },
    "init.variance_unknown": {
        "en": "{activation}: the variance of W({layer}) is {found}, no known initialisation; expected "
        "{family}: {expected}",
        "de": "{activation}: die Varianz von W({layer}) ist {found}, keine bekannte Initialisierung; "
        "erwartet {family}: {expected}",
    },
    "init.zero": {
        "en": "{activation}: W({layer}) is all zeros; expected {family}: {expected}",
        "de": "{activation}: W({layer}) ist überall 0; erwartet {family}: {expected}",
    },
    "init.mean": {
        "en": "{activation}: the weights of W({layer}) have mean {mean}, not 0",
        "de": "{activation}: die Gewichte von W({layer}) haben den Mittelwert {mean}, nicht 0",
    },
    "init.biases_ok": {
        "en": "biases start at 0 or small (|b| ≤ {limit})",
        "de": "die Biases beginnen bei 0 oder klein (|b| ≤ {limit})",
    },
    "init.biases_large": {
        "en": "{activation}: b({layer}) of a fresh model has values up to {value} in size; biases start "
        "at 0 or small (|b| ≤ {limit})",
        "de": "{activation}: b({layer}) eines neuen Modells hat Werte bis {value} im Betrag; Biases "
        "beginnen bei 0 oder klein (|b| ≤ {limit})",
    },
    "init.symmetry_ok": {
        "en": "every unit draws its own weights: no two rows of a W are equal",
        "de": "jedes Neuron bekommt eigene Gewichte: keine zwei Zeilen eines W sind gleich",
    },
    "init.rows_equal": {
        "en": "{activation}: rows {unit_a} and {unit_b} of W({layer}) are equal: those units get the same "
        "weights, so the symmetry between them is never broken",
        "de": "{activation}: die Zeilen {unit_a} und {unit_b} von W({layer}) sind gleich: diese Neuronen "
        "bekommen dieselben Gewichte, die Symmetrie zwischen ihnen wird nie gebrochen",
    },
    "init.independent_ok": {
        "en": "two models built one after the other get different weights",
        "de": "zwei nacheinander gebaute Modelle bekommen verschiedene Gewichte",
    },
    "init.seeded_ok": {
        "en": "two models get the same weights from the default seed, and different ones for "
        "{keyword}=1 and {keyword}=2",
        "de": "zwei Modelle bekommen mit dem Standard-Seed dieselben Gewichte und für {keyword}=1 und "
        "{keyword}=2 verschiedene",
    },
    "init.seed_ignored": {
        "en": "models {sizes} get identical weights, even for {keyword}=1 and {keyword}=2: the weights "
        "are not drawn from the seed",
        "de": "Modelle {sizes} bekommen identische Gewichte, selbst für {keyword}=1 und {keyword}=2: "
        "die Gewichte werden nicht aus dem Seed gezogen",
    },
    "init.same_draws": {
        "en": "two models {sizes} built one after the other have identical weights: the class draws from "
        "a fixed seed (e.g. np.random.seed inside the class); reproducible, as the sheet asks, but every "
        "model starts alike: a seed argument would let experiments compare several draws (no points lost)",
        "de": "zwei nacheinander gebaute Modelle {sizes} haben identische Gewichte: Die Klasse zieht "
        "mit festem Seed (z. B. np.random.seed in der Klasse); reproduzierbar, wie das Blatt verlangt, "
        "aber jedes Modell beginnt gleich: Ein Seed-Argument ließe Experimente mehrere Ziehungen "
        "vergleichen (kein Punktabzug)",
    },
    # forward
    "forward.ok": {
        "en": "ŷ is right for sigmoid, tanh and ReLU networks {sizes} with injected weights",
        "de": "ŷ ist richtig für Sigmoid-, tanh- und ReLU-Netze {sizes} mit eingesetzten Gewichten",
    },
    "forward.case_ok": {
        "en": "{activation}: ŷ right",
        "de": "{activation}: ŷ richtig",
    },
    "forward.shape": {
        "en": "{activation}: ŷ has {got} values for {n} samples",
        "de": "{activation}: ŷ hat {got} Werte für {n} Beispiele",
    },
    "forward.no_bias": {
        "en": "{activation}: ŷ is what the network gives without {biases}: the bias is not added in "
        "z = W a + b",
        "de": "{activation}: ŷ ist das, was das Netz ohne {biases} liefert: der Bias wird in z = W a + b "
        "nicht addiert",
    },
    "forward.output_linear": {
        "en": "{activation}: ŷ equals z of the output layer: the output sigmoid σ(z(L)) is missing",
        "de": "{activation}: ŷ ist gleich z der Ausgabeschicht: die Ausgabe-Sigmoide σ(z(L)) fehlt",
    },
    "forward.output_hidden": {
        "en": "{activation}: ŷ is {activation}(z(L)): the hidden activation is applied to the output "
        "layer, where the sheet has σ",
        "de": "{activation}: ŷ ist {activation}(z(L)): die Aktivierung der verdeckten Schichten wird auch "
        "auf die Ausgabeschicht angewandt, wo das Blatt σ hat",
    },
    "forward.wrong_activation": {
        "en": "{activation}: the hidden layers apply {used} where {activation} was asked",
        "de": "{activation}: die verdeckten Schichten wenden {used} an, wo {activation} verlangt war",
    },
    "forward.wrong_activation_output": {
        "en": "{activation}: every layer, the output too, applies {used}; the hidden layers should apply "
        "{activation}, the output σ",
        "de": "{activation}: alle Schichten, auch die Ausgabe, wenden {used} an; die verdeckten sollten "
        "{activation} anwenden, die Ausgabe σ",
    },
    "forward.wrong": {
        "en": "{activation}: ŷ differs from the reference (largest difference {diff}); no classic mistake "
        "explains it",
        "de": "{activation}: ŷ weicht von der Referenz ab (größte Abweichung {diff}); kein typischer Fehler "
        "erklärt das",
    },
    # numeric example
    "numeric.ok": {
        "en": "task 1.2: ŷ = {y_hat} and L = {loss}, as on the sheet (to 1e-6)",
        "de": "Aufgabe 1.2: ŷ = {y_hat} und L = {loss} wie auf dem Blatt (auf 1e-6 genau)",
    },
    "numeric.y_hat_ok": {
        "en": "task 1.2: ŷ = {y_hat} ✓",
        "de": "Aufgabe 1.2: ŷ = {y_hat} ✓",
    },
    "numeric.y_hat_wrong": {
        "en": "task 1.2 with the sheet's weights: ŷ = {got}, the sheet's is {expected} (difference {diff})",
        "de": "Aufgabe 1.2 mit den Gewichten des Blatts: ŷ = {got}, auf dem Blatt {expected} "
        "(Abweichung {diff})",
    },
    "numeric.y_hat_wrong_at": {
        "en": "task 1.2 with the sheet's weights: ŷ = {got}, the sheet's is {expected} (difference {diff}); "
        "the first "
        "intermediate that differs is {first_wrong}",
        "de": "Aufgabe 1.2 mit den Gewichten des Blatts: ŷ = {got}, auf dem Blatt {expected} "
        "(Abweichung {diff}); die erste "
        "abweichende Zwischengröße ist {first_wrong}",
    },
    "numeric.loss_ok": {
        "en": "L = {loss} (computed from your ŷ) ✓",
        "de": "L = {loss} (aus Ihrem ŷ berechnet) ✓",
    },
    "numeric.loss_wrong": {
        "en": "L computed from your ŷ is {got}; the sheet's L = {expected}",
        "de": "L aus Ihrem ŷ berechnet ist {got}; auf dem Blatt L = {expected}",
    },
    "numeric.loss_method_ok": {
        "en": "your loss method {method}() gives L = {loss} for the sheet's ŷ ✓",
        "de": "Ihre Verlustmethode {method}() liefert L = {loss} für das ŷ des Blatts ✓",
    },
    "numeric.loss_method_wrong": {
        "en": "your loss method {method}() gives L = {got} for the sheet's ŷ; the sheet's L = {expected}",
        "de": "Ihre Verlustmethode {method}() liefert L = {got} für das ŷ des Blatts; auf dem Blatt "
        "L = {expected}",
    },
    "numeric.intermediates": {
        "en": "intermediates kept by your object: {right} match the sheet; differ: {wrong}",
        "de": "Zwischengrößen Ihres Objekts: {right} stimmen mit dem Blatt überein; abweichend: {wrong}",
    },
    "numeric.no_intermediates": {
        "en": "no intermediates z, a found on the object: not compared",
        "de": "keine Zwischengrößen z, a am Objekt gefunden: nicht verglichen",
    },
    # backward
    "backward.ok": {
        "en": "every gradient ∂L/∂W(l), ∂L/∂b(l) is right, in {cases} random networks (sigmoid, tanh, "
        "ReLU; batches of 7 and 32)",
        "de": "jeder Gradient ∂L/∂W(l), ∂L/∂b(l) ist richtig, in {cases} zufälligen Netzen (Sigmoid, tanh, "
        "ReLU; Batches von 7 und 32)",
    },
    "backward.case": {
        "en": "{activation} network {sizes}, batch of {n}: {right} of {total} gradients right",
        "de": "{activation}-Netz {sizes}, Batch von {n}: {right} von {total} Gradienten richtig",
    },
    "backward.case_error": {
        "en": "{activation} network {sizes}, batch of {n}: {method} raised {error}",
        "de": "{activation}-Netz {sizes}, Batch von {n}: {method} löste {error} aus",
    },
    "backward.own_forward": {
        "en": "{activation}: your forward pass differs from the sheet's (see forward); your gradients are "
        "compared with backprop through your own forward pass",
        "de": "{activation}: Ihr Vorwärtsdurchlauf weicht vom Blatt ab (siehe forward); Ihre Gradienten "
        "werden mit Backprop durch Ihren eigenen Vorwärtsdurchlauf verglichen",
    },
    "backward.forward_differs": {
        "en": "{activation}: your forward pass differs from the sheet's (see forward), so the gradients "
        "cannot agree",
        "de": "{activation}: Ihr Vorwärtsdurchlauf weicht vom Blatt ab (siehe forward), daher können die "
        "Gradienten nicht übereinstimmen",
    },
}
_RIGHT = {"en": "; right: {right}", "de": "; richtig: {right}"}

#: the expected initialisation, per family, in the messages that name it
_EXPECTED = {
    "xavier": {
        "en": "Xavier: 1/n_in = {value_a} or 2/(n_in+n_out) = {value_b}",
        "de": "Xavier: 1/n_in = {value_a} oder 2/(n_in+n_out) = {value_b}",
    },
    "he": {"en": "He: 2/n_in = {value_a}", "de": "He: 2/n_in = {value_a}"},
}
for _key in ("init.variance_wrong", "init.variance_unknown", "init.zero"):
    _texts = _MESSAGES.pop(_key)
    for _family, _phrases in _EXPECTED.items():
        _MESSAGES[f"{_key}.{_family}"] = {
            lang: text.replace("{family}: {expected}", _phrases[lang]) for lang, text in _texts.items()
        }

MESSAGES: dict[str, dict[str, str]] = {**_MESSAGES, **diagnose.MESSAGES}
for _key, _texts in diagnose.MESSAGES.items():  # the one-line feedback: the mistake and what is right
    MESSAGES[_key + ".main"] = {lang: text + _RIGHT[lang] for lang, text in _texts.items()}
MESSAGES["model.error.main"] = {lang: text + _RIGHT[lang] for lang, text in _MESSAGES["model.error"].items()}

CHECKS = [
    Check("api.signatures", "api", 3, _api),
    Check("initialization.variance", "initialization", 3, _init_variance, needs=("params",)),
    Check("initialization.biases", "initialization", 0.5, _init_biases, needs=("params",)),
    Check("initialization.symmetry", "initialization", 1, _init_symmetry, needs=("params",)),
    Check("initialization.independent", "initialization", 0.5, _init_independent, needs=("params",)),
    Check("forward.values", "forward", 3, _forward, needs=("params",)),
    Check("numeric_example.task_1_2", "numeric_example", 4, _numeric_example, needs=("params",)),
    Check("backward.gradients", "backward", 9, _backward, needs=("params", "gradients")),
]
