"""The code base lints clean (ruff, including NumPy-specific rules)."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_check_passes():
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.fail("ruff is not installed: install the dev extra, pip install -e '.[dev]'")
    result = subprocess.run([ruff, "check", "src", "tests", "benchmarks"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
