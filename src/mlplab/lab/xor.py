"""Task 2.2 (a): XOR with a [2, 4, 1] network.

The loss over epochs, the decision boundary with the four points, 100 %
accuracy, and, since one lucky seed proves little, the share of 20 seeds that
reach 100 % for each activation.
"""

from __future__ import annotations

import argparse

import numpy as np

from ..datasets import make_xor
from ..mlp import MLP
from ..nn.training import DivergenceError
from . import plotting
from ._common import Context, EpochAccuracy, float_at_least, positive_int, resolve

NAME = "xor"
HELP = "task 2.2 (a): XOR with [2, 4, 1]: loss curve, decision boundary, success rate over seeds"

#: output files (figure stems: a .png and a .svg each); the report imports these names
FIG_MAIN = "xor"
FIG_SUCCESS = "xor_success"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--activation",
        choices=["sigmoid", "tanh", "relu"],
        default="sigmoid",
        help="activation of the shown run (default: sigmoid)",
    )
    parser.add_argument(
        "--learning-rate", type=float_at_least(0.0, inclusive=False), default=0.5, help="default: 0.5"
    )
    parser.add_argument(
        "--epochs",
        type=positive_int,
        default=None,
        help="full-batch epochs (default: 5000; 500 with --quick)",
    )
    parser.add_argument(
        "--seeds",
        type=positive_int,
        default=None,
        help="seeds per activation for the success rate (default: 20; 3 with --quick)",
    )


DEFAULTS = {"epochs": 5000, "seeds": 20}
QUICK = {"epochs": 500, "seeds": 3}


def run(ctx: Context, args: argparse.Namespace) -> dict:
    epochs = resolve(args, "epochs", DEFAULTS, QUICK, ctx.quick)
    n_seeds = resolve(args, "seeds", DEFAULTS, QUICK, ctx.quick)
    X, y = make_xor()
    settings = {
        "layer_sizes": [2, 4, 1],
        "activation": args.activation,
        "learning_rate": args.learning_rate,
        "epochs": epochs,
        "batch_size": None,
        "optimizer": "sgd",
        "seeds_per_activation": n_seeds,
    }

    with ctx.timed("main_run"):
        model = MLP([2, 4, 1], args.activation, args.learning_rate, seed=ctx.seed_for(0))
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
        for a_index, activation in enumerate(["sigmoid", "tanh", "relu"]):
            solved, epochs_needed = 0, []
            for s in range(n_seeds):
                candidate = MLP([2, 4, 1], activation, args.learning_rate, seed=ctx.seed_for(1, a_index, s))
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
        title=f"XOR, [2, 4, 1], {args.activation}, α = {args.learning_rate}",
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
    ctx.write_metrics(settings, results)
    return results
