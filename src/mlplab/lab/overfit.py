"""Task 3.2 (a): overfitting a small data set, and early stopping.

Fifty noisy spiral points (the sheet's ``make_spirals(50, noise)``, scaled by
1/(4π) into [−1, 1]²) meet a network with 17 025 parameters, [2, 128, 128, 1]
(tanh). A second draw of 50 points (the same positions along the arms, fresh
noise) is the validation set; 1000 more points, dense along the arms, are an
independent test set. The network, from the same initial weights, is trained
twice with full-batch Adam:

* without early stopping, for all epochs: the training loss falls towards
  zero while the validation loss turns round and climbs (overfitting);
* with early stopping: training stops ``patience`` epochs after the lowest
  validation loss and the weights of that best epoch are restored.

Because both runs start from the same weights and full-batch training draws no
random numbers, the early-stopped run *is* the long run, stopped and rolled
back to its best epoch, so the comparison isolates the effect of stopping. One
pair of runs proves little, so the pair is repeated on fresh data and initial
weights (``--repeats``); the first repeat is the one drawn.

Two things the runs show. Overfitting here hurts the loss far more than the
accuracy: the long run's boundary still separates most test points, but it is
confidently wrong on the others, so early stopping mostly buys a lower test
loss. And ``patience`` must outlast the plateau at the start of training
(the loss sits near ln 2 for a few hundred epochs), or early stopping halts
before the network has learned anything.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..mlp import MLP
from . import plotting
from ._common import Context, data_loss
from ._data import scaled_spirals
from ._options import HIDDEN_ACTIVATIONS, float_range, option, positive_float, positive_int

NAME = "overfit"
HELP = "task 3.2 (a): 50 samples, an over-parameterised net, early stopping vs training to the end"

#: output files (figure stems: a .png and a .svg each); the report imports these names
FIG_CURVES = "overfit_curves"
FIG_BOUNDARIES = "overfit_boundaries"
FIG_REPEATS = "overfit_repeats"

N_TRAIN, N_VAL, N_TEST = 50, 50, 1000


@dataclass(frozen=True)
class Config:
    """The options of ``mlplab overfit``.

    Full-batch Adam at the default rate fits the 50 points within ~1000 epochs and then overfits them.
    """

    noise: float = option(0.4, parse=float_range(0.0), help="noise of make_spirals before scaling")
    hidden: int = option(128, parse=positive_int, help="width of both hidden layers")
    activation: str = option("tanh", choices=HIDDEN_ACTIVATIONS, help="hidden activation")
    learning_rate: float = option(3e-3, parse=positive_float, help="Adam's step size")
    epochs: int = option(3000, quick=1500, parse=positive_int, help="full-batch epochs of the long run")
    patience: int = option(
        300, quick=150, parse=positive_int, help="epochs without a better validation loss before stopping"
    )
    repeats: int = option(5, quick=2, parse=positive_int, help="pairs of runs on fresh data and weights")


def _evaluate(model: MLP, data: dict) -> dict:
    """Loss and accuracy of ``model`` on the training, validation and test sets."""
    out = {}
    for part, (X, y) in data.items():
        out[f"{part}_loss"] = data_loss(model, X, y)
        out[f"{part}_accuracy"] = model.score(X, y)
    return out


def _train_pair(data: dict, training: dict, seed: int) -> tuple[MLP, MLP]:
    """The long run and the early-stopped run, from the same initial weights."""
    X, y = data["train"]
    models = []
    for early in (False, True):
        model = MLP(
            training["layer_sizes"],
            training["activation"],
            training["learning_rate"],
            optimizer="adam",
            seed=seed,
            early_stopping=early,
            patience=training["patience"],
        )
        model.train(X, y, epochs=training["epochs"], validation_data=data["val"])
        models.append(model)
    return models[0], models[1]


def _summaries(long: MLP, early: MLP, data: dict) -> tuple[dict, dict]:
    """Metrics of the two runs of one pair."""
    h_long, h_early = long.history, early.history
    val = np.asarray(h_long.val_loss)
    without = {
        "epochs_run": h_long.n_epochs,
        "final_train_loss": h_long.train_loss[-1],
        "final_val_loss": h_long.val_loss[-1],
        "min_val_loss": float(val.min()),
        "min_val_epoch": int(val.argmin()) + 1,
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
    }
    return without, with_es


def run(ctx: Context, config: Config) -> dict:
    """Train the pair of models, draw the curves and boundaries, write ``metrics.json``.

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
    }
    settings = {
        **training,
        "noise": config.noise,
        "scale": "1/(4π)",
        "repeats": n_repeats,
        "n_train": N_TRAIN,
        "n_val": N_VAL,
        "n_test": N_TEST,
    }

    pairs, shown = [], None
    bar = ctx.bar(n_repeats, "repeats")
    with ctx.timed("training"):
        for repeat in range(n_repeats):
            data = {
                part: scaled_spirals(n, config.noise, ctx.seed_for(0, repeat, index))
                for index, (part, n) in enumerate((("train", N_TRAIN), ("val", N_VAL), ("test", N_TEST)))
            }
            long, early = _train_pair(data, training, ctx.seed_for(1, repeat))
            without, with_es = _summaries(long, early, data)
            pairs.append({"without_early_stopping": without, "early_stopping": with_es})
            if shown is None:
                shown = (data, long, early)
            bar.update()
    bar.close()

    data, long, early = shown
    main = {
        "n_params": long.n_params,
        "n_train": N_TRAIN,
        "params_per_sample": long.n_params / N_TRAIN,
        **pairs[0],
        "curves": {
            "without_early_stopping": {
                "train_loss": long.history.train_loss,
                "val_loss": long.history.val_loss,
            },
            "early_stopping": {"train_loss": early.history.train_loss, "val_loss": early.history.val_loss},
        },
    }
    summary = {}
    for key in ("test_accuracy", "test_loss"):
        a = np.array([p["without_early_stopping"][key] for p in pairs])
        b = np.array([p["early_stopping"][key] for p in pairs])
        summary[key] = {
            "without_early_stopping_mean": float(a.mean()),
            "early_stopping_mean": float(b.mean()),
        }
    summary["early_stopping_higher_test_accuracy"] = sum(
        p["early_stopping"]["test_accuracy"] > p["without_early_stopping"]["test_accuracy"] for p in pairs
    )
    summary["early_stopping_lower_test_loss"] = sum(
        p["early_stopping"]["test_loss"] < p["without_early_stopping"]["test_loss"] for p in pairs
    )
    summary["repeats"] = n_repeats

    with ctx.timed("figures"):
        _plot_curves(ctx, main, training)
        _plot_boundaries(ctx, data, long, early, main)
        _plot_repeats(ctx, pairs)

    results = {"main_run": main, "repeats": pairs, "summary": summary}
    ctx.write_metrics(config, settings, results)
    return results


# ---------------------------------------------------------------- figures
TRAIN_STYLE = {"color": "#2166ac"}
VAL_STYLE = {"color": "#d6604d"}


def _plot_curves(ctx: Context, main: dict, training: dict) -> None:
    """Training and validation loss of both runs; the best and the stopping epoch marked."""
    fig, axes = plotting.new_figure(2, width=4.6, height=3.6, sharey=True)
    curves = main["curves"]
    ax = axes[0]
    without = main["without_early_stopping"]
    plotting.loss_curves(
        ax,
        {
            "training loss": curves["without_early_stopping"]["train_loss"],
            "validation loss": curves["without_early_stopping"]["val_loss"],
        },
        styles={"training loss": TRAIN_STYLE, "validation loss": VAL_STYLE},
        title=f"without early stopping ({training['epochs']} epochs)",
    )
    ax.axvline(
        without["min_val_epoch"],
        color="0.35",
        ls=":",
        lw=1.2,
        label=f"lowest validation loss (epoch {without['min_val_epoch']})",
    )
    ax.set_ylabel("binary cross-entropy")
    ax.get_legend().remove()

    ax = axes[1]
    es = main["early_stopping"]
    plotting.loss_curves(
        ax,
        {
            "training loss": curves["early_stopping"]["train_loss"],
            "validation loss": curves["early_stopping"]["val_loss"],
        },
        styles={"training loss": TRAIN_STYLE, "validation loss": VAL_STYLE},
        title=f"with early stopping (patience {training['patience']})",
    )
    best, stop = es["best_epoch"], es["stopped_epoch"]
    ax.axvspan(
        best,
        stop or es["epochs_run"],
        color="0.85",
        alpha=0.6,
        lw=0,
        label="patience window (no improvement)",
    )
    ax.axvline(best, color="#1b7837", lw=1.4, label=f"best epoch {best} (weights restored)")
    ax.plot([best], [es["best_val_loss"]], marker="*", ms=12, color="#1b7837", ls="none", zorder=4)
    if stop is not None:
        ax.axvline(stop, color="0.2", ls="--", lw=1.2, label=f"stopped after epoch {stop}")
    ax.set_xlim(axes[0].get_xlim())
    ax.set_ylabel("")
    ax.get_legend().remove()
    handles = {}  # one legend below both panels; the two loss curves appear in both
    for axis in axes:
        handles.update(zip(*reversed(axis.get_legend_handles_labels())))
    fig.legend(list(handles.values()), list(handles), loc="outside lower center", ncol=3)
    fig.suptitle(
        f"{main['n_params']:,} parameters, {main['n_train']} training samples "
        f"({main['params_per_sample']:.0f} per sample), Adam α = {training['learning_rate']:g}"
    )
    plotting.save_figure(fig, ctx.out / FIG_CURVES)


def _plot_boundaries(ctx: Context, data: dict, long: MLP, early: MLP, main: dict) -> None:
    """Decision boundaries of both models over the training points, test accuracy in the title."""
    fig, axes = plotting.new_figure(2, width=4.2, height=4.0)
    X, y = data["train"]
    without, es = main["without_early_stopping"], main["early_stopping"]
    plotting.decision_boundary(
        axes[0],
        long.predict_proba,
        X,
        y,
        legend_loc="lower right",
        title=f"without early stopping ({without['epochs_run']} epochs)\n"
        f"test accuracy {without['test_accuracy']:.1%}, "
        f"test loss {without['test_loss']:.2f}",
    )
    plotting.decision_boundary(
        axes[1],
        early.predict_proba,
        X,
        y,
        legend_loc="lower right",
        show_colorbar=True,
        title=f"early stopping (weights of epoch {es['best_epoch']})\n"
        f"test accuracy {es['test_accuracy']:.1%}, "
        f"test loss {es['test_loss']:.2f}",
    )
    plotting.save_figure(fig, ctx.out / FIG_BOUNDARIES)


def _plot_repeats(ctx: Context, pairs: list[dict]) -> None:
    """Test accuracy and test loss of every repeat, without and with early stopping."""
    fig, axes = plotting.new_figure(2, width=3.6, height=3.4)
    for ax, key, label in ((axes[0], "test_accuracy", "test accuracy"), (axes[1], "test_loss", "test loss")):
        for i, pair in enumerate(pairs):
            values = [pair["without_early_stopping"][key], pair["early_stopping"][key]]
            ax.plot(
                [0, 1],
                values,
                "-o",
                color="0.55" if i else "k",
                lw=1.0 if i else 1.6,
                ms=5,
                label="drawn run" if i == 0 else None,
                zorder=3 if i == 0 else 2,
            )
        ax.set_xticks([0, 1], ["without\nearly stopping", "with\nearly stopping"])
        ax.set_xlim(-0.3, 1.3)
        ax.set_ylabel(label)
    axes[0].yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    axes[0].legend(loc="best")
    fig.suptitle(f"{len(pairs)} repeats on fresh data and initial weights")
    plotting.save_figure(fig, ctx.out / FIG_REPEATS)
