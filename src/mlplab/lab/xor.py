"""Task 2.2 (a): XOR with a [2, 4, 1] network.

The loss over epochs, the decision boundary with the four points, 100 %
accuracy, and, since one lucky seed proves little, the share of 20 seeds that
reach 100 % for each activation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..datasets import make_xor
from ..mlp import MLP
from ..nn.training import DivergenceError
from . import plotting
from ._common import Context, EpochAccuracy
from ._options import HIDDEN_ACTIVATIONS, option, positive_float, positive_int

NAME = "xor"
HELP = "task 2.2 (a): XOR with [2, 4, 1]: loss curve, decision boundary, success rate over seeds"

#: output files (figure stems: a .png and a .svg each); the report imports these names
FIG_MAIN = "xor"
FIG_SUCCESS = "xor_success"

#: the activations of the success rate, in this order (it keys their seeds)
ACTIVATIONS = ("sigmoid", "tanh", "relu")


@dataclass(frozen=True)
class Config:
    """The options of ``mlplab xor``."""

    activation: str = option("sigmoid", choices=HIDDEN_ACTIVATIONS, help="activation of the shown run")
    learning_rate: float = option(0.5, parse=positive_float, help="SGD step size α")
    epochs: int = option(5000, quick=500, parse=positive_int, help="full-batch epochs")
    seeds: int = option(20, quick=3, parse=positive_int, help="seeds per activation for the success rate")


def run(ctx: Context, config: Config) -> dict:
    """Train the shown run and the success-rate runs, draw both, write ``metrics.json``."""
    epochs, n_seeds = config.epochs, config.seeds
    X, y = make_xor()
    settings = {
        "layer_sizes": [2, 4, 1],
        "activation": config.activation,
        "learning_rate": config.learning_rate,
        "epochs": epochs,
        "batch_size": None,
        "optimizer": "sgd",
        "seeds_per_activation": n_seeds,
    }

    with ctx.timed("main_run"):
        model = MLP([2, 4, 1], config.activation, config.learning_rate, seed=ctx.seed_for(0))
        tracker = EpochAccuracy(model, X, y, until_perfect=True)
        history = model.train(X, y, epochs=epochs, callbacks=[tracker])
    main = {
        "accuracy": model.score(X, y),
        "final_loss": history.train_loss[-1],
        "epochs_to_100_percent": tracker.first_perfect_epoch,
        "predictions": model.predict(X).tolist(),
        "probabilities": model.predict_proba(X)[:, 1].tolist(),
        "loss_curve": history.train_loss,
    }

    success = {}
    bar = ctx.bar(3 * n_seeds, "seeds")
    with ctx.timed("success_rate"):
        for a_index, activation in enumerate(ACTIVATIONS):
            solved, epochs_needed = 0, []
            for s in range(n_seeds):
                candidate = MLP([2, 4, 1], activation, config.learning_rate, seed=ctx.seed_for(1, a_index, s))
                candidate_tracker = EpochAccuracy(candidate, X, y, until_perfect=True)
                try:
                    candidate.train(X, y, epochs=epochs, callbacks=[candidate_tracker])
                except DivergenceError:
                    bar.update()
                    continue
                if candidate.score(X, y) == 1.0:
                    solved += 1
                    epochs_needed.append(candidate_tracker.first_perfect_epoch)
                bar.update()
            success[activation] = {
                "solved": solved,
                "seeds": n_seeds,
                "rate": solved / n_seeds,
                "median_epochs_to_100_percent": float(np.median(epochs_needed)) if epochs_needed else None,
            }
    bar.close()

    fig, (ax_loss, ax_boundary) = plotting.new_figure(2)
    plotting.loss_curves(
        ax_loss,
        {"training loss": history.train_loss},
        title=f"XOR, [2, 4, 1], {config.activation}, α = {config.learning_rate}",
    )
    ax_loss.set_ylabel("binary cross-entropy")
    plotting.decision_boundary(
        ax_boundary,
        model.predict_proba,
        X,
        y,
        padding=0.35,
        show_colorbar=True,
        legend_loc="lower center",
        title=f"decision boundary, accuracy {main['accuracy']:.0%}",
    )
    plotting.save_figure(fig, ctx.out / FIG_MAIN)

    fig, ax = plotting.new_figure(1, width=4.6)
    names = list(success)
    rates = [success[n]["rate"] for n in names]
    bars = ax.bar(names, rates, color=["#4393c3", "#92c5de", "#f4a582"])
    ax.bar_label(bars, labels=[f"{success[n]['solved']}/{n_seeds}" for n in names])
    ax.set_ylim(0, 1.12)
    ax.set_ylabel("share of seeds reaching 100 %")
    ax.set_title(f"XOR: {n_seeds} seeds per activation, {epochs} epochs")
    plotting.save_figure(fig, ctx.out / FIG_SUCCESS)

    results = {"main_run": main, "success_rate": success}
    ctx.write_metrics(config, settings, results)
    return results
