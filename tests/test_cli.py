"""The command line: every help works, every bad value of every option is a usage error (exit 2).

The options are enumerated from the experiments' ``Config`` classes, so an
option added to an experiment is tested here without a line of its own.
"""

import dataclasses
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mlplab import __version__, lab
from mlplab.cli import main
from mlplab.lab._options import config_from_args, flag, options_of, positive_int
from mlplab.nn.checks import MAX_COUNT
from mlplab.nn.training import DivergenceError

pytest.importorskip("matplotlib", reason="the experiments need the 'lab' extra")

EXPERIMENTS = lab.available()
COMMANDS = ["trace", *EXPERIMENTS, "all", "report", "grade"]
WITH_COMMON_OPTIONS = [*EXPERIMENTS, "all", "report"]
#: texts tried as bad values; each option must reject at least one of them
CANDIDATES = ("x", "-1", "0", "nan", "inf", "1e999", "")


def _options():
    for name in EXPERIMENTS:
        for field, spec in options_of(lab.load(name).Config):
            yield pytest.param(name, field, spec, id=f"{name} {flag(field.name)}")


def _rejected(spec) -> list[str]:
    """The candidates that the option's own validator (or its choices) refuses."""
    bad = []
    for text in CANDIDATES:
        try:
            value = spec.parse(text)
        except Exception:
            bad.append(text)
            continue
        if spec.choices is not None and value not in spec.choices:
            bad.append(text)
    return bad


def _usage_error(capsys, argv: list[str]) -> str:
    """Run ``mlplab <argv>``, expect a usage error; its stderr."""
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    err = capsys.readouterr().err
    assert exit_info.value.code == 2, err
    assert "usage: mlplab" in err
    assert "Traceback" not in err
    return err


# ---------------------------------------------------------------------- help
def test_console_script_help():
    script = shutil.which("mlplab") or str(Path(sys.executable).parent / "mlplab")
    result = subprocess.run([script, "--help"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: mlplab")
    assert "Traceback" not in result.stderr
    for name in COMMANDS:
        assert name in result.stdout


def test_help(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: mlplab")
    assert "100 %" in out  # spirals' HELP, printed as written


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_every_command(capsys, command):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: mlplab {command}")
    if command in EXPERIMENTS:
        for field, _ in options_of(lab.load(command).Config):
            assert flag(field.name) in out


def test_help_shows_the_default_and_the_quick_value(capsys):
    with pytest.raises(SystemExit):
        main(["vanishing", "--help"])
    out = " ".join(capsys.readouterr().out.split())  # undo the line wrapping
    assert "training epochs (default: 1000; --quick: 60)" in out
    assert "mini-batch size (default: 32)" in out


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"mlplab {__version__}"


# ---------------------------------------------------------------- bad values
@pytest.mark.parametrize(("name", "field", "spec"), list(_options()))
def test_every_bad_value_of_every_option_is_a_usage_error(capsys, tmp_path, name, field, spec):
    bad = _rejected(spec)
    assert bad, f"{name} {flag(field.name)} accepts every one of {CANDIDATES}: it validates nothing"
    for text in bad:
        err = _usage_error(capsys, [name, flag(field.name), text, "--out", str(tmp_path)])
        assert f"argument {flag(field.name)}:" in err, err
    assert not any(tmp_path.iterdir()), "an experiment ran"


COUNT_OPTIONS = [o for o in _options() if o.values[2].parse is positive_int]


@pytest.mark.parametrize(("name", "field", "spec"), COUNT_OPTIONS)
def test_every_count_option_refuses_a_count_beyond_the_cap(capsys, tmp_path, name, field, spec):
    for text in (str(MAX_COUNT + 1), "1" + "0" * 400, "9" * 5000):
        err = _usage_error(capsys, [name, flag(field.name), text, "--out", str(tmp_path)])
        assert f"argument {flag(field.name)}: must be an integer from 1 to {MAX_COUNT}" in err, err
    assert not any(tmp_path.iterdir()), "an experiment ran"


@pytest.mark.parametrize("command", WITH_COMMON_OPTIONS)
@pytest.mark.parametrize("value", ["-1", "x", "1.5"])
def test_a_bad_seed_is_a_usage_error(capsys, tmp_path, command, value):
    err = _usage_error(capsys, [command, "--seed", value, "--out", str(tmp_path)])
    assert "argument --seed:" in err


@pytest.mark.parametrize(
    ("argv", "option", "message"),
    [
        (["--hidden", "8", "16,8", "8"], "--hidden", "lists a value twice: 8"),
        (["--learning-rates", "0.1", "0.01", "0.10"], "--learning-rates", "lists a value twice: 0.1"),
        (["--activations", "relu", "relu"], "--activations", "lists a value twice: relu"),
        (["--backend", "dask"], "--scheduler", "is needed with --backend dask"),
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler", "applies only with --backend dask"),
    ],
)
def test_sweep_checks_its_options_together(capsys, tmp_path, argv, option, message):
    err = _usage_error(capsys, ["sweep", *argv, "--quick", "--out", str(tmp_path)])
    assert f"argument {option}: {message}" in err
    assert not any(tmp_path.iterdir())


def _cpus() -> int:
    from mlplab.lab._parallel import usable_cpus

    return usable_cpus()


@pytest.mark.parametrize(
    ("argv", "option", "message"),
    [
        *[
            (["--jobs", text], "--jobs", f"must be an integer from 1 to {_cpus()} (the CPUs here)")
            for text in ("0", "48", "100000", "-100", str(_cpus() + 1), str(-_cpus() - 1), "x", "1.5")
        ],
        *[
            (["--backend", "dask", "--scheduler", text], "--scheduler", "must be an address like tcp://HOST:PORT")
            for text in ("localhost:8786", "tcp://localhost", "tcp://:8786", "tcp://h:0", "tcp://h:65536",
                         "http://h:80", "tcp://a b:1")
        ],
        *[(["--run-timeout", text], "--run-timeout", "must be a number > 0")
          for text in ("0", "-5", "inf", "x")],
    ],
)  # fmt: skip
def test_sweep_option_errors_name_the_option(capsys, tmp_path, argv, option, message):
    err = _usage_error(capsys, ["sweep", *argv, "--quick", "--out", str(tmp_path)])
    assert f"argument {option}: {message}" in err
    assert not any(tmp_path.iterdir())


def test_sweep_jobs_accepts_every_cpu_count_either_way():
    from mlplab.lab._options import worker_count

    n = _cpus()
    assert [worker_count(str(k)) for k in range(1, n + 1)] == list(range(1, n + 1))
    assert [worker_count(str(-k)) for k in range(1, n + 1)] == [-k for k in range(1, n + 1)]


@pytest.mark.timeout(60)
def test_sweep_without_a_scheduler_there_exits_1_within_the_connect_timeout(capsys, tmp_path, monkeypatch):
    import socket
    import time

    pytest.importorskip("distributed")
    from mlplab.lab import _parallel

    monkeypatch.setattr(_parallel, "CONNECT_TIMEOUT", 1.0)
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{probe.getsockname()[1]}"
    start = time.monotonic()
    argv = [
        "sweep",
        "--backend",
        "dask",
        "--scheduler",
        address,
        "--quick",
        "--out",
        str(tmp_path),
        "--no-progress",
    ]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert f"no Dask scheduler answered at {address} within 1 s" in err
    assert "Traceback" not in err
    assert time.monotonic() - start < 30
    assert not (tmp_path / "sweep").exists()


def test_the_issues_example(capsys, tmp_path):
    err = _usage_error(capsys, ["vanishing", "--quick", "--learning-rate", "-1", "--out", str(tmp_path)])
    assert "argument --learning-rate: must be a number > 0, got '-1'" in err


# ----------------------------------------------------------------- --quick
@pytest.mark.slow
def test_quick_fills_only_what_was_not_given(tmp_path):
    argv = ["vanishing", "--quick", "--epochs", "7", "--hidden-layers", "2"]
    assert main([*argv, "--out", str(tmp_path), "--no-progress"]) == 0
    metrics = json.loads((tmp_path / "vanishing" / "metrics.json").read_text())
    settings, results = metrics["settings"], metrics["results"]
    assert settings["epochs"] == 7  # given: --quick's 60 does not override it
    assert settings["hidden_layers"] == 2
    for entry in results["training"].values():
        assert len(entry["loss_curve_median"]) == 7
        assert entry["checkpoints"][-1] == 7
    assert settings["seeds"] == 2  # not given: --quick's value
    assert settings["max_depth"] == 6
    assert settings["depth_sweep_hidden_layers"] == [1, 2, 3, 4, 5, 6]
    assert settings["width"] == 16  # no quick value: the default


def _fields_with_quick():
    for name in EXPERIMENTS:
        config_class = lab.load(name).Config
        for field, spec in options_of(config_class):
            if spec.has_quick:
                yield pytest.param(config_class, field, spec, id=f"{name} {flag(field.name)}")


@pytest.mark.parametrize(("config_class", "field", "spec"), list(_fields_with_quick()))
def test_a_given_value_wins_over_quick(config_class, field, spec):
    from argparse import Namespace

    assert spec.quick != field.default
    assert getattr(config_from_args(config_class, quick=True), field.name) == spec.quick
    assert getattr(config_from_args(config_class, quick=False), field.name) == field.default
    given = Namespace(**{field.name: list(field.default) if spec.nargs else field.default})
    assert getattr(config_from_args(config_class, given, quick=True), field.name) == field.default


# --------------------------------------------------------- all, exit codes
def test_all_runs_every_experiment_with_its_config_defaults(tmp_path, monkeypatch, capsys):
    import mlplab.cli

    ran = {}
    for name in EXPERIMENTS:
        module = lab.load(name)

        def fake_run(ctx, config, name=name):
            ran[name] = (config, ctx.seed, ctx.quick)
            return {}

        monkeypatch.setattr(module, "run", fake_run)
    monkeypatch.setattr(mlplab.cli, "_write_report", lambda args, command: None)
    argv = ["all", "--quick", "--seed", "4", "--jobs", "1", "--out", str(tmp_path), "--no-progress"]
    assert main(argv) == 0  # in this process, where the stand-ins are
    assert list(ran) == EXPERIMENTS
    for name, (config, seed, quick) in ran.items():
        expected = config_from_args(lab.load(name).Config, quick=True)
        assert dataclasses.asdict(config) == dataclasses.asdict(expected)
        assert (seed, quick) == (4, True)


def test_divergence_exits_1_with_a_message(tmp_path, monkeypatch, capsys):
    def diverge(ctx, config):
        raise DivergenceError(epoch=3, batch=0, learning_rate=1e3, value=float("inf"))

    monkeypatch.setattr(lab.load("xor"), "run", diverge)
    assert main(["xor", "--out", str(tmp_path), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "mlplab xor: training diverged at epoch 3" in err
    assert "Traceback" not in err


def test_ctrl_c_exits_130(tmp_path, monkeypatch, capsys):
    def interrupted(ctx, config):
        raise KeyboardInterrupt

    monkeypatch.setattr(lab.load("lr"), "run", interrupted)
    assert main(["lr", "--out", str(tmp_path), "--no-progress"]) == 130
    assert "mlplab lr: interrupted." in capsys.readouterr().err
