"""The report's prose in English. Same keys and placeholders as ``prose_de``.

``{name}``: a number from the results (see ``facts.py``); ``{m:name}``: inline
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
    # ------------------------------------------------------------------ repro
    "h_reproducibility": "Reproducibility",
    "repro_text": "Everything in this report is written by one command, `mlplab all`, which runs every "
    "experiment and then this report. Every random draw comes from a NumPy Generator seeded from the "
    "master seed (`--seed`, here {seed}); each run of a sweep gets its own seed from a SeedSequence, so "
    "the results do not depend on the number of worker processes. Running the command again gives the "
    "same metrics, bit for bit, on the same machine.",
    "cap_seeds": "Experiments, their seeds and run times.",
    "cap_versions": "Software versions.",
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
    "trace_task_a": "(a)",
    "trace_task_b": "(b)",
    "trace_task_c": "(c)",
}
