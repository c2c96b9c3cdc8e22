"""What one training run recorded, epoch by epoch: :class:`History`."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

__all__ = ["History"]


@dataclass(repr=False)
class History:
    """What happened during one call of :func:`fit`, one entry per epoch.

    Attributes
    ----------
    train_loss : list of float
        The objective per epoch (see the module docstring).
    val_loss : list of float
        Empty when no validation data were given.
    train_metrics, val_metrics : dict of str to list of float
        One list per metric the head reports (``'accuracy'`` for classifiers);
        ``val_metrics`` is empty without validation data.
    best_epoch : int or None
        1-based epoch with the lowest validation loss (early stopping only).
    best_val_loss : float or None
    stopped_epoch : int or None
        The epoch after which early stopping ended training, else ``None``.
    restored_best : bool
        Whether the parameters of ``best_epoch`` were put back at the end.
    """

    train_loss: list[float] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    train_metrics: dict[str, list[float]] = field(default_factory=dict)
    val_metrics: dict[str, list[float]] = field(default_factory=dict)
    best_epoch: int | None = None
    best_val_loss: float | None = None
    stopped_epoch: int | None = None
    restored_best: bool = False

    @property
    def n_epochs(self) -> int:
        return len(self.train_loss)

    def __repr__(self) -> str:
        """Short whatever the length: the number of epochs and the first and last losses."""

        def curve(values: list[float]) -> str:
            if not values:
                return "[]"
            shown = [f"{v:.6g}" for v in (values if len(values) <= 4 else (values[0], values[-1]))]
            return "[" + (", ".join(shown) if len(values) <= 4 else f"{shown[0]}, ..., {shown[1]}") + "]"

        parts = [f"n_epochs={self.n_epochs}", f"train_loss={curve(self.train_loss)}"]
        if self.val_loss:
            parts.append(f"val_loss={curve(self.val_loss)}")
        if self.train_metrics:
            parts.append(f"metrics={sorted(self.train_metrics)}")
        if self.best_epoch is not None:
            parts.append(f"best_epoch={self.best_epoch}, best_val_loss={self.best_val_loss:.6g}")
        if self.stopped_epoch is not None:
            parts.append(f"stopped_epoch={self.stopped_epoch}")
        if self.restored_best:
            parts.append("restored_best=True")
        return f"History({', '.join(parts)})"

    def __len__(self) -> int:
        return self.n_epochs

    @property
    def train_accuracy(self) -> list[float]:
        """``train_metrics['accuracy']`` (empty for a head without accuracy)."""
        return self.train_metrics.get("accuracy", [])

    @property
    def val_accuracy(self) -> list[float]:
        """``val_metrics['accuracy']`` (empty without validation data)."""
        return self.val_metrics.get("accuracy", [])

    def to_dict(self) -> dict:
        """Plain lists and numbers, ready for ``json.dump``; :meth:`from_dict` reads it back."""
        return {
            "train_loss": [float(v) for v in self.train_loss],
            "val_loss": [float(v) for v in self.val_loss],
            "train_metrics": {k: [float(v) for v in vs] for k, vs in self.train_metrics.items()},
            "val_metrics": {k: [float(v) for v in vs] for k, vs in self.val_metrics.items()},
            "best_epoch": self.best_epoch,
            "best_val_loss": None if self.best_val_loss is None else float(self.best_val_loss),
            "stopped_epoch": self.stopped_epoch,
            "restored_best": bool(self.restored_best),
        }

    as_dict = to_dict

    @classmethod
    def from_dict(cls, data: dict) -> History:
        """The inverse of :meth:`to_dict`; raises ``ValueError`` naming what is inconsistent.

        Every list holds finite numbers, one per epoch (validation lists may be
        empty); accuracies lie in [0, 1]; ``best_epoch`` and ``stopped_epoch``
        are epochs that ran.
        """
        fields_ = ("train_loss", "val_loss", "train_metrics", "val_metrics", "best_epoch",
                   "best_val_loss", "stopped_epoch", "restored_best")  # fmt: skip
        if not isinstance(data, dict) or set(data) != set(fields_):
            keys = sorted(data) if isinstance(data, dict) else type(data).__name__
            raise ValueError(f"history must be a dict with keys {list(fields_)}, got {keys}")

        def numbers_(values, where: str) -> list[float]:
            if not isinstance(values, list) or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in values
            ):
                raise ValueError(f"history.{where} must be a list of finite numbers")
            return [float(v) for v in values]

        def metrics_(values, where: str) -> dict[str, list[float]]:
            if not isinstance(values, dict) or not all(isinstance(k, str) for k in values):
                raise ValueError(f"history.{where} must map metric names to lists")
            return {k: numbers_(v, f"{where}.{k}") for k, v in values.items()}

        def epoch_(value, where: str) -> int | None:
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
                raise ValueError(f"history.{where} must be null or an epoch >= 1, got {value!r:.60}")
            return value

        history = cls(
            train_loss=numbers_(data["train_loss"], "train_loss"),
            val_loss=numbers_(data["val_loss"], "val_loss"),
            train_metrics=metrics_(data["train_metrics"], "train_metrics"),
            val_metrics=metrics_(data["val_metrics"], "val_metrics"),
            best_epoch=epoch_(data["best_epoch"], "best_epoch"),
            best_val_loss=None
            if data["best_val_loss"] is None
            else numbers_([data["best_val_loss"]], "best_val_loss")[0],
            stopped_epoch=epoch_(data["stopped_epoch"], "stopped_epoch"),
            restored_best=data["restored_best"],
        )
        n = history.n_epochs
        if not isinstance(history.restored_best, bool):
            raise ValueError("history.restored_best must be true or false")
        if (
            len(history.val_loss) not in (0, n)
            or any(len(v) != n for v in history.train_metrics.values())
            or any(len(v) != len(history.val_loss) for v in history.val_metrics.values())
            or not all(0.0 <= a <= 1.0 for a in (*history.train_accuracy, *history.val_accuracy))
            or any(e is not None and e > n for e in (history.best_epoch, history.stopped_epoch))
        ):
            raise ValueError(
                "history is inconsistent: every list needs one entry per epoch (validation lists may be "
                "empty), accuracies lie in [0, 1], and best_epoch and stopped_epoch are epochs that ran"
            )
        return history
