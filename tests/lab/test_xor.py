from .conftest import assert_common_keys, assert_png, run_command, without_timings


def test_xor_command(tmp_path):
    metrics = run_command(tmp_path, "xor")
    assert_common_keys(metrics, "xor")
    main = metrics["results"]["main_run"]
    assert main["accuracy"] == 1.0
    assert main["predictions"] == [0, 1, 1, 0]
    assert len(main["loss_curve"]) == metrics["settings"]["epochs"]
    assert main["loss_curve"][-1] < main["loss_curve"][0]
    rates = metrics["results"]["success_rate"]
    assert set(rates) == {"sigmoid", "tanh", "relu"}
    for entry in rates.values():
        assert 0 <= entry["solved"] <= entry["seeds"]
        assert entry["rate"] == entry["solved"] / entry["seeds"]
    for figure in ("xor.png", "xor_success.png"):
        assert_png(tmp_path / "xor" / figure)


def test_xor_same_seed_same_metrics(tmp_path):
    a = run_command(tmp_path / "a", "xor", "--seeds", "2")
    b = run_command(tmp_path / "b", "xor", "--seeds", "2")
    c = run_command(tmp_path / "c", "xor", "--seeds", "2", "--seed", "1")
    assert without_timings(a) == without_timings(b)
    assert a["results"]["main_run"]["loss_curve"] != c["results"]["main_run"]["loss_curve"]
