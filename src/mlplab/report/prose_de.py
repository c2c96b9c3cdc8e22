"""Der Text des Berichts auf Deutsch. Dieselben Schlüssel und Platzhalter wie ``prose_en``.

``{name}``: eine Zahl aus den Ergebnissen (die Fakten ihres Abschnitts in ``sections/``); ``{m:name}``:
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
    "repro_text": "Alles in diesem Bericht schreibt ein einziger Befehl, `mlplab all`, der jedes Experiment "
    "und danach diesen Bericht ausführt. Jede Zufallszahl stammt aus einem NumPy-Generator, der aus dem "
    "Master-Seed (`--seed`, hier {seed}) abgeleitet ist; jeder Lauf einer Parameterstudie bekommt seinen "
    "eigenen Seed aus einer SeedSequence, sodass die Ergebnisse nicht von der Zahl der Prozesse abhängen. "
    "Ein erneuter Aufruf liefert auf derselben Maschine bitgenau dieselben Metriken.",
    "cap_seeds": "Experimente, ihre Seeds und Laufzeiten.",
    "cap_versions": "Softwareversionen und Maschine.",
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
    "of_without_early_stopping": "ohne Early Stopping",
    "of_early_stopping": "mit Early Stopping",
    "lr_class_works": "funktioniert",
    "lr_class_crawls": "kriecht",
    "lr_class_diverges": "divergiert",
    "trace_task_a": "(a)",
    "trace_task_b": "(b)",
    "trace_task_c": "(c)",
}
