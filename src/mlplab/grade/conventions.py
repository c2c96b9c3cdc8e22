"""How a student's ``MLP`` stores its weights and gradients, found by probing (STUB: canonical only).

INTERFACE (kept by the full implementation):

``detect(cls) -> Student``; never raises for a class that can be
constructed: what it could not find is recorded in ``Student.missing``.

``Student`` methods, all in the *canonical* form of the sheet:
weights ``W^(l)`` of shape (n_out, n_in), biases of shape (n_out,),
``y`` of shape (n,) with labels 0/1, ``ŷ`` of shape (n,).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

FEATURES = ("params", "gradients", "momentum", "l2", "adaptive")


@dataclass
class Student:
    """The student's class seen in the sheet's conventions.

    Attributes
    ----------
    cls : type
        The student's ``MLP`` class.
    found : dict[str, str]
        What was detected, as short English phrases for the feedback, e.g.
        ``{"weights": "list `weights`, W of shape (n_out, n_in)",
        "biases": "list `biases`, shape (n,)", "gradients": "returned by _backward as (dW list, db list)",
        "labels": "y of shape (n,)"}``.
    missing : dict[str, str]
        Feature (one of :data:`FEATURES`) -> why it could not be found, e.g.
        ``{"params": "no list or dict of arrays shaped like the weights of [3, 5, 4, 1]"}``.
    bonus : dict[str, dict]
        Bonus feature -> what the constructor takes for it (see :meth:`options`).
    """

    cls: type
    found: dict[str, str] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)
    bonus: dict[str, dict] = field(default_factory=dict)

    def has(self, feature: str) -> bool:
        return feature not in self.missing and (
            feature not in ("momentum", "l2", "adaptive") or feature in self.bonus
        )

    def new(self, layer_sizes, activation="sigmoid", learning_rate=0.01, **options):
        """A fresh student model: ``cls(list(layer_sizes), activation=..., learning_rate=..., **options)``.

        ``options`` are the student's own keywords, as given by :meth:`options`.
        """
        return self.cls(list(layer_sizes), activation=activation, learning_rate=learning_rate, **options)

    def options(self, feature: str, **values) -> dict:
        """The constructor keywords that switch on a bonus ``feature`` with the given values.

        ``options("momentum", beta=0.9)``, ``options("l2", lam=0.01)``,
        ``options("adaptive", method="adam")`` or ``method="rmsprop"`` (with
        optional ``beta1``, ``beta2``, ``eps``, ``rho``). Raises ``KeyError`` when the
        student has not got the feature, ``ValueError`` for a method they have not got.
        """
        raise KeyError(feature)

    def get_params(self, model) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Copies of the model's weights (n_out, n_in) and biases (n_out,), float64."""
        return (
            [np.array(w, dtype=float) for w in model.weights],
            [np.array(b, dtype=float).reshape(-1) for b in model.biases],
        )

    def set_params(self, model, weights, biases) -> None:
        """Write canonical ``weights`` and ``biases`` into the model, in the student's own layout."""
        for index, (weight, bias) in enumerate(zip(weights, biases)):
            model.weights[index] = np.array(weight, dtype=float)
            model.biases[index] = np.array(bias, dtype=float)

    def labels(self, y) -> np.ndarray:
        """``y`` (n,) of 0/1 in the form the student's methods expect (e.g. (n, 1))."""
        return np.asarray(y, dtype=float)

    def forward(self, model, X) -> np.ndarray:
        """ŷ of shape (n,): the student's ``_forward(X)``, its output found in what it returns."""
        return np.asarray(model._forward(X), dtype=float).reshape(-1)

    def gradients(self, model, X, y) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """∂L/∂W^(l) (n_out, n_in), ∂L/∂b^(l) (n_out,): the student's ``_forward(X)``, ``_backward(X, y)``.

        Whether returned or stored on the object; raises ``ValueError`` when an array
        has a shape that fits no parameter (the message says which and what shape).
        """
        model._forward(X)
        weight_grads, bias_grads = model._backward(X, self.labels(y))
        return (
            [np.array(g, dtype=float) for g in weight_grads],
            [np.array(g, dtype=float).reshape(-1) for g in bias_grads],
        )

    def intermediates(self, model) -> dict[str, list[np.ndarray]]:
        """What the last ``_forward`` kept: ``{"z": [z1, ...], "a": [a1, ...]}``, each (n, n_l)."""
        return {}


def detect(cls) -> Student:
    """Probe ``cls`` (the student's ``MLP``) and return it seen through its conventions."""
    return Student(cls=cls, found={"weights": "list `weights`, W of shape (n_out, n_in)"})
