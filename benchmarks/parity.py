"""mlplab's drop-in MLPs against scikit-learn's, side by side: test scores and fit times over seeds.

How to run
----------
From the repository root, with mlplab and scikit-learn installed::

    python benchmarks/parity.py                    # all datasets and solvers, seeds 0..4 (a few minutes)
    python benchmarks/parity.py --quick            # one seed, iris and diabetes, 50 iterations
    python benchmarks/parity.py --seeds 3 --dataset digits --solver lbfgs
    python benchmarks/parity.py --reference-only   # scikit-learn on both sides: checks the script itself
    python benchmarks/parity.py --json parity.json # also the per-seed numbers

What is compared
----------------
The code is written for scikit-learn and runs unchanged on both sides: the
same estimator class name, the same parameters, the same data. The parameters
are scikit-learn's defaults with ``random_state`` (and, with ``--max-iter``,
``max_iter``) set, and one exception, :data:`SETTINGS`: diabetes gets
``alpha=10``. With the default ``alpha=1e-4`` the 1201 parameters of the
default ``(100,)`` network overfit diabetes' 331 training rows; lbfgs then
reaches test R² from −0.3 to −0.9 depending on the initial weights alone
(scikit-learn against itself), so the means of two tools would differ by the
luck of their initial draws, not by what they compute. With ``alpha=10`` the
problem is well posed (lbfgs: R² 0.35 ± 0.004 over initial weights).
``from mlplab import MLPClassifier, MLPRegressor`` against
``from sklearn.neural_network import MLPClassifier, MLPRegressor``.

* Classification (accuracy): digits, breast cancer, wine, iris with
  ``solver`` = adam, sgd, lbfgs.
* Regression (R²): diabetes and ``make_friedman1(n_samples=1000, noise=1.0,
  random_state=0)`` with adam and lbfgs.

For each seed ``s`` in ``0..n-1``: a 25 % test split (``train_test_split(...,
test_size=0.25, random_state=s)``, stratified for the classifiers), features
standardised by a ``StandardScaler`` fitted on the training part, and
``random_state=s`` for both estimators. For regression the targets are
standardised too, with the training part's mean and standard deviation, for
both tools alike: with scikit-learn's defaults (``learning_rate_init=0.001``,
200 iterations) adam cannot reach diabetes' targets of mean 152 and spread 77,
and R² is unchanged by the same affine map of ``y`` and ``ŷ``, so the scores
are those of the original scale.

The two tools draw their initial weights differently (mlplab from a
``numpy.random.Generator``, scikit-learn from a ``RandomState``), so single
runs differ; the means over seeds should not. The table shows, per dataset and
solver, the mean test score ± its standard deviation over seeds for each tool,
the difference mlplab − scikit-learn, the *seed-to-seed* difference of
scikit-learn against itself (the same splits, ``random_state=s + 100``: how far
two correct implementations that draw other initial weights may lie apart;
``--no-noise-floor`` skips it), whether the difference is within the issue's bound
(1 point of accuracy, 0.02 of R²), the ratio of mean fit times
mlplab / scikit-learn (only ``fit`` is timed) and how many fits warned that
they had not converged. Below it, the time ratios of the regressor and of
lbfgs (geometric means over their rows).
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

CLASSIFICATION = ("digits", "breast_cancer", "wine", "iris")
REGRESSION = ("diabetes", "friedman1")
SOLVERS = {"classification": ("adam", "sgd", "lbfgs"), "regression": ("adam", "lbfgs")}
BOUND = {"classification": 0.01, "regression": 0.02}  # 1 point of accuracy, 0.02 of R²
QUICK = {"seeds": 1, "datasets": ("iris", "diabetes"), "max_iter": 50}
#: dataset -> parameters that differ from scikit-learn's defaults, for both tools (see the module docstring)
SETTINGS: dict[str, dict] = {"diabetes": {"alpha": 10.0}}
FLOOR_SEED_OFFSET = 100  # the noise floor's random_state: s + 100, never one of the compared seeds


@dataclass
class Row:
    """One dataset and solver: each tool's per-seed test scores, fit times and non-converged fits."""

    dataset: str
    task: str
    solver: str
    reference: list[float] = field(default_factory=list)
    candidate: list[float] = field(default_factory=list)
    reference_seconds: list[float] = field(default_factory=list)
    candidate_seconds: list[float] = field(default_factory=list)
    reference_unconverged: int = 0
    candidate_unconverged: int = 0
    floor: list[float] = field(default_factory=list)  # scikit-learn with random_state = s + 100

    @property
    def floor_difference(self) -> float:
        """scikit-learn (other initial weights) − scikit-learn: the noise floor; NaN if not measured."""
        return statistics.fmean(self.floor) - statistics.fmean(self.reference) if self.floor else math.nan

    @property
    def difference(self) -> float:
        return statistics.fmean(self.candidate) - statistics.fmean(self.reference)

    @property
    def within(self) -> bool:
        return abs(self.difference) <= BOUND[self.task] + 1e-12

    @property
    def time_ratio(self) -> float:
        return statistics.fmean(self.candidate_seconds) / statistics.fmean(self.reference_seconds)


def load(name: str) -> tuple[np.ndarray, np.ndarray]:
    from sklearn import datasets

    if name == "friedman1":
        return datasets.make_friedman1(n_samples=1000, noise=1.0, random_state=0)
    loader = {
        "digits": datasets.load_digits,
        "breast_cancer": datasets.load_breast_cancer,
        "wine": datasets.load_wine,
        "iris": datasets.load_iris,
        "diabetes": datasets.load_diabetes,
    }[name]
    return loader(return_X_y=True)


def estimators(reference_only: bool) -> dict[str, tuple[type, type]]:
    """``{'reference': (classifier, regressor), 'candidate': (…)}``; sklearn twice if ``reference_only``."""
    from sklearn.neural_network import MLPClassifier, MLPRegressor

    if reference_only:
        candidate = (MLPClassifier, MLPRegressor)
    else:
        import mlplab

        candidate = (mlplab.MLPClassifier, mlplab.MLPRegressor)
    return {"reference": (MLPClassifier, MLPRegressor), "candidate": candidate}


def split(name: str, task: str, seed: int) -> tuple[np.ndarray, ...]:
    """Train and test parts of ``name`` for ``seed``, features (and regression targets) standardised."""
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    X, y = load(name)
    stratify = y if task == "classification" else None
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, random_state=seed, stratify=stratify
    )
    scaler = StandardScaler().fit(X_train)
    X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)
    if task == "regression":
        mean, sd = y_train.mean(), y_train.std()
        y_train, y_test = (y_train - mean) / sd, (y_test - mean) / sd
    return X_train, X_test, y_train, y_test


def fit_and_score(estimator_class: type, params: dict, data: tuple) -> tuple[float, float, bool]:
    """Test score, fit seconds and whether ``fit`` warned that it had not converged."""
    X_train, X_test, y_train, y_test = data
    model = estimator_class(**params)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        start = time.perf_counter()
        model.fit(X_train, y_train)
        seconds = time.perf_counter() - start
    unconverged = any(type(w.message).__name__ == "ConvergenceWarning" for w in caught)
    for w in caught:
        if type(w.message).__name__ != "ConvergenceWarning":
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return float(model.score(X_test, y_test)), seconds, unconverged


def run(
    seeds: int = 5,
    datasets: tuple[str, ...] = CLASSIFICATION + REGRESSION,
    solvers: tuple[str, ...] = ("adam", "sgd", "lbfgs"),
    max_iter: int | None = None,
    reference_only: bool = False,
    noise_floor: bool = True,
    progress=None,
) -> list[Row]:
    """Every (dataset, solver) pair asked for, over ``seeds`` seeds; see the module docstring."""
    tools = estimators(reference_only)
    rows = []
    for name in datasets:
        task = "classification" if name in CLASSIFICATION else "regression"
        for solver in SOLVERS[task]:
            if solver not in solvers:
                continue
            row = Row(name, task, solver)
            for seed in range(seeds):
                data = split(name, task, seed)
                params = {**SETTINGS.get(name, {}), "solver": solver, "random_state": seed}
                if max_iter is not None:
                    params["max_iter"] = max_iter
                index = 0 if task == "classification" else 1
                for side in ("reference", "candidate"):
                    score, seconds, unconverged = fit_and_score(tools[side][index], params, data)
                    getattr(row, side).append(score)
                    getattr(row, f"{side}_seconds").append(seconds)
                    setattr(row, f"{side}_unconverged", getattr(row, f"{side}_unconverged") + unconverged)
                if noise_floor:
                    other = {**params, "random_state": seed + FLOOR_SEED_OFFSET}
                    row.floor.append(fit_and_score(tools["reference"][index], other, data)[0])
            if progress is not None:
                progress(f"{name} {solver}: done")
            rows.append(row)
    return rows


def _mean_sd(values: list[float], scale: float, digits: int) -> str:
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    return f"{scale * statistics.fmean(values):.{digits}f} ± {scale * sd:.{digits}f}"


def _signed(value: float, digits: int) -> str:
    return "–" if math.isnan(value) else f"{value:+.{digits}f}"


def geometric_mean(values: list[float]) -> float:
    return math.exp(statistics.fmean(math.log(v) for v in values)) if values else math.nan


def table(rows: list[Row], candidate: str = "mlplab") -> str:
    """The Markdown table (accuracy in %, R² as is) and the time-ratio summary lines."""
    lines = [
        f"| dataset | solver | metric | scikit-learn | {candidate} | difference "
        f"| sklearn seed-to-seed | within bound | time {candidate}/sklearn "
        f"| not converged (sklearn, {candidate}) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        scale, metric = (100.0, "accuracy %") if row.task == "classification" else (1.0, "R²")
        bound = "1 point" if row.task == "classification" else "0.02"
        digits = 2 if row.task == "classification" else 3
        lines.append(
            f"| {row.dataset} | {row.solver} | {metric} | {_mean_sd(row.reference, scale, digits)} "
            f"| {_mean_sd(row.candidate, scale, digits)} | {scale * row.difference:+.{digits}f} "
            f"| {_signed(scale * row.floor_difference, digits)} "
            f"| {'yes' if row.within else 'NO'} (±{bound}) | {row.time_ratio:.2f} "
            f"| {row.reference_unconverged}, {row.candidate_unconverged} of {len(row.reference)} |"
        )
    regression = [row.time_ratio for row in rows if row.task == "regression"]
    lbfgs = [row.time_ratio for row in rows if row.solver == "lbfgs"]
    lines += [
        "",
        f"Time {candidate}/scikit-learn (geometric mean of the rows' fit-time ratios): "
        f"regressor {geometric_mean(regression):.2f} ({len(regression)} rows), "
        f"lbfgs {geometric_mean(lbfgs):.2f} ({len(lbfgs)} rows), "
        f"all {geometric_mean([row.time_ratio for row in rows]):.2f} ({len(rows)} rows).",
        f"Within bound: {sum(row.within for row in rows)} of {len(rows)} rows.",
    ]
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seeds", type=int, default=5, help="seeds 0..N-1 (default 5)")
    parser.add_argument(
        "--dataset", action="append", choices=CLASSIFICATION + REGRESSION, help="only these (repeatable)"
    )
    parser.add_argument("--solver", action="append", choices=("adam", "sgd", "lbfgs"), help="only these")
    parser.add_argument("--max-iter", type=int, default=None, help="max_iter for both (default: sklearn's)")
    parser.add_argument("--quick", action="store_true", help="one seed, iris and diabetes, 50 iterations")
    parser.add_argument(
        "--reference-only",
        action="store_true",
        help="scikit-learn's classes on both sides (checks the script; the differences are 0)",
    )
    parser.add_argument(
        "--no-noise-floor", action="store_true", help="skip scikit-learn against itself with other seeds"
    )
    parser.add_argument("--json", type=Path, help="also write the per-seed numbers here")
    args = parser.parse_args(argv)
    if args.seeds < 1:
        parser.error(f"--seeds must be >= 1, got {args.seeds}")
    if args.max_iter is not None and args.max_iter < 1:
        parser.error(f"--max-iter must be >= 1, got {args.max_iter}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    seeds, datasets, max_iter = args.seeds, tuple(args.dataset or CLASSIFICATION + REGRESSION), args.max_iter
    if args.quick:
        seeds, datasets = QUICK["seeds"], tuple(args.dataset or QUICK["datasets"])
        max_iter = max_iter or QUICK["max_iter"]
    solvers = tuple(args.solver or ("adam", "sgd", "lbfgs"))
    rows = run(
        seeds,
        datasets,
        solvers,
        max_iter,
        args.reference_only,
        not args.no_noise_floor,
        progress=lambda text: print(text, file=sys.stderr, flush=True),
    )
    candidate = "sklearn again" if args.reference_only else "mlplab"
    print(table(rows, candidate))
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        document = {
            "seeds": seeds,
            "max_iter": max_iter,
            "reference_only": args.reference_only,
            "settings": SETTINGS,
            "rows": [
                {**asdict(row), "difference": row.difference, "floor_difference": row.floor_difference}
                | {"within": row.within}
                for row in rows
            ],
        }
        args.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
