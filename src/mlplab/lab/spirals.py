"""Task 2.2 (b): the two-spiral data set, classified by a [2, 32, 16, 8, 1] network.

Training data: the sheet's ``make_spirals(200, 0.1)``; test data: an
independent draw of the same generator with another seed. The inputs are
scaled by 1/(4π), so that both coordinates lie in about [−1, 1] (the raw
spirals reach ±4π ≈ ±12.6, where tanh and sigmoid units saturate at once).

The default network comes from the sheet's grid (task 2.2 c): hidden layers
[32, 16, 8], ReLU, learning rate 0.001, trained with Adam (task 4 c) on
mini-batches of 32 for 3000 epochs. With ReLU and Adam at 0.001 the final
model classified every training point correctly for 18 of 20 seeds we tried
(the other two: 99.5 % and 99 %). Alternatives that looked plausible did
worse: tanh with Adam at 0.01 stalls at ~52 % for about half of the seeds, and
plain gradient descent gets there only with ReLU at α = 0.1, whose training
accuracy keeps flickering below 100 % (see ``mlplab sweep``).

Outputs: the data, the decision boundary with the training and the test
points, loss and accuracy curves, the epoch from which every training point is
classified correctly, the feature maps of the last hidden layer (each unit's
activation over the plane, TensorFlow-Playground style), where the test errors
lie and how close the test draw lies to the training draw; every figure in
English and German. The animated GIF of the decision boundary during training
is English only: it is not part of the report.
"""

from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..mlp import MLP
from ..nn.activations import get_activation
from . import plotting
from ._common import Context, EpochAccuracy, atomic_write, data_loss, drawing
from ._data import SPIRAL_SCALE, spiral_data, spiral_settings
from ._options import HIDDEN_ACTIVATIONS, OPTIMIZERS, layer_widths, option, positive_float, positive_int
from ._words import percent, word

NAME = "spirals"
HELP = "task 2.2 (b): two spirals: decision boundary, loss curves, epochs to 100 %, training GIF"

#: output files (figure stems: a .png and a .svg each); the report imports these names
FIG_DATA = "spirals_data"
FIG_BOUNDARY = "spirals_boundary"
FIG_CURVES = "spirals_curves"
FIG_FEATURES = "spirals_features"  # the last hidden layer's units over the plane
GIF_TRAINING = "spirals_training.gif"

SCALE = SPIRAL_SCALE  # inputs are divided by this (the largest radius of the noise-free spirals)
AXIS_LABELS = ("x₁ / 4π", "x₂ / 4π")  # plain subscripts: maths ones print at 70 %
GIF_FPS = 8
GIF_HOLD = 4  # the last frame lasts this many frames longer: half a second before the loop restarts
GIF_DPI = 100


@dataclass(frozen=True)
class Config:
    """The options of ``mlplab spirals``."""

    hidden: tuple[int, ...] = option(
        (32, 16, 8), parse=layer_widths, metavar="N,N,...", help="hidden layer widths, comma-separated"
    )
    activation: str = option("relu", choices=HIDDEN_ACTIVATIONS, help="hidden activation")
    learning_rate: float = option(0.001, parse=positive_float, help="step size α")
    optimizer: str = option("adam", choices=OPTIMIZERS, help="optimiser")
    epochs: int = option(3000, quick=300, parse=positive_int, help="training epochs")
    batch_size: int = option(32, parse=positive_int, help="mini-batch size")
    frames: int = option(40, quick=6, parse=positive_int, help="frames of the training GIF")


class _BoundaryFrames:
    """Train callback: P(class 1) on a fixed grid every ``every`` epochs and at the last one (GIF frames)."""

    def __init__(self, model: MLP, points: np.ndarray, every: int, last: int, tracker: EpochAccuracy):
        self.model, self.points, self.every, self.last, self.tracker = model, points, every, last, tracker
        self.frames: list[tuple[int, np.ndarray, float, float]] = []  # (epoch, P(class 1), loss, accuracy)

    def capture(self, epoch: int, loss: float, accuracy: float) -> None:
        probability = self.model.head.probabilities(self.model.network.predict_logits(self.points))[:, 1]
        self.frames.append((epoch, probability, loss, accuracy))

    def __call__(self, epoch: int, history) -> None:
        if epoch % self.every == 0 or epoch == self.last:
            self.capture(epoch, history.train_loss[-1], self.tracker.accuracy[-1])


def last_hidden(model: MLP, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pre-activations ``z`` and activations ``a`` of the last hidden layer, each ``(n, units)``."""
    linear = model.network.linear_layers[:-1]  # every layer but the output
    activation = model.network.activation
    a = X
    for layer in linear:
        z = a @ layer.weight.T + layer.bias  # (n, n_out)
        a = activation.forward(z.copy())
    return z, a


def run(ctx: Context, config: Config) -> dict:
    """Train on the spirals, write ``metrics.json``, the figures and the GIF into ``ctx.out``."""
    epochs, n_frames = config.epochs, config.frames
    layer_sizes = [2, *config.hidden, 1]
    train_seed, test_seed, model_seed = ctx.seed_for(0), ctx.seed_for(1), ctx.seed_for(2)
    X, y, X_test, y_test = spiral_data(train_seed, test_seed)
    settings = {
        "data": spiral_settings(train_seed, test_seed),
        "layer_sizes": layer_sizes,
        "activation": config.activation,
        "learning_rate": config.learning_rate,
        "optimizer": config.optimizer,
        "batch_size": config.batch_size,
        "epochs": epochs,
        "model_seed": model_seed,
        "gif_frames": n_frames,
    }

    model = MLP(
        layer_sizes, config.activation, config.learning_rate, optimizer=config.optimizer, seed=model_seed
    )
    tracker = EpochAccuracy(
        model, X, y
    )  # the test draw's accuracy per epoch: the history's validation accuracy
    xx, yy, points = plotting.grid_over(np.vstack([X, X_test]), resolution=150, padding=0.2)
    frames = _BoundaryFrames(model, points, every=max(1, epochs // n_frames), last=epochs, tracker=tracker)
    frames.capture(0, float("nan"), float("nan"))  # the untrained network
    bar = ctx.bar(epochs, "epochs")

    def tick(epoch: int, history) -> None:
        bar.update()  # not returned: tqdm's update() returns True after a redraw, which would stop training

    with ctx.timed("training"):
        history = model.train(
            X,
            y,
            epochs=epochs,
            batch_size=config.batch_size,
            validation_data=(X_test, y_test),
            callbacks=[tracker, frames, tick],
        )
    bar.close()

    wrong = model.predict(X_test) != y_test
    z_last, _ = last_hidden(model, X)
    positive_share = np.mean(z_last > 0, axis=0)  # (units,): share of training points with z > 0
    results = {
        "train_accuracy": model.score(X, y),
        "test_accuracy": model.score(X_test, y_test),
        "final_train_loss": data_loss(model, X, y),
        "final_test_loss": data_loss(model, X_test, y_test),
        "epochs_to_100_percent": tracker.first_perfect_epoch,
        "epochs_at_100_percent": int(np.sum(np.asarray(tracker.accuracy) == 1.0)),
        "n_params": model.n_params,
        "n_test": len(y_test),
        "n_train": len(y),
        # where the test errors lie: their distance from the centre (1 = the spirals' largest radius)
        "test_error_radii": np.linalg.norm(X_test[wrong], axis=1).tolist(),
        "inner_radius": INNER_RADIUS,
        "test_share_inner": float(np.mean(np.linalg.norm(X_test, axis=1) < INNER_RADIUS)),
        # how close the test draw lies to the training draw: median distance of a test point to the
        # nearest training point of its class, and the radial gap between neighbouring arms (π / 4π)
        "median_test_to_train_distance": _median_nearest(X_test, y_test, X, y),
        "arm_gap": float(np.pi / SCALE),
        "last_hidden": {
            "layer": len(config.hidden),  # 1-based: the last hidden layer
            "units": int(z_last.shape[1]),
            "positive_share": positive_share.tolist(),
            "shown": _shown_units(z_last, config.activation).tolist(),
        },
        "curves": {
            "train_loss": history.train_loss,
            "test_loss": history.val_loss,
            "train_accuracy": tracker.accuracy,
            "test_accuracy": history.val_accuracy,
        },
    }
    with ctx.timed("figures"):
        data = (X, y, X_test, y_test)
        plotting.each_language(ctx.out / FIG_DATA, lambda lang: _draw_data(data, lang))
        boundary = _boundary_fields(model, data)
        plotting.each_language(
            ctx.out / FIG_BOUNDARY, lambda lang: _draw_boundary(boundary, data, results, settings, lang)
        )
        plotting.each_language(ctx.out / FIG_CURVES, lambda lang: _draw_curves(history, tracker, lang))
        plotting.each_language(
            ctx.out / FIG_FEATURES, lambda lang: _draw_features(model, data, results, lang)
        )
        _write_gif(ctx.out / GIF_TRAINING, frames, xx, yy, X, y, settings)  # English only: not in the PDF
    ctx.write_metrics(config, settings, results)
    return results


#: the "centre" of the spirals: the inner quarter of their largest radius (scaled to 1)
INNER_RADIUS = 0.25
#: the colour of a unit's line z = 0 in the feature maps (not a class colour)
FEATURE_EDGE = "#e08214"
#: at most this many units of the last hidden layer are drawn
MAX_FEATURE_MAPS = 8


def _shown_units(z: np.ndarray, activation: str) -> np.ndarray:
    """The units of the feature-map figure: all, or the :data:`MAX_FEATURE_MAPS` that vary most.

    A unit's variation is the standard deviation of its activation over the training points.
    """
    n_units = z.shape[1]
    if n_units <= MAX_FEATURE_MAPS:
        return np.arange(n_units)
    a = get_activation(activation).forward(z.copy())
    return np.sort(np.argsort(-a.std(axis=0), kind="stable")[:MAX_FEATURE_MAPS])


def _median_nearest(X_test, y_test, X, y) -> float:
    """Median over the test points of the distance to the nearest training point of the same class."""
    nearest = np.empty(len(y_test))
    for label in np.unique(y_test):
        test, train = X_test[y_test == label], X[y == label]
        d = np.linalg.norm(test[:, None, :] - train[None, :, :], axis=2)  # (n_test_c, n_train_c)
        nearest[y_test == label] = d.min(axis=1)
    return float(np.median(nearest))


def _w(key: str, lang: str, **values) -> str:
    return word(key, lang, _WORDS).format(**values)


def _label_axes(ax, lang: str = "en") -> None:
    ax.set_xlabel(AXIS_LABELS[0])
    ax.set_ylabel(AXIS_LABELS[1])


def _g(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "de" else text


def _network_text(settings: dict, lang: str = "en") -> str:
    return (
        f"{settings['layer_sizes']}, {settings['activation']}, {settings['optimizer']}, "
        f"α = {_g(settings['learning_rate'], lang)}"
    )


def _legend_below(fig, axes, **kwargs) -> None:
    """One legend for all panels, under them, so that it hides no point."""
    entries = {}
    for ax in axes:
        for handle, label in zip(*ax.get_legend_handles_labels()):
            entries.setdefault(label, handle)
        if ax.get_legend() is not None:
            ax.get_legend().remove()
    fig.legend(
        entries.values(),
        entries.keys(),
        loc="outside lower center",
        ncol=len(entries),
        frameon=False,
        markerscale=1.4,
        **kwargs,
    )


def _draw_data(data, lang: str):
    X, y, X_test, y_test = data
    fig, axes = plotting.new_figure(2, width=2.6, height=3.0, sharex=True, sharey=True)
    for ax, (points, labels, title) in zip(
        axes, [(X, y, _w("training_set", lang)), (X_test, y_test, _w("test_set", lang))]
    ):
        plotting.scatter_classes(ax, points, labels, lang, size=12, linewidths=0.4)
        ax.set_aspect("equal", adjustable="box")
        ax.set_title(f"{title}, n = {len(labels)}")
        _label_axes(ax)
    _legend_below(fig, axes)
    return fig


def _boundary_fields(model: MLP, data):
    """P(class 1) on a grid over both draws, and the predictions: computed once for both languages."""
    X, _, X_test, _ = data
    xx, yy, points = plotting.grid_over(np.vstack([X, X_test]), resolution=160, padding=0.2)
    field = model.predict_proba(points)[:, 1].reshape(xx.shape)
    return xx, yy, field, [model.predict(X), model.predict(X_test)]


def _draw_boundary(boundary, data, results: dict, settings: dict, lang: str):
    xx, yy, field, predictions = boundary
    X, y, X_test, y_test = data
    fig, axes = plotting.new_figure(2, width=2.95, height=3.2)
    panels = [
        (X, y, f"{_w('training', lang)}: {percent(results['train_accuracy'], lang)}"),
        (X_test, y_test, f"{_w('test', lang)}: {percent(results['test_accuracy'], lang)}"),
    ]
    for ax, (points, labels, title), predicted in zip(axes, panels, predictions):
        image = ax.contourf(
            xx, yy, field, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.55, rasterized=True
        )
        ax.contour(xx, yy, field, levels=[0.5], colors="k", linewidths=1.0)
        plotting.scatter_classes(ax, points, labels, lang, size=12, linewidths=0.4)
        wrong = predicted != labels
        if wrong.any():
            ax.scatter(
                *points[wrong].T,
                s=60,
                facecolors="none",
                edgecolors="black",
                linewidths=1.2,
                zorder=4,
                label=_w("misclassified", lang),
            )
        ax.set_aspect("equal", adjustable="box")
        ax.grid(False)
        ax.set_title(title)
        _label_axes(ax)
    _legend_below(fig, axes)
    fig.colorbar(image, ax=axes, label=word("p_class_1", lang), shrink=0.8)
    fig.suptitle(_network_text(settings, lang))
    return fig


def _draw_curves(history, tracker: EpochAccuracy, lang: str):
    fig, (ax_loss, ax_accuracy) = plotting.new_figure(2, width=3.25, height=2.6)
    plotting.loss_curves(
        ax_loss,
        {word("training_loss", lang): history.train_loss, word("test_loss", lang): history.val_loss},
        title=word("loss", lang),
        ylabel=word("bce", lang),
        lang=lang,
    )
    if ax_loss.get_yscale() == "log":
        plotting.plain_log_ticks(ax_loss.yaxis)
    plotting.loss_curves(
        ax_accuracy,
        {
            word("training_accuracy", lang): tracker.accuracy,
            word("test_accuracy", lang): history.val_accuracy,
        },
        title=word("accuracy", lang),
        ylabel=word("accuracy", lang),
        log=False,
        lang=lang,
    )
    ax_accuracy.set_ylim(0.4, 1.02)
    first = tracker.first_perfect_epoch
    if first is not None:
        ax_accuracy.axvline(first, color="0.4", lw=0.8, ls="--")
        ax_accuracy.annotate(
            _w("first_perfect", lang, epoch=first),
            xy=(first, 0.62),
            xytext=(4, 0),
            textcoords="offset points",
            fontsize=8,
            color="0.3",
        )
    ax_accuracy.legend(loc="lower right")
    return fig


def _draw_features(model: MLP, data, results: dict, lang: str):
    """The last hidden layer's feature maps: one small panel per shown unit, the training points over it."""
    X, y, X_test, _ = data
    shown = results["last_hidden"]["shown"]
    share = results["last_hidden"]["positive_share"]
    ncols = min(4, len(shown))
    nrows = -(-len(shown) // ncols)
    fig, axes = plotting.new_figure(
        ncols,
        nrows,
        width=plotting.TEXT_WIDTH_IN / ncols,
        height=1.75,
        sharex=True,
        sharey=True,
        squeeze=False,
    )
    xx, yy, points = plotting.grid_over(np.vstack([X, X_test]), resolution=100, padding=0.05)
    z, a = last_hidden(model, points)
    extent = (xx.min(), xx.max(), yy.min(), yy.max())
    for ax in axes.flat[len(shown) :]:
        ax.set_visible(False)
    for ax, unit in zip(axes.flat, shown):
        field = a[:, unit].reshape(xx.shape)
        ax.imshow(field, extent=extent, origin="lower", cmap="Greys", alpha=0.75, interpolation="bilinear")
        level = z[:, unit].reshape(xx.shape)
        if level.min() < 0 < level.max():  # the unit's own boundary z = 0, bent by the layers below
            ax.contour(xx, yy, level, levels=[0.0], colors=FEATURE_EDGE, linewidths=1.0)
        plotting.scatter_classes(ax, X, y, lang, size=5, linewidths=0.4)
        ax.set_title(f"{_w('unit', lang)} {unit + 1}: {percent(share[unit], lang, 0)}", fontsize=9)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.grid(False)
        ax.set_aspect("equal")
    return fig


def _write_gif(path: Path, frames: _BoundaryFrames, xx, yy, X, y, settings: dict) -> Path:
    """The decision boundary over training as an animated GIF, written atomically.

    Each frame says that it is being drawn (:func:`~mlplab.lab._common.drawing`), for the progress display.
    """
    from matplotlib.colors import BoundaryNorm

    drawing(path.name)
    plt = plotting.pyplot()
    levels = np.linspace(0.0, 1.0, 11)
    with plt.rc_context(plotting.STYLE):
        fig, ax = plt.subplots(figsize=(4.0, 4.1), layout="constrained")
        fig.get_layout_engine().set(h_pad=0.08)
        image = ax.imshow(
            frames.frames[0][1].reshape(xx.shape),
            extent=(xx.min(), xx.max(), yy.min(), yy.max()),
            origin="lower",
            cmap="RdBu_r",
            norm=BoundaryNorm(levels, 256),
            alpha=0.55,
            interpolation="nearest",
        )
        for label in (0, 1):
            members = y == label
            ax.scatter(
                *X[members].T,
                s=10,
                c=plotting.CLASS_COLORS[label],
                edgecolors="white",
                linewidths=0.4,
                label=f"class {label}",
                zorder=3,
            )
        _legend_below(fig, [ax], fontsize=8)
        ax.grid(False)
        _label_axes(ax)
        contour = []

        def draw(index: int):
            epoch, probability, loss, accuracy = frames.frames[index]
            field = probability.reshape(xx.shape)
            image.set_data(field)
            for old in contour:
                old.remove()
            contour.clear()
            if field.min() < 0.5 < field.max():
                contour.append(ax.contour(xx, yy, field, levels=[0.5], colors="k", linewidths=1.0))
            status = "untrained" if epoch == 0 else f"loss {loss:.2g}, training accuracy {accuracy:.1%}"
            ax.set_title(f"epoch {epoch}: {status}", fontsize=9)
            return [image, *contour]

        fig.suptitle(_network_text(settings), fontsize=9)
        draw(len(frames.frames) - 1)  # lay out once, with the longest title ...
        fig.canvas.draw()
        fig.set_layout_engine("none")  # ... then keep it: 2-3x faster per frame

        def record(tmp: str) -> None:
            images = []
            for index in range(len(frames.frames)):
                drawing(f"{path.name}: frame {index + 1} of {len(frames.frames)}")
                draw(index)
                images.append(_rgb_frame(fig, GIF_DPI))
            # the last frame shown GIF_HOLD frames longer: one frame with a longer duration, drawn once
            durations = [1000 // GIF_FPS] * len(images)
            durations[-1] *= 1 + GIF_HOLD
            images[0].save(tmp, save_all=True, append_images=images[1:], duration=durations, loop=0)

        try:
            _save_atomically(path, record)
        finally:
            plt.close(fig)
    return path


def _rgb_frame(fig, dpi: int):
    """The figure rendered as an RGB image (what matplotlib's ``PillowWriter`` grabs per frame)."""
    from PIL import Image

    buffer = io.BytesIO()
    fig.savefig(buffer, format="rgba", dpi=dpi)
    width, height = (int(size * dpi) for size in fig.get_size_inches())
    return Image.frombuffer("RGBA", (width, height), buffer.getbuffer(), "raw", "RGBA", 0, 1).convert("RGB")


def _save_atomically(path: Path, save) -> None:
    """``save(name)`` into a scratch file with ``path``'s name, then onto ``path`` with ``atomic_write``.

    For writers that want a file name with the right suffix rather than a
    handle (matplotlib's animation writers). The scratch folder sits next to
    ``path`` and is removed whatever happens; ``path`` is replaced only by a
    complete file.
    """
    with tempfile.TemporaryDirectory(prefix=f".{path.name}.", dir=path.parent) as scratch:
        tmp = Path(scratch) / path.name
        save(str(tmp))
        with atomic_write(path, "wb") as handle:
            handle.write(tmp.read_bytes())


#: this experiment's figure words (same shape as :data:`mlplab.lab._words.WORDS`)
_WORDS = {
    "training_set": {"en": "training set", "de": "Trainingsmenge"},
    "test_set": {"en": "test set", "de": "Testmenge"},
    "training": {"en": "training", "de": "Training"},
    "test": {"en": "test", "de": "Test"},
    "misclassified": {"en": "misclassified", "de": "falsch klassifiziert"},
    "first_perfect": {
        "en": "100 % training accuracy\nfirst at epoch {epoch}",
        "de": "100 % Trainingsgenauigkeit\nerstmals in Epoche {epoch}",
    },
    "unit": {"en": "unit", "de": "Neuron"},
}
