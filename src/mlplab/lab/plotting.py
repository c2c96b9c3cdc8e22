"""Shared plotting: one look for every figure of the lab (matplotlib only here).

Figures are made with the non-interactive Agg backend and written atomically
as PNG (for the notebook) and SVG or PDF (for the report) by :func:`save_figure`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

from ._common import atomic_write

__all__ = [
    "CLASS_COLORS",
    "decision_boundary",
    "grid_over",
    "loss_curves",
    "new_figure",
    "save_figure",
]

CLASS_COLORS = ["#2166ac", "#b2182b", "#1b7837", "#762a83", "#e08214"]
STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "legend.fontsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "svg.hashsalt": "mlplab",  # deterministic SVG ids
    "svg.fonttype": "none",
}


def new_figure(ncols: int = 1, nrows: int = 1, width: float = 4.2, height: float = 3.4, **kwargs):
    """``fig, axes`` with the lab's style; each panel ``width × height`` inches."""
    with plt.rc_context(STYLE):
        fig, axes = plt.subplots(
            nrows, ncols, figsize=(width * ncols, height * nrows), layout="constrained", **kwargs
        )
    return fig, axes


def save_figure(fig, stem: str | Path, formats: Sequence[str] = ("png", "svg")) -> list[Path]:
    """Write ``stem.png`` (and the other formats) atomically, then close the figure."""
    stem = Path(stem)
    paths = []
    try:
        with plt.rc_context(STYLE):
            for fmt in formats:
                path = stem.with_suffix(f".{fmt}")
                metadata = {"Date": None} if fmt in ("svg", "pdf") else {"Software": None}
                with atomic_write(path, "wb") as handle:
                    fig.savefig(handle, format=fmt, metadata=metadata)
                paths.append(path)
    finally:
        plt.close(fig)
    return paths


def grid_over(X: np.ndarray, resolution: int = 250, padding: float = 0.1):
    """A ``resolution × resolution`` grid covering ``X`` plus a margin: ``xx, yy, points``."""
    low, high = X.min(axis=0), X.max(axis=0)
    span = np.where(high > low, high - low, 1.0)
    low, high = low - padding * span, high + padding * span
    xx, yy = np.meshgrid(np.linspace(low[0], high[0], resolution), np.linspace(low[1], high[1], resolution))
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()])  # (resolution², 2)


def decision_boundary(
    ax,
    proba: Callable[[np.ndarray], np.ndarray],
    X: np.ndarray,
    y: np.ndarray,
    title: str | None = None,
    resolution: int = 250,
    padding: float = 0.1,
    show_colorbar: bool = False,
    legend_loc: str = "best",
) -> None:
    """Shade P(class 1) over the plane, draw the 0.5 contour and the points.

    ``proba(points)`` returns class probabilities of shape ``(n, n_classes)``.
    """
    xx, yy, points = grid_over(X, resolution, padding)
    p = proba(points)
    if p.shape[1] == 2:
        field = p[:, 1].reshape(xx.shape)
        # rasterised: as vectors the filled contours make SVGs of ~2 MB
        image = ax.contourf(
            xx, yy, field, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.55, rasterized=True
        )
        ax.contour(xx, yy, field, levels=[0.5], colors="k", linewidths=1.2)
        if show_colorbar:
            ax.figure.colorbar(image, ax=ax, label="P(class 1)")
    else:
        labels = p.argmax(axis=1).reshape(xx.shape)
        cmap = ListedColormap(CLASS_COLORS[: p.shape[1]])
        ax.contourf(
            xx, yy, labels, levels=np.arange(p.shape[1] + 1) - 0.5, cmap=cmap, alpha=0.3, rasterized=True
        )
    for label in np.unique(y):
        members = y == label
        ax.scatter(
            X[members, 0],
            X[members, 1],
            s=18,
            c=CLASS_COLORS[int(label) % len(CLASS_COLORS)],
            edgecolors="white",
            linewidths=0.5,
            label=f"class {int(label)}",
            zorder=3,
        )
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_aspect("equal", adjustable="box")
    ax.grid(False)
    if title:
        ax.set_title(title)
    ax.legend(loc=legend_loc, framealpha=0.85)


def loss_curves(
    ax,
    curves: Mapping[str, Sequence[float]],
    title: str | None = None,
    xlabel: str = "epoch",
    ylabel: str = "loss",
    log: bool = True,
    styles: Mapping[str, dict] | None = None,
) -> None:
    """One line per named curve, on a log scale by default."""
    for label, values in curves.items():
        values = np.asarray(values, dtype=float)
        ax.plot(np.arange(1, values.size + 1), values, label=label, lw=1.4, **(styles or {}).get(label, {}))
    if log:
        with contextlib.suppress(ValueError):
            ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    if len(curves) > 1:
        ax.legend()
