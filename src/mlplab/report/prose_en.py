"""The report's prose in English. Same keys and placeholders as ``prose_de``.

``{name}``: a number from the results (the facts of its section in ``sections/``); ``{m:name}``: inline
maths (``blocks.INLINE``); ```code```: code.
"""

TEXT: dict[str, str] = {
    "title": "Multi-Layer Perceptrons and Backpropagation",
    "subtitle": "Deep Learning, exercise sheet 2 (FH Südwestfalen): derivations, implementation, experiments",
    "generated": "Written by `mlplab all` (mlplab {version}) from the results it computed, seed {seed}. "
    "Every number in this report is read from those results or computed by the library.",
    "missing_figure": "Figure not found (run the experiment first)",
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
    "repro_text": "Everything in this report is written by one command, `mlplab all`, which runs every "
    "experiment and then this report. Every random draw comes from a NumPy Generator seeded from the "
    "master seed (`--seed`, here {seed}); each run of a sweep gets its own seed from a SeedSequence, so "
    "the results do not depend on the number of worker processes. Running the command again gives the "
    "same metrics, bit for bit, on the same machine.",
    "cap_seeds": "Experiments, their seeds and run times.",
    "cap_versions": "Software versions and the machine.",
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
