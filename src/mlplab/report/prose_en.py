"""The report's prose in English. Same keys and placeholders as ``prose_de``.

``{name}``: a number from the results (the facts of its section in ``sections/``); ``{m:name}``: inline
maths (``blocks.INLINE``); ```code```: code.
"""

TEXT: dict[str, str] = {
    "title": "Multi-Layer Perceptrons and Backpropagation",
    "subtitle": "Deep Learning, exercise sheet 2 (FH Südwestfalen): derivations, implementation, experiments",
    "generated_all": "Written by `mlplab all` (mlplab {version}), which ran every experiment and then wrote "
    "this report. Every number in it is read from those results or computed by the library.",
    "generated_report": "Written by `mlplab report` (mlplab {version}) from the results in its folder (it "
    "runs only the experiments whose results are missing). Every number in it is read from those results "
    "or computed by the library.",
    "generated_other": "Written by mlplab {version} from the results in its folder. Every number in it is "
    "read from those results or computed by the library.",
    "inputs_full": "Built from full results: every experiment ran with its default settings.",
    "inputs_quick": "Built from quick results (`--quick`): every experiment ran with the "
    "reduced settings below, for a first look in seconds. The numbers and the statements of the text are "
    "those of these small runs, not of the sheet's full experiments (`mlplab all`).",
    "inputs_own": "Built from results with settings of their own: the table lists every "
    "setting that differs from the defaults; the text describes these results.",
    "inputs_mix": "Built from a mix of results: the table says for each experiment whether it "
    "ran with the full settings, with `--quick` or with settings of its own, and lists every setting that "
    "differs from the defaults. Each section describes its own experiment's results.",
    "inputs_seed_one": "Master seed: {seed}.",
    "inputs_seed_many": "The experiments ran with different master seeds ({seed}); the table gives each one's.",
    "inputs_none": "Built without experiment results: only the derivations and the implementation.",
    "kind_full": "full",
    "kind_quick": "quick (`--quick`)",
    "kind_own": "own settings",
    "cap_inputs": "The results this report was built from: per experiment, the settings that differ from "
    "the defaults (default in brackets).",
    "missing_figure": "Figure not found (run the experiment first)",
    "nb_setup": "Setup: this notebook needs nothing but mlplab. The cell below defines how it finds "
    "its results: for each experiment, the folder `<experiment>/` next to this notebook (where `mlplab all` "
    "writes them) if it holds a `metrics.json`; otherwise the notebook runs that experiment itself, with its "
    "`--quick` settings and the seed of this report, into `mlplab-quick/<experiment>/`. `metrics(name)` "
    "reads an experiment's `metrics.json`, `RESULTS / name` is its folder, and `show(path)` displays one "
    "of its figures and says which results it shows. The text's numbers are those of the results this "
    "report was built from (see above); a figure or code cell shows the results it finds or makes.",
    "nb_origins": "Which results this notebook uses, per experiment (an experiment without results next to "
    "the notebook runs now, in reduced form: a few seconds to a minute each).",
    "nb_code": "The cell below computes these numbers again, from the results in use.",
    "nb_quick": "quick settings",
    "nb_full": "full settings",
    "nb_own": "own settings:",
    "nb_here": "the results next to this notebook,",
    "nb_made": "quick results computed by this notebook,",
    "nb_seed": "seed",
    "nb_shows": "Shows",
    # ------------------------------------------------------------------ 1
    "h_backprop": "Backpropagation",
    "h_derivation": "Derivation (task 1.1)",
    "derivation_intro": "The network of the sheet maps an input x ∈ ℝ² through two sigmoid layers of "
    "three and two units to one sigmoid output unit, and is trained on the binary cross-entropy:",
    "derivation_sigmoid": "Every step below uses the derivative of the logistic function, which can be "
    "written through its own value:",
    "h_task_a": "(a) The output error",
    "derivation_a": "The loss depends on z⁽³⁾ only through ŷ = σ(z⁽³⁾), so the chain rule gives two factors:",
    "derivation_a_note": "The factor ŷ(1 − ŷ) of the output sigmoid cancels the denominators of the "
    "cross-entropy. This is why the loss is implemented on the logits: the output error is simply "
    "{m:yhat_minus_y}, it never vanishes however saturated the output unit is, and no logarithm of 0 "
    "is ever taken (the library evaluates L = log(1 + e^z) − y z with `np.logaddexp`).",
    "h_task_b": "(b) Gradients of the output layer",
    "derivation_b": "Since z⁽³⁾ = w⁽³⁾ᵀ a⁽²⁾ + b⁽³⁾ is linear in w⁽³⁾ and b⁽³⁾, with ∂z⁽³⁾/∂w⁽³⁾ = a⁽²⁾ "
    "and ∂z⁽³⁾/∂b⁽³⁾ = 1:",
    "h_task_c": "(c) Back to the second hidden layer",
    "derivation_c": "z⁽³⁾ depends on a⁽²⁾ through the same linear map, with ∂z⁽³⁾/∂a⁽²⁾ = w⁽³⁾:",
    "h_task_d": "(d) Gradients of hidden layer 2",
    "derivation_d": "The sigmoid acts element by element, so its Jacobian is the diagonal matrix "
    "diag(σ'(z⁽²⁾)) and the chain rule becomes an element-wise product (⊙):",
    "derivation_d2": "Unit i of layer 2 receives a⁽¹⁾ⱼ through the weight W⁽²⁾ᵢⱼ, so ∂zᵢ⁽²⁾/∂W⁽²⁾ᵢⱼ = a⁽¹⁾ⱼ: "
    "the weight gradient is an outer product, and the bias gradient is the error itself.",
    "h_task_e": "(e) Gradients of hidden layer 1",
    "derivation_e": "The same two steps once more, one layer down: back through W⁽²⁾ (its transpose), "
    "then through the sigmoid of layer 1; the input x plays the role of a⁽⁰⁾.",
    "derivation_general": "In general, for a layer l with activation f, the error is propagated "
    "backwards by one matrix product and one element-wise product, and each layer's gradients follow "
    "from its error and its input:",
    "h_batch": "Vectorised form for a mini-batch",
    "derivation_batch": "The implementation processes n samples at once. With the samples as rows, "
    "X of shape {m:X_shape}, and the weights stored like the sheet's W⁽ˡ⁾ with shape {m:W_shape}, "
    "the forward pass is one matrix product per layer:",
    "derivation_batch_note": "D is the number of layers with weights (D = 3 for the sheet's network); the "
    "letter L stays the loss throughout. The loss is the mean over the batch, hence the factor 1/n in the output "
    "error; the sum over the batch is hidden in the matrix products Δᵀ A. The term {m:two_lambda_W} "
    "is the gradient of the L2 penalty of task 4.1 (b) (zero unless λ > 0). These four lines are what "
    "`Linear.backward` and `ActivationLayer.backward` compute; the gradient check below confirms them.",
    "h_numeric": "Numerical example (task 1.2)",
    "numeric_intro": "The forward and backward pass for x = (0.5, 0.8)ᵀ, y = 1 and the sheet's weights. "
    "The numbers are computed by the library's own layers (`mlplab.trace.sheet_trace`) and checked in "
    "the test suite against an independent hand-written computation to 1e-10.",
    "cap_trace_forward": "Task 1.2 (a) and (b): forward pass and loss.",
    "numeric_forward_note": "The network predicts ŷ = {trace_yhat} for a sample of class 1, so the loss "
    "is L = −log ŷ = {trace_loss}.",
    "cap_trace_backward": "Task 1.2 (c): every gradient of the backward pass, and for each parameter "
    "gradient its relative error against Richardson-extrapolated central finite differences.",
    "numeric_backward_note": "The output error is ∂L/∂z⁽³⁾ = ŷ − y = {trace_dz3}. The finite-difference "
    "check agrees with every analytic gradient to a relative error of at most {gradcheck_max}.",
    "numeric_worked_intro": "One path worked step by step: unit 1 of every layer forwards, then the "
    "error back along the same units, with one weight gradient per layer. The report's code puts the "
    "numbers of the trace into the formulas of task 1.1 (the sheet's givens as written, computed numbers to "
    "four significant digits), so they are the numbers of the tables above, and a test recomputes every "
    "right-hand side from the operands shown. Through z₁⁽²⁾ all three outputs of layer 1 enter; a₂⁽¹⁾ and "
    "a₃⁽¹⁾ are computed like a₁⁽¹⁾ (table above), and ∂L/∂a₁⁽¹⁾ needs both errors of layer 2, δ⁽²⁾₂ like δ⁽²⁾₁. "
    "Each error is found in two steps, as in task 1.1 (c) and (d): back through the weights to ∂L/∂a, then "
    "through the sigmoid.",
    "col_formula": "Formula",
    "col_numbers": "With the numbers",
    "cap_worked_forward": "Task 1.2 (a) and (b) for one path: the sheet's numbers in the formulas.",
    "cap_worked_backward": "Task 1.2 (c) along the same path: the output error, the error of unit 1 of "
    "layers 2 and 1, and one weight gradient per layer.",
    "numeric_error_shrinks": "On its way back the error shrinks at every layer: ‖δ⁽³⁾‖ = {trace_norm_dz3}, "
    "‖δ⁽²⁾‖ = {trace_norm_dz2} and ‖δ⁽¹⁾‖ = {trace_norm_dz1}, by a factor of {trace_factor_2} from layer 3 "
    "to layer 2 and of {trace_factor_1} from layer 2 to layer 1 (δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾).",
    "numeric_error_grows": "On its way back the error grows at every layer: ‖δ⁽³⁾‖ = {trace_norm_dz3}, "
    "‖δ⁽²⁾‖ = {trace_norm_dz2} and ‖δ⁽¹⁾‖ = {trace_norm_dz1}; ‖δ⁽ˡ⁺¹⁾‖/‖δ⁽ˡ⁾‖ is {trace_factor_2} and "
    "{trace_factor_1} (δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾).",
    "numeric_error_mixed": "On its way back the error changes from layer to layer: ‖δ⁽³⁾‖ = {trace_norm_dz3}, "
    "‖δ⁽²⁾‖ = {trace_norm_dz2} and ‖δ⁽¹⁾‖ = {trace_norm_dz1}; ‖δ⁽ˡ⁺¹⁾‖/‖δ⁽ˡ⁾‖ is {trace_factor_2} and "
    "{trace_factor_1} (δ⁽ˡ⁾ = ∂L/∂z⁽ˡ⁾).",
    "numeric_cause_sigmoid": "Each factor is the product of two steps of the recursion. Back through the "
    "weights, ‖δ⁽ˡ⁺¹⁾‖/‖∂L/∂a⁽ˡ⁾‖ is {trace_factor_w_2} (layer 2) and {trace_factor_w_1} (layer 1); back "
    "through the sigmoid, ‖∂L/∂a⁽ˡ⁾‖/‖δ⁽ˡ⁾‖ is {trace_factor_s_2} and {trace_factor_s_1}, at least 4 because "
    "σ′ ≤ 1/4 (here σ′(z⁽ˡ⁾) is at most {trace_sp_max_2} in layer 2 and {trace_sp_max_1} in layer 1, all "
    "units being close to z = 0). The sigmoid's derivative is the larger part in both layers.",
    "numeric_cause_weights": "Each factor is the product of two steps of the recursion. Back through the "
    "weights, ‖δ⁽ˡ⁺¹⁾‖/‖∂L/∂a⁽ˡ⁾‖ is {trace_factor_w_2} (layer 2) and {trace_factor_w_1} (layer 1); back "
    "through the sigmoid, ‖∂L/∂a⁽ˡ⁾‖/‖δ⁽ˡ⁾‖ is {trace_factor_s_2} and {trace_factor_s_1}, at least 4 because "
    "σ′ ≤ 1/4 (here σ′(z⁽ˡ⁾) is at most {trace_sp_max_2} in layer 2 and {trace_sp_max_1} in layer 1). The "
    "weights are the larger part in both layers.",
    "numeric_cause_both": "Each factor is the product of two steps of the recursion. Back through the "
    "weights, ‖δ⁽ˡ⁺¹⁾‖/‖∂L/∂a⁽ˡ⁾‖ is {trace_factor_w_2} (layer 2) and {trace_factor_w_1} (layer 1); back "
    "through the sigmoid, ‖∂L/∂a⁽ˡ⁾‖/‖δ⁽ˡ⁾‖ is {trace_factor_s_2} and {trace_factor_s_1}, at least 4 because "
    "σ′ ≤ 1/4 (here σ′(z⁽ˡ⁾) is at most {trace_sp_max_2} in layer 2 and {trace_sp_max_1} in layer 1). "
    "Which part is larger differs between the layers.",
    # ------------------------------------------------------------------ 2
    "h_implementation": "Implementation",
    "h_class": "The MLP class (task 2.1)",
    "impl_intro": "`mlplab.MLP` has exactly the sheet's interface: `MLP(layer_sizes, activation='sigmoid', "
    "learning_rate=0.01)`, `_initialize_weights()`, `_forward(X)`, `_backward(X, y)`, "
    "`train(X, y, epochs=1000, batch_size=None, verbose=False)`, `predict(X)` and `score(X, y)`. "
    "Extras are keyword-only: `optimizer`, `l2`, `seed`, `init` and the early-stopping settings.",
    "impl_layout": "The class is a thin face over a small library (`mlplab.nn`) that knows nothing of the "
    "sheet. A network is a list of layers, Linear → activation → … → Linear; each layer's forward pass "
    "caches exactly what its backward pass needs, and the backward pass writes the layer's parameter "
    "gradients and returns the gradient with respect to its input. All parameters live in one flat "
    "vector, and each layer's W and b are reshaped views into it; the gradients likewise. So an "
    "optimiser step is one vectorised expression, the gradient check perturbs one vector, and "
    "`model.weights[l]` (shape (n_out, n_in), exactly the sheet's W⁽ˡ⁺¹⁾) can be written directly.",
    "impl_init": "`_initialize_weights` draws the weights by Xavier/Glorot for sigmoid and tanh (uniform, "
    "U(−r, r) with r = √(6/(n_in + n_out))) and by He for ReLU (normal, N(0, 2/n_in)); the biases start at "
    "zero. Both rules are derived in task 3.1 (b), which also shows why Xavier for the sigmoid is a "
    "convention rather than what the derivation gives:",
    "impl_forward_backward": "The output layer is linear: the network returns logits, and the loss applies "
    "its own output activation (sigmoid with binary cross-entropy for one output unit, softmax with "
    "categorical cross-entropy for several). The logistic function is evaluated as 1/(1 + e^(−z)) with "
    "the overflow for very negative z silenced: it is exact there (0) and keeps its relative accuracy "
    "elsewhere.",
    "impl_training": "`train` runs mini-batch gradient descent: every epoch draws one permutation from the "
    "model's seeded generator, gathers the data in that order once and walks over contiguous slices; "
    "the last, smaller batch is kept. There is no loop over samples: every step is a handful of NumPy "
    "calls per layer. The loop records the training loss and accuracy per epoch (and validation ones), "
    "stops early on a validation plateau and restores the best weights, and stops with a clear error if "
    "the loss explodes or becomes non-finite, keeping the last finite weights. Optimisers: SGD, momentum "
    "in the sheet's form, RMSprop and Adam.",
    "h_code": "The code (task 2.1)",
    "impl_code_intro": "The listings below are the library's own code, read from its source files when "
    "this report was built (each headed by its file, name and line; docstrings cut to their first line), "
    "so they are the code that computed every number of this report.",
    "impl_code_sheet": "The sheet's methods: `_initialize_weights` draws the weights, `_forward` keeps "
    "every layer's input and output, `_backward` turns ŷ − y into every ∂L/∂W⁽ˡ⁾ and ∂L/∂b⁽ˡ⁾ of the "
    "mean loss, and `train` hands the data to the mini-batch loop below.",
    "impl_code_layers": "The forward and backward passes. A linear layer computes Z = A Wᵀ + b for a "
    "whole batch and, going back with δ = ∂L/∂Z, writes ∂L/∂W = δᵀA and ∂L/∂b = Σᵢ δᵢ and returns "
    "∂L/∂A = δW (eqs. of task 1.1). An activation layer multiplies δ by f′(z), computed from its cached "
    "output: σ′ = a(1 − a), tanh′ = 1 − a², ReLU′ = [a > 0]. The loss's gradient on the logits is "
    "(ŷ − y)/n, the sheet's ∂L/∂z⁽³⁾ averaged over the batch.",
    "impl_code_init": "The initialisers: Xavier (uniform) for sigmoid and tanh, He (normal) for ReLU.",
    "impl_code_loop": "The training loop: one permutation per epoch, then contiguous mini-batches of "
    "`batch_size` rows (the last, smaller one kept); each step is one forward and backward pass "
    "(`objective`) and one optimiser step on the flat parameter vector.",
    "impl_quality": "Quality is shown by the test suite: the task 1.2 numbers against an independent "
    "computation; finite-difference checks for sigmoid, tanh and ReLU, sigmoid and softmax outputs, with "
    "and without L2, on several architectures (including a test that plants a wrong factor in a backward "
    "pass and sees the check catch it); each optimiser step against its formula; XOR over 20 seeds; "
    "property tests with random shapes; and more than a hundred bad inputs that must be refused with a "
    "message naming the argument.",
    "h_experiments": "Experiments (task 2.2)",
    "h_xor": "(a) XOR",
    "xor_setup": "A [2, 4, 1] network with {xor_activation} hidden units, trained by full-batch gradient "
    "descent with learning rate {xor_lr} for {xor_epochs} epochs.",
    "cap_xor": "XOR: training loss over the epochs (log scale) and the learned decision boundary; the "
    "black line is ŷ = 0.5.",
    "xor_result_all": "The network classifies all four points correctly (accuracy {xor_accuracy}): every point "
    "is on the right side from epoch {xor_perfect_from} on, and the loss falls to {xor_final_loss}.",
    "xor_result_all_late": "At the end the network classifies all four points correctly (accuracy "
    "{xor_accuracy}); it first did so at epoch {xor_epochs_to_100}, lost it again, and holds it from epoch "
    "{xor_perfect_from} on. The loss falls to {xor_final_loss}.",
    "xor_result_lost": "At the end the network classifies {xor_correct} of the four points correctly (accuracy "
    "{xor_accuracy}): it reached 100 % at epoch {xor_epochs_to_100} but did not keep it. The loss ends at "
    "{xor_final_loss}.",
    "xor_result_partial": "This run does not solve XOR: the network classifies only {xor_correct} of the four "
    "points correctly (accuracy {xor_accuracy}) and never reaches 100 % in {xor_epochs} epochs; the loss ends "
    "at {xor_final_loss}. How often a seed fails is measured below.",
    "xor_plateau_long": "The loss stays above {xor_plateau_level} of its first value {xor_loss_start} for the "
    "first {xor_plateau_span}, no shorter than the {xor_descent_span} it then takes to fall below "
    "{xor_descent_level} of it: a plateau at the start.",
    "xor_plateau_short": "The loss falls below {xor_plateau_level} of its first value {xor_loss_start} after "
    "{xor_plateau_span}, sooner than it then falls on to {xor_descent_level} of it ({xor_descent_span}): no "
    "long plateau at the start.",
    "xor_plateau_never": "The loss never falls below {xor_plateau_level} of its first value {xor_loss_start}.",
    "cap_xor_lines": "XOR: each hidden unit of the shown run as its line w·x + b = 0 in the input plane; the "
    "arrow points to the side where z > 0.",
    "xor_lines_strip": "The lines of {xor_lines_between} of the 4 hidden units pass between the points (which points each line separates: "
    "{xor_lines_list}). Units {xor_strip_units} each cut off one point of "
    "class {xor_strip_class}, {xor_strip_points}: the points of class {xor_other_class} lie in the strip "
    "between these two lines, and the output only has to tell the strip from the two corners.",
    "xor_lines_regions": "The lines of {xor_lines_between} of the 4 hidden units pass between the points (which points each line separates: "
    "{xor_lines_list}). No two points of different classes lie on the same "
    "sides of all four lines, so the regions between the lines separate the classes, although no two lines "
    "cut off the points of one class one by one.",
    "xor_lines_mixed": "The lines of {xor_lines_between} of the 4 hidden units pass between the points (which points each line separates: "
    "{xor_lines_list}). The points {xor_mixed_points} lie on the same sides "
    "of all four lines although their classes differ: the lines alone do not separate the classes.",
    "cap_xor_units": "XOR: each hidden unit's activation over the input plane (darker: larger), with its line "
    "z = 0 in black, and, right, the network's output ŷ with its boundary ŷ = 0.5.",
    "xor_units_text": "The output unit adds the four activations with the weights {xor_output_weights} (units 1 "
    "to 4) and the bias {xor_output_bias}, and turns the sum into ŷ with a sigmoid.",
    "xor_seeds_setup": "One lucky seed proves little, so the run was repeated with {xor_seeds} seeds per "
    "activation: sigmoid solved {xor_solved_sigmoid}, tanh {xor_solved_tanh} and ReLU {xor_solved_relu}.",
    "cap_xor_success": "XOR: share of seeds that reach 100 % accuracy, per activation.",
    "cap_xor_success_fig": "XOR success rate over seeds.",
    "xor_success_one": "XOR is solved most often with {xor_best} ({xor_best_solved}), ahead of {xor_rest}.",
    "xor_success_tie": "XOR is solved equally often with {xor_best} ({xor_best_solved} each), more often than "
    "with {xor_rest}.",
    "xor_success_equal": "All three activations solve XOR equally often ({xor_best_solved} each).",
    "xor_speed_one": "Of the solved runs, {xor_fastest} needs the fewest epochs to 100 % (median "
    "{xor_fastest_median}; {xor_slower}).",
    "xor_speed_tie": "Of the solved runs, {xor_fastest} need equally few epochs to 100 % (median "
    "{xor_fastest_median}; {xor_slower}).",
    "xor_speed_none": "No run reached 100 %, so there is no speed to compare.",
    "xor_dead_more": "A ReLU unit with z ≤ 0 on all four points is dead: its gradient is zero on every point, "
    "so it never recovers. The {xor_relu_failed} failed ReLU runs end with {xor_dead_failed} dead units on "
    "average, the solved ones with {xor_dead_solved}: with only four units, each dead one leaves fewer to "
    "carve out the XOR regions.",
    "xor_dead_not_more": "A ReLU unit with z ≤ 0 on all four points is dead: its gradient is zero on every "
    "point. The {xor_relu_failed} failed ReLU runs end with {xor_dead_failed} dead units on average, the solved "
    "ones with {xor_dead_solved}: dead units do not explain these failures.",
    "xor_dead_none_failed": "Every ReLU run solved XOR, {xor_relu_with_dead} of the {xor_relu_seeds} although they end with at "
    "least one dead unit (z ≤ 0 on all four points).",
    "xor_dead_none_solved": "No ReLU run solved XOR; the runs end with {xor_dead_failed} dead units on average "
    "(z ≤ 0 on all four points, so their gradient is zero).",
    # ------------------------------------------------------------------ 2.2 b
    "h_spirals": "(b) Two spirals",
    "spirals_setup": "The data come from the sheet's generator `make_spirals(200, 0.1)` (seeded, the noise drawn "
    "in the sheet's order); an independent draw with another seed serves as test set. The raw spirals reach "
    "a radius of 4π ≈ 12.6, where tanh and sigmoid units saturate at once, so the inputs are divided by 4π. "
    "The network is {spirals_layers} ({spirals_params} parameters) with {spirals_activation} units, trained "
    "with {spirals_optimizer} (learning rate {spirals_lr}) on mini-batches of {spirals_batch} for "
    "{spirals_epochs} epochs.",
    "cap_spirals_data": "The two spirals: the training draw and the independent test draw, inputs divided by 4π.",
    "spirals_result_all": "The network classifies every training point correctly ({spirals_train_acc}) from "
    "epoch {spirals_perfect_from} on.",
    "spirals_result_all_flicker": "At the end the network classifies every training point correctly "
    "({spirals_train_acc}); it first did so at epoch {spirals_epochs_to_100} and was at 100 % in "
    "{spirals_epochs_at_100} of the {spirals_epochs} epochs, the last from epoch {spirals_perfect_from} on.",
    "spirals_result_lost": "At the end the network classifies {spirals_train_correct} of the {spirals_n_train} "
    "training points correctly ({spirals_train_acc}): it reached 100 % first at epoch {spirals_epochs_to_100} "
    "and was there in {spirals_epochs_at_100} epochs, but not at the last one.",
    "spirals_result_partial": "The network classifies {spirals_train_correct} of the {spirals_n_train} training "
    "points correctly ({spirals_train_acc}); it does not reach 100 % within {spirals_epochs} epochs.",
    "spirals_test_below": "On the independent test draw it scores {spirals_test_acc} ({spirals_test_errors} "
    "errors), {spirals_acc_gap} percentage points below its training accuracy; the final training loss is "
    "{spirals_train_loss}, the test loss {spirals_test_loss}.",
    "spirals_test_equal": "On the independent test draw it scores {spirals_test_acc} ({spirals_test_errors} "
    "errors), as on the training draw; the final training loss is {spirals_train_loss}, the test loss "
    "{spirals_test_loss}.",
    "spirals_test_above": "On the independent test draw it scores {spirals_test_acc} ({spirals_test_errors} "
    "errors), {spirals_acc_gap} percentage points above its training accuracy; the final training loss is "
    "{spirals_train_loss}, the test loss {spirals_test_loss}.",
    "cap_spirals_boundary": "Spirals: the learned decision boundary with the training points (left) and the "
    "test points (right); misclassified points are circled.",
    "spirals_errors_centre": "{spirals_errors_inner} of the {spirals_n_errors} misclassified test points lie "
    "within {spirals_inner_radius} of the largest radius from the centre, where the arms turn most sharply; "
    "that inner disc holds {spirals_share_inner} of all test points.",
    "spirals_errors_spread": "The {spirals_n_errors} misclassified test points are spread over the arms: "
    "{spirals_errors_inner} of them lie within {spirals_inner_radius} of the largest radius from the centre, "
    "a disc that holds {spirals_share_inner} of all test points.",
    "spirals_errors_none": "No test point is misclassified.",
    "spirals_close": "The test draw lies close to the training draw: a test point is a median "
    "{spirals_nearest} from the nearest training point of its class, against {spirals_arm_gap} between "
    "neighbouring arms of different classes (radii divided by 4π). The test accuracy therefore measures how "
    "well the network follows the arms, not how it generalises away from them.",
    "spirals_not_close": "A test point is a median {spirals_nearest} from the nearest training point of its "
    "class, against {spirals_arm_gap} between neighbouring arms of different classes (radii divided by 4π): "
    "the test draw does not merely repeat the training points.",
    "cap_spirals_curves": "Spirals: loss and accuracy per epoch on the training and the test draw.",
    "spirals_loss_rise_confident": "The test loss is lowest at epoch {spirals_min_epoch} "
    "({spirals_min_test_loss}) and ends at {spirals_test_loss}, while the training loss keeps falling "
    "({spirals_train_loss_at_min} then, {spirals_train_loss} at the end) and the test accuracy does not drop "
    "({spirals_test_acc_at_min} then, {spirals_test_acc_final} at the end): the rise comes from more "
    "confident predictions, not from more errors, a mild overfitting of the loss.",
    "spirals_loss_rise_errors": "The test loss is lowest at epoch {spirals_min_epoch} ({spirals_min_test_loss}) "
    "and ends at {spirals_test_loss}, while the training loss keeps falling ({spirals_train_loss_at_min} then, "
    "{spirals_train_loss} at the end) and the test accuracy drops from {spirals_test_acc_at_min} to "
    "{spirals_test_acc_final} ({spirals_more_errors}): the network overfits.",
    "spirals_loss_no_rise": "The test loss ends at {spirals_test_loss}, within {spirals_rise} of its lowest value "
    "{spirals_min_test_loss} (epoch {spirals_min_epoch}): it does not rise again, no sign of overfitting in "
    "this run.",
    "cap_spirals_features": "Spirals: the units of the last hidden layer over the input plane (darker: larger "
    "activation, each panel on its own scale), with the training points; the percentage is the share of "
    "training points on which the unit's z is positive; the orange line is its z = 0.",
    "spirals_features_dead": "The figure shows {spirals_units_shown} of hidden layer {spirals_layer}. "
    "{spirals_dead} of its {spirals_units} units {spirals_dead_verb} dead: z ≤ 0 on every training point; such a "
    "unit passes nothing on and receives no gradient. The others are positive on {spirals_share_min} to "
    "{spirals_share_max} of the training points, each on a region bounded by bent lines, the pieces from which "
    "the output assembles the spiral arms.",
    "spirals_features_alive": "The figure shows {spirals_units_shown} of hidden layer {spirals_layer}. None of "
    "them is dead: each is positive on {spirals_share_min} to {spirals_share_max} of the training points, on a "
    "region bounded by bent lines, the pieces from which the output assembles the spiral arms.",
    "spirals_features_smooth": "The figure shows {spirals_units_shown} of hidden layer {spirals_layer}; each is "
    "positive (z > 0) on {spirals_share_min} to {spirals_share_max} of the training points.",
    "spirals_gif": "`mlplab spirals` also writes an animated GIF of the decision boundary during training "
    "(`spirals_training.gif`); it is not part of this report, and its labels are in English only.",
    # ------------------------------------------------------------------ 2.2 c
    "h_sweep": "(c) Hyperparameter study",
    "sweep_setup": "The sheet's grid: hidden layers {sweep_hidden_list}, learning rates {sweep_rate_list}, "
    "activations {sweep_act_list}, {sweep_grid_cells}, each trained with {sweep_seeds} seeds by plain "
    "mini-batch gradient descent ({sweep_first}, the sheet's method) and again by {sweep_second}, with the same "
    "budget: {sweep_epochs} epochs of mini-batches of {sweep_batch}, {sweep_updates} updates per run. The runs "
    "of a cell start from the same weights and see the same mini-batches with either optimiser, so the two are "
    "compared in pairs. Then the sigmoid and tanh cells at α = {sweep_top_rate} are trained once more with "
    "{sweep_first} and He-scaled initial weights: the same random draws as their default (Xavier) weights, "
    "scaled up by √((n_in + n_out)/n_in), so that the initial scale is the only change. Altogether "
    "{sweep_runs} ({sweep_failed} failed) on the spirals of 2.2 (b), scored on the independent test draw. "
    "Every run gets its own seed from a SeedSequence keyed by its settings, and the runs are spread over all "
    "cores (or a Dask cluster) without changing a single number.",
    "cap_sweep_heatmap": "Sweep: mean test accuracy (%) per cell, one panel per optimiser (rows) and "
    "architecture (columns); framed: each optimiser's best cell.",
    "sweep_best_second": "The best cell is {sweep_best_name} with {sweep_best_opt}: test accuracy "
    "{sweep_best_test} ± {sweep_best_std}, training accuracy {sweep_best_train}; {sweep_best_reached} "
    "runs classified every training point correctly, after {sweep_best_e100} epochs on average. "
    "{sweep_second}'s best cell ({sweep_best2_name}: {sweep_best2_test}) beats {sweep_first}'s best "
    "({sweep_best1_name}: {sweep_best1_test}) by more than {sweep_margin} points.",
    "sweep_best_level": "The best cell is {sweep_best_name} with {sweep_best_opt}: test accuracy "
    "{sweep_best_test} ± {sweep_best_std}, training accuracy {sweep_best_train}; {sweep_best_reached} "
    "runs classified every training point correctly, after {sweep_best_e100} epochs on average. The best cells "
    "of the two optimisers lie within {sweep_margin} points of each other ({sweep_first}: {sweep_best1_name}, "
    "{sweep_best1_test}; {sweep_second}: {sweep_best2_name}, {sweep_best2_test}): at its best rate, plain "
    "gradient descent fits the spirals as well as {sweep_second} in the same budget.",
    "sweep_best_first": "The best cell is {sweep_best_name} with {sweep_best_opt}: test accuracy "
    "{sweep_best_test} ± {sweep_best_std}, training accuracy {sweep_best_train}; {sweep_best_reached} "
    "runs classified every training point correctly, after {sweep_best_e100} epochs on average. "
    "{sweep_first}'s best cell ({sweep_best1_name}: {sweep_best1_test}) beats {sweep_second}'s best "
    "({sweep_best2_name}: {sweep_best2_test}) by more than {sweep_margin} points.",
    "sweep_best_one": "The best cell is {sweep_best_name} with {sweep_best_opt}: test accuracy "
    "{sweep_best_test} ± {sweep_best_std}, training accuracy {sweep_best_train}; {sweep_best_reached} "
    "runs classified every training point correctly, after {sweep_best_e100} epochs on average. Only one "
    "optimiser was run.",
    "col_sweep_test": "test (%)",
    "col_sweep_reached": "100 %",
    "cap_sweep_table_1": "Sweep, {sweep_arch_1}: mean test accuracy (%) ± standard deviation over the seeds, "
    "and the runs that reached 100 % training accuracy (their mean epoch). Rows “He”: He-scaled initial weights.",
    "cap_sweep_table_2": "Sweep, {sweep_arch_2}: columns as in the table for {sweep_arch_1}.",
    "cap_sweep_table_3": "Sweep, {sweep_arch_3}: columns as in the table for {sweep_arch_1}.",
    "sweep_opt_second": "Cell by cell, {sweep_second} beats {sweep_first} (by more than {sweep_margin} points "
    "of mean test accuracy) in {sweep_second_better} of {sweep_pairs} and loses in {sweep_second_worse}, "
    "{sweep_worse_at_top} of these at the largest rate α = {sweep_top_rate}. It learns the spirals (mean test "
    "accuracy at least {sweep_learned}) in {sweep_learned_second}, {sweep_first} in {sweep_learned_first}; "
    "only {sweep_second} learns in: {sweep_only_second}.",
    "sweep_opt_first": "Cell by cell, {sweep_second} beats {sweep_first} (by more than {sweep_margin} points "
    "of mean test accuracy) in only {sweep_second_better} of {sweep_pairs} and loses in {sweep_second_worse}, "
    "{sweep_worse_at_top} of these at the largest rate α = {sweep_top_rate}. It learns the spirals (mean test "
    "accuracy at least {sweep_learned}) in {sweep_learned_second}, {sweep_first} in {sweep_learned_first}; "
    "only {sweep_second} learns in: {sweep_only_second}.",
    "sweep_opt_even": "Cell by cell, {sweep_second} beats {sweep_first} (by more than {sweep_margin} points "
    "of mean test accuracy) in as many cells as it loses in: {sweep_second_better} of {sweep_pairs} each, "
    "{sweep_worse_at_top} of the losses at the largest rate α = {sweep_top_rate}. It learns the spirals (mean "
    "test accuracy at least {sweep_learned}) in {sweep_learned_second}, {sweep_first} in "
    "{sweep_learned_first}; only {sweep_second} learns in: {sweep_only_second}.",
    "sweep_opt_none": "Only one optimiser was run, so this sweep compares no optimisers.",
    "sweep_arch_all": "In every architecture ({sweep_arch_n}), {sweep_second}'s best cell beats "
    "{sweep_first}'s best by more than {sweep_margin} points.",
    "sweep_arch_some": "Architecture by architecture, {sweep_second}'s best cell beats {sweep_first}'s best "
    "by more than {sweep_margin} points in {sweep_arch_k} of {sweep_arch_n} ({sweep_arch_list}); in the "
    "others the two are level or {sweep_first} is ahead.",
    "sweep_arch_none": "In no architecture does {sweep_second}'s best cell beat {sweep_first}'s best by more "
    "than {sweep_margin} points: at this budget, no architecture needs the adaptive optimiser for its best "
    "result.",
    "sweep_arch_none_run": "With one optimiser there is nothing to compare per architecture.",
    "sweep_net_second": "The network of section 2.2 (b), {sweep_net}, gets further with {sweep_second} "
    "({sweep_net2_name}: {sweep_net2_test}) than with {sweep_first} at its best rate ({sweep_net1_name}: "
    "{sweep_net1_test}), by more than {sweep_margin} points.",
    "sweep_net_level": "The network of section 2.2 (b), {sweep_net}, reaches {sweep_net1_test} with "
    "{sweep_first} at its best rate ({sweep_net1_name}) and {sweep_net2_test} with {sweep_second} "
    "({sweep_net2_name}): within {sweep_margin} points, so for this network plain gradient descent gets as "
    "far as {sweep_second} in the same budget.",
    "sweep_net_first": "The network of section 2.2 (b), {sweep_net}, gets further with {sweep_first} at its "
    "best rate ({sweep_net1_name}: {sweep_net1_test}) than with {sweep_second} ({sweep_net2_name}: "
    "{sweep_net2_test}), by more than {sweep_margin} points.",
    "sweep_net_absent": "The network of section 2.2 (b), {sweep_net}, is not in this grid.",
    "cap_sweep_curves": "Sweep: mean training loss over the seeds, one panel per activation (rows) and "
    "architecture (columns); colour: learning rate; solid: SGD, dashed: Adam, dotted: SGD with He-scaled "
    "initial weights.",
    "sweep_fail_smooth": "With {sweep_first} and the default initial weights no sigmoid and no tanh cell "
    "learns the spirals: the best reach {sweep_sigmoid_best} ({sweep_sigmoid_best_name}) and "
    "{sweep_tanh_best} ({sweep_tanh_best_name}), while ReLU reaches {sweep_relu_best} "
    "({sweep_relu_best_name}). Sigmoid and tanh fail alike, although tanh′ reaches 1 at z = 0 where σ′ "
    "reaches only 1/4: the bound σ′ ≤ 1/4 alone does not explain the failure.",
    "sweep_fail_sigmoid": "With {sweep_first} and the default initial weights only sigmoid fails to learn the "
    "spirals: its best cell reaches {sweep_sigmoid_best} ({sweep_sigmoid_best_name}), tanh's "
    "{sweep_tanh_best} ({sweep_tanh_best_name}) and ReLU's {sweep_relu_best} ({sweep_relu_best_name}).",
    "sweep_fail_tanh": "With {sweep_first} and the default initial weights only tanh fails to learn the "
    "spirals: its best cell reaches {sweep_tanh_best} ({sweep_tanh_best_name}), sigmoid's "
    "{sweep_sigmoid_best} ({sweep_sigmoid_best_name}) and ReLU's {sweep_relu_best} ({sweep_relu_best_name}).",
    "sweep_fail_all": "With {sweep_first} and the default initial weights no cell learns the spirals in this "
    "budget: the best sigmoid, tanh and ReLU cells reach {sweep_sigmoid_best}, {sweep_tanh_best} and "
    "{sweep_relu_best}.",
    "sweep_fail_none": "With {sweep_first} and the default initial weights every activation has a cell that "
    "learns the spirals: the best sigmoid, tanh and ReLU cells reach {sweep_sigmoid_best}, {sweep_tanh_best} "
    "and {sweep_relu_best}.",
    "sweep_fail_other": "With {sweep_first} and the default initial weights the best sigmoid, tanh and ReLU "
    "cells reach {sweep_sigmoid_best}, {sweep_tanh_best} and {sweep_relu_best} (a cell learns the spirals "
    "at {sweep_learned} or more).",
    "sweep_he_tanh": "A larger initial weight scale helps tanh: with He-scaled weights "
    "({sweep_first}, α = {sweep_top_rate}) the tanh cells reach {sweep_he_tanh} on average over the "
    "architectures instead of {sweep_he_tanh_default} ({sweep_he_tanh_list}; {sweep_he_tanh_learned} at "
    "{sweep_learned} or more), the change the initialisation "
    "study (section 3.1 b) makes for a deeper tanh network. Sigmoid does not gain more than {sweep_margin} "
    "points ({sweep_he_sigmoid} instead of {sweep_he_sigmoid_default}); its best cell in the sweep is "
    "{sweep_second}'s, at {sweep_sigmoid_best2}.",
    "sweep_he_both": "The initial weight scale holds both back: with He-scaled weights ({sweep_first}, "
    "α = {sweep_top_rate}) the tanh cells reach {sweep_he_tanh} on average over the architectures instead of "
    "{sweep_he_tanh_default} ({sweep_he_tanh_list}; {sweep_he_tanh_learned} at {sweep_learned} or more), "
    "the sigmoid cells {sweep_he_sigmoid} instead of "
    "{sweep_he_sigmoid_default} ({sweep_he_sigmoid_list}).",
    "sweep_he_sigmoid": "With He-scaled weights ({sweep_first}, α = {sweep_top_rate}) the sigmoid cells reach "
    "{sweep_he_sigmoid} on average over the architectures instead of {sweep_he_sigmoid_default} "
    "({sweep_he_sigmoid_list}), while tanh does not gain more than {sweep_margin} points ({sweep_he_tanh} "
    "instead of {sweep_he_tanh_default}).",
    "sweep_he_neither": "The initial weight scale alone does not rescue them: with He-scaled weights "
    "({sweep_first}, α = {sweep_top_rate}) the tanh cells reach {sweep_he_tanh} on average over the "
    "architectures (default {sweep_he_tanh_default}), the sigmoid cells {sweep_he_sigmoid} (default "
    "{sweep_he_sigmoid_default}), neither more than {sweep_margin} points better. Their best cells come with "
    "{sweep_second}: tanh {sweep_tanh_best2}, sigmoid {sweep_sigmoid_best2}.",
    "sweep_he_none": "No sigmoid and tanh cells were repeated with He-scaled weights.",
    "sweep_slow_plateau": "At α = {sweep_slow_rate}, {sweep_first} leaves every cell near the starting "
    "plateau: the lowest final training loss is {sweep_slow_loss}, against log 2 ≈ 0.693 for a constant "
    "output of ½.",
    "sweep_slow_moved": "At α = {sweep_slow_rate}, {sweep_first}'s best cell brings the training loss down to "
    "{sweep_slow_loss}, clearly below log 2 ≈ 0.693, the loss of a constant output of ½.",
    "sweep_slow_none": "No cell has a result at the smallest rate.",
    # ------------------------------------------------------------------ 3.1
    "h_deeper": "Deeper questions",
    "h_theory": "Theoretical analysis (task 3.1)",
    "h_vanishing": "(a) Vanishing gradients",
    "van_theory": "Back-propagation multiplies the error, layer by layer, by Wᵀ and by the activation's "
    "derivative. In a network of D weight layers (D − 1 hidden ones; D is the depth, L stays the loss), "
    "unrolled from the output layer D to the first and bounded with |f′| ≤ max f′ and ‖Wᵀv‖ ≤ ‖W‖₂‖v‖ "
    "(‖W‖₂, the spectral norm, is the largest singular value of W):",
    "van_max_text": "For the sigmoid, max f′ is 1/4: σ′ = σ(1 − σ) is a product of two numbers that add up to 1, "
    "and it is largest where they are equal:",
    "cap_van_derivatives": "Derivatives of sigmoid, tanh and ReLU; the sigmoid's never exceeds 1/4.",
    "van_sigmoid_bound_text": "For the sigmoid the bound splits into the σ′ part, (1/4)ᴰ⁻¹, and the weights' "
    "part, the product of the spectral norms:",
    "van_sigmoid_bound_after": "The σ′ part alone bounds the ratio only where the weights' part is at most 1. "
    "For tanh and ReLU max f′ = 1, so there only the weights can shrink or grow the error.",
    "van_setup": "The experiment: the sheet's two spirals, {van_call}, each coordinate standardised to mean 0 "
    "and variance 1; all {van_samples} points are "
    "the training set (there is no test split, so every accuracy below is a training accuracy). The network is "
    "{van_layers}: {van_hidden} hidden layers of {van_width} units, so D = {van_depth}; biases start at 0, "
    "weights by {van_init_sigmoid} for sigmoid and tanh and by {van_init_relu} for ReLU. Each network is "
    "trained with SGD (α = {van_rate}, mini-batches of {van_batch}, {van_epochs} epochs), for each activation "
    "from the same {van_seeds} {van_seeds_word}. Gradients are those of the mean binary cross-entropy over all "
    "points. At epochs {van_profile_epochs} every run also records ‖δ⁽¹⁾‖/‖δ⁽ᴰ⁾‖ with its bound from the "
    "current weights and, per hidden layer, the share of saturated activations (f′(z) below {van_sat_share} "
    "of max f′, about |tanh z| > 0.99 or σ(z) outside [0.005, 0.995], counted over units × points), the share "
    "of dead units (saturated on every point; for ReLU: z ≤ 0 on all of them) and the spread of the "
    "activations over the points.",
    "van_measured": "Measured on a fine grid, the largest value of σ′ is {van_max} at z = {van_argmax}. At "
    "initialisation, the first layer's weight gradient ‖∂L/∂W⁽¹⁾‖ is {van_sigmoid_init} times the last "
    "layer's for sigmoid (geometric mean over the seeds; {van_sigmoid_per_layer} per hidden layer), "
    "{van_tanh_init} times for tanh and {van_relu_init} times for ReLU. A weight gradient δ⁽ˡ⁾a⁽ˡ⁻¹⁾ᵀ also "
    "carries the layer's input a⁽ˡ⁻¹⁾; the bound is on the errors δ themselves.",
    "van_bound_all": "The bound holds in every run: all {van_bound_n} measured ratios ‖δ⁽¹⁾‖/‖δ⁽ᴰ⁾‖ "
    "(three activations, {van_seeds} {van_seeds_word} each, the profiled epochs) lie below their bound "
    "∏ max f′ · ‖W⁽ˡ⁾‖₂, computed from the weights of the same run and epoch; the closest reaches "
    "{van_bound_closest} of it. The inequality is tight only if every error points along the largest singular "
    "direction and every f′ is at its maximum.",
    "van_bound_some": "Only {van_bound_below} of {van_bound_n} measured ratios ‖δ⁽¹⁾‖/‖δ⁽ᴰ⁾‖ lie below "
    "their bound ∏ max f′ · ‖W⁽ˡ⁾‖₂ (largest ratio over bound: {van_bound_closest}). The inequality holds "
    "for any weights, so the others point to an error in the measurement.",
    "van_quarter_all": "The σ′ part alone, {van_quarter_power} = {van_quarter}, is not a bound on this ratio: "
    "it leaves out the weights' part ∏‖W⁽ˡ⁾‖₂, here {van_sigmoid_wfactor}, which makes the sigmoid's full bound "
    "{van_sigmoid_bound}. The measured sigmoid ratios ({van_sigmoid_delta}) all lie below {van_quarter_power} "
    "({van_quarter_below} of {van_quarter_n}): the actual factors shrink the error more than the bound "
    "allows for.",
    "van_quarter_some": "The σ′ part alone, {van_quarter_power} = {van_quarter}, is not a bound on this ratio: "
    "it leaves out the weights' part ∏‖W⁽ˡ⁾‖₂, here {van_sigmoid_wfactor}, which makes the sigmoid's full bound "
    "{van_sigmoid_bound}. The measured sigmoid ratios ({van_sigmoid_delta}) lie below {van_quarter_power} in "
    "{van_quarter_below} of {van_quarter_n} measurements and above it in {van_quarter_above}.",
    "van_quarter_none": "The σ′ part alone, {van_quarter_power} = {van_quarter}, is not a bound on this ratio: "
    "it leaves out the weights' part ∏‖W⁽ˡ⁾‖₂, here {van_sigmoid_wfactor}, which makes the sigmoid's full bound "
    "{van_sigmoid_bound}. All {van_quarter_n} measured sigmoid ratios ({van_sigmoid_delta}) lie above "
    "{van_quarter_power}.",
    "van_sigmoid_smallest": "So the sigmoid's first layer gets a vanishing share of the gradient: its ratio "
    "{van_sigmoid_init} is more than 100 times smaller than tanh's ({van_tanh_init}) and ReLU's "
    "({van_relu_init}). The depth sweep below shows the ratio at initialisation for every number of layers.",
    "van_sigmoid_not_smallest": "The sigmoid's ratio {van_sigmoid_init} is not 100 times below tanh's "
    "({van_tanh_init}) and ReLU's ({van_relu_init}) here: in these runs the vanishing is not peculiar to σ′.",
    "cap_van_gradients": "Gradient norm ‖∂L/∂W⁽ˡ⁾‖ per layer (log scale) at initialisation and after "
    "training, with the σ′ part's slope of 1/4 per layer (dashed).",
    "cap_van_depth": "Ratio of first- to last-layer weight gradient at initialisation against the number of "
    "hidden layers, with the σ′ part 0.25ᴰ⁻¹.",
    "van_outcome_relu": "Training shows the consequence. ReLU ends with the lowest median loss, "
    "{van_relu_loss}, and reaches 100 % training accuracy in {van_relu_solved} runs; tanh ends at "
    "{van_tanh_loss} ({van_tanh_solved}), the sigmoid at {van_sigmoid_loss} ({van_sigmoid_solved}).",
    "van_outcome_tanh": "Training shows the consequence. tanh ends with the lowest median loss, "
    "{van_tanh_loss}, and reaches 100 % training accuracy in {van_tanh_solved} runs; ReLU ends at "
    "{van_relu_loss} ({van_relu_solved}), the sigmoid at {van_sigmoid_loss} ({van_sigmoid_solved}).",
    "van_outcome_sigmoid": "In training, the sigmoid ends with the lowest median loss, {van_sigmoid_loss}, and "
    "reaches 100 % training accuracy in {van_sigmoid_solved} runs; tanh ends at {van_tanh_loss} "
    "({van_tanh_solved}), ReLU at {van_relu_loss} ({van_relu_solved}).",
    "cap_van_training": "Training of the deep networks: loss per epoch (thin: each seed, bold: median) and the "
    "first/last weight-gradient ratio during training.",
    "van_sigmoid_plateau": "The sigmoid network does not leave the plateau: its median final loss, "
    "{van_sigmoid_loss}, is that of a constant prediction, ln 2 ≈ {van_ln2}.",
    "van_sigmoid_learns": "The sigmoid network leaves the plateau of a constant prediction (ln 2 ≈ {van_ln2}): "
    "its median final loss is {van_sigmoid_loss}.",
    "van_forward_text": "The forward pass multiplies differences between inputs by the same kind of factors, "
    "diag(f′)W, so the same kind of product bounds how far apart the last hidden layer can put two points:",
    "van_sigmoid_collapsed": "For the sigmoid this is what happens: at the end of training the spread of the "
    "activations over the points (standard deviation, mean over units and seeds) is {van_spread_first} in the "
    "first hidden layer and {van_spread_last} in the last. The last hidden layer gives nearly the same vector "
    "for every point, and the output layer sees nothing else.",
    "van_sigmoid_spread_kept": "For the sigmoid, the spread of the activations over the points (standard "
    "deviation, mean over units and seeds) at the end of training is {van_spread_first} in the first hidden "
    "layer and {van_spread_last} in the last: the forward signal does not vanish here.",
    "van_sigmoid_first_still": "And the first layer hardly learns: during training W⁽¹⁾ moved by "
    "{van_sigmoid_moved_first} of its initial norm (‖W_end − W_start‖/‖W_start‖, median over seeds), the "
    "output layer's weights by {van_sigmoid_moved_last}.",
    "van_sigmoid_first_moves": "The first layer does learn: during training W⁽¹⁾ moved by "
    "{van_sigmoid_moved_first} of its initial norm (‖W_end − W_start‖/‖W_start‖, median over seeds), the "
    "output layer's weights by {van_sigmoid_moved_last}.",
    "cap_van_spread": "Spread of each hidden layer's activations over the points (standard deviation, mean "
    "over units and seeds), at the start (dashed) and at the end of training.",
    "van_tanh_puzzle": "Deep tanh is a different case. Its gradient does not vanish: the first/last ratio is "
    "{van_tanh_init} at initialisation and {van_tanh_trained} at the end (geometric means), yet it reaches "
    "100 % in {van_tanh_solved} runs (median final loss {van_tanh_loss}). A ratio near 1 says that every "
    "layer gets its share of the gradient, not that the steps lead to a solution.",
    "van_tanh_solved": "Deep tanh does not vanish either: the first/last ratio is {van_tanh_init} at "
    "initialisation and {van_tanh_trained} at the end (geometric means), and {van_tanh_solved} runs reach 100 %.",
    "van_tanh_vanishes": "For deep tanh the gradient vanishes too: the first/last ratio is {van_tanh_init} at "
    "initialisation and {van_tanh_trained} at the end (geometric means); {van_tanh_solved} runs reach 100 %.",
    "van_tanh_saturates": "What the profiles show instead is saturation. In the most saturated layer the share "
    "of saturated tanh activations (tanh′ below {van_sat_share}, |tanh z| above about 0.99) rises from "
    "{van_tanh_sat_start} at initialisation to {van_tanh_sat_end} at the end (median over seeds; "
    "{van_tanh_sat_range} across them). A saturated unit passes almost nothing back and outputs nearly ±1 "
    "whatever its input; the ratio of norms does not show this, because the units still active carry it. "
    "Meanwhile the first layer's weights moved by {van_tanh_moved_first} of their initial norm (ReLU: "
    "{van_relu_moved_first}; median over seeds).",
    "van_tanh_unsaturated": "Saturation does not explain it: in the most saturated layer the share of "
    "saturated tanh activations (|tanh z| above about 0.99) is {van_tanh_sat_start} at initialisation and "
    "{van_tanh_sat_end} at the end (median over seeds).",
    "van_tanh_unsettled": "Nor does its loss settle: the runs end at {van_tanh_unsettled} times the lowest "
    "loss they had reached (median over seeds; median lowest loss {van_tanh_lowest}). They found better "
    "weights and left them again.",
    "van_tanh_settled": "Its loss settles near the lowest value it reached: the runs end at "
    "{van_tanh_unsettled} times it (median over seeds; median lowest loss {van_tanh_lowest}).",
    "cap_van_saturation": "Per hidden layer at the profiled epochs (mean over seeds): the share of saturated "
    "activations, f′(z) below {van_sat_share} of max f′, for sigmoid and tanh; the share of dead ReLU units "
    "(inactive on every point).",
    "van_relu": "ReLU helps because its derivative is exactly 1 for every active unit ({m:relu_prime}): "
    "max f′ = 1 instead of 1/4, and along a path of active units the derivatives multiply to 1, so the error "
    "shrinks only through the weights or where units are inactive. Measured, the ReLU ratio is {van_relu_init} "
    "at initialisation and {van_relu_trained} at the end. The price is dead units: a unit inactive on every "
    "point passes nothing back, and its own weights get no gradient. Of the ReLU units {van_relu_dead_start} "
    "are dead at initialisation and {van_relu_dead_end} at the end (mean over layers and seeds).",
    "van_relu_dead_failed": "Every ReLU run that fails has more dead units than any that reaches 100 %: in its "
    "deadest hidden layer {van_relu_dead_failed} of the units are dead at the end, against "
    "{van_relu_dead_solved} in those that reach 100 % ({van_relu_solved}).",
    "van_relu_dead_not_failed": "Dead units alone do not tell the failing ReLU runs from those that reach "
    "100 % ({van_relu_solved}): in the deadest hidden layer {van_relu_dead_failed} of the units are dead at "
    "the end in the failing ones, {van_relu_dead_solved} in the others.",
    "van_relu_all_solved": "All ReLU runs reach 100 % ({van_relu_solved}); in their deadest hidden layer "
    "{van_relu_dead_solved} of the units are dead at the end.",
    "van_relu_none_solved": "No ReLU run reaches 100 % within {van_epochs} epochs ({van_relu_solved}); in "
    "their deadest hidden layer {van_relu_dead_failed} of the units are dead at the end.",
    "h_init": "(b) Initialisation",
    "init_theory": "Take one unit of layer l, z_j = Σᵢ w_ji aᵢ, with the biases at 0 and weights drawn "
    "independently, with mean 0 and variance Var(w), independent of the layer's inputs aᵢ. Then the terms "
    "of the sum are uncorrelated, and each has Var(w a) = E[w²] E[a²] − E[w]² E[a]² = Var(w) E[a²], because "
    "E[w] = 0; so the variances add up:",
    "init_forward": "How E[a²] depends on the layer below is the activation's business. If f(0) = 0 and "
    "f′(0) = 1 (tanh), the units work in their linear range while z is small: a ≈ z, and a has mean 0, so "
    "E[a²] ≈ Var(z⁽ˡ⁻¹⁾). The variance is then multiplied by n_in Var(w) in every layer, and it stays "
    "the same only if n_in Var(w) = 1:",
    "init_backward": "Backwards the same argument runs over the fan-out. By the recursion of task 1.1, the "
    "error of unit i is a sum over the n_out units of layer l + 1 that it feeds, weighted by the weights "
    "and multiplied by f′(zᵢ); with weights independent of the errors above, and f′ ≈ 1 in the linear range:",
    "init_xavier": "The gradients keep their size from layer to layer only if n_out Var(w) = 1. Both "
    "conditions hold at once only when n_in = n_out; Glorot and Bengio take the harmonic mean of the two "
    "variances as the compromise:",
    "init_uniform": "Drawn from a uniform distribution U(−r, r) (the library's default for sigmoid and tanh, "
    "`xavier_uniform`), the bound r follows from the uniform's variance, the integral of w² over its density "
    "1/(2r):",
    "init_he": "He et al. repeat the forward argument for ReLU, which is not linear around 0: for a z "
    "symmetric about 0, a = max(0, z) keeps exactly the positive half, so E[a²] is half of E[z²]. Every "
    "layer then multiplies the variance by ½ n_in Var(w), and the factor 2 restores it (the normal form, "
    "`he_normal`, is the library's default for ReLU; the uniform one has r = √(6/n_in)):",
    "init_sigmoid_theory": "The sigmoid satisfies neither premise of Xavier's argument: σ(0) = ½, so its "
    "outputs do not have mean 0, and σ′(0) = ¼, not 1. In its linear range σ(z) ≈ ½ + z/4, and each layer "
    "multiplies the back-propagated variance by n_out Var(w) σ′(0)² = n_out Var(w)/16. The linear-regime "
    "argument therefore asks for 16 times Xavier's variance, 4 times its standard deviation:",
    "init_sigmoid_mean": "The non-zero mean breaks the forward half as well: E[a²] now contains E[a]² ≈ ¼, "
    "a term that does not depend on the layer below. With Xavier (n_in Var(w) = 1) the variance settles "
    "where Var(z) = Var(z)/16 + ¼, at 4/15 ≈ 0.27, whatever it was in the layer before; with 16 times "
    "Xavier it grows by about 16 · ¼ = 4 per layer, so the units leave the linear range at once.",
    "init_sigmoid_convention": "So no single scale keeps both directions constant for sigmoid units. "
    "Initialising them with Xavier, as the sheet's “Xavier/He” suggests for every activation but ReLU (and "
    "as this library does by default), is a convention: "
    "the derivation's premises f(0) = 0 and f′(0) = 1 hold for tanh, not for the sigmoid.",
    "init_measured_agrees": "In a network of {init_depth} layers of {init_width} units fed with standard "
    "normal inputs, every measured variance lies within a factor of {init_agree_factor} of the recursion's "
    "prediction. ReLU with He keeps the pre-activation variance: {init_relu_he_first} in the first layer, "
    "{init_relu_he_last} in the last (predicted {init_relu_he_pred_last}). ReLU with Xavier halves it in "
    "every layer, to {init_relu_xavier_last} (predicted {init_relu_xavier_pred_last}); tanh with Xavier "
    "ends at {init_tanh_xavier_last}, as the recursion with E[tanh²] predicts ({init_tanh_xavier_pred_last}). "
    "Too small weights make the signal vanish ({init_relu_small_last} in the last layer), too large ones "
    "make it explode ({init_relu_large_last}).",
    "init_measured_deviates": "In a network of {init_depth} layers of {init_width} units fed with standard "
    "normal inputs, some measured variances differ from the recursion's prediction by more than a factor of "
    "{init_agree_factor}: ReLU with He {init_relu_he_first} in the first layer and {init_relu_he_last} in "
    "the last (predicted {init_relu_he_pred_last}); ReLU with Xavier {init_relu_xavier_last} (predicted "
    "{init_relu_xavier_pred_last}); tanh with Xavier {init_tanh_xavier_last} (predicted "
    "{init_tanh_xavier_pred_last}); too small weights {init_relu_small_last}, too large ones "
    "{init_relu_large_last}.",
    "cap_init_variance": "Variance of the pre-activations per layer, measured (markers) and predicted (lines), "
    "for each initialisation.",
    "init_sigmoid_larger_better": "The same network with sigmoid units shows it. With Xavier, the "
    "back-propagated variance shrinks by a factor of {init_sig_xavier_per_layer} per layer (the linear "
    "range predicts {init_sig_xavier_linear} = 1/16), to {init_sig_xavier_first} in the first layer, and the "
    "forward variance sits at {init_sig_xavier_z2} (predicted {init_sig_xavier_z2_pred}); the units' mean "
    "output is {init_sig_mean_output}, not 0. With 16 times Xavier's variance the factor is "
    "{init_sig_xavier16_per_layer} per layer: better, but not the {init_sig_xavier16_linear} of the linear "
    "range, because the mean term lifts the forward variance to {init_sig_xavier16_z2} (predicted "
    "{init_sig_xavier16_z2_pred}), where the root mean square of σ′ is {init_sig_rms_slope}, not ¼.",
    "init_sigmoid_larger_keeps": "The same network with sigmoid units shows it. With Xavier, the "
    "back-propagated variance shrinks by a factor of {init_sig_xavier_per_layer} per layer (the linear "
    "range predicts {init_sig_xavier_linear} = 1/16), to {init_sig_xavier_first} in the first layer, and the "
    "forward variance sits at {init_sig_xavier_z2} (predicted {init_sig_xavier_z2_pred}); the units' mean "
    "output is {init_sig_mean_output}, not 0. With 16 times Xavier's variance the factor is "
    "{init_sig_xavier16_per_layer} per layer, close to the {init_sig_xavier16_linear} of the linear range, "
    "with a forward variance of {init_sig_xavier16_z2} (predicted {init_sig_xavier16_z2_pred}).",
    "init_sigmoid_xavier_better": "The same network with sigmoid units: with Xavier the back-propagated "
    "variance changes by a factor of {init_sig_xavier_per_layer} per layer (linear range: "
    "{init_sig_xavier_linear}), to {init_sig_xavier_first} in the first layer, with a forward variance of "
    "{init_sig_xavier_z2} (predicted {init_sig_xavier_z2_pred}) and mean outputs {init_sig_mean_output}. "
    "With 16 times Xavier's variance the factor is {init_sig_xavier16_per_layer} (linear range: "
    "{init_sig_xavier16_linear}), with a forward variance of {init_sig_xavier16_z2} (predicted "
    "{init_sig_xavier16_z2_pred}): the larger scale does not help here.",
    "cap_init_sigmoid": "Sigmoid units with Xavier and 16 × Xavier: forward E[z²] and backward E[δ²] (relative "
    "to the last layer's) per layer, measured (markers) and predicted by the recursions with E[σ(z)²] and "
    "E[σ′(z)²] (dashed).",
    "init_training_plateau": "The same schemes on the spirals (SGD): zero or tiny weights never leave the "
    "plateau at ln 2 ≈ 0.693, for tanh and for ReLU (with zeros every unit computes 0 and no weight below "
    "the output receives a gradient); too large weights start at losses of {init_large_initial}, and "
    "{init_large_diverged} of their {init_runs} runs diverged.",
    "init_training_moves": "The same schemes on the spirals (SGD): not all runs with zero or tiny weights "
    "stay at the plateau of ln 2 ≈ 0.693 (table); too large weights start at losses of "
    "{init_large_initial}, and {init_large_diverged} of their {init_runs} runs diverged.",
    "cap_init_training": "Training with each initialisation: mean final loss and accuracy over the seeds.",
    "cap_init_training_fig": "Training loss per epoch for each initialisation.",
    "init_tanh_he_wins": "For tanh, He trains better than Xavier: with Xavier the network reaches {init_tanh_xavier_acc} "
    "(final loss {init_tanh_xavier_loss}), with He, whose variance is 2/n_in instead of 2/(n_in + n_out), "
    "{init_tanh_he_acc} ({init_tanh_he_loss}). ReLU reaches {init_relu_xavier_acc} with Xavier and "
    "{init_relu_he_acc} with He.",
    "init_tanh_xavier_wins": "For tanh, Xavier trains better here: {init_tanh_xavier_acc} (final loss "
    "{init_tanh_xavier_loss}) against {init_tanh_he_acc} ({init_tanh_he_loss}) with He. ReLU reaches "
    "{init_relu_xavier_acc} with Xavier and {init_relu_he_acc} with He.",
    "init_tanh_tie": "For tanh, Xavier and He end about level: {init_tanh_xavier_acc} (final loss "
    "{init_tanh_xavier_loss}) against {init_tanh_he_acc} ({init_tanh_he_loss}). ReLU reaches "
    "{init_relu_xavier_acc} with Xavier and {init_relu_he_acc} with He.",
    "init_linear_cause": "The starting point shows why. The spirals enter with a small scale (divided by 4π, "
    "and the first layer has n_in = 2, so Xavier's variance 2/(2 + 32) is much smaller than He's 2/2): with "
    "Xavier, the hidden pre-activations of the tanh network start at E[z²] = {init_tanh_xavier_z2}, and "
    "every hidden layer is within ‖tanh(z) − z‖/‖z‖ = {init_tanh_xavier_gap} of linear. The network starts "
    "as an almost linear map, which cannot separate spirals, and its gradients are small "
    "(‖∂L/∂W⁽ˡ⁾‖ = {init_tanh_xavier_grad}); with He, E[z²] = {init_tanh_he_z2}, the distance from linear "
    "is {init_tanh_he_gap} and the gradients are {init_tanh_he_grad}. Small weights alone are not the "
    "problem: ReLU with Xavier starts with still smaller gradients ({init_relu_xavier_grad}) and trains, "
    "because a ReLU unit is as far from linear at every scale ({init_relu_xavier_gap}). The initial weight "
    "scale thus decides whether a tanh network starts in its linear range.",
    "init_linear_open": "The starting points, measured on the training data: with Xavier the hidden "
    "pre-activations of the tanh network have E[z²] = {init_tanh_xavier_z2}, their distance from linear "
    "‖tanh(z) − z‖/‖z‖ is {init_tanh_xavier_gap} and the gradients ‖∂L/∂W⁽ˡ⁾‖ are {init_tanh_xavier_grad}; "
    "with He {init_tanh_he_z2}, {init_tanh_he_gap} and {init_tanh_he_grad}; ReLU with Xavier starts at a "
    "distance {init_relu_xavier_gap} from linear with gradients {init_relu_xavier_grad}. These numbers do "
    "not single out one cause of the difference in training.",
    "init_symmetry_kept": "Why random at all? If all weights start equal, every hidden unit of a layer "
    "computes the same function and receives the same gradient, so the units stay equal forever: after "
    "training with all weights at 0.5, the largest difference between the incoming weights of two units of "
    "a layer is {init_sym_spread}, the first hidden layer has {init_sym_units}, and the network reaches "
    "{init_sym_acc} training accuracy. A random start breaks the symmetry: spread {init_rand_spread}, "
    "{init_rand_units}, {init_rand_acc}.",
    "init_symmetry_unclear": "Equal and random starting weights, after training: with all weights at 0.5 "
    "the largest difference between the incoming weights of two units of a layer is {init_sym_spread}, the "
    "first hidden layer has {init_sym_units} and the network reaches {init_sym_acc} training accuracy; "
    "from a random start: spread {init_rand_spread}, {init_rand_units}, {init_rand_acc}. Here the constant "
    "start did not keep every layer's units identical, or the random one did not separate them.",
    "cap_init_symmetry": "Symmetry: with equal initial weights all hidden units stay identical (left), "
    "with random ones they specialise (right).",
    # the initialisation study and the sweep's tanh cells (sections/init_sweep.py)
    "link_both": "The sweep points the same way. On the spirals network of this section, He instead of Xavier "
    "raises tanh from {link_init_xavier} to {link_init_he}; in the sweep, its {link_sweep_n} tanh cells repeated "
    "with He-scaled weights (nothing else changed) rise from {link_sweep_default} to {link_sweep_he} on average. "
    "So the sweep's failing tanh cells are held back by their initial weight scale, not by tanh′.",
    "link_partial": "The sweep points the same way, but only part of it. On the spirals network of this "
    "section, He instead of Xavier raises tanh from {link_init_xavier} to {link_init_he}; in the sweep, its "
    "{link_sweep_n} tanh cells repeated with He-scaled weights (nothing else changed) rise from "
    "{link_sweep_default} to {link_sweep_he} on average, more than 5 points, yet stay below 90 %. So the "
    "initial weight scale holds the sweep's tanh cells back, but in its budget it is not all that does.",
    "link_init_only": "On the spirals network of this section He instead of Xavier raises tanh from "
    "{link_init_xavier} to {link_init_he}, but the sweep's {link_sweep_n} tanh cells, repeated with He-scaled "
    "weights (nothing else changed), go only from {link_sweep_default} to {link_sweep_he} on average, within "
    "5 points. In the sweep's smaller budget the initial scale is not what holds its tanh cells back.",
    "link_init_none": "Here He does not train tanh better than Xavier ({link_init_he} against "
    "{link_init_xavier}), so this study gives no reason for the sweep's tanh cells to do better with He "
    "(their He-scaled repeat: {link_sweep_default} → {link_sweep_he}).",
    "link_sweep_none": "He instead of Xavier raises tanh from {link_init_xavier} to {link_init_he} here; "
    "the sweep did not repeat its tanh cells with He-scaled weights (`--rescaled`), so it cannot say "
    "whether the same holds there.",
    # ------------------------------------------------------------------ 3.2
    "h_practical": "Practical problems (task 3.2)",
    "h_overfit": "(a) Overfitting, early stopping and L2",
    "of_setup": "{of_n} training samples (spirals with noise {of_noise}) and a network {of_layers} "
    "({of_activation}) with {of_params} parameters, {of_per_sample} per sample, trained with full-batch Adam "
    "for {of_epochs} epochs; a second draw of {of_n_val} samples is the validation set, {of_n_test} fresh "
    "samples the test set. From the same initial weights the network is trained three times: without any "
    "remedy; with early stopping, which watches the validation loss with a patience of {of_patience} epochs "
    "and restores the best weights; and with the L2 penalty λ = {of_lambda} (chosen by the validation loss "
    "at another seed, never by the test loss). The test loss is measured every {of_test_every} epochs, so "
    "overfitting is seen on {of_n_test} independent points, not only on the {of_n_val} of the validation set. "
    "All of it is repeated {of_repeats} times on fresh data and initial weights.",
    "cap_of_curves": "Training, validation and test loss of the first repeat: without a remedy, with early "
    "stopping's best epoch, patience window and stop marked (left), and with L2 (right).",
    "cap_of_table": "The three runs of the first repeat.",
    "of_result": "Without a remedy the training loss falls to {of_long_train_loss}, while the validation "
    "loss is lowest at epoch {of_min_val_epoch} ({of_min_val_loss}) and ends at {of_long_val_loss}; the test "
    "loss is lowest at epoch {of_min_test_epoch} ({of_min_test_loss}) and ends at {of_long_test_loss}. Early "
    "stopping ends at epoch {of_stop} and restores epoch {of_best}: test loss {of_early_test_loss}, accuracy "
    "{of_early_test_acc} (without a remedy {of_long_test_acc}); L2 reaches {of_l2_test_loss} and "
    "{of_l2_test_acc}.",
    "of_overfit_all": "The network overfits in every one of the {of_repeats} {of_repeats_word}: the final "
    "test loss lies more than {of_rise_pct} % above its lowest value and the validation loss has risen too "
    "(rise of the test loss, median and range: {of_test_rise}; of the validation loss: {of_val_rise}).",
    "of_overfit_some": "The network overfits in {of_overfit_count} of the {of_repeats} {of_repeats_word} "
    "(final test loss more than {of_rise_pct} % above its lowest value and a risen validation loss); rise "
    "of the test loss, median and range: {of_test_rise}; of the validation loss: {of_val_rise}.",
    "of_overfit_none": "In none of the {of_repeats} {of_repeats_word} does the final test loss lie more "
    "than {of_rise_pct} % above its lowest value with a risen validation loss (rise of the test loss: "
    "{of_test_rise}): within this budget the network hardly overfits.",
    "cap_of_boundaries": "Decision boundaries of the first repeat: without a remedy, with early stopping, "
    "with L2.",
    "cap_of_repeats_table": "Over all repeats: test loss and accuracy, median (lowest–highest), the share "
    "of confident errors (test points wrong with a probability of {of_confident} or more) and the repeats in which a "
    "remedy has a lower test loss than no remedy (wins).",
    "cap_of_repeats": "Every repeat: test loss and accuracy of the three runs (the first repeat in black); "
    "right, early stopping's validation loss at its chosen epoch against its test loss and the range of its "
    "loss on groups of 50 test points.",
    "of_es_loss_always": "Early stopping lowers the test loss in all {of_repeats} {of_repeats_word}, by "
    "{of_es_loss_diff} in the median (range {of_es_loss_range}).",
    "of_es_loss_mostly": "Early stopping lowers the test loss in {of_es_loss_k} of {of_repeats} "
    "{of_repeats_word}, by {of_es_loss_diff} in the median (range {of_es_loss_range}); in {of_es_loss_other} "
    "it does not help.",
    "of_es_loss_not": "Early stopping lowers the test loss in only {of_es_loss_k} of {of_repeats} "
    "{of_repeats_word} (median change {of_es_loss_diff}, range {of_es_loss_range}): here it does not "
    "reliably help.",
    "of_conf_not_acc": "What it buys is confidence, not accuracy: the test accuracy is higher in only "
    "{of_es_acc_k} of {of_repeats} {of_repeats_word} (median difference {of_es_acc_diff} points), but the "
    "share of test points classified wrongly with a probability of {of_confident} or more falls in "
    "{of_es_err_k} of them (median {of_long_err} without a remedy, {of_es_err} with early stopping). "
    "Overfitting shows as overconfidence, which the cross-entropy punishes and the accuracy does not see.",
    "of_conf_and_acc": "Early stopping raises the test accuracy too, in {of_es_acc_k} of {of_repeats} "
    "{of_repeats_word} (median {of_es_acc_diff} points), and lowers the share of confident errors "
    "(probability {of_confident} or more) in {of_es_err_k} (median {of_long_err} against {of_es_err}).",
    "of_conf_no": "Early stopping does not reduce the confident errors (probability {of_confident} or "
    "more) in most repeats: only in {of_es_err_k} of {of_repeats} (median {of_long_err} against "
    "{of_es_err}); the test accuracy is higher in {of_es_acc_k} (median {of_es_acc_diff} points).",
    "of_l2_loss_always": "L2 lowers the test loss in all {of_repeats} {of_repeats_word}, by {of_l2_loss_diff} "
    "in the median (range {of_l2_loss_range}); the test accuracy is higher in {of_l2_acc_k} of them.",
    "of_l2_loss_mostly": "L2 lowers the test loss in {of_l2_loss_k} of {of_repeats} {of_repeats_word}, by "
    "{of_l2_loss_diff} in the median (range {of_l2_loss_range}); the test accuracy is higher in {of_l2_acc_k} "
    "of them (median {of_l2_acc_diff} points).",
    "of_l2_loss_not": "L2 lowers the test loss in only {of_l2_loss_k} of {of_repeats} {of_repeats_word} "
    "(median change {of_l2_loss_diff}, range {of_l2_loss_range}): at this λ it does not reliably help.",
    "of_l2_vs_es_l2": "Against each other, L2 has the lower test loss in {of_l2_es_k} of {of_repeats} "
    "{of_repeats_word} (median advantage {of_l2_es_diff}, range {of_l2_es_range}): here it is the better "
    "remedy.",
    "of_l2_vs_es_es": "Against each other, early stopping has the lower test loss in {of_l2_es_other} of "
    "{of_repeats} {of_repeats_word} (L2's median advantage {of_l2_es_diff}, range {of_l2_es_range}), so here "
    "it is the better remedy.",
    "of_l2_vs_es_tie": "Against each other, each remedy has the lower test loss in half of the "
    "{of_repeats} {of_repeats_word} (L2's median advantage {of_l2_es_diff}, range {of_l2_es_range}): neither "
    "is the better one.",
    "of_val_below_scatter": "The validation loss is an optimistic estimate: at the epoch early stopping "
    "chose it is, as median (range) over the repeats, {of_chosen_val}, the test loss of the same model "
    "{of_es_test}: lower in all {of_val_below} {of_repeats_word}. Fifty points are a small sample: the same "
    "models' loss on {of_groups} groups of {of_group_size} test points scatters from {of_group_range} "
    "(median {of_group_median}), and "
    "the chosen validation loss lies within that scatter in every repeat. Choosing the epoch of the lowest "
    "of such noisy values favours a lucky one, so the minimum of the validation curve underestimates the "
    "loss on new data; only the independent test set gives an honest number.",
    "of_val_below_selection": "The validation loss is an optimistic estimate: at the epoch early stopping "
    "chose it is, as median (range) over the repeats, {of_chosen_val}, the test loss of the same model "
    "{of_es_test}: lower in all {of_val_below} {of_repeats_word}. The loss of the same models on {of_groups} "
    "groups of {of_group_size} test points scatters from {of_group_range} (median {of_group_median}), and "
    "the chosen validation loss "
    "lies below that scatter in {of_val_in_scatter_other} repeats: beyond the noise of a small sample, the "
    "choice of the lowest value favours a lucky one, and the validation points share the training points' "
    "positions along the arms.",
    "of_val_not_below": "The validation loss at the chosen epoch, {of_chosen_val} (median and range), is "
    "below the test loss of the same model ({of_es_test}) in only {of_val_below} of {of_repeats} "
    "{of_repeats_word}; the loss on {of_groups} groups of {of_group_size} test points scatters over "
    "{of_group_range} (median {of_group_median}), so a 50-point estimate is noisy either way.",
    "h_lr": "(b) Learning rate",
    "lr_setup": "The network {lr_layers} ({lr_activation}) is trained with plain SGD for {lr_epochs} epochs at "
    "{lr_count} learning rates from {lr_min} to {lr_max}, each from {lr_seeds} seeds (seed i gives the same "
    "initial weights and batch order at every rate). No single epoch decides: a run's final loss is the "
    "mean training loss of its last {lr_smooth_share} of epochs (the smoothed final loss); a spike is an "
    "epoch whose loss exceeds {lr_spike_factor} × the lowest loss before it (that minimum taken as at least "
    "{lr_spike_floor}, below which the training set is all but fitted); a dead unit is a hidden ReLU that "
    "outputs 0 on every training point, so it never receives a gradient again. A rate's verdict follows "
    "from the medians over its seeds: too small if the loss fell by less than {lr_threshold} of its initial "
    "value {lr_initial}; diverges if it did not fall that far after shooting above {lr_peak_factor} × the "
    "initial loss or losing {lr_dead_limit} of its units, or if training blew up; too large if it learned "
    "but {lr_spike_limit} or more of its epochs are spikes or {lr_dead_limit} or more of its units died; "
    "good otherwise.",
    "cap_lr_curves": "Loss curves of every seed at every learning rate, grouped by verdict; the dash-dotted "
    "line is the initial loss.",
    "cap_lr_table": "Learning rates: verdict, smoothed final loss (median and range over the seeds), "
    "median share of spike epochs and of dead units, median training accuracy, and how many seeds give the "
    "rate's verdict on their own.",
    "cap_lr_summary": "Smoothed final loss, spikes and dead units against the learning rate: medians over "
    "the seeds with their range, coloured by verdict.",
    "lr_verdicts": "Too small: {lr_too_small} (the loss fell by at most {lr_too_small_fall}). Good: {lr_good} "
    "(smoothed final loss {lr_good_loss}); the best is {lr_best} with {lr_best_loss}. Too large: "
    "{lr_too_large} (spikes in up to {lr_too_large_spikes} of the epochs, {lr_too_large_dead} dead units). "
    "Diverges: {lr_diverges} (smoothed final loss {lr_diverges_loss}, {lr_diverges_dead} dead units).",
    "lr_small_monotone": "Below the best rate every larger rate ends lower: too small a rate does not "
    "break training, it only slows it down, and more epochs would be needed.",
    "lr_small_not_monotone": "Below the best rate the smoothed final loss does not fall steadily with the "
    "rate, so a smaller rate here is not merely slower.",
    "lr_small_none": "No rate of the grid lies below the best one.",
    "lr_spikes_grow": "Above the best rate the training becomes unstable: spikes in {lr_best_spikes} of the "
    "epochs at {lr_best}, but {lr_top_spikes} at {lr_top_spikes_rate}. A step that large overshoots the "
    "valley it should descend into, and the loss jumps up again.",
    "lr_spikes_not": "Above the best rate the spikes stay below {lr_spike_limit} of the epochs (at most "
    "{lr_top_spikes}, at {lr_top_spikes_rate}): the larger rates fail, if at all, without spiking.",
    "lr_spikes_none": "No rate of the grid lies above the best one.",
    "lr_dead_explains": "The diverging rates are the ones whose units died: {lr_diverges_dead} of the "
    "hidden ReLUs are dead there, against {lr_good_dead} at the good rates. A dead unit gets no gradient, "
    "so such a network cannot recover; its loss stays near or above the initial one.",
    "lr_dead_not": "Dead units do not separate the diverging rates from the good ones here: "
    "{lr_diverges_dead} dead at the diverging rates, {lr_good_dead} at the good ones.",
    "lr_dead_none": "Without both good and diverging rates (or without ReLU units), dead units cannot be "
    "compared between them.",
    "lr_edge_next": "The best rate lies just below the breakdown: the next rate of the grid, {lr_next}, is "
    "already too large or diverges. The useful range is narrow at its top.",
    "lr_edge_room": "The next rate above the best one, {lr_next}, still works without instability, so "
    "the best rate is not at the edge of the breakdown.",
    "lr_edge_none": "The best rate is the largest of the grid (or there is none).",
    "lr_seeds_agree": "The verdicts do not hang on one seed: at all {lr_unanimous} rates every seed, judged "
    "alone, gives the same verdict.",
    "lr_seeds_differ": "At {lr_unanimous} of {lr_count} rates every seed gives the same verdict; at "
    "{lr_differ} the seeds differ, so the verdict there comes from the medians over the seeds.",
    # ------------------------------------------------------------------ 4
    "h_bonus": "Bonus tasks (task 4.1)",
    "h_momentum": "(a) Momentum",
    "opt_momentum": "Implemented exactly in the sheet's form (`optimizer='momentum'`, β = {opt_beta}): the velocity "
    "v is an exponential moving average of the gradients. At a constant gradient g it tends to g, so the step "
    "tends to αg, the step of plain SGD at the same α; PyTorch's `v = βv + g` tends to g/(1 − β), "
    "{opt_one_over} times as far. In the sheet's form momentum therefore takes the same average step as SGD at "
    "the same α; what it can gain comes from averaging the changing mini-batch gradients. Its fair baseline is "
    "SGD at the same α, so both run at α = {opt_sgd_lr} and at α = {opt_sgd_momentum_rate_lr}, from the same "
    "initial weights and with the same mini-batch order, {opt_epochs} epochs each.",
    "h_adaptive": "(c) Adaptive learning rates: RMSprop and Adam",
    "opt_adaptive": "Both divide each parameter's step by a running root mean square of its gradients, so that "
    "the step is about α whatever the scale of that parameter's gradients; Adam also averages the gradients "
    "themselves and corrects the bias of the zero-initialised averages. The settings, as the optimiser objects "
    "hold them (their `config()`, stored in `metrics.json`): RMSprop with α = {opt_rms_lr}, ρ = {opt_rms_rho} "
    "and ε = {opt_rms_eps}; Adam with α = {opt_adam_lr}, β₁ = {opt_adam_beta1}, β₂ = {opt_adam_beta2} and "
    "ε = {opt_adam_eps}.",
    "cap_opt_curves": "Left: training loss per epoch of every run, all from the same initial weights and "
    "mini-batch order. Right: wall time per epoch of each update rule in {opt_timing_repeats} timed runs (dots), "
    "their median (diamond) and range (bar).",
    "cap_opt_table": "Optimisers: final loss (whole training set, final weights), first epoch with a loss below "
    "0.1 (–: not within {opt_epochs} epochs), test accuracy, and wall time per epoch in ms, median (min–max) of "
    "{opt_timing_repeats} timed runs of {opt_timing_epochs} epochs; it depends on the update rule (not on α) and "
    "on the machine.",
    "opt_first": "{opt_first_name} gets below a loss of 0.1 first, after {opt_first_epochs} epochs, "
    "{opt_first_lead} fewer than the next, {opt_second_name}, with {opt_second_epochs}; {opt_n_reached} of the runs "
    "get there within {opt_epochs} epochs.",
    "opt_first_tie": "{opt_first_name} and {opt_second_name} get below a loss of 0.1 first, both after "
    "{opt_first_epochs} epochs; {opt_n_reached} of the runs get there within {opt_epochs} epochs.",
    "opt_first_alone": "Only {opt_first_name} gets below a loss of 0.1 within {opt_epochs} epochs, after "
    "{opt_first_epochs}.",
    "opt_first_none": "No run gets below a loss of 0.1 within {opt_epochs} epochs.",
    "opt_momentum_gain": "Momentum's own gain is measured against SGD at the same α = {opt_momentum_lr}: SGD "
    "needs {opt_sgd_momentum_rate_e01} epochs to get below 0.1, momentum {opt_momentum_e01}, {opt_large_diff} "
    "fewer (a factor of {opt_large_factor}). SGD at α = {opt_sgd_lr} needs {opt_sgd_e01} epochs; comparing "
    "momentum with it would credit momentum with the gain of the larger rate as well.",
    "opt_momentum_gain_same": "Against SGD at the same α = {opt_momentum_lr}, momentum gains nothing measurable: "
    "SGD needs {opt_sgd_momentum_rate_e01} epochs to get below 0.1, momentum {opt_momentum_e01}, within 5 % of "
    "each other. SGD at α = {opt_sgd_lr} needs {opt_sgd_e01} epochs; comparing momentum with it would credit "
    "momentum with the gain of the larger rate.",
    "opt_momentum_gain_slower": "Against SGD at the same α = {opt_momentum_lr}, momentum is slower: it needs "
    "{opt_momentum_e01} epochs to get below 0.1, SGD {opt_sgd_momentum_rate_e01}. SGD at α = {opt_sgd_lr} needs "
    "{opt_sgd_e01} epochs.",
    "opt_momentum_gain_unreached": "Against SGD at the same α = {opt_momentum_lr}: SGD needs "
    "{opt_sgd_momentum_rate_e01} epochs to get below 0.1, momentum {opt_momentum_e01} (–: not within "
    "{opt_epochs} epochs), so no gain in epochs is measured; the final losses are "
    "{opt_sgd_momentum_rate_loss} (SGD) and {opt_momentum_loss} (momentum).",
    "opt_small_rate_same": "At α = {opt_sgd_lr} the two stay within 5 % of each other: SGD needs {opt_sgd_e01} "
    "epochs, momentum {opt_momentum_sgd_rate_e01} ({opt_small_diff} apart), as the equal average step αg "
    "predicts.",
    "opt_small_rate_faster": "At α = {opt_sgd_lr} momentum gets below 0.1 {opt_small_diff} epochs sooner than "
    "SGD ({opt_momentum_sgd_rate_e01} against {opt_sgd_e01}).",
    "opt_small_rate_slower": "At α = {opt_sgd_lr} momentum needs {opt_small_diff} epochs more than SGD to get "
    "below 0.1 ({opt_momentum_sgd_rate_e01} against {opt_sgd_e01}).",
    "opt_small_rate_one_unreached": "At α = {opt_sgd_lr} only one of the two gets below 0.1 within {opt_epochs} "
    "epochs (SGD: {opt_sgd_e01}; momentum: {opt_momentum_sgd_rate_e01}).",
    "opt_small_rate_both_unreached_same": "At α = {opt_sgd_lr} neither gets below 0.1 within {opt_epochs} "
    "epochs; their final losses, {opt_sgd_loss} (SGD) and {opt_momentum_sgd_rate_loss} (momentum), are within "
    "5 % of each other, as the equal average step αg predicts.",
    "opt_small_rate_both_unreached_differ": "At α = {opt_sgd_lr} neither gets below 0.1 within {opt_epochs} "
    "epochs; their final losses differ by more than 5 %: {opt_sgd_loss} (SGD) and {opt_momentum_sgd_rate_loss} "
    "(momentum).",
    "opt_timing": "Wall time. The time of a single run is noise on a shared machine, so each update rule was "
    "timed on its own: {opt_timing_repeats} runs of {opt_timing_epochs} epochs each, the optimisers taking turns "
    "(each round another one first). Per epoch, in ms, median (min–max): SGD {opt_ms_sgd}; momentum "
    "{opt_ms_momentum}; RMSprop {opt_ms_rmsprop}; Adam {opt_ms_adam}. One rule is called faster than another "
    "only where their ranges do not overlap.",
    "opt_cost_distinct": "Per epoch {opt_dear_name} costs more than {opt_cheap_name}: {opt_dear_ms} against "
    "{opt_cheap_ms} ms, ranges that do not overlap.",
    "opt_cost_noise": "The costs per epoch are within the noise of the measurement: even the cheapest by "
    "median, {opt_cheap_name} ({opt_cheap_ms} ms), and the dearest, {opt_dear_name} ({opt_dear_ms} ms), have "
    "overlapping ranges, so no update rule is called faster per epoch.",
    "opt_cost_missing": "These results hold no repeated timings, so no update rule is called faster per epoch.",
    "opt_time_target_first": "Estimated as epochs to the target × time per epoch, {opt_tfirst_name} gets below "
    "0.1 soonest in wall time: {opt_tfirst_time}, against {opt_tsecond_time} for the next, {opt_tsecond_name}; "
    "the ranges do not overlap.",
    "opt_time_target_noise": "Estimated as epochs to the target × time per epoch, {opt_tfirst_name} needs "
    "{opt_tfirst_time} of wall time to get below 0.1 and {opt_tsecond_name} {opt_tsecond_time}: the ranges "
    "overlap, so which of them is sooner is within the noise.",
    "opt_time_target_missing": "Without repeated timings for two runs that get below 0.1, no run is called "
    "sooner in wall time.",
    "h_l2": "(b) L2 regularisation",
    "opt_l2_text": "Implemented exactly as the sheet's eq. (11): the penalty covers the weights, not the "
    "biases, and its gradient {m:two_lambda_W} is added in the backward pass (and checked by the "
    "finite-difference tests). Adam (α = {opt_l2_lr}) trained the same network from the same initial weights "
    "for {opt_l2_epochs} epochs with each λ of {opt_l2_values}.",
    "cap_l2_table": "L2 per λ: weight norm Σ‖W‖², penalty λΣ‖W‖², data loss (the cross-entropy without the "
    "penalty) and accuracies, all after training.",
    "cap_l2_boundaries": "Decision boundaries and test accuracy for growing λ.",
    "cap_l2_norms": "Left: the weight norm Σ‖W‖² per λ. Right: the two parts of the objective, data loss and "
    "penalty λΣ‖W‖², per λ; triangles: what keeping the previous λ's weights would cost under this λ (its data "
    "loss + λ × its Σ‖W‖²); dash-dotted: the loss of the best constant prediction, which needs no weights and "
    "pays no penalty.",
    "opt_l2_shrinks": "Every larger λ ends with smaller weights: Σ‖W‖² falls from {opt_l2_norm_first} at "
    "λ = {opt_l2_first} to {opt_l2_norm_last} at λ = {opt_l2_last}.",
    "opt_l2_not_monotone": "The weights do not shrink with every larger λ (see the table): Σ‖W‖² is "
    "{opt_l2_norm_first} at λ = {opt_l2_first} and {opt_l2_norm_last} at λ = {opt_l2_last}.",
    "opt_l2_collapse_explained": "The network collapses between λ = {opt_fit_l2} and λ = {opt_collapse_l2}: at "
    "{opt_fit_l2} it still fits (training accuracy {opt_fit_acc}, data loss {opt_fit_loss}); at "
    "{opt_collapse_l2} its data loss {opt_collapse_loss} lies within {opt_collapse_share} of "
    "{opt_constant_loss}, the loss of predicting the class share everywhere (training accuracy "
    "{opt_collapse_acc}). The objective says why there: the constant prediction needs no weights, so it costs "
    "{opt_constant_loss} under any λ. Keeping the weights of λ = {opt_fit_l2} would cost {opt_fit_loss} + "
    "{opt_collapse_l2} × {opt_fit_norm} = {opt_collapse_kept} under λ = {opt_collapse_l2}, more than that; at "
    "λ = {opt_fit_l2}, keeping the weights of the λ before it cost {opt_fit_kept}, less. Past that point, "
    "fitting the spiral costs more penalty than it saves in data loss, and Adam ends at an objective of "
    "{opt_collapse_objective} with Σ‖W‖² = {opt_collapse_norm}.",
    "opt_l2_collapse_explained_after_zero": "The network collapses between λ = {opt_fit_l2} and "
    "λ = {opt_collapse_l2}: without penalty it fits (training accuracy {opt_fit_acc}, data loss "
    "{opt_fit_loss}); at {opt_collapse_l2} its data loss {opt_collapse_loss} lies within {opt_collapse_share} "
    "of {opt_constant_loss}, the loss of predicting the class share everywhere (training accuracy "
    "{opt_collapse_acc}). The objective says why: the constant prediction needs no weights and costs "
    "{opt_constant_loss} under any λ, while keeping the unpenalised weights would cost {opt_fit_loss} + "
    "{opt_collapse_l2} × {opt_fit_norm} = {opt_collapse_kept}, more than that.",
    "opt_l2_collapse_unexplained": "The network collapses between λ = {opt_fit_l2} and λ = {opt_collapse_l2}: at "
    "{opt_collapse_l2} its data loss {opt_collapse_loss} lies within {opt_collapse_share} of "
    "{opt_constant_loss}, the loss of predicting the class share everywhere (training accuracy "
    "{opt_collapse_acc}). The simple estimate does not locate it on its own: keeping the weights of "
    "λ = {opt_fit_l2} would cost {opt_collapse_kept} under λ = {opt_collapse_l2} (at λ = {opt_fit_l2}, keeping "
    "the earlier weights: {opt_fit_kept}), against {opt_constant_loss} for the constant prediction.",
    "opt_l2_collapse_at_first": "Even at λ = {opt_collapse_l2}, the first of the grid, the data loss "
    "{opt_collapse_loss} lies within {opt_collapse_share} of {opt_constant_loss}, the loss of predicting the "
    "class share everywhere: in these results the network does not learn at any λ.",
    "opt_l2_no_collapse": "No λ of the grid makes the network collapse: even at the largest, λ = {opt_l2_last}, "
    "its data loss {opt_fit_loss} stays well below {opt_constant_loss}, the loss of predicting the class share "
    "everywhere (training accuracy {opt_fit_acc}).",
    "opt_l2_penalty_outweighs": "At λ = {opt_fit_l2}, the largest λ that still fits, the penalty "
    "{opt_fit_penalty} already outweighs the data loss {opt_fit_loss} (their sum: {opt_fit_total}; constant "
    "prediction: {opt_constant_loss}). The sheet's penalty is a sum over all {opt_n_weights} weights, not a "
    "mean: hence the small λ of the grid.",
    "opt_l2_penalty_below": "At λ = {opt_fit_l2}, the largest λ that still fits, the penalty {opt_fit_penalty} "
    "stays below the data loss {opt_fit_loss} (their sum: {opt_fit_total}; constant prediction: "
    "{opt_constant_loss}).",
    "opt_l2_penalty_none": "No λ > 0 of the grid fits the data, so no penalty is set against a data loss.",
    "opt_code_intro": "The cell below prints the optimiser table once more, computed by the same code from this "
    "experiment's `metrics.json`, in the table's order and with its numbers: a way to check a number, or to "
    "read the results of a run of your own (`mlplab optimizers --out DIR`).",
    # ------------------------------------------------------------------ repro
    "h_reproducibility": "Reproducibility",
    "repro_text": "Each experiment runs on its own (`mlplab xor`, …) or all of them at once with `mlplab all`, "
    "which then writes this report; `mlplab report` writes it from the results in its folder. Every random "
    "draw comes from a NumPy Generator seeded from the master seed (`--seed`, here {seed}); each run of a "
    "sweep gets its own seed from a SeedSequence, so the results do not depend on the number of worker "
    "processes. The command in the table reproduces each experiment's results exactly: the same metrics, "
    "bit for bit, on the same machine (the run times excepted).",
    "cap_seeds": "Experiments, their seeds, run times and the commands that reproduce their results.",
    "cap_versions": "Software versions and the machine.",
    "repro_code": "The cell below collects the versions and the seeds of the results in use.",
    # ------------------------------------------------------------------ tables
    "col_task": "Task",
    "col_quantity": "Quantity",
    "col_value": "Value",
    "col_fd_error": "FD check (rel. error)",
    "col_package": "Package",
    "col_version": "Version",
    "col_experiment": "Experiment",
    "col_seed": "Seed",
    "col_time": "Time",
    "col_results": "Results",
    "col_differences": "Settings other than the defaults",
    "col_command": "Command",
    "col_activation": "Activation",
    "col_solved": "Solved",
    "col_rate": "Rate",
    "col_median_epochs": "Median epochs to 100 %",
    "col_hidden": "Hidden layers",
    "col_lr": "α",
    "col_test_acc": "Test acc.",
    "col_train_acc": "Train acc.",
    "col_final_loss": "Final loss",
    "col_reached": "100 % reached",
    "col_init": "Initialisation",
    "col_tanh_loss": "tanh: loss",
    "col_tanh_acc": "tanh: acc.",
    "col_relu_loss": "ReLU: loss",
    "col_relu_acc": "ReLU: acc.",
    "col_model": "Model",
    "col_epochs": "Epochs",
    "col_train_loss": "Train loss",
    "col_val_loss": "Val. loss",
    "col_test_loss": "Test loss",
    "col_class": "Outcome",
    "col_peak_loss": "Peak loss",
    "col_optimizer": "Optimiser",
    "col_epochs_01": "Epochs to loss < 0.1",
    "col_opt_loss": "Final loss",
    "col_ms_epoch": "ms per epoch",
    "col_penalty": "λΣ‖W‖²",
    "col_wall": "Wall time",
    "col_lambda": "λ",
    "col_weight_norm": "Σ‖W‖²",
    "col_data_loss": "Data loss",
    "init_scheme_xavier": "Xavier",
    "init_scheme_he": "He",
    "init_scheme_zeros": "zeros",
    "init_scheme_small": "too small, N(0, 0.01²)",
    "init_scheme_large": "too large, N(0, 1)",
    "of_without_early_stopping": "no remedy",
    "of_early_stopping": "early stopping",
    "of_l2": "L2",
    "of_col_train_loss": "Training loss",
    "of_col_val_loss": "Validation loss",
    "of_col_test_loss": "Test loss",
    "of_col_test_acc": "Test accuracy",
    "of_col_confident": "Confident errors",
    "of_col_wins": "Wins",
    "lr_verdict_too_small": "too small",
    "lr_verdict_good": "good",
    "lr_verdict_too_large": "too large",
    "lr_verdict_diverges": "diverges",
    "lr_col_smoothed": "Smoothed loss",
    "lr_col_spikes": "Spikes",
    "lr_col_dead": "Dead units",
    "lr_col_train_acc": "Train acc.",
    "lr_col_agree": "Seeds agree",
    "trace_task_a": "(a)",
    "trace_task_b": "(b)",
    "trace_task_c": "(c)",
}
