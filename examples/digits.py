"""mlplab's MLPClassifier inside scikit-learn: a Pipeline and a GridSearchCV on the digits data.

scikit-learn's bundled ``load_digits`` (1797 images of 8×8 pixels, ten classes)
is split into 75 % training and a stratified, held-out 25 % test set. A
``Pipeline(StandardScaler, MLPClassifier)`` is trained on the training part and
scored on the test part; then ``GridSearchCV`` picks the hidden width and the
L2 strength by 3-fold cross-validation on the training part and the refitted
best pipeline is scored on the same test set. Finally the fitted classifier is
saved and loaded back with mlplab's safe model files.

Run it with ``python examples/digits.py`` (a few seconds; ``--quick`` for a
smaller grid and fewer epochs). Needs the ``sklearn`` extra:
``pip install 'mlplab[sklearn]'``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings
from pathlib import Path

from sklearn.datasets import load_digits
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

import mlplab
from mlplab import MLPClassifier


def make_pipeline(epochs: int, seed: int) -> Pipeline:
    """StandardScaler followed by a one-hidden-layer ReLU network trained with Adam."""
    return Pipeline(
        [
            ("scale", StandardScaler()),
            ("mlp", MLPClassifier(hidden_layer_sizes=(64,), learning_rate_init=0.001, max_iter=epochs,
                                  alpha=0.0, random_state=seed)),
        ]
    )  # fmt: skip


def run(*, epochs: int = 200, grid: dict | None = None, cv: int = 3, seed: int = 0) -> dict:
    """Fit the pipeline, then the grid search; return accuracies, the best parameters and timings.

    Parameters
    ----------
    epochs : int
        Passes over the training data of every fit.
    grid : dict, optional
        ``GridSearchCV`` parameter grid (keys ``'mlp__<parameter>'``);
        default: hidden width 32 or 64 and L2 strength 0 or 1e-4.
    cv : int
        Folds of the cross-validation.
    seed : int
        Seeds the split and every network.
    """
    with warnings.catch_warnings():
        # a short run stops at max_iter before the loss settles: scikit-learn's ConvergenceWarning
        warnings.simplefilter("ignore", ConvergenceWarning)
        return _run(epochs=epochs, grid=grid, cv=cv, seed=seed)


def _run(*, epochs: int, grid: dict | None, cv: int, seed: int) -> dict:
    X, y = load_digits(return_X_y=True)  # X: (1797, 64), pixel values 0..16; y: (1797,) in 0..9
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=seed)

    start = time.perf_counter()
    pipeline = make_pipeline(epochs, seed).fit(X_train, y_train)
    fit_seconds = time.perf_counter() - start
    test_accuracy = pipeline.score(X_test, y_test)

    if grid is None:
        grid = {"mlp__hidden_layer_sizes": [(32,), (64,)], "mlp__alpha": [0.0, 1e-4]}
    search = GridSearchCV(make_pipeline(epochs, seed), grid, cv=cv)
    start = time.perf_counter()
    search.fit(X_train, y_train)
    search_seconds = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as folder:  # the safe file format, round trip
        path = Path(folder) / "digits-mlp.npz"
        pipeline.named_steps["mlp"].save(path)
        loaded = mlplab.load(path)
        scaled = pipeline.named_steps["scale"].transform(X_test)
        same = bool((loaded.predict_proba(scaled) == pipeline.named_steps["mlp"].predict_proba(scaled)).all())

    return {
        "n_train": len(y_train),
        "n_test": len(y_test),
        "test_accuracy": float(test_accuracy),
        "fit_seconds": fit_seconds,
        "best_params": search.best_params_,
        "best_cv_accuracy": float(search.best_score_),
        "search_test_accuracy": float(search.score(X_test, y_test)),
        "search_seconds": search_seconds,
        "n_candidates": len(search.cv_results_["params"]),
        "saved_model_predicts_the_same": same,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer epochs and a smaller grid")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.quick:
        result = run(epochs=60, grid={"mlp__alpha": [0.0, 1e-4]}, cv=2, seed=args.seed)
    else:
        result = run(seed=args.seed)
    print(f"digits: {result['n_train']} training and {result['n_test']} held-out test images")
    print(f"Pipeline(StandardScaler, MLPClassifier): test accuracy {result['test_accuracy']:.2%} "
          f"(fit in {result['fit_seconds']:.2f} s)")  # fmt: skip
    print(f"GridSearchCV over {result['n_candidates']} candidates: best {result['best_params']}")
    print(f"  cross-validated accuracy {result['best_cv_accuracy']:.2%}, test accuracy "
          f"{result['search_test_accuracy']:.2%} ({result['search_seconds']:.2f} s)")  # fmt: skip
    print(f"saved and loaded model predicts the same: {result['saved_model_predicts_the_same']}")


if __name__ == "__main__":
    main()
