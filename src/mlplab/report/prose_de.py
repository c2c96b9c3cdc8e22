"""Der Text des Berichts auf Deutsch. Dieselben Schlüssel und Platzhalter wie ``prose_en``.

``{name}``: eine Zahl aus den Ergebnissen (siehe ``facts.py``); ``{m:name}``:
Formel im Fließtext (``blocks.INLINE``); ```code```: Code.
"""

TEXT: dict[str, str] = {
    "title": "Multi-Layer Perceptrons und Backpropagation",
    "subtitle": "Deep Learning, Übungsblatt 2 (FH Südwestfalen): Herleitungen, Implementierung, Experimente",
    "generated": "Erstellt von `mlplab all` (mlplab {version}) aus den dabei berechneten Ergebnissen, Seed {seed}. "
    "Jede Zahl in diesem Bericht stammt aus diesen Ergebnissen oder wird von der Bibliothek berechnet.",
    "missing_figure": "Abbildung nicht gefunden (zuerst das Experiment ausführen)",
    # ------------------------------------------------------------------ 1
    "h_backprop": "Backpropagation-Algorithmus",
    "h_derivation": "Mathematische Herleitung (Aufgabe 1.1)",
    "derivation_intro": "Das Netz des Übungsblatts bildet eine Eingabe x ∈ ℝ² über zwei Sigmoid-Schichten mit "
    "drei und zwei Neuronen auf ein Sigmoid-Ausgabeneuron ab und wird mit der binären Kreuzentropie trainiert:",
    "derivation_sigmoid": "Jeder der folgenden Schritte benutzt die Ableitung der logistischen Funktion, die "
    "sich durch ihren eigenen Wert ausdrücken lässt:",
    "h_task_a": "(a) Der Fehler am Ausgang",
    "derivation_a": "Der Loss hängt von z⁽³⁾ nur über ŷ = σ(z⁽³⁾) ab; die Kettenregel liefert zwei Faktoren:",
    "derivation_a_note": "Der Faktor ŷ(1 − ŷ) der Ausgangs-Sigmoid kürzt sich gegen die Nenner der "
    "Kreuzentropie. Deshalb ist der Loss auf den Logits implementiert: Der Ausgangsfehler ist einfach "
    "{m:yhat_minus_y}, er verschwindet nie, wie gesättigt das Ausgabeneuron auch ist, und es wird nie der "
    "Logarithmus von 0 gebildet (die Bibliothek berechnet L = log(1 + e^z) − y z mit `np.logaddexp`).",
    "h_task_b": "(b) Gradienten der Ausgabeschicht",
    "derivation_b": "Da z⁽³⁾ = w⁽³⁾ᵀ a⁽²⁾ + b⁽³⁾ linear in w⁽³⁾ und b⁽³⁾ ist, mit ∂z⁽³⁾/∂w⁽³⁾ = a⁽²⁾ "
    "und ∂z⁽³⁾/∂b⁽³⁾ = 1:",
    "h_task_c": "(c) Zurück zur zweiten versteckten Schicht",
    "derivation_c": "z⁽³⁾ hängt über dieselbe lineare Abbildung von a⁽²⁾ ab, mit ∂z⁽³⁾/∂a⁽²⁾ = w⁽³⁾:",
    "h_task_d": "(d) Gradienten von Hidden Layer 2",
    "derivation_d": "Die Sigmoid-Funktion wirkt elementweise, ihre Jacobi-Matrix ist also die Diagonalmatrix "
    "diag(σ'(z⁽²⁾)), und die Kettenregel wird zu einem elementweisen Produkt (⊙):",
    "derivation_d2": "Neuron i der Schicht 2 erhält a⁽¹⁾ⱼ über das Gewicht W⁽²⁾ᵢⱼ, also ∂zᵢ⁽²⁾/∂W⁽²⁾ᵢⱼ = a⁽¹⁾ⱼ: "
    "Der Gewichtsgradient ist ein äußeres Produkt, der Bias-Gradient ist der Fehler selbst.",
    "h_task_e": "(e) Gradienten von Hidden Layer 1",
    "derivation_e": "Dieselben zwei Schritte noch einmal, eine Schicht tiefer: zurück durch W⁽²⁾ (transponiert), "
    "dann durch die Sigmoid-Funktion von Schicht 1; die Eingabe x spielt die Rolle von a⁽⁰⁾.",
    "derivation_general": "Allgemein wird der Fehler für eine Schicht l mit Aktivierung f durch ein "
    "Matrixprodukt und ein elementweises Produkt rückwärts weitergegeben, und die Gradienten jeder Schicht "
    "ergeben sich aus ihrem Fehler und ihrer Eingabe:",
    "h_batch": "Vektorisierte Form für einen Mini-Batch",
    "derivation_batch": "Die Implementierung verarbeitet n Beispiele auf einmal. Mit den Beispielen als Zeilen, "
    "X der Form {m:X_shape}, und den Gewichten wie W⁽ˡ⁾ im Übungsblatt mit der Form {m:W_shape}, "
    "ist der Forward Pass ein Matrixprodukt pro Schicht:",
    "derivation_batch_note": "Der Loss ist der Mittelwert über den Batch, daher der Faktor 1/n im "
    "Ausgangsfehler; die Summe über den Batch steckt in den Matrixprodukten Δᵀ A. Der Term {m:two_lambda_W} "
    "ist der Gradient der L2-Strafe aus Aufgabe 4.1 (b) (null, solange λ = 0). Diese vier Zeilen berechnen "
    "`Linear.backward` und `ActivationLayer.backward`; die Gradientenprüfung unten bestätigt sie.",
    "h_numeric": "Numerisches Beispiel (Aufgabe 1.2)",
    "numeric_intro": "Forward und Backward Pass für x = (0.5, 0.8)ᵀ, y = 1 und die Gewichte des Übungsblatts. "
    "Die Zahlen berechnen die Schichten der Bibliothek selbst (`mlplab.trace.sheet_trace`); die Testsuite "
    "vergleicht sie mit einer unabhängigen, von Hand geschriebenen Rechnung auf 1e-10 genau.",
    "cap_trace_forward": "Aufgabe 1.2 (a) und (b): Forward Pass und Loss.",
    "numeric_forward_note": "Das Netz sagt ŷ = {trace_yhat} für ein Beispiel der Klasse 1 voraus, der Loss "
    "ist also L = −log ŷ = {trace_loss}.",
    "cap_trace_backward": "Aufgabe 1.2 (c): alle Gradienten des Backward Pass und für jeden Parametergradienten "
    "sein relativer Fehler gegenüber Richardson-extrapolierten zentralen Differenzenquotienten.",
    "numeric_backward_note": "Der Ausgangsfehler ist ∂L/∂z⁽³⁾ = ŷ − y = {trace_dz3}; er schrumpft mit jeder "
    "Schicht, die er zurückläuft, etwa um den Faktor zehn, weil σ′ ≤ 1/4 ist und die Gewichte kleiner als 1 "
    "sind. Die Prüfung mit Differenzenquotienten stimmt mit jedem analytischen Gradienten bis auf einen "
    "relativen Fehler von höchstens {gradcheck_max} überein.",
    # ------------------------------------------------------------------ 2
    "h_implementation": "Implementierung eines MLP",
    "h_class": "Die MLP-Klasse (Aufgabe 2.1)",
    "impl_intro": "`mlplab.MLP` hat genau die Schnittstelle des Übungsblatts: `MLP(layer_sizes, "
    "activation='sigmoid', learning_rate=0.01)`, `_initialize_weights()`, `_forward(X)`, `_backward(X, y)`, "
    "`train(X, y, epochs=1000, batch_size=None, verbose=False)`, `predict(X)` und `score(X, y)`. "
    "Zusätzliche Optionen sind nur als Schlüsselwort möglich: `optimizer`, `l2`, `seed`, `init` und die "
    "Einstellungen für Early Stopping.",
    "impl_layout": "Die Klasse ist eine dünne Fassade über einer kleinen Bibliothek (`mlplab.nn`), die das "
    "Übungsblatt nicht kennt. Ein Netz ist eine Liste von Schichten, Linear → Aktivierung → … → Linear; der "
    "Forward Pass jeder Schicht speichert genau das, was ihr Backward Pass braucht, und der Backward Pass "
    "schreibt die Parametergradienten der Schicht und gibt den Gradienten nach ihrer Eingabe zurück. Alle "
    "Parameter liegen in einem flachen Vektor, W und b jeder Schicht sind umgeformte Sichten darauf, ebenso "
    "die Gradienten. Ein Optimierungsschritt ist so ein einziger vektorisierter Ausdruck, die "
    "Gradientenprüfung stört einen Vektor, und `model.weights[l]` (Form (n_out, n_in), genau W⁽ˡ⁺¹⁾ des "
    "Übungsblatts) kann direkt beschrieben werden.",
    "impl_init": "Die Gewichte werden für Sigmoid und tanh mit Xavier/Glorot und für ReLU mit He "
    "initialisiert, die Biases beginnen bei null; beides folgt aus dem Varianzargument von Aufgabe 3.1 (b):",
    "impl_forward_backward": "Die Ausgabeschicht ist linear: Das Netz gibt Logits aus, und der Loss wendet "
    "seine eigene Ausgangsaktivierung an (Sigmoid mit binärer Kreuzentropie für ein Ausgabeneuron, Softmax "
    "mit kategorialer Kreuzentropie für mehrere). Die logistische Funktion wird als 1/(1 + e^(−z)) "
    "berechnet, der Überlauf für sehr negative z wird unterdrückt: Dort ist das Ergebnis exakt (0), "
    "anderswo bleibt die relative Genauigkeit erhalten.",
    "impl_training": "`train` führt Mini-Batch-Gradientenabstieg aus: Jede Epoche zieht eine Permutation aus "
    "dem geseedeten Generator des Modells, ordnet die Daten einmal danach und läuft über zusammenhängende "
    "Abschnitte; der letzte, kleinere Batch wird behalten. Es gibt keine Schleife über Beispiele: Jeder "
    "Schritt besteht aus wenigen NumPy-Aufrufen pro Schicht. Die Schleife protokolliert Trainingsloss und "
    "-genauigkeit pro Epoche (und die Validierungswerte), stoppt früh bei einem Plateau des "
    "Validierungsloss und stellt die besten Gewichte wieder her, und sie bricht mit einer klaren "
    "Fehlermeldung ab, wenn der Loss explodiert oder nicht endlich wird, wobei die letzten endlichen "
    "Gewichte erhalten bleiben. Optimierer: SGD, Momentum in der Form des Übungsblatts, RMSprop und Adam.",
    "impl_quality": "Die Qualität zeigt die Testsuite: die Zahlen von Aufgabe 1.2 gegen eine unabhängige "
    "Rechnung; Gradientenprüfungen für Sigmoid, tanh und ReLU, Sigmoid- und Softmax-Ausgang, mit und ohne "
    "L2, auf mehreren Architekturen (samt einem Test, der einen falschen Faktor in einen Backward Pass "
    "einbaut und zeigt, dass die Prüfung ihn findet); jeder Optimierungsschritt gegen seine Formel; XOR mit "
    "20 Seeds; Property-Tests mit zufälligen Formen; und über hundert fehlerhafte Eingaben, die mit einer "
    "Meldung abgelehnt werden müssen, die das Argument nennt.",
    "h_experiments": "Experimentelle Evaluierung (Aufgabe 2.2)",
    "h_xor": "(a) XOR-Problem",
    "xor_setup": "Ein [2, 4, 1]-Netz mit {xor_activation}-Neuronen, trainiert mit Full-Batch-Gradientenabstieg, "
    "Lernrate {xor_lr}, {xor_epochs} Epochen.",
    "cap_xor": "XOR: Trainingsloss über die Epochen (logarithmisch) und die gelernte Entscheidungsgrenze; die "
    "schwarze Linie ist ŷ = 0,5.",
    "xor_result": "Das Netz klassifiziert alle vier Punkte richtig (Genauigkeit {xor_accuracy}); ab Epoche "
    "{xor_epochs_to_100} liegt jeder Punkt auf der richtigen Seite, und der Loss fällt auf {xor_final_loss}. "
    "Das lange Plateau am Anfang ist typisch für XOR: Bei kleinen Gewichten sind die vier Punkte für das Netz "
    "fast symmetrisch, und es dauert, bis sich die versteckten Neuronen spezialisieren.",
    "cap_xor_success": "XOR: Anteil der Seeds, die 100 % Genauigkeit erreichen, je Aktivierung.",
    "cap_xor_success_fig": "XOR-Erfolgsquote über die Seeds.",
    "xor_discussion": "Ein glücklicher Seed beweist wenig, deshalb wurde der Lauf mit {xor_seeds} Seeds je "
    "Aktivierung wiederholt: Sigmoid löste {xor_solved_sigmoid}, tanh {xor_solved_tanh} und ReLU "
    "{xor_solved_relu}. Mit nur vier ReLU-Neuronen bekommt ein Neuron, das für alle vier Punkte inaktiv ist, "
    "keinen Gradienten mehr (ein „totes“ Neuron), und es bleiben unter Umständen zu wenige Neuronen, um die "
    "XOR-Bereiche abzugrenzen.",
    # ------------------------------------------------------------------ repro
    "h_reproducibility": "Reproduzierbarkeit",
    "repro_text": "Alles in diesem Bericht schreibt ein einziger Befehl, `mlplab all`, der jedes Experiment "
    "und danach diesen Bericht ausführt. Jede Zufallszahl stammt aus einem NumPy-Generator, der aus dem "
    "Master-Seed (`--seed`, hier {seed}) abgeleitet ist; jeder Lauf einer Parameterstudie bekommt seinen "
    "eigenen Seed aus einer SeedSequence, sodass die Ergebnisse nicht von der Zahl der Prozesse abhängen. "
    "Ein erneuter Aufruf liefert auf derselben Maschine bitgenau dieselben Metriken.",
    "cap_seeds": "Experimente, ihre Seeds und Laufzeiten.",
    "cap_versions": "Softwareversionen.",
    # ------------------------------------------------------------------ tables
    "col_task": "Aufgabe",
    "col_quantity": "Größe",
    "col_value": "Wert",
    "col_fd_error": "Differenzen-Prüfung (rel. Fehler)",
    "col_package": "Paket",
    "col_version": "Version",
    "col_experiment": "Experiment",
    "col_seed": "Seed",
    "col_time": "Zeit",
    "col_activation": "Aktivierung",
    "col_solved": "Gelöst",
    "col_rate": "Quote",
    "col_median_epochs": "Median Epochen bis 100 %",
    "trace_task_a": "(a)",
    "trace_task_b": "(b)",
    "trace_task_c": "(c)",
}
