"""Shared plotting: one look for every figure of the lab (matplotlib only here).

Figures are made with the non-interactive Agg backend and written atomically
as PNG (for the notebook) and SVG or PDF (for the report) by :func:`save_figure`.
:func:`each_language` draws a figure once per language of the report
(:data:`~mlplab.lab._words.LANGS`), with German tick labels in decimal commas,
and tells the progress display which one it draws (:func:`~mlplab.lab._common.drawing`).

matplotlib is imported when the first figure is drawn, not with this module:
importing an experiment (for ``mlplab <experiment> --help``, or to read its
names) costs no matplotlib. Pyplot is reached through :func:`pyplot` only,
which selects the Agg backend first.
"""

from __future__ import annotations

import contextlib
import functools
import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np

from ._common import atomic_write, drawing
from ._words import LANGS, figure_stem, word

__all__ = [
    "CLASS_COLORS",
    "decision_boundary",
    "each_language",
    "grid_over",
    "loss_curves",
    "new_figure",
    "plain_log_ticks",
    "pyplot",
    "save_figure",
    "scatter_classes",
    "superscript",
]

CLASS_COLORS = ["#2166ac", "#b2182b", "#1b7837", "#762a83", "#e08214"]
MARKERS = ["o", "s", "^", "D", "v"]
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


#: the report's text width in inches (A4 less its margins): a figure this wide prints at its own size
TEXT_WIDTH_IN = (210 - 44) / 25.4


@functools.cache
def pyplot():
    """``matplotlib.pyplot`` on the non-interactive Agg backend, imported on the first call."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def new_figure(ncols: int = 1, nrows: int = 1, width: float = 3.25, height: float = 2.7, **kwargs):
    """``fig, axes`` with the lab's style; each panel ``width × height`` inches.

    Draw a figure at the size it is printed (at most :data:`TEXT_WIDTH_IN`
    wide, less for a figure the report places narrower), so that its 10 pt
    text, and the 7 pt of exponents and subscripts, print at that size.
    """
    plt = pyplot()
    with plt.rc_context(STYLE):
        fig, axes = plt.subplots(
            nrows, ncols, figsize=(width * ncols, height * nrows), layout="constrained", **kwargs
        )
    return fig, axes


@functools.cache
def _decimal_comma():
    """The formatter class that writes the tick labels of another with a decimal comma (made once)."""
    from matplotlib.ticker import Formatter

    class DecimalComma(Formatter):
        """The tick labels of ``inner`` with a decimal comma (in maths as ``{,}``, which adds no space)."""

        def __init__(self, inner: Formatter):
            self.inner = inner

        def set_axis(self, axis) -> None:
            super().set_axis(axis)
            self.inner.set_axis(axis)

        def set_locs(self, locs) -> None:
            self.inner.set_locs(locs)

        def __call__(self, x, pos=None) -> str:
            return _comma(self.inner(x, pos))

        def get_offset(self) -> str:
            return _comma(self.inner.get_offset())

        def format_data_short(self, value) -> str:
            return _comma(self.inner.format_data_short(value))

    return DecimalComma


def _comma(text: str) -> str:
    return text.replace(".", "{,}" if "$" in text else ",")


def _decimal_commas(fig) -> None:
    decimal_comma = _decimal_comma()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            for get, put in ((axis.get_major_formatter, axis.set_major_formatter),
                             (axis.get_minor_formatter, axis.set_minor_formatter)):  # fmt: skip
                if not isinstance(get(), decimal_comma):
                    put(decimal_comma(get()))


def save_figure(
    fig, stem: str | Path, formats: Sequence[str] = ("png", "svg"), lang: str = LANGS[0]
) -> list[Path]:
    """Write ``stem.png`` (and the other formats) atomically, then close the figure.

    ``lang``: the figure's language; its files are named by
    :func:`~mlplab.lab._words.figure_stem` (``stem.de.png`` for German, whose
    tick labels get decimal commas). The layout is computed once, for the
    first vector format (the report's), and kept for the others: computing
    it again costs about a quarter of a figure's time.
    """
    stem = Path(stem)
    stem = stem.with_name(figure_stem(stem.name, lang))
    if lang == "de":
        _decimal_commas(fig)
    paths = {}
    plt = pyplot()
    try:
        with plt.rc_context(STYLE):
            for fmt in sorted(formats, key=lambda fmt: fmt == "png"):  # a raster format last
                path = stem.with_name(f"{stem.name}.{fmt}")
                metadata = {"Date": None} if fmt in ("svg", "pdf") else {"Software": None}
                with atomic_write(path, "wb") as handle:
                    fig.savefig(handle, format=fmt, metadata=metadata)
                fig.set_layout_engine("none")  # the axes keep the positions just computed
                paths[fmt] = path
    finally:
        plt.close(fig)
    return [paths[fmt] for fmt in formats]


def each_language(stem: str | Path, draw: Callable[[str], object]) -> list[Path]:
    """Draw a figure in every language of the report and save each: ``draw(lang) -> fig``.

    The English figure is ``stem.png``/``.svg``, the German one ``stem.de.png``/``.svg``;
    before each is drawn, the progress display is told its name (``stem.de`` for German).
    """
    paths = []
    for lang in LANGS:
        drawing(figure_stem(Path(stem).name, lang))
        paths += save_figure(draw(lang), stem, lang=lang)
    return paths


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(n: int) -> str:
    """``n`` in Unicode superscripts (``-4`` → ``⁻⁴``): text of the full size, unlike maths exponents."""
    return str(n).translate(_SUPERSCRIPT)


def plain_log_ticks(axis) -> None:
    """Label a log ``axis`` (``ax.xaxis``/``ax.yaxis``) in plain text: ``0.3``, ``10⁻⁴``, never maths.

    Matplotlib's default writes ``10⁻¹`` in mathtext, whose exponents print at
    70 % of the tick size (below 7 pt in print) and cost more to typeset than
    the rest of the figure. Call it after the data are drawn; minor ticks are
    labelled only when the axis spans less than a decade.
    """
    from matplotlib.ticker import FuncFormatter, NullFormatter

    low, high = sorted(axis.get_view_interval())
    few = low > 0 and high / low < 10

    def label(value, _pos=None) -> str:
        if value <= 0:
            return ""
        exponent = math.log10(value)
        if abs(exponent - round(exponent)) < 1e-9 and abs(round(exponent)) >= 3:
            return "10" + superscript(round(exponent))
        return f"{value:.3g}"

    axis.set_major_formatter(FuncFormatter(label))
    axis.set_minor_formatter(FuncFormatter(label) if few else NullFormatter())


def grid_over(X: np.ndarray, resolution: int = 250, padding: float = 0.1):
    """A ``resolution × resolution`` grid covering ``X`` plus a margin: ``xx, yy, points``."""
    low, high = X.min(axis=0), X.max(axis=0)
    span = np.where(high > low, high - low, 1.0)
    low, high = low - padding * span, high + padding * span
    xx, yy = np.meshgrid(np.linspace(low[0], high[0], resolution), np.linspace(low[1], high[1], resolution))
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()])  # (resolution², 2)


def scatter_classes(ax, X: np.ndarray, y: np.ndarray, lang: str = LANGS[0], size: float = 18,
                    linewidths: float = 0.8, **kwargs) -> None:  # fmt: skip
    """The points of each class in its own colour and marker with a black edge, labelled for the legend.

    The edge keeps a point visible on a region of its own colour; ``kwargs`` go to ``ax.scatter``.
    """
    kwargs.setdefault("zorder", 3)
    for label in np.unique(y):
        members = y == label
        ax.scatter(
            *X[members].T,
            s=size,
            c=CLASS_COLORS[int(label) % len(CLASS_COLORS)],
            marker=MARKERS[int(label) % len(MARKERS)],
            edgecolors="black",
            linewidths=linewidths,
            label=f"{word('class', lang)} {int(label)}",
            **kwargs,
        )


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
    lang: str = LANGS[0],
    point_size: float = 18,
) -> None:
    """Shade P(class 1) over the plane, draw the 0.5 contour and the points.

    ``proba(points)`` returns class probabilities of shape ``(n, n_classes)``.
    Each class has its own colour and marker, with a black edge, so its points
    show on every background.
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
            ax.figure.colorbar(image, ax=ax, label=word("p_class_1", lang))
    else:
        from matplotlib.colors import ListedColormap

        labels = p.argmax(axis=1).reshape(xx.shape)
        cmap = ListedColormap(CLASS_COLORS[: p.shape[1]])
        ax.contourf(
            xx, yy, labels, levels=np.arange(p.shape[1] + 1) - 0.5, cmap=cmap, alpha=0.3, rasterized=True
        )
    scatter_classes(ax, X, y, lang, size=point_size)
    ax.set_xlabel("x₁")  # plain subscripts: maths ones print at 70 %
    ax.set_ylabel("x₂")
    ax.set_aspect("equal", adjustable="box")
    ax.grid(False)
    if title:
        ax.set_title(title)
    ax.legend(loc=legend_loc, framealpha=0.85)


def loss_curves(
    ax,
    curves: Mapping[str, Sequence[float]],
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    log: bool = True,
    styles: Mapping[str, dict] | None = None,
    lang: str = LANGS[0],
) -> None:
    """One line per named curve, on a log scale by default (axes: epoch and loss in ``lang``)."""
    for label, values in curves.items():
        values = np.asarray(values, dtype=float)
        ax.plot(np.arange(1, values.size + 1), values, label=label, lw=1.4, **(styles or {}).get(label, {}))
    if log:
        with contextlib.suppress(ValueError):
            ax.set_yscale("log")
    ax.set_xlabel(word("epoch", lang) if xlabel is None else xlabel)
    ax.set_ylabel(word("loss", lang) if ylabel is None else ylabel)
    if title:
        ax.set_title(title)
    if len(curves) > 1:
        ax.legend()
