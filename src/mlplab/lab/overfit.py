"""Task 3.2 (a): overfitting a small data set; early stopping and L2 against it.

Fifty noisy spiral points (the sheet's ``make_spirals(50, noise)``, scaled by
1/(4π) into [−1, 1]²) meet a network with 17 025 parameters, [2, 128, 128, 1]
(tanh). A second draw of 50 points (the same positions along the arms, fresh
noise) is the validation set; 1000 more points, dense along the arms, are an
independent test set. From the same initial weights the network is trained
three times with full-batch Adam:

* without any remedy, for all epochs: the training loss falls towards zero
  while the validation loss turns round and climbs (overfitting);
* with early stopping (the library's :class:`~mlplab.nn.training.EarlyStopping`):
  training stops ``patience`` epochs after the lowest validation loss and the
  weights of that best epoch are restored;
* with the L2 penalty λ Σ‖W‖² (sheet eq. 11), for all epochs.

Because the runs start from the same weights and full-batch training draws no
random numbers, the early-stopped run *is* the long run, stopped and rolled
back to its best epoch, so the comparison isolates the effect of stopping. The
test loss of the long and the L2 run is recorded every :data:`TEST_EVERY`
epochs, so the figure shows overfitting on 1000 independent points, not only
on the 50 of the validation set. One triple of runs proves little, so it is
repeated on fresh data and initial weights (``--repeats``); the first repeat is
the one drawn. The summary counts the repeats in which a remedy beats the
long run, and gives median and range over the repeats.

The default λ = 1e-5 was chosen, before the runs of the report, by the median
validation loss over 5 repeats at ``--seed 1`` (not the report's seed) among
λ ∈ {3e-6, 1e-5, 3e-5, 1e-4, 3e-4}, never by the test loss: 0.23, 0.17, 0.23,
0.41 and 0.67 (at 3e-4 the penalty flattens the network to chance, ln 2 ≈ 0.69).
Two things the runs show. Overfitting here hurts the
loss far more than the accuracy: the long run's boundary still separates most
test points, but it is confidently wrong on the others. And ``patience`` must
outlast the plateau at the start of training (the loss sits near ln 2 for a few
hundred epochs), or early stopping halts before the network has learned anything.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..mlp import MLP, train_many
from ..nn.training import DivergenceError
from . import plotting
from ._common import Context, data_loss
from ._data import scaled_spirals
from ._options import HIDDEN_ACTIVATIONS, float_range, option, positive_float, positive_int
from ._words import number, percent, word

NAME = "overfit"
HELP = "task 3.2 (a): 50 samples, an over-parameterised net: early stopping and L2 vs training to the end"

#: output files (figure stems: a .png and a .svg each); the report imports these names
FIG_CURVES = "overfit_curves"
FIG_BOUNDARIES = "overfit_boundaries"
FIG_REPEATS = "overfit_repeats"

N_TRAIN, N_VAL, N_TEST = 50, 50, 1000
#: the test loss of the long and the L2 run is measured every this many epochs (and at the last)
TEST_EVERY = 40
#: the three runs of every repeat, in the order of tables and figures
RUNS = ("without_early_stopping", "early_stopping", "l2")
#: the test set split into groups of the validation set's size: how much a 50-sample loss scatters
N_GROUPS = N_TEST // N_VAL
#: a prediction this sure of itself (the larger class probability) that is wrong is a confident error
CONFIDENT = 0.95


@dataclass(frozen=True)
class Config:
    """The options of ``mlplab overfit``.

    Full-batch Adam at the default rate fits the 50 points within ~1000 epochs and then overfits them.
    """

    noise: float = option(0.4, parse=float_range(0.0), help="noise of make_spirals before scaling")
    hidden: int = option(128, parse=positive_int, help="width of both hidden layers")
    activation: str = option("tanh", choices=HIDDEN_ACTIVATIONS, help="hidden activation")
    learning_rate: float = option(3e-3, parse=positive_float, help="Adam's step size")
    epochs: int = option(1500, parse=positive_int, help="full-batch epochs of the long runs")
    patience: int = option(
        300, quick=150, parse=positive_int, help="epochs without a better validation loss before stopping"
    )
    l2: float = option(1e-5, parse=positive_float, help="λ of the L2 run (penalty λ Σ‖W‖² on the weights)")
    repeats: int = option(5, quick=2, parse=positive_int, help="triples of runs on fresh data and weights")


class _Losses:
    """Train callback: the data loss (no L2 term) on each named set every ``every`` epochs and at the last."""

    def __init__(self, model: MLP, data: dict, every: int, last: int):
        self.model, self.data, self.every, self.last = model, data, every, last
        self.epochs: list[int] = []
        self.loss: dict[str, list[float]] = {part: [] for part in data}

    def __call__(self, epoch: int, history) -> None:
        if epoch % self.every == 0 or epoch in (1, self.last):
            self.epochs.append(epoch)
            for part, (X, y) in self.data.items():
                self.loss[part].append(data_loss(self.model, X, y))


def _evaluate(model: MLP, data: dict) -> dict:
    """Loss and accuracy of ``model`` on the training, validation and test sets; its confident test errors."""
    out = {}
    for part, (X, y) in data.items():
        out[f"{part}_loss"] = data_loss(model, X, y)
        out[f"{part}_accuracy"] = model.score(X, y)
    out["test_confident_errors"] = confident_errors(model, *data["test"])
    return out


def confident_errors(model: MLP, X: np.ndarray, y: np.ndarray) -> float:
    """Share of the points that ``model`` gets wrong with a probability of at least :data:`CONFIDENT`."""
    proba = model.predict_proba(X)  # (n, 2)
    wrong = proba.argmax(axis=1) != y
    return float(np.mean(wrong & (proba.max(axis=1) >= CONFIDENT)))


def group_losses(model: MLP, X: np.ndarray, y: np.ndarray, n_groups: int, seed: int) -> list[float]:
    """The loss of ``model`` on ``n_groups`` disjoint random groups of ``len(X) // n_groups`` points."""
    order = np.random.default_rng(seed).permutation(len(X))
    size = len(X) // n_groups
    return [data_loss(model, X[part], y[part]) for part in order[: size * n_groups].reshape(n_groups, size)]


def _train_triple(data: dict, training: dict, seed: int) -> tuple[dict[str, MLP], dict[str, _Losses]]:
    """The long, the early-stopped and the L2 run, from the same initial weights.

    The three are trained together (:func:`mlplab.train_many`: each exactly as
    if alone; the early-stopped one stops on its own).
    """
    X, y = data["train"]
    models, tracks = {}, {}
    for name in RUNS:
        models[name] = MLP(
            training["layer_sizes"],
            training["activation"],
            training["learning_rate"],
            optimizer="adam",
            seed=seed,
            l2=training["l2"] if name == "l2" else 0.0,
            early_stopping=name == "early_stopping",
            patience=training["patience"],
        )
        if name != "early_stopping":  # the early-stopped run is the long run cut short
            parts = ("test",) if name != "l2" else ("train", "val", "test")
            tracks[name] = _Losses(models[name], {part: data[part] for part in parts}, TEST_EVERY,
                                   training["epochs"])  # fmt: skip
    callbacks = [[tracks[name]] if name in tracks else [] for name in models]
    outcomes = train_many(list(models.values()), X, y, training["epochs"], validation_data=data["val"],
                          callbacks=callbacks)  # fmt: skip
    for outcome in outcomes:
        if isinstance(outcome, DivergenceError):
            raise outcome
    return models, tracks


def _summaries(models: dict[str, MLP], tracks: dict[str, _Losses], data: dict, seed: int) -> dict:
    """Metrics of the three runs of one repeat."""
    long, early, l2 = (models[name] for name in RUNS)
    h_long, h_early = long.history, early.history
    val = np.asarray(h_long.val_loss)
    test = tracks["without_early_stopping"]
    test_loss = np.asarray(test.loss["test"])
    without = {
        "epochs_run": h_long.n_epochs,
        "final_train_loss": h_long.train_loss[-1],
        "final_val_loss": h_long.val_loss[-1],
        "min_val_loss": float(val.min()),
        "min_val_epoch": int(val.argmin()) + 1,
        "min_test_loss": float(test_loss.min()),  # on the grid of TEST_EVERY epochs
        "min_test_epoch": test.epochs[int(test_loss.argmin())],
        **_evaluate(long, data),
    }
    with_es = {
        "epochs_run": h_early.n_epochs,
        "stopped_epoch": h_early.stopped_epoch,
        "best_epoch": h_early.best_epoch,
        "best_val_loss": h_early.best_val_loss,
        "restored_best": h_early.restored_best,
        "train_loss_at_stop": h_early.train_loss[-1],
        "val_loss_at_stop": h_early.val_loss[-1],
        **_evaluate(early, data),  # with the restored weights of the best epoch
        # the same model's loss on groups of N_VAL test points: the scatter of a 50-sample loss
        "test_group_losses": group_losses(early, *data["test"], N_GROUPS, seed),
    }
    with_l2 = {
        "epochs_run": l2.history.n_epochs,
        "lambda": l2.l2,
        "weight_norm": float(sum(np.sum(w**2) for w in l2.weights)),
        **_evaluate(l2, data),
    }
    without["weight_norm"] = float(sum(np.sum(w**2) for w in long.weights))
    return {"without_early_stopping": without, "early_stopping": with_es, "l2": with_l2}


def spread(values) -> dict:
    """Median, lowest and highest of ``values``."""
    values = np.asarray(values, dtype=float)
    return {"median": float(np.median(values)), "min": float(values.min()), "max": float(values.max())}


def beats(pairs: list[dict], better: str, than: str, key: str) -> dict:
    """In how many repeats run ``better`` has the lower ``key`` (a loss or an error share) or the higher
    (an accuracy) than run ``than``.

    ``difference``: the spread of ``than − better`` for a loss or errors, ``better − than`` for an
    accuracy, so a positive difference always means that ``better`` did better.
    """
    sign = 1.0 if key.endswith(("loss", "errors")) else -1.0
    diff = [sign * (p[than][key] - p[better][key]) for p in pairs]
    return {"count": int(sum(d > 0 for d in diff)), "of": len(pairs), "difference": spread(diff)}


def summarise(pairs: list[dict]) -> dict:
    """Medians and ranges over the repeats, and who beats whom in how many of them."""
    summary: dict = {"repeats": len(pairs)}
    for key in ("test_accuracy", "test_loss", "test_confident_errors"):
        summary[key] = {name: spread([p[name][key] for p in pairs]) for name in RUNS}
    summary["chosen_val_loss"] = spread([p["early_stopping"]["val_loss"] for p in pairs])
    summary["val_below_test"] = int(
        sum(p["early_stopping"]["val_loss"] < p["early_stopping"]["test_loss"] for p in pairs)
    )
    groups = [g for p in pairs for g in p["early_stopping"]["test_group_losses"]]
    summary["test_group_loss"] = spread(groups)
    summary["test_groups"] = len(groups)
    longs = [p["without_early_stopping"] for p in pairs]
    summary["long_val_rise"] = spread([r["final_val_loss"] - r["min_val_loss"] for r in longs])
    summary["long_test_rise"] = spread([r["test_loss"] - r["min_test_loss"] for r in longs])
    for key in ("test_loss", "test_accuracy", "test_confident_errors"):
        summary[f"early_stopping_vs_long_{key}"] = beats(
            pairs, "early_stopping", "without_early_stopping", key
        )
        summary[f"l2_vs_long_{key}"] = beats(pairs, "l2", "without_early_stopping", key)
        summary[f"l2_vs_early_stopping_{key}"] = beats(pairs, "l2", "early_stopping", key)
    return summary


def run(ctx: Context, config: Config) -> dict:
    """Train the three runs per repeat, draw the curves, boundaries and repeats, write ``metrics.json``.

    Returns
    -------
    dict
        The ``results`` part of ``metrics.json``.
    """
    hidden, n_repeats = config.hidden, config.repeats
    training = {
        "layer_sizes": [2, hidden, hidden, 1],
        "activation": config.activation,
        "optimizer": "adam",
        "learning_rate": config.learning_rate,
        "epochs": config.epochs,
        "batch_size": None,
        "patience": config.patience,
        "l2": config.l2,
    }
    settings = {
        **training,
        "noise": config.noise,
        "scale": "1/(4π)",
        "repeats": n_repeats,
        "n_train": N_TRAIN,
        "n_val": N_VAL,
        "n_test": N_TEST,
        "test_every": TEST_EVERY,
    }

    pairs, shown = [], None
    bar = ctx.bar(n_repeats, "repeats")
    with ctx.timed("training"):
        for repeat in range(n_repeats):
            data = {
                part: scaled_spirals(n, config.noise, ctx.seed_for(0, repeat, index))
                for index, (part, n) in enumerate((("train", N_TRAIN), ("val", N_VAL), ("test", N_TEST)))
            }
            models, tracks = _train_triple(data, training, ctx.seed_for(1, repeat))
            pairs.append(_summaries(models, tracks, data, ctx.seed_for(2, repeat)))
            if shown is None:
                shown = (data, models, tracks)
            bar.update()
    bar.close()

    data, models, tracks = shown
    long, early = models["without_early_stopping"], models["early_stopping"]
    main = {
        "n_params": long.n_params,
        "n_train": N_TRAIN,
        "params_per_sample": long.n_params / N_TRAIN,
        **pairs[0],
        "curves": {
            "without_early_stopping": {
                "train_loss": long.history.train_loss,
                "val_loss": long.history.val_loss,
                "test_epochs": tracks["without_early_stopping"].epochs,
                "test_loss": tracks["without_early_stopping"].loss["test"],
            },
            "early_stopping": {"train_loss": early.history.train_loss, "val_loss": early.history.val_loss},
            "l2": {
                "epochs": tracks["l2"].epochs,
                **{f"{part}_loss": tracks["l2"].loss[part] for part in ("train", "val", "test")},
            },
        },
    }
    summary = summarise(pairs)

    with ctx.timed("figures"):
        _plot_curves(ctx, main, training)
        _plot_boundaries(ctx, data, models, main)
        _plot_repeats(ctx, pairs)

    results = {"main_run": main, "repeats": pairs, "summary": summary}
    ctx.write_metrics(config, settings, results)
    return results


# ---------------------------------------------------------------- figures
TRAIN_STYLE = {"color": "#2166ac"}
VAL_STYLE = {"color": "#d6604d"}
TEST_STYLE = {"color": "0.15", "ls": "--"}
RUN_COLORS = {"without_early_stopping": "#b2182b", "early_stopping": "#1b7837", "l2": "#762a83"}

#: this experiment's figure words (same shape as :data:`~mlplab.lab._words.WORDS`)
OF_WORDS: dict[str, dict[str, str]] = {
    "without_early_stopping": {"en": "no remedy", "de": "ohne Gegenmittel"},
    "early_stopping": {"en": "early stopping", "de": "Early Stopping"},
    "l2": {"en": "L2", "de": "L2"},
    "no_remedy_panel": {"en": "no remedy (λ = 0)", "de": "ohne Gegenmittel (λ = 0)"},
    "l2_panel": {"en": "L2, λ = {lam}", "de": "L2, λ = {lam}"},
    "best": {"en": "best epoch {epoch} (restored)", "de": "beste Epoche {epoch} (wiederhergestellt)"},
    "stop": {"en": "stopped at {epoch}", "de": "gestoppt bei {epoch}"},
    "weights_of": {"en": "early stopping, epoch {epoch}", "de": "Early Stopping, Epoche {epoch}"},
    "long_title": {"en": "no remedy, {epochs} epochs", "de": "ohne Gegenmittel, {epochs} Epochen"},
    "test_result": {"en": "test {acc}, loss {loss}", "de": "Test {acc}, Verlust {loss}"},
    "repeat": {"en": "repeat", "de": "Wiederholung"},
    "chosen_val": {"en": "validation loss (chosen epoch)", "de": "Validierungsverlust (gewählte Epoche)"},
    "test_of_model": {"en": "test loss, all 1000", "de": "Testverlust, alle 1000"},
    "groups": {"en": "test loss, groups of 50", "de": "Testverlust, Gruppen zu 50"},
    "val_vs_test": {"en": "validation and test", "de": "Validierung und Test"},
}
_SHORT = {
    "without_early_stopping": {"en": "none", "de": "keins"},
    "early_stopping": {"en": "early\nstopping", "de": "Early\nStopping"},
    "l2": {"en": "L2", "de": "L2"},
}


def _w(key: str, lang: str, **values) -> str:
    text = OF_WORDS[key][lang] if key in OF_WORDS else word(key, lang)
    return text.format(**values) if values else text


def lambda_text(value: float, lang: str) -> str:
    """λ in plain text: ``10⁻⁵``, ``3·10⁻⁶``, ``0.01`` (no maths, whose exponents print small)."""
    mantissa, exponent = f"{value:.0e}".split("e")
    if float(f"{value:.0e}") == value and int(exponent) <= -3:
        power = "10" + plotting.superscript(int(exponent))
        return power if mantissa == "1" else f"{mantissa}·{power}"
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "de" else text


def _plot_curves(ctx: Context, main: dict, training: dict) -> None:
    """Training, validation and test loss of the long run (early stopping marked on it) and of the L2 run."""
    curves, es = main["curves"], main["early_stopping"]

    def draw(lang: str):
        fig, axes = plotting.new_figure(2, width=plotting.TEXT_WIDTH_IN / 2, height=2.6, sharey=True)
        long = curves["without_early_stopping"]
        ax = axes[0]
        epochs = np.arange(1, len(long["train_loss"]) + 1)
        ax.plot(epochs, long["train_loss"], lw=1.3, label=_w("training_loss", lang), **TRAIN_STYLE)
        ax.plot(epochs, long["val_loss"], lw=1.3, label=_w("validation_loss", lang), **VAL_STYLE)
        ax.plot(long["test_epochs"], long["test_loss"], lw=1.3, label=_w("test_loss", lang), **TEST_STYLE)
        best, stop = es["best_epoch"], es["stopped_epoch"]
        ax.axvspan(best, stop or es["epochs_run"], color="0.85", alpha=0.6, lw=0)
        ax.axvline(best, color="#1b7837", lw=1.4, label=_w("best", lang, epoch=best))
        if stop is not None:
            ax.axvline(stop, color="0.2", ls=":", lw=1.2, label=_w("stop", lang, epoch=stop))
        ax.set_title(_w("no_remedy_panel", lang))
        ax.set_ylabel(word("bce", lang))

        l2 = curves["l2"]
        ax = axes[1]
        for part, style in (("train", TRAIN_STYLE), ("val", VAL_STYLE), ("test", TEST_STYLE)):
            ax.plot(l2["epochs"], l2[f"{part}_loss"], lw=1.3, **style)
        ax.set_title(_w("l2_panel", lang, lam=lambda_text(training["l2"], lang)))
        for axis in axes:
            axis.set_yscale("log")
            plotting.plain_log_ticks(axis.yaxis)
            axis.set_xlabel(word("epoch", lang))
            axis.set_xlim(0, training["epochs"])
        fig.legend(*axes[0].get_legend_handles_labels(), loc="outside lower center", ncol=3, fontsize=8)
        return fig

    plotting.each_language(ctx.out / FIG_CURVES, draw)


def _plot_boundaries(ctx: Context, data: dict, models: dict[str, MLP], main: dict) -> None:
    """Decision boundaries of the three runs over the training points; test accuracy and loss on top."""
    X, y = data["train"]
    xx, _, points = plotting.grid_over(X, resolution=150)
    cached = {name: models[name].predict_proba(points) for name in RUNS}  # the same grid in both languages

    def draw(lang: str):
        fig, axes = plotting.new_figure(3, width=plotting.TEXT_WIDTH_IN / 3, height=2.75)
        for ax, name in zip(axes, RUNS):
            run = main[name]
            if name == "without_early_stopping":
                head = _w("long_title", lang, epochs=run["epochs_run"])
            elif name == "early_stopping":
                head = _w("weights_of", lang, epoch=run["best_epoch"])
            else:
                head = _w("l2_panel", lang, lam=lambda_text(run["lambda"], lang))
            result = _w("test_result", lang, acc=percent(run["test_accuracy"], lang),
                        loss=number(run["test_loss"], 2, lang))  # fmt: skip
            plotting.decision_boundary(
                ax, lambda _points, p=cached[name]: p, X, y, resolution=150, lang=lang, point_size=14
            )
            ax.set_title(f"{head}\n{result}", fontsize=8.5)
            if name != RUNS[0]:
                ax.get_legend().remove()
                ax.set_ylabel("")
            else:
                ax.legend(loc="lower right", fontsize=8, framealpha=0.85)
        return fig

    assert xx.shape == (150, 150)
    plotting.each_language(ctx.out / FIG_BOUNDARIES, draw)


def _plot_repeats(ctx: Context, pairs: list[dict]) -> None:
    """Per repeat: test loss and accuracy of the three runs; the chosen validation loss against the test."""

    def draw(lang: str):
        fig, axes = plotting.new_figure(3, width=plotting.TEXT_WIDTH_IN / 3, height=2.6)
        x = np.arange(len(RUNS))
        for ax, key in ((axes[0], "test_loss"), (axes[1], "test_accuracy")):
            for i, pair in enumerate(pairs):
                ax.plot(x, [pair[name][key] for name in RUNS], "-o", color="k" if i == 0 else "0.6",
                        lw=1.5 if i == 0 else 0.9, ms=4, zorder=3 if i == 0 else 2)  # fmt: skip
            ax.set_xticks(x, [_SHORT[name][lang] for name in RUNS])
            ax.set_xlim(-0.35, len(RUNS) - 0.65)
            ax.set_title(word(key, lang))
        # whole percentages where the ticks are whole, one decimal where they are not (82.5 % is not 82 %)
        axes[1].yaxis.set_major_formatter(
            lambda v, _: percent(v, lang, 0 if abs(100 * v - round(100 * v)) < 1e-6 else 1)
        )

        ax = axes[2]
        r = np.arange(1, len(pairs) + 1)
        groups = [p["early_stopping"]["test_group_losses"] for p in pairs]
        low, high = [min(g) for g in groups], [max(g) for g in groups]
        ax.vlines(r, low, high, color="0.6", lw=4, label=_w("groups", lang))
        ax.plot(r, [p["early_stopping"]["test_loss"] for p in pairs], "s", color="0.15", ms=5,
                label=_w("test_of_model", lang))  # fmt: skip
        ax.plot(r, [p["early_stopping"]["val_loss"] for p in pairs], "o", color=VAL_STYLE["color"], ms=5,
                label=_w("chosen_val", lang))  # fmt: skip
        ax.set_xticks(r)
        ax.set_xlabel(_w("repeat", lang))
        ax.set_title(_w("val_vs_test", lang))
        fig.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncol=2, fontsize=8)
        return fig

    plotting.each_language(ctx.out / FIG_REPEATS, draw)
