"""Checks of the training side of a student's ``MLP``: the loop, predict/score, speed, the bonus optimisers.

Criteria ``training_loop`` (6 points), ``predict_score`` (3), ``vectorization`` (2)
and the bonus ``momentum``, ``l2``, ``adaptive`` (5 each). Every check sees the
student's class through :class:`~mlplab.grade.conventions.Student` only, draws
its data and weights from ``ctx.rng`` and compares what the student's
``train`` did against a formula evaluated with the student's *own* gradients
(``Student.gradients`` at the same parameters), so that a bug in ``_backward``
is charged once, to the backward check, and not again here.

How the training loop is observed: the instance's bound ``_backward`` is
wrapped by a recorder that counts the calls and notes which rows of ``X``
each call got. A ``train`` that does not call ``_backward`` (mlplab's own
``MLP`` calls its library) is measured instead by how far one epoch moves the
parameters on a data set of identical rows, where every mini-batch has the
same mean gradient: ``m`` updates move them ``m`` times as far as one.
"""

from __future__ import annotations

import contextlib
import inspect
import itertools
import math
import time

import numpy as np

from .base import Check, Context, Outcome, describe_error

# ---------------------------------------------------------------- messages
MESSAGES = {
    # shared
    "training.error": {
        "en": "{method} raised {error}",
        "de": "{method} hat einen Fehler ausgelöst: {error}",
    },
    "training.no_params": {
        "en": "the weights could not be read or written ({why}), so this part could not be measured",
        "de": "die Gewichte ließen sich nicht lesen oder schreiben ({why}); dieser Teil war nicht messbar",
    },
    # training_loop.batches
    "training.batches.ok": {
        "en": "batch_size=None makes one full-batch update per epoch, and batch_size={k} on {n} samples "
        "makes {expected} = ⌈{n}/{k}⌉ updates per epoch of sizes {sizes}, the last, smaller batch kept "
        "(counted the calls of _backward)",
        "de": "batch_size=None macht ein Update pro Epoche mit dem ganzen Datensatz, und batch_size={k} "
        "bei {n} Beispielen macht {expected} = ⌈{n}/{k}⌉ Updates pro Epoche der Größen {sizes}, der "
        "letzte, kleinere Batch wird behalten (Aufrufe von _backward gezählt)",
    },
    "training.batches.ok_moves": {
        "en": "batch_size=None makes one full-batch update per epoch, and batch_size={k} on {n} samples "
        "makes {expected} = ⌈{n}/{k}⌉ updates per epoch, the last, smaller batch kept (measured by how far "
        "one epoch moves the parameters: train does not call _backward)",
        "de": "batch_size=None macht ein Update pro Epoche mit dem ganzen Datensatz, und batch_size={k} "
        "bei {n} Beispielen macht {expected} = ⌈{n}/{k}⌉ Updates pro Epoche, der letzte, kleinere Batch "
        "wird behalten (gemessen daran, wie weit eine Epoche die Parameter bewegt: train ruft _backward "
        "nicht auf)",
    },
    "training.how.moves": {
        "en": "(counted by how far one epoch moves the parameters on a data set of identical rows: train "
        "does not call _backward)",
        "de": "(gezählt daran, wie weit eine Epoche die Parameter auf einem Datensatz gleicher Zeilen "
        "bewegt: train ruft _backward nicht auf)",
    },
    "training.full_batch.wrong": {
        "en": "batch_size=None gave {updates} updates per epoch (sizes {sizes}); expected one update with "
        "all {n} samples (full batch)",
        "de": "batch_size=None ergab {updates} Updates pro Epoche (Größen {sizes}); erwartet ist ein "
        "Update mit allen {n} Beispielen (Full Batch)",
    },
    "training.full_batch.ok": {
        "en": "batch_size=None makes one full-batch update per epoch",
        "de": "batch_size=None macht ein Update pro Epoche mit dem ganzen Datensatz",
    },
    "training.batch.dropped": {
        "en": "batch_size={k} on {n} samples gave {updates} updates per epoch; expected {expected} = "
        "⌈{n}/{k}⌉: the last, smaller batch is dropped",
        "de": "batch_size={k} bei {n} Beispielen ergab {updates} Updates pro Epoche; erwartet sind "
        "{expected} = ⌈{n}/{k}⌉: der letzte, kleinere Batch wird weggelassen",
    },
    "training.batch.ignored": {
        "en": "batch_size={k} on {n} samples gave {updates} update per epoch; expected {expected} = "
        "⌈{n}/{k}⌉: batch_size is ignored (always full batch)",
        "de": "batch_size={k} bei {n} Beispielen ergab {updates} Update pro Epoche; erwartet sind "
        "{expected} = ⌈{n}/{k}⌉: batch_size wird ignoriert (immer Full Batch)",
    },
    "training.batch.count": {
        "en": "batch_size={k} on {n} samples gave {updates} updates per epoch (sizes {sizes}); expected "
        "{expected} = ⌈{n}/{k}⌉ of sizes {expected_sizes}",
        "de": "batch_size={k} bei {n} Beispielen ergab {updates} Updates pro Epoche (Größen {sizes}); "
        "erwartet sind {expected} = ⌈{n}/{k}⌉ der Größen {expected_sizes}",
    },
    "training.batch.ok": {
        "en": "batch_size={k} on {n} samples makes {expected} = ⌈{n}/{k}⌉ updates per epoch (sizes "
        "{sizes}), the last, smaller batch kept",
        "de": "batch_size={k} bei {n} Beispielen macht {expected} = ⌈{n}/{k}⌉ Updates pro Epoche "
        "(Größen {sizes}), der letzte, kleinere Batch wird behalten",
    },
    "training.batches.unmeasured": {
        "en": "train does not call _backward and the weights are not accessible, so the updates per epoch "
        "could not be counted",
        "de": "train ruft _backward nicht auf und die Gewichte sind nicht zugänglich; die Updates pro "
        "Epoche ließen sich nicht zählen",
    },
    # training_loop.shuffle
    "training.shuffle.ok": {
        "en": "the data are reshuffled every epoch (epochs 1 and 2 saw the rows in different orders)",
        "de": "die Daten werden jede Epoche neu gemischt (Epoche 1 und 2 sahen die Zeilen in "
        "verschiedener Reihenfolge)",
    },
    "training.shuffle.ok_moves": {
        "en": "the data are shuffled: two epochs of one model, each from the same weights, ended at "
        "different weights (train does not call _backward, so the order itself was not seen)",
        "de": "die Daten werden gemischt: zwei Epochen desselben Modells, jede mit denselben "
        "Startgewichten, endeten bei verschiedenen Gewichten (train ruft _backward nicht auf; die "
        "Reihenfolge selbst war nicht sichtbar)",
    },
    "training.shuffle.none": {
        "en": "the data are not shuffled: every epoch visits the rows in their original order",
        "de": "die Daten werden nicht gemischt: jede Epoche geht die Zeilen in der ursprünglichen "
        "Reihenfolge durch",
    },
    "training.shuffle.once": {
        "en": "the data are shuffled, but in the same order every epoch: draw a new permutation each epoch",
        "de": "die Daten werden gemischt, aber jede Epoche in derselben Reihenfolge: ziehe jede Epoche "
        "eine neue Permutation",
    },
    "training.shuffle.replacement": {
        "en": "the batches draw rows with replacement: {missing} of {n} rows were not seen in epoch 1; "
        "an epoch should visit each row once (a permutation)",
        "de": "die Batches ziehen Zeilen mit Zurücklegen: {missing} von {n} Zeilen kamen in Epoche 1 nicht "
        "vor; eine Epoche sollte jede Zeile einmal besuchen (eine Permutation)",
    },
    "training.shuffle.unpaired": {
        "en": "X and y are shuffled with different permutations: {wrong} of {n} rows reached _backward "
        "with another row's label",
        "de": "X und y werden mit verschiedenen Permutationen gemischt: {wrong} von {n} Zeilen kamen mit "
        "dem Label einer anderen Zeile bei _backward an",
    },
    "training.shuffle.same_moves": {
        "en": "two epochs of one model, each from the same weights, ended at the same weights: the data "
        "are not shuffled (or with the same order every time)",
        "de": "zwei Epochen desselben Modells, jede mit denselben Startgewichten, endeten bei denselben "
        "Gewichten: die "
        "Daten werden nicht gemischt (oder jedes Mal gleich)",
    },
    # training_loop.learning_rate
    "training.lr.ok": {
        "en": "one full-batch epoch moves the parameters by exactly −α·g (α={lr}, g from your _backward; "
        "relative error {error})",
        "de": "eine Full-Batch-Epoche bewegt die Parameter um genau −α·g (α={lr}, g aus deinem "
        "_backward; relativer Fehler {error})",
    },
    "training.lr.ok_scale": {
        "en": "the step scales with the learning rate (×{ratio} for α={lr1} → {lr2})",
        "de": "der Schritt skaliert mit der Lernrate (×{ratio} für α={lr1} → {lr2})",
    },
    "training.lr.ignored": {
        "en": "the learning rate is ignored: one epoch with α={lr1} and α={lr2} moves the parameters by "
        "×{ratio} as much; expected ×{expected}",
        "de": "die Lernrate wird ignoriert: eine Epoche mit α={lr1} und α={lr2} bewegt die Parameter "
        "×{ratio} so weit; erwartet ×{expected}",
    },
    "training.lr.ascent": {
        "en": "the update goes uphill: one full-batch epoch moves the parameters by +α·g instead of −α·g",
        "de": "das Update geht bergauf: eine Full-Batch-Epoche bewegt die Parameter um +α·g statt −α·g",
    },
    "training.lr.factor": {
        "en": "one full-batch epoch moves the parameters by {factor}·α·g, expected −α·g (plain gradient "
        "descent θ ← θ − α·∂L/∂θ)",
        "de": "eine Full-Batch-Epoche bewegt die Parameter um {factor}·α·g, erwartet −α·g (einfacher "
        "Gradientenabstieg θ ← θ − α·∂L/∂θ)",
    },
    "training.lr.other": {
        "en": "one full-batch epoch does not move the parameters by −α·g (relative error {error}; g from "
        "your _backward at the same weights); does train use the gradients of _backward, or "
        "re-initialise the weights?",
        "de": "eine Full-Batch-Epoche bewegt die Parameter nicht um −α·g (relativer Fehler {error}; g aus "
        "deinem _backward bei denselben Gewichten); nutzt train die Gradienten aus _backward, oder "
        "initialisiert es die Gewichte neu?",
    },
    "training.lr.still": {
        "en": "one epoch of train did not change the parameters",
        "de": "eine Epoche train hat die Parameter nicht verändert",
    },
    "training.lr.nonlinear": {
        "en": "one epoch with α={lr1} and α={lr2} moves the parameters by ×{ratio} as much, and not along "
        "the same direction; expected exactly ×{expected}",
        "de": "eine Epoche mit α={lr1} und α={lr2} bewegt die Parameter ×{ratio} so weit, und nicht in "
        "dieselbe Richtung; erwartet genau ×{expected}",
    },
    # training_loop.xor
    "training.xor.ok": {
        "en": "XOR [2, 4, 1] (tanh, α={lr}, full batch) reaches 100 % after {epochs} epochs "
        "(initialisation {attempt} of {attempts})",
        "de": "XOR [2, 4, 1] (tanh, α={lr}, Full Batch) erreicht 100 % nach {epochs} Epochen "
        "(Initialisierung {attempt} von {attempts})",
    },
    "training.xor.fail": {
        "en": "XOR [2, 4, 1] ({activation}, α={lr}, full batch) did not reach 100 % from {attempts} "
        "initialisations in {epochs} epochs each; best accuracy {accuracy}",
        "de": "XOR [2, 4, 1] ({activation}, α={lr}, Full Batch) erreichte aus {attempts} Initialisierungen "
        "in je {epochs} Epochen keine 100 %; beste Genauigkeit {accuracy}",
    },
    "training.xor.slow": {
        "en": "XOR [2, 4, 1] did not reach 100 % within the time limit of {seconds} s ({epochs} epochs "
        "done; best accuracy {accuracy})",
        "de": "XOR [2, 4, 1] erreichte 100 % nicht im Zeitlimit von {seconds} s ({epochs} Epochen "
        "geschafft; beste Genauigkeit {accuracy})",
    },
    # predict_score
    "predict.ok": {
        "en": "predict returns labels 0/1 of shape (n,) that agree with your _forward (ŷ ≥ 0.5)",
        "de": "predict liefert Labels 0/1 der Form (n,), passend zu Ihrem _forward (ŷ ≥ 0,5)",
    },
    "predict.labels_ok": {
        "en": "its values are labels 0/1 and agree with your _forward (ŷ ≥ 0.5)",
        "de": "die Werte sind Labels 0/1 und passen zu Ihrem _forward (ŷ ≥ 0,5)",
    },
    "predict.shape_ok": {
        "en": "predict returns a flat vector of shape (n,)",
        "de": "predict liefert einen flachen Vektor der Form (n,)",
    },
    "predict.shape": {
        "en": "predict returns shape {shape}; expected ({n},), a flat vector of labels",
        "de": "predict liefert die Form {shape}; erwartet ist ({n},), ein flacher Vektor von Labels",
    },
    "predict.probabilities": {
        "en": "predict returns probabilities (values like {example}), not labels 0/1: threshold ŷ ≥ 0.5",
        "de": "predict liefert Wahrscheinlichkeiten (Werte wie {example}) statt Labels 0/1: setze "
        "die Schwelle bei ŷ ≥ 0,5",
    },
    "predict.values": {
        "en": "predict returns the values {values}; expected labels 0 and 1",
        "de": "predict liefert die Werte {values}; erwartet sind die Labels 0 und 1",
    },
    "predict.disagree": {
        "en": "predict disagrees with your own _forward (ŷ ≥ 0.5) on {wrong} of {n} samples",
        "de": "predict widerspricht Ihrem eigenen _forward (ŷ ≥ 0,5) bei {wrong} von {n} Beispielen",
    },
    "score.ok": {
        "en": "score returns the accuracy {accuracy} = mean(predict(X) == y), a fraction in [0, 1]",
        "de": "score liefert die Genauigkeit {accuracy} = mean(predict(X) == y), einen Anteil in [0, 1]",
    },
    "score.percent": {
        "en": "score returns {value}, the accuracy in percent; expected the fraction {accuracy} in [0, 1]",
        "de": "score liefert {value}, die Genauigkeit in Prozent; erwartet ist der Anteil {accuracy} in "
        "[0, 1]",
    },
    "score.error_rate": {
        "en": "score returns {value} = 1 − accuracy, the error rate; expected the accuracy {accuracy}",
        "de": "score liefert {value} = 1 − Genauigkeit, die Fehlerrate; erwartet ist die Genauigkeit "
        "{accuracy}",
    },
    "score.count": {
        "en": "score returns {value}, the number of correct samples; expected the fraction {accuracy}",
        "de": "score liefert {value}, die Anzahl richtiger Beispiele; erwartet ist der Anteil {accuracy}",
    },
    "score.wrong": {
        "en": "score returns {value}; expected the accuracy {accuracy} = mean(predict(X) == y)",
        "de": "score liefert {value}; erwartet ist die Genauigkeit {accuracy} = mean(predict(X) == y)",
    },
    "score.not_number": {
        "en": "score returns {value}, not a number",
        "de": "score liefert {value}, keine Zahl",
    },
    # vectorization
    # momentum
    "momentum.sheet": {
        "en": "momentum follows the sheet: v ← βv + (1−β)g, θ ← θ − αv (β={beta}; {steps} epochs match "
        "to {error})",
        "de": "Momentum folgt dem Blatt: v ← βv + (1−β)g, θ ← θ − αv (β={beta}; {steps} Epochen stimmen "
        "auf {error})",
    },
    "momentum.pytorch": {
        "en": "momentum uses the PyTorch form v ← βv + g, θ ← θ − αv (equivalently v ← βv + αg, θ ← θ − v), "
        "not the sheet's v ← βv + (1−β)g (eq. 9); its steps are 1/(1−β) = {scale}× larger",
        "de": "Momentum nutzt die PyTorch-Form v ← βv + g, θ ← θ − αv (gleichwertig v ← βv + αg, "
        "θ ← θ − v), nicht die des Blatts v ← βv + (1−β)g (Gl. 9); die Schritte sind 1/(1−β) = {scale}× "
        "größer",
    },
    "momentum.swapped": {
        "en": "momentum swaps β and 1−β: v ← (1−β)v + βg; the sheet's eq. 9 is v ← βv + (1−β)g",
        "de": "Momentum vertauscht β und 1−β: v ← (1−β)v + βg; Gl. 9 des Blatts ist v ← βv + (1−β)g",
    },
    "momentum.plain": {
        "en": "momentum has no effect: the steps are plain gradient descent θ ← θ − αg",
        "de": "Momentum wirkt nicht: die Schritte sind einfacher Gradientenabstieg θ ← θ − αg",
    },
    "momentum.reset": {
        "en": "the velocity starts from 0 again every epoch: the steps are −α(1−β)g each; keep v from "
        "update to update (v ← βv + (1−β)g)",
        "de": "die Geschwindigkeit beginnt jede Epoche wieder bei 0: jeder Schritt ist −α(1−β)g; behalte v "
        "von Update zu Update (v ← βv + (1−β)g)",
    },
    "momentum.other": {
        "en": "the momentum steps match no known form: after {steps} epochs the parameters are off the "
        "sheet's v ← βv + (1−β)g, θ ← θ − αv by a relative {error} (β={beta})",
        "de": "die Momentum-Schritte passen zu keiner bekannten Form: nach {steps} Epochen weichen die "
        "Parameter von v ← βv + (1−β)g, θ ← θ − αv relativ um {error} ab (β={beta})",
    },
    # l2
    "l2.ok": {
        "en": "L2 follows eq. 11: {where} adds 2λW to ∂L/∂W in every layer and nothing to the biases "
        "(λ={lam})",
        "de": "L2 folgt Gl. 11: {where} addiert 2λW zu ∂L/∂W in jeder Schicht und nichts zu den Biases "
        "(λ={lam})",
    },
    "l2.weights_ok": {
        "en": "{where} adds 2λW to ∂L/∂W in every layer, as eq. 11 says",
        "de": "{where} addiert 2λW zu ∂L/∂W in jeder Schicht, wie Gl. 11 es verlangt",
    },
    "l2.biases_ok": {
        "en": "the biases are not regularised, as eq. 11 says",
        "de": "die Biases werden nicht regularisiert, wie Gl. 11 es verlangt",
    },
    "l2.twice": {
        "en": "the L2 term is added twice: _backward adds 2λW and the update of train adds it again "
        "(the step with λ differs by {factor}× −α·2λW from the one without)",
        "de": "der L2-Term wird doppelt addiert: _backward addiert 2λW, und das Update in train noch "
        "einmal (der Schritt mit λ unterscheidet sich um {factor}× −α·2λW von dem ohne)",
    },
    "l2.half": {
        "en": "{where} adds λW instead of 2λW to ∂L/∂W({layer}): that is the gradient of (λ/2)Σ‖W‖², not of "
        "eq. 11's λΣ‖W‖²",
        "de": "{where} addiert λW statt 2λW zu ∂L/∂W({layer}): das ist der Gradient von (λ/2)Σ‖W‖², nicht "
        "von λΣ‖W‖² aus Gl. 11",
    },
    "l2.factor": {
        "en": "{where} adds {factor}·λW to ∂L/∂W({layer}); eq. 11 gives 2λW",
        "de": "{where} addiert {factor}·λW zu ∂L/∂W({layer}); Gl. 11 ergibt 2λW",
    },
    "l2.shape": {
        "en": "what {where} adds to ∂L/∂W({layer}) for λ={lam} is not a multiple of W(layer) (relative "
        "error {error} against 2λW)",
        "de": "was {where} bei λ={lam} zu ∂L/∂W({layer}) addiert, ist kein Vielfaches von W({layer}) "
        "(relativer Fehler {error} gegen 2λW)",
    },
    "l2.biases": {
        "en": "the biases are regularised too: ∂L/∂b({layer}) changes with λ; eq. 11 penalises the "
        "weights only",
        "de": "die Biases werden mitregularisiert: ∂L/∂b({layer}) ändert sich mit λ; Gl. 11 bestraft nur "
        "die Gewichte",
    },
    "l2.missing": {
        "en": "λ={lam} changes neither the gradients of _backward nor the update of train: the L2 term "
        "is missing",
        "de": "λ={lam} ändert weder die Gradienten aus _backward noch das Update in train: der L2-Term fehlt",
    },
    # adaptive
    "adaptive.ok": {
        "en": "{method} matches its formula over {steps} steps (relative error {error})",
        "de": "{method} stimmt über {steps} Schritte mit der Formel überein (relativer Fehler {error})",
    },
    "adaptive.ok_bias_rms": {
        "en": "{method} matches its formula over {steps} steps, with a bias correction of s (relative "
        "error {error})",
        "de": "{method} stimmt über {steps} Schritte mit der Formel überein, mit Bias-Korrektur von s "
        "(relativer Fehler {error})",
    },
    "adaptive.no_bias_correction": {
        "en": "Adam has no bias correction: the steps match m/(√v + ε) instead of m̂/(√v̂ + ε) with "
        "m̂ = m/(1−β1^t), v̂ = v/(1−β2^t)",
        "de": "Adam hat keine Bias-Korrektur: die Schritte passen zu m/(√v + ε) statt m̂/(√v̂ + ε) mit "
        "m̂ = m/(1−β1^t), v̂ = v/(1−β2^t)",
    },
    "adaptive.m_only": {
        "en": "Adam corrects only m for bias: v̂ = v/(1−β2^t) is missing",
        "de": "Adam korrigiert nur m: v̂ = v/(1−β2^t) fehlt",
    },
    "adaptive.v_only": {
        "en": "Adam corrects only v for bias: m̂ = m/(1−β1^t) is missing",
        "de": "Adam korrigiert nur v: m̂ = m/(1−β1^t) fehlt",
    },
    "adaptive.swapped": {
        "en": "{method} swaps the decay and 1 − decay in its moving average (e.g. s ← (1−ρ)s + ρg²)",
        "de": "{method} vertauscht die Abklingrate und 1 − Abklingrate im gleitenden Mittel "
        "(z. B. s ← (1−ρ)s + ρg²)",
    },
    "adaptive.plain": {
        "en": "{method} has no effect: the steps are plain gradient descent θ ← θ − αg",
        "de": "{method} wirkt nicht: die Schritte sind einfacher Gradientenabstieg θ ← θ − αg",
    },
    "adaptive.other": {
        "en": "{method} matches neither its formula nor a known variant: after {steps} steps the "
        "parameters are off by a relative {error} ({formula})",
        "de": "{method} passt weder zur Formel noch zu einer bekannten Variante: nach {steps} Schritten "
        "weichen die Parameter relativ um {error} ab ({formula})",
    },
    "adaptive.none": {
        "en": "neither 'adam' nor 'rmsprop' could be switched on: {why}",
        "de": "weder 'adam' noch 'rmsprop' ließ sich einschalten: {why}",
    },
}

_PARTS = {
    "forward": ("the forward pass", "der Vorwärtsdurchlauf"),
    "backward": ("the backward pass", "der Rückwärtsdurchlauf"),
    "train": ("one epoch of train", "eine Epoche train"),
}
# Measured times are not in the feedback: grading the same file twice must give the same text.
for _part, (_en, _de) in _PARTS.items():
    MESSAGES[f"vector.ok.{_part}"] = {
        "en": f"{_en} is vectorised: from {{small}} to {{big}} samples its time grows far less than a "
        "per-sample loop's (about {full}×)",
        "de": f"{_de} ist vektorisiert: Von {{small}} auf {{big}} Beispiele wächst seine Zeit weit weniger "
        "als die einer Schleife über die Beispiele (etwa {full}×)",
    }
    MESSAGES[f"vector.loop.{_part}"] = {
        "en": f"{_en} loops over the samples: from {{small}} to {{big}} samples its time grows like a "
        "per-sample loop's (about {full}×), far beyond mlplab's vectorised pass; use matrix products "
        "over the whole batch",
        "de": f"{_de} läuft in einer Schleife über die Beispiele: Von {{small}} auf {{big}} Beispiele "
        "wächst seine Zeit wie die einer Schleife (etwa {full}×), weit über mlplabs vektorisierten "
        "Durchlauf hinaus; verwenden Sie Matrixprodukte über den ganzen Batch",
    }

_ADAM_FORMULA = "m ← β1m + (1−β1)g, v ← β2v + (1−β2)g², θ ← θ − α·m̂/(√v̂ + ε)"
_RMSPROP_FORMULA = "s ← ρs + (1−ρ)g², θ ← θ − α·g/(√s + ε)"
_COMMON = {"beta": 0.9, "lam": 0.01, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "rho": 0.9}


# ---------------------------------------------------------------- helpers
def _error(method: str, error: BaseException, score: float = 0.0) -> Outcome:
    return Outcome(score, "training.error", {"method": method, "error": describe_error(error)})


def _random_params(rng: np.random.Generator, sizes, scale: float = 1.0):
    """Xavier-uniform weights (n_out, n_in) times ``scale`` and small non-zero biases (n_out,)."""
    weights, biases = [], []
    for fan_in, fan_out in itertools.pairwise(sizes):
        limit = scale * math.sqrt(6.0 / (fan_in + fan_out))
        weights.append(rng.uniform(-limit, limit, size=(fan_out, fan_in)))  # (n_out, n_in)
        biases.append(rng.normal(0.0, 0.2, size=fan_out))  # (n_out,)
    return weights, biases


def _flat(params) -> np.ndarray:
    weights, biases = params
    return np.concatenate([np.ravel(a) for a in (*weights, *biases)])


def _unflat(vector: np.ndarray, sizes):
    weights, biases, at = [], [], 0
    for fan_in, fan_out in itertools.pairwise(sizes):
        weights.append(vector[at : at + fan_out * fan_in].reshape(fan_out, fan_in))
        at += fan_out * fan_in
    for fan_out in sizes[1:]:
        biases.append(vector[at : at + fan_out].copy())
        at += fan_out
    return weights, biases


def _train(student, model, X, y, epochs: int, batch_size):
    """``model.train(X, y, epochs=..., batch_size=...)``, positionally if the student named them otherwise."""
    labels = student.labels(y)
    train = model.train
    try:
        inspect.signature(train).bind(X, labels, epochs=epochs, batch_size=batch_size)
    except (TypeError, ValueError):
        return train(X, labels, epochs, batch_size)
    return train(X, labels, epochs=epochs, batch_size=batch_size)


def _relative(a: np.ndarray, b: np.ndarray) -> float:
    """‖a − b‖ / ‖b‖ (the size of b's own norm, or 1e-300 for b = 0)."""
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(b), 1e-300))


def _sizes_text(sizes) -> str:
    return "[" + ", ".join(str(int(s)) for s in sizes) + "]"


class _Recorder:
    """Wraps the bound ``_backward`` of one model instance: counts calls, notes the rows and labels."""

    def __init__(self, model, X: np.ndarray, y: np.ndarray):
        self.X, self.y = X, y
        self.calls: list[tuple[int, np.ndarray | None, np.ndarray | None]] = []
        try:
            self.original = model._backward
            model._backward = self  # an instance attribute shadows the class's method
        except Exception:  # __slots__ or a property: no calls are seen, the parameters are measured instead
            self.original = None

    def __call__(self, *args, **kwargs):
        self.calls.append(self._describe(args, kwargs))
        return self.original(*args, **kwargs)

    def _describe(self, args, kwargs):
        batch = args[0] if args else kwargs.get("X", kwargs.get("x"))
        labels = args[1] if len(args) > 1 else kwargs.get("y", kwargs.get("Y"))
        try:
            batch = np.asarray(batch, dtype=float)
            n_features = self.X.shape[1]
            if batch.ndim == 2 and batch.shape[1] != n_features and batch.shape[0] == n_features:
                batch = batch.T  # a student who passes X transposed (n_features, n)
            if batch.ndim != 2 or batch.shape[1] != n_features:
                return (int(batch.shape[0]) if batch.ndim else 0, None, None)
            distances = ((batch[:, None, :] - self.X[None, :, :]) ** 2).sum(axis=2)  # (batch, n)
            rows = distances.argmin(axis=1)
            if not np.all(distances[np.arange(len(rows)), rows] < 1e-12):
                rows = None
        except Exception:  # whatever the student passed, counting goes on
            return (0, None, None)
        try:
            labels = np.asarray(labels, dtype=float).reshape(-1)
            if labels.size != batch.shape[0]:
                labels = None
        except Exception:
            labels = None
        return (int(batch.shape[0]), rows, labels)


# ---------------------------------------------------------------- training_loop
_N, _K, _EPOCHS, _FEATURES = 10, 3, 2, 5
_LOOP_SIZES = [_FEATURES, 4, 1]


def _loop_data(rng):
    X = rng.normal(size=(_N, _FEATURES))  # (n, n_features), distinct rows
    y = rng.permutation(np.arange(_N) % 2).astype(float)  # (n,), both classes
    return X, y


def _recorded_run(ctx: Context, X, y, batch_size, params, learning_rate=0.1):
    """Train a fresh model for ``_EPOCHS`` epochs with ``_backward`` recorded: the calls (size, rows, y)."""
    student = ctx.student
    model = student.new(_LOOP_SIZES, activation="tanh", learning_rate=learning_rate)
    if params is not None:
        student.set_params(model, *params)
    recorder = _Recorder(model, X, y)
    _train(student, model, X, y, _EPOCHS, batch_size)
    return recorder.calls


def _moved(ctx: Context, X, y, batch_size, params, learning_rate, epochs=1) -> np.ndarray:
    """θ after ``epochs`` of train from ``params`` minus θ before (flat)."""
    student = ctx.student
    model = student.new(_LOOP_SIZES, activation="tanh", learning_rate=learning_rate)
    student.set_params(model, *params)
    start = _flat(student.get_params(model))
    _train(student, model, X, y, epochs, batch_size)
    return _flat(student.get_params(model)) - start


def _per_epoch(calls):
    per_epoch = len(calls) / _EPOCHS
    sizes = [c[0] for c in calls[: len(calls) // _EPOCHS]] if len(calls) % _EPOCHS == 0 else []
    return (int(per_epoch) if per_epoch == int(per_epoch) else per_epoch), sizes


def _training_batches(ctx: Context) -> Outcome:
    student = ctx.student
    X, y = _loop_data(ctx.rng)
    params = _random_params(ctx.rng, _LOOP_SIZES) if student.has("params") else None
    expected = math.ceil(_N / _K)
    expected_sizes = [_K] * (_N // _K) + ([_N % _K] if _N % _K else [])
    runs = {}
    for batch_size in (None, _K):
        try:
            runs[batch_size] = _recorded_run(ctx, X, y, batch_size, params)
        except Exception as error:  # student code
            return _error(f"train(X, y, epochs={_EPOCHS}, batch_size={batch_size})", error)
    if not runs[None] and not runs[_K]:
        return _batches_by_moves(ctx, params, expected, expected_sizes)
    score, details, first = 0.0, [], None
    full_updates, full_sizes = _per_epoch(runs[None])
    if full_updates == 1 and full_sizes == [_N]:
        score += 1.0
        details.append(("training.full_batch.ok", {}))
    else:
        first = (
            "training.full_batch.wrong",
            {"updates": full_updates, "sizes": _sizes_text(full_sizes), "n": _N},
        )
        details.append(first)
    updates, sizes = _per_epoch(runs[_K])
    common = {"k": _K, "n": _N, "expected": expected, "updates": updates, "sizes": _sizes_text(sizes)}
    if updates == expected and sorted(sizes) == sorted(expected_sizes):
        score += 1.0
        details.append(("training.batch.ok", common))
    else:
        if updates == _N // _K and sorted(sizes) == [_K] * (_N // _K):
            line = ("training.batch.dropped", common)
        elif updates == 1:
            line = ("training.batch.ignored", common)
        else:
            line = ("training.batch.count", {**common, "expected_sizes": _sizes_text(expected_sizes)})
        details.append(line)
        first = first or line
    if first is None:
        return Outcome(score, "training.batches.ok", common, tuple(details))
    return Outcome(score, first[0], first[1], tuple(details))


def _batches_by_moves(ctx: Context, params, expected, expected_sizes) -> Outcome:
    """Count the updates per epoch by the distance moved on identical rows (train skips _backward)."""
    student = ctx.student
    if params is None:
        return Outcome(0.0, "training.batches.unmeasured", {})
    row = ctx.rng.normal(size=(1, _FEATURES))
    X = np.repeat(row, _N, axis=0)  # (n, n_features): every batch has the same mean gradient
    y = np.ones(_N)
    learning_rate = 1e-4  # small: m steps move m times as far, to a relative 1e-3
    try:
        full = _moved(ctx, X, y, None, params, learning_rate)
        batched = _moved(ctx, X, y, _K, params, learning_rate)
    except Exception as error:
        return _error("train", error)
    reference = None
    if student.has("gradients"):
        try:
            probe = student.new(_LOOP_SIZES, activation="tanh", learning_rate=learning_rate)
            student.set_params(probe, *params)
            reference = learning_rate * float(np.linalg.norm(_flat(student.gradients(probe, X, y))))
        except Exception:  # then one full-batch epoch is the unit
            reference = None
    unit = reference if reference else float(np.linalg.norm(full))
    if unit == 0.0:
        return Outcome(0.0, "training.lr.still", {})

    def count(moved):
        value = float(np.linalg.norm(moved)) / unit
        return round(value) if abs(value - round(value)) < 0.05 else round(value, 2)

    full_updates, updates = count(full), count(batched)
    score, details, first = 0.0, [], None
    if full_updates == 1:
        score += 1.0
        details.append(("training.full_batch.ok", {}))
    else:
        first = ("training.full_batch.wrong", {"updates": full_updates, "sizes": "?", "n": _N})
        details.append(first)
    common = {
        "k": _K,
        "n": _N,
        "expected": expected,
        "updates": updates,
        "sizes": _sizes_text(expected_sizes),
    }
    if updates == expected:
        score += 1.0
        details.append(("training.batch.ok", common))
    else:
        if updates == _N // _K:
            line = ("training.batch.dropped", common)
        elif updates == 1:
            line = ("training.batch.ignored", common)
        else:
            line = (
                "training.batch.count",
                {**common, "sizes": "?", "expected_sizes": _sizes_text(expected_sizes)},
            )
        details.append(line)
        first = first or line
    if first is None:
        return Outcome(score, "training.batches.ok_moves", common, tuple(details))
    return Outcome(score, first[0], first[1], (*details, ("training.how.moves", {})))


def _training_shuffle(ctx: Context) -> Outcome:
    student = ctx.student
    X, y = _loop_data(ctx.rng)
    params = _random_params(ctx.rng, _LOOP_SIZES) if student.has("params") else None
    try:
        calls = _recorded_run(ctx, X, y, _K, params)
    except Exception as error:
        return _error(f"train(X, y, epochs={_EPOCHS}, batch_size={_K})", error)
    orders = [c[1] for c in calls]
    if not calls or any(o is None for o in orders) or len(calls) % _EPOCHS:
        return _shuffle_by_moves(ctx, X, y, params)
    labels_of = [c[2] for c in calls]
    if all(lab is not None for lab in labels_of):
        passed = np.concatenate(labels_of)
        wrong = int(np.sum(passed != y[np.concatenate(orders)])) // _EPOCHS
        if wrong:
            return Outcome(0.0, "training.shuffle.unpaired", {"wrong": wrong, "n": _N})
    per = len(calls) // _EPOCHS
    epochs = [np.concatenate(orders[e * per : (e + 1) * per]) for e in range(_EPOCHS)]
    missing = _N - len(np.unique(epochs[0]))
    if missing and len(epochs[0]) >= _N:
        return Outcome(0.5, "training.shuffle.replacement", {"missing": missing, "n": _N})
    if any(not np.array_equal(epochs[0], e) for e in epochs[1:]):
        return Outcome(1.0, "training.shuffle.ok", {})
    if np.array_equal(epochs[0], np.arange(len(epochs[0]))):
        return Outcome(0.0, "training.shuffle.none", {})
    return Outcome(0.5, "training.shuffle.once", {})


def _shuffle_by_moves(ctx: Context, X, y, params) -> Outcome:
    """Two epochs of one model, each from the same weights: a reshuffle ends them at different weights."""
    student = ctx.student
    if params is None:
        return Outcome(0.0, "training.no_params", {"why": student.missing.get("params", "?")})
    try:
        model = student.new(_LOOP_SIZES, activation="tanh", learning_rate=0.1)
        ends = []
        for _ in range(2):
            student.set_params(model, *params)
            _train(student, model, X, y, 1, _K)
            ends.append(_flat(student.get_params(model)))
    except Exception as error:
        return _error(f"train(X, y, epochs=1, batch_size={_K})", error)
    if np.allclose(ends[0], ends[1], rtol=1e-12, atol=1e-15):
        return Outcome(0.0, "training.shuffle.same_moves", {})
    return Outcome(1.0, "training.shuffle.ok_moves", {})


_LR = (0.05, 0.2)


def _training_learning_rate(ctx: Context) -> Outcome:
    student = ctx.student
    X, y = _loop_data(ctx.rng)
    params = _random_params(ctx.rng, _LOOP_SIZES)
    moves = []
    for learning_rate in _LR:
        try:
            moves.append(_moved(ctx, X, y, None, params, learning_rate))
        except Exception as error:
            return _error(f"train(X, y, epochs=1, batch_size=None) with learning_rate={learning_rate}", error)
    small, large = moves
    expected_ratio = _LR[1] / _LR[0]
    if not np.any(small) and not np.any(large):
        return Outcome(0.0, "training.lr.still", {})
    ratio = float(np.linalg.norm(large) / max(np.linalg.norm(small), 1e-300))
    scale = {"lr1": _LR[0], "lr2": _LR[1], "ratio": ratio, "expected": expected_ratio}
    scales = _relative(large, expected_ratio * small) < 1e-6
    gradient = None
    if student.has("gradients"):
        try:
            probe = student.new(_LOOP_SIZES, activation="tanh", learning_rate=_LR[0])
            student.set_params(probe, *params)
            gradient = _flat(student.gradients(probe, X, y))
        except Exception:  # the backward check reports it; here the scale test remains
            gradient = None
    if gradient is not None and np.any(gradient):
        step = -_LR[0] * gradient
        error = _relative(small, step)
        if error < 1e-6:
            return Outcome(1.0, "training.lr.ok", {"lr": _LR[0], "error": error})
        if _relative(small, -step) < 1e-6:
            return Outcome(0.0, "training.lr.ascent", {})
        factor = float(np.dot(small, step) / np.dot(step, step))  # small ≈ factor·(−αg)
        if _relative(small, factor * step) < 1e-6:
            if abs(ratio - 1.0) < 1e-6:
                return Outcome(0.0, "training.lr.ignored", scale)
            return Outcome(0.5 if scales else 0.0, "training.lr.factor", {"factor": -factor})
        if abs(ratio - 1.0) < 1e-6:
            return Outcome(0.0, "training.lr.ignored", scale)
        return Outcome(0.5 if scales else 0.0, "training.lr.other", {"error": error})
    if scales:
        return Outcome(1.0, "training.lr.ok_scale", scale)
    if abs(ratio - 1.0) < 1e-3:
        return Outcome(0.0, "training.lr.ignored", scale)
    return Outcome(0.0, "training.lr.nonlinear", scale)


_XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
_XOR_Y = np.array([0.0, 1.0, 1.0, 0.0])
_XOR_CHUNKS = (250, 250, 500, 1000, 1000, 2000)  # 5000 epochs in all; stop at the first 100 %
_XOR_ATTEMPTS = 3


def _xor_accuracy(student, model) -> float:
    try:
        predicted = student.forward(model, _XOR_X) >= 0.5
    except Exception:  # fall back on the student's predict
        predicted = np.asarray(model.predict(_XOR_X), dtype=float).reshape(-1) >= 0.5
    return float(np.mean(predicted == (_XOR_Y == 1)))


def _training_xor(ctx: Context) -> Outcome:
    student = ctx.student
    budget = min(0.5 * ctx.time_limit, 30.0) if ctx.time_limit else 30.0
    started = time.perf_counter()
    inits = [_random_params(ctx.rng, [2, 4, 1]) for _ in range(_XOR_ATTEMPTS)]
    activation, learning_rate = "tanh", 0.5
    best, total_epochs = 0.0, 0
    for attempt, params in enumerate(inits, start=1):
        try:
            try:
                model = student.new([2, 4, 1], activation=activation, learning_rate=learning_rate)
            except Exception:  # a student without tanh: sigmoid and a larger step
                activation, learning_rate = "sigmoid", 2.0
                model = student.new([2, 4, 1], activation=activation, learning_rate=learning_rate)
            if params is not None and student.has("params"):
                student.set_params(model, *params)
            epochs = 0
            attempt_start = time.perf_counter()
            for chunk in _XOR_CHUNKS:
                _train(student, model, _XOR_X, _XOR_Y, chunk, None)
                epochs += chunk
                total_epochs += chunk
                accuracy = _xor_accuracy(student, model)
                best = max(best, accuracy)
                if accuracy == 1.0:
                    seconds = time.perf_counter() - attempt_start
                    return Outcome(
                        2.0,
                        "training.xor.ok",
                        {
                            "lr": learning_rate,
                            "epochs": epochs,
                            "seconds": seconds,
                            "attempt": attempt,
                            "attempts": _XOR_ATTEMPTS,
                        },
                    )
                if time.perf_counter() - started > budget:
                    return Outcome(
                        0.0,
                        "training.xor.slow",
                        {"seconds": budget, "epochs": total_epochs, "accuracy": best},
                    )
        except Exception as error:
            return _error(f"train on XOR ({activation}, learning_rate={learning_rate})", error)
    return Outcome(
        0.0,
        "training.xor.fail",
        {
            "activation": activation,
            "lr": learning_rate,
            "attempts": _XOR_ATTEMPTS,
            "epochs": sum(_XOR_CHUNKS),
            "accuracy": best,
        },
    )


# ---------------------------------------------------------------- predict_score
_PREDICT_SIZES = [4, 6, 1]
_PREDICT_N = 20
_FLIPPED = 6  # labels flipped against the model's own predictions: accuracy 0.7


def _predict_setup(ctx: Context):
    student = ctx.student
    X = ctx.rng.normal(size=(_PREDICT_N, _PREDICT_SIZES[0]))  # (n, n_in)
    params = _random_params(ctx.rng, _PREDICT_SIZES, scale=2.0)
    flips = ctx.rng.choice(_PREDICT_N, size=_FLIPPED, replace=False)
    model = student.new(_PREDICT_SIZES, activation="tanh", learning_rate=0.1)
    if student.has("params"):
        # one epoch first: a model may refuse to predict before it was trained (mlplab's own does);
        # then the weights are set from the generator, so that what follows is reproducible
        with contextlib.suppress(Exception):
            _train(student, model, X, (ctx.rng.random(_PREDICT_N) < 0.5).astype(float), 1, None)
        student.set_params(model, *params)
    try:
        probabilities = student.forward(model, X)  # (n,)
        reference = (probabilities >= 0.5).astype(float)
        clear = np.abs(probabilities - 0.5) > 1e-9
    except Exception:  # the forward check reports it; predict is judged on its own
        probabilities, reference, clear = None, None, None
    return model, X, flips, reference, clear


def _as_labels(predicted, n):
    """(labels (n,) or None, outcome key and params of the first problem found or None, points lost)."""
    try:
        array = np.asarray(predicted, dtype=float)
    except Exception:
        return None, ("predict.values", {"values": repr(predicted)[:80]})
    if array.shape != (n,):
        if array.size == n:
            return array.reshape(n), ("predict.shape", {"shape": str(array.shape), "n": n})
        return None, ("predict.shape", {"shape": str(array.shape), "n": n})
    return array, None


def _predict_labels(ctx: Context) -> Outcome:
    try:
        model, X, _, reference, clear = _predict_setup(ctx)
    except Exception as error:
        return _error("the constructor", error)
    try:
        predicted = model.predict(X)
    except Exception as error:
        return _error("predict(X)", error)
    labels, shape_problem = _as_labels(predicted, _PREDICT_N)
    score, details = 0.0, []
    if shape_problem is None:
        score += 0.5
    else:
        details.append(shape_problem)
    if labels is None:
        return Outcome(0.0, shape_problem[0], shape_problem[1], tuple(details))
    values = np.unique(labels)
    if np.all(np.isin(values, (0.0, 1.0))):
        score += 1.0
        if reference is not None:
            wrong = int(np.sum((labels != reference) & clear))
            if wrong:
                details.append(("predict.disagree", {"wrong": wrong, "n": _PREDICT_N}))
            else:
                score += 0.5
        else:
            score += 0.5
    elif np.all((values >= 0.0) & (values <= 1.0)):
        example = float(labels[np.argmax(np.abs(labels - np.round(labels)))])
        details.append(("predict.probabilities", {"example": example}))
    else:
        shown = ", ".join(f"{v:g}" for v in values[:6]) + (", ..." if len(values) > 6 else "")
        details.append(("predict.values", {"values": shown}))
    if not details:
        return Outcome(score, "predict.ok", {})
    if shape_problem is None:
        details.append(("predict.shape_ok", {}))
    if score - (0.5 if shape_problem is None else 0.0) == 1.5:
        details.append(("predict.labels_ok", {}))
    return Outcome(score, details[0][0], details[0][1], tuple(details))


def _predict_score(ctx: Context) -> Outcome:
    student = ctx.student
    try:
        model, X, flips, reference, _ = _predict_setup(ctx)
    except Exception as error:
        return _error("the constructor", error)
    try:
        own, _ = _as_labels(model.predict(X), _PREDICT_N)
    except Exception:  # score may still work without predict
        own = None
    base = reference if reference is not None else own
    if base is None:
        base = np.zeros(_PREDICT_N)
    y = base.copy()
    y[flips] = 1.0 - y[flips]  # (n,): accuracy of the model's own labels 0.7
    accuracy = float(np.mean(base == y))
    accepted = [accuracy]
    if own is not None and np.all(np.isin(own, (0.0, 1.0))):
        accepted.append(float(np.mean(own == y)))
    try:
        value = model.score(X, student.labels(y))
    except Exception as error:
        return _error("score(X, y)", error)
    try:
        value = float(np.asarray(value, dtype=float).reshape(()))
    except Exception:
        return Outcome(0.0, "score.not_number", {"value": repr(value)[:80]})
    params = {"value": value, "accuracy": accuracy}
    if any(abs(value - a) < 1e-9 for a in accepted):
        return Outcome(1.0, "score.ok", {"accuracy": value})
    if any(abs(value - 100.0 * a) < 1e-6 for a in accepted):
        return Outcome(0.0, "score.percent", params)
    if any(abs(value - (1.0 - a)) < 1e-9 for a in accepted):
        return Outcome(0.0, "score.error_rate", params)
    if any(abs(value - _PREDICT_N * a) < 1e-6 for a in accepted):
        return Outcome(0.0, "score.count", params)
    return Outcome(0.0, "score.wrong", params)


# ---------------------------------------------------------------- vectorization
# The criterion. A per-sample Python loop costs about the same per sample at any batch
# size, so its time grows like the batch: 2048 samples take ~128× the time of 16. A
# vectorised pass has a fixed Python overhead that dominates at 16 samples, so on this
# small net its time grows only some 5-30×. We call a pass a loop only if ALL of: (1) its
# time at 2048 is at least 32× its time at 16 (a quarter of the loop's 128×); (2) that
# growth is at least 3× the growth of mlplab's vectorised reference, measured interleaved
# with it (load and BLAS-thread contention inflate the large batch of both alike); (3) at
# 2048 it is at least 4× slower, and 2 ms slower, than the reference. Every time is the
# minimum over several repeats, so a busy machine (which only ever adds time) must slow
# every repeat of the student's large batch, and not the reference's, to fail a vectorised
# submission. Under heavy load a loop may pass (the safe direction), a vectorised pass does not.
_VEC_SIZES = [2, 4, 4, 1]  # tiny layers: a vectorised pass is all overhead, and BLAS stays on one thread
_VEC_SMALL, _VEC_BIG = 16, 2048
_VEC_RATIO, _VEC_VS_REF, _VEC_SLOWER, _VEC_FLOOR = 32.0, 3.0, 4.0, 2e-3
_VEC_ROUNDS, _VEC_TRIALS = 7, 3


def _measure(timed: dict, budget: float) -> dict:
    """Minimum time of each ``timed[name, size]() -> seconds``, in rounds that interleave all of them."""
    times = dict.fromkeys(timed, math.inf)
    started = time.perf_counter()
    order = sorted(timed, key=lambda key: -key[1])  # the large batches first, then the small ones
    for _round in range(_VEC_ROUNDS):
        for key in order:
            if key[1] == _VEC_SMALL:
                timed[key]()  # untimed: frees what the large batch left behind (a loop's many arrays)
            times[key] = min(times[key], timed[key]())
        if _round >= 1 and time.perf_counter() - started > budget:
            break  # a slow (looping) submission: two rounds tell enough
    return times


def _vectorization(ctx: Context) -> Outcome:
    from ..mlp import MLP  # the reference; imported here, it is only needed for the timing

    student = ctx.student
    params = _random_params(ctx.rng, _VEC_SIZES)
    X_big = ctx.rng.normal(size=(_VEC_BIG, _VEC_SIZES[0]))  # (2048, n_in)
    y_big = (ctx.rng.random(_VEC_BIG) < 0.5).astype(float)
    data = {_VEC_SMALL: (X_big[:_VEC_SMALL], y_big[:_VEC_SMALL]), _VEC_BIG: (X_big, y_big)}
    try:
        model = student.new(_VEC_SIZES, activation="tanh", learning_rate=0.01)
        if student.has("params"):
            student.set_params(model, *params)
        labels = {size: student.labels(y) for size, (_, y) in data.items()}
    except Exception as error:
        return _error("the constructor", error)
    reference = MLP(_VEC_SIZES, activation="tanh", learning_rate=0.01, seed=0).set_weights(*params)

    def clock(function, *args):
        start = time.perf_counter()
        function(*args)
        return time.perf_counter() - start

    def student_backward(size):  # _backward alone, after an untimed forward pass of the same batch
        X = data[size][0]
        student.forward(model, X)
        return clock(model._backward, X, labels[size])

    def student_train(size):  # one full-batch epoch, where _backward cannot be called on its own
        return clock(_train, student, model, data[size][0], data[size][1], 1, None)

    def reference_backward(size):
        X, y = data[size]
        reference._forward(X)
        return clock(reference._backward, X, y)

    def reference_train(size):
        return clock(reference.train, data[size][0], data[size][1], 1)

    second_name, second, ref_second = "backward", student_backward, reference_backward
    try:
        for size in data:
            student.forward(model, data[size][0])
        try:
            student_backward(_VEC_SMALL)
        except Exception:  # _backward wants something else: time an epoch of train instead
            second_name, second, ref_second = "train", student_train, reference_train
            student_train(_VEC_SMALL)
    except Exception as error:
        return _error("_forward/_backward", error)
    timed = {}
    for size in data:
        timed["forward", size] = lambda size=size: clock(student.forward, model, data[size][0])
        timed["ref_forward", size] = lambda size=size: clock(reference._forward, data[size][0])
        timed["second", size] = lambda size=size: second(size)
        timed["ref_second", size] = lambda size=size: ref_second(size)
    budget = min(1.0, ctx.time_limit / 30) if ctx.time_limit else 1.0
    verdicts = {"forward": True, second_name: True}
    try:
        # a part is a loop only if every one of up to three separate measurements says so;
        # a vectorised submission is passed as soon as one measurement clears it
        started = time.perf_counter()
        for _trial in range(_VEC_TRIALS):
            if _trial and time.perf_counter() - started > 6 * budget:
                break  # out of time: the loops found so far were found every time
            times = _measure(timed, budget)
            details: list = []
            verdicts["forward"] &= _judge("forward", times, "forward", "ref_forward", details)
            verdicts[second_name] &= _judge(second_name, times, "second", "ref_second", details)
            if not any(verdicts.values()):
                break
    except Exception as error:
        return _error("_forward/_backward", error)
    details = [
        (f"vector.loop.{part}" if verdicts[part] else f"vector.ok.{part}", line[1])
        for part, line in zip(("forward", second_name), details, strict=True)
    ]
    score = sum(0.0 if loops else 1.0 for loops in verdicts.values())
    first = next((d for d in details if d[0].startswith("vector.loop")), details[0])
    return Outcome(score, first[0], first[1], tuple(details))


def _judge(part: str, times, name: str, ref: str, details: list) -> bool:
    small, big = times[name, _VEC_SMALL], times[name, _VEC_BIG]
    ref_small, ref_big = times[ref, _VEC_SMALL], times[ref, _VEC_BIG]
    ratio = big / max(small, 1e-9)
    ref_ratio = ref_big / max(ref_small, 1e-9)
    slower = big / max(ref_big, 1e-9)
    loops = (
        ratio >= _VEC_RATIO
        and ratio >= _VEC_VS_REF * ref_ratio
        and slower >= _VEC_SLOWER
        and big - ref_big >= _VEC_FLOOR
    )
    params = {"big": _VEC_BIG, "small": _VEC_SMALL, "full": _VEC_BIG // _VEC_SMALL}
    details.append((f"vector.loop.{part}" if loops else f"vector.ok.{part}", params))
    return loops


# ---------------------------------------------------------------- bonus: shared
_BONUS_SIZES = [3, 4, 1]
_BONUS_N = 8


def _bonus_data(ctx: Context):
    X = ctx.rng.normal(size=(_BONUS_N, _BONUS_SIZES[0]))  # (n, n_in)
    y = ctx.rng.permutation(np.arange(_BONUS_N) % 2).astype(float)  # (n,)
    params = _random_params(ctx.rng, _BONUS_SIZES)
    return X, y, params


def _switch_on(student, feature: str, **values):
    """(constructor keywords, hyperparameters in effect): the wanted values, else the student's own.

    When the student's switch does not take the values (a fixed β, say), the feature is
    switched on as it comes and its values are read from ``Student.defaults`` (helper B's
    detection), else assumed to be the common ones.
    """
    try:
        return student.options(feature, **values), dict(values)
    except Exception:  # values not adjustable: try the feature as it comes (a KeyError stays one below)
        pass
    keep = {k: v for k, v in values.items() if k == "method"}
    options = student.options(feature, **keep)
    defaults = getattr(student, "defaults", None)
    effect = dict(_COMMON)
    if callable(defaults):
        with contextlib.suppress(Exception):
            effect.update(defaults(feature) or {})
    effect.update(keep)
    return options, effect


def _gradient_at(ctx: Context, X, y, learning_rate, options=None):
    """θ (flat) -> the student's ∂L/∂θ (flat) at θ, from a probe model (never the one trained).

    With ``Student.gradients`` if it was found, else from one plain full-batch epoch:
    g = −Δθ/α (the training-loop check verifies that train does exactly this).
    """
    student = ctx.student
    probe = student.new(_BONUS_SIZES, activation="tanh", learning_rate=learning_rate, **(options or {}))

    def gradient(theta):
        student.set_params(probe, *_unflat(theta, _BONUS_SIZES))
        if student.has("gradients"):
            return _flat(student.gradients(probe, X, y))
        _train(student, probe, X, y, 1, None)
        return (theta - _flat(student.get_params(probe))) / learning_rate

    return gradient


def _trained(ctx: Context, X, y, params, learning_rate, options, epochs) -> np.ndarray:
    student = ctx.student
    model = student.new(_BONUS_SIZES, activation="tanh", learning_rate=learning_rate, **options)
    student.set_params(model, *params)
    _train(student, model, X, y, epochs, None)
    return _flat(student.get_params(model))


def _simulate(rule, gradient, theta0: np.ndarray, steps: int) -> np.ndarray:
    """θ after ``steps`` of ``rule(state, g, t) -> (Δθ, state)``, driven by the student's gradients."""
    theta, state = theta0.copy(), None
    for t in range(1, steps + 1):
        delta, state = rule(state, gradient(theta), t)
        theta = theta + delta
    return theta


def _match(ctx, X, y, params, learning_rate, options, rules, steps=(1, 3), tolerance=1e-6):
    """Which of ``rules`` {name: rule} the student's train follows: (name or None, errors so far)."""
    theta0 = _flat(params)
    gradient = _gradient_at(ctx, X, y, learning_rate)
    actual = {s: _trained(ctx, X, y, params, learning_rate, options, s) for s in steps}
    errors = {}
    for name, rule in rules.items():
        errors[name] = max(
            _relative(actual[s] - theta0, _simulate(rule, gradient, theta0, s) - theta0) for s in steps
        )
        if errors[name] < tolerance:
            return name, errors
    return None, errors


# ---------------------------------------------------------------- bonus: momentum
def _momentum_rules(alpha, beta):
    def sheet(v, g, t):
        v = beta * (0 if v is None else v) + (1 - beta) * g
        return -alpha * v, v

    def pytorch(v, g, t):
        v = beta * (0 if v is None else v) + g
        return -alpha * v, v

    def swapped(v, g, t):
        v = (1 - beta) * (0 if v is None else v) + beta * g
        return -alpha * v, v

    def plain(v, g, t):
        return -alpha * g, None

    def reset(v, g, t):  # the sheet's form with v = 0 at every epoch (full batch: every step)
        return -alpha * (1 - beta) * g, None

    return {"sheet": sheet, "pytorch": pytorch, "swapped": swapped, "plain": plain, "reset": reset}


_MOMENTUM_SCORE = {"sheet": 5.0, "pytorch": 3.0, "swapped": 1.0, "plain": 0.0, "reset": 1.0}


def _momentum(ctx: Context) -> Outcome:
    student = ctx.student
    X, y, params = _bonus_data(ctx)
    alpha, steps = 0.1, (1, 3)
    try:
        options, effect = _switch_on(student, "momentum", beta=0.9)
        beta = float(effect.get("beta", 0.9))
        found, errors = _match(ctx, X, y, params, alpha, options, _momentum_rules(alpha, beta), steps)
    except Exception as error:
        return _error("train with momentum", error)
    if found is None:
        return Outcome(0.0, "momentum.other", {"steps": max(steps), "error": errors["sheet"], "beta": beta})
    key = f"momentum.{found}"
    return Outcome(
        _MOMENTUM_SCORE[found],
        key,
        {"beta": beta, "steps": max(steps), "error": errors[found], "scale": 1.0 / (1.0 - beta)},
    )


# ---------------------------------------------------------------- bonus: l2
_LAMBDA = 0.05


def _l2(ctx: Context) -> Outcome:
    student = ctx.student
    X, y, params = _bonus_data(ctx)
    alpha = 0.1
    try:
        options, effect = _switch_on(student, "l2", lam=_LAMBDA)
        lam = float(effect.get("lam", _LAMBDA))
        try:
            off = student.options("l2", lam=0.0)
        except Exception:  # the student's default is off
            off = {}
    except Exception as error:
        return _error("the constructor with L2", error)
    where = "gradients"
    difference = None
    if student.has("gradients"):
        try:
            grads = []
            for opts in (options, off):
                probe = student.new(_BONUS_SIZES, activation="tanh", learning_rate=alpha, **opts)
                student.set_params(probe, *params)
                grads.append(_flat(student.gradients(probe, X, y)))
            difference = grads[0] - grads[1]
        except Exception as error:
            return _error("_backward with L2", error)
    if difference is None or not np.any(np.abs(difference) > 1e-12):
        where = "update"
        try:
            moved = [_trained(ctx, X, y, params, alpha, opts, 1) for opts in (options, off)]
        except Exception as error:
            return _error("train with L2", error)
        difference = -(moved[0] - moved[1]) / alpha  # what the update added to the gradient
        if not np.any(np.abs(difference) > 1e-12 * max(1.0, float(np.abs(_flat(params)).max()))):
            return Outcome(0.0, "l2.missing", {"lam": lam})
    where_text = "_backward" if where == "gradients" else "train"  # code names: the same in any language
    weight_diffs, bias_diffs = _unflat(difference, _BONUS_SIZES)
    weights = params[0]
    score, details = 0.0, []
    weight_points = 3.0
    for layer, (d, w) in enumerate(zip(weight_diffs, weights), start=1):
        target = lam * w
        factor = float(np.sum(d * target) / np.sum(target * target))
        common = {"where": where_text, "layer": layer, "lam": lam, "factor": factor}
        if _relative(d, 2 * target) < 1e-6:
            continue
        if _relative(d, factor * target) < 1e-6:
            if abs(factor - 1.0) < 1e-6:
                details.append(("l2.half", common))
                weight_points = min(weight_points, 1.5)
            else:
                details.append(("l2.factor", common))
                weight_points = 0.0
        else:
            details.append(("l2.shape", {**common, "error": _relative(d, 2 * target)}))
            weight_points = 0.0
    if where == "gradients" and weight_points == 3.0:
        weight_points = _l2_update_consistent(ctx, X, y, params, alpha, options, off, difference, details)
    score += weight_points
    if weight_points == 3.0:
        details.append(("l2.weights_ok", {"where": where_text}))
    bias_layers = [layer for layer, d in enumerate(bias_diffs, start=1) if np.any(np.abs(d) > 1e-9 * lam)]
    if bias_layers:
        details.append(("l2.biases", {"layer": bias_layers[0]}))
    else:
        score += 2.0
        details.append(("l2.biases_ok", {}))
    if score == 5.0:
        return Outcome(score, "l2.ok", {"where": where_text, "lam": lam})
    first = next(d for d in details if not d[0].endswith("_ok"))
    return Outcome(score, first[0], first[1], tuple(details))


def _l2_update_consistent(ctx, X, y, params, alpha, options, off, difference, details) -> float:
    """The weight points once _backward is right: does train's step use those gradients as they are?"""
    try:
        moved = [_trained(ctx, X, y, params, alpha, opts, 1) for opts in (options, off)]
    except Exception:  # a broken train is the training-loop checks' business
        return 3.0
    in_update = -(moved[0] - moved[1]) / alpha  # (flat) what λ changed in the step, as a gradient
    weights_only = np.concatenate([d.ravel() for d in _unflat(difference, _BONUS_SIZES)[0]])
    taken = np.concatenate([d.ravel() for d in _unflat(in_update, _BONUS_SIZES)[0]])
    factor = float(np.dot(taken, weights_only) / np.dot(weights_only, weights_only))
    if abs(factor - 2.0) < 1e-3:
        details.append(("l2.twice", {"factor": factor}))
        return 1.5
    return 3.0


# ---------------------------------------------------------------- bonus: adaptive
def _adam_rules(alpha, beta1, beta2, eps):
    def make(correct_m, correct_v, eps_inside=False):
        def rule(state, g, t):
            m, v = state if state is not None else (0.0, 0.0)
            m = beta1 * m + (1 - beta1) * g
            v = beta2 * v + (1 - beta2) * g * g
            m_hat = m / (1 - beta1**t) if correct_m else m
            v_hat = v / (1 - beta2**t) if correct_v else v
            root = np.sqrt(v_hat + eps) if eps_inside else np.sqrt(v_hat) + eps
            return -alpha * m_hat / root, (m, v)

        return rule

    def plain(state, g, t):
        return -alpha * g, None

    return {
        "ok": make(True, True),
        "ok_eps_inside": make(True, True, eps_inside=True),  # √(v̂ + ε): a common, accepted variant
        "no_bias_correction": make(False, False),
        "m_only": make(True, False),
        "v_only": make(False, True),
        "plain": plain,
    }


def _rmsprop_rules(alpha, rho, eps):
    def make(decay, corrected, eps_inside=False):
        def rule(s, g, t):
            s = decay * (0.0 if s is None else s) + (1 - decay) * g * g
            s_hat = s / (1 - decay**t) if corrected else s
            root = np.sqrt(s_hat + eps) if eps_inside else np.sqrt(s_hat) + eps
            return -alpha * g / root, s

        return rule

    def swapped(s, g, t):
        s = (1 - rho) * (0.0 if s is None else s) + rho * g * g
        return -alpha * g / (np.sqrt(s) + eps), s

    def plain(state, g, t):
        return -alpha * g, None

    return {
        "ok": make(rho, False),
        "ok_eps_inside": make(rho, False, eps_inside=True),  # √(s + ε): a common, accepted variant
        "bias_rms": make(rho, True),
        "swapped": swapped,
        "plain": plain,
    }


_ADAPTIVE_SCORE = {
    "ok": 5.0,
    "ok_eps_inside": 5.0,
    "bias_rms": 5.0,
    "no_bias_correction": 2.0,
    "m_only": 3.0,
    "v_only": 3.0,
    "swapped": 1.0,
    "plain": 0.0,
}


def _adaptive_one(ctx: Context, method: str, X, y, params, options, effect) -> Outcome:
    alpha, steps = 0.01, (1, 2, 3)
    eps = float(effect.get("eps", 1e-8))
    if method == "adam":
        rules = _adam_rules(alpha, float(effect.get("beta1", 0.9)), float(effect.get("beta2", 0.999)), eps)
        name, formula = "Adam", _ADAM_FORMULA
    else:
        rules = _rmsprop_rules(alpha, float(effect.get("rho", 0.9)), eps)
        name, formula = "RMSprop", _RMSPROP_FORMULA
    found, errors = _match(ctx, X, y, params, alpha, options, rules, steps, tolerance=1e-4)
    if found is None:
        return Outcome(
            0.0,
            "adaptive.other",
            {"method": name, "steps": max(steps), "error": errors["ok"], "formula": formula},
        )
    params_out = {"method": name, "steps": max(steps), "error": errors[found]}
    if found == "bias_rms":
        return Outcome(_ADAPTIVE_SCORE[found], "adaptive.ok_bias_rms", params_out)
    if found == "ok_eps_inside":
        return Outcome(_ADAPTIVE_SCORE[found], "adaptive.ok", params_out)
    return Outcome(_ADAPTIVE_SCORE[found], f"adaptive.{found}", params_out)


def _adaptive(ctx: Context) -> Outcome:
    student = ctx.student
    X, y, params = _bonus_data(ctx)
    defaults = {"adam": {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}, "rmsprop": {"rho": 0.9, "eps": 1e-8}}
    outcomes, reasons = [], []
    for method in ("adam", "rmsprop"):
        try:
            options, effect = _switch_on(student, "adaptive", method=method, **defaults[method])
        except Exception as error:  # the student has not got this method
            reasons.append(f"{method}: {describe_error(error)}")
            continue
        try:
            outcomes.append(_adaptive_one(ctx, method, X, y, params, options, effect))
        except Exception as error:
            outcomes.append(_error(f"train with {method}", error))
    if not outcomes:
        return Outcome(0.0, "adaptive.none", {"why": "; ".join(reasons)[:200]})
    # both methods present: both are graded, so that a broken one costs points (the mean)
    worst = min(outcomes, key=lambda o: o.score)
    details = tuple((o.key, o.params) for o in outcomes)
    score = sum(o.score for o in outcomes) / len(outcomes)
    return Outcome(score, worst.key, worst.params, details if len(outcomes) > 1 else ())


# ---------------------------------------------------------------- the checks
CHECKS = [
    Check("training_loop.batches", "training_loop", 2, _training_batches),
    Check("training_loop.shuffle", "training_loop", 1, _training_shuffle),
    Check("training_loop.learning_rate", "training_loop", 1, _training_learning_rate, needs=("params",)),
    Check("training_loop.xor", "training_loop", 2, _training_xor),
    Check("predict_score.predict", "predict_score", 2, _predict_labels),
    Check("predict_score.score", "predict_score", 1, _predict_score),
    Check("vectorization.timing", "vectorization", 2, _vectorization),
    Check("momentum.update", "momentum", 5, _momentum, needs=("params", "momentum")),
    Check("l2.penalty", "l2", 5, _l2, needs=("params", "l2")),
    Check("adaptive.update", "adaptive", 5, _adaptive, needs=("params", "adaptive")),
]
