"""Check the corpus against mlplab's reference MLP (not a test module: run it by hand).

    cd <worktree> && PYTHONPATH=$PWD/src python tests/grade/corpus/_verify.py [FILE ...]

For every correct and buggy submission in MANIFEST.json (hostile ones are never
loaded here) it runs a small battery of checks, one or more per criterion, and
prints which pass. A correct file must pass all of them; a buggy one must fail
the check of its MANIFEST criterion (and may fail only those listed in its
cascade). For a buggy one it also checks that it differs from its base only in
the places marked ``# BUG`` (one place, or the number given by ``"sites"``).

The student's layout is told apart by what its objects hold (four
conventions, see ``Layout``); this is a verification aid, not the grader's
convention detection.
"""

from __future__ import annotations

import contextlib
import difflib
import inspect
import io
import itertools
import json
import math
import os
import re
import sys
import time
import types
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")

import numpy as np

from mlplab import MLP as Reference
from mlplab.nn.optimizers import Adam, Momentum, RMSprop

HERE = Path(__file__).resolve().parent
MANIFEST = json.loads((HERE / "MANIFEST.json").read_text(encoding="utf-8"))
SIZES = [3, 5, 4, 1]
ACTIVATIONS = ("sigmoid", "relu", "tanh")
#: file -> bonus feature -> the constructor keywords that switch it on (β = 0.9, λ = 0.01, defaults)
BONUS_OPTIONS = {name: entry["options"] for name, entry in MANIFEST.items() if entry.get("options")}
REFERENCE_OPTIONS = {
    "momentum": lambda lr: {"optimizer": Momentum(lr, beta=0.9)},
    "l2": lambda lr: {"l2": 0.01},
}


# ----------------------------------------------------------------- loading
def code_of(path: Path) -> str:
    """A .py file's text, or a notebook's code cells with IPython magics and shell lines dropped."""
    if path.suffix != ".ipynb":
        return path.read_text(encoding="utf-8")
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cells = []
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            lines = "".join(cell["source"]).splitlines()
            cells.append("\n".join(line for line in lines if not line.lstrip().startswith(("%", "!"))))
    return "\n\n".join(cells)


def load(path: Path) -> type:
    """Run the submission (its module-level code too, output swallowed) and return its ``MLP``."""
    module = types.ModuleType(path.stem)
    module.__file__ = str(path)
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code_of(path), str(path), "exec"), module.__dict__)
    import matplotlib.pyplot as plt

    plt.close("all")
    return module.MLP


class Layout:
    """Canonical access (W (n_out, n_in), b (n_out,)) to one student model's parameters and gradients."""

    def __init__(self, model):
        self.model = model
        if isinstance(getattr(model, "params", None), dict):
            self.kind = "dict"
        elif hasattr(model, "weights"):
            self.kind = "lists"
        elif isinstance(getattr(model, "W", None), list):
            self.kind = "notebook"
        else:
            self.kind = "attrs"

    def n_layers(self):
        return len(self.model.layer_sizes) - 1

    def get(self):
        m, L = self.model, self.n_layers()
        if self.kind == "lists":
            return [np.array(w) for w in m.weights], [np.array(b).reshape(-1) for b in m.biases]
        if self.kind == "dict":
            return (
                [m.params[f"W{i}"].T.copy() for i in range(1, L + 1)],
                [m.params[f"b{i}"].reshape(-1).copy() for i in range(1, L + 1)],
            )
        if self.kind == "notebook":
            return [w.copy() for w in m.W], [b.reshape(-1).copy() for b in m.b]
        return (
            [getattr(m, f"W{i}").copy() for i in range(1, L + 1)],
            [getattr(m, f"b{i}").reshape(-1).copy() for i in range(1, L + 1)],
        )

    def set(self, weights, biases):
        m = self.model
        for i, (w, b) in enumerate(zip(weights, biases), start=1):
            w, b = np.array(w, dtype=float), np.array(b, dtype=float)
            if self.kind == "lists":
                m.weights[i - 1], m.biases[i - 1] = w, b.reshape(-1)
            elif self.kind == "dict":
                m.params[f"W{i}"], m.params[f"b{i}"] = w.T.copy(), b.reshape(1, -1)
            elif self.kind == "notebook":
                m.W[i - 1], m.b[i - 1] = w, b.reshape(-1, 1)
            else:
                setattr(m, f"W{i}", w)
                setattr(m, f"b{i}", b.reshape(-1))

    def gradients(self, X, y):
        m, L = self.model, self.n_layers()
        m._forward(X)
        out = m._backward(X, y)
        if self.kind == "lists":
            dW, db = out
        elif self.kind == "dict":
            dW = [m.grads[f"dW{i}"].T for i in range(1, L + 1)]
            db = [m.grads[f"db{i}"] for i in range(1, L + 1)]
        elif self.kind == "notebook":
            dW, db = m.dW, m.db
        else:
            dW = [out[f"dW{i}"] for i in range(1, L + 1)]
            db = [out[f"db{i}"] for i in range(1, L + 1)]
        return [np.array(g, dtype=float) for g in dW], [np.array(g, dtype=float).reshape(-1) for g in db]


def random_params(rng, sizes=SIZES, scale=0.8):
    weights = [rng.normal(0, scale, size=(n_out, n_in)) for n_in, n_out in itertools.pairwise(sizes)]
    biases = [rng.normal(0, 0.3, size=n_out) for n_out in sizes[1:]]
    return weights, biases


def reference(activation, weights, biases, learning_rate=0.01, sizes=SIZES, **options):
    ref = Reference(sizes, activation, learning_rate, seed=0, **options)
    ref.set_weights(weights, biases)
    return ref


def batch(rng, n=7, n_in=3):
    return rng.normal(size=(n, n_in)), (rng.random(n) < 0.5).astype(float)


# ------------------------------------------------------------------ checks
class Fail(Exception):
    pass


def close(a, b, what, tol=1e-10):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise Fail(f"{what}: shape {a.shape}, expected {b.shape}")
    err = np.max(np.abs(a - b)) if a.size else 0.0
    if not err <= tol:
        raise Fail(f"{what}: max |diff| {err:.3g}")
    return err


def check_api(cls, name):
    for method in ("__init__", "_initialize_weights", "_forward", "_backward", "train", "predict", "score"):
        if not callable(getattr(cls, method, None)):
            raise Fail(f"no method {method}")
    init = inspect.signature(cls.__init__).parameters
    train = inspect.signature(cls.train).parameters
    wanted = [(init, "activation", "sigmoid"), (init, "learning_rate", 0.01), (train, "epochs", 1000),
              (train, "batch_size", None), (train, "verbose", False)]  # fmt: skip
    for params, arg, default in wanted:
        if arg not in params or params[arg].default != default:
            raise Fail(f"{arg} must default to {default!r}")
    return "7 methods, defaults"


def check_initialization(cls, name):
    # large layers; W(1) 400 -> 200: Xavier 1/400 or 2/600 (normal or uniform), He 2/400
    sizes = [400, 200, 1]
    allowed = {"sigmoid": (1 / 400, 2 / 600), "tanh": (1 / 400, 2 / 600), "relu": (2 / 400,)}
    np.random.seed(123)  # noqa: NPY002 -- the students draw from the global state
    found = []
    for activation, variances in allowed.items():
        layout = Layout(cls(sizes, activation=activation, learning_rate=0.01))
        weights, biases = layout.get()
        w = weights[0]
        var = float(np.mean(w**2))  # mean 0 by construction
        # 80 000 draws: the sample variance is within ±2 % of the truth far beyond 0.999
        if not any(abs(var / v - 1) < 0.04 for v in variances):
            wanted = [round(v, 5) for v in variances]
            raise Fail(f"{activation}: Var W(1) = {var:.3g}, expected one of {wanted}")
        if np.max(np.abs(np.concatenate(biases))) > 0.1:
            raise Fail(f"{activation}: biases not zero/small")
        if np.min(np.std(w, axis=1)) == 0 or np.allclose(w[0], w[1]):
            raise Fail(f"{activation}: units not drawn differently (symmetry)")
        found.append(f"{activation} {var * 400:.2f}/n_in")
    return ", ".join(found)


def check_forward(cls, name):
    rng = np.random.default_rng(1)
    worst = 0.0
    for activation in ACTIVATIONS:
        weights, biases = random_params(rng)
        X, _ = batch(rng)
        layout = Layout(cls(SIZES, activation=activation))
        layout.set(weights, biases)
        ref = reference(activation, weights, biases)
        worst = max(worst, close(np.ravel(layout.model._forward(X)), ref._forward(X).ravel(), activation))
    return f"ŷ to {worst:.1e}"


def check_numeric_example(cls, name):
    # a [2, 2, 1] sigmoid net with fixed weights, ŷ and the mean BCE to 1e-6 (against the reference)
    weights = [np.array([[0.1, 0.2], [0.3, 0.4]]), np.array([[0.5, 0.6]])]
    biases = [np.array([0.1, 0.1]), np.array([0.2])]
    X = np.array([[1.0, 0.5]])
    layout = Layout(cls([2, 2, 1], activation="sigmoid"))
    layout.set(weights, biases)
    ref = reference("sigmoid", weights, biases, sizes=[2, 2, 1])
    close(np.ravel(layout.model._forward(X)), ref._forward(X).ravel(), "ŷ", tol=1e-6)
    return "ŷ to 1e-6"


def check_backward(cls, name):
    rng = np.random.default_rng(2)
    worst = 0.0
    for activation in ACTIVATIONS:
        for n in (7, 1):
            weights, biases = random_params(rng)
            X, y = batch(rng, n)
            layout = Layout(cls(SIZES, activation=activation))
            layout.set(weights, biases)
            ref = reference(activation, weights, biases)
            ref._forward(X)
            ref_dW, ref_db = ref._backward(X, y)
            try:
                dW, db = layout.gradients(X, y)
            except Exception as e:
                raise Fail(f"{activation}: _backward raised {type(e).__name__}: {e}") from None
            for i in range(len(ref_dW)):
                worst = max(worst, close(dW[i], ref_dW[i], f"{activation} n={n} dW({i + 1})"))
                worst = max(worst, close(db[i], ref_db[i], f"{activation} n={n} db({i + 1})"))
    return f"all layers to {worst:.1e}"


def _instrument(model, calls, backward_calls):
    forward, backward = model._forward, model._backward

    def counting_forward(X):
        calls.append(np.asarray(X)[:, 0].copy())
        return forward(X)

    def counting_backward(X, y):
        backward_calls.append(len(X))
        return backward(X, y)

    model._forward = counting_forward
    model._backward = counting_backward
    return model


def check_training_loop(cls, name):
    n, k = 22, 5
    X = np.column_stack([np.arange(n, dtype=float), np.zeros(n), np.zeros(n)])  # row i has x0 = i
    y = (np.arange(n) % 2).astype(float)
    np.random.seed(0)  # noqa: NPY002 -- the students draw from the global state
    for batch_size, expected in ((None, [n] * 3), (k, ([k] * (n // k) + [n % k]) * 3)):
        calls, backward_calls = [], []
        model = _instrument(cls(SIZES, activation="tanh", learning_rate=1e-6), calls, backward_calls)
        with contextlib.redirect_stdout(io.StringIO()):
            model.train(X, y, epochs=3, batch_size=batch_size)
        sizes = [len(c) for c in calls]
        if sizes != expected or backward_calls != expected:
            raise Fail(f"batch_size={batch_size}: batches {sizes} / {backward_calls}, expected {expected}")
        if batch_size is None and (np.array_equal(calls[0], calls[1]) and np.array_equal(calls[1], calls[2])):
            raise Fail("no shuffling: the same order every epoch")
        if batch_size is not None:
            for epoch in range(3):
                seen = np.sort(np.concatenate(calls[epoch * 5 : epoch * 5 + 5]))
                if not np.array_equal(seen, np.arange(n)):
                    raise Fail(f"epoch {epoch + 1} did not see every sample exactly once")
    # one full-batch epoch of plain SGD is W - α ∂L/∂W of the reference, for α = 0.1 and 0.3
    rng = np.random.default_rng(3)
    for lr in (0.1, 0.3):
        weights, biases = random_params(rng)
        Xb, yb = batch(rng, 9)
        layout = Layout(cls(SIZES, activation="tanh", learning_rate=lr))
        layout.set(weights, biases)
        with contextlib.redirect_stdout(io.StringIO()):
            layout.model.train(Xb, yb, epochs=1)
        ref = reference("tanh", weights, biases)
        ref._forward(Xb)
        ref_dW, ref_db = ref._backward(Xb, yb)
        new_w, new_b = layout.get()
        for i in range(len(weights)):
            close(new_w[i], weights[i] - lr * ref_dW[i], f"lr={lr}: W({i + 1}) after one step")
            close(new_b[i], biases[i] - lr * ref_db[i], f"lr={lr}: b({i + 1}) after one step")
    # XOR, [2, 4, 1], tanh, α = 0.5, full batch, ≤ 5000 epochs, 5 seeds
    Xx = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    yx = np.array([0, 1, 1, 0])
    solved = []
    for seed in range(5):
        np.random.seed(seed)  # noqa: NPY002 -- the students draw from the global state
        model = cls([2, 4, 1], activation="tanh", learning_rate=0.5)
        layout = Layout(model)
        layout.set(*random_params(np.random.default_rng(seed), [2, 4, 1], scale=1.0))
        with contextlib.redirect_stdout(io.StringIO()):
            model.train(Xx, yx, epochs=5000)
        solved.append(float(model.score(Xx, yx)) == 1.0)
    if sum(solved) < 4:
        raise Fail(f"XOR solved for {sum(solved)} of 5 seeds")
    return f"⌈n/k⌉ batches, last kept, shuffled, α used, XOR {sum(solved)}/5"


def check_predict_score(cls, name):
    rng = np.random.default_rng(4)
    weights, biases = random_params(rng)
    X, y = batch(rng, 40)
    layout = Layout(cls(SIZES, activation="tanh"))
    layout.set(weights, biases)
    labels = np.asarray(layout.model.predict(X))
    expected = (reference("tanh", weights, biases)._forward(X).ravel() >= 0.5).astype(int)
    if labels.shape != (40,):
        raise Fail(f"predict shape {labels.shape}")
    if not np.array_equal(labels, expected):
        raise Fail("predict labels differ from ŷ ≥ 0.5")
    score = layout.model.score(X, y)
    if not math.isclose(float(score), float(np.mean(expected == y)), abs_tol=1e-12):
        raise Fail(f"score {score}, expected {np.mean(expected == y)}")
    return "labels (n,), accuracy"


def check_vectorization(cls, name):
    rng = np.random.default_rng(5)
    sizes = [10, 32, 32, 1]
    model = cls(sizes, activation="tanh")
    ref = reference("tanh", *random_params(rng, sizes), sizes=sizes)
    X, y = rng.normal(size=(2048, 10)), (rng.random(2048) < 0.5).astype(float)
    times = []
    for forward, backward in ((model._forward, model._backward), (ref._forward, ref._backward)):
        best = math.inf
        for _ in range(3):
            start = time.perf_counter()
            forward(X)
            backward(X, y)
            best = min(best, time.perf_counter() - start)
        times.append(best)
    ratio = times[0] / times[1]
    if ratio > 15:  # a per-sample loop over 2048 samples is ~100x slower than one matrix product
        raise Fail(f"2048 samples take {ratio:.0f}x as long as the reference's vectorised pass")
    return f"{ratio:.1f}x the reference's time"


def _bonus_reference_options(feature, name, lr):
    if feature in REFERENCE_OPTIONS:
        return REFERENCE_OPTIONS[feature](lr)
    if BONUS_OPTIONS[name]["adaptive"]["optimizer"] == "adam":
        return {"optimizer": Adam(lr, beta1=0.9, beta2=0.999, eps=1e-8)}
    return {"optimizer": RMSprop(lr, rho=0.9, eps=1e-8)}


def check_bonus(feature):
    def check(cls, name):
        base = MANIFEST[name].get("base", name)
        options = BONUS_OPTIONS[base][feature]
        rng = np.random.default_rng(6)
        weights, biases = random_params(rng)
        X, y = batch(rng, 9)
        lr = 0.05
        layout = Layout(cls(SIZES, activation="tanh", learning_rate=lr, **options))
        layout.set(weights, biases)
        ref = reference("tanh", weights, biases, lr, **_bonus_reference_options(feature, base, lr))
        if feature == "l2":
            ref._forward(X)
            ref_dW, ref_db = ref._backward(X, y)
            dW, db = layout.gradients(X, y)
            for i in range(len(dW)):
                close(dW[i], ref_dW[i], f"dW({i + 1}) with L2")
                close(db[i], ref_db[i], f"db({i + 1}) with L2")
        with contextlib.redirect_stdout(io.StringIO()):
            layout.model.train(X, y, epochs=4)  # full batch: 4 steps, the order of samples is irrelevant
            ref.train(X, y, epochs=4)
        new_w, new_b = layout.get()
        for i in range(len(new_w)):
            close(new_w[i], ref.weights[i], f"W({i + 1}) after 4 steps", tol=1e-9)
            close(new_b[i], ref.biases[i], f"b({i + 1}) after 4 steps", tol=1e-9)
        return f"{options} = reference after 4 steps"

    return check


CHECKS = {
    "api": check_api,
    "initialization": check_initialization,
    "forward": check_forward,
    "numeric_example": check_numeric_example,
    "backward": check_backward,
    "training_loop": check_training_loop,
    "predict_score": check_predict_score,
    "vectorization": check_vectorization,
    "momentum": check_bonus("momentum"),
    "l2": check_bonus("l2"),
    "adaptive": check_bonus("adaptive"),
}


def run_battery(path: Path, entry: dict) -> dict[str, tuple[bool, str]]:
    results = {}
    try:
        cls = load(path)
    except Exception as e:
        return {"load": (False, f"{type(e).__name__}: {e}")}
    bonus = MANIFEST.get(entry.get("base", ""), entry).get("bonus", [])
    for criterion, check in CHECKS.items():
        if criterion in ("momentum", "l2", "adaptive") and criterion not in bonus:
            continue
        try:
            np.random.seed(0)  # noqa: NPY002 -- the students draw from the global state
            results[criterion] = (True, check(cls, path.name))
        except Fail as e:
            results[criterion] = (False, str(e))
        except Exception as e:
            results[criterion] = (False, f"{type(e).__name__}: {str(e)[:150]}")
    return results


# ------------------------------------------------------------------ diffs
HEADER = re.compile(r"^# corpus: ")


def bug_sites(path: Path, base: Path) -> list[list[str]]:
    """The changed places of a buggy file against its base (header left out; changes ≤ 4 lines apart: one)."""
    bug_lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not HEADER.match(line)]
    base_lines = base.read_text(encoding="utf-8").splitlines()
    sites = []
    for group in difflib.SequenceMatcher(None, base_lines, bug_lines, autojunk=False).get_grouped_opcodes(2):
        sites.append([bug_lines[j] for tag, _, _, j1, j2 in group if tag != "equal" for j in range(j1, j2)])
    return sites


def main(argv: list[str]) -> int:
    names = argv or [name for name, entry in MANIFEST.items() if entry["kind"] != "hostile"]
    problems = 0
    for name in names:
        entry = MANIFEST[name]
        path = HERE / name
        print(f"\n== {name} ({entry['kind']}" + (f", base {entry['base']}" if "base" in entry else "") + ")")
        start = time.perf_counter()
        results = run_battery(path, entry)
        for criterion, (ok, message) in results.items():
            print(f"  {'ok  ' if ok else 'FAIL'} {criterion:16s} {message}")
        failed = {c for c, (ok, _) in results.items() if not ok}
        if entry["kind"] == "correct":
            verdict = not failed
        else:
            allowed = {entry["criterion"], *entry.get("cascade", [])}
            verdict = entry["criterion"] in failed and failed <= allowed
            sites = bug_sites(path, HERE / entry["base"])
            marked = all(any("# BUG" in line for line in site) for site in sites)
            if len(sites) != entry.get("sites", 1) or not marked:
                verdict = False
                expected = entry.get("sites", 1)
                print(f"  diff: {len(sites)} changed places (expected {expected}), marked={marked}")
            else:
                print(f"  diff: {len(sites)} changed place(s) against {entry['base']}, each marked # BUG")
        problems += not verdict
        print(f"  -> {'as expected' if verdict else 'NOT AS EXPECTED'} ({time.perf_counter() - start:.1f} s)")
    print(f"\n{len(names) - problems} of {len(names)} files as expected")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
