from pathlib import Path

import numpy as np
import pytest

from mlplab import MLP
from mlplab.lab import spirals
from mlplab.lab._common import Context

from .conftest import assert_common_keys, assert_png, run_command, without_timings

FIGURES = (spirals.FIG_DATA, spirals.FIG_BOUNDARY, spirals.FIG_CURVES, spirals.FIG_FEATURES)


@pytest.mark.slow
def test_spirals_command(tmp_path):
    metrics = run_command(tmp_path, "spirals")
    assert_common_keys(metrics, "spirals")
    settings, results = metrics["settings"], metrics["results"]
    assert settings["layer_sizes"] == [2, 32, 16, 8, 1]
    assert settings["data"]["input_scaling"] == "1/(4π)"
    assert settings["data"]["train"] != settings["data"]["test"]
    assert settings["data"]["train"].startswith("make_spirals(200, 0.1, seed=")
    epochs = settings["epochs"]
    for key in ("train_accuracy", "test_accuracy"):
        assert 0.5 < results[key] <= 1.0  # better than chance after the quick run
    assert results["final_train_loss"] < results["curves"]["train_loss"][0]
    assert results["epochs_to_100_percent"] is None or 1 <= results["epochs_to_100_percent"] <= epochs
    for name, curve in results["curves"].items():
        assert len(curve) == epochs, name
    out = tmp_path / "spirals"
    for stem in FIGURES:
        for lang in ("", ".de"):  # every figure in English and German
            assert_png(out / f"{stem}{lang}.png")
            assert (out / f"{stem}{lang}.svg").stat().st_size > 0
    assert not (out / "spirals_training.de.gif").exists()  # the GIF is English only (not in the PDF)
    check_where_the_errors_are_and_the_feature_maps(results, settings)
    gif = (out / "spirals_training.gif").read_bytes()
    assert gif[:4] == b"GIF8"
    assert 1000 < len(gif) < 2_000_000
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")], "temporary files left behind"


@pytest.mark.slow
def test_spirals_gif_has_the_requested_frames(tmp_path):
    image = pytest.importorskip("PIL.Image")
    run_command(tmp_path, "spirals", "--epochs", "40", "--frames", "4")
    with image.open(tmp_path / "spirals" / "spirals_training.gif") as gif:
        # the untrained network and epochs 10, 20, 30, 40 (the held last frame merges with the last)
        assert gif.n_frames == 5
        assert gif.info["loop"] == 0


@pytest.mark.slow
def test_spirals_reports_the_epoch_of_100_percent(tmp_path):
    # Full-batch Adam at 0.01 usually gets every training point right within a few hundred epochs
    # (at epoch 158 for seed 0 today); the test checks the bookkeeping, whichever epoch it is.
    metrics = run_command(
        tmp_path,
        "spirals",
        "--learning-rate",
        "0.01",
        "--batch-size",
        "200",
        "--epochs",
        "250",
        "--frames",
        "2",
    )
    results = metrics["results"]
    accuracy = results["curves"]["train_accuracy"]
    first = results["epochs_to_100_percent"]
    if first is None:
        assert max(accuracy) < 1.0
    else:
        assert accuracy[first - 1] == 1.0
        assert max(accuracy[: first - 1], default=0.0) < 1.0
    assert results["epochs_at_100_percent"] == sum(a == 1.0 for a in accuracy)
    assert results["train_accuracy"] == accuracy[-1]  # the last epoch's weights are the final model


@pytest.mark.slow
def test_spirals_same_seed_same_metrics(tmp_path):
    options = ("spirals", "--quick", "--epochs", "30", "--frames", "2")
    a = run_command(tmp_path / "a", *options)
    b = run_command(tmp_path / "b", *options)
    c = run_command(tmp_path / "c", *options, "--seed", "1")
    assert without_timings(a) == without_timings(b)
    assert a["settings"]["data"] != c["settings"]["data"]
    assert a["results"]["curves"]["train_loss"] != c["results"]["curves"]["train_loss"]


@pytest.mark.slow
def test_a_progress_bar_does_not_stop_training(tmp_path, monkeypatch):
    # tqdm's update() returns True after each redraw; a callback's return value must not stop training.
    class EagerBar:
        def update(self, n=1):
            return True

        def close(self):
            pass

    monkeypatch.setattr(Context, "bar", lambda self, total, desc: EagerBar())
    config = spirals.Config(epochs=12, frames=2)
    results = spirals.run(Context(name="spirals", root=tmp_path, quick=True, progress=True), config)
    assert len(results["curves"]["train_loss"]) == 12


def test_spiral_data_is_scaled_and_independent():
    X, y, X_test, y_test = spirals.spiral_data(0, 1)
    assert X.shape == X_test.shape == (200, 2)
    assert np.bincount(y).tolist() == np.bincount(y_test).tolist() == [100, 100]
    assert np.abs(X).max() < 1.2  # radius 4π scaled to 1, plus the noise
    assert not np.array_equal(X, X_test)


def test_epoch_accuracy_scores_the_weights_after_each_epoch():
    X, y, _, _ = spirals.spiral_data(0, 1)
    model = MLP([2, 16, 1], "relu", 0.01, optimizer="adam", seed=0)
    tracker = spirals.EpochAccuracy(model, X, y)
    snapshots = []
    model.train(
        X,
        y,
        epochs=5,
        batch_size=50,
        callbacks=[tracker, lambda e, h: snapshots.append(model.network.params.copy())],
    )
    assert len(tracker.accuracy) == 5
    model.network.params[...] = snapshots[2]
    assert tracker.accuracy[2] == model.score(X, y)


def test_epoch_accuracy_finds_the_first_perfect_epoch():
    # Two far-apart blobs: a linear model separates them after a few epochs and stays there.
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(-3, 0.5, (20, 2)), rng.normal(3, 0.5, (20, 2))])
    y = np.repeat([0, 1], 20)
    model = MLP([2, 1], "sigmoid", 0.1, seed=1)
    model.network.params[...] = [-1.0, -1.0, 0.0]  # starts with every point wrong
    tracker = spirals.EpochAccuracy(model, X, y)
    model.train(X, y, epochs=30, callbacks=[tracker])
    first = tracker.first_perfect_epoch
    assert first is not None
    assert tracker.accuracy[0] < 1.0
    assert tracker.accuracy[first - 1] == 1.0
    assert max(tracker.accuracy[: first - 1]) < 1.0


def test_save_atomically_keeps_the_old_file_on_failure(tmp_path):
    path = tmp_path / "movie.gif"
    path.write_bytes(b"old")

    def broken(tmp):
        with open(tmp, "wb") as handle:
            handle.write(b"half a GIF")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        spirals._save_atomically(path, broken)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["movie.gif"]

    spirals._save_atomically(path, lambda tmp: Path(tmp).write_bytes(b"new"))
    assert path.read_bytes() == b"new"


def check_where_the_errors_are_and_the_feature_maps(results: dict, settings: dict) -> None:
    """The quick run's error radii, nearest distances and last-layer shares, recomputed here."""
    seed = int(settings["data"]["train"].split("seed=")[1].rstrip(")"))
    test_seed = int(settings["data"]["test"].split("seed=")[1].rstrip(")"))
    X, y, X_test, y_test = spirals.spiral_data(seed, test_seed)
    errors = round((1 - results["test_accuracy"]) * len(y_test))
    assert len(results["test_error_radii"]) == errors
    assert all(0 <= r < 1.2 for r in results["test_error_radii"])
    assert results["test_share_inner"] == np.mean(np.hypot(*X_test.T) < results["inner_radius"])
    nearest = [min(np.hypot(*(X[y == label] - point).T)) for point, label in zip(X_test, y_test)]
    assert results["median_test_to_train_distance"] == pytest.approx(np.median(nearest))
    assert results["arm_gap"] == pytest.approx(0.25)
    hidden = results["last_hidden"]
    assert hidden["layer"] == len(settings["layer_sizes"]) - 2
    assert hidden["units"] == settings["layer_sizes"][-2] == len(hidden["positive_share"])
    assert hidden["shown"] == list(range(hidden["units"]))  # 8 units: all shown
    assert all(0.0 <= share <= 1.0 for share in hidden["positive_share"])


def test_last_hidden_is_the_layer_before_the_output():
    X, _, _, _ = spirals.spiral_data(0, 1)
    model = MLP([2, 6, 5, 1], "relu", 0.01, seed=0)
    model.train(X, (X[:, 0] > 0).astype(int), epochs=3)
    z, a = spirals.last_hidden(model, X)
    W1, W2, W3 = model.weights
    b1, b2, b3 = model.biases
    z2 = np.maximum(X @ W1.T + b1, 0) @ W2.T + b2
    np.testing.assert_allclose(z, z2)
    np.testing.assert_allclose(a, np.maximum(z2, 0))
    logits = a @ W3.T + b3
    np.testing.assert_allclose(model.predict_proba(X)[:, 1], 1 / (1 + np.exp(-logits[:, 0])))


def test_shown_units_are_the_most_varying_when_there_are_more_than_eight():
    rng = np.random.default_rng(0)
    z = rng.normal(size=(50, 12)) * np.arange(1, 13)  # unit j varies with scale j + 1
    assert spirals._shown_units(z, "tanh").tolist() == list(range(4, 12))
    assert spirals._shown_units(z[:, :8], "tanh").tolist() == list(range(8))


def test_the_histories_validation_accuracy_is_the_test_accuracy_after_each_epoch():
    X, y, X_test, y_test = spirals.spiral_data(0, 1)
    model = MLP([2, 16, 1], "relu", 0.01, optimizer="adam", seed=0)
    tracker = spirals.EpochAccuracy(model, X_test, y_test)
    history = model.train(
        X, y, epochs=8, batch_size=32, validation_data=(X_test, y_test), callbacks=[tracker]
    )
    assert history.val_accuracy == tracker.accuracy
