"""Shared helpers for the lab's command tests: run a command, read its outputs."""

import dataclasses
import json
from pathlib import Path

import pytest

pytest.importorskip("matplotlib", reason="the lab needs the 'lab' extra")

from mlplab import lab
from mlplab.cli import build_parser, main
from mlplab.lab._options import config_from_args

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

#: the sweep's options for a small grid, SGD only: 2 architectures x 2 activations x 2 rates
SMALL_SWEEP_GRID = (
    "--optimizers", "sgd", "--rescaled", "none",
    "--hidden", "8", "16,8",
    "--activations", "relu", "tanh",
    "--learning-rates", "0.01", "0.1",
)  # fmt: skip


def run_command(tmp_path: Path, *args: str) -> dict:
    """``mlplab <args> --out tmp_path --quick`` and its metrics.json (checked: settings hold the Config)."""
    name = args[0]
    argv = [*args, "--out", str(tmp_path), "--quick", "--no-progress"]
    assert main(argv) == 0
    with open(tmp_path / name / "metrics.json") as handle:
        metrics = json.load(handle)
    assert_settings_hold(metrics["settings"], config_of(argv))
    return metrics


def config_of(argv: list[str]):
    """The ``Config`` that ``mlplab <argv>`` runs."""
    args = build_parser().parse_args(argv)
    return config_from_args(lab.load(args.command).Config, args, args.quick)


def assert_settings_hold(settings: dict, config) -> None:
    """Every field of ``config`` is in ``settings`` with its value (as JSON has it)."""
    for name, value in json.loads(json.dumps(dataclasses.asdict(config))).items():
        assert name in settings, name
        assert settings[name] == value, (name, settings[name], value)


def assert_png(path: Path) -> None:
    data = path.read_bytes()
    assert data[:8] == PNG_MAGIC, path
    assert len(data) > 5000, f"{path} looks empty ({len(data)} bytes)"


def assert_common_keys(metrics: dict, name: str) -> None:
    assert metrics["experiment"] == name
    assert metrics["quick"] is True
    assert set(metrics) >= {"settings", "results", "seed", "versions", "timings"}
    assert "numpy" in metrics["versions"]


def without_timings(metrics: dict) -> dict:
    return {k: v for k, v in metrics.items() if k != "timings"}
