"""Which classic mistake a student's gradients show: a small backprop with a switch per mistake.

:func:`backprop` is the sheet's backward pass (eq. 5–8) for a batch, in the
canonical layout (W^(l) of shape (n_out, n_in), X of shape (n, n_in)), with
switches that plant one classic mistake each (a *mutant*, :class:`Mutant`):
a missing σ′ in layer l, another activation's derivative (the ReLU one for
tanh), σ′ taken of the activation instead of z, the extra σ′(z^(L)) of the
squared-error form. Mistakes that only scale or reshape one parameter's
gradient (summed instead of averaged, the sign, a factor 2, a transposed outer
product, the bias summed over the wrong axis) are found per parameter by
:func:`relate`, on top of any mutant.

:func:`diagnose` runs every mutant and keeps the one that explains most of the
student's parameters; each parameter then gets a :class:`Finding`: right, or
the mistakes that explain it (message keys of :data:`MESSAGES` with their
parameters), or "no classic mistake explains it" with the relative error.

:func:`forward_pass` with its switches (no bias, another output activation,
another hidden activation) gives the forward variants that the forward checks
diagnose with, and backprop through such a variant is what a student's
``_backward`` computes on top of their own forward pass.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

__all__ = [
    "MESSAGES",
    "Finding",
    "Mutant",
    "Relation",
    "backprop",
    "diagnose",
    "forward_pass",
    "mutants",
    "param_name",
    "param_names",
    "relate",
]

#: relative tolerance for "equal" arrays: the student's float64 arithmetic in another order
#: differs by ~1e-15 relative; 1e-6 leaves room for float32 students too and for nothing else
RTOL = 1e-6


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # = 1/(1+e^{-z}), without overflow warnings


def _act(name: str, z: np.ndarray) -> np.ndarray:
    if name == "sigmoid":
        return _sigmoid(z)
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "identity":
        return z
    raise ValueError(f"unknown activation {name!r}")


def _derivative(name: str, z: np.ndarray) -> np.ndarray:
    """f′(z)."""
    if name == "sigmoid":
        s = _sigmoid(z)
        return s * (1.0 - s)
    if name == "tanh":
        return 1.0 - np.tanh(z) ** 2
    if name == "relu":
        return (z > 0).astype(float)
    if name == "identity":
        return np.ones_like(z)
    raise ValueError(f"unknown activation {name!r}")


def _derivative_from_a(name: str, a: np.ndarray) -> np.ndarray:
    """f′ written in terms of the activation a = f(z): a(1−a), 1−a², [a>0]."""
    if name == "sigmoid":
        return a * (1.0 - a)
    if name == "tanh":
        return 1.0 - a**2
    if name == "relu":
        return (a > 0).astype(float)
    return np.ones_like(a)


def forward_pass(
    weights: Sequence[np.ndarray],
    biases: Sequence[np.ndarray],
    X: np.ndarray,
    hidden: str,
    *,
    output: str = "sigmoid",
    no_bias: frozenset = frozenset(),
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """z^(l) = a^(l−1) W^(l)ᵀ + b^(l), a^(l) = f(z^(l)) (eq. 1–4) for a batch.

    ``hidden`` is f of the hidden layers, ``output`` that of the last one;
    ``no_bias`` names layers l (1-based) whose b^(l) is left out (a forward variant).

    Returns
    -------
    zs : list of (n, n_l) arrays, z^(1) … z^(L)
    activations : list of (n, n_l) arrays, a^(0) = X, a^(1) … a^(L) (a^(L) = ŷ)
    """
    zs, activations = [], [np.asarray(X, dtype=float)]
    last = len(weights) - 1
    for index, (weight, b) in enumerate(zip(weights, biases)):
        z = activations[-1] @ np.asarray(weight, dtype=float).T  # (n, n_out)
        if index + 1 not in no_bias:
            z = z + np.asarray(b, dtype=float).reshape(1, -1)
        zs.append(z)
        activations.append(_act(output if index == last else hidden, z))
    return zs, activations


@dataclass(frozen=True)
class Mutant:
    """One planted mistake in the backward pass (the default: none).

    Attributes
    ----------
    no_derivative : frozenset of int
        Hidden layers l (1-based) whose δ^(l) lacks the factor f′(z^(l)).
    derivative : str or None
        The activation whose derivative the hidden layers use (None: the right one).
    derivative_of : {'z', 'a', 'formula_at_z'}
        ``'a'``: f′ evaluated at a^(l) = f(z^(l)) instead of z^(l); ``'formula_at_z'``:
        the a-form of f′ (a(1−a), 1−a²) evaluated at z^(l).
    output_derivative : bool
        δ^(L) = (ŷ − y) σ′(z^(L)) (the squared-error form) instead of ŷ − y.
    """

    no_derivative: frozenset = frozenset()
    derivative: str | None = None
    derivative_of: str = "z"
    output_derivative: bool = False

    @property
    def is_none(self) -> bool:
        return self == Mutant()


def backprop(
    weights: Sequence[np.ndarray],
    biases: Sequence[np.ndarray],
    X: np.ndarray,
    y: np.ndarray,
    hidden: str,
    mutant: Mutant = Mutant(),
    *,
    output: str = "sigmoid",
    no_bias: frozenset = frozenset(),
) -> tuple[list[np.ndarray], list[np.ndarray], list[np.ndarray]]:
    """Gradients of the mean binary cross-entropy over the batch (eq. 5–8), with ``mutant`` planted.

    δ^(L) = ŷ − y; δ^(l) = (δ^(l+1) W^(l+1)) ⊙ f′(z^(l)); ∂L/∂W^(l) = δ^(l)ᵀ a^(l−1) / n;
    ∂L/∂b^(l) = Σ_samples δ^(l) / n.

    Returns
    -------
    weight_grads : list of (n_out, n_in) arrays
    bias_grads : list of (n_out,) arrays
    deltas : list of (n, n_l) arrays δ^(1) … δ^(L) (not divided by n)
    """
    zs, activations = forward_pass(weights, biases, X, hidden, output=output, no_bias=no_bias)
    n = activations[0].shape[0]
    y = np.asarray(y, dtype=float).reshape(n, -1)  # (n, 1)
    delta = activations[-1] - y  # (n, n_L): ∂(n L)/∂z^(L) of the fused sigmoid + BCE
    if mutant.output_derivative:
        delta = delta * _derivative(output, zs[-1])
    n_layers = len(weights)
    weight_grads: list = [None] * n_layers
    bias_grads: list = [None] * n_layers
    deltas: list = [None] * n_layers
    for index in reversed(range(n_layers)):
        deltas[index] = delta
        weight_grads[index] = delta.T @ activations[index] / n  # (n_out, n_in)
        bias_grads[index] = delta.sum(axis=0) / n  # (n_out,)
        if index == 0:
            break
        back = delta @ np.asarray(weights[index], dtype=float)  # (n, n_l) for hidden layer l = index
        layer = index  # 1-based number of the hidden layer below
        if layer in mutant.no_derivative:
            delta = back
            continue
        name = mutant.derivative or hidden
        if mutant.derivative_of == "a":
            slope = _derivative(name, activations[layer])
        elif mutant.derivative_of == "formula_at_z":
            slope = _derivative_from_a(name, zs[layer - 1])
        else:
            slope = _derivative(name, zs[layer - 1])
        delta = back * slope
    return weight_grads, bias_grads, deltas


def mutants(n_hidden: int, hidden: str) -> list[Mutant]:
    """The planted mistakes worth trying for ``n_hidden`` hidden layers of activation ``hidden``."""
    found = [Mutant()]
    layers = range(1, n_hidden + 1)
    for size in range(1, n_hidden + 1):
        found += [Mutant(no_derivative=frozenset(s)) for s in itertools.combinations(layers, size)]
    found += [Mutant(derivative=name) for name in ("relu", "sigmoid", "tanh") if name != hidden]
    if hidden in ("sigmoid", "tanh"):
        found += [Mutant(derivative_of="a"), Mutant(derivative_of="formula_at_z")]
    found.append(Mutant(output_derivative=True))
    return found


def param_name(kind: str, layer: int) -> str:
    """``'W', 2`` → ``'∂L/∂W(2)'``."""
    return f"∂L/∂{kind}({layer})"


def param_names(names: Sequence[tuple[str, int]], n_layers: int) -> str:
    """Several parameters in one phrase: ``∂L/∂W(3), ∂L/∂b(3)``, or ``∂L/∂W(1…3), ∂L/∂b(1…3)`` for all."""
    if len(set(names)) == 2 * n_layers and n_layers > 1:
        return f"∂L/∂W(1…{n_layers}), ∂L/∂b(1…{n_layers})"
    return ", ".join(param_name(kind, layer) for kind, layer in names)


def _scale(student: np.ndarray, reference: np.ndarray) -> float | None:
    """c with ``student ≈ c · reference`` (least squares), or None when no such c fits."""
    s, r = student.reshape(-1), reference.reshape(-1)
    rr = float(r @ r)
    if rr == 0.0:
        return 1.0 if not np.any(s) else None
    c = float(s @ r) / rr
    if not np.isfinite(c) or c == 0.0:
        return None
    if np.linalg.norm(s - c * r) <= RTOL * max(np.linalg.norm(s), 1e-300) + 1e-12:
        return c
    return None


@dataclass(frozen=True)
class Relation:
    """How a student's array relates to a computed one: ``form`` ('same', 'transposed',
    'bias_axis', 'bias_all', 'bias_not_summed') and a factor."""

    form: str
    factor: float

    @property
    def exact(self) -> bool:
        return self.form == "same" and abs(self.factor - 1.0) <= RTOL


def relate(student: np.ndarray, grad: np.ndarray, delta: np.ndarray | None = None) -> Relation | None:
    """The relation of ``student`` to ``grad`` (a W or b gradient), or None.

    For a bias gradient, ``delta`` (n, n_out) lets wrong axes be recognised:
    δ summed over the units (shape (n,)), over both axes (one number) or not
    summed at all (n·n_out entries), each up to a factor.
    """
    student = np.asarray(student, dtype=float)
    if not np.all(np.isfinite(student)):
        return None
    if student.shape == grad.shape:
        c = _scale(student, grad)
        if c is not None:
            return Relation("same", c)
    if grad.ndim == 2 and student.shape == grad.T.shape:
        c = _scale(student, grad.T)
        if c is not None:
            return Relation("transposed", c)
    if delta is not None and grad.ndim == 1:
        n, n_out = delta.shape
        flat = student.reshape(-1)
        candidates = []
        if flat.size == n and n != n_out:
            candidates.append(("bias_axis", delta.sum(axis=1)))
        if flat.size == 1 and n_out > 1:
            candidates.append(("bias_all", delta.sum().reshape(1)))
        if flat.size == n * n_out and n > 1:
            candidates += [("bias_not_summed", delta.reshape(-1)), ("bias_not_summed", delta.T.reshape(-1))]
        for form, values in candidates:
            c = _scale(flat, values)
            if c is not None:
                factor = c * n  # relative to the mean over the batch, like the gradient
                if form == "bias_all" and abs(factor * n_out - 1.0) <= 1e-6:
                    factor = 1.0  # np.mean(δ) over both axes: the same mistake, not a second one
                return Relation(form, factor)
    return None


def _relative_error(student: np.ndarray, grad: np.ndarray) -> float | None:
    if student.shape != grad.shape:
        return None
    scale = max(float(np.linalg.norm(grad)), float(np.linalg.norm(student)), 1e-300)
    return float(np.linalg.norm(student - grad)) / scale


@dataclass(frozen=True)
class Finding:
    """What one parameter's gradient shows.

    ``mistakes`` are (message key, params) of :data:`MESSAGES`; empty when right.
    """

    kind: str  # 'W' or 'b'
    layer: int  # 1-based
    right: bool
    mistakes: tuple[tuple[str, dict], ...] = field(default=())

    @property
    def name(self) -> str:
        return param_name(self.kind, self.layer)


def _factor_mistake(factor: float, n: int) -> tuple[str, dict] | None:
    """The message for a gradient off by ``factor`` (None for 1)."""

    def near(value: float) -> bool:
        return abs(factor - value) <= 1e-6 * max(1.0, abs(value))

    if near(1.0):
        return None
    if n > 1 and near(n):
        return "backward.summed", {"factor": n}
    if near(-1.0):
        return "backward.sign", {}
    if n > 1 and near(-n):
        return "backward.sign_summed", {"factor": n}
    if near(2.0):
        return "backward.factor2", {}
    if n > 1 and near(1.0 / n):
        return "backward.divided_twice", {"factor": 1.0 / n, "n": n}
    return "backward.factor", {"factor": factor}


def _mutant_mistakes(mutant: Mutant, hidden: str, affected: bool) -> list[tuple[str, dict]]:
    if mutant.is_none or not affected:
        return []
    if mutant.no_derivative:
        deltas = ", ".join(f"δ({layer})" for layer in sorted(mutant.no_derivative))
        return [("backward.no_derivative", {"deltas": deltas, "act": _symbol(hidden)})]
    if mutant.derivative is not None:
        return [("backward.wrong_derivative", {"used": mutant.derivative, "activation": hidden})]
    if mutant.derivative_of == "a":
        return [("backward.derivative_of_a", {"act": _symbol(hidden)})]
    if mutant.derivative_of == "formula_at_z":
        formula = "a(1−a)" if hidden == "sigmoid" else "1−a²"
        return [("backward.formula_at_z", {"formula": formula})]
    return [("backward.output_derivative", {})]


def _symbol(activation: str) -> str:
    return {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU"}.get(activation, activation)


def diagnose(
    student_weight_grads: Sequence,
    student_bias_grads: Sequence,
    weights: Sequence[np.ndarray],
    biases: Sequence[np.ndarray],
    X: np.ndarray,
    y: np.ndarray,
    hidden: str,
    *,
    output: str = "sigmoid",
    no_bias: frozenset = frozenset(),
) -> list[Finding]:
    """One :class:`Finding` per parameter (W^(1), b^(1), W^(2), …), from the mutant that explains most.

    ``student_*_grads`` are the student's gradients (canonical where they
    could be made so; a missing entry is None). ``output`` and ``no_bias``
    describe the forward pass the gradients belong to (see :func:`forward_pass`).
    """
    n = np.asarray(X).shape[0]
    n_layers = len(weights)
    student = []
    for kind, grads in (("W", student_weight_grads), ("b", student_bias_grads)):
        for index in range(n_layers):
            value = grads[index] if index < len(grads) else None
            student.append((kind, index, None if value is None else np.asarray(value, dtype=float)))
    reference_w, reference_b, _ = backprop(weights, biases, X, y, hidden, output=output, no_bias=no_bias)

    def computed(grads_w, grads_b, kind, index):
        return grads_w[index] if kind == "W" else grads_b[index]

    best = None
    for mutant in mutants(n_layers - 1, hidden):
        grads_w, grads_b, deltas = backprop(
            weights, biases, X, y, hidden, mutant, output=output, no_bias=no_bias
        )
        relations = []
        for kind, index, value in student:
            if value is None:
                relations.append(None)
                continue
            delta = deltas[index] if kind == "b" else None
            relations.append(relate(value, computed(grads_w, grads_b, kind, index), delta))
        matched = sum(r is not None for r in relations)
        exact = sum(r is not None and r.exact for r in relations)
        rank = (matched, exact)
        if best is None or rank > best[0]:
            best = (rank, mutant, relations, grads_w, grads_b)
    _, mutant, relations, grads_w, grads_b = best

    findings = []
    for (kind, index, value), relation in zip(student, relations):
        reference = computed(reference_w, reference_b, kind, index)
        if value is None:
            findings.append(Finding(kind, index + 1, False, (("backward.missing", {}),)))
            continue
        if value.shape == reference.shape and np.allclose(value, reference, rtol=RTOL, atol=1e-12):
            findings.append(Finding(kind, index + 1, True))
            continue
        if relation is None:
            error = _relative_error(value, reference)
            if error is None:
                mistake = ("backward.shape", {"shape": str(value.shape), "expected": str(reference.shape)})
            else:
                mistake = ("backward.wrong", {"error": error})
            findings.append(Finding(kind, index + 1, False, (mistake,)))
            continue
        mutant_grad = computed(grads_w, grads_b, kind, index)
        affected = not (
            mutant_grad.shape == reference.shape and np.allclose(mutant_grad, reference, rtol=1e-12, atol=0)
        )
        mistakes = _mutant_mistakes(mutant, hidden, affected)
        if relation.form == "transposed":
            mistakes.append(("backward.transposed", {}))
        elif relation.form != "same":
            mistakes.append((f"backward.{relation.form}", {"size": value.size, "n": n}))
        factor = _factor_mistake(relation.factor, n)
        if factor is not None:
            mistakes.append(factor)
        if not mistakes:  # equal to a mutant that equals the reference here: cannot be, but say so
            mistakes.append(("backward.wrong", {"error": _relative_error(value, reference) or 0.0}))
        findings.append(Finding(kind, index + 1, False, tuple(mistakes)))
    findings.sort(key=lambda f: (f.layer, f.kind != "W"))
    return findings


#: the feedback of the diagnosis; ``{param}`` is filled with one or more names, e.g. ``∂L/∂W(2)``
MESSAGES: dict[str, dict[str, str]] = {
    "backward.missing": {
        "en": "{param}: no gradient found",
        "de": "{param}: kein Gradient gefunden",
    },
    "backward.shape": {
        "en": "{param}: shape {shape}, expected {expected}",
        "de": "{param}: Form {shape}, erwartet {expected}",
    },
    "backward.wrong": {
        "en": "{param}: differs from the reference (relative error {error}); no classic mistake explains it",
        "de": "{param}: weicht von der Referenz ab (relativer Fehler {error}); kein typischer Fehler "
        "erklärt das",
    },
    "backward.summed": {
        "en": "{param}: off by a factor {factor} = the batch size: you sum over the batch instead of "
        "averaging",
        "de": "{param}: um den Faktor {factor} = die Batchgröße zu groß: Sie summieren über den Batch, "
        "statt zu mitteln",
    },
    "backward.sign": {
        "en": "{param}: the wrong sign (factor −1): ∂L/∂z(L) is ŷ − y, not y − ŷ",
        "de": "{param}: falsches Vorzeichen (Faktor −1): ∂L/∂z(L) ist ŷ − y, nicht y − ŷ",
    },
    "backward.sign_summed": {
        "en": "{param}: off by a factor −{factor}: the wrong sign (ŷ − y, not y − ŷ) and summed over "
        "the batch of {factor} instead of averaged",
        "de": "{param}: um den Faktor −{factor} falsch: falsches Vorzeichen (ŷ − y, nicht y − ŷ) und "
        "über den Batch von {factor} summiert statt gemittelt",
    },
    "backward.factor2": {
        "en": "{param}: off by a factor 2 (a squared-error 2, or the gradient counted twice?)",
        "de": "{param}: um den Faktor 2 zu groß (die 2 des quadratischen Fehlers, oder doppelt gezählt?)",
    },
    "backward.divided_twice": {
        "en": "{param}: {factor} times the right value = 1/{n}: divided by the batch size twice",
        "de": "{param}: das {factor}-fache des richtigen Werts = 1/{n}: zweimal durch die Batchgröße geteilt",
    },
    "backward.factor": {
        "en": "{param}: off by a factor {factor}",
        "de": "{param}: um den Faktor {factor} falsch",
    },
    "backward.transposed": {
        "en": "{param}: transposed: the outer product is in the wrong order, a(l−1)ᵀ δ(l) instead of "
        "∂L/∂W(l) = δ(l)ᵀ a(l−1)",
        "de": "{param}: transponiert: das äußere Produkt steht in der falschen Reihenfolge, "
        "a(l−1)ᵀ δ(l) statt ∂L/∂W(l) = δ(l)ᵀ a(l−1)",
    },
    "backward.bias_axis": {
        "en": "{param}: {size} entries = the batch size: δ is summed over the units instead of over "
        "the samples (axis=0)",
        "de": "{param}: {size} Einträge = die Batchgröße: δ wird über die Neuronen statt über die "
        "Beispiele summiert (axis=0)",
    },
    "backward.bias_all": {
        "en": "{param}: one number: δ is summed or averaged over both axes instead of over the samples "
        "only (axis=0)",
        "de": "{param}: eine einzige Zahl: δ wird über beide Achsen summiert oder gemittelt statt nur "
        "über die Beispiele (axis=0)",
    },
    "backward.bias_not_summed": {
        "en": "{param}: {size} entries: δ is not summed over the samples (axis=0)",
        "de": "{param}: {size} Einträge: δ wird nicht über die Beispiele summiert (axis=0)",
    },
    "backward.no_derivative": {
        "en": "{param}: the factor {act}′(z) is missing in {deltas}",
        "de": "{param}: in {deltas} fehlt der Faktor {act}′(z)",
    },
    "backward.wrong_derivative": {
        "en": "{param}: the {used} derivative is used in the hidden layers, where {activation}′ belongs",
        "de": "{param}: in den verdeckten Schichten wird die Ableitung von {used} benutzt, wo "
        "{activation}′ hingehört",
    },
    "backward.derivative_of_a": {
        "en": "{param}: the derivative is taken of the activation instead of z: {act}′(a), where "
        "{act}′(z) belongs",
        "de": "{param}: die Ableitung wird an der Aktivierung statt an z genommen: {act}′(a), wo "
        "{act}′(z) hingehört",
    },
    "backward.formula_at_z": {
        "en": "{param}: the derivative's a-form {formula} is evaluated at z instead of at a",
        "de": "{param}: die a-Form der Ableitung, {formula}, wird an z statt an a ausgewertet",
    },
    "backward.output_derivative": {
        "en": "{param}: δ(L) has an extra factor σ′(z(L)); with cross-entropy ∂L/∂z(L) = ŷ − y",
        "de": "{param}: δ(L) hat einen zusätzlichen Faktor σ′(z(L)); mit Kreuzentropie ist ∂L/∂z(L) = ŷ − y",
    },
}
