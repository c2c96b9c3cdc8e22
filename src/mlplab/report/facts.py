"""Numbers for the prose, read from the results and formatted for one language.

Every number that the discussion mentions is a fact computed here from the
experiments' ``metrics.json`` (or from the library, for task 1.2), so the text
and the results cannot disagree.
"""

from __future__ import annotations

from .. import __version__
from ..trace import sheet_trace
from .tables import sheet_gradient_check
from .text import fmt_num, fmt_pct, fmt_sci

__all__ = ["facts"]


def facts(metrics: dict[str, dict], lang: str) -> dict[str, str]:
    """All placeholders the prose may use, as formatted strings."""
    f: dict[str, str] = {"version": __version__}
    seeds = sorted({str(m.get("seed")) for m in metrics.values()})
    f["seed"] = ", ".join(seeds) if seeds else "0"
    f["quick_note"] = ""
    if any(m.get("quick") for m in metrics.values()):
        f["quick_note"] = "quick"

    trace = sheet_trace()
    f["trace_yhat"] = fmt_num(trace["y_hat"], 6, lang)
    f["trace_loss"] = fmt_num(trace["loss"], 6, lang)
    f["trace_dz3"] = fmt_num(trace["dL_dz3"], 6, lang)
    check = sheet_gradient_check()
    f["gradcheck_max"] = fmt_sci(check.max_error, lang)
    f["gradcheck_overall"] = fmt_sci(check.overall, lang)

    if "xor" in metrics:
        m = metrics["xor"]
        main, settings = m["results"]["main_run"], m["settings"]
        f["xor_accuracy"] = fmt_pct(main["accuracy"], lang, 0)
        f["xor_epochs"] = str(settings["epochs"])
        f["xor_lr"] = fmt_num(settings["learning_rate"], 2, lang)
        f["xor_activation"] = settings["activation"]
        f["xor_final_loss"] = fmt_num(main["final_loss"], 4, lang)
        e100 = main["epochs_to_100_percent"]
        f["xor_epochs_to_100"] = str(e100) if e100 is not None else "–"
        rates = m["results"]["success_rate"]
        for activation, entry in rates.items():
            f[f"xor_solved_{activation}"] = f"{entry['solved']}/{entry['seeds']}"
        f["xor_seeds"] = str(settings["seeds_per_activation"])
    if "spirals" in metrics:
        _spirals(f, metrics["spirals"], lang)
    if "sweep" in metrics:
        _sweep(f, metrics["sweep"], lang)
    if "vanishing" in metrics:
        _vanishing(f, metrics["vanishing"], lang)
    if "init" in metrics:
        _init(f, metrics["init"], lang)
    if "overfit" in metrics:
        _overfit(f, metrics["overfit"], lang)
    if "lr" in metrics:
        _lr(f, metrics["lr"], lang)
    if "optimizers" in metrics:
        _optimizers(f, metrics["optimizers"], lang)
    return f


def _layers(sizes) -> str:
    return "[" + ", ".join(str(s) for s in sizes) + "]"


def _rate(value: float, lang: str) -> str:
    return fmt_num(value, 4, lang).rstrip("0").rstrip(",.") if value < 1 else f"{value:g}"


def _spirals(f: dict, m: dict, lang: str) -> None:
    r, s = m["results"], m["settings"]
    f["spirals_layers"] = _layers(s["layer_sizes"])
    f["spirals_activation"] = s["activation"]
    f["spirals_optimizer"] = s["optimizer"]
    f["spirals_lr"] = _rate(s["learning_rate"], lang)
    f["spirals_batch"] = str(s["batch_size"])
    f["spirals_epochs"] = str(s["epochs"])
    f["spirals_train_acc"] = fmt_pct(r["train_accuracy"], lang)
    f["spirals_test_acc"] = fmt_pct(r["test_accuracy"], lang)
    f["spirals_test_errors"] = str(round((1 - r["test_accuracy"]) * 200))
    e100 = r["epochs_to_100_percent"]
    f["spirals_epochs_to_100"] = str(e100) if e100 is not None else "–"
    f["spirals_train_loss"] = fmt_sci(r["final_train_loss"], lang)
    f["spirals_test_loss"] = fmt_num(r["final_test_loss"], 3, lang)
    f["spirals_params"] = str(r["n_params"])


def _sweep(f: dict, m: dict, lang: str) -> None:
    r, s = m["results"], m["settings"]
    best = r["best"]
    f["sweep_runs"] = str(r["n_runs"])
    f["sweep_failed"] = str(r["n_failed"])
    f["sweep_seeds"] = str(s["seeds_per_cell"])
    f["sweep_epochs"] = str(s["epochs"])
    f["sweep_optimizer"] = s["optimizer"]
    f["sweep_batch"] = str(s["batch_size"])
    if best is None:
        for key in ("layers", "activation", "lr", "test", "test_std", "train", "loss", "reached", "e100"):
            f[f"sweep_best_{key}"] = "–"
        return
    f["sweep_best_layers"] = _layers([2, *best["hidden_layers"], 1])
    f["sweep_best_activation"] = best["activation"]
    f["sweep_best_lr"] = _rate(best["learning_rate"], lang)
    f["sweep_best_test"] = fmt_pct(best["test_accuracy_mean"], lang)
    f["sweep_best_test_std"] = fmt_pct(best["test_accuracy_std"], lang)
    f["sweep_best_train"] = fmt_pct(best["train_accuracy_mean"], lang)
    f["sweep_best_loss"] = fmt_num(best["final_train_loss_mean"], 4, lang)
    f["sweep_best_reached"] = f"{best['reached_100_percent']}/{best['runs']}"
    e100 = best.get("epochs_to_100_percent_mean")
    f["sweep_best_e100"] = fmt_num(e100, 0, lang) if e100 is not None else "–"
    cells = r["cells"]
    slow = [c["final_train_loss_mean"] for c in cells if c["learning_rate"] == min(s["learning_rates"])]
    f["sweep_slow_rate"] = _rate(min(s["learning_rates"]), lang)
    f["sweep_slow_loss"] = fmt_num(min((v for v in slow if v is not None), default=None), 3, lang)
    smooth = [
        c for c in cells if c["activation"] in ("sigmoid", "tanh") and c["test_accuracy_mean"] is not None
    ]
    f["sweep_smooth_best"] = fmt_pct(max((c["test_accuracy_mean"] for c in smooth), default=None), lang)
    relu = [c for c in cells if c["activation"] == "relu" and c["test_accuracy_mean"] is not None]
    good = [c for c in relu if c["test_accuracy_mean"] >= 0.9]
    f["sweep_relu_good"] = str(len(good))


def _vanishing(f: dict, m: dict, lang: str) -> None:
    r, s = m["results"], m["settings"]
    f["van_max"] = fmt_num(r["max_sigmoid_derivative"], 6, lang)
    f["van_argmax"] = fmt_num(r["argmax_sigmoid_derivative_z"], 4, lang)
    f["van_hidden"] = str(s["hidden_layers"])
    f["van_width"] = str(s["layer_sizes"][1])
    f["van_bound"] = fmt_sci(r["bound_first_over_last"], lang)
    ratios = r["first_over_last_ratio"]
    for activation in ("sigmoid", "tanh", "relu"):
        f[f"van_{activation}_init"] = fmt_sci(ratios[activation]["init"], lang)
        f[f"van_{activation}_trained"] = fmt_sci(ratios[activation]["trained"], lang)
        f[f"van_{activation}_per_layer"] = fmt_num(ratios[activation]["decay_per_layer_init"], 2, lang)
        training = r["training"][activation]
        f[f"van_{activation}_loss"] = fmt_sci(training["final_loss_median"], lang)
        solved = sum(a == 1.0 for a in training["final_accuracy"])
        f[f"van_{activation}_solved"] = f"{solved}/{len(training['final_accuracy'])}"


def _init(f: dict, m: dict, lang: str) -> None:
    r = m["results"]
    var = r["variance"]
    depth = len(var["relu"]["he"]["measured"])
    f["init_depth"] = str(depth)
    f["init_width"] = str(m["settings"]["variance"]["layer_sizes"][1])
    for act, scheme in (
        ("relu", "he"),
        ("tanh", "xavier"),
        ("relu", "xavier"),
        ("relu", "small"),
        ("relu", "large"),
    ):
        entry = var[act][scheme]
        f[f"init_{act}_{scheme}_first"] = fmt_sci(entry["measured"][0], lang)
        f[f"init_{act}_{scheme}_last"] = fmt_sci(entry["measured"][-1], lang)
        f[f"init_{act}_{scheme}_pred_last"] = fmt_sci(entry["predicted"][-1], lang)
    training = r["training"]
    for act in ("tanh", "relu"):
        for scheme in ("xavier", "he", "zeros", "small", "large"):
            entry = training[act][scheme]
            f[f"init_train_{act}_{scheme}_acc"] = fmt_pct(entry.get("accuracy_mean"), lang, 0)
    sym = r["symmetry"]
    f["init_sym_spread"] = fmt_num(sym["constant"]["max_incoming_spread"], 1, lang)
    f["init_sym_units"] = str(sym["constant"]["layers"][0]["distinct_units"])
    f["init_sym_acc"] = fmt_pct(sym["constant"]["accuracy"], lang, 0)
    f["init_rand_spread"] = fmt_num(sym["random"]["max_incoming_spread"], 1, lang)
    f["init_rand_units"] = str(sym["random"]["layers"][0]["distinct_units"])
    f["init_rand_acc"] = fmt_pct(sym["random"]["accuracy"], lang, 1)


def _overfit(f: dict, m: dict, lang: str) -> None:
    r, s = m["results"], m["settings"]
    main = r["main_run"]
    long, early = main["without_early_stopping"], main["early_stopping"]
    f["of_layers"] = _layers(s["layer_sizes"])
    f["of_activation"] = s["activation"]
    f["of_params"] = str(main["n_params"])
    f["of_n"] = str(main["n_train"])
    f["of_per_sample"] = fmt_num(main["params_per_sample"], 0, lang)
    f["of_noise"] = fmt_num(s["noise"], 1, lang)
    f["of_epochs"] = str(s["epochs"])
    f["of_patience"] = str(s["patience"])
    f["of_stop"] = str(early["stopped_epoch"])
    f["of_best"] = str(early["best_epoch"])
    f["of_long_train_loss"] = fmt_sci(long["final_train_loss"], lang)
    f["of_long_val_loss"] = fmt_num(long["final_val_loss"], 3, lang)
    f["of_min_val_loss"] = fmt_num(long["min_val_loss"], 3, lang)
    f["of_long_test_acc"] = fmt_pct(long["test_accuracy"], lang)
    f["of_early_test_acc"] = fmt_pct(early["test_accuracy"], lang)
    f["of_long_test_loss"] = fmt_num(long["test_loss"], 3, lang)
    f["of_early_test_loss"] = fmt_num(early["test_loss"], 3, lang)
    summary = r["summary"]
    f["of_repeats"] = str(summary["repeats"])
    f["of_rep_long_acc"] = fmt_pct(summary["test_accuracy"]["without_early_stopping_mean"], lang)
    f["of_rep_early_acc"] = fmt_pct(summary["test_accuracy"]["early_stopping_mean"], lang)
    f["of_rep_long_loss"] = fmt_num(summary["test_loss"]["without_early_stopping_mean"], 3, lang)
    f["of_rep_early_loss"] = fmt_num(summary["test_loss"]["early_stopping_mean"], 3, lang)
    f["of_rep_lower_loss"] = str(summary["early_stopping_lower_test_loss"])


def _lr(f: dict, m: dict, lang: str) -> None:
    r, s = m["results"], m["settings"]
    f["lr_layers"] = _layers(s["layer_sizes"])
    f["lr_activation"] = s["activation"]
    f["lr_epochs"] = str(s["epochs"])
    rates = s["learning_rates"]
    f["lr_min"] = _rate(min(rates), lang)
    f["lr_max"] = _rate(max(rates), lang)
    f["lr_count"] = str(len(rates))
    f["lr_threshold"] = fmt_pct(s["crawl_threshold"], lang, 0)
    for cls in ("works", "crawls", "diverges"):
        values = r["by_class"].get(cls, [])
        f[f"lr_{cls}"] = ", ".join(_rate(v, lang) for v in values) if values else "–"
    f["lr_best"] = _rate(r["best_learning_rate"], lang)
    f["lr_best_loss"] = fmt_sci(r["best_final_loss"], lang)
    f["lr_initial"] = fmt_num(r["initial_loss"], 3, lang)


def _optimizers(f: dict, m: dict, lang: str) -> None:
    r, s = m["results"], m["settings"]
    f["opt_layers"] = _layers(s["layer_sizes"])
    f["opt_epochs"] = str(s["epochs"])
    runs = r["optimizers"]
    for key, run in runs.items():
        f[f"opt_{key}_loss"] = fmt_sci(run["final_loss"], lang)
        e = run["epochs_to_loss"].get("0.1")
        f[f"opt_{key}_e01"] = str(e) if e is not None else "–"
        f[f"opt_{key}_lr"] = _rate(run["learning_rate"], lang)
    l2 = r["l2"]
    f["opt_l2_values"] = ", ".join(fmt_num(row["l2"], 4, lang).rstrip("0").rstrip(",.") or "0" for row in l2)
    f["opt_l2_norm_first"] = fmt_num(l2[0]["weight_norm"], 0, lang)
    f["opt_l2_norm_last"] = fmt_sci(l2[-1]["weight_norm"], lang)
    f["opt_l2_last"] = fmt_num(l2[-1]["l2"], 4, lang).rstrip("0").rstrip(",.")
    f["opt_l2_last_acc"] = fmt_pct(l2[-1]["test_accuracy"], lang, 0)
