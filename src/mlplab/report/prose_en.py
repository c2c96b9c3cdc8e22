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
    "derivation_batch_note": "The loss is the mean over the batch, hence the factor 1/n in the output "
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
    "numeric_backward_note": "The output error is ∂L/∂z⁽³⁾ = ŷ − y = {trace_dz3}; it shrinks by a factor "
    "of about ten with every layer it travels back, since σ′ ≤ 1/4 and the weights are smaller than 1. "
    "The finite-difference check agrees with every analytic gradient to a relative error of at most "
    "{gradcheck_max}.",
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
    "impl_init": "Weights are drawn by Xavier/Glorot initialisation for sigmoid and tanh and by He "
    "initialisation for ReLU, biases start at zero; both follow from the variance argument of task 3.1 (b):",
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
    "xor_result": "The network classifies all four points correctly (accuracy {xor_accuracy}); every point "
    "is on the right side from epoch {xor_epochs_to_100} on, and the loss falls to {xor_final_loss}. "
    "The long plateau at the start is typical of XOR: at small weights the four points are nearly "
    "symmetric for the network, and it takes a while until the hidden units specialise.",
    "cap_xor_success": "XOR: share of seeds that reach 100 % accuracy, per activation.",
    "cap_xor_success_fig": "XOR success rate over seeds.",
    "xor_discussion": "One lucky seed proves little, so the run was repeated with {xor_seeds} seeds per "
    "activation: sigmoid solved {xor_solved_sigmoid}, tanh {xor_solved_tanh} and ReLU {xor_solved_relu}. "
    "With only four ReLU units, a unit that is inactive for all four points receives no gradient "
    "(a 'dead' unit), and too few units may remain to carve out the XOR regions.",
    # ------------------------------------------------------------------ 2.2 b
    "h_spirals": "(b) Two spirals",
    "spirals_setup": "The data come from the sheet's generator `make_spirals(200, 0.1)` (seeded, the noise drawn "
    "in the sheet's order); an independent draw with another seed serves as test set. The raw spirals reach "
    "a radius of 4π ≈ 12.6, where tanh and sigmoid units saturate at once, so the inputs are divided by 4π. "
    "The network is {spirals_layers} ({spirals_params} parameters) with {spirals_activation} units, trained "
    "with {spirals_optimizer} (learning rate {spirals_lr}) on mini-batches of {spirals_batch} for "
    "{spirals_epochs} epochs.",
    "cap_spirals_data": "The two spirals (training draw), inputs divided by 4π.",
    "spirals_result": "The network classifies every training point correctly ({spirals_train_acc}), from "
    "epoch {spirals_epochs_to_100} on, and {spirals_test_acc} of the test draw ({spirals_test_errors} "
    "errors). The final training loss is {spirals_train_loss}, the test loss {spirals_test_loss}.",
    "cap_spirals_boundary": "Spirals: the learned decision boundary with the training points (left) and the "
    "test points (right); misclassified points are circled.",
    "cap_spirals_curves": "Spirals: loss and accuracy per epoch on the training and the test draw.",
    "spirals_discussion": "The test error sits where the two spirals meet, at the centre. The test loss "
    "rises again late in training while the training loss keeps falling: the network grows ever more "
    "confident, a mild form of overfitting. With a noise of 0.1 at radii up to 4π the test draw lies very "
    "close to the training points, so the test accuracy says little about generalisation away from the arms. "
    "Plain gradient descent at the sheet's rates does not get this far in the same time (see the sweep); "
    "Adam's per-parameter step sizes make the difference. `mlplab spirals` also writes an animated GIF of "
    "the boundary during training.",
    # ------------------------------------------------------------------ 2.2 c
    "h_sweep": "(c) Hyperparameter study",
    "sweep_setup": "The sheet's grid: hidden layers [8], [16, 8] and [32, 16, 8], learning rates 0.001, 0.01 "
    "and 0.1, activations sigmoid, ReLU and tanh, each with {sweep_seeds} seeds ({sweep_runs} runs, "
    "{sweep_failed} failed), trained with plain mini-batch gradient descent ({sweep_optimizer}, batch "
    "{sweep_batch}, {sweep_epochs} epochs) on the spirals, scored on the independent test draw. Every run "
    "gets its own seed from a SeedSequence keyed by its settings, and the runs are spread over all cores "
    "(or a Dask cluster) without changing a single number.",
    "cap_sweep_heatmap": "Sweep: mean test accuracy per cell (activation × learning rate), one panel per "
    "architecture.",
    "sweep_result": "The best configuration is {sweep_best_layers} with {sweep_best_activation} and "
    "learning rate {sweep_best_lr}: test accuracy {sweep_best_test} ± {sweep_best_test_std}, training "
    "accuracy {sweep_best_train}, final training loss {sweep_best_loss}; {sweep_best_reached} of its runs "
    "reached 100 % training accuracy, after {sweep_best_e100} epochs on average.",
    "cap_sweep_table": "Sweep: mean ± standard deviation over the seeds. Last column: runs that reached "
    "100 % training accuracy (mean epoch when they did).",
    "cap_sweep_curves": "Sweep: training loss curves, one panel per architecture and activation.",
    "sweep_discussion": "With plain gradient descent and at most {sweep_epochs} epochs, depth, ReLU and the "
    "largest rate win: the best sigmoid or tanh cell reaches only {sweep_smooth_best} test accuracy, and "
    "{sweep_relu_good} ReLU cell(s) exceed 90 %. Small rates crawl: at α = {sweep_slow_rate} even the best "
    "cell ends at a training loss of {sweep_slow_loss}, barely below the initial plateau at log 2 ≈ 0.693. Sigmoid suffers most, since every layer scales the gradient by σ′ ≤ 1/4 "
    "(section 3.1). The spirals themselves (section 2.2 b) show that every architecture of the grid can do "
    "better with an adaptive optimiser; the grid measures how far plain gradient descent gets.",
    # ------------------------------------------------------------------ 3.1
    "h_deeper": "Deeper questions",
    "h_theory": "Theoretical analysis (task 3.1)",
    "h_vanishing": "(a) Vanishing gradients",
    "van_theory": "Back-propagation multiplies the output error, layer by layer, by Wᵀ and by the "
    "activation's derivative. Unrolled from the last layer L to the first:",
    "van_max_text": "For the sigmoid every such factor is at most 1/4: σ′ = σ(1 − σ) is a product of two "
    "numbers that add up to 1, and it is largest where they are equal:",
    "cap_van_derivatives": "Derivatives of sigmoid, tanh and ReLU; the sigmoid's never exceeds 1/4.",
    "van_measured": "Measured on a fine grid, the largest value of σ′ is {van_max} at z = {van_argmax}. "
    "In a network with {van_hidden} hidden layers of {van_width} units (Xavier initialisation), the gradient "
    "of the first layer's weights is {van_sigmoid_init} times that of the last layer for sigmoid, about "
    "{van_sigmoid_per_layer} per layer, next to the bound 0.25⁸ ≈ {van_bound} (the weights contribute "
    "factors of about one, so the measurement scatters around the bound rather than below it). For tanh "
    "the ratio is {van_tanh_init}, for ReLU with He initialisation {van_relu_init}.",
    "cap_van_gradients": "Gradient norm ‖∂L/∂W⁽ˡ⁾‖ per layer (log scale) at initialisation and after "
    "training, next to the 0.25^depth line.",
    "cap_van_depth": "Ratio of first- to last-layer gradient at initialisation against depth.",
    "van_training": "Training shows the consequence: trained with SGD, the sigmoid network stays at a "
    "median loss of {van_sigmoid_loss} (solved {van_sigmoid_solved} seeds), tanh reaches {van_tanh_loss} "
    "({van_tanh_solved}) and ReLU {van_relu_loss} ({van_relu_solved}). The first layers of the sigmoid "
    "network barely move, so the deep network behaves like a shallow one on top of random features.",
    "cap_van_training": "Training of the deep networks: loss per epoch and the first/last gradient ratio "
    "during training.",
    "van_relu": "ReLU helps because its derivative is exactly 1 for every active unit ({m:relu_prime}): an "
    "active path passes the gradient on unscaled, and with He initialisation the weights keep its size "
    "constant from layer to layer. The price is that inactive units pass nothing (dead units, as in the "
    "XOR runs); tanh sits in between, with a derivative of 1 at 0 that still saturates for large inputs.",
    "h_init": "(b) Initialisation",
    "init_theory": "For a unit z = Σᵢ wᵢ aᵢ with independent, zero-mean weights, independent of the inputs, "
    "the variances multiply:",
    "init_xavier": "Xavier/Glorot keeps the variance of the activations (forward: n_in Var(w) = 1) and of "
    "the gradients (backward: n_out Var(w) = 1) constant for units that are linear near 0 (tanh, sigmoid), "
    "and takes the compromise",
    "init_he": "He corrects for ReLU, which zeroes half of its inputs:",
    "init_measured": "In a network of {init_depth} layers of {init_width} units fed with standard normal "
    "inputs, ReLU with He initialisation keeps the pre-activation variance at {init_relu_he_first} in the "
    "first layer and {init_relu_he_last} in the last (predicted {init_relu_he_pred_last}). ReLU with Xavier "
    "halves it in every layer, to {init_relu_xavier_last} (predicted {init_relu_xavier_pred_last}); tanh "
    "with Xavier decays slowly to {init_tanh_xavier_last}, as the variance argument with E[tanh²] predicts "
    "({init_tanh_xavier_pred_last}). Too small weights make the signal vanish ({init_relu_small_last} "
    "after ten layers), too large ones explode ({init_relu_large_last}).",
    "cap_init_variance": "Variance of the pre-activations per layer, measured (markers) and predicted (lines), "
    "for each initialisation.",
    "init_training_text": "The same schemes on the spirals (SGD): zero or tiny weights never leave the "
    "plateau, too large weights start with a huge loss.",
    "cap_init_training": "Training with each initialisation: mean final loss and accuracy over the seeds.",
    "cap_init_training_fig": "Training loss per epoch for each initialisation.",
    "init_symmetry": "Why random at all? If all weights start equal, every hidden unit of a layer computes "
    "the same function and receives the same gradient, so they stay equal forever: after training with all "
    "weights at 0.5, the largest difference between the incoming weights of two units of a layer is "
    "{init_sym_spread}, the layer has {init_sym_units} distinct unit(s) and the network reaches "
    "{init_sym_acc}. A random start breaks the symmetry: spread {init_rand_spread}, {init_rand_units} "
    "distinct units, {init_rand_acc}.",
    "cap_init_symmetry": "Symmetry: with equal initial weights all hidden units stay identical (left), "
    "with random ones they specialise (right).",
    # ------------------------------------------------------------------ 3.2
    "h_practical": "Practical problems (task 3.2)",
    "h_overfit": "(a) Overfitting and early stopping",
    "of_setup": "{of_n} training samples (spirals with noise {of_noise}) and a network {of_layers} "
    "({of_activation}) with {of_params} parameters, {of_per_sample} per sample, trained with Adam for "
    "{of_epochs} epochs; a second draw of 50 samples is the validation set, 1000 fresh samples the test set. "
    "Early stopping watches the validation loss with a patience of {of_patience} epochs and restores the "
    "best weights.",
    "cap_of_curves": "Training and validation loss with and without early stopping; the dashed line marks "
    "where early stopping ends, the dot its best epoch.",
    "cap_of_table": "Overfitting: the long run against the early-stopped one.",
    "of_result": "Without early stopping the training loss falls to {of_long_train_loss} while the "
    "validation loss, after a minimum of {of_min_val_loss}, climbs to {of_long_val_loss}: the network "
    "memorises the noise. Early stopping ends at epoch {of_stop} and restores epoch {of_best}. Test "
    "accuracy: {of_long_test_acc} without and {of_early_test_acc} with early stopping; test loss "
    "{of_long_test_loss} against {of_early_test_loss}.",
    "cap_of_boundaries": "Decision boundaries without (left) and with early stopping (right).",
    "cap_of_repeats": "Test loss and accuracy of both models over repeated runs.",
    "of_discussion": "Over {of_repeats} repeats, early stopping gave the lower test loss in "
    "{of_rep_lower_loss} of them (mean {of_rep_early_loss} against {of_rep_long_loss}), while the mean "
    "test accuracy is {of_rep_early_acc} against {of_rep_long_acc}. On this task overfitting shows mainly "
    "as overconfidence: the long run's boundary hugs individual noisy points and its probabilities are "
    "extreme, which the cross-entropy punishes; the accuracy hardly differs.",
    "h_lr": "(b) Learning rate",
    "lr_setup": "The network {lr_layers} ({lr_activation}) trained with plain SGD for {lr_epochs} epochs at "
    "{lr_count} learning rates from {lr_min} to {lr_max}, every run from the same initial weights and with "
    "the same batch order. A rate counts as crawling when the loss fell by less than {lr_threshold} of its "
    "initial value {lr_initial}, as diverging when the loss exploded or the network died.",
    "cap_lr_curves": "Loss curves at every learning rate, grouped by outcome.",
    "cap_lr_table": "Learning rates, their outcome, final and peak loss and training accuracy.",
    "cap_lr_summary": "Final loss against learning rate (log–log).",
    "lr_discussion": "Working rates: {lr_works}; the best is {lr_best} (final loss {lr_best_loss}). "
    "Crawling: {lr_crawls}; they would need far more epochs. Diverging: {lr_diverges}. Too small a rate "
    "wastes epochs, too large a rate overshoots: the loss jumps up, ReLU units are pushed into the region "
    "where they never fire again, and the network is lost. Here the useful range is {lr_works}, just below "
    "the rates where training breaks down.",
    # ------------------------------------------------------------------ 4
    "h_bonus": "Bonus tasks (task 4.1)",
    "h_momentum": "(a) Momentum",
    "opt_momentum": "Implemented exactly in the sheet's form, an exponential moving average of the "
    "gradients (`optimizer='momentum'`). At a constant gradient g the velocity tends to g, so the step tends "
    "to αg, the same as plain SGD; PyTorch's `v = βv + g` tends to g/(1 − β). The sheet's form therefore "
    "needs a rate {m:one_over_one_minus_beta} times larger (10 for β = 0.9) to move as fast, and that is "
    "how it is compared below: SGD at {opt_sgd_lr}, momentum at {opt_momentum_lr} (and once at "
    "{opt_momentum_sgd_rate_lr}, to show the difference).",
    "h_adaptive": "(c) Adaptive learning rates: RMSprop and Adam",
    "opt_adaptive": "Both divide each parameter's step by a running root mean square of its gradients, so "
    "parameters with small gradients (the first layers) get larger steps; Adam adds momentum and corrects "
    "the bias of the zero-initialised averages.",
    "cap_opt_curves": "SGD, momentum, RMSprop and Adam on the spirals: loss over epochs (left) and over "
    "wall-clock time (right).",
    "cap_opt_table": "Optimisers: final loss, first epoch with a loss below 0.1, test accuracy and wall time "
    "(timings depend on the machine).",
    "opt_result": "To get below a loss of 0.1, SGD needs {opt_sgd_e01} epochs, momentum {opt_momentum_e01} "
    "(at SGD's rate: {opt_momentum_sgd_rate_e01}), RMSprop {opt_rmsprop_e01} and Adam {opt_adam_e01}; the "
    "final losses are {opt_sgd_loss}, {opt_momentum_loss}, {opt_rmsprop_loss} and {opt_adam_loss}. An "
    "adaptive step costs a few more vector operations per update, so per epoch Adam is somewhat slower than "
    "SGD, but it needs far fewer epochs.",
    "h_l2": "(b) L2 regularisation",
    "opt_l2_text": "Implemented exactly as the sheet's eq. (11): the penalty covers the weights, not the "
    "biases, and its gradient {m:two_lambda_W} is added in the backward pass (and checked by the "
    "finite-difference tests). Trained with λ ∈ {opt_l2_values}:",
    "cap_l2_table": "L2: weight norm Σ‖W‖², data loss and accuracies per λ.",
    "cap_l2_boundaries": "Decision boundaries for growing λ.",
    "cap_l2_norms": "Weight norm Σ‖W‖² against λ.",
    "opt_l2_discussion": "A larger λ shrinks the weights, from Σ‖W‖² = {opt_l2_norm_first} without "
    "penalty to {opt_l2_norm_last} at λ = {opt_l2_last}, and smooths the boundary. Since the sheet's "
    "penalty is a sum over all weights (not a mean), λ must be small: the penalty of this network reaches "
    "the size of the data loss already at λ around 1e-3, and at λ = {opt_l2_last} the network is "
    "regularised to a near-constant function ({opt_l2_last_acc} test accuracy).",
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
    "col_wall": "Wall time",
    "col_lambda": "λ",
    "col_weight_norm": "Σ‖W‖²",
    "col_data_loss": "Data loss",
    "init_scheme_xavier": "Xavier",
    "init_scheme_he": "He",
    "init_scheme_zeros": "zeros",
    "init_scheme_small": "too small, N(0, 0.01²)",
    "init_scheme_large": "too large, N(0, 1)",
    "of_without_early_stopping": "without early stopping",
    "of_early_stopping": "with early stopping",
    "lr_class_works": "works",
    "lr_class_crawls": "crawls",
    "lr_class_diverges": "diverges",
    "trace_task_a": "(a)",
    "trace_task_b": "(b)",
    "trace_task_c": "(c)",
}
