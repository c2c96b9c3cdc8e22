"""Der Text des Berichts auf Deutsch. Dieselben Schlüssel und Platzhalter wie ``prose_en``.

``{name}``: eine Zahl aus den Ergebnissen (die Fakten ihres Abschnitts in ``sections/``); ``{m:name}``:
Formel im Fließtext (``blocks.INLINE``); ```code```: Code.
"""

TEXT: dict[str, str] = {
    "title": "Multi-Layer Perceptrons und Backpropagation",
    "subtitle": "Deep Learning, Übungsblatt 2 (FH Südwestfalen): Herleitungen, Implementierung, Experimente",
    "generated_all": "Erstellt von `mlplab all` (mlplab {version}), das jedes Experiment ausgeführt und dann "
    "diesen Bericht geschrieben hat. Jede Zahl darin stammt aus diesen Ergebnissen oder wird von der "
    "Bibliothek berechnet.",
    "generated_report": "Erstellt von `mlplab report` (mlplab {version}) aus den Ergebnissen in seinem Ordner "
    "(es führt nur die Experimente aus, deren Ergebnisse fehlen). Jede Zahl darin stammt aus diesen "
    "Ergebnissen oder wird von der Bibliothek berechnet.",
    "generated_other": "Erstellt von mlplab {version} aus den Ergebnissen in seinem Ordner. Jede Zahl darin "
    "stammt aus diesen Ergebnissen oder wird von der Bibliothek berechnet.",
    "inputs_full": "Grundlage sind vollständige Ergebnisse: Jedes Experiment lief mit seinen "
    "Standardeinstellungen.",
    "inputs_quick": "Grundlage sind schnelle Ergebnisse (`--quick`): Jedes Experiment lief "
    "mit den verkleinerten Einstellungen unten, für einen ersten Blick in Sekunden. Die Zahlen und Aussagen "
    "des Textes sind die dieser kleinen Läufe, nicht die der vollständigen Experimente (`mlplab all`).",
    "inputs_own": "Grundlage sind Ergebnisse mit eigenen Einstellungen: Die Tabelle nennt "
    "jede Einstellung, die vom Standard abweicht; der Text beschreibt diese Ergebnisse.",
    "inputs_mix": "Grundlage ist eine Mischung von Ergebnissen: Die Tabelle sagt für jedes "
    "Experiment, ob es mit den vollständigen Einstellungen, mit `--quick` oder mit eigenen Einstellungen "
    "lief, und nennt jede Einstellung, die vom Standard abweicht. Jeder Abschnitt beschreibt die Ergebnisse "
    "seines Experiments.",
    "inputs_seed_one": "Hauptstartwert: {seed}.",
    "inputs_seed_many": "Die Experimente liefen mit verschiedenen Hauptstartwerten ({seed}); die Tabelle nennt den jedes Experiments.",
    "inputs_none": "Erstellt ohne Ergebnisse von Experimenten: nur die Herleitungen und die Implementierung.",
    "kind_full": "vollständig",
    "kind_quick": "schnell (`--quick`)",
    "kind_own": "eigene Einstellungen",
    "cap_inputs": "Die Ergebnisse, aus denen dieser Bericht erstellt wurde: je Experiment die Einstellungen, "
    "die vom Standard abweichen (Standard in Klammern).",
    "missing_figure": "Abbildung nicht gefunden (zuerst das Experiment ausführen)",
    "nb_setup": "Vorbereitung: Dieses Notebook braucht nur mlplab. Die Zelle unten legt fest, wie es "
    "seine Ergebnisse findet: für jedes Experiment den Ordner `<experiment>/` neben diesem Notebook (dorthin "
    "schreibt sie `mlplab all`), wenn er eine `metrics.json` enthält; sonst führt das Notebook das "
    "Experiment selbst aus, mit seinen `--quick`-Einstellungen und dem Startwert dieses Berichts, nach "
    "`mlplab-quick/<experiment>/`. `metrics(name)` liest die `metrics.json` eines Experiments, "
    "`RESULTS / name` ist sein Ordner, und `show(path)` zeigt eine seiner Abbildungen und sagt, welche "
    "Ergebnisse sie zeigt. Die Zahlen im Text sind die der Ergebnisse, aus denen dieser Bericht erstellt "
    "wurde (siehe oben); eine Abbildungs- oder Codezelle zeigt die Ergebnisse, die sie findet oder erzeugt.",
    "nb_origins": "Welche Ergebnisse dieses Notebook je Experiment verwendet (ein Experiment ohne "
    "Ergebnisse neben dem Notebook läuft jetzt in verkleinerter Form: einige Sekunden bis eine Minute).",
    "nb_code": "Die Zelle unten berechnet diese Zahlen neu, aus den verwendeten Ergebnissen.",
    "nb_quick": "schnelle Einstellungen",
    "nb_full": "vollständige Einstellungen",
    "nb_own": "eigene Einstellungen:",
    "nb_here": "die Ergebnisse neben diesem Notebook,",
    "nb_made": "schnelle Ergebnisse, von diesem Notebook berechnet,",
    "nb_seed": "Startwert",
    "nb_shows": "Zeigt",
    # ------------------------------------------------------------------ 1
    "h_backprop": "Backpropagation-Algorithmus",
    "h_derivation": "Mathematische Herleitung (Aufgabe 1.1)",
    "derivation_intro": "Das Netz des Übungsblatts bildet eine Eingabe x ∈ ℝ² über zwei Sigmoid-Schichten mit "
    "drei und zwei Neuronen auf ein Sigmoid-Ausgabeneuron ab und wird mit der binären Kreuzentropie trainiert:",
    "derivation_sigmoid": "Jeder der folgenden Schritte benutzt die Ableitung der logistischen Funktion, die "
    "sich durch ihren eigenen Wert ausdrücken lässt:",
    "h_task_a": "(a) Der Fehler am Ausgang",
    "derivation_a": "Der Verlust hängt von z⁽³⁾ nur über ŷ = σ(z⁽³⁾) ab; die Kettenregel liefert zwei Faktoren:",
    "derivation_a_note": "Der Faktor ŷ(1 − ŷ) der Ausgangs-Sigmoid kürzt sich gegen die Nenner der "
    "Kreuzentropie. Deshalb ist der Verlust auf den Logits implementiert: Der Ausgangsfehler ist einfach "
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
    "derivation_batch_note": "D ist die Zahl der Schichten mit Gewichten (D = 3 für das Netz des "
    "Übungsblatts); der Buchstabe L bezeichnet durchweg den Verlust. Der Verlust ist der Mittelwert über den "
    "Batch, daher der Faktor 1/n im "
    "Ausgangsfehler; die Summe über den Batch steckt in den Matrixprodukten Δᵀ A. Der Term {m:two_lambda_W} "
    "ist der Gradient der L2-Strafe aus Aufgabe 4.1 (b) (null, solange λ = 0). Diese vier Zeilen berechnen "
    "`Linear.backward` und `ActivationLayer.backward`; die Gradientenprüfung unten bestätigt sie.",
    "h_numeric": "Numerisches Beispiel (Aufgabe 1.2)",
    "numeric_intro": "Forward und Backward Pass für x = (0.5, 0.8)ᵀ, y = 1 und die Gewichte des Übungsblatts. "
    "Die Zahlen berechnen die Schichten der Bibliothek selbst (`mlplab.trace.sheet_trace`); die Testsuite "
    "vergleicht sie mit einer unabhängigen, von Hand geschriebenen Rechnung auf 1e-10 genau.",
    "cap_trace_forward": "Aufgabe 1.2 (a) und (b): Forward Pass und Verlust.",
    "numeric_forward_note": "Das Netz sagt ŷ = {trace_yhat} für ein Beispiel der Klasse 1 voraus, der Verlust "
    "ist also L = −log ŷ = {trace_loss}.",
    "cap_trace_backward": "Aufgabe 1.2 (c): alle Gradienten des Backward Pass und für jeden Parametergradienten "
    "sein relativer Fehler gegenüber Richardson-extrapolierten zentralen Differenzenquotienten.",
    "numeric_backward_note": "Der Ausgangsfehler ist ∂L/∂z⁽³⁾ = ŷ − y = {trace_dz3}. Die Prüfung mit "
    "Differenzenquotienten stimmt mit jedem analytischen Gradienten bis auf einen relativen Fehler von "
    "höchstens {gradcheck_max} überein.",
    "numeric_worked_intro": "Ein Pfad Schritt für Schritt: Neuron 1 jeder Schicht vorwärts, dann der Fehler "
    "entlang derselben Neuronen zurück, mit einem Gewichtsgradienten pro Schicht. Der Code des Berichts setzt "
    "die Zahlen der Aufzeichnung in die Formeln von Aufgabe 1.1 ein (die Vorgaben des Übungsblatts wie dort "
    "geschrieben, berechnete Zahlen auf vier signifikante Stellen), es sind also die Zahlen der Tabellen "
    "oben, und ein Test rechnet jede rechte Seite aus den gezeigten Operanden nach. In z₁⁽²⁾ gehen alle drei "
    "Ausgaben von Schicht 1 ein; a₂⁽¹⁾ und a₃⁽¹⁾ entstehen wie a₁⁽¹⁾ (Tabelle oben), und ∂L/∂a₁⁽¹⁾ braucht beide "
    "Fehler von Schicht 2, δ⁽²⁾₂ wie δ⁽²⁾₁. Jeder Fehler entsteht in zwei Schritten wie in Aufgabe 1.1 (c) "
    "und (d): zurück durch die Gewichte zu ∂L/∂a, dann durch die Sigmoid-Funktion.",
    "col_formula": "Formel",
    "col_numbers": "Mit den Zahlen",
    "cap_worked_forward": "Aufgabe 1.2 (a) und (b) für einen Pfad: die Zahlen des Übungsblatts in den Formeln.",
    "cap_worked_backward": "Aufgabe 1.2 (c) entlang desselben Pfads: der Ausgangsfehler, der Fehler von "
    "Neuron 1 der Schichten 2 und 1 und ein Gewichtsgradient pro Schicht.",
    "numeric_error_shrinks": "Auf dem Weg zurück schrumpft der Fehler in jeder Schicht: ‖δ⁽³⁾‖ = "
    "{trace_norm_dz3}, ‖δ⁽²⁾‖ = {trace_norm_dz2} und ‖δ⁽¹⁾‖ = {trace_norm_dz1}, um den Faktor "
    "{trace_factor_2} von Schicht 3 zu Schicht 2 und um den Faktor {trace_factor_1} von Schicht 2 zu "
    "Schicht 1 (δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾).",
    "numeric_error_grows": "Auf dem Weg zurück wächst der Fehler in jeder Schicht: ‖δ⁽³⁾‖ = {trace_norm_dz3}, "
    "‖δ⁽²⁾‖ = {trace_norm_dz2} und ‖δ⁽¹⁾‖ = {trace_norm_dz1}; ‖δ⁽ˡ⁺¹⁾‖/‖δ⁽ˡ⁾‖ ist {trace_factor_2} und "
    "{trace_factor_1} (δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾).",
    "numeric_error_mixed": "Auf dem Weg zurück ändert sich der Fehler von Schicht zu Schicht verschieden: "
    "‖δ⁽³⁾‖ = {trace_norm_dz3}, ‖δ⁽²⁾‖ = {trace_norm_dz2} und ‖δ⁽¹⁾‖ = {trace_norm_dz1}; ‖δ⁽ˡ⁺¹⁾‖/‖δ⁽ˡ⁾‖ "
    "ist {trace_factor_2} und {trace_factor_1} (δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾).",
    "numeric_cause_sigmoid": "Jeder Faktor ist das Produkt zweier Schritte der Rekursion. Zurück durch die "
    "Gewichte ist ‖δ⁽ˡ⁺¹⁾‖/‖∂L/∂a⁽ˡ⁾‖ gleich {trace_factor_w_2} (Schicht 2) und {trace_factor_w_1} "
    "(Schicht 1); zurück durch die Sigmoid-Funktion ist ‖∂L/∂a⁽ˡ⁾‖/‖δ⁽ˡ⁾‖ gleich {trace_factor_s_2} und "
    "{trace_factor_s_1}, mindestens 4, weil σ′ ≤ 1/4 ist (hier ist σ′(z⁽ˡ⁾) höchstens {trace_sp_max_2} in "
    "Schicht 2 und {trace_sp_max_1} in Schicht 1, alle Neuronen liegen nahe z = 0). Die Ableitung der "
    "Sigmoid-Funktion ist in beiden Schichten der größere Teil.",
    "numeric_cause_weights": "Jeder Faktor ist das Produkt zweier Schritte der Rekursion. Zurück durch die "
    "Gewichte ist ‖δ⁽ˡ⁺¹⁾‖/‖∂L/∂a⁽ˡ⁾‖ gleich {trace_factor_w_2} (Schicht 2) und {trace_factor_w_1} "
    "(Schicht 1); zurück durch die Sigmoid-Funktion ist ‖∂L/∂a⁽ˡ⁾‖/‖δ⁽ˡ⁾‖ gleich {trace_factor_s_2} und "
    "{trace_factor_s_1}, mindestens 4, weil σ′ ≤ 1/4 ist (hier ist σ′(z⁽ˡ⁾) höchstens {trace_sp_max_2} in "
    "Schicht 2 und {trace_sp_max_1} in Schicht 1). Die Gewichte sind in beiden Schichten der größere Teil.",
    "numeric_cause_both": "Jeder Faktor ist das Produkt zweier Schritte der Rekursion. Zurück durch die "
    "Gewichte ist ‖δ⁽ˡ⁺¹⁾‖/‖∂L/∂a⁽ˡ⁾‖ gleich {trace_factor_w_2} (Schicht 2) und {trace_factor_w_1} "
    "(Schicht 1); zurück durch die Sigmoid-Funktion ist ‖∂L/∂a⁽ˡ⁾‖/‖δ⁽ˡ⁾‖ gleich {trace_factor_s_2} und "
    "{trace_factor_s_1}, mindestens 4, weil σ′ ≤ 1/4 ist (hier ist σ′(z⁽ˡ⁾) höchstens {trace_sp_max_2} in "
    "Schicht 2 und {trace_sp_max_1} in Schicht 1). Welcher Teil größer ist, unterscheidet sich zwischen "
    "den Schichten.",
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
    "impl_init": "`_initialize_weights` zieht die Gewichte für Sigmoid und tanh nach Xavier/Glorot "
    "(gleichverteilt, U(−r, r) mit r = √(6/(n_in + n_out))) und für ReLU nach He (normalverteilt, "
    "N(0, 2/n_in)); die Biases beginnen bei null. Beide Regeln werden in Aufgabe 3.1 (b) hergeleitet, die "
    "auch zeigt, warum Xavier für die Sigmoid-Funktion eine Konvention ist und nicht das, was die Herleitung "
    "ergibt:",
    "impl_forward_backward": "Die Ausgabeschicht ist linear: Das Netz gibt Logits aus, und der Verlust wendet "
    "seine eigene Ausgangsaktivierung an (Sigmoid mit binärer Kreuzentropie für ein Ausgabeneuron, Softmax "
    "mit kategorialer Kreuzentropie für mehrere). Die logistische Funktion wird als 1/(1 + e^(−z)) "
    "berechnet, der Überlauf für sehr negative z wird unterdrückt: Dort ist das Ergebnis exakt (0), "
    "anderswo bleibt die relative Genauigkeit erhalten.",
    "impl_training": "`train` führt Mini-Batch-Gradientenabstieg aus: Jede Epoche zieht eine Permutation aus "
    "dem mit einem Startwert initialisierten Generator des Modells, ordnet die Daten einmal danach und läuft über zusammenhängende "
    "Abschnitte; der letzte, kleinere Batch wird behalten. Es gibt keine Schleife über Beispiele: Jeder "
    "Schritt besteht aus wenigen NumPy-Aufrufen pro Schicht. Die Schleife protokolliert Trainingsverlust und "
    "-genauigkeit pro Epoche (und die Validierungswerte), stoppt früh bei einem Plateau des "
    "Validierungsverlusts und stellt die besten Gewichte wieder her, und sie bricht mit einer klaren "
    "Fehlermeldung ab, wenn der Verlust explodiert oder nicht endlich wird, wobei die letzten endlichen "
    "Gewichte erhalten bleiben. Optimierer: SGD, Momentum in der Form des Übungsblatts, RMSprop und Adam.",
    "h_code": "Der Code (Aufgabe 2.1)",
    "impl_code_intro": "Die folgenden Listings sind der Code der Bibliothek selbst, beim Erstellen dieses "
    "Berichts aus ihren Quelldateien gelesen (jeweils mit Datei, Name und Zeile; Docstrings auf ihre erste "
    "Zeile gekürzt): Es ist der Code, der jede Zahl dieses Berichts berechnet hat.",
    "impl_code_sheet": "Die Methoden des Übungsblatts: `_initialize_weights` zieht die Gewichte, `_forward` "
    "behält Eingabe und Ausgabe jeder Schicht, `_backward` macht aus ŷ − y alle ∂L/∂W⁽ˡ⁾ und ∂L/∂b⁽ˡ⁾ des "
    "mittleren Verlusts, und `train` übergibt die Daten der Mini-Batch-Schleife unten.",
    "impl_code_layers": "Forward und Backward Pass. Eine lineare Schicht berechnet Z = A Wᵀ + b für einen "
    "ganzen Batch und schreibt rückwärts mit δ = ∂L/∂Z die Gradienten ∂L/∂W = δᵀA und ∂L/∂b = Σᵢ δᵢ und gibt "
    "∂L/∂A = δW zurück (Gleichungen von Aufgabe 1.1). Eine Aktivierungsschicht multipliziert δ mit f′(z), "
    "berechnet aus ihrer gespeicherten Ausgabe: σ′ = a(1 − a), tanh′ = 1 − a², ReLU′ = [a > 0]. Der "
    "Gradient des Verlusts nach den Logits ist (ŷ − y)/n, das ∂L/∂z⁽³⁾ des Übungsblatts, gemittelt über "
    "den Batch.",
    "impl_code_init": "Die Initialisierungen: Xavier (gleichverteilt) für Sigmoid und tanh, He (normalverteilt) "
    "für ReLU.",
    "impl_code_loop": "Die Trainingsschleife: eine Permutation pro Epoche, dann zusammenhängende Mini-Batches "
    "von `batch_size` Zeilen (der letzte, kleinere bleibt erhalten); jeder Schritt ist ein Forward und "
    "Backward Pass (`objective`) und ein Optimiererschritt auf dem flachen Parametervektor.",
    "impl_quality": "Die Qualität zeigt die Testsuite: die Zahlen von Aufgabe 1.2 gegen eine unabhängige "
    "Rechnung; Gradientenprüfungen für Sigmoid, tanh und ReLU, Sigmoid- und Softmax-Ausgang, mit und ohne "
    "L2, auf mehreren Architekturen (samt einem Test, der einen falschen Faktor in einen Backward Pass "
    "einbaut und zeigt, dass die Prüfung ihn findet); jeder Optimierungsschritt gegen seine Formel; XOR mit "
    "20 Startwerten; Property-Tests mit zufälligen Formen; und über hundert fehlerhafte Eingaben, die mit einer "
    "Meldung abgelehnt werden müssen, die das Argument nennt.",
    "h_experiments": "Experimentelle Evaluierung (Aufgabe 2.2)",
    "h_xor": "(a) XOR-Problem",
    "xor_setup": "Ein [2, 4, 1]-Netz mit {xor_activation}-Neuronen, trainiert mit Full-Batch-Gradientenabstieg, "
    "Lernrate {xor_lr}, {xor_epochs} Epochen.",
    "cap_xor": "XOR: Trainingsverlust über die Epochen (logarithmisch) und die gelernte Entscheidungsgrenze; die "
    "schwarze Linie ist ŷ = 0,5.",
    "xor_result_all": "Das Netz klassifiziert alle vier Punkte richtig (Genauigkeit {xor_accuracy}): Ab Epoche "
    "{xor_perfect_from} liegt jeder Punkt auf der richtigen Seite, und der Verlust fällt auf {xor_final_loss}.",
    "xor_result_all_late": "Am Ende klassifiziert das Netz alle vier Punkte richtig (Genauigkeit "
    "{xor_accuracy}); das gelang erstmals in Epoche {xor_epochs_to_100}, ging wieder verloren und gilt ab Epoche "
    "{xor_perfect_from}. Der Verlust fällt auf {xor_final_loss}.",
    "xor_result_lost": "Am Ende klassifiziert das Netz {xor_correct} der vier Punkte richtig (Genauigkeit "
    "{xor_accuracy}): In Epoche {xor_epochs_to_100} erreichte es 100 %, hielt sie aber nicht. Der Verlust endet "
    "bei {xor_final_loss}.",
    "xor_result_partial": "Dieser Lauf löst XOR nicht: Das Netz klassifiziert nur {xor_correct} der vier Punkte "
    "richtig (Genauigkeit {xor_accuracy}) und erreicht in {xor_epochs} Epochen nie 100 %; der Verlust endet bei "
    "{xor_final_loss}. Wie oft ein Startwert scheitert, wird unten gemessen.",
    "xor_plateau_long": "Der Verlust bleibt {xor_plateau_span} lang über {xor_plateau_level} seines "
    "Anfangswerts {xor_loss_start}, nicht kürzer, als er danach braucht, um unter {xor_descent_level} davon "
    "zu fallen ({xor_descent_span}): ein Plateau zu Beginn.",
    "xor_plateau_short": "Der Verlust fällt nach {xor_plateau_span} unter {xor_plateau_level} seines "
    "Anfangswerts {xor_loss_start}, schneller, als er danach auf {xor_descent_level} davon fällt "
    "({xor_descent_span}): kein langes Plateau zu Beginn.",
    "xor_plateau_never": "Der Verlust fällt nie unter {xor_plateau_level} seines Anfangswerts {xor_loss_start}.",
    "cap_xor_lines": "XOR: jedes verdeckte Neuron des gezeigten Laufs als seine Gerade w·x + b = 0 in der "
    "Eingabeebene; der Pfeil zeigt auf die Seite mit z > 0.",
    "xor_lines_strip": "Die Geraden von {xor_lines_between} der 4 verdeckten Neuronen verlaufen zwischen den "
    "Punkten (welche Punkte jede Gerade trennt: {xor_lines_list}). Die Neuronen {xor_strip_units} schneiden "
    "je einen Punkt der Klasse {xor_strip_class} ab, {xor_strip_points}: Die Punkte der Klasse {xor_other_class} "
    "liegen im Streifen zwischen diesen beiden Geraden, und die Ausgabe muss nur den Streifen von den zwei Ecken "
    "unterscheiden.",
    "xor_lines_regions": "Die Geraden von {xor_lines_between} der 4 verdeckten Neuronen verlaufen zwischen den "
    "Punkten (welche Punkte jede Gerade trennt: {xor_lines_list}). Keine zwei Punkte verschiedener Klassen "
    "liegen auf denselben Seiten aller vier Geraden; die Bereiche zwischen den Geraden trennen also die Klassen, "
    "obwohl keine zwei Geraden die Punkte einer Klasse einzeln abschneiden.",
    "xor_lines_mixed": "Die Geraden von {xor_lines_between} der 4 verdeckten Neuronen verlaufen zwischen den "
    "Punkten (welche Punkte jede Gerade trennt: {xor_lines_list}). Die Punkte {xor_mixed_points} liegen auf "
    "denselben Seiten aller vier Geraden, obwohl ihre Klassen verschieden sind: Die Geraden allein trennen die "
    "Klassen nicht.",
    "cap_xor_units": "XOR: die Aktivierung jedes verdeckten Neurons über der Eingabeebene (dunkler: größer), "
    "seine Gerade z = 0 in Schwarz, und rechts die Ausgabe ŷ des Netzes mit ihrer Grenze ŷ = 0,5.",
    "xor_units_text": "Das Ausgabeneuron addiert die vier Aktivierungen mit den Gewichten {xor_output_weights} "
    "(Neuronen 1 bis 4) und dem Bias {xor_output_bias} und macht aus der Summe mit einer Sigmoid-Funktion ŷ.",
    "xor_seeds_setup": "Ein glücklicher Startwert beweist wenig, deshalb wurde der Lauf mit {xor_seeds} Startwerten "
    "je Aktivierung wiederholt: Sigmoid löste {xor_solved_sigmoid}, tanh {xor_solved_tanh} und ReLU "
    "{xor_solved_relu}.",
    "cap_xor_success": "XOR: Anteil der Startwerte, die 100 % Genauigkeit erreichen, je Aktivierung.",
    "cap_xor_success_fig": "XOR-Erfolgsquote über die Startwerte.",
    "xor_success_one": "Am häufigsten wird XOR mit {xor_best} gelöst ({xor_best_solved}), vor {xor_rest}.",
    "xor_success_tie": "Gleich oft wird XOR mit {xor_best} gelöst (je {xor_best_solved}), häufiger als mit "
    "{xor_rest}.",
    "xor_success_equal": "Alle drei Aktivierungen lösen XOR gleich oft (je {xor_best_solved}).",
    "xor_speed_one": "Unter den gelösten Läufen braucht {xor_fastest} die wenigsten Epochen bis 100 % (Median "
    "{xor_fastest_median}; {xor_slower}).",
    "xor_speed_tie": "Unter den gelösten Läufen brauchen {xor_fastest} gleich wenige Epochen bis 100 % (Median "
    "{xor_fastest_median}; {xor_slower}).",
    "xor_speed_none": "Kein Lauf erreichte 100 %, es gibt also keine Geschwindigkeit zu vergleichen.",
    "xor_dead_more": "Ein ReLU-Neuron mit z ≤ 0 auf allen vier Punkten ist tot: Sein Gradient ist auf jedem Punkt "
    "null, es erholt sich nie. Die {xor_relu_failed} gescheiterten ReLU-Läufe enden mit durchschnittlich "
    "{xor_dead_failed} toten Neuronen, die gelösten mit {xor_dead_solved}: Bei nur vier Neuronen bleiben mit jedem "
    "toten weniger, um die XOR-Bereiche abzugrenzen.",
    "xor_dead_not_more": "Ein ReLU-Neuron mit z ≤ 0 auf allen vier Punkten ist tot: Sein Gradient ist auf jedem "
    "Punkt null. Die {xor_relu_failed} gescheiterten ReLU-Läufe enden mit durchschnittlich {xor_dead_failed} toten "
    "Neuronen, die gelösten mit {xor_dead_solved}: Tote Neuronen erklären diese Fehlschläge nicht.",
    "xor_dead_none_failed": "Jeder ReLU-Lauf löste XOR, {xor_relu_with_dead} der {xor_relu_seeds}, obwohl sie mit "
    "mindestens einem toten Neuron enden (z ≤ 0 auf allen vier Punkten).",
    "xor_dead_none_solved": "Kein ReLU-Lauf löste XOR; die Läufe enden mit durchschnittlich {xor_dead_failed} toten "
    "Neuronen (z ≤ 0 auf allen vier Punkten, ihr Gradient ist also null).",
    # ------------------------------------------------------------------ 2.2 b
    "h_spirals": "(b) Spiralen-Datensatz",
    "spirals_setup": "Die Daten stammen aus dem Generator des Übungsblatts, `make_spirals(200, 0.1)` (mit festem "
    "Startwert, das Rauschen in der Reihenfolge des Übungsblatts gezogen); eine unabhängige Stichprobe mit anderem "
    "Startwert dient als Teststichprobe. Die Spiralen reichen bis zum Radius 4π ≈ 12,6, wo tanh- und Sigmoid-Neuronen "
    "sofort sättigen, daher werden die Eingaben durch 4π geteilt. Das Netz ist {spirals_layers} ({spirals_params} "
    "Parameter) mit {spirals_activation}-Neuronen, trainiert mit {spirals_optimizer} (Lernrate {spirals_lr}) "
    "auf Mini-Batches der Größe {spirals_batch} für {spirals_epochs} Epochen.",
    "cap_spirals_data": "Die zwei Spiralen: Trainingsstichprobe und unabhängige Teststichprobe, Eingaben durch 4π "
    "geteilt.",
    "spirals_result_all": "Das Netz klassifiziert ab Epoche {spirals_perfect_from} jeden Trainingspunkt richtig "
    "({spirals_train_acc}).",
    "spirals_result_all_flicker": "Am Ende klassifiziert das Netz jeden Trainingspunkt richtig "
    "({spirals_train_acc}); erstmals gelang das in Epoche {spirals_epochs_to_100}, und in {spirals_epochs_at_100} "
    "der {spirals_epochs} Epochen lag es bei 100 %, zuletzt ab Epoche {spirals_perfect_from}.",
    "spirals_result_lost": "Am Ende klassifiziert das Netz {spirals_train_correct} der {spirals_n_train} "
    "Trainingspunkte richtig ({spirals_train_acc}): 100 % erreichte es erstmals in Epoche {spirals_epochs_to_100} "
    "und lag in {spirals_epochs_at_100} Epochen dort, aber nicht in der letzten.",
    "spirals_result_partial": "Das Netz klassifiziert {spirals_train_correct} der {spirals_n_train} "
    "Trainingspunkte richtig ({spirals_train_acc}); in {spirals_epochs} Epochen erreicht es keine 100 %.",
    "spirals_test_below": "Auf der unabhängigen Teststichprobe erreicht es {spirals_test_acc} "
    "({spirals_test_errors} Fehler), {spirals_acc_gap} Prozentpunkte unter seiner Trainingsgenauigkeit; der "
    "Trainingsverlust endet bei {spirals_train_loss}, der Testverlust bei {spirals_test_loss}.",
    "spirals_test_equal": "Auf der unabhängigen Teststichprobe erreicht es {spirals_test_acc} "
    "({spirals_test_errors} Fehler), so viel wie auf der Trainingsstichprobe; der Trainingsverlust endet bei "
    "{spirals_train_loss}, der Testverlust bei {spirals_test_loss}.",
    "spirals_test_above": "Auf der unabhängigen Teststichprobe erreicht es {spirals_test_acc} "
    "({spirals_test_errors} Fehler), {spirals_acc_gap} Prozentpunkte über seiner Trainingsgenauigkeit; der "
    "Trainingsverlust endet bei {spirals_train_loss}, der Testverlust bei {spirals_test_loss}.",
    "cap_spirals_boundary": "Spiralen: die gelernte Entscheidungsgrenze mit den Trainingspunkten (links) und den "
    "Testpunkten (rechts); falsch klassifizierte Punkte sind umkreist.",
    "spirals_errors_centre": "{spirals_errors_inner} der {spirals_n_errors} falsch klassifizierten Testpunkte "
    "liegen innerhalb von {spirals_inner_radius} des größten Radius um die Mitte, wo die Arme am engsten "
    "kurven; diese innere Scheibe enthält {spirals_share_inner} aller Testpunkte.",
    "spirals_errors_spread": "Die {spirals_n_errors} falsch klassifizierten Testpunkte verteilen sich über die "
    "Arme: {spirals_errors_inner} davon liegen innerhalb von {spirals_inner_radius} des größten Radius um die "
    "Mitte, einer Scheibe mit {spirals_share_inner} aller Testpunkte.",
    "spirals_errors_none": "Kein Testpunkt ist falsch klassifiziert.",
    "spirals_close": "Die Teststichprobe liegt nah an der Trainingsstichprobe: Ein Testpunkt ist im Median "
    "{spirals_nearest} vom nächsten Trainingspunkt seiner Klasse entfernt, benachbarte Arme verschiedener "
    "Klassen dagegen {spirals_arm_gap} voneinander (Radien durch 4π geteilt). Die Testgenauigkeit misst daher, "
    "wie gut das Netz den Armen folgt, nicht, wie es abseits von ihnen verallgemeinert.",
    "spirals_not_close": "Ein Testpunkt ist im Median {spirals_nearest} vom nächsten Trainingspunkt seiner Klasse "
    "entfernt, benachbarte Arme verschiedener Klassen {spirals_arm_gap} voneinander (Radien durch 4π geteilt): "
    "Die Teststichprobe wiederholt nicht bloß die Trainingspunkte.",
    "cap_spirals_curves": "Spiralen: Verlust und Genauigkeit pro Epoche auf Trainings- und Teststichprobe.",
    "spirals_loss_rise_confident": "Der Testverlust ist in Epoche {spirals_min_epoch} am kleinsten "
    "({spirals_min_test_loss}) und endet bei {spirals_test_loss}, während der Trainingsverlust weiter fällt "
    "({spirals_train_loss_at_min} damals, {spirals_train_loss} am Ende) und die Testgenauigkeit nicht sinkt "
    "({spirals_test_acc_at_min} damals, {spirals_test_acc_final} am Ende): Der Anstieg kommt von selbstsichereren "
    "Vorhersagen, nicht von mehr Fehlern, eine milde Überanpassung des Verlusts.",
    "spirals_loss_rise_errors": "Der Testverlust ist in Epoche {spirals_min_epoch} am kleinsten "
    "({spirals_min_test_loss}) und endet bei {spirals_test_loss}, während der Trainingsverlust weiter fällt "
    "({spirals_train_loss_at_min} damals, {spirals_train_loss} am Ende) und die Testgenauigkeit von "
    "{spirals_test_acc_at_min} auf {spirals_test_acc_final} sinkt ({spirals_more_errors}): Das Netz passt sich "
    "zu stark an.",
    "spirals_loss_no_rise": "Der Testverlust endet bei {spirals_test_loss}, höchstens {spirals_rise} über seinem "
    "kleinsten Wert {spirals_min_test_loss} (Epoche {spirals_min_epoch}): Er steigt nicht wieder, kein Zeichen "
    "von Überanpassung in diesem Lauf.",
    "cap_spirals_features": "Spiralen: die Neuronen der letzten verdeckten Schicht über der Eingabeebene (dunkler: "
    "größere Aktivierung, jedes Feld auf eigener Skala), mit den Trainingspunkten; die Prozentzahl ist der Anteil "
    "der Trainingspunkte, auf denen das z des Neurons positiv ist; die orange Linie ist sein z = 0.",
    "spirals_features_dead": "Die Abbildung zeigt {spirals_units_shown} der verdeckten Schicht {spirals_layer}. "
    "{spirals_dead} ihrer {spirals_units} Neuronen {spirals_dead_verb} tot: z ≤ 0 auf jedem Trainingspunkt; ein "
    "solches Neuron gibt nichts weiter und erhält keinen Gradienten. Die übrigen sind auf {spirals_share_min} bis "
    "{spirals_share_max} der Trainingspunkte positiv, jedes auf einem von geknickten Geraden begrenzten Bereich: "
    "die Stücke, aus denen die Ausgabe die Spiralarme zusammensetzt.",
    "spirals_features_alive": "Die Abbildung zeigt {spirals_units_shown} der verdeckten Schicht {spirals_layer}. "
    "Keines ist tot: Jedes ist auf {spirals_share_min} bis {spirals_share_max} der Trainingspunkte positiv, auf "
    "einem von geknickten Geraden begrenzten Bereich: die Stücke, aus denen die Ausgabe die Spiralarme "
    "zusammensetzt.",
    "spirals_features_smooth": "Die Abbildung zeigt {spirals_units_shown} der verdeckten Schicht "
    "{spirals_layer}; jedes ist auf {spirals_share_min} bis {spirals_share_max} der Trainingspunkte positiv "
    "(z > 0).",
    "spirals_gif": "`mlplab spirals` schreibt zusätzlich ein animiertes GIF der Entscheidungsgrenze während des "
    "Trainings (`spirals_training.gif`); es gehört nicht zu diesem Bericht, und seine Beschriftung ist nur "
    "englisch.",
    # ------------------------------------------------------------------ 2.2 c
    "h_sweep": "(c) Hyperparameter-Tuning",
    "sweep_setup": "Das Raster des Übungsblatts: versteckte Schichten {sweep_hidden_list}, Lernraten "
    "{sweep_rate_list}, Aktivierungen {sweep_act_list}, {sweep_grid_cells}, jede mit {sweep_seeds} Startwerten "
    "trainiert, mit reinem Mini-Batch-Gradientenabstieg ({sweep_first}, dem Verfahren des Übungsblatts) und "
    "noch einmal mit {sweep_second}, mit demselben Budget: {sweep_epochs} Epochen mit Mini-Batches zu "
    "{sweep_batch} Punkten, {sweep_updates} Schritte je Lauf. Die Läufe einer Zelle beginnen mit beiden "
    "Optimierern mit denselben Gewichten und sehen dieselben Mini-Batches, so dass die beiden paarweise "
    "verglichen werden. Danach werden die Sigmoid- und tanh-Zellen bei α = {sweep_top_rate} noch einmal mit "
    "{sweep_first} und He-skalierten Anfangsgewichten trainiert: dieselben Zufallszahlen wie ihre "
    "voreingestellten (Xavier-)Gewichte, vergrößert um √((n_in + n_out)/n_in), so dass sich nur die "
    "Anfangsskala ändert. Insgesamt {sweep_runs} ({sweep_failed} fehlgeschlagen) auf den Spiralen aus 2.2 (b), "
    "bewertet auf der unabhängigen Teststichprobe. Jeder Lauf bekommt seinen eigenen Startwert aus einer "
    "SeedSequence, die aus seinen Einstellungen abgeleitet ist, und die Läufe werden auf alle Kerne (oder "
    "einen Dask-Cluster) verteilt, ohne dass sich eine einzige Zahl ändert.",
    "cap_sweep_heatmap": "Parameterstudie: mittlere Testgenauigkeit (%) je Zelle, ein Feld pro Optimierer "
    "(Zeilen) und Architektur (Spalten); umrahmt: die beste Zelle jedes Optimierers.",
    "sweep_best_second": "Die beste Zelle ist {sweep_best_name} mit {sweep_best_opt}: Testgenauigkeit "
    "{sweep_best_test} ± {sweep_best_std}, Trainingsgenauigkeit {sweep_best_train}; {sweep_best_reached} "
    "Läufen klassifizierten jeden Trainingspunkt richtig, im Mittel nach {sweep_best_e100} Epochen. Die beste "
    "Zelle von {sweep_second} ({sweep_best2_name}: {sweep_best2_test}) übertrifft die beste von {sweep_first} "
    "({sweep_best1_name}: {sweep_best1_test}) um mehr als {sweep_margin} Prozentpunkte.",
    "sweep_best_level": "Die beste Zelle ist {sweep_best_name} mit {sweep_best_opt}: Testgenauigkeit "
    "{sweep_best_test} ± {sweep_best_std}, Trainingsgenauigkeit {sweep_best_train}; {sweep_best_reached} "
    "Läufen klassifizierten jeden Trainingspunkt richtig, im Mittel nach {sweep_best_e100} Epochen. Die besten "
    "Zellen der beiden Optimierer liegen höchstens {sweep_margin} Prozentpunkte auseinander ({sweep_first}: "
    "{sweep_best1_name}, {sweep_best1_test}; {sweep_second}: {sweep_best2_name}, {sweep_best2_test}): Bei "
    "seiner besten Lernrate lernt reiner Gradientenabstieg die Spiralen im selben Budget so gut wie "
    "{sweep_second}.",
    "sweep_best_first": "Die beste Zelle ist {sweep_best_name} mit {sweep_best_opt}: Testgenauigkeit "
    "{sweep_best_test} ± {sweep_best_std}, Trainingsgenauigkeit {sweep_best_train}; {sweep_best_reached} "
    "Läufen klassifizierten jeden Trainingspunkt richtig, im Mittel nach {sweep_best_e100} Epochen. Die beste "
    "Zelle von {sweep_first} ({sweep_best1_name}: {sweep_best1_test}) übertrifft die beste von {sweep_second} "
    "({sweep_best2_name}: {sweep_best2_test}) um mehr als {sweep_margin} Prozentpunkte.",
    "sweep_best_one": "Die beste Zelle ist {sweep_best_name} mit {sweep_best_opt}: Testgenauigkeit "
    "{sweep_best_test} ± {sweep_best_std}, Trainingsgenauigkeit {sweep_best_train}; {sweep_best_reached} "
    "Läufen klassifizierten jeden Trainingspunkt richtig, im Mittel nach {sweep_best_e100} Epochen. Es lief nur "
    "ein Optimierer.",
    "col_sweep_test": "Test (%)",
    "col_sweep_reached": "100 %",
    "cap_sweep_table_1": "Parameterstudie, {sweep_arch_1}: mittlere Testgenauigkeit (%) ± Standardabweichung "
    "über die Startwerte und die Läufe, die 100 % Trainingsgenauigkeit erreichten (ihre mittlere Epoche). "
    "Zeilen „He“: He-skalierte Anfangsgewichte.",
    "cap_sweep_table_2": "Parameterstudie, {sweep_arch_2}: Spalten wie in der Tabelle für {sweep_arch_1}.",
    "cap_sweep_table_3": "Parameterstudie, {sweep_arch_3}: Spalten wie in der Tabelle für {sweep_arch_1}.",
    "sweep_opt_second": "Zelle für Zelle übertrifft {sweep_second} {sweep_first} (um mehr als {sweep_margin} "
    "Prozentpunkte mittlerer Testgenauigkeit) in {sweep_second_better} von {sweep_pairs} und unterliegt in "
    "{sweep_second_worse}, davon {sweep_worse_at_top} bei der größten Lernrate α = {sweep_top_rate}. Es lernt "
    "die Spiralen (mittlere Testgenauigkeit mindestens {sweep_learned}) in {sweep_learned_second}, "
    "{sweep_first} in {sweep_learned_first}; nur {sweep_second} lernt in: {sweep_only_second}.",
    "sweep_opt_first": "Zelle für Zelle übertrifft {sweep_second} {sweep_first} (um mehr als {sweep_margin} "
    "Prozentpunkte mittlerer Testgenauigkeit) in nur {sweep_second_better} von {sweep_pairs} und unterliegt "
    "in {sweep_second_worse}, davon {sweep_worse_at_top} bei der größten Lernrate α = {sweep_top_rate}. Es "
    "lernt die Spiralen (mittlere Testgenauigkeit mindestens {sweep_learned}) in {sweep_learned_second}, "
    "{sweep_first} in {sweep_learned_first}; nur {sweep_second} lernt in: {sweep_only_second}.",
    "sweep_opt_even": "Zelle für Zelle übertrifft {sweep_second} {sweep_first} (um mehr als {sweep_margin} "
    "Prozentpunkte mittlerer Testgenauigkeit) in ebenso vielen Zellen, wie es unterliegt: je "
    "{sweep_second_better} von {sweep_pairs}, davon {sweep_worse_at_top} der Niederlagen bei der größten "
    "Lernrate α = {sweep_top_rate}. Es lernt die Spiralen (mittlere Testgenauigkeit mindestens "
    "{sweep_learned}) in {sweep_learned_second}, {sweep_first} in {sweep_learned_first}; nur {sweep_second} "
    "lernt in: {sweep_only_second}.",
    "sweep_opt_none": "Es lief nur ein Optimierer; diese Parameterstudie vergleicht keine Optimierer.",
    "sweep_arch_all": "In jeder Architektur ({sweep_arch_n}) übertrifft die beste Zelle von {sweep_second} "
    "die beste von {sweep_first} um mehr als {sweep_margin} Prozentpunkte.",
    "sweep_arch_some": "Architektur für Architektur übertrifft die beste Zelle von {sweep_second} die beste "
    "von {sweep_first} um mehr als {sweep_margin} Prozentpunkte in {sweep_arch_k} von {sweep_arch_n} "
    "({sweep_arch_list}); in den übrigen liegen beide gleichauf oder {sweep_first} vorn.",
    "sweep_arch_none": "In keiner Architektur übertrifft die beste Zelle von {sweep_second} die beste von "
    "{sweep_first} um mehr als {sweep_margin} Prozentpunkte: Bei diesem Budget braucht keine Architektur für "
    "ihr bestes Ergebnis den adaptiven Optimierer.",
    "sweep_arch_none_run": "Mit einem Optimierer gibt es je Architektur nichts zu vergleichen.",
    "sweep_net_second": "Das Netz aus Abschnitt 2.2 (b), {sweep_net}, kommt mit {sweep_second} "
    "({sweep_net2_name}: {sweep_net2_test}) weiter als mit {sweep_first} bei dessen bester Lernrate "
    "({sweep_net1_name}: {sweep_net1_test}), um mehr als {sweep_margin} Prozentpunkte.",
    "sweep_net_level": "Das Netz aus Abschnitt 2.2 (b), {sweep_net}, erreicht mit {sweep_first} bei dessen "
    "bester Lernrate {sweep_net1_test} ({sweep_net1_name}) und mit {sweep_second} {sweep_net2_test} "
    "({sweep_net2_name}): höchstens {sweep_margin} Prozentpunkte Unterschied, für dieses Netz kommt reiner "
    "Gradientenabstieg im selben Budget also so weit wie {sweep_second}.",
    "sweep_net_first": "Das Netz aus Abschnitt 2.2 (b), {sweep_net}, kommt mit {sweep_first} bei dessen "
    "bester Lernrate ({sweep_net1_name}: {sweep_net1_test}) weiter als mit {sweep_second} ({sweep_net2_name}: "
    "{sweep_net2_test}), um mehr als {sweep_margin} Prozentpunkte.",
    "sweep_net_absent": "Das Netz aus Abschnitt 2.2 (b), {sweep_net}, ist nicht in diesem Raster.",
    "cap_sweep_curves": "Parameterstudie: mittlerer Trainingsverlust über die Startwerte, ein Feld pro "
    "Aktivierung (Zeilen) und Architektur (Spalten); Farbe: Lernrate; durchgezogen: SGD, gestrichelt: Adam, "
    "gepunktet: SGD mit He-skalierten Anfangsgewichten.",
    "sweep_fail_smooth": "Mit {sweep_first} und den voreingestellten Anfangsgewichten lernt keine Sigmoid- und "
    "keine tanh-Zelle die Spiralen: Die besten erreichen {sweep_sigmoid_best} ({sweep_sigmoid_best_name}) und "
    "{sweep_tanh_best} ({sweep_tanh_best_name}), ReLU dagegen {sweep_relu_best} ({sweep_relu_best_name}). "
    "Sigmoid und tanh scheitern gleichermaßen, obwohl tanh′ bei z = 0 den Wert 1 erreicht, σ′ nur 1/4: Die "
    "Schranke σ′ ≤ 1/4 allein erklärt das Scheitern nicht.",
    "sweep_fail_sigmoid": "Mit {sweep_first} und den voreingestellten Anfangsgewichten lernt nur Sigmoid die "
    "Spiralen nicht: Seine beste Zelle erreicht {sweep_sigmoid_best} ({sweep_sigmoid_best_name}), die von tanh "
    "{sweep_tanh_best} ({sweep_tanh_best_name}) und die von ReLU {sweep_relu_best} ({sweep_relu_best_name}).",
    "sweep_fail_tanh": "Mit {sweep_first} und den voreingestellten Anfangsgewichten lernt nur tanh die "
    "Spiralen nicht: Seine beste Zelle erreicht {sweep_tanh_best} ({sweep_tanh_best_name}), die von Sigmoid "
    "{sweep_sigmoid_best} ({sweep_sigmoid_best_name}) und die von ReLU {sweep_relu_best} "
    "({sweep_relu_best_name}).",
    "sweep_fail_all": "Mit {sweep_first} und den voreingestellten Anfangsgewichten lernt in diesem Budget "
    "keine Zelle die Spiralen: Die besten Sigmoid-, tanh- und ReLU-Zellen erreichen {sweep_sigmoid_best}, "
    "{sweep_tanh_best} und {sweep_relu_best}.",
    "sweep_fail_none": "Mit {sweep_first} und den voreingestellten Anfangsgewichten hat jede Aktivierung eine "
    "Zelle, die die Spiralen lernt: Die besten Sigmoid-, tanh- und ReLU-Zellen erreichen {sweep_sigmoid_best}, "
    "{sweep_tanh_best} und {sweep_relu_best}.",
    "sweep_fail_other": "Mit {sweep_first} und den voreingestellten Anfangsgewichten erreichen die besten "
    "Sigmoid-, tanh- und ReLU-Zellen {sweep_sigmoid_best}, {sweep_tanh_best} und {sweep_relu_best} (eine Zelle "
    "lernt die Spiralen ab {sweep_learned}).",
    "sweep_he_tanh": "Größere Anfangsgewichte helfen tanh: Mit He-skalierten Gewichten "
    "({sweep_first}, α = {sweep_top_rate}) erreichen die tanh-Zellen im Mittel über die Architekturen "
    "{sweep_he_tanh} statt {sweep_he_tanh_default} ({sweep_he_tanh_list}; {sweep_he_tanh_learned} mit "
    "{sweep_learned} oder mehr), dieselbe Änderung, die die "
    "Initialisierungsstudie (Abschnitt 3.1 b) an einem tieferen tanh-Netz vornimmt. Sigmoid gewinnt nicht mehr "
    "als {sweep_margin} Prozentpunkte ({sweep_he_sigmoid} statt {sweep_he_sigmoid_default}); seine beste Zelle "
    "in der Parameterstudie ist die von {sweep_second}, mit {sweep_sigmoid_best2}.",
    "sweep_he_both": "Die Skala der Anfangsgewichte bremst beide: Mit He-skalierten Gewichten ({sweep_first}, "
    "α = {sweep_top_rate}) erreichen die tanh-Zellen im Mittel über die Architekturen {sweep_he_tanh} statt "
    "{sweep_he_tanh_default} ({sweep_he_tanh_list}; {sweep_he_tanh_learned} mit {sweep_learned} oder mehr), "
    "die Sigmoid-Zellen {sweep_he_sigmoid} statt "
    "{sweep_he_sigmoid_default} ({sweep_he_sigmoid_list}).",
    "sweep_he_sigmoid": "Mit He-skalierten Gewichten ({sweep_first}, α = {sweep_top_rate}) erreichen die "
    "Sigmoid-Zellen im Mittel über die Architekturen {sweep_he_sigmoid} statt {sweep_he_sigmoid_default} "
    "({sweep_he_sigmoid_list}), während tanh nicht mehr als {sweep_margin} Prozentpunkte gewinnt "
    "({sweep_he_tanh} statt {sweep_he_tanh_default}).",
    "sweep_he_neither": "Die Skala der Anfangsgewichte allein rettet sie nicht: Mit He-skalierten Gewichten "
    "({sweep_first}, α = {sweep_top_rate}) erreichen die tanh-Zellen im Mittel über die Architekturen "
    "{sweep_he_tanh} (voreingestellt {sweep_he_tanh_default}), die Sigmoid-Zellen {sweep_he_sigmoid} "
    "(voreingestellt {sweep_he_sigmoid_default}), keine um mehr als {sweep_margin} Prozentpunkte besser. Ihre "
    "besten Zellen kommen mit {sweep_second}: tanh {sweep_tanh_best2}, Sigmoid {sweep_sigmoid_best2}.",
    "sweep_he_none": "Keine Sigmoid- und tanh-Zellen wurden mit He-skalierten Gewichten wiederholt.",
    "sweep_slow_plateau": "Bei α = {sweep_slow_rate} lässt {sweep_first} jede Zelle nahe am Anfangsplateau: Der "
    "kleinste Trainingsverlust am Ende ist {sweep_slow_loss}, gegenüber log 2 ≈ 0,693 für eine konstante "
    "Ausgabe von ½.",
    "sweep_slow_moved": "Bei α = {sweep_slow_rate} senkt die beste Zelle von {sweep_first} den "
    "Trainingsverlust auf {sweep_slow_loss}, deutlich unter log 2 ≈ 0,693, den Verlust einer konstanten "
    "Ausgabe von ½.",
    "sweep_slow_none": "Bei der kleinsten Lernrate hat keine Zelle ein Ergebnis.",
    # ------------------------------------------------------------------ 3.1
    "h_deeper": "Vertiefende Fragen",
    "h_theory": "Theoretische Analyse (Aufgabe 3.1)",
    "h_vanishing": "(a) Vanishing Gradient Problem",
    "van_theory": "Backpropagation multipliziert den Fehler Schicht für Schicht mit Wᵀ und mit der Ableitung "
    "der Aktivierung. In einem Netz aus D Gewichtsschichten (D − 1 verdeckte; D ist die Tiefe, L bleibt der "
    "Verlust), von der Ausgabeschicht D bis zur ersten ausgeschrieben und mit |f′| ≤ max f′ und "
    "‖Wᵀv‖ ≤ ‖W‖₂‖v‖ abgeschätzt (die Spektralnorm ‖W‖₂ ist der größte Singulärwert von W):",
    "van_max_text": "Für die Sigmoid-Funktion ist max f′ = 1/4: σ′ = σ(1 − σ) ist das Produkt zweier Zahlen mit "
    "Summe 1 und am größten, wenn beide gleich sind:",
    "cap_van_derivatives": "Ableitungen von Sigmoid, tanh und ReLU; die der Sigmoid-Funktion übersteigt nie 1/4.",
    "van_sigmoid_bound_text": "Für die Sigmoid-Funktion zerfällt die Schranke in den σ′-Anteil (1/4)ᴰ⁻¹ und den "
    "Anteil der Gewichte, das Produkt der Spektralnormen:",
    "van_sigmoid_bound_after": "Der σ′-Anteil allein beschränkt das Verhältnis nur, wo der Anteil der Gewichte "
    "höchstens 1 ist. Für tanh und ReLU ist max f′ = 1; dort können nur die Gewichte den Fehler verkleinern "
    "oder vergrößern.",
    "van_setup": "Der Versuch: die zwei Spiralen des Übungsblatts, {van_call}, jede Koordinate auf "
    "Mittelwert 0 und Varianz 1 standardisiert; alle {van_samples} "
    "Punkte sind die Trainingsmenge (es gibt keine Testmenge, jede Genauigkeit unten ist eine "
    "Trainingsgenauigkeit). Das Netz ist {van_layers}: {van_hidden} verdeckte Schichten mit je {van_width} "
    "Neuronen, also D = {van_depth}; die Biases beginnen bei 0, die Gewichte mit {van_init_sigmoid} für Sigmoid "
    "und tanh und mit {van_init_relu} für ReLU. Jedes Netz wird mit SGD trainiert (α = {van_rate}, Mini-Batches "
    "zu {van_batch}, {van_epochs} Epochen), für jede Aktivierung mit denselben {van_seeds} {van_seeds_word}. "
    "Die Gradienten sind die der mittleren binären Kreuzentropie über alle Punkte. In den Epochen "
    "{van_profile_epochs} hält jeder Lauf außerdem ‖δ⁽¹⁾‖/‖δ⁽ᴰ⁾‖ mit seiner Schranke aus den aktuellen Gewichten "
    "fest und je verdeckter Schicht den Anteil gesättigter Aktivierungen (f′(z) unter {van_sat_share} von "
    "max f′, etwa |tanh z| > 0,99 oder σ(z) außerhalb von [0,005; 0,995], gezählt über Neuronen × Punkte), den "
    "Anteil toter Neuronen (auf jedem Punkt gesättigt; bei ReLU: z ≤ 0 auf allen) und die Streuung der "
    "Aktivierungen über die Punkte.",
    "van_measured": "Auf einem feinen Gitter gemessen ist der größte Wert von σ′ gleich {van_max} bei "
    "z = {van_argmax}. Bei der Initialisierung ist der Gewichtsgradient der ersten Schicht ‖∂L/∂W⁽¹⁾‖ bei "
    "Sigmoid das {van_sigmoid_init}-Fache dessen der letzten (geometrisches Mittel über die Startwerte; "
    "{van_sigmoid_per_layer} je verdeckter Schicht), bei tanh das {van_tanh_init}-Fache und bei ReLU das "
    "{van_relu_init}-Fache. Ein Gewichtsgradient δ⁽ˡ⁾a⁽ˡ⁻¹⁾ᵀ enthält auch die Eingabe a⁽ˡ⁻¹⁾ der Schicht; die "
    "Schranke gilt für die Fehler δ selbst.",
    "van_bound_all": "Die Schranke hält in jedem Lauf: Alle {van_bound_n} gemessenen Verhältnisse "
    "‖δ⁽¹⁾‖/‖δ⁽ᴰ⁾‖ (drei Aktivierungen mit je {van_seeds} {van_seeds_word}, die festgehaltenen Epochen) liegen "
    "unter ihrer Schranke ∏ max f′ · ‖W⁽ˡ⁾‖₂, berechnet aus den Gewichten desselben Laufs und derselben Epoche; "
    "das nächste erreicht {van_bound_closest} davon. Scharf ist die Ungleichung nur, wenn jeder Fehler in "
    "Richtung des größten Singulärvektors zeigt und jedes f′ maximal ist.",
    "van_bound_some": "Nur {van_bound_below} von {van_bound_n} gemessenen Verhältnissen ‖δ⁽¹⁾‖/‖δ⁽ᴰ⁾‖ liegen "
    "unter ihrer Schranke ∏ max f′ · ‖W⁽ˡ⁾‖₂ (größtes Verhältnis zur Schranke: {van_bound_closest}). Die "
    "Ungleichung gilt für beliebige Gewichte; die übrigen deuten auf einen Fehler in der Messung.",
    "van_quarter_all": "Der σ′-Anteil allein, {van_quarter_power} = {van_quarter}, ist keine Schranke für dieses "
    "Verhältnis: Ihm fehlt der Anteil der Gewichte ∏‖W⁽ˡ⁾‖₂, hier {van_sigmoid_wfactor}, mit dem die volle "
    "Schranke der Sigmoid-Netze {van_sigmoid_bound} beträgt. Die gemessenen Sigmoid-Verhältnisse "
    "({van_sigmoid_delta}) liegen alle unter {van_quarter_power} ({van_quarter_below} von {van_quarter_n}): "
    "Die tatsächlichen Faktoren verkleinern den Fehler stärker, als die Schranke zulässt.",
    "van_quarter_some": "Der σ′-Anteil allein, {van_quarter_power} = {van_quarter}, ist keine Schranke für "
    "dieses Verhältnis: Ihm fehlt der Anteil der Gewichte ∏‖W⁽ˡ⁾‖₂, hier {van_sigmoid_wfactor}, mit dem die "
    "volle Schranke der Sigmoid-Netze {van_sigmoid_bound} beträgt. Die gemessenen Sigmoid-Verhältnisse "
    "({van_sigmoid_delta}) liegen in {van_quarter_below} von {van_quarter_n} Messungen unter "
    "{van_quarter_power} und in {van_quarter_above} darüber.",
    "van_quarter_none": "Der σ′-Anteil allein, {van_quarter_power} = {van_quarter}, ist keine Schranke für "
    "dieses Verhältnis: Ihm fehlt der Anteil der Gewichte ∏‖W⁽ˡ⁾‖₂, hier {van_sigmoid_wfactor}, mit dem die "
    "volle Schranke der Sigmoid-Netze {van_sigmoid_bound} beträgt. Alle {van_quarter_n} gemessenen "
    "Sigmoid-Verhältnisse ({van_sigmoid_delta}) liegen über {van_quarter_power}.",
    "van_sigmoid_smallest": "Die erste Schicht des Sigmoid-Netzes erhält also einen verschwindenden Teil des "
    "Gradienten: Ihr Verhältnis {van_sigmoid_init} ist mehr als 100-mal kleiner als das von tanh "
    "({van_tanh_init}) und ReLU ({van_relu_init}). Die Tiefenreihe unten zeigt das Verhältnis bei der "
    "Initialisierung für jede Schichtzahl.",
    "van_sigmoid_not_smallest": "Das Sigmoid-Verhältnis {van_sigmoid_init} liegt hier nicht 100-mal unter dem "
    "von tanh ({van_tanh_init}) und ReLU ({van_relu_init}): In diesen Läufen ist das Verschwinden nicht "
    "eine Besonderheit von σ′.",
    "cap_van_gradients": "Gradientennorm ‖∂L/∂W⁽ˡ⁾‖ je Schicht (logarithmisch) bei der Initialisierung und nach "
    "dem Training, mit der Steigung 1/4 je Schicht des σ′-Anteils (gestrichelt).",
    "cap_van_depth": "Verhältnis der Gewichtsgradienten von erster und letzter Schicht bei der Initialisierung "
    "über der Zahl verdeckter Schichten, mit dem σ′-Anteil 0,25ᴰ⁻¹.",
    "van_outcome_relu": "Das Training zeigt die Folge. ReLU endet mit dem kleinsten Median-Verlust, "
    "{van_relu_loss}, und erreicht in {van_relu_solved} Läufen 100 % Trainingsgenauigkeit; tanh endet bei "
    "{van_tanh_loss} ({van_tanh_solved}), Sigmoid bei {van_sigmoid_loss} ({van_sigmoid_solved}).",
    "van_outcome_tanh": "Das Training zeigt die Folge. tanh endet mit dem kleinsten Median-Verlust, "
    "{van_tanh_loss}, und erreicht in {van_tanh_solved} Läufen 100 % Trainingsgenauigkeit; ReLU endet bei "
    "{van_relu_loss} ({van_relu_solved}), Sigmoid bei {van_sigmoid_loss} ({van_sigmoid_solved}).",
    "van_outcome_sigmoid": "Im Training endet Sigmoid mit dem kleinsten Median-Verlust, {van_sigmoid_loss}, und "
    "erreicht in {van_sigmoid_solved} Läufen 100 % Trainingsgenauigkeit; tanh endet bei {van_tanh_loss} "
    "({van_tanh_solved}), ReLU bei {van_relu_loss} ({van_relu_solved}).",
    "cap_van_training": "Training der tiefen Netze: Verlust je Epoche (dünn: jeder Startwert, fett: Median) und "
    "das Verhältnis der Gewichtsgradienten erste/letzte Schicht während des Trainings.",
    "van_sigmoid_plateau": "Das Sigmoid-Netz verlässt das Plateau nicht: Sein Median-Verlust am Ende, "
    "{van_sigmoid_loss}, ist der einer konstanten Vorhersage, ln 2 ≈ {van_ln2}.",
    "van_sigmoid_learns": "Das Sigmoid-Netz verlässt das Plateau einer konstanten Vorhersage (ln 2 ≈ {van_ln2}): "
    "Sein Median-Verlust am Ende ist {van_sigmoid_loss}.",
    "van_forward_text": "Der Vorwärtsdurchlauf multipliziert Unterschiede zwischen Eingaben mit Faktoren "
    "derselben Art, diag(f′)W; ein Produkt derselben Art beschränkt daher, wie weit die letzte verdeckte "
    "Schicht zwei Punkte auseinanderlegen kann:",
    "van_sigmoid_collapsed": "Beim Sigmoid-Netz geschieht genau das: Am Ende des Trainings ist die Streuung der "
    "Aktivierungen über die Punkte (Standardabweichung, gemittelt über Neuronen und Startwerte) in der ersten "
    "verdeckten Schicht {van_spread_first} und in der letzten {van_spread_last}. Die letzte verdeckte Schicht "
    "liefert für jeden Punkt fast denselben Vektor, und die Ausgabeschicht sieht nichts anderes.",
    "van_sigmoid_spread_kept": "Beim Sigmoid-Netz ist die Streuung der Aktivierungen über die Punkte "
    "(Standardabweichung, gemittelt über Neuronen und Startwerte) am Ende des Trainings in der ersten verdeckten "
    "Schicht {van_spread_first} und in der letzten {van_spread_last}: Das Signal verschwindet hier vorwärts nicht.",
    "van_sigmoid_first_still": "Und die erste Schicht lernt kaum: Während des Trainings hat sich W⁽¹⁾ um "
    "{van_sigmoid_moved_first} seiner Anfangsnorm bewegt (‖W_Ende − W_Start‖/‖W_Start‖, Median über die "
    "Startwerte), die Gewichte der Ausgabeschicht um {van_sigmoid_moved_last}.",
    "van_sigmoid_first_moves": "Die erste Schicht lernt durchaus: Während des Trainings hat sich W⁽¹⁾ um "
    "{van_sigmoid_moved_first} seiner Anfangsnorm bewegt (‖W_Ende − W_Start‖/‖W_Start‖, Median über die "
    "Startwerte), die Gewichte der Ausgabeschicht um {van_sigmoid_moved_last}.",
    "cap_van_spread": "Streuung der Aktivierungen jeder verdeckten Schicht über die Punkte (Standardabweichung, "
    "gemittelt über Neuronen und Startwerte), zu Beginn (gestrichelt) und am Ende des Trainings.",
    "van_tanh_puzzle": "Das tiefe tanh-Netz ist ein anderer Fall. Sein Gradient verschwindet nicht: Das "
    "Verhältnis erste/letzte Schicht ist {van_tanh_init} bei der Initialisierung und {van_tanh_trained} am Ende "
    "(geometrische Mittel), und doch erreicht es 100 % nur in {van_tanh_solved} Läufen (Median-Verlust am "
    "Ende {van_tanh_loss}). Ein Verhältnis nahe 1 sagt, dass jede Schicht ihren Teil des Gradienten erhält, nicht, "
    "dass die Schritte zu einer Lösung führen.",
    "van_tanh_solved": "Auch beim tiefen tanh-Netz verschwindet der Gradient nicht: Das Verhältnis erste/letzte "
    "Schicht ist {van_tanh_init} bei der Initialisierung und {van_tanh_trained} am Ende (geometrische Mittel), "
    "und {van_tanh_solved} Läufe erreichen 100 %.",
    "van_tanh_vanishes": "Auch beim tiefen tanh-Netz verschwindet der Gradient: Das Verhältnis erste/letzte "
    "Schicht ist {van_tanh_init} bei der Initialisierung und {van_tanh_trained} am Ende (geometrische Mittel); "
    "{van_tanh_solved} Läufe erreichen 100 %.",
    "van_tanh_saturates": "Was die Profile stattdessen zeigen, ist Sättigung. In der am stärksten gesättigten "
    "Schicht steigt der Anteil gesättigter tanh-Aktivierungen (tanh′ unter {van_sat_share}, |tanh z| über etwa "
    "0,99) von {van_tanh_sat_start} bei der Initialisierung auf {van_tanh_sat_end} am Ende (Median über die "
    "Startwerte; {van_tanh_sat_range} zwischen ihnen). Ein gesättigtes Neuron gibt fast nichts zurück und "
    "liefert nahezu ±1, gleich welche Eingabe es erhält; das Verhältnis der Normen zeigt das nicht, weil es "
    "von den noch aktiven Neuronen getragen wird. Die Gewichte der ersten Schicht haben sich dabei um "
    "{van_tanh_moved_first} ihrer Anfangsnorm bewegt (ReLU: {van_relu_moved_first}; Median über die Startwerte).",
    "van_tanh_unsaturated": "Sättigung erklärt es nicht: In der am stärksten gesättigten Schicht ist der Anteil "
    "gesättigter tanh-Aktivierungen (|tanh z| über etwa 0,99) {van_tanh_sat_start} bei der Initialisierung und "
    "{van_tanh_sat_end} am Ende (Median über die Startwerte).",
    "van_tanh_unsettled": "Auch kommt sein Verlust nicht zur Ruhe: Die Läufe enden beim {van_tanh_unsettled}-Fachen "
    "des kleinsten Verlusts, den sie erreicht hatten (Median über die Startwerte; Median des kleinsten Verlusts "
    "{van_tanh_lowest}). Sie fanden bessere Gewichte und verließen sie wieder.",
    "van_tanh_settled": "Sein Verlust kommt nahe dem kleinsten erreichten Wert zur Ruhe: Die Läufe enden bei dessen "
    "{van_tanh_unsettled}-Fachem (Median über die Startwerte; Median des kleinsten Verlusts {van_tanh_lowest}).",
    "cap_van_saturation": "Je verdeckter Schicht in den festgehaltenen Epochen (Mittel über die Startwerte): der "
    "Anteil gesättigter Aktivierungen, f′(z) unter {van_sat_share} von max f′, für Sigmoid und tanh; der Anteil "
    "toter ReLU-Neuronen (auf jedem Punkt inaktiv).",
    "van_relu": "ReLU hilft, weil ihre Ableitung für jedes aktive Neuron genau 1 ist ({m:relu_prime}): "
    "max f′ = 1 statt 1/4, und entlang eines Pfades aktiver Neuronen multiplizieren sich die Ableitungen zu 1; "
    "der Fehler schrumpft also nur durch die Gewichte oder wo Neuronen inaktiv sind. Gemessen ist das "
    "ReLU-Verhältnis {van_relu_init} bei der Initialisierung und {van_relu_trained} am Ende. Der Preis sind "
    "tote Neuronen: Ein auf jedem Punkt inaktives Neuron gibt nichts zurück, und seine eigenen Gewichte "
    "erhalten keinen Gradienten. Von den ReLU-Neuronen sind {van_relu_dead_start} bei der Initialisierung tot "
    "und {van_relu_dead_end} am Ende (Mittel über Schichten und Startwerte).",
    "van_relu_dead_failed": "Jeder ReLU-Lauf, der scheitert, hat mehr tote Neuronen als jeder, der 100 % "
    "erreicht: In seiner Schicht mit den meisten toten Neuronen sind am Ende {van_relu_dead_failed} tot, "
    "gegenüber {van_relu_dead_solved} bei denen, die 100 % erreichen ({van_relu_solved}).",
    "van_relu_dead_not_failed": "Tote Neuronen allein unterscheiden die gescheiterten ReLU-Läufe nicht von "
    "denen, die 100 % erreichen ({van_relu_solved}): In der Schicht mit den meisten toten Neuronen sind am Ende "
    "bei den gescheiterten {van_relu_dead_failed} tot, bei den übrigen {van_relu_dead_solved}.",
    "van_relu_all_solved": "Alle ReLU-Läufe erreichen 100 % ({van_relu_solved}); in ihrer Schicht mit den "
    "meisten toten Neuronen sind am Ende {van_relu_dead_solved} tot.",
    "van_relu_none_solved": "Kein ReLU-Lauf erreicht in {van_epochs} Epochen 100 % ({van_relu_solved}); in "
    "ihrer Schicht mit den meisten toten Neuronen sind am Ende {van_relu_dead_failed} tot.",
    "h_init": "(b) Initialisierung",
    "init_theory": "Betrachte ein Neuron der Schicht l, z_j = Σᵢ w_ji aᵢ, mit Biases 0 und unabhängig "
    "gezogenen Gewichten mit Mittelwert 0 und Varianz Var(w), unabhängig von den Eingaben aᵢ der Schicht. "
    "Dann sind die Summanden unkorreliert, und jeder hat Var(w a) = E[w²] E[a²] − E[w]² E[a]² = Var(w) E[a²], "
    "weil E[w] = 0 ist; die Varianzen addieren sich also:",
    "init_forward": "Wie E[a²] von der Schicht darunter abhängt, bestimmt die Aktivierung. Ist f(0) = 0 und "
    "f′(0) = 1 (tanh), arbeiten die Neuronen bei kleinem z in ihrem linearen Bereich: a ≈ z, und a hat "
    "Mittelwert 0, also E[a²] ≈ Var(z⁽ˡ⁻¹⁾). Die Varianz wird dann in jeder Schicht mit n_in Var(w) "
    "multipliziert und bleibt nur für n_in Var(w) = 1 gleich:",
    "init_backward": "Rückwärts läuft dasselbe Argument über den Fan-out. Nach der Rekursion aus Aufgabe 1.1 "
    "ist der Fehler von Neuron i eine Summe über die n_out Neuronen der Schicht l + 1, die es speist, "
    "gewichtet mit den Gewichten und multipliziert mit f′(zᵢ); mit Gewichten, die von den Fehlern darüber "
    "unabhängig sind, und f′ ≈ 1 im linearen Bereich:",
    "init_xavier": "Die Gradienten behalten ihre Größe von Schicht zu Schicht nur für n_out Var(w) = 1. Beide "
    "Bedingungen gelten zugleich nur für n_in = n_out; Glorot und Bengio nehmen als Kompromiss das "
    "harmonische Mittel der beiden Varianzen:",
    "init_uniform": "Aus einer Gleichverteilung U(−r, r) gezogen (die Voreinstellung der Bibliothek für "
    "Sigmoid und tanh, `xavier_uniform`), folgt die Grenze r aus der Varianz der Gleichverteilung, dem "
    "Integral von w² über ihre Dichte 1/(2r):",
    "init_he": "He et al. wiederholen das Vorwärtsargument für ReLU, die um 0 nicht linear ist: Für ein um 0 "
    "symmetrisches z behält a = max(0, z) genau die positive Hälfte, also ist E[a²] die Hälfte von E[z²]. "
    "Jede Schicht multipliziert die Varianz dann mit ½ n_in Var(w), und der Faktor 2 gleicht das aus (die "
    "Normalform `he_normal` ist die Voreinstellung der Bibliothek für ReLU; die gleichverteilte hat "
    "r = √(6/n_in)):",
    "init_sigmoid_theory": "Die Sigmoid-Funktion erfüllt keine der beiden Voraussetzungen des "
    "Xavier-Arguments: σ(0) = ½, ihre Ausgaben haben also nicht den Mittelwert 0, und σ′(0) = ¼, nicht 1. In "
    "ihrem linearen Bereich ist σ(z) ≈ ½ + z/4, und jede Schicht multipliziert die rückwärts propagierte "
    "Varianz mit n_out Var(w) σ′(0)² = n_out Var(w)/16. Das Argument im linearen Bereich verlangt daher die "
    "16-fache Varianz von Xavier, die 4-fache Standardabweichung:",
    "init_sigmoid_mean": "Der Mittelwert ungleich 0 stört auch die Vorwärtshälfte: E[a²] enthält nun "
    "E[a]² ≈ ¼, einen Term, der nicht von der Schicht darunter abhängt. Mit Xavier (n_in Var(w) = 1) pendelt "
    "sich die Varianz bei Var(z) = Var(z)/16 + ¼ ein, also bei 4/15 ≈ 0,27, gleich, wie groß sie in der "
    "Schicht davor war; mit der 16-fachen Xavier-Varianz wächst sie um etwa 16 · ¼ = 4 pro Schicht, die "
    "Neuronen verlassen den linearen Bereich also sofort.",
    "init_sigmoid_convention": "Für Sigmoid-Neuronen hält also keine einzelne Skala beide Richtungen "
    "konstant. Sie mit Xavier zu initialisieren, wie es das „Xavier/He“ des Übungsblatts für jede Aktivierung außer "
    "ReLU nahelegt (und wie es diese Bibliothek voreinstellt), ist eine Konvention: Die Voraussetzungen der Herleitung, f(0) = 0 und f′(0) = 1, gelten "
    "für tanh, nicht für die Sigmoid-Funktion.",
    "init_measured_agrees": "In einem Netz aus {init_depth} Schichten mit {init_width} Neuronen und "
    "standardnormalen Eingaben liegt jede gemessene Varianz innerhalb eines Faktors {init_agree_factor} um "
    "die Vorhersage der Rekursion. ReLU mit He hält die Varianz der Voraktivierungen: {init_relu_he_first} "
    "in der ersten, {init_relu_he_last} in der letzten Schicht (vorhergesagt {init_relu_he_pred_last}). "
    "ReLU mit Xavier halbiert sie in jeder Schicht, auf {init_relu_xavier_last} (vorhergesagt "
    "{init_relu_xavier_pred_last}); tanh mit Xavier endet bei {init_tanh_xavier_last}, wie die Rekursion "
    "mit E[tanh²] vorhersagt ({init_tanh_xavier_pred_last}). Zu kleine Gewichte lassen das Signal "
    "verschwinden ({init_relu_small_last} in der letzten Schicht), zu große lassen es explodieren "
    "({init_relu_large_last}).",
    "init_measured_deviates": "In einem Netz aus {init_depth} Schichten mit {init_width} Neuronen und "
    "standardnormalen Eingaben weichen einige gemessene Varianzen um mehr als den Faktor {init_agree_factor} "
    "von der Vorhersage der Rekursion ab: ReLU mit He {init_relu_he_first} in der ersten und "
    "{init_relu_he_last} in der letzten Schicht (vorhergesagt {init_relu_he_pred_last}); ReLU mit Xavier "
    "{init_relu_xavier_last} (vorhergesagt {init_relu_xavier_pred_last}); tanh mit Xavier "
    "{init_tanh_xavier_last} (vorhergesagt {init_tanh_xavier_pred_last}); zu kleine Gewichte "
    "{init_relu_small_last}, zu große {init_relu_large_last}.",
    "cap_init_variance": "Varianz der Voraktivierungen pro Schicht, gemessen (Punkte) und vorhergesagt "
    "(Linien), für jede Initialisierung.",
    "init_sigmoid_larger_better": "Dasselbe Netz mit Sigmoid-Neuronen zeigt es. Mit Xavier schrumpft die "
    "rückwärts propagierte Varianz um den Faktor {init_sig_xavier_per_layer} pro Schicht (der lineare Bereich "
    "sagt {init_sig_xavier_linear} = 1/16 voraus), auf {init_sig_xavier_first} in der ersten Schicht, und "
    "die Vorwärtsvarianz liegt bei {init_sig_xavier_z2} (vorhergesagt {init_sig_xavier_z2_pred}); die "
    "mittlere Ausgabe der Neuronen ist {init_sig_mean_output}, nicht 0. Mit der 16-fachen Xavier-Varianz ist "
    "der Faktor {init_sig_xavier16_per_layer} pro Schicht: besser, aber nicht die {init_sig_xavier16_linear} "
    "des linearen Bereichs, weil der Mittelwertterm die Vorwärtsvarianz auf {init_sig_xavier16_z2} hebt "
    "(vorhergesagt {init_sig_xavier16_z2_pred}), wo der quadratische Mittelwert von σ′ {init_sig_rms_slope} ist, nicht ¼.",
    "init_sigmoid_larger_keeps": "Dasselbe Netz mit Sigmoid-Neuronen zeigt es. Mit Xavier schrumpft die "
    "rückwärts propagierte Varianz um den Faktor {init_sig_xavier_per_layer} pro Schicht (der lineare Bereich "
    "sagt {init_sig_xavier_linear} = 1/16 voraus), auf {init_sig_xavier_first} in der ersten Schicht, und "
    "die Vorwärtsvarianz liegt bei {init_sig_xavier_z2} (vorhergesagt {init_sig_xavier_z2_pred}); die "
    "mittlere Ausgabe der Neuronen ist {init_sig_mean_output}, nicht 0. Mit der 16-fachen Xavier-Varianz ist "
    "der Faktor {init_sig_xavier16_per_layer} pro Schicht, nahe an den {init_sig_xavier16_linear} des "
    "linearen Bereichs, bei einer Vorwärtsvarianz von {init_sig_xavier16_z2} (vorhergesagt "
    "{init_sig_xavier16_z2_pred}).",
    "init_sigmoid_xavier_better": "Dasselbe Netz mit Sigmoid-Neuronen: Mit Xavier ändert sich die rückwärts "
    "propagierte Varianz um den Faktor {init_sig_xavier_per_layer} pro Schicht (linearer Bereich: "
    "{init_sig_xavier_linear}), auf {init_sig_xavier_first} in der ersten Schicht, bei einer Vorwärtsvarianz "
    "von {init_sig_xavier_z2} (vorhergesagt {init_sig_xavier_z2_pred}) und mittleren Ausgaben "
    "{init_sig_mean_output}. Mit der 16-fachen Xavier-Varianz ist der Faktor {init_sig_xavier16_per_layer} "
    "(linearer Bereich: {init_sig_xavier16_linear}), bei einer Vorwärtsvarianz von {init_sig_xavier16_z2} "
    "(vorhergesagt {init_sig_xavier16_z2_pred}): Die größere Skala hilft hier nicht.",
    "cap_init_sigmoid": "Sigmoid-Neuronen mit Xavier und 16 × Xavier: vorwärts E[z²] und rückwärts E[δ²] "
    "(relativ zur letzten Schicht) pro Schicht, gemessen (Punkte) und vorhergesagt durch die Rekursionen mit "
    "E[σ(z)²] und E[σ′(z)²] (gestrichelt).",
    "init_training_plateau": "Dieselben Verfahren auf den Spiralen (SGD): Null- oder winzige Gewichte "
    "verlassen das Plateau bei ln 2 ≈ 0,693 nie, weder mit tanh noch mit ReLU (mit Nullen berechnet jedes "
    "Neuron 0, und kein Gewicht unterhalb der Ausgabe erhält einen Gradienten); zu große Gewichte beginnen "
    "bei Verlusten von {init_large_initial}, und {init_large_diverged} ihrer {init_runs} Läufe divergierten.",
    "init_training_moves": "Dieselben Verfahren auf den Spiralen (SGD): Nicht alle Läufe mit Null- oder "
    "winzigen Gewichten bleiben auf dem Plateau bei ln 2 ≈ 0,693 (Tabelle); zu große Gewichte beginnen bei "
    "Verlusten von {init_large_initial}, und {init_large_diverged} ihrer {init_runs} Läufe divergierten.",
    "cap_init_training": "Training mit jeder Initialisierung: mittlerer Endverlust und mittlere Genauigkeit "
    "über die Startwerte.",
    "cap_init_training_fig": "Trainingsverlust pro Epoche für jede Initialisierung.",
    "init_tanh_he_wins": "Für tanh trainiert He besser als Xavier: Mit Xavier erreicht das Netz {init_tanh_xavier_acc} "
    "(Endverlust {init_tanh_xavier_loss}), mit He, dessen Varianz 2/n_in statt 2/(n_in + n_out) ist, "
    "{init_tanh_he_acc} ({init_tanh_he_loss}). ReLU erreicht {init_relu_xavier_acc} mit Xavier und "
    "{init_relu_he_acc} mit He.",
    "init_tanh_xavier_wins": "Für tanh trainiert hier Xavier besser: {init_tanh_xavier_acc} (Endverlust "
    "{init_tanh_xavier_loss}) gegenüber {init_tanh_he_acc} ({init_tanh_he_loss}) mit He. ReLU erreicht "
    "{init_relu_xavier_acc} mit Xavier und {init_relu_he_acc} mit He.",
    "init_tanh_tie": "Für tanh enden Xavier und He etwa gleichauf: {init_tanh_xavier_acc} (Endverlust "
    "{init_tanh_xavier_loss}) gegenüber {init_tanh_he_acc} ({init_tanh_he_loss}). ReLU erreicht "
    "{init_relu_xavier_acc} mit Xavier und {init_relu_he_acc} mit He.",
    "init_linear_cause": "Der Startpunkt zeigt, warum. Die Spiralen kommen mit kleiner Skala an (durch 4π "
    "geteilt, und die erste Schicht hat n_in = 2, die Xavier-Varianz 2/(2 + 32) ist also viel kleiner als die "
    "He-Varianz 2/2): Mit Xavier beginnen die verdeckten Voraktivierungen des tanh-Netzes bei "
    "E[z²] = {init_tanh_xavier_z2}, und jede verdeckte Schicht ist bis auf ‖tanh(z) − z‖/‖z‖ = "
    "{init_tanh_xavier_gap} linear. Das Netz beginnt als nahezu lineare Abbildung, die Spiralen nicht trennen "
    "kann, und seine Gradienten sind klein (‖∂L/∂W⁽ˡ⁾‖ = {init_tanh_xavier_grad}); mit He ist "
    "E[z²] = {init_tanh_he_z2}, der Abstand von linear {init_tanh_he_gap} und die Gradienten "
    "{init_tanh_he_grad}. Kleine Gewichte allein sind nicht das Problem: ReLU mit Xavier beginnt mit noch "
    "kleineren Gradienten ({init_relu_xavier_grad}) und trainiert, weil ein ReLU-Neuron auf jeder Skala "
    "gleich weit von linear entfernt ist ({init_relu_xavier_gap}). Die anfängliche Gewichtsskala entscheidet "
    "also, ob ein tanh-Netz in seinem linearen Bereich startet.",
    "init_linear_open": "Die Startpunkte, gemessen auf den Trainingsdaten: Mit Xavier haben die verdeckten "
    "Voraktivierungen des tanh-Netzes E[z²] = {init_tanh_xavier_z2}, ihr Abstand von linear "
    "‖tanh(z) − z‖/‖z‖ ist {init_tanh_xavier_gap} und die Gradienten ‖∂L/∂W⁽ˡ⁾‖ sind {init_tanh_xavier_grad}; "
    "mit He {init_tanh_he_z2}, {init_tanh_he_gap} und {init_tanh_he_grad}; ReLU mit Xavier beginnt im "
    "Abstand {init_relu_xavier_gap} von linear mit Gradienten {init_relu_xavier_grad}. Diese Zahlen zeigen "
    "keine einzelne Ursache für den Unterschied im Training.",
    "init_symmetry_kept": "Warum überhaupt zufällig? Beginnen alle Gewichte gleich, berechnet jedes "
    "versteckte Neuron einer Schicht dieselbe Funktion und erhält denselben Gradienten, also bleiben die "
    "Neuronen für immer gleich: Nach dem Training mit allen Gewichten bei 0,5 ist der größte Unterschied "
    "zwischen den eingehenden Gewichten zweier Neuronen einer Schicht {init_sym_spread}, die erste verdeckte "
    "Schicht hat {init_sym_units}, und das Netz erreicht {init_sym_acc} Trainingsgenauigkeit. Ein zufälliger "
    "Start bricht die Symmetrie: Abstand {init_rand_spread}; {init_rand_units}; {init_rand_acc}.",
    "init_symmetry_unclear": "Gleiche und zufällige Startgewichte nach dem Training: Mit allen Gewichten bei "
    "0,5 ist der größte Unterschied zwischen den eingehenden Gewichten zweier Neuronen einer Schicht "
    "{init_sym_spread}, die erste verdeckte Schicht hat {init_sym_units}, und das Netz erreicht "
    "{init_sym_acc} Trainingsgenauigkeit; mit zufälligem Start: Abstand {init_rand_spread}; "
    "{init_rand_units}; {init_rand_acc}. Hier hat der konstante Start nicht alle Neuronen einer Schicht "
    "gleich gehalten, oder der zufällige hat sie nicht getrennt.",
    "cap_init_symmetry": "Symmetrie: Mit gleichen Anfangsgewichten bleiben alle versteckten Neuronen identisch "
    "(links), mit zufälligen spezialisieren sie sich (rechts).",
    # die Initialisierungsstudie und die tanh-Zellen der Parameterstudie (sections/init_sweep.py)
    "link_both": "Die Parameterstudie zeigt in dieselbe Richtung. Im Spiralnetz dieses Abschnitts hebt He statt "
    "Xavier tanh von {link_init_xavier} auf {link_init_he}; in der Parameterstudie steigen ihre {link_sweep_n} "
    "tanh-Zellen, mit He-skalierten Gewichten wiederholt (sonst unverändert), im Mittel von "
    "{link_sweep_default} auf {link_sweep_he}. Die scheiternden tanh-Zellen bremst also die Anfangsskala der "
    "Gewichte, nicht tanh′.",
    "link_partial": "Die Parameterstudie zeigt in dieselbe Richtung, aber nur zum Teil. Im Spiralnetz dieses "
    "Abschnitts hebt He statt Xavier tanh von {link_init_xavier} auf {link_init_he}; in der Parameterstudie "
    "steigen ihre {link_sweep_n} tanh-Zellen, mit He-skalierten Gewichten wiederholt (sonst unverändert), im "
    "Mittel von {link_sweep_default} auf {link_sweep_he}, um mehr als 5 Punkte, bleiben aber unter 90 %. Die "
    "Anfangsskala der Gewichte bremst die tanh-Zellen also, ist in diesem Budget aber nicht alles, was sie bremst.",
    "link_init_only": "Im Spiralnetz dieses Abschnitts hebt He statt Xavier tanh von {link_init_xavier} auf "
    "{link_init_he}, die {link_sweep_n} tanh-Zellen der Parameterstudie, mit He-skalierten Gewichten "
    "wiederholt (sonst unverändert), kommen aber im Mittel nur von {link_sweep_default} auf {link_sweep_he}, "
    "weniger als 5 Punkte. Im kleineren Budget der Parameterstudie ist die Anfangsskala nicht das, was ihre "
    "tanh-Zellen bremst.",
    "link_init_none": "Hier trainiert He tanh nicht besser als Xavier ({link_init_he} gegenüber "
    "{link_init_xavier}); diese Studie gibt also keinen Grund, warum die tanh-Zellen der Parameterstudie mit "
    "He besser abschneiden sollten (ihre He-skalierte Wiederholung: {link_sweep_default} → {link_sweep_he}).",
    "link_sweep_none": "He statt Xavier hebt tanh hier von {link_init_xavier} auf {link_init_he}; die "
    "Parameterstudie hat ihre tanh-Zellen nicht mit He-skalierten Gewichten wiederholt (`--rescaled`) und "
    "kann daher nicht sagen, ob dasselbe dort gilt.",
    # ------------------------------------------------------------------ 3.2
    "h_practical": "Praktische Probleme (Aufgabe 3.2)",
    "h_overfit": "(a) Overfitting, Early Stopping und L2",
    "of_setup": "{of_n} Trainingsbeispiele (Spiralen mit Rauschen {of_noise}) und ein Netz {of_layers} "
    "({of_activation}) mit {of_params} Parametern, {of_per_sample} pro Beispiel, trainiert mit Adam auf dem "
    "ganzen Datensatz für {of_epochs} Epochen; eine zweite Stichprobe von {of_n_val} Beispielen ist die "
    "Validierungsmenge, {of_n_test} neue Beispiele sind die Testmenge. Von denselben Anfangsgewichten aus "
    "wird das Netz dreimal trainiert: ohne Gegenmittel; mit Early Stopping, das den Validierungsverlust mit "
    "einer Geduld von {of_patience} Epochen beobachtet und die besten Gewichte wiederherstellt; und mit dem "
    "L2-Strafterm λ = {of_lambda} (gewählt nach dem Validierungsverlust bei einem anderen Startwert, nie nach "
    "dem Testverlust). Der Testverlust wird alle {of_test_every} Epochen gemessen, sodass sich Overfitting "
    "an {of_n_test} unabhängigen Punkten zeigt, nicht nur an den {of_n_val} der Validierungsmenge. Das Ganze "
    "wird {of_repeats}-mal mit neuen Daten und Anfangsgewichten wiederholt.",
    "cap_of_curves": "Trainings-, Validierungs- und Testverlust der ersten Wiederholung: ohne Gegenmittel, "
    "mit der besten Epoche, dem Geduldsfenster und dem Stopp des Early Stopping (links), und mit L2 (rechts).",
    "cap_of_table": "Die drei Läufe der ersten Wiederholung.",
    "of_result": "Ohne Gegenmittel fällt der Trainingsverlust auf {of_long_train_loss}, während der "
    "Validierungsverlust bei Epoche {of_min_val_epoch} am kleinsten ist ({of_min_val_loss}) und bei "
    "{of_long_val_loss} endet; der Testverlust ist bei Epoche {of_min_test_epoch} am kleinsten "
    "({of_min_test_loss}) und endet bei {of_long_test_loss}. Early Stopping endet bei Epoche {of_stop} und "
    "stellt Epoche {of_best} wieder her: Testverlust {of_early_test_loss}, Genauigkeit {of_early_test_acc} "
    "(ohne Gegenmittel {of_long_test_acc}); L2 erreicht {of_l2_test_loss} und {of_l2_test_acc}.",
    "of_overfit_all": "Overfitting tritt in jeder der {of_repeats} {of_repeats_word} auf: Der "
    "Testverlust liegt am Ende mehr als {of_rise_pct} % über seinem kleinsten Wert, und auch der "
    "Validierungsverlust ist gestiegen (Anstieg des Testverlusts, Median und Spanne: {of_test_rise}; des "
    "Validierungsverlusts: {of_val_rise}).",
    "of_overfit_some": "Overfitting tritt in {of_overfit_count} von {of_repeats} {of_repeats_word} auf "
    "(Testverlust am Ende mehr als {of_rise_pct} % über seinem kleinsten Wert und gestiegener "
    "Validierungsverlust); Anstieg des Testverlusts, Median und Spanne: {of_test_rise}; des "
    "Validierungsverlusts: {of_val_rise}.",
    "of_overfit_none": "In keiner der {of_repeats} {of_repeats_word} liegt der Testverlust am Ende mehr als "
    "{of_rise_pct} % über seinem kleinsten Wert bei gestiegenem Validierungsverlust (Anstieg des "
    "Testverlusts: {of_test_rise}): In diesem Budget tritt kaum Overfitting auf.",
    "cap_of_boundaries": "Entscheidungsgrenzen der ersten Wiederholung: ohne Gegenmittel, mit Early "
    "Stopping, mit L2.",
    "cap_of_repeats_table": "Über alle Wiederholungen: Testverlust und Testgenauigkeit, Median (kleinster "
    "bis größter Wert), der Anteil sicherer Fehler (Testpunkte, die mit einer "
    "Wahrscheinlichkeit von {of_confident} oder mehr falsch sind) und die Wiederholungen, in denen ein Gegenmittel "
    "einen kleineren Testverlust hat als keines (besser).",
    "cap_of_repeats": "Jede Wiederholung: Testverlust und Testgenauigkeit der drei Läufe (die erste "
    "Wiederholung schwarz); rechts der Validierungsverlust des Early Stopping in seiner gewählten Epoche, "
    "sein Testverlust und die Spanne seines Verlusts auf Gruppen zu 50 Testpunkten.",
    "of_es_loss_always": "Early Stopping senkt den Testverlust in allen {of_repeats} {of_repeats_word}, im "
    "Median um {of_es_loss_diff} (Spanne {of_es_loss_range}).",
    "of_es_loss_mostly": "Early Stopping senkt den Testverlust in {of_es_loss_k} von {of_repeats} "
    "{of_repeats_word}, im Median um {of_es_loss_diff} (Spanne {of_es_loss_range}); in {of_es_loss_other} hilft "
    "es nicht.",
    "of_es_loss_not": "Early Stopping senkt den Testverlust nur in {of_es_loss_k} von {of_repeats} "
    "{of_repeats_word} (Änderung im Median {of_es_loss_diff}, Spanne {of_es_loss_range}): Hier hilft es nicht "
    "verlässlich.",
    "of_conf_not_acc": "Es bringt Vorsicht, nicht Genauigkeit: Die Testgenauigkeit ist nur in "
    "{of_es_acc_k} von {of_repeats} {of_repeats_word} höher (Unterschied im Median {of_es_acc_diff} "
    "Prozentpunkte), aber der Anteil der Testpunkte, die mit einer Wahrscheinlichkeit von {of_confident} "
    "oder mehr falsch eingeordnet werden, sinkt in {of_es_err_k} davon (Median {of_long_err} ohne "
    "Gegenmittel, {of_es_err} mit Early Stopping). Overfitting zeigt sich als Übervertrauen, das die "
    "Kreuzentropie bestraft und die Genauigkeit nicht sieht.",
    "of_conf_and_acc": "Early Stopping erhöht auch die Testgenauigkeit, in {of_es_acc_k} von {of_repeats} "
    "{of_repeats_word} (Median {of_es_acc_diff} Prozentpunkte), und senkt den Anteil sicherer Fehler "
    "(Wahrscheinlichkeit {of_confident} oder mehr) in {of_es_err_k} (Median {of_long_err} gegen {of_es_err}).",
    "of_conf_no": "Early Stopping senkt die sicheren Fehler (Wahrscheinlichkeit {of_confident} oder mehr) "
    "nicht in den meisten Wiederholungen: nur in {of_es_err_k} von {of_repeats} (Median {of_long_err} gegen "
    "{of_es_err}); die Testgenauigkeit ist in {of_es_acc_k} höher (Median {of_es_acc_diff} Prozentpunkte).",
    "of_l2_loss_always": "L2 senkt den Testverlust in allen {of_repeats} {of_repeats_word}, im Median um "
    "{of_l2_loss_diff} (Spanne {of_l2_loss_range}); die Testgenauigkeit ist in {of_l2_acc_k} davon höher.",
    "of_l2_loss_mostly": "L2 senkt den Testverlust in {of_l2_loss_k} von {of_repeats} {of_repeats_word}, im "
    "Median um {of_l2_loss_diff} (Spanne {of_l2_loss_range}); die Testgenauigkeit ist in {of_l2_acc_k} davon "
    "höher (Median {of_l2_acc_diff} Prozentpunkte).",
    "of_l2_loss_not": "L2 senkt den Testverlust nur in {of_l2_loss_k} von {of_repeats} {of_repeats_word} "
    "(Änderung im Median {of_l2_loss_diff}, Spanne {of_l2_loss_range}): Bei diesem λ hilft es nicht verlässlich.",
    "of_l2_vs_es_l2": "Gegeneinander hat L2 in {of_l2_es_k} von {of_repeats} {of_repeats_word} den "
    "kleineren Testverlust (Vorsprung im Median {of_l2_es_diff}, Spanne {of_l2_es_range}): Hier ist es das "
    "bessere Gegenmittel.",
    "of_l2_vs_es_es": "Gegeneinander hat Early Stopping in {of_l2_es_other} von {of_repeats} "
    "{of_repeats_word} den kleineren Testverlust (Vorsprung von L2 im Median {of_l2_es_diff}, Spanne "
    "{of_l2_es_range}); hier ist es also das bessere Gegenmittel.",
    "of_l2_vs_es_tie": "Gegeneinander hat jedes Gegenmittel in der Hälfte der {of_repeats} "
    "{of_repeats_word} den kleineren Testverlust (Vorsprung von L2 im Median {of_l2_es_diff}, Spanne "
    "{of_l2_es_range}): Keines ist das bessere.",
    "of_val_below_scatter": "Der Validierungsverlust ist eine zu optimistische Schätzung: In der Epoche, die "
    "Early Stopping wählt, beträgt er, als Median (Spanne) über die Wiederholungen, {of_chosen_val}, der "
    "Testverlust desselben Modells {of_es_test}: kleiner in allen {of_val_below} {of_repeats_word}. Fünfzig "
    "Punkte sind eine kleine Stichprobe: Der Verlust derselben Modelle auf {of_groups} Gruppen zu "
    "{of_group_size} Testpunkten streut von {of_group_range} (Median {of_group_median}), und der gewählte "
    "Validierungsverlust liegt in "
    "jeder Wiederholung innerhalb dieser Streuung. Wer die Epoche des kleinsten solcher verrauschten Werte "
    "wählt, bevorzugt einen glücklichen; darum unterschätzt das Minimum der Validierungskurve den Verlust "
    "auf neuen Daten, und erst die unabhängige Testmenge gibt eine ehrliche Zahl.",
    "of_val_below_selection": "Der Validierungsverlust ist eine zu optimistische Schätzung: In der Epoche, "
    "die Early Stopping wählt, beträgt er, als Median (Spanne) über die Wiederholungen, {of_chosen_val}, der "
    "Testverlust desselben Modells {of_es_test}: kleiner in allen {of_val_below} {of_repeats_word}. Der "
    "Verlust derselben Modelle auf {of_groups} Gruppen zu {of_group_size} Testpunkten streut von "
    "{of_group_range} (Median {of_group_median}), und der gewählte Validierungsverlust liegt in "
    "{of_val_in_scatter_other} "
    "Wiederholungen darunter: Über das Rauschen einer kleinen Stichprobe hinaus bevorzugt die Wahl des "
    "kleinsten Werts einen glücklichen, und die Validierungspunkte liegen an denselben Stellen der Arme wie "
    "die Trainingspunkte.",
    "of_val_not_below": "Der Validierungsverlust in der gewählten Epoche, {of_chosen_val} (Median und "
    "Spanne), liegt nur in {of_val_below} von {of_repeats} {of_repeats_word} unter dem Testverlust desselben "
    "Modells ({of_es_test}); der Verlust auf {of_groups} Gruppen zu {of_group_size} Testpunkten streut über "
    "{of_group_range} (Median {of_group_median}); eine Schätzung aus 50 Punkten ist also in beide Richtungen "
    "verrauscht.",
    "h_lr": "(b) Lernrate",
    "lr_setup": "Das Netz {lr_layers} ({lr_activation}) wird mit reinem SGD für {lr_epochs} Epochen "
    "bei {lr_count} Lernraten von {lr_min} bis {lr_max} trainiert, jede mit {lr_seeds} Startwerten (Startwert i gibt "
    "bei jeder Lernrate dieselben Anfangsgewichte und dieselbe Batch-Reihenfolge). Keine einzelne Epoche "
    "entscheidet: Der Endverlust eines Laufs ist der mittlere Trainingsverlust seiner letzten "
    "{lr_smooth_share} der Epochen (der geglättete Endverlust); eine Spitze ist eine Epoche, deren Verlust "
    "das {lr_spike_factor}-Fache des kleinsten Verlusts davor übersteigt (dieses Minimum mindestens "
    "{lr_spike_floor}, darunter ist die Trainingsmenge so gut wie gelernt); ein totes Neuron ist eine "
    "verdeckte ReLU, die auf jedem Trainingspunkt 0 ausgibt und darum nie wieder einen Gradienten erhält. "
    "Das Urteil über eine Lernrate folgt aus den Medianen über ihre Startwerte: zu klein, wenn der Verlust um "
    "weniger als {lr_threshold} seines Anfangswerts {lr_initial} fiel; divergiert, wenn er so weit nicht "
    "fiel, nachdem er über das {lr_peak_factor}-Fache des Anfangsverlusts schoss oder {lr_dead_limit} seiner "
    "Neuronen verlor, oder wenn das Training explodierte; zu groß, wenn das Netz lernte, aber "
    "{lr_spike_limit} oder mehr seiner Epochen Spitzen sind oder {lr_dead_limit} oder mehr seiner Neuronen "
    "starben; sonst gut.",
    "cap_lr_curves": "Verlustkurven jedes Startwerts bei jeder Lernrate, nach Urteil gruppiert; die "
    "strichpunktierte Linie ist der Anfangsverlust.",
    "cap_lr_table": "Lernraten: Urteil, geglätteter Endverlust (Median und Spanne über die Startwerte), "
    "Median des Anteils der Spitzen-Epochen und der toten Neuronen, Median der Trainingsgenauigkeit und wie "
    "viele Startwerte für sich allein das Urteil der Lernrate ergeben.",
    "cap_lr_summary": "Geglätteter Endverlust, Spitzen und tote Neuronen über der Lernrate: Mediane über die "
    "Startwerte mit ihrer Spanne, nach Urteil gefärbt.",
    "lr_verdicts": "Zu klein: {lr_too_small} (der Verlust fiel um höchstens {lr_too_small_fall}). Gut: "
    "{lr_good} (geglätteter Endverlust {lr_good_loss}); die beste ist {lr_best} mit {lr_best_loss}. Zu groß: "
    "{lr_too_large} (Spitzen in bis zu {lr_too_large_spikes} der Epochen, {lr_too_large_dead} tote "
    "Neuronen). Divergiert: {lr_diverges} (geglätteter Endverlust {lr_diverges_loss}, {lr_diverges_dead} "
    "tote Neuronen).",
    "lr_small_monotone": "Unterhalb der besten Lernrate endet jede größere tiefer: Eine zu kleine Lernrate "
    "zerstört das Training nicht, sie verlangsamt es nur, und es bräuchte mehr Epochen.",
    "lr_small_not_monotone": "Unterhalb der besten Lernrate fällt der geglättete Endverlust nicht stetig mit "
    "der Lernrate; eine kleinere Lernrate ist hier also nicht bloß langsamer.",
    "lr_small_none": "Keine Lernrate des Rasters liegt unter der besten.",
    "lr_spikes_grow": "Oberhalb der besten Lernrate wird das Training instabil: Spitzen in {lr_best_spikes} "
    "der Epochen bei {lr_best}, aber {lr_top_spikes} bei {lr_top_spikes_rate}. Ein so großer Schritt springt "
    "über das Tal hinaus, in das er absteigen sollte, und der Verlust springt wieder nach oben.",
    "lr_spikes_not": "Oberhalb der besten Lernrate bleiben die Spitzen unter {lr_spike_limit} der Epochen "
    "(höchstens {lr_top_spikes}, bei {lr_top_spikes_rate}): Die größeren Lernraten scheitern, wenn überhaupt, "
    "ohne Spitzen.",
    "lr_spikes_none": "Keine Lernrate des Rasters liegt über der besten.",
    "lr_dead_explains": "Die divergierenden Lernraten sind die, deren Neuronen starben: {lr_diverges_dead} "
    "der verdeckten ReLUs sind dort tot, gegen {lr_good_dead} bei den guten Lernraten. Ein totes Neuron "
    "erhält keinen Gradienten, ein solches Netz kann sich also nicht erholen; sein Verlust bleibt nahe am "
    "Anfangsverlust oder darüber.",
    "lr_dead_not": "Tote Neuronen trennen hier die divergierenden Lernraten nicht von den guten: "
    "{lr_diverges_dead} tot bei den divergierenden, {lr_good_dead} bei den guten.",
    "lr_dead_none": "Ohne gute und divergierende Lernraten (oder ohne ReLU-Neuronen) lassen sich tote "
    "Neuronen zwischen ihnen nicht vergleichen.",
    "lr_edge_next": "Die beste Lernrate liegt knapp unter dem Zusammenbruch: Die nächste des Rasters, "
    "{lr_next}, ist schon zu groß oder divergiert. Der brauchbare Bereich ist nach oben eng begrenzt.",
    "lr_edge_room": "Die nächste Lernrate über der besten, {lr_next}, arbeitet noch ohne Instabilität; die "
    "beste liegt also nicht am Rand des Zusammenbruchs.",
    "lr_edge_none": "Die beste Lernrate ist die größte des Rasters (oder es gibt keine).",
    "lr_seeds_agree": "Die Urteile hängen nicht an einem Startwert: Bei allen {lr_unanimous} Lernraten "
    "ergibt jeder Startwert für sich dasselbe Urteil.",
    "lr_seeds_differ": "Bei {lr_unanimous} von {lr_count} Lernraten ergibt jeder Startwert dasselbe Urteil; "
    "bei {lr_differ} weichen die Startwerte ab, dort folgt das Urteil aus den Medianen über die Startwerte.",
    # ------------------------------------------------------------------ 4
    "h_bonus": "Bonusaufgaben (Aufgabe 4.1)",
    "h_momentum": "(a) Momentum",
    "opt_momentum": "Genau in der Form des Übungsblatts implementiert (`optimizer='momentum'`, β = {opt_beta}): "
    "Die Geschwindigkeit v ist ein exponentiell gleitender Mittelwert der Gradienten. Bei konstantem Gradienten "
    "g strebt sie gegen g, der Schritt also gegen αg, den Schritt von reinem SGD mit demselben α; PyTorchs "
    "`v = βv + g` strebt gegen g/(1 − β), also {opt_one_over}-mal so weit. In der Form des Übungsblatts macht "
    "Momentum daher im Mittel denselben Schritt wie SGD mit demselben α; gewinnen kann es nur durch das Mitteln "
    "der wechselnden Mini-Batch-Gradienten. Der faire Vergleich ist daher SGD mit demselben α: Beide laufen mit "
    "α = {opt_sgd_lr} und mit α = {opt_sgd_momentum_rate_lr}, von denselben Startgewichten und in derselben "
    "Mini-Batch-Reihenfolge, je {opt_epochs} Epochen.",
    "h_adaptive": "(c) Adaptive Lernraten: RMSprop und Adam",
    "opt_adaptive": "Beide teilen den Schritt jedes Parameters durch ein gleitendes quadratisches Mittel seiner "
    "Gradienten, sodass der Schritt ungefähr α beträgt, gleich wie groß die Gradienten dieses Parameters sind; "
    "Adam mittelt zusätzlich die Gradienten selbst und korrigiert die Verzerrung der mit null begonnenen "
    "Mittelwerte. Die Einstellungen, wie die Optimiererobjekte sie halten (ihr `config()`, in `metrics.json` "
    "gespeichert): RMSprop mit α = {opt_rms_lr}, ρ = {opt_rms_rho} und ε = {opt_rms_eps}; Adam mit "
    "α = {opt_adam_lr}, β₁ = {opt_adam_beta1}, β₂ = {opt_adam_beta2} und ε = {opt_adam_eps}.",
    "cap_opt_curves": "Links: Trainingsverlust je Epoche aller Läufe, alle von denselben Startgewichten und in "
    "derselben Mini-Batch-Reihenfolge. Rechts: Laufzeit pro Epoche jeder Update-Regel in {opt_timing_repeats} "
    "gemessenen Läufen (Punkte), ihr Median (Raute) und ihre Spanne (Balken).",
    "cap_opt_table": "Optimierer: Endverlust (ganzer Trainingsdatensatz, Endgewichte), erste Epoche mit einem "
    "Verlust unter 0,1 (–: nicht innerhalb von {opt_epochs} Epochen), Testgenauigkeit und Laufzeit pro Epoche in "
    "ms, Median (Min.–Max.) aus {opt_timing_repeats} gemessenen Läufen zu je {opt_timing_epochs} Epochen; sie "
    "hängt von der Update-Regel ab (nicht von α) und von der Maschine.",
    "opt_first": "{opt_first_name} kommt als erster Lauf unter einen Verlust von 0,1, nach {opt_first_epochs} "
    "Epochen, {opt_first_lead} weniger als der nächste, {opt_second_name}, mit {opt_second_epochs}; "
    "{opt_n_reached} der Läufe kommen innerhalb von {opt_epochs} Epochen dorthin.",
    "opt_first_tie": "{opt_first_name} und {opt_second_name} kommen als Erste unter einen Verlust von 0,1, beide "
    "nach {opt_first_epochs} Epochen; {opt_n_reached} der Läufe kommen innerhalb von {opt_epochs} Epochen dorthin.",
    "opt_first_alone": "Nur {opt_first_name} kommt innerhalb von {opt_epochs} Epochen unter einen Verlust von 0,1, "
    "nach {opt_first_epochs}.",
    "opt_first_none": "Kein Lauf kommt innerhalb von {opt_epochs} Epochen unter einen Verlust von 0,1.",
    "opt_momentum_gain": "Den eigenen Gewinn von Momentum misst der Vergleich mit SGD bei demselben "
    "α = {opt_momentum_lr}: SGD braucht {opt_sgd_momentum_rate_e01} Epochen bis unter 0,1, Momentum "
    "{opt_momentum_e01}, {opt_large_diff} weniger (Faktor {opt_large_factor}). SGD mit α = {opt_sgd_lr} braucht "
    "{opt_sgd_e01} Epochen; der Vergleich damit würde Momentum auch den Gewinn der größeren Lernrate "
    "zuschreiben.",
    "opt_momentum_gain_same": "Gegenüber SGD bei demselben α = {opt_momentum_lr} gewinnt Momentum nichts "
    "Messbares: SGD braucht {opt_sgd_momentum_rate_e01} Epochen bis unter 0,1, Momentum {opt_momentum_e01}, "
    "weniger als 5 % auseinander. SGD mit α = {opt_sgd_lr} braucht {opt_sgd_e01} Epochen; der Vergleich damit "
    "würde Momentum den Gewinn der größeren Lernrate zuschreiben.",
    "opt_momentum_gain_slower": "Gegenüber SGD bei demselben α = {opt_momentum_lr} ist Momentum langsamer: Es "
    "braucht {opt_momentum_e01} Epochen bis unter 0,1, SGD {opt_sgd_momentum_rate_e01}. SGD mit α = {opt_sgd_lr} "
    "braucht {opt_sgd_e01} Epochen.",
    "opt_momentum_gain_unreached": "Gegenüber SGD bei demselben α = {opt_momentum_lr}: SGD braucht "
    "{opt_sgd_momentum_rate_e01} Epochen bis unter 0,1, Momentum {opt_momentum_e01} (–: nicht innerhalb von "
    "{opt_epochs} Epochen), ein Gewinn in Epochen ist also nicht gemessen; die Endverluste sind "
    "{opt_sgd_momentum_rate_loss} (SGD) und {opt_momentum_loss} (Momentum).",
    "opt_small_rate_same": "Bei α = {opt_sgd_lr} liegen beide weniger als 5 % auseinander: SGD braucht "
    "{opt_sgd_e01} Epochen, Momentum {opt_momentum_sgd_rate_e01} ({opt_small_diff} Epochen Unterschied), wie der gleiche "
    "mittlere Schritt αg erwarten lässt.",
    "opt_small_rate_faster": "Bei α = {opt_sgd_lr} kommt Momentum {opt_small_diff} Epochen früher als SGD unter "
    "0,1 ({opt_momentum_sgd_rate_e01} gegenüber {opt_sgd_e01}).",
    "opt_small_rate_slower": "Bei α = {opt_sgd_lr} braucht Momentum {opt_small_diff} Epochen mehr als SGD bis "
    "unter 0,1 ({opt_momentum_sgd_rate_e01} gegenüber {opt_sgd_e01}).",
    "opt_small_rate_one_unreached": "Bei α = {opt_sgd_lr} kommt nur einer der beiden innerhalb von {opt_epochs} "
    "Epochen unter 0,1 (SGD: {opt_sgd_e01}; Momentum: {opt_momentum_sgd_rate_e01}).",
    "opt_small_rate_both_unreached_same": "Bei α = {opt_sgd_lr} kommt keiner der beiden innerhalb von "
    "{opt_epochs} Epochen unter 0,1; ihre Endverluste, {opt_sgd_loss} (SGD) und {opt_momentum_sgd_rate_loss} "
    "(Momentum), liegen weniger als 5 % auseinander, wie der gleiche mittlere Schritt αg erwarten lässt.",
    "opt_small_rate_both_unreached_differ": "Bei α = {opt_sgd_lr} kommt keiner der beiden innerhalb von "
    "{opt_epochs} Epochen unter 0,1; ihre Endverluste unterscheiden sich um mehr als 5 %: {opt_sgd_loss} (SGD) "
    "und {opt_momentum_sgd_rate_loss} (Momentum).",
    "opt_timing": "Laufzeit. Die Zeit eines einzelnen Laufs ist auf einer geteilten Maschine Rauschen, daher "
    "wurde jede Update-Regel für sich gemessen: {opt_timing_repeats} Läufe zu je {opt_timing_epochs} Epochen, "
    "die Optimierer abwechselnd (in jeder Runde ein anderer zuerst). Pro Epoche in ms, Median (Min.–Max.): SGD "
    "{opt_ms_sgd}; Momentum {opt_ms_momentum}; RMSprop {opt_ms_rmsprop}; Adam {opt_ms_adam}. Schneller heißt eine "
    "Regel nur, wo sich die Spannen nicht überlappen.",
    "opt_cost_distinct": "Pro Epoche kostet {opt_dear_name} mehr als {opt_cheap_name}: {opt_dear_ms} gegenüber "
    "{opt_cheap_ms} ms, Spannen, die sich nicht überlappen.",
    "opt_cost_noise": "Die Kosten pro Epoche liegen im Rauschen der Messung: Selbst die nach dem Median "
    "billigste Regel, {opt_cheap_name} ({opt_cheap_ms} ms), und die teuerste, {opt_dear_name} ({opt_dear_ms} ms), "
    "haben überlappende Spannen; keine Update-Regel heißt daher pro Epoche schneller.",
    "opt_cost_missing": "Diese Ergebnisse enthalten keine wiederholten Zeitmessungen; keine Update-Regel heißt "
    "daher pro Epoche schneller.",
    "opt_time_target_first": "Geschätzt als Epochen bis zum Ziel × Laufzeit pro Epoche kommt {opt_tfirst_name} "
    "in Laufzeit am frühesten unter 0,1: {opt_tfirst_time}, gegenüber {opt_tsecond_time} für den nächsten, "
    "{opt_tsecond_name}; die Spannen überlappen sich nicht.",
    "opt_time_target_noise": "Geschätzt als Epochen bis zum Ziel × Laufzeit pro Epoche braucht {opt_tfirst_name} "
    "{opt_tfirst_time} Laufzeit bis unter 0,1 und {opt_tsecond_name} {opt_tsecond_time}: Die Spannen "
    "überlappen sich; welcher Lauf früher ist, liegt im Rauschen.",
    "opt_time_target_missing": "Ohne wiederholte Zeitmessungen für zwei Läufe, die unter 0,1 kommen, heißt kein "
    "Lauf in Laufzeit früher.",
    "h_l2": "(b) L2-Regularisierung",
    "opt_l2_text": "Genau wie Gleichung (11) des Übungsblatts implementiert: Der Strafterm umfasst die Gewichte, "
    "nicht die Biases, und sein Gradient {m:two_lambda_W} wird im Rückwärtsdurchlauf addiert (und von den "
    "Gradientenprüfungen mit finiten Differenzen getestet). Adam (α = {opt_l2_lr}) trainierte dasselbe Netz von "
    "denselben Startgewichten {opt_l2_epochs} Epochen lang mit jedem λ aus {opt_l2_values}.",
    "cap_l2_table": "L2 je λ: Gewichtsnorm Σ‖W‖², Strafterm λΣ‖W‖², Datenverlust (die Kreuzentropie ohne "
    "Strafterm) und Genauigkeiten, alle nach dem Training.",
    "cap_l2_boundaries": "Entscheidungsgrenzen und Testgenauigkeit für wachsendes λ.",
    "cap_l2_norms": "Links: die Gewichtsnorm Σ‖W‖² je λ. Rechts: die beiden Teile der Zielfunktion, "
    "Datenverlust und Strafterm λΣ‖W‖², je λ; Dreiecke: was das Behalten der Gewichte des vorigen λ unter diesem "
    "λ kosten würde (dessen Datenverlust + λ × dessen Σ‖W‖²); strichpunktiert: der Verlust der besten konstanten "
    "Vorhersage, die keine Gewichte braucht und keinen Strafterm zahlt.",
    "opt_l2_shrinks": "Jedes größere λ endet mit kleineren Gewichten: Σ‖W‖² fällt von {opt_l2_norm_first} bei "
    "λ = {opt_l2_first} auf {opt_l2_norm_last} bei λ = {opt_l2_last}.",
    "opt_l2_not_monotone": "Die Gewichte schrumpfen nicht mit jedem größeren λ (siehe Tabelle): Σ‖W‖² ist "
    "{opt_l2_norm_first} bei λ = {opt_l2_first} und {opt_l2_norm_last} bei λ = {opt_l2_last}.",
    "opt_l2_collapse_explained": "Das Netz bricht zwischen λ = {opt_fit_l2} und λ = {opt_collapse_l2} zusammen: "
    "Bei {opt_fit_l2} passt es sich noch an (Trainingsgenauigkeit {opt_fit_acc}, Datenverlust {opt_fit_loss}); "
    "bei {opt_collapse_l2} liegt sein Datenverlust {opt_collapse_loss} weniger als {opt_collapse_share} unter "
    "{opt_constant_loss}, dem Verlust, überall den Klassenanteil vorherzusagen (Trainingsgenauigkeit "
    "{opt_collapse_acc}). Die Zielfunktion erklärt, warum gerade dort: Die konstante Vorhersage braucht keine "
    "Gewichte und kostet daher bei jedem λ {opt_constant_loss}. Die Gewichte von λ = {opt_fit_l2} zu behalten, "
    "würde bei λ = {opt_collapse_l2} {opt_fit_loss} + {opt_collapse_l2} × {opt_fit_norm} = {opt_collapse_kept} "
    "kosten, mehr als das; bei λ = {opt_fit_l2} kostete das Behalten der Gewichte des λ davor {opt_fit_kept}, "
    "weniger. Jenseits dieser Stelle kostet das Anpassen an die Spirale mehr Strafterm, als es an Datenverlust "
    "spart, und Adam endet bei einer Zielfunktion von {opt_collapse_objective} mit Σ‖W‖² = {opt_collapse_norm}.",
    "opt_l2_collapse_explained_after_zero": "Das Netz bricht zwischen λ = {opt_fit_l2} und λ = {opt_collapse_l2} "
    "zusammen: Ohne Strafterm passt es sich an (Trainingsgenauigkeit {opt_fit_acc}, Datenverlust "
    "{opt_fit_loss}); bei {opt_collapse_l2} liegt sein Datenverlust {opt_collapse_loss} weniger als "
    "{opt_collapse_share} unter {opt_constant_loss}, dem Verlust, überall den Klassenanteil vorherzusagen "
    "(Trainingsgenauigkeit {opt_collapse_acc}). Die Zielfunktion erklärt, warum: Die konstante Vorhersage braucht "
    "keine Gewichte und kostet bei jedem λ {opt_constant_loss}, während das Behalten der Gewichte ohne Strafterm "
    "{opt_fit_loss} + {opt_collapse_l2} × {opt_fit_norm} = {opt_collapse_kept} kosten würde, mehr als das.",
    "opt_l2_collapse_unexplained": "Das Netz bricht zwischen λ = {opt_fit_l2} und λ = {opt_collapse_l2} "
    "zusammen: Bei {opt_collapse_l2} liegt sein Datenverlust {opt_collapse_loss} weniger als "
    "{opt_collapse_share} unter {opt_constant_loss}, dem Verlust, überall den Klassenanteil vorherzusagen "
    "(Trainingsgenauigkeit {opt_collapse_acc}). Die einfache Schätzung verortet das nicht allein: Die Gewichte "
    "von λ = {opt_fit_l2} zu behalten, würde bei λ = {opt_collapse_l2} {opt_collapse_kept} kosten (bei "
    "λ = {opt_fit_l2} das Behalten der früheren Gewichte: {opt_fit_kept}), gegenüber {opt_constant_loss} für die "
    "konstante Vorhersage.",
    "opt_l2_collapse_at_first": "Schon bei λ = {opt_collapse_l2}, dem ersten Wert des Rasters, liegt der "
    "Datenverlust {opt_collapse_loss} weniger als {opt_collapse_share} unter {opt_constant_loss}, dem Verlust, "
    "überall den Klassenanteil vorherzusagen: In diesen Ergebnissen lernt das Netz bei keinem λ.",
    "opt_l2_no_collapse": "Kein λ des Rasters lässt das Netz zusammenbrechen: Selbst beim größten, "
    "λ = {opt_l2_last}, bleibt sein Datenverlust {opt_fit_loss} deutlich unter {opt_constant_loss}, dem Verlust, "
    "überall den Klassenanteil vorherzusagen (Trainingsgenauigkeit {opt_fit_acc}).",
    "opt_l2_penalty_outweighs": "Bei λ = {opt_fit_l2}, dem größten λ, bei dem das Netz sich noch anpasst, "
    "übersteigt der Strafterm {opt_fit_penalty} schon den Datenverlust {opt_fit_loss} (Summe: {opt_fit_total}; "
    "konstante Vorhersage: {opt_constant_loss}). Der Strafterm des Übungsblatts ist eine Summe über alle "
    "{opt_n_weights} Gewichte, kein Mittelwert: daher die kleinen λ des Rasters.",
    "opt_l2_penalty_below": "Bei λ = {opt_fit_l2}, dem größten λ, bei dem das Netz sich noch anpasst, bleibt der "
    "Strafterm {opt_fit_penalty} unter dem Datenverlust {opt_fit_loss} (Summe: {opt_fit_total}; konstante "
    "Vorhersage: {opt_constant_loss}).",
    "opt_l2_penalty_none": "Kein λ > 0 des Rasters passt sich an die Daten an; daher steht kein Strafterm einem "
    "Datenverlust gegenüber.",
    "opt_code_intro": "Die Zelle unten gibt die Optimierer-Tabelle noch einmal aus, mit demselben Code aus der "
    "`metrics.json` dieses Experiments berechnet, in der Reihenfolge der Tabelle und mit ihren Zahlen (mit "
    "englischen Bezeichnungen): zum Nachprüfen einer Zahl oder zum Lesen der Ergebnisse eines eigenen Laufs "
    "(`mlplab optimizers --out DIR`).",
    # ------------------------------------------------------------------ repro
    "h_reproducibility": "Reproduzierbarkeit",
    "repro_text": "Jedes Experiment läuft einzeln (`mlplab xor`, …) oder alle zusammen mit `mlplab all`, das "
    "danach diesen Bericht schreibt; `mlplab report` schreibt ihn aus den Ergebnissen in seinem Ordner. "
    "Jede Zufallszahl stammt aus einem NumPy-Generator, der aus dem Hauptstartwert (`--seed`, hier {seed}) "
    "abgeleitet ist; jeder Lauf einer Parameterstudie bekommt seinen eigenen Startwert aus einer "
    "SeedSequence, sodass die Ergebnisse nicht von der Zahl der Prozesse abhängen. Der Befehl in der "
    "Tabelle reproduziert die Ergebnisse jedes Experiments exakt: dieselben Metriken, bitgenau, auf "
    "derselben Maschine (bis auf die Laufzeiten).",
    "cap_seeds": "Experimente, ihre Startwerte, Laufzeiten und die Befehle, die ihre Ergebnisse reproduzieren.",
    "cap_versions": "Softwareversionen und Maschine.",
    "repro_code": "Die Zelle unten sammelt die Versionen und die Startwerte der verwendeten Ergebnisse.",
    # ------------------------------------------------------------------ tables
    "col_task": "Aufgabe",
    "col_quantity": "Größe",
    "col_value": "Wert",
    "col_fd_error": "Differenzenquotient (rel. Fehler)",
    "col_package": "Paket",
    "col_version": "Version",
    "col_experiment": "Experiment",
    "col_seed": "Startwert",
    "col_time": "Laufzeit",
    "col_results": "Ergebnisse",
    "col_differences": "Abweichende Einstellungen",
    "col_command": "Befehl",
    "col_activation": "Aktivierung",
    "col_solved": "Gelöst",
    "col_rate": "Quote",
    "col_median_epochs": "Median Epochen bis 100 %",
    "col_hidden": "Verdeckte Schichten",
    "col_lr": "α",
    "col_test_acc": "Testgen.",
    "col_train_acc": "Trainingsgen.",
    "col_final_loss": "Endverlust",
    "col_reached": "100 % erreicht",
    "col_init": "Initialisierung",
    "col_tanh_loss": "tanh: Verlust",
    "col_tanh_acc": "tanh: Gen.",
    "col_relu_loss": "ReLU: Verlust",
    "col_relu_acc": "ReLU: Gen.",
    "col_model": "Modell",
    "col_epochs": "Epochen",
    "col_train_loss": "Trainingsverlust",
    "col_val_loss": "Validierungsverlust",
    "col_test_loss": "Testverlust",
    "col_class": "Ergebnis",
    "col_peak_loss": "Höchster Verlust",
    "col_optimizer": "Optimierer",
    "col_epochs_01": "Epochen bis Verlust < 0,1",
    "col_opt_loss": "Endverlust",
    "col_ms_epoch": "ms pro Epoche",
    "col_penalty": "λΣ‖W‖²",
    "col_wall": "Laufzeit",
    "col_lambda": "λ",
    "col_weight_norm": "Σ‖W‖²",
    "col_data_loss": "Datenverlust",
    "init_scheme_xavier": "Xavier",
    "init_scheme_he": "He",
    "init_scheme_zeros": "Nullen",
    "init_scheme_small": "zu klein, N(0, 0,01²)",
    "init_scheme_large": "zu groß, N(0, 1)",
    "of_without_early_stopping": "ohne Gegenmittel",
    "of_early_stopping": "Early Stopping",
    "of_l2": "L2",
    "of_col_train_loss": "Train.-Verlust",
    "of_col_val_loss": "Val.-Verlust",
    "of_col_test_loss": "Testverlust",
    "of_col_test_acc": "Genauigkeit",
    "of_col_confident": "Sichere Fehler",
    "of_col_wins": "Besser",
    "lr_verdict_too_small": "zu klein",
    "lr_verdict_good": "gut",
    "lr_verdict_too_large": "zu groß",
    "lr_verdict_diverges": "divergiert",
    "lr_col_smoothed": "Endverlust",
    "lr_col_spikes": "Spitzen",
    "lr_col_dead": "Tote ReLUs",
    "lr_col_train_acc": "Genauigkeit",
    "lr_col_agree": "Einig",
    "trace_task_a": "(a)",
    "trace_task_b": "(b)",
    "trace_task_c": "(c)",
}
