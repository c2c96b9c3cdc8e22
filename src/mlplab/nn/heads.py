r"""Heads: what a network's logits mean.

A head turns user targets into the arrays a loss compares the logits with
(:meth:`Head.encode`), and logits into predictions and metrics. It knows
nothing of gradients (that is the loss's job, :mod:`mlplab.nn.losses`):

==========  ====================  ===============  ==========================  ========================
head        targets               output ŷ         prediction                  default loss
==========  ====================  ===============  ==========================  ========================
binary      labels 0/1            σ(z), one unit   ``z > 0``                   binary_cross_entropy
softmax     labels 0..k−1         softmax(z)       ``argmax z``                softmax_cross_entropy
multilabel  0/1 matrix (n, k)     σ(z) per unit    ``z > 0`` per unit          multilabel_cross_entropy
identity    real values (n, k)    z                z                           mean_squared_error
==========  ====================  ===============  ==========================  ========================

``metrics`` maps a metric's name to ``metric(logits, targets) -> float``; the
training loop records each one per epoch (accuracy for the classifiers, none
for regression, whose loss already is its metric). :meth:`Head.score` is
scikit-learn's ``score``: accuracy for classifiers (for multi-label targets
the *subset* accuracy, a sample counting only with all its labels right, as
scikit-learn's ``accuracy_score``), R² for regression.

:func:`default_head` chooses by output width alone (binary or softmax); the
multilabel head, whose width is the number of labels, is asked for by name.

Checked and unchecked: :meth:`Head.check` and :func:`get_head` check user
input with errors naming the argument; ``encode``, ``predict``,
``probabilities``, ``score`` and the metrics take arrays already checked
(``encode`` the output of ``check``, the others logits of the network) and
check nothing (see the rule in :mod:`mlplab.nn`).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .activations import sigmoid
from .checks import as_plain_array, check_labels, check_targets, short_repr
from .losses import log_softmax

__all__ = [
    "HEADS",
    "BinaryHead",
    "Head",
    "IdentityHead",
    "MultilabelHead",
    "SoftmaxHead",
    "check_label_indicator",
    "default_head",
    "get_head",
]

Metric = Callable[[np.ndarray, np.ndarray], float]


class Head:
    """Interface: targets in, predictions and metrics out, for ``n_outputs`` logits per sample."""

    name = "head"
    default_loss = ""
    losses: tuple[str, ...] = ()  # the losses that fit this head
    is_classifier = False

    def __init__(self, n_outputs: int):
        self.n_outputs = int(n_outputs)
        self.metrics: dict[str, Metric] = {}

    def check(self, y: object, n_samples: int, name: str = "y") -> np.ndarray:
        """``y`` checked against ``n_samples`` (labels ``int64`` or real targets), or a clear error."""
        raise NotImplementedError

    def encode(self, y: np.ndarray, dtype=np.float64) -> np.ndarray:
        """Checked ``y`` (from :meth:`check`) as the target array, shape ``(n, n_outputs)``."""
        raise NotImplementedError

    def predict(self, logits: np.ndarray) -> np.ndarray:
        """Predictions from logits of shape ``(n, n_outputs)``."""
        raise NotImplementedError

    def score(self, logits: np.ndarray, y: np.ndarray) -> float:
        """Accuracy (classifiers) or R² (regression) of the logits against checked ``y``."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(n_outputs={self.n_outputs})"


class _ClassifierHead(Head):
    is_classifier = True

    def __init__(self, n_outputs: int):
        super().__init__(n_outputs)
        self.metrics = {"accuracy": self.accuracy}

    @property
    def n_classes(self) -> int:
        return 2 if self.n_outputs == 1 else self.n_outputs

    def check(self, y, n_samples, name="y"):
        return check_labels(y, n_samples, self.n_outputs, name)

    def probabilities(self, logits: np.ndarray) -> np.ndarray:
        """Class probabilities of shape ``(n, n_classes)``."""
        raise NotImplementedError

    def log_probabilities(self, logits: np.ndarray) -> np.ndarray:
        """``log`` of :meth:`probabilities`, computed stably from the logits."""
        raise NotImplementedError

    def accuracy(self, logits: np.ndarray, targets: np.ndarray) -> float:
        """Share of rows of ``logits`` that predict the class encoded in ``targets``."""
        raise NotImplementedError

    def score(self, logits, y):
        return float(np.mean(self.predict(logits) == y))


class BinaryHead(_ClassifierHead):
    """One logit per sample, ``P(class 1) = σ(z)``; labels 0/1."""

    name = "binary"
    default_loss = "binary_cross_entropy"
    losses = ("binary_cross_entropy",)

    def __init__(self, n_outputs: int = 1):
        if n_outputs != 1:
            raise ValueError(f"the binary head needs exactly 1 output unit, got {n_outputs}")
        super().__init__(1)

    def encode(self, y, dtype=np.float64):
        return np.asarray(y, dtype=dtype).reshape(-1, 1)  # (n, 1)

    def predict(self, logits):
        return (logits[:, 0] > 0.0).astype(np.int64)  # σ(z) > 1/2  ⇔  z > 0

    def probabilities(self, logits):
        # σ(−z) rather than 1 − σ(z): keeps P(class 0) accurate where it is tiny
        return np.column_stack([sigmoid(-logits[:, 0]), sigmoid(logits[:, 0])])  # (n, 2)

    def log_probabilities(self, logits):
        z = logits[:, 0]
        return np.column_stack([-np.logaddexp(0.0, z), -np.logaddexp(0.0, -z)])  # log σ(−z), log σ(z)

    def accuracy(self, logits, targets):
        return np.count_nonzero((logits > 0.0) == targets) / logits.shape[0]  # bool == 0./1. as numbers


class SoftmaxHead(_ClassifierHead):
    """``k >= 2`` logits per sample, ``P = softmax(z)``; labels ``0..k−1``."""

    name = "softmax"
    default_loss = "softmax_cross_entropy"
    losses = ("softmax_cross_entropy",)

    def __init__(self, n_outputs: int):
        if n_outputs < 2:
            raise ValueError(f"the softmax head needs at least 2 output units, got {n_outputs}")
        super().__init__(n_outputs)

    def encode(self, y, dtype=np.float64):
        labels = np.asarray(y, dtype=np.int64)
        onehot = np.zeros((labels.shape[0], self.n_outputs), dtype=dtype)  # (n, k)
        onehot[np.arange(labels.shape[0]), labels] = 1.0
        return onehot

    def predict(self, logits):
        return np.argmax(logits, axis=1).astype(np.int64)

    def probabilities(self, logits):
        return np.exp(log_softmax(logits))

    def log_probabilities(self, logits):
        return log_softmax(logits)

    def accuracy(self, logits, targets):
        return np.count_nonzero(np.argmax(logits, axis=1) == np.argmax(targets, axis=1)) / logits.shape[0]


def check_label_indicator(y: object, n_samples: int, n_labels: int, name: str = "y") -> np.ndarray:
    """Multi-label targets as an ``int64`` 0/1 matrix of shape ``(n_samples, n_labels)``.

    Row ``i`` holds a 1 in column ``c`` where sample ``i`` has label ``c``
    (scikit-learn's label indicator matrix). With one label a vector of shape
    ``(n_samples,)`` is accepted too. Raises ``TypeError``/``ValueError``
    naming ``name`` (and the first bad entry with its index).
    """
    if y is None:
        raise TypeError(f"{name} must be a 0/1 label indicator matrix, got None")
    array = as_plain_array(y, name)
    if array.ndim == 1 and n_labels == 1:
        array = array.reshape(-1, 1)
    if array.ndim != 2 or array.shape[1] != n_labels:
        raise ValueError(
            f"{name} must be a label indicator matrix of shape ({n_samples}, {n_labels}), "
            f"got shape {array.shape}"
        )
    if np.iscomplexobj(array) or array.dtype.kind not in "biuf":
        raise TypeError(f"{name} must hold the numbers 0 and 1, got dtype {array.dtype}")
    if array.shape[0] != n_samples:
        raise ValueError(f"{name} has {array.shape[0]} rows, but X has {n_samples} samples; they must match")
    bad = (array != 0) & (array != 1)  # NaN is neither
    if bad.any():
        index = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(
            f"{name} must hold only 0 or 1 (label indicators), got {array[index].item()!r} at index {index}"
        )
    return array.astype(np.int64)


class MultilabelHead(_ClassifierHead):
    """``k >= 1`` independent labels, ``P(label c) = σ(z_c)``; targets a 0/1 matrix ``(n, k)``.

    Each output unit is a binary classifier of its own (scikit-learn's
    multi-label ``MLPClassifier``, whose output activation is the logistic
    function). :meth:`predict` gives the 0/1 matrix ``z > 0``;
    :meth:`score` and the ``accuracy`` metric are the subset accuracy, the
    share of samples whose labels are *all* right.
    """

    name = "multilabel"
    default_loss = "multilabel_cross_entropy"
    losses = ("multilabel_cross_entropy",)

    def __init__(self, n_outputs: int):
        if n_outputs < 1:
            raise ValueError(f"the multilabel head needs at least 1 output unit, got {n_outputs}")
        super().__init__(n_outputs)

    @property
    def n_classes(self) -> int:
        """The number of labels ``k`` (one output unit each)."""
        return self.n_outputs

    def check(self, y, n_samples, name="y"):
        return check_label_indicator(y, n_samples, self.n_outputs, name)

    def encode(self, y, dtype=np.float64):
        return np.asarray(y, dtype=dtype).reshape(-1, self.n_outputs)  # (n, k)

    def predict(self, logits):
        return (logits > 0.0).astype(np.int64)  # (n, k), σ(z) > 1/2 per label

    def probabilities(self, logits):
        """``σ(z)``, shape ``(n, k)``: each label's probability (scikit-learn's ``predict_proba``)."""
        return sigmoid(logits)

    def log_probabilities(self, logits):
        return -np.logaddexp(0.0, -logits)  # log σ(z), (n, k)

    def accuracy(self, logits, targets):
        return np.count_nonzero(((logits > 0.0) == targets).all(axis=1)) / logits.shape[0]

    def score(self, logits, y):
        return float(np.mean((self.predict(logits) == y).all(axis=1)))


class IdentityHead(Head):
    """Regression: the logits are the predictions, ``ŷ = z``."""

    name = "identity"
    default_loss = "mean_squared_error"
    losses = ("mean_squared_error",)

    def check(self, y, n_samples, name="y"):
        return check_targets(y, n_samples, self.n_outputs, name)

    def encode(self, y, dtype=np.float64):
        return np.asarray(y, dtype=dtype).reshape(-1, self.n_outputs)

    def predict(self, logits):
        """``(n,)`` for one output (scikit-learn's layout), else ``(n, k)``."""
        return logits[:, 0].copy() if self.n_outputs == 1 else logits

    def score(self, logits, y):
        """R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², averaged over the outputs (scikit-learn's ``r2_score``)."""
        y = np.asarray(y, dtype=np.float64).reshape(-1, self.n_outputs)
        residual = ((y - logits) ** 2).sum(axis=0)
        total = ((y - y.mean(axis=0)) ** 2).sum(axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            r2 = np.where(total > 0, 1.0 - residual / np.where(total > 0, total, 1.0), 0.0)
        return float(r2.mean())


#: name -> head class
HEADS: dict[str, type[Head]] = {
    "binary": BinaryHead,
    "softmax": SoftmaxHead,
    "multilabel": MultilabelHead,
    "identity": IdentityHead,
}


def default_head(n_outputs: int, multilabel: bool = False) -> str:
    """The classification head for an output width: binary for one unit, softmax for more.

    ``multilabel=True`` (targets a 0/1 matrix, one column per label): ``"multilabel"``
    whatever the width.
    """
    if multilabel:
        return "multilabel"
    return "binary" if n_outputs == 1 else "softmax"


def get_head(head: object, n_outputs: int, argument: str = "head") -> Head:
    """A head for ``n_outputs`` logits from its name (``None``: by output width), or passed through."""
    if head is None:
        head = default_head(n_outputs)
    if isinstance(head, Head):
        if type(head).check is Head.check or type(head).encode is Head.encode:
            raise TypeError(
                f"{argument} must be one of {sorted(HEADS)} or a Head subclass that defines check and "
                f"encode, got the abstract {short_repr(head)}"
            )
        if head.n_outputs != n_outputs:
            raise ValueError(f"{argument} has {head.n_outputs} outputs, the network {n_outputs}")
        return head
    if not isinstance(head, str):
        raise TypeError(f"{argument} must be one of {sorted(HEADS)} or a Head, got {short_repr(head)}")
    try:
        cls = HEADS[head.lower()]
    except KeyError:
        raise ValueError(f"{argument} must be one of {sorted(HEADS)}, got {short_repr(head)}") from None
    try:
        return cls(n_outputs)
    except ValueError as error:
        raise ValueError(f"{argument}={head!r}: {error}") from None
