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
    "of_without_early_stopping": "ohne Early Stopping",
    "of_early_stopping": "mit Early Stopping",
    "lr_class_works": "funktioniert",
    "lr_class_crawls": "kriecht",
    "lr_class_diverges": "divergiert",
    "trace_task_a": "(a)",
    "trace_task_b": "(b)",
    "trace_task_c": "(c)",
}
