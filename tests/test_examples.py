"""The examples run and show what they claim."""

import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_sheet_example(capsys):
    module = runpy.run_path(str(ROOT / "examples" / "sheet.py"), run_name="sheet_example")
    results = module["main"](epochs=1500)
    out = capsys.readouterr().out
    assert "dL_dW1" in out
    assert results["loss"] == pytest.approx(0.506349, abs=1e-6)
    assert results["gradcheck"] < 1e-8
    assert results["xor"] == 1.0
    assert results["spirals_adam"][0] == 1.0
    assert results["spirals_adam"][1] >= 0.95
    assert results["max_sigmoid_derivative"] == 0.25
