"""The outputs of ``mlplab grade``, from result dicts written by hand (the input contract of formats)."""

from __future__ import annotations

import copy
import csv
import io
import json
import math

import pytest

from mlplab.grade import formats
from mlplab.grade.base import CRITERIA

CONTRACT = {"submission", "score", "max_score", "checks"}
CHECK_CONTRACT = {"id", "criterion", "score", "max_score", "passed", "feedback"}
LONG = (
    "∂L/∂W(2) is off by a factor 32 = the batch size: you sum over the batch instead of averaging; "
    "∂L/∂b(2) is right, and so are both gradients of layer 1 (relative error 1.2e-12) "
    "- the end of this sentence is far beyond any terminal's width: TAIL-MARKER"
)


def _check(check_id, score, max_score, feedback, details=(), bonus=False):
    return {
        "id": check_id,
        "criterion": check_id.split(".")[0],
        "score": score,
        "max_score": max_score,
        "passed": score == max_score,
        "bonus": bonus,
        "feedback": feedback,
        "details": list(details),
    }


def graded(lang="en"):
    de = lang == "de"
    return {
        "submission": "alice.py",
        "score": 33.5,
        "max_score": 35.0,
        "bonus_score": 5.0,
        "bonus_max": 15.0,
        "status": "graded",
        "checks": [
            _check(
                "api", 3.0, 3.0, "Alle sieben Methoden sind da." if de else "All seven methods are there."
            ),
            _check(
                "backward.gradients",
                4.5,
                9.0,
                "∂L/∂W(2) ist um den Faktor 32 zu groß: Sie summieren über den Batch" if de else LONG,
                details=["W(1): relativer Fehler 1,2e-12", "W(2): Faktor 32"]
                if de
                else ["W(1): relative error 1.2e-12", "W(2): factor 32 = batch size"],
            ),
            _check("training_loop.batches", 6.0, 6.0, "⌈n/k⌉ updates per epoch."),
            _check("vectorization", 2.0, 2.0, "No per-sample loop."),
            _check("momentum.sheet_form", 5.0, 5.0, "Momentum as in eq. 9-10.", bonus=True),
            _check("l2.penalty", 0.0, 5.0, "No L2 keyword found.", bonus=True),
        ]
        + [_check(f"{c}", 3.0, 3.0, f"{c} ok") for c in ("initialization", "forward", "predict_score")]
        + [_check("numeric_example", 4.0, 4.0, "ŷ = 0.5637 as in task 1.2.")],
        "conventions": {
            "weights": "self.weights, list, W (n_out, n_in)",
            "biases": "self.biases, b (n_out,)",
        },
        "notes": ["Gradienten über _backward zurückgegeben." if de else "Gradients returned by _backward."],
        "seconds": 3.2,
    }


def failed():
    """A submission that could not be loaded: every check scores 0 and says why."""
    return {
        "submission": "bob.ipynb",
        "score": 0.0,
        "max_score": 35.0,
        "bonus_score": 0.0,
        "bonus_max": 15.0,
        "status": "failed",
        "checks": [
            _check(c, 0.0, 3.0, "not run: the submission could not be loaded") for c in ("api", "forward")
        ],
        "conventions": {},
        "notes": ["SyntaxError: invalid syntax (cell 3, line 7)"],
        "seconds": 0.4,
    }


def failed_without_checks():
    return {
        "submission": "eve.py",
        "score": 0,
        "max_score": 35,
        "status": "failed",
        "checks": [],
        "notes": ["killed at import after 10 s (an infinite loop?)"],
    }


# ---------------------------------------------------------------- JSON


def test_json_has_the_contract_keys_and_the_documented_extras_only():
    data = json.loads(formats.to_json(graded()))
    assert set(data) == CONTRACT | set(formats.RESULT_EXTRAS)
    assert "seconds" not in data
    for check in data["checks"]:
        assert set(check) == CHECK_CONTRACT | set(formats.CHECK_EXTRAS)


def test_json_round_trips_the_numbers_the_feedback_and_the_order():
    result = graded()
    data = json.loads(formats.to_json(result))
    assert data["submission"] == "alice.py"
    assert (data["score"], data["max_score"], data["bonus_score"], data["bonus_max"]) == (
        33.5,
        35.0,
        5.0,
        15.0,
    )
    assert [c["id"] for c in data["checks"]] == [c["id"] for c in result["checks"]]  # kept, not sorted
    for got, want in zip(data["checks"], result["checks"]):
        assert {k: got[k] for k in CHECK_CONTRACT | {"bonus", "details"}} == {
            k: want[k] for k in CHECK_CONTRACT | {"bonus", "details"}
        }
    assert data["conventions"] == result["conventions"]
    assert data["notes"] == result["notes"]
    # and what it wrote reads back into the same JSON
    assert formats.to_json(data) == formats.to_json(result)


def test_json_for_a_folder_is_a_list_in_the_given_order():
    data = json.loads(formats.to_json([failed(), graded()]))
    assert [d["submission"] for d in data] == ["bob.ipynb", "alice.py"]


def test_json_is_identical_for_two_gradings_whatever_their_timings():
    first, second = graded(), graded()
    second["seconds"] = 99.0
    text = formats.to_json([first, failed()])
    assert text == formats.to_json([second, failed()])
    assert text.endswith("}\n]\n")
    assert "zu groß: Sie summieren über" in formats.to_json(graded("de"))
    assert "\\u00" not in formats.to_json(graded("de"))  # ensure_ascii=False: umlauts as they are
    assert '\n  "submission"' in formats.to_json(graded())  # indent 2


def test_json_points_are_rounded_so_float_noise_does_not_show():
    result = graded()
    result["checks"][0]["score"] = 0.1 + 0.2  # 0.30000000000000004
    result["score"] = -0.0
    data = json.loads(formats.to_json(result))
    assert data["checks"][0]["score"] == 0.3
    assert math.copysign(1.0, data["score"]) == 1.0  # no "-0.0"


@pytest.mark.parametrize(
    ("change", "error", "words"),
    [
        (lambda r: r.pop("max_score"), ValueError, "max_score"),
        (lambda r: r["checks"][1].pop("feedback"), ValueError, "checks[1] lacks feedback"),
        (lambda r: r.update(score=float("nan")), ValueError, "score must be finite"),
        (lambda r: r["checks"][0].update(score="3"), TypeError, "score'] must be a number"),
    ],
)
def test_bad_results_are_rejected_with_the_field_named(change, error, words):
    result = graded()
    change(result)
    with pytest.raises(error, match=words.replace("[", r"\[").replace("]", r"\]")):
        formats.to_json(result)


# ---------------------------------------------------------------- terminal table


def test_german_table_uses_decimal_commas_and_german_headings():
    table = formats.to_table(graded("de"), "de")
    assert "4,5/9" in table
    assert "4.5" not in table
    assert "Gesamt: 28,5/35 + Bonus 5/15" in table
    for word in ("Punkte", "Prüfung", "Rückmeldung", "Gefundene Konventionen", "Hinweise"):
        assert word in table
    english = formats.to_table(graded(), "en")
    assert "4.5/9" in english
    assert "Total: 28.5/35 + bonus 5/15" in english
    assert "Prüfung" not in english


@pytest.mark.parametrize("width", [40, 72, 100, 160])
def test_table_cuts_long_feedback_to_the_width(width):
    table = formats.to_table(graded(), "en", width=width)
    lines = table.splitlines()
    assert all(len(line) <= width for line in lines), max(lines, key=len)
    row = next(line for line in lines if "backward.gradients" in line)
    assert row.startswith(" 4.5/9")
    if width < 200:
        assert "TAIL-MARKER" not in table
        assert row.endswith("…")
    if width >= 72:
        assert next(line for line in lines if " api " in line).endswith("All seven methods are there.")


def test_table_default_width_is_100_and_one_line_per_check():
    result = graded()
    result["checks"][0]["feedback"] = "first line\nsecond line"
    lines = formats.to_table(result).splitlines()
    assert max(map(len, lines)) <= 100
    assert any(line.endswith("first line second line") for line in lines)
    assert sum(any(c["id"] in line for c in result["checks"]) for line in lines) == len(result["checks"])


def test_table_marks_bonus_rows_and_explains_the_mark():
    lines = formats.to_table(graded(), "en").splitlines()
    marked = {c["id"] for c in graded()["checks"] if c["bonus"]}
    for line in lines:
        for check_id in (c["id"] for c in graded()["checks"]):
            if f" {check_id} " in line:
                assert (" + " in line.split(check_id)[0]) == (check_id in marked), line
    assert any(line.startswith("+ bonus check") for line in lines)


def test_table_shows_a_students_control_characters_harmlessly():
    result = failed()
    result["notes"] = ["ValueError: \x1b[2Jcleared your screen"]
    result["checks"][0]["feedback"] = "bell\x07"
    table = formats.to_table(result)
    assert "\x1b" not in table
    assert "\x07" not in table
    assert "\\x1b[2Jcleared" in table


# ---------------------------------------------------------------- Markdown


def test_markdown_has_every_checks_feedback_and_details():
    result = graded()
    text = formats.to_markdown(result, "en")
    assert text.startswith("# Feedback: alice.py\n")
    assert "**Total: 28.5/35 + bonus 5/15**" in text
    for check in result["checks"]:
        assert check["feedback"] in text
        assert f"### `{check['id']}`" in text
        for line in check["details"]:
            assert f"- {line}" in text
    assert "| `backward.gradients` | backward | 4.5/9 | partly |" in text
    assert "| `momentum.sheet_form` (bonus) | momentum | 5/5 | passed |" in text
    assert "- **weights**: self.weights, list, W (n_out, n_in)" in text
    assert "## Notes\n\n- Gradients returned by _backward." in text


def test_german_markdown_has_german_headings_and_decimal_commas():
    text = formats.to_markdown(graded("de"), "de")
    assert text.startswith("# Rückmeldung: alice.py\n")
    for word in ("## Prüfungen", "## Einzelheiten", "## Gefundene Konventionen", "## Hinweise", "teilweise"):
        assert word in text
    assert "4,5/9" in text
    assert "- W(1): relativer Fehler 1,2e-12" in text


def test_markdown_escapes_what_would_break_the_table_or_render_as_html():
    result = graded()
    result["checks"][0]["feedback"] = "a | b <script> *x*"
    text = formats.to_markdown(result)
    row = next(line for line in text.splitlines() if line.startswith("| `api`"))
    assert row.count(" | ") == 3  # the feedback's pipe did not add a column
    assert "<script>" not in text
    assert "a | b \\<script\\> \\*x\\*" in text


# ---------------------------------------------------------------- Gradescope

_VISIBILITY = {"hidden", "after_due_date", "after_published", "visible"}
_FORMATS = {"text", "simple_format", "html", "md", "ansi"}
# Gradescope's "Autograder Specifications", output format: each documented field with its type
_TOP = {
    "score": (int, float),
    "execution_time": (int, float),
    "output": str,
    "output_format": str,
    "test_output_format": str,
    "test_name_format": str,
    "visibility": str,
    "stdout_visibility": str,
    "extra_data": dict,
    "tests": list,
    "leaderboard": list,
}
_TEST = {
    "score": (int, float),
    "max_score": (int, float),
    "status": str,
    "name": str,
    "name_format": str,
    "number": str,
    "output": str,
    "output_format": str,
    "tags": list,
    "visibility": str,
    "extra_data": dict,
}


def validate_gradescope(data):
    """Fail unless ``data`` follows Gradescope's documented results.json format."""
    assert isinstance(data, dict)
    assert set(data) <= set(_TOP), set(data) - set(_TOP)
    assert "score" in data or all("score" in t for t in data["tests"])  # one of the two is required
    for key, kind in _TOP.items():
        if key in data:
            assert isinstance(data[key], kind), key
            assert not isinstance(data[key], bool), key
    for key in ("visibility", "stdout_visibility"):
        assert data.get(key, "visible") in _VISIBILITY
    for key in ("output_format", "test_output_format", "test_name_format"):
        assert data.get(key, "text") in _FORMATS
    for test in data.get("tests", []):
        assert set(test) <= set(_TEST), set(test) - set(_TEST)
        for key, kind in _TEST.items():
            if key in test:
                assert isinstance(test[key], kind), key
                assert not isinstance(test[key], bool), key
        assert test.get("status", "passed") in {"passed", "failed"}
        assert test.get("visibility", "visible") in _VISIBILITY
        assert all(isinstance(tag, str) for tag in test.get("tags", []))
        assert all(math.isfinite(test[k]) for k in ("score", "max_score") if k in test)
    json.dumps(data, allow_nan=False)


@pytest.mark.parametrize("result", [graded(), graded("de"), failed(), failed_without_checks()])
def test_gradescope_output_follows_the_documented_format(result):
    data = formats.to_gradescope(result)
    validate_gradescope(data)
    assert math.isclose(sum(t.get("score", 0.0) for t in data["tests"]), data["score"], abs_tol=1e-9)
    assert data["score"] == float(result["score"])
    assert json.loads(formats.to_gradescope_json(result)) == data
    assert formats.to_gradescope_json(result) == formats.to_gradescope_json(copy.deepcopy(result))


def test_gradescope_tests_carry_points_status_feedback_and_bonus_as_extra_credit():
    data = formats.to_gradescope(graded())
    tests = {t["name"]: t for t in data["tests"]}
    backward = tests["backward.gradients"]
    assert (backward["score"], backward["max_score"], backward["status"]) == (4.5, 9.0, "failed")
    assert backward["output"].startswith(LONG)  # the whole feedback, not cut
    assert "- W(2): factor 32 = batch size" in backward["output"]
    assert backward["number"] == f"{CRITERIA.index('backward') + 1}.1"
    assert tests["api"]["status"] == "passed"
    bonus = tests["momentum.sheet_form (bonus)"]
    assert "extra credit" in bonus["tags"]
    assert (bonus["score"], bonus["max_score"]) == (5.0, 5.0)
    assert "extra credit" not in backward["tags"]
    # the tests without bonus add up to the score without the bonus, the bonus on top of it
    assert sum(t["score"] for t in data["tests"] if "extra credit" not in t["tags"]) == 28.5
    assert data["extra_data"]["max_score"] == 35.0
    assert data["output"].splitlines()[:2] == ["alice.py: graded", "Total: 28.5/35 + bonus 5/15"]
    assert len({t["number"] for t in data["tests"]}) == len(data["tests"])


def test_gradescope_visibility_is_chosen_and_checked():
    data = formats.to_gradescope(graded(), visibility="after_published", stdout_visibility="visible")
    assert data["visibility"] == "after_published"
    assert {t["visibility"] for t in data["tests"]} == {"after_published"}
    assert data["stdout_visibility"] == "visible"
    with pytest.raises(ValueError, match="visibility must be one of"):
        formats.to_gradescope(graded(), visibility="public")


# ---------------------------------------------------------------- CSV


def test_csv_parses_back_into_the_same_numbers():
    results = [graded(), failed(), failed_without_checks()]
    rows = list(csv.DictReader(io.StringIO(formats.summary_csv_text(results), newline="")))
    assert [row["submission"] for row in rows] == ["alice.py", "bob.ipynb", "eve.py"]
    assert list(rows[0]) == [*formats.CSV_COLUMNS, *CRITERIA]
    for row, result in zip(rows, results):
        assert row["status"] == result["status"]
        assert float(row["score"]) == result["score"]
        assert float(row["max_score"]) == result["max_score"]
        assert float(row["bonus_score"]) == result.get("bonus_score", 0.0)
        for criterion in CRITERIA:
            earned = [c["score"] for c in result["checks"] if c["criterion"] == criterion]
            assert row[criterion] == ("" if not earned else row[criterion])
            if earned:
                assert float(row[criterion]) == sum(earned)
    assert float(rows[0]["backward"]) == 4.5
    assert float(rows[0]["l2"]) == 0.0
    assert rows[2]["api"] == ""  # no check ran: empty, not a zero that looks earned


def test_csv_to_a_path_and_to_a_file_and_twice_the_same(tmp_path):
    results = [graded(), failed()]
    text = formats.summary_csv_text(results)
    path = tmp_path / "summary.csv"
    formats.summary_csv(results, path)
    assert path.read_bytes().decode("utf-8") == text
    stream = io.StringIO(newline="")
    formats.summary_csv(results, stream)
    assert stream.getvalue() == text
    again = [graded(), failed()]
    again[0]["seconds"] = 1e3
    assert formats.summary_csv_text(again) == text


def test_csv_keeps_a_comma_in_a_name_in_its_cell():
    result = failed()
    result["submission"] = 'Müller, "Anna".py'
    rows = list(csv.reader(io.StringIO(formats.summary_csv_text([result]), newline="")))
    assert rows[1][0] == 'Müller, "Anna".py'
    assert len(rows[1]) == len(rows[0])


# ---------------------------------------------------------------- a failed submission, in every format


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("make", [failed, failed_without_checks])
def test_a_failed_submission_renders_in_every_format(make, lang):
    result = make()
    why = result["notes"][0]
    table = formats.to_table(result, lang)
    markdown = formats.to_markdown(result, lang)
    gradescope = formats.to_gradescope(result, lang)
    status = formats.heading("status_failed", lang)
    assert status in table
    assert why in table
    assert f"> **{status}**" in markdown
    assert why.replace("*", "\\*") in markdown
    assert why in gradescope["output"]
    assert gradescope["score"] == 0
    assert json.loads(formats.to_json(result))["status"] == "failed"
    rows = list(csv.DictReader(io.StringIO(formats.summary_csv_text([result]))))
    assert rows[0]["status"] == "failed"
    assert float(rows[0]["score"]) == 0.0
    # Gradescope: first an informational test without points that says why
    first = gradescope["tests"][0]
    assert (first["status"], first["output"]) == ("failed", why)
    assert "score" not in first
    assert status in first["name"]
    if result["checks"]:
        assert "0/3" in table
        assert all(t["status"] == "failed" for t in gradescope["tests"])
        assert len(gradescope["tests"]) == 1 + len(result["checks"])
    else:
        assert formats.heading("no_checks", lang) in table
        assert formats.heading("no_checks", lang) in markdown
        assert len(gradescope["tests"]) == 1
    summary = formats.to_summary_table([result], lang)
    assert f"{result['submission']}: {status}" in summary


def test_summary_table_has_one_line_per_submission_in_order():
    lines = formats.to_summary_table([graded("de"), failed(), failed_without_checks()], "de", 60).splitlines()
    assert lines[0].split() == ["Punkte", "Bonus", "Abgabe"]
    assert lines[1].split() == ["28,5/35", "+5/15", "alice.py"]
    assert lines[2].startswith("   0/35  +0/15  bob.ipynb: konnte nicht")
    assert lines[3].startswith("   0/35         eve.py")
    assert all(len(line) <= 60 for line in lines)


def test_an_unknown_language_is_refused():
    for produce in (formats.to_table, formats.to_markdown, formats.to_gradescope, formats.to_summary_table):
        with pytest.raises(ValueError, match="lang must be one of"):
            produce(graded(), "fr")


def test_every_heading_is_in_english_and_german():
    for word, texts in formats.HEADINGS.items():
        assert set(texts) == {"en", "de"}, word
        assert all(texts.values()), word
