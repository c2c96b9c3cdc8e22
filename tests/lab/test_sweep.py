import csv
import json
import multiprocessing
import pickle

import numpy as np
import pytest

from mlplab.cli import main
from mlplab.lab import sweep
from mlplab.nn.training import DivergenceError

from .conftest import SMALL_SWEEP_GRID, assert_common_keys, assert_png, run_command, without_timings

pytestmark = pytest.mark.timeout(180)  # sweeps on worker processes and on a Dask cluster: fail, never hang

# A small grid for the tests that compare runs: 2 architectures x 2 activations x 2 rates x 2 seeds, SGD only.
SGD_ONLY = ("--optimizers", "sgd", "--rescaled", "none")  # the grid once, with the sheet's optimiser
SMALL = (
    *SMALL_SWEEP_GRID,
    "--epochs",
    "30",
)


def read_csv(path):
    with open(path, newline="") as handle:
        reader = csv.DictReader(handle)
        return reader.fieldnames, list(reader)


def cell(results, hidden, activation, rate, optimizer="sgd", init="default"):
    (row,) = [
        r
        for r in results["cells"]
        if (r["hidden_layers"], r["activation"], r["learning_rate"], r["optimizer"], r["init"])
        == (hidden, activation, rate, optimizer, init)
    ]
    return row


@pytest.mark.slow
def test_sweep_command(tmp_path):
    metrics = run_command(tmp_path, "sweep")
    assert_common_keys(metrics, "sweep")
    settings, results = metrics["settings"], metrics["results"]
    assert settings["hidden_layers"] == [[8], [16, 8], [32, 16, 8]]
    assert settings["learning_rates"] == [0.001, 0.01, 0.1]
    assert settings["activations"] == ["sigmoid", "relu", "tanh"]
    assert settings["optimizers"] == ["sgd", "adam"]
    assert settings["rescaled_activations"] == ["sigmoid", "tanh"]
    assert (settings["rescaled_rate"], settings["rescaled_optimizer"]) == (0.1, "sgd")
    assert settings["batch_size"] == 32
    assert settings["updates_per_run"] == settings["epochs"] * 7  # 200 points in mini-batches of 32
    assert settings["data"]["input_scaling"] == "1/(4π)"
    n_seeds = settings["seeds_per_cell"]
    n_cells = 27 * 2 + 3 * 2  # the grid with each optimiser, and the He-scaled sigmoid and tanh cells
    assert len(results["cells"]) == n_cells
    assert results["n_runs"] == len(results["runs"]) == n_cells * n_seeds
    assert results["n_failed"] == len(results["failures"])
    he = [r for r in results["cells"] if r["init"] != "default"]
    assert {(r["activation"], r["learning_rate"], r["optimizer"], r["init"]) for r in he} == {
        ("sigmoid", 0.1, "sgd", "he_uniform"),
        ("tanh", 0.1, "sgd", "he_uniform"),
    }
    # a run's seed depends on its grid position only: SGD, Adam and the He repeat of a cell are paired
    seeds = {}
    for r in results["runs"]:
        seeds.setdefault(
            (tuple(r["hidden_layers"]), r["activation"], r["learning_rate"], r["seed_index"]), set()
        ).add(r["seed"])
    assert len(seeds) == 27 * n_seeds
    assert all(len(s) == 1 for s in seeds.values())
    assert len({s for (s,) in seeds.values()}) == 27 * n_seeds
    for row in results["cells"]:
        assert set(row) >= set(sweep.CSV_COLUMNS)
        assert row["runs"] == n_seeds
        if row["failed"] < row["runs"]:
            for name in ("train_accuracy", "test_accuracy"):
                assert 0.0 <= row[f"{name}_mean"] <= 1.0
            assert row["final_train_loss_mean"] > 0
        assert 0 <= row["reached_100_percent"] <= row["runs"] - row["failed"]
        assert (row["epochs_to_100_percent_mean"] is None) == (row["reached_100_percent"] == 0)
    best = results["best"]
    assert best["test_accuracy_mean"] == max(
        r["test_accuracy_mean"] for r in results["cells"] if not r["failed"]
    )
    assert best["activation"] in best["summary"]
    assert "test accuracy" in best["summary"]
    assert results["top5"][0] == best["summary"]
    for optimizer, top in results["best_by_optimizer"].items():
        mine = [r for r in results["cells"] if r["optimizer"] == optimizer and r["init"] == "default"]
        assert top["test_accuracy_mean"] == max(r["test_accuracy_mean"] for r in mine)
    curves = results["curves"]
    assert len(curves["mean_train_loss"]) == n_cells
    assert curves["epochs"][-1] <= settings["epochs"]
    run0 = [r for r in results["runs"] if r["cell"] == 0]
    assert all(len(c) == len(curves["epochs"]) for c in curves["mean_train_loss"])
    assert len(run0) == n_seeds

    out = tmp_path / "sweep"
    header, rows = read_csv(out / "sweep.csv")
    assert tuple(header) == sweep.CSV_COLUMNS
    assert len(rows) == n_cells
    assert {r["hidden_layers"] for r in rows} == {"8", "16-8", "32-16-8"}
    for row, entry in zip(rows, results["cells"]):
        assert float(row["test_accuracy_mean"]) == entry["test_accuracy_mean"]
        assert (row["optimizer"], row["init"]) == (entry["optimizer"], entry["init"])
        assert int(row["runs"]) == n_seeds
    for stem in ("sweep_heatmap", "sweep_curves"):
        for lang in ("", ".de"):
            assert_png(out / f"{stem}{lang}.png")
            assert (out / f"{stem}{lang}.svg").is_file()
    assert metrics["timings"]["runs"] > 0


@pytest.mark.slow
def test_the_curves_are_the_mean_over_the_seeds_of_the_runs_loss(tmp_path):
    metrics = run_command(tmp_path, "sweep", *SMALL, "--jobs", "1", "--seeds", "2")
    results, settings = metrics["results"], metrics["settings"]
    row = cell(results, [16, 8], "tanh", 0.1)
    c = results["cells"].index(row)
    runs = [sweep.train_run(**task["params"]) for task in _tasks(metrics) if task["key"][0] == c]
    mean = np.mean([r["loss_curve"] for r in runs], axis=0)
    at = np.asarray(results["curves"]["epochs"]) - 1
    assert results["curves"]["mean_train_loss"][c] == pytest.approx(mean[at], rel=1e-12)
    assert row["test_accuracy_mean"] == pytest.approx(np.mean([r["test_accuracy"] for r in runs]))
    assert settings["epochs"] == 30


def _tasks(metrics):
    """The tasks of the sweep that wrote ``metrics`` (rebuilt from its runs)."""
    s = metrics["settings"]
    train, test = (int(s["data"][k].rsplit("seed=", 1)[1].rstrip(")")) for k in ("train", "test"))
    return [
        {"key": (r["cell"], r["seed_index"]),
         "params": {"hidden": r["hidden_layers"], "activation": r["activation"],
                    "learning_rate": r["learning_rate"], "optimizer": r["optimizer"], "init": r["init"],
                    "epochs": s["epochs"], "batch_size": s["batch_size"], "seed": r["seed"],
                    "train_seed": train, "test_seed": test}}
        for r in metrics["results"]["runs"]
    ]  # fmt: skip


def test_he_scaled_weights_are_the_default_draws_scaled_up():
    """The repeat changes the initial scale only: He-uniform = Xavier-uniform × √((n_in + n_out)/n_in)."""
    from mlplab.mlp import MLP

    default = MLP([2, 16, 8, 1], "tanh", seed=7)
    he = MLP([2, 16, 8, 1], "tanh", seed=7, init=sweep.HE_SCALED)
    for w_default, w_he in zip(default.weights, he.weights):
        n_out, n_in = w_default.shape
        np.testing.assert_allclose(w_he, w_default * np.sqrt((n_in + n_out) / n_in), rtol=1e-12)


def test_sgd_adam_and_the_he_repeat_of_a_cell_start_alike_and_differ_in_training(tmp_path):
    metrics = run_command(
        tmp_path, "sweep", "--hidden", "8", "--activations", "tanh", "--learning-rates", "0.1",
        "--epochs", "20", "--seeds", "1", "--jobs", "1",
    )  # fmt: skip
    results = metrics["results"]
    rows = [cell(results, [8], "tanh", 0.1, o, i) for o, i in
            (("sgd", "default"), ("adam", "default"), ("sgd", "he_uniform"))]  # fmt: skip
    assert len({r["test_accuracy_mean"] for r in rows} | {r["final_train_loss_mean"] for r in rows}) > 1
    assert len({r["seed"] for r in results["runs"]}) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--rescaled", "none", "tanh"), "argument --rescaled: none means no repeat: give it alone"),
        (("--optimizers", "sgd", "sgd"), "argument --optimizers: lists a value twice: sgd"),
    ],
)
def test_sweep_options_that_contradict_themselves_are_usage_errors(tmp_path, capsys, args, message):
    with pytest.raises(SystemExit) as exit_info:
        main(["sweep", *args, "--out", str(tmp_path), "--quick", "--no-progress"])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.slow
def test_sweep_same_seed_same_metrics(tmp_path):
    a = run_command(tmp_path / "a", "sweep", *SMALL, "--jobs", "1")
    b = run_command(tmp_path / "b", "sweep", *SMALL, "--jobs", "1")
    c = run_command(tmp_path / "c", "sweep", *SMALL, "--jobs", "1", "--seed", "1")
    assert without_timings(a) == without_timings(b)
    assert a["results"]["runs"] != c["results"]["runs"]


@pytest.mark.slow
def test_sweep_does_not_depend_on_the_number_of_workers(tmp_path):
    serial = run_command(tmp_path / "serial", "sweep", *SMALL, "--jobs", "1")
    parallel = run_command(tmp_path / "parallel", "sweep", *SMALL, "--jobs", "2")
    assert serial["results"] == parallel["results"]
    csv_serial = (tmp_path / "serial" / "sweep" / "sweep.csv").read_bytes()
    assert csv_serial == (tmp_path / "parallel" / "sweep" / "sweep.csv").read_bytes()


@pytest.mark.slow
def test_a_runs_result_does_not_depend_on_the_grid_around_it(tmp_path):
    big = run_command(tmp_path / "big", "sweep", *SMALL, "--jobs", "1")
    alone = run_command(
        tmp_path / "alone",
        "sweep",
        *SGD_ONLY,
        "--hidden",
        "16,8",
        "--activations",
        "tanh",
        "--learning-rates",
        "0.1",
        "--epochs",
        "30",
        "--jobs",
        "1",
    )
    assert alone["results"]["cells"] == [cell(big["results"], [16, 8], "tanh", 0.1)]


def test_sweep_records_a_diverging_run_and_completes_the_others(tmp_path):
    metrics = run_command(
        tmp_path,
        "sweep",
        *SGD_ONLY,
        "--hidden",
        "8",
        "--activations",
        "relu",
        "--learning-rates",
        "0.1",
        "1e6",
        "--epochs",
        "20",
        "--jobs",
        "1",
    )
    results = metrics["results"]
    assert results["n_failed"] == 2
    for failure in results["failures"]:
        assert failure["learning_rate"] == 1e6
        assert failure["error"].startswith("DivergenceError: ")
        assert failure["attempts"] == 1  # divergence is deterministic: no retry
    bad, good = cell(results, [8], "relu", 1e6), cell(results, [8], "relu", 0.1)
    assert (bad["failed"], bad["test_accuracy_mean"]) == (2, None)
    assert good["failed"] == 0
    assert good["test_accuracy_mean"] is not None
    assert results["best"]["learning_rate"] == 0.1
    _, rows = read_csv(tmp_path / "sweep" / "sweep.csv")
    assert [row["failed"] for row in rows] == ["0", "2"]
    assert rows[1]["test_accuracy_mean"] == ""
    assert_png(tmp_path / "sweep" / "sweep_heatmap.png")


@pytest.mark.slow
def test_sweep_retries_a_failed_group_once_and_records_each_of_its_runs(tmp_path, monkeypatch):
    real = sweep.train_group
    calls = []

    def flaky(**params):
        calls.append((params["hidden"], len(params["runs"])))
        if params["hidden"] == [8] and [hidden for hidden, _ in calls].count([8]) == 1:
            raise RuntimeError("worker hiccup")  # the first attempt of the [8] group
        if params["hidden"] == [16, 8]:
            raise RuntimeError("always broken")
        return real(**params)

    monkeypatch.setattr(sweep, "train_group", flaky)
    metrics = run_command(
        tmp_path, "sweep", *SGD_ONLY, "--hidden", "8", "16,8", "--activations", "tanh",
        "--learning-rates", "0.01", "0.1", "--epochs", "10", "--jobs", "1",
    )  # fmt: skip
    runs = metrics["results"]["runs"]
    recovered = [r for r in runs if r["hidden_layers"] == [8]]
    assert [(r["status"], r["attempts"]) for r in recovered] == [("ok", 2)] * 4
    broken = [r for r in runs if r["hidden_layers"] == [16, 8]]
    assert [(r["status"], r["attempts"], r["error"]) for r in broken] == [
        ("failed", 2, "RuntimeError: always broken")
    ] * 4
    assert sorted(calls) == [([8], 4)] * 2 + [([16, 8], 4)] * 2  # 2 groups of 4 runs, each tried twice
    assert metrics["results"]["n_failed"] == 4
    alone = run_command(
        tmp_path / "alone", "sweep", *SGD_ONLY, "--hidden", "8", "--activations", "tanh",
        "--learning-rates", "0.01", "0.1", "--epochs", "10", "--jobs", "1",
    )  # fmt: skip
    assert [{**r, "attempts": 1} for r in recovered] == alone["results"]["runs"]  # the retry's results


def _group_task(*runs: tuple[float, int], init: str = "default") -> dict:
    return {
        "key": 0,
        "params": {
            "hidden": [4], "activation": "relu", "optimizer": "sgd", "epochs": 3, "batch_size": 32,
            "train_seed": 2, "test_seed": 3,
            "runs": [{"key": (i, 0), "learning_rate": rate, "seed": seed, "init": init}
                     for i, (rate, seed) in enumerate(runs)],
        },
    }  # fmt: skip


def test_sweep_worker_is_picklable_and_records_a_divergence_alone():
    task = _group_task((1e6, 1), (0.1, 1), (0.1, 2))
    worker = pickle.loads(pickle.dumps(sweep._run_task))
    record = worker(pickle.loads(pickle.dumps(task)))
    assert (record["status"], record["key"]) == ("ok", 0)
    diverged, *ok = record["runs"]
    assert (diverged["key"], diverged["status"], diverged["retryable"]) == ((0, 0), "failed", False)
    assert diverged["error"].startswith("DivergenceError: ")
    expected = [((1, 0), "ok", 3), ((2, 0), "ok", 3)]
    assert [(r["key"], r["status"], len(r["loss_curve"])) for r in ok] == expected


def test_each_run_of_a_group_is_the_run_alone_bit_for_bit():
    shared = {k: v for k, v in _group_task()["params"].items() if k != "runs"} | {"epochs": 40}
    runs = [(0.1, 5), (1e6, 5), (0.01, 6), (0.1, 7)]
    for init in ("default", sweep.HE_SCALED):
        grouped = sweep.train_group(**shared, runs=_group_task(*runs, init=init)["params"]["runs"])["runs"]
        for (rate, seed), record in zip(runs, grouped):
            params = {**{k: v for k, v in shared.items() if k != "runs"}, "learning_rate": rate, "seed": seed,
                      "init": init}  # fmt: skip
            if rate == 1e6:
                with pytest.raises(DivergenceError) as error:
                    sweep.train_run(**params)
                assert record["error"] == f"DivergenceError: {error.value}"
                continue
            alone = sweep.train_run(**params)
            assert {k: record[k] for k in alone} == alone  # floats compared exactly
            assert record["status"] == "ok"


def test_runs_are_grouped_by_architecture_activation_and_optimizer():
    config = sweep.Config(hidden=((8,), (16, 8)), activations=("sigmoid", "relu"), optimizers=("sgd", "adam"),
                          rescaled=("sigmoid",), seeds=2)  # fmt: skip
    cells = sweep.grid_cells(config)
    tasks = [{"key": (c, s), "params": {"hidden": cell["hidden_layers"], "activation": cell["activation"],
              "optimizer": cell["optimizer"], "learning_rate": cell["learning_rate"], "init": cell["init"],
              "seed": 100 * c + s, "epochs": 5, "batch_size": 32, "train_seed": 1, "test_seed": 2}}
             for c, cell in enumerate(cells) for s in range(2)]  # fmt: skip
    groups = sweep.group_tasks(tasks)
    assert [g["key"] for g in groups] == list(range(8))  # 2 architectures x 2 activations x 2 optimisers
    assert sorted(key for g in groups for key in (r["key"] for r in g["params"]["runs"])) == sorted(
        t["key"] for t in tasks
    )
    for group in groups:
        shared = {k: group["params"][k] for k in sweep.GROUP_PARAMS}
        for run in group["params"]["runs"]:
            (task,) = [t for t in tasks if t["key"] == run["key"]]
            assert task["params"] == {**shared, **{k: run[k] for k in sweep.RUN_PARAMS}}
    sizes = {(tuple(g["params"]["hidden"]), g["params"]["activation"], g["params"]["optimizer"]):
             len(g["params"]["runs"]) for g in groups}  # fmt: skip
    assert sizes[(8,), "sigmoid", "sgd"] == 3 * 2 + 2  # every rate and seed, and the He-scaled repeat
    assert sizes[(8,), "relu", "adam"] == 3 * 2


def test_sweep_dask_backend_needs_a_scheduler(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["sweep", "--backend", "dask", "--out", str(tmp_path), "--quick", "--no-progress"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "usage: mlplab sweep" in err
    assert "argument --scheduler: is needed with --backend dask" in err
    assert not (tmp_path / "sweep").exists()  # stopped before running anything


@pytest.mark.slow
def test_sweep_on_a_local_dask_cluster_matches_the_local_run(tmp_path):
    distributed = pytest.importorskip("distributed")
    local = run_command(tmp_path / "local", "sweep", *SMALL, "--jobs", "1")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        remote = run_command(
            tmp_path / "dask", "sweep", *SMALL, "--backend", "dask", "--scheduler", cluster.scheduler_address
        )
    assert remote["settings"]["execution"]["backend"] == "dask"
    assert remote["results"] == local["results"]
    assert (tmp_path / "dask" / "sweep" / "sweep.csv").read_bytes() == (
        tmp_path / "local" / "sweep" / "sweep.csv"
    ).read_bytes()


@pytest.mark.slow
def test_a_dying_worker_process_fails_only_its_runs(tmp_path, monkeypatch):
    from . import crashing_worker

    monkeypatch.setattr(sweep, "WORKER", crashing_worker.run_or_crash)
    metrics = run_command(
        tmp_path, "sweep", *SGD_ONLY, "--hidden", "8", "--activations", "tanh", "relu",
        "--learning-rates", "0.01", "0.1", "--epochs", "10", "--seeds", "2", "--jobs", "2",
    )  # fmt: skip
    runs = metrics["results"]["runs"]
    dead = [r for r in runs if r["activation"] == crashing_worker.DEADLY_ACTIVATION]
    assert len(dead) == 4  # the group: 2 rates x 2 seeds
    for run in dead:
        assert run["status"] == "failed"
        assert run["attempts"] == 2  # retried once
        assert run["error"].startswith("worker process died")
    alive = [r for r in runs if r["activation"] == "relu"]
    assert [(r["status"], r["attempts"]) for r in alive] == [("ok", 1)] * 4  # not lost with them
    assert metrics["results"]["n_failed"] == 4
    assert len(metrics["results"]["failures"]) == 4
    assert multiprocessing.active_children() == []


# ------------------------------------------------------------------ resuming
def _interrupt_after(n: int, function):
    """``function``, but the call after the ``n``-th raises KeyboardInterrupt (as Ctrl-C would)."""
    calls = []

    def wrapped(*args, **kwargs):
        calls.append(1)
        if len(calls) > n:
            raise KeyboardInterrupt
        return function(*args, **kwargs)

    return wrapped


def _same_sweep(a, b) -> None:
    """Two sweep folders hold the same results: metrics.json (timings aside) and sweep.csv, byte for byte."""
    metrics = [json.loads((root / "sweep" / "metrics.json").read_text()) for root in (a, b)]
    assert without_timings(metrics[0]) == without_timings(metrics[1])
    assert (a / "sweep" / "sweep.csv").read_bytes() == (b / "sweep" / "sweep.csv").read_bytes()


def _sweep(root, *args: str) -> int:
    return main(["sweep", *SMALL, *args, "--out", str(root), "--quick", "--no-progress"])


def _counting_runs(calls: list):
    """``sweep.train_group``, counting the runs it trains in ``calls``."""
    real = sweep.train_group
    return lambda **params: calls.append(len(params["runs"])) or real(**params)


@pytest.mark.slow
def test_an_interrupted_sweep_resumes_to_the_results_of_an_uninterrupted_one(tmp_path, monkeypatch):
    assert _sweep(tmp_path / "whole", "--jobs", "1") == 0
    monkeypatch.setattr(sweep, "train_group", _interrupt_after(2, sweep.train_group))
    assert _sweep(tmp_path / "resumed", "--jobs", "1") == 130  # Ctrl-C during the 3rd of 4 groups of 4 runs
    kept = sorted((tmp_path / "resumed" / sweep.RESUME_FOLDER).iterdir())
    assert len(kept) == 8  # the finished runs, outside the experiment's folder
    assert not (tmp_path / "resumed" / "sweep" / "metrics.json").exists()

    monkeypatch.undo()
    calls = []
    monkeypatch.setattr(sweep, "train_group", _counting_runs(calls))
    assert _sweep(tmp_path / "resumed", "--jobs", "1") == 0
    assert calls == [4, 4]  # only the runs not kept
    _same_sweep(tmp_path / "whole", tmp_path / "resumed")
    assert not (tmp_path / "resumed" / sweep.RESUME_FOLDER).exists()  # removed once the sweep is complete


@pytest.mark.slow
def test_an_interrupted_parallel_sweep_resumes_and_leaves_no_worker(tmp_path, monkeypatch):
    assert _sweep(tmp_path / "whole", "--jobs", "2") == 0
    monkeypatch.setattr(sweep, "_keep_record", _interrupt_after(3, sweep._keep_record))
    assert _sweep(tmp_path / "resumed", "--jobs", "2") == 130  # Ctrl-C while both workers train
    assert multiprocessing.active_children() == []
    assert len(list((tmp_path / "resumed" / sweep.RESUME_FOLDER).iterdir())) == 3
    monkeypatch.undo()
    assert _sweep(tmp_path / "resumed", "--jobs", "2") == 0
    _same_sweep(tmp_path / "whole", tmp_path / "resumed")


@pytest.mark.slow
def test_kept_runs_of_other_settings_are_not_reused(tmp_path, monkeypatch):
    monkeypatch.setattr(sweep, "train_group", _interrupt_after(1, sweep.train_group))
    assert _sweep(tmp_path, "--jobs", "1") == 130
    monkeypatch.undo()
    assert _sweep(tmp_path / "fresh", "--jobs", "1", "--epochs", "20") == 0
    calls = []
    monkeypatch.setattr(sweep, "train_group", _counting_runs(calls))
    assert _sweep(tmp_path, "--jobs", "1", "--epochs", "20") == 0  # other epochs: every run again
    assert sum(calls) == 16
    _same_sweep(tmp_path / "fresh", tmp_path)
    assert len(list((tmp_path / sweep.RESUME_FOLDER).iterdir())) == 4  # another sweep's records stay


@pytest.mark.slow
def test_a_damaged_record_is_run_again_in_a_group_of_the_runs_not_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(sweep, "train_group", _interrupt_after(1, sweep.train_group))
    assert _sweep(tmp_path / "resumed", "--jobs", "1") == 130
    monkeypatch.undo()
    first, second, third, _ = sorted((tmp_path / "resumed" / sweep.RESUME_FOLDER).iterdir())
    first.write_text(first.read_text()[:-20])  # cut short
    data = json.loads(second.read_text())
    data["params"]["seed"] += 1  # not this run's
    second.write_text(json.dumps(data))
    data = json.loads(third.read_text())
    del data["record"]["test_accuracy"]  # incomplete
    third.write_text(json.dumps(data))
    calls = []
    monkeypatch.setattr(sweep, "train_group", _counting_runs(calls))
    assert _sweep(tmp_path / "resumed", "--jobs", "1") == 0
    assert calls == [3, 4, 4, 4]  # the first group's runs whose records are damaged, then the others
    assert _sweep(tmp_path / "whole", "--jobs", "1") == 0
    _same_sweep(tmp_path / "whole", tmp_path / "resumed")
