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
    # ------------------------------------------------------------------ 2.2 b
    "h_spirals": "(b) Spiralen-Datensatz",
    "spirals_setup": "Die Daten stammen aus dem Generator des Übungsblatts, `make_spirals(200, 0.1)` (geseedet, "
    "das Rauschen in der Reihenfolge des Übungsblatts gezogen); eine unabhängige Ziehung mit anderem Seed dient "
    "als Testmenge. Die Spiralen reichen bis zum Radius 4π ≈ 12,6, wo tanh- und Sigmoid-Neuronen sofort "
    "sättigen, daher werden die Eingaben durch 4π geteilt. Das Netz ist {spirals_layers} ({spirals_params} "
    "Parameter) mit {spirals_activation}-Neuronen, trainiert mit {spirals_optimizer} (Lernrate {spirals_lr}) "
    "auf Mini-Batches der Größe {spirals_batch} für {spirals_epochs} Epochen.",
    "cap_spirals_data": "Die zwei Spiralen (Trainingsziehung), Eingaben durch 4π geteilt.",
    "spirals_result": "Das Netz klassifiziert jeden Trainingspunkt richtig ({spirals_train_acc}), ab Epoche "
    "{spirals_epochs_to_100}, und {spirals_test_acc} der Testziehung ({spirals_test_errors} Fehler). Der "
    "Trainingsloss endet bei {spirals_train_loss}, der Testloss bei {spirals_test_loss}.",
    "cap_spirals_boundary": "Spiralen: die gelernte Entscheidungsgrenze mit den Trainingspunkten (links) und den "
    "Testpunkten (rechts); falsch klassifizierte Punkte sind umkreist.",
    "cap_spirals_curves": "Spiralen: Loss und Genauigkeit pro Epoche auf Trainings- und Testziehung.",
    "spirals_discussion": "Die Testfehler liegen dort, wo sich die Spiralen treffen, in der Mitte. Der Testloss "
    "steigt spät im Training wieder, während der Trainingsloss weiter fällt: Das Netz wird immer "
    "selbstsicherer, eine milde Form von Overfitting. Bei einem Rauschen von 0,1 und Radien bis 4π liegt die "
    "Testziehung sehr nah an den Trainingspunkten; die Testgenauigkeit sagt daher wenig über die "
    "Generalisierung abseits der Arme. Reiner Gradientenabstieg mit den Lernraten des Übungsblatts kommt in "
    "derselben Zeit nicht so weit (siehe die Parameterstudie); Adams Schrittweiten pro Parameter machen den "
    "Unterschied. `mlplab spirals` schreibt zusätzlich ein animiertes GIF der Entscheidungsgrenze während des "
    "Trainings.",
    # ------------------------------------------------------------------ 2.2 c
    "h_sweep": "(c) Hyperparameter-Tuning",
    "sweep_setup": "Das Raster des Übungsblatts: versteckte Schichten [8], [16, 8] und [32, 16, 8], Lernraten "
    "0,001, 0,01 und 0,1, Aktivierungen Sigmoid, ReLU und tanh, jeweils mit {sweep_seeds} Seeds "
    "({sweep_runs} Läufe, {sweep_failed} fehlgeschlagen), trainiert mit reinem Mini-Batch-Gradientenabstieg "
    "({sweep_optimizer}, Batch {sweep_batch}, {sweep_epochs} Epochen) auf den Spiralen und bewertet auf der "
    "unabhängigen Testziehung. Jeder Lauf bekommt seinen eigenen Seed aus einer SeedSequence, die aus seinen "
    "Einstellungen abgeleitet ist, und die Läufe werden auf alle Kerne (oder einen Dask-Cluster) verteilt, "
    "ohne dass sich eine einzige Zahl ändert.",
    "cap_sweep_heatmap": "Parameterstudie: mittlere Testgenauigkeit je Zelle (Aktivierung × Lernrate), ein "
    "Feld pro Architektur.",
    "sweep_result": "Die beste Konfiguration ist {sweep_best_layers} mit {sweep_best_activation} und "
    "Lernrate {sweep_best_lr}: Testgenauigkeit {sweep_best_test} ± {sweep_best_test_std}, "
    "Trainingsgenauigkeit {sweep_best_train}, Trainingsloss am Ende {sweep_best_loss}; {sweep_best_reached} "
    "ihrer Läufe erreichten 100 % Trainingsgenauigkeit, im Mittel nach {sweep_best_e100} Epochen.",
    "cap_sweep_table": "Parameterstudie: Mittelwert ± Standardabweichung über die Seeds. Letzte Spalte: Läufe, "
    "die 100 % Trainingsgenauigkeit erreichten (mittlere Epoche, falls ja).",
    "cap_sweep_curves": "Parameterstudie: Trainingsloss-Kurven, ein Feld pro Architektur und Aktivierung.",
    "sweep_discussion": "Mit reinem Gradientenabstieg und höchstens {sweep_epochs} Epochen gewinnen Tiefe, ReLU "
    "und die größte Lernrate: Die beste Sigmoid- oder tanh-Zelle erreicht nur {sweep_smooth_best} "
    "Testgenauigkeit, und {sweep_relu_good} ReLU-Zelle(n) liegen über 90 %. Kleine Lernraten kriechen: Bei "
    "α = {sweep_slow_rate} endet selbst die beste Zelle bei einem Trainingsloss von {sweep_slow_loss}, kaum "
    "unter dem Anfangsplateau bei log 2 ≈ 0,693. Sigmoid leidet am meisten, weil jede Schicht den Gradienten "
    "mit σ′ ≤ 1/4 skaliert (Abschnitt 3.1). Die Spiralen selbst (Abschnitt 2.2 b) zeigen, dass jede "
    "Architektur des Rasters mit einem adaptiven Optimierer mehr kann; das Raster misst, wie weit reiner "
    "Gradientenabstieg kommt.",
    # ------------------------------------------------------------------ 3.1
    "h_deeper": "Vertiefende Fragen",
    "h_theory": "Theoretische Analyse (Aufgabe 3.1)",
    "h_vanishing": "(a) Vanishing Gradient Problem",
    "van_theory": "Backpropagation multipliziert den Ausgangsfehler Schicht für Schicht mit Wᵀ und der "
    "Ableitung der Aktivierung. Von der letzten Schicht L bis zur ersten ausgeschrieben:",
    "van_max_text": "Für die Sigmoid-Funktion ist jeder dieser Faktoren höchstens 1/4: σ′ = σ(1 − σ) ist das "
    "Produkt zweier Zahlen mit Summe 1 und am größten, wenn beide gleich sind:",
    "cap_van_derivatives": "Ableitungen von Sigmoid, tanh und ReLU; die der Sigmoid-Funktion übersteigt nie 1/4.",
    "van_measured": "Auf einem feinen Gitter gemessen ist der größte Wert von σ′ gleich {van_max} bei "
    "z = {van_argmax}. In einem Netz mit {van_hidden} versteckten Schichten zu je {van_width} Neuronen "
    "(Xavier-Initialisierung) ist der Gradient der Gewichte der ersten Schicht bei Sigmoid {van_sigmoid_init}-mal "
    "so groß wie der der letzten, etwa {van_sigmoid_per_layer} pro Schicht, neben der Schranke "
    "0,25⁸ ≈ {van_bound} (die Gewichte tragen Faktoren von etwa eins bei, daher streut die Messung um die "
    "Schranke statt unter ihr zu liegen). Bei tanh beträgt das Verhältnis {van_tanh_init}, bei ReLU mit "
    "He-Initialisierung {van_relu_init}.",
    "cap_van_gradients": "Gradientennorm ‖∂L/∂W⁽ˡ⁾‖ pro Schicht (logarithmisch) bei der Initialisierung und nach "
    "dem Training, neben der Linie 0,25^Tiefe.",
    "cap_van_depth": "Verhältnis der Gradienten von erster und letzter Schicht bei der Initialisierung über der "
    "Tiefe.",
    "van_training": "Das Training zeigt die Folge: Mit SGD trainiert bleibt das Sigmoid-Netz bei einem "
    "Median-Loss von {van_sigmoid_loss} (gelöst: {van_sigmoid_solved} Seeds), tanh erreicht {van_tanh_loss} "
    "({van_tanh_solved}) und ReLU {van_relu_loss} ({van_relu_solved}). Die ersten Schichten des Sigmoid-Netzes "
    "bewegen sich kaum, das tiefe Netz verhält sich wie ein flaches auf zufälligen Merkmalen.",
    "cap_van_training": "Training der tiefen Netze: Loss pro Epoche und das Gradientenverhältnis erste/letzte "
    "Schicht während des Trainings.",
    "van_relu": "ReLU hilft, weil ihre Ableitung für jedes aktive Neuron genau 1 ist ({m:relu_prime}): Ein "
    "aktiver Pfad gibt den Gradienten unskaliert weiter, und mit He-Initialisierung halten die Gewichte seine "
    "Größe von Schicht zu Schicht konstant. Der Preis: Inaktive Neuronen geben nichts weiter (tote Neuronen, "
    "wie bei XOR); tanh liegt dazwischen, mit Ableitung 1 bei 0, die für große Eingaben aber ebenfalls sättigt.",
    "h_init": "(b) Initialisierung",
    "init_theory": "Für ein Neuron z = Σᵢ wᵢ aᵢ mit unabhängigen, mittelwertfreien Gewichten, unabhängig von den "
    "Eingaben, multiplizieren sich die Varianzen:",
    "init_xavier": "Xavier/Glorot hält die Varianz der Aktivierungen (vorwärts: n_in Var(w) = 1) und der "
    "Gradienten (rückwärts: n_out Var(w) = 1) für Neuronen konstant, die um 0 linear sind (tanh, Sigmoid), "
    "und nimmt den Kompromiss",
    "init_he": "He korrigiert für ReLU, die die Hälfte ihrer Eingaben auf null setzt:",
    "init_measured": "In einem Netz aus {init_depth} Schichten mit {init_width} Neuronen und standardnormalen "
    "Eingaben hält ReLU mit He-Initialisierung die Varianz der Voraktivierungen bei {init_relu_he_first} in der "
    "ersten und {init_relu_he_last} in der letzten Schicht (vorhergesagt {init_relu_he_pred_last}). ReLU mit "
    "Xavier halbiert sie in jeder Schicht, auf {init_relu_xavier_last} (vorhergesagt "
    "{init_relu_xavier_pred_last}); tanh mit Xavier fällt langsam auf {init_tanh_xavier_last}, wie das "
    "Varianzargument mit E[tanh²] vorhersagt ({init_tanh_xavier_pred_last}). Zu kleine Gewichte lassen das "
    "Signal verschwinden ({init_relu_small_last} nach zehn Schichten), zu große lassen es explodieren "
    "({init_relu_large_last}).",
    "cap_init_variance": "Varianz der Voraktivierungen pro Schicht, gemessen (Punkte) und vorhergesagt "
    "(Linien), für jede Initialisierung.",
    "init_training_text": "Dieselben Verfahren auf den Spiralen (SGD): Null- oder winzige Gewichte verlassen das "
    "Plateau nie, zu große Gewichte beginnen mit einem riesigen Loss.",
    "cap_init_training": "Training mit jeder Initialisierung: mittlerer End-Loss und Genauigkeit über die Seeds.",
    "cap_init_training_fig": "Trainingsloss pro Epoche für jede Initialisierung.",
    "init_symmetry": "Warum überhaupt zufällig? Beginnen alle Gewichte gleich, berechnet jedes versteckte Neuron "
    "einer Schicht dieselbe Funktion und erhält denselben Gradienten, also bleiben sie für immer gleich: Nach "
    "dem Training mit allen Gewichten bei 0,5 ist der größte Unterschied zwischen den eingehenden Gewichten "
    "zweier Neuronen einer Schicht {init_sym_spread}, die Schicht hat {init_sym_units} verschiedene(s) "
    "Neuron(en) und das Netz erreicht {init_sym_acc}. Ein zufälliger Start bricht die Symmetrie: Abstand "
    "{init_rand_spread}, {init_rand_units} verschiedene Neuronen, {init_rand_acc}.",
    "cap_init_symmetry": "Symmetrie: Mit gleichen Anfangsgewichten bleiben alle versteckten Neuronen identisch "
    "(links), mit zufälligen spezialisieren sie sich (rechts).",
    # ------------------------------------------------------------------ 3.2
    "h_practical": "Praktische Probleme (Aufgabe 3.2)",
    "h_overfit": "(a) Overfitting und Early Stopping",
    "of_setup": "{of_n} Trainingsbeispiele (Spiralen mit Rauschen {of_noise}) und ein Netz {of_layers} "
    "({of_activation}) mit {of_params} Parametern, {of_per_sample} pro Beispiel, trainiert mit Adam für "
    "{of_epochs} Epochen; eine zweite Ziehung von 50 Beispielen ist die Validierungsmenge, 1000 neue Beispiele "
    "die Testmenge. Early Stopping beobachtet den Validierungsloss mit einer Geduld von {of_patience} Epochen "
    "und stellt die besten Gewichte wieder her.",
    "cap_of_curves": "Trainings- und Validierungsloss mit und ohne Early Stopping; die gestrichelte Linie markiert "
    "das Ende durch Early Stopping, der Punkt seine beste Epoche.",
    "cap_of_table": "Overfitting: der lange Lauf gegen den früh gestoppten.",
    "of_result": "Ohne Early Stopping fällt der Trainingsloss auf {of_long_train_loss}, während der "
    "Validierungsloss nach einem Minimum von {of_min_val_loss} auf {of_long_val_loss} steigt: Das Netz lernt das "
    "Rauschen auswendig. Early Stopping endet bei Epoche {of_stop} und stellt Epoche {of_best} wieder her. "
    "Testgenauigkeit: {of_long_test_acc} ohne und {of_early_test_acc} mit Early Stopping; Testloss "
    "{of_long_test_loss} gegen {of_early_test_loss}.",
    "cap_of_boundaries": "Entscheidungsgrenzen ohne (links) und mit Early Stopping (rechts).",
    "cap_of_repeats": "Testloss und Testgenauigkeit beider Modelle über wiederholte Läufe.",
    "of_discussion": "Über {of_repeats} Wiederholungen lieferte Early Stopping in {of_rep_lower_loss} Fällen den "
    "kleineren Testloss (im Mittel {of_rep_early_loss} gegen {of_rep_long_loss}), während die mittlere "
    "Testgenauigkeit {of_rep_early_acc} gegen {of_rep_long_acc} beträgt. Auf dieser Aufgabe zeigt sich "
    "Overfitting vor allem als Übervertrauen: Die Grenze des langen Laufs schmiegt sich an einzelne verrauschte "
    "Punkte, und seine Wahrscheinlichkeiten sind extrem, was die Kreuzentropie bestraft; die Genauigkeit "
    "unterscheidet sich kaum.",
    "h_lr": "(b) Lernrate",
    "lr_setup": "Das Netz {lr_layers} ({lr_activation}), trainiert mit reinem SGD für {lr_epochs} Epochen bei "
    "{lr_count} Lernraten von {lr_min} bis {lr_max}, jeder Lauf mit denselben Anfangsgewichten und derselben "
    "Batch-Reihenfolge. Eine Lernrate gilt als kriechend, wenn der Loss um weniger als {lr_threshold} seines "
    "Anfangswerts {lr_initial} fiel, als divergierend, wenn der Loss explodierte oder das Netz abstarb.",
    "cap_lr_curves": "Loss-Kurven für jede Lernrate, nach Ergebnis gruppiert.",
    "cap_lr_table": "Lernraten, ihr Ergebnis, End- und Spitzenloss und Trainingsgenauigkeit.",
    "cap_lr_summary": "End-Loss über der Lernrate (doppelt logarithmisch).",
    "lr_discussion": "Funktionierende Lernraten: {lr_works}; die beste ist {lr_best} (End-Loss {lr_best_loss}). "
    "Kriechend: {lr_crawls}; sie bräuchten weit mehr Epochen. Divergierend: {lr_diverges}. Eine zu kleine "
    "Lernrate verschwendet Epochen, eine zu große schießt über das Ziel hinaus: Der Loss springt nach oben, "
    "ReLU-Neuronen werden in den Bereich gedrückt, in dem sie nie wieder feuern, und das Netz ist verloren. "
    "Brauchbar sind hier {lr_works}, knapp unterhalb der Lernraten, bei denen das Training "
    "zusammenbricht.",
    # ------------------------------------------------------------------ 4
    "h_bonus": "Bonusaufgaben (Aufgabe 4.1)",
    "h_momentum": "(a) Momentum",
    "opt_momentum": "Genau in der Form des Übungsblatts implementiert, als exponentiell gleitender Mittelwert der "
    "Gradienten (`optimizer='momentum'`). Bei konstantem Gradienten g strebt die Geschwindigkeit gegen g, der "
    "Schritt also gegen αg, wie bei reinem SGD; PyTorchs `v = βv + g` strebt gegen g/(1 − β). Die Form des "
    "Übungsblatts braucht daher eine {m:one_over_one_minus_beta}-mal größere Lernrate (10 für β = 0,9), um "
    "gleich schnell voranzukommen, und so wird unten verglichen: SGD mit {opt_sgd_lr}, Momentum mit "
    "{opt_momentum_lr} (und einmal mit {opt_momentum_sgd_rate_lr}, um den Unterschied zu zeigen).",
    "h_adaptive": "(c) Adaptive Lernraten: RMSprop und Adam",
    "opt_adaptive": "Beide teilen den Schritt jedes Parameters durch ein gleitendes quadratisches Mittel seiner "
    "Gradienten, sodass Parameter mit kleinen Gradienten (die ersten Schichten) größere Schritte machen; Adam "
    "fügt Momentum hinzu und korrigiert den Bias der mit null initialisierten Mittelwerte.",
    "cap_opt_curves": "SGD, Momentum, RMSprop und Adam auf den Spiralen: Loss über den Epochen (links) und über "
    "der Rechenzeit (rechts).",
    "cap_opt_table": "Optimierer: End-Loss, erste Epoche mit Loss unter 0,1, Testgenauigkeit und Laufzeit "
    "(Zeiten hängen von der Maschine ab).",
    "opt_result": "Um unter einen Loss von 0,1 zu kommen, braucht SGD {opt_sgd_e01} Epochen, Momentum "
    "{opt_momentum_e01} (mit der Lernrate von SGD: {opt_momentum_sgd_rate_e01}), RMSprop {opt_rmsprop_e01} und "
    "Adam {opt_adam_e01}; die End-Losses sind {opt_sgd_loss}, {opt_momentum_loss}, {opt_rmsprop_loss} und "
    "{opt_adam_loss}. Ein adaptiver Schritt kostet einige Vektoroperationen mehr pro Update, daher ist Adam "
    "pro Epoche etwas langsamer als SGD, braucht aber weit weniger Epochen.",
    "h_l2": "(b) L2-Regularisierung",
    "opt_l2_text": "Genau wie Gleichung (11) des Übungsblatts implementiert: Die Strafe umfasst die Gewichte, "
    "nicht die Biases, und ihr Gradient {m:two_lambda_W} wird im Backward Pass addiert (und von den "
    "Gradientenprüfungen getestet). Trainiert mit λ ∈ {opt_l2_values}:",
    "cap_l2_table": "L2: Gewichtsnorm Σ‖W‖², Daten-Loss und Genauigkeiten je λ.",
    "cap_l2_boundaries": "Entscheidungsgrenzen für wachsendes λ.",
    "cap_l2_norms": "Gewichtsnorm Σ‖W‖² über λ.",
    "opt_l2_discussion": "Ein größeres λ verkleinert die Gewichte, von Σ‖W‖² = {opt_l2_norm_first} ohne Strafe "
    "auf {opt_l2_norm_last} bei λ = {opt_l2_last}, und glättet die Grenze. Da die Strafe des Übungsblatts eine "
    "Summe über alle Gewichte ist (kein Mittelwert), muss λ klein sein: Die Strafe dieses Netzes erreicht die "
    "Größe des Daten-Loss schon bei λ um 1e-3, und bei λ = {opt_l2_last} wird das Netz zu einer nahezu "
    "konstanten Funktion regularisiert ({opt_l2_last_acc} Testgenauigkeit).",
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
    "col_fd_error": "Differenzen-Prüfung (rel. Fehler)",
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
    "col_hidden": "Versteckte Schichten",
    "col_lr": "α",
    "col_test_acc": "Test-Gen.",
    "col_train_acc": "Train-Gen.",
    "col_final_loss": "End-Loss",
    "col_reached": "100 % erreicht",
    "col_init": "Initialisierung",
    "col_tanh_loss": "tanh: Loss",
    "col_tanh_acc": "tanh: Gen.",
    "col_relu_loss": "ReLU: Loss",
    "col_relu_acc": "ReLU: Gen.",
    "col_model": "Modell",
    "col_epochs": "Epochen",
    "col_train_loss": "Train-Loss",
    "col_val_loss": "Val.-Loss",
    "col_test_loss": "Test-Loss",
    "col_class": "Ergebnis",
    "col_peak_loss": "Spitzen-Loss",
    "col_optimizer": "Optimierer",
    "col_epochs_01": "Epochen bis Loss < 0,1",
    "col_wall": "Laufzeit",
    "col_lambda": "λ",
    "col_weight_norm": "Σ‖W‖²",
    "col_data_loss": "Daten-Loss",
    "init_scheme_xavier": "Xavier",
    "init_scheme_he": "He",
    "init_scheme_zeros": "Nullen",
    "init_scheme_small": "zu klein, N(0, 0,01²)",
    "init_scheme_large": "zu groß, N(0, 1)",
    "of_without_early_stopping": "ohne Early Stopping",
    "of_early_stopping": "mit Early Stopping",
    "lr_class_works": "funktioniert",
    "lr_class_crawls": "kriecht",
    "lr_class_diverges": "divergiert",
    "trace_task_a": "(a)",
    "trace_task_b": "(b)",
    "trace_task_c": "(c)",
}
