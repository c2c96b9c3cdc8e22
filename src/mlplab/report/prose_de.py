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
