"""A damaged ``metrics.json`` is named by its path, with a way to mend it; never a traceback."""

from __future__ import annotations

import json

import pytest

from mlplab.cli import main
from mlplab.report import ResultsError, build_report, load_metrics

DAMAGED = {
    "truncated": ('{"experiment": "xor", "resul', "not valid JSON"),
    "empty": ("", "not valid JSON"),
    "not-utf8": (b"\xff\xfe{}", "not valid JSON"),
    "a list": ("[]", "not the metrics of experiment 'xor'"),
    "another experiment": (
        '{"experiment": "lr", "settings": {}, "results": {}}',
        "not the metrics of experiment",
    ),
    "no results": ('{"experiment": "xor", "settings": {}}', "its 'results' is missing or not an object"),
}


def write(tmp_path, content) -> str:
    path = tmp_path / "xor" / "metrics.json"
    path.parent.mkdir(parents=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    return str(path)


@pytest.mark.parametrize(("content", "says"), DAMAGED.values(), ids=DAMAGED.keys())
def test_load_metrics_names_the_damaged_file(tmp_path, content, says):
    path = write(tmp_path, content)
    with pytest.raises(ResultsError, match=rf"{path}: {says}.*run `mlplab xor` again"):
        load_metrics(tmp_path)


def test_wrong_shaped_results_are_named_by_path_when_the_report_reads_them(tmp_path):
    path = write(tmp_path, json.dumps({"experiment": "xor", "settings": {}, "results": {}}))
    with pytest.raises(
        ResultsError, match=rf"{path}: its results lack what the report reads \(key 'main_run'\)"
    ):
        build_report(tmp_path, pdf=False, notebook=False)


def test_mlplab_report_exits_1_with_the_path_and_writes_nothing(tmp_path, capsys):
    path = write(tmp_path, '{"experiment": "xor", "resul')
    assert main(["report", "--out", str(tmp_path), "--quick", "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert f"mlplab report: {path}: not valid JSON" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xor"]
