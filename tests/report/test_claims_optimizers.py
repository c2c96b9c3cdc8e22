"""The claims of the optimiser section, both ways: on real --quick results, and on results altered so
that the opposite holds, where the chosen sentence (and its numbers) must change."""

import copy
import itertools
import json
import math

import pytest

pytest.importorskip("matplotlib", reason="the experiments need the 'lab' extra")

from mlplab.report import prose
from mlplab.report.sections import optimizers as section
from mlplab.report.text import fill, fmt_sig

LANGS = ("en", "de")


@pytest.fixture(scope="module")
def real(quick_results) -> dict:
    """The metrics.json of ``mlplab optimizers --quick`` (the session's quick run of every experiment)."""
    return json.loads((quick_results / "optimizers" / "metrics.json").read_text())


def altered(metrics: dict) -> dict:
    return copy.deepcopy(metrics)


def set_epochs(metrics: dict, key: str, epochs: int | None) -> None:
    metrics["results"]["optimizers"][key]["epochs_to_loss"][section._TARGET] = epochs


def epochs(metrics: dict, key: str):
    return metrics["results"]["optimizers"][key]["epochs_to_loss"][section._TARGET]


def text(metrics: dict, claim, lang: str = "en") -> str:
    """The sentence the claim chooses, filled with the section's facts."""
    return fill(prose(lang)[claim(metrics)], section.facts(metrics, lang), "markdown")


def clocks(metrics: dict) -> dict:
    return metrics["timings"]["per_optimizer"]["optimizers"]


def set_clock(metrics: dict, name: str, low: float, median: float, high: float) -> None:
    clocks(metrics)[name]["wall_ms_per_epoch"] = {
        "median": median,
        "min": low,
        "max": high,
        "runs": [low, median, high],
    }


def test_every_claim_of_the_section_is_one_of_its_blocks():
    claims = [b.choose for b in section.SECTION.blocks if type(b).__name__ == "Claim"]
    names = [
        "first",
        "momentum_gain",
        "momentum_small_rate",
        "cost",
        "time_to_target",
        "l2_shrinks",
        "l2_collapse",
    ]
    tested = {getattr(section, f"claim_{name}") for name in [*names, "l2_penalty"]}
    assert set(claims) == tested


# ------------------------------------------------------------------ first to the target
def test_first_to_the_target_names_the_run_with_fewest_epochs(real):
    reached = sorted((e, k) for k in real["results"]["optimizers"] if (e := epochs(real, k)) is not None)
    if len(reached) >= 2 and reached[0][0] < reached[1][0]:
        assert section.claim_first(real) == "opt_first"
        facts = section.facts(real, "en")
        assert facts["opt_first_epochs"] == str(reached[0][0])
        assert facts["opt_first_lead"] == str(reached[1][0] - reached[0][0])

    # SGD at α = 0.1 made the fastest: the sentence names it
    fast = altered(real)
    set_epochs(fast, "sgd", 1)
    assert section.claim_first(fast) == "opt_first"
    assert text(fast, section.claim_first).startswith("SGD (α = 0.1) gets below")
    assert text(fast, section.claim_first, "de").startswith("SGD (α = 0,1) kommt als erster Lauf")

    tie = altered(fast)
    set_epochs(tie, "adam", 1)
    assert section.claim_first(tie) == "opt_first_tie"

    alone = altered(real)
    for key in alone["results"]["optimizers"]:
        set_epochs(alone, key, None)
    assert section.claim_first(alone) == "opt_first_none"
    set_epochs(alone, "rmsprop", 40)
    assert section.claim_first(alone) == "opt_first_alone"
    assert "RMSprop (α = 0.003)" in text(alone, section.claim_first)


# ------------------------------------------------------------------ momentum against its fair baseline
def test_momentums_gain_is_measured_against_sgd_at_the_same_rate(real):
    momentum, baseline = section.opt_lab.FAIR_PAIRS[1]
    m, s = epochs(real, momentum), epochs(real, baseline)
    assert (
        real["results"]["optimizers"][momentum]["learning_rate"]
        == real["results"]["optimizers"][baseline]["learning_rate"]
    )
    if m is not None and s is not None and m < 0.95 * s:
        assert section.claim_momentum_gain(real) == "opt_momentum_gain"
        sentence = text(real, section.claim_momentum_gain)
        assert f"SGD needs {s} epochs" in sentence
        assert f"momentum {m}, {s - m} fewer" in sentence

    gain = altered(real)
    set_epochs(gain, baseline, 124)
    set_epochs(gain, momentum, 78)
    assert section.claim_momentum_gain(gain) == "opt_momentum_gain"
    assert "46 fewer (a factor of 1.59)" in text(gain, section.claim_momentum_gain)
    assert "46 weniger (Faktor 1,59)" in text(gain, section.claim_momentum_gain, "de")

    slower = altered(gain)
    set_epochs(slower, momentum, 200)
    assert section.claim_momentum_gain(slower) == "opt_momentum_gain_slower"
    same = altered(gain)
    set_epochs(same, momentum, 122)  # within 5 % of 124
    assert section.claim_momentum_gain(same) == "opt_momentum_gain_same"
    unreached = altered(gain)
    set_epochs(unreached, baseline, None)
    assert section.claim_momentum_gain(unreached) == "opt_momentum_gain_unreached"


def test_momentum_at_the_small_rate_against_sgd_at_the_same_rate(real):
    momentum, baseline = section.opt_lab.FAIR_PAIRS[0]
    runs = real["results"]["optimizers"]
    m, s = epochs(real, momentum), epochs(real, baseline)
    if m is None and s is None:
        same = (
            abs(runs[momentum]["final_loss"] - runs[baseline]["final_loss"])
            <= 0.05 * runs[baseline]["final_loss"]
        )
        expected = "opt_small_rate_both_unreached_same" if same else "opt_small_rate_both_unreached_differ"
        assert section.claim_momentum_small_rate(real) == expected

    both = altered(real)
    set_epochs(both, momentum, 536)
    set_epochs(both, baseline, 543)
    assert section.claim_momentum_small_rate(both) == "opt_small_rate_same"
    assert "(7 apart)" in text(both, section.claim_momentum_small_rate)
    set_epochs(both, momentum, 300)
    assert section.claim_momentum_small_rate(both) == "opt_small_rate_faster"
    assert "243 epochs sooner" in text(both, section.claim_momentum_small_rate)
    set_epochs(both, momentum, 800)
    assert section.claim_momentum_small_rate(both) == "opt_small_rate_slower"
    set_epochs(both, momentum, None)
    assert section.claim_momentum_small_rate(both) == "opt_small_rate_one_unreached"

    neither = altered(real)
    set_epochs(neither, momentum, None)
    set_epochs(neither, baseline, None)
    neither["results"]["optimizers"][baseline]["final_loss"] = 0.5
    neither["results"]["optimizers"][momentum]["final_loss"] = 0.51
    assert section.claim_momentum_small_rate(neither) == "opt_small_rate_both_unreached_same"
    neither["results"]["optimizers"][momentum]["final_loss"] = 0.3
    assert section.claim_momentum_small_rate(neither) == "opt_small_rate_both_unreached_differ"


# ------------------------------------------------------------------ timings
def test_an_update_rule_is_called_dearer_only_when_the_ranges_do_not_overlap(real):
    ms = {name: entry["wall_ms_per_epoch"] for name, entry in clocks(real).items()}
    cheap = min(ms, key=lambda n: ms[n]["median"])
    dear = max(ms, key=lambda n: ms[n]["median"])
    expected = "opt_cost_distinct" if ms[cheap]["max"] < ms[dear]["min"] else "opt_cost_noise"
    assert section.claim_cost(real) == expected

    apart = altered(real)
    for name in ms:
        set_clock(apart, name, 1.0, 1.1, 1.2)
    set_clock(apart, "adam", 2.0, 2.2, 2.4)
    assert section.claim_cost(apart) == "opt_cost_distinct"
    assert text(apart, section.claim_cost).startswith("Per epoch Adam costs more than")
    assert "2.20 (2.00–2.40) against 1.10 (1.00–1.20) ms" in text(apart, section.claim_cost)

    overlapping = altered(apart)
    set_clock(overlapping, "adam", 1.1, 2.2, 3.3)
    assert section.claim_cost(overlapping) == "opt_cost_noise"
    assert "within the noise" in text(overlapping, section.claim_cost)

    missing = altered(real)
    del missing["timings"]
    assert section.claim_cost(missing) == "opt_cost_missing"
    assert section.claim_time_to_target(missing) == "opt_time_target_missing"
    assert section.comparison_rows(missing, "en")[0][-1] == "–"


def test_the_soonest_run_in_wall_time_is_named_only_beyond_the_noise(real):
    data = altered(real)
    for key in data["results"]["optimizers"]:
        set_epochs(data, key, None)
    set_epochs(data, "adam", 50)
    set_epochs(data, "momentum", 100)
    set_clock(data, "adam", 2.0, 2.1, 2.2)
    set_clock(data, "momentum", 1.5, 1.6, 1.7)
    # Adam: 50 × 2.0–2.2 ms = 0.100–0.110 s; momentum: 100 × 1.5–1.7 ms = 0.150–0.170 s
    assert section.claim_time_to_target(data) == "opt_time_target_first"
    sentence = text(data, section.claim_time_to_target)
    assert "Adam (α = 0.01) gets below 0.1 soonest in wall time: 0.105 s (0.100–0.110 s)" in sentence
    assert "0.160 s (0.150–0.170 s) for the next, momentum (α = 1)" in sentence

    set_clock(data, "momentum", 0.9, 1.0, 1.7)  # now momentum's median is sooner, with overlapping ranges
    assert section.claim_time_to_target(data) == "opt_time_target_noise"
    sentence = text(data, section.claim_time_to_target)
    assert sentence.startswith(
        "Estimated as epochs to the target × time per epoch, momentum (α = 1) needs 0.100 s"
    )


# ------------------------------------------------------------------ L2
def test_weights_shrink_with_every_larger_lambda_or_the_sentence_says_not(real):
    norms = [row["weight_norm"] for row in real["results"]["l2"]]
    shrinks = all(a > b for a, b in itertools.pairwise(norms))
    assert section.claim_l2_shrinks(real) == ("opt_l2_shrinks" if shrinks else "opt_l2_not_monotone")
    flipped = altered(real)
    flipped["results"]["weight_norm_decreases_with_l2"] = not shrinks
    assert section.claim_l2_shrinks(flipped) != section.claim_l2_shrinks(real)


def _collapse_index(metrics: dict):
    constant = metrics["results"]["constant_loss"]
    hits = [i for i, row in enumerate(metrics["results"]["l2"]) if row["data_loss"] >= 0.9 * constant]
    return hits[0] if hits else None


def test_the_collapse_is_located_from_the_table_and_explained_by_the_objective(real):
    rows, constant = real["results"]["l2"], real["results"]["constant_loss"]
    assert constant == pytest.approx(math.log(2))
    index = _collapse_index(real)
    if index is not None and index > 0:
        kept, before = rows[index]["kept_fit_objective"], rows[index - 1]["kept_fit_objective"]
        if kept > constant and before is not None and before < constant:
            assert section.claim_l2_collapse(real) == "opt_l2_collapse_explained"
            sentence = text(real, section.claim_l2_collapse)
            fit, at = rows[index - 1], rows[index]
            assert f"between λ = {fit['l2']:g} and λ = {at['l2']:g}" in sentence
            arithmetic = (
                f"{fmt_sig(fit['data_loss'], 'en')} + {at['l2']:g} × {fmt_sig(fit['weight_norm'], 'en')} = "
                f"{fmt_sig(kept, 'en')}"
            )
            assert arithmetic in sentence

    # a grid on which nothing collapses
    calm = altered(real)
    for row in calm["results"]["l2"]:
        row["data_loss"] = 0.05
    assert section.claim_l2_collapse(calm) == "opt_l2_no_collapse"
    assert section.claim_l2_penalty(calm) in ("opt_l2_penalty_outweighs", "opt_l2_penalty_below")

    # a collapse at the third λ that keeping the second λ's weights would not explain
    odd = altered(calm)
    odd_rows = odd["results"]["l2"]
    odd_rows[2]["data_loss"] = constant
    odd_rows[2]["kept_fit_objective"] = constant / 2
    odd_rows[1]["kept_fit_objective"] = constant / 4
    assert section.claim_l2_collapse(odd) == "opt_l2_collapse_unexplained"
    odd_rows[2]["kept_fit_objective"] = 2 * constant  # now the kept weights cost more than the constant
    assert section.claim_l2_collapse(odd) == "opt_l2_collapse_explained"
    odd_rows[1]["kept_fit_objective"] = 2 * constant  # ...but so they did one λ earlier, where it still fit
    assert section.claim_l2_collapse(odd) == "opt_l2_collapse_unexplained"

    after_zero = altered(calm)
    after_zero["results"]["l2"][1]["data_loss"] = constant
    after_zero["results"]["l2"][1]["kept_fit_objective"] = 2 * constant
    assert section.claim_l2_collapse(after_zero) == "opt_l2_collapse_explained_after_zero"

    at_first = altered(calm)
    at_first["results"]["l2"][0]["data_loss"] = constant
    assert section.claim_l2_collapse(at_first) == "opt_l2_collapse_at_first"
    assert section.claim_l2_penalty(at_first) == "opt_l2_penalty_none"


def test_the_penalty_is_set_against_the_data_loss_at_the_last_lambda_that_fits(real):
    index = _collapse_index(real)
    rows = real["results"]["l2"]
    last = (len(rows) if index is None else index) - 1
    if last >= 0 and rows[last]["l2"] > 0:
        outweighs = rows[last]["penalty"] > rows[last]["data_loss"]
        assert section.claim_l2_penalty(real) == (
            "opt_l2_penalty_outweighs" if outweighs else "opt_l2_penalty_below"
        )
        flipped = altered(real)
        row = flipped["results"]["l2"][last]
        row["data_loss"] = 0.1  # still fits
        row["penalty"] = 0.05 if outweighs else 0.2
        assert section.claim_l2_penalty(flipped) != section.claim_l2_penalty(real)


# ------------------------------------------------------------------ numbers keep their value
@pytest.mark.parametrize("lang", LANGS)
def test_tables_keep_three_significant_digits(real, lang):
    rows = section.l2(real, prose(lang), lang).rows
    for cells, row in zip(rows, real["results"]["l2"]):
        norm = cells[1].text.replace(",", ".")
        assert float(norm) == pytest.approx(
            row["weight_norm"], rel=5e-3, abs=0.5 if row["weight_norm"] >= 1000 else 0
        )
    assert fmt_sig(9.294e-4, "en") == "9.29e-04"
    assert fmt_sig(9.294e-4, "de") == "9,29e-04"
    assert fmt_sig(2620.75, "en") == "2621"
    assert fmt_sig(0.06993, "de") == "0,0699"


def test_the_notebook_cell_prints_the_table_in_its_order(real):
    table = section.comparison(real, prose("en"), "en")
    assert [[c.text for c in row] for row in table.rows] == section.comparison_rows(real, "en")
    assert [row[0] for row in section.comparison_rows(real, "en")] == [
        section._label(real["results"]["optimizers"][key], "en") for key, *_ in section.opt_lab.RUNS
    ]


def test_the_notebook_cell_prints_the_tables_numbers(real, tmp_path, monkeypatch, capsys):
    (tmp_path / "optimizers").mkdir()
    (tmp_path / "optimizers" / "metrics.json").write_text(json.dumps(real))
    monkeypatch.chdir(tmp_path)

    def metrics(name):
        return json.loads((tmp_path / name / "metrics.json").read_text())

    exec(section.OPT_CODE, {"metrics": metrics})
    lines = capsys.readouterr().out.splitlines()
    rows = section.comparison_rows(real, "en")
    assert len(lines) == len(rows)
    for line, (label, loss, epochs, accuracy, ms) in zip(lines, rows):
        assert line.startswith(label)
        assert f"final loss {loss:>9s}" in line
        assert f"epochs to loss < 0.1: {epochs:>4s}" in line
        assert f"test {accuracy.replace(chr(0x202F), ' ')}" in line
        assert line.endswith(f"ms per epoch {ms}")
