"""Shared helpers for the lab's command tests: run a command, read its outputs."""

import json
from pathlib import Path

import pytest

pytest.importorskip("matplotlib", reason="the lab needs the 'lab' extra")

from mlplab.cli import main

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def run_command(tmp_path: Path, *args: str) -> dict:
    """``mlplab <args> --out tmp_path --quick`` and its metrics.json."""
    name = args[0]
    assert main([*args, "--out", str(tmp_path), "--quick", "--no-progress"]) == 0
    with open(tmp_path / name / "metrics.json") as handle:
        return json.load(handle)


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
