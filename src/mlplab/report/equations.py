"""The report's display equations, each in Typst (PDF) and LaTeX (notebook).

Equations are the same in every language, so they live here once; the prose
of each language refers to them by name. A test renders every Typst form.
The Typst forms use the names defined in :data:`TYPST_PREAMBLE`.
"""

from __future__ import annotations

#: Upright operator and subscript names that the Typst forms use.
TYPST_PREAMBLE = """
#let Var = math.op("Var")
#let diag = math.op("diag")
#let nin = $n_"in"$
#let nout = $n_"out"$
#let Lreg = $L_"reg"$
#let ReLU = math.upright("ReLU")
"""

# name -> (typst, latex)
EQUATIONS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ network
    "architecture": (
        r"bold(z)^((1)) &= bold(W)^((1)) bold(x) + bold(b)^((1)), & quad bold(a)^((1)) &= sigma(bold(z)^((1)))"
        r" in RR^3 \ bold(z)^((2)) &= bold(W)^((2)) bold(a)^((1)) + bold(b)^((2)), &"
        r" quad bold(a)^((2)) &= sigma(bold(z)^((2))) in RR^2"
        r" \ z^((3)) &= bold(w)^((3) top) bold(a)^((2)) + b^((3)), & quad hat(y) &= sigma(z^((3))) in (0, 1)",
        r"\begin{aligned} \mathbf{z}^{(1)} &= \mathbf{W}^{(1)}\mathbf{x} + \mathbf{b}^{(1)}, &"
        r" \mathbf{a}^{(1)} &= \sigma(\mathbf{z}^{(1)}) \in \mathbb{R}^3 \\"
        r" \mathbf{z}^{(2)} &= \mathbf{W}^{(2)}\mathbf{a}^{(1)} + \mathbf{b}^{(2)}, &"
        r" \mathbf{a}^{(2)} &= \sigma(\mathbf{z}^{(2)}) \in \mathbb{R}^2 \\"
        r" z^{(3)} &= \mathbf{w}^{(3)\top}\mathbf{a}^{(2)} + b^{(3)}, & \hat{y} &= \sigma(z^{(3)}) \in (0,1)"
        r" \end{aligned}",
    ),
    "bce": (
        r"L = -[y log hat(y) + (1 - y) log(1 - hat(y))]",
        r"L = -\left[y \log \hat{y} + (1-y)\log(1-\hat{y})\right]",
    ),
    "sigmoid_derivative": (
        r"sigma(z) = 1/(1 + e^(-z)), quad sigma'(z) = e^(-z)/(1 + e^(-z))^2 = sigma(z)(1 - sigma(z))",
        r"\sigma(z) = \frac{1}{1+e^{-z}},\quad \sigma'(z) = \frac{e^{-z}}{(1+e^{-z})^2}"
        r" = \sigma(z)\,(1-\sigma(z))",
    ),
    # ------------------------------------------------------------ (a)
    "dL_dyhat": (
        r"(partial L)/(partial hat(y)) = -y/hat(y) + (1 - y)/(1 - hat(y)),"
        r" quad (partial hat(y))/(partial z^((3))) = sigma'(z^((3))) = hat(y)(1 - hat(y))",
        r"\frac{\partial L}{\partial \hat{y}} = -\frac{y}{\hat{y}} + \frac{1-y}{1-\hat{y}},\quad"
        r" \frac{\partial \hat{y}}{\partial z^{(3)}} = \sigma'(z^{(3)}) = \hat{y}(1-\hat{y})",
    ),
    "dL_dz3": (
        r"delta^((3)) := (partial L)/(partial z^((3))) = (-y/hat(y) + (1 - y)/(1 - hat(y))) hat(y)(1 - hat(y))"
        r" = -y(1 - hat(y)) + (1 - y) hat(y) = hat(y) - y",
        r"\delta^{(3)} := \frac{\partial L}{\partial z^{(3)}}"
        r" = \left(-\frac{y}{\hat{y}} + \frac{1-y}{1-\hat{y}}\right)\hat{y}(1-\hat{y})"
        r" = -y(1-\hat{y}) + (1-y)\hat{y} = \hat{y} - y",
    ),
    # ------------------------------------------------------------ (b)
    "dL_dw3": (
        r"(partial L)/(partial bold(w)^((3))) = delta^((3)) (partial z^((3)))/(partial bold(w)^((3)))"
        r" = delta^((3)) bold(a)^((2)), quad (partial L)/(partial b^((3))) = delta^((3)) dot 1 = hat(y) - y",
        r"\frac{\partial L}{\partial \mathbf{w}^{(3)}} = \delta^{(3)}"
        r" \frac{\partial z^{(3)}}{\partial \mathbf{w}^{(3)}} = \delta^{(3)}\,\mathbf{a}^{(2)},\quad"
        r" \frac{\partial L}{\partial b^{(3)}} = \delta^{(3)} \cdot 1 = \hat{y} - y",
    ),
    # ------------------------------------------------------------ (c)
    "dL_da2": (
        r"(partial L)/(partial bold(a)^((2))) = (partial L)/(partial z^((3)))"
        r" (partial z^((3)))/(partial bold(a)^((2))) = delta^((3)) bold(w)^((3))",
        r"\frac{\partial L}{\partial \mathbf{a}^{(2)}} = \frac{\partial L}{\partial z^{(3)}}"
        r" \frac{\partial z^{(3)}}{\partial \mathbf{a}^{(2)}} = \delta^{(3)}\,\mathbf{w}^{(3)}",
    ),
    # ------------------------------------------------------------ (d)
    "dL_dz2": (
        r"bold(delta)^((2)) := (partial L)/(partial bold(z)^((2))) = (partial L)/(partial bold(a)^((2)))"
        r" dot.o sigma'(bold(z)^((2))) = delta^((3)) bold(w)^((3)) dot.o bold(a)^((2)) dot.o (bold(1) - bold(a)^((2)))",
        r"\boldsymbol{\delta}^{(2)} := \frac{\partial L}{\partial \mathbf{z}^{(2)}}"
        r" = \frac{\partial L}{\partial \mathbf{a}^{(2)}} \odot \sigma'(\mathbf{z}^{(2)})"
        r" = \delta^{(3)}\mathbf{w}^{(3)} \odot \mathbf{a}^{(2)} \odot (\mathbf{1} - \mathbf{a}^{(2)})",
    ),
    "dL_dW2": (
        r"(partial L)/(partial W_(i j)^((2))) = delta_i^((2)) a_j^((1))"
        r" quad => quad (partial L)/(partial bold(W)^((2))) = bold(delta)^((2)) bold(a)^((1) top),"
        r" quad (partial L)/(partial bold(b)^((2))) = bold(delta)^((2))",
        r"\frac{\partial L}{\partial W^{(2)}_{ij}} = \delta^{(2)}_i a^{(1)}_j \;\Rightarrow\;"
        r" \frac{\partial L}{\partial \mathbf{W}^{(2)}} = \boldsymbol{\delta}^{(2)}\mathbf{a}^{(1)\top},\quad"
        r" \frac{\partial L}{\partial \mathbf{b}^{(2)}} = \boldsymbol{\delta}^{(2)}",
    ),
    # ------------------------------------------------------------ (e)
    "dL_da1": (
        r"(partial L)/(partial bold(a)^((1))) = bold(W)^((2) top) bold(delta)^((2)),"
        r" quad bold(delta)^((1)) = bold(W)^((2) top) bold(delta)^((2)) dot.o bold(a)^((1))"
        r" dot.o (bold(1) - bold(a)^((1)))",
        r"\frac{\partial L}{\partial \mathbf{a}^{(1)}} = \mathbf{W}^{(2)\top}\boldsymbol{\delta}^{(2)},\quad"
        r" \boldsymbol{\delta}^{(1)} = \mathbf{W}^{(2)\top}\boldsymbol{\delta}^{(2)} \odot \mathbf{a}^{(1)}"
        r" \odot (\mathbf{1} - \mathbf{a}^{(1)})",
    ),
    "dL_dW1": (
        r"(partial L)/(partial bold(W)^((1))) = bold(delta)^((1)) bold(x)^top,"
        r" quad (partial L)/(partial bold(b)^((1))) = bold(delta)^((1))",
        r"\frac{\partial L}{\partial \mathbf{W}^{(1)}} = \boldsymbol{\delta}^{(1)}\mathbf{x}^\top,\quad"
        r" \frac{\partial L}{\partial \mathbf{b}^{(1)}} = \boldsymbol{\delta}^{(1)}",
    ),
    "recursion": (
        r"bold(delta)^((l)) = (bold(W)^((l+1) top) bold(delta)^((l+1))) dot.o f'(bold(z)^((l))),"
        r" quad (partial L)/(partial bold(W)^((l))) = bold(delta)^((l)) bold(a)^((l-1) top),"
        r" quad (partial L)/(partial bold(b)^((l))) = bold(delta)^((l))",
        r"\boldsymbol{\delta}^{(l)} = \left(\mathbf{W}^{(l+1)\top}\boldsymbol{\delta}^{(l+1)}\right)"
        r" \odot f'(\mathbf{z}^{(l)}),\quad \frac{\partial L}{\partial \mathbf{W}^{(l)}}"
        r" = \boldsymbol{\delta}^{(l)}\mathbf{a}^{(l-1)\top},\quad"
        r" \frac{\partial L}{\partial \mathbf{b}^{(l)}} = \boldsymbol{\delta}^{(l)}",
    ),
    # ------------------------------------------------------------ batch form
    "batch_forward": (
        r"bold(Z)^((l)) = bold(A)^((l-1)) bold(W)^((l) top) + bold(1) bold(b)^((l) top),"
        r" quad bold(A)^((l)) = f(bold(Z)^((l))), quad bold(A)^((0)) = bold(X) in RR^(n times d)",
        r"\mathbf{Z}^{(l)} = \mathbf{A}^{(l-1)}\mathbf{W}^{(l)\top} + \mathbf{1}\mathbf{b}^{(l)\top},\quad"
        r" \mathbf{A}^{(l)} = f(\mathbf{Z}^{(l)}),\quad \mathbf{A}^{(0)} = \mathbf{X} \in \mathbb{R}^{n\times d}",
    ),
    "batch_backward": (
        r"bold(Delta)^((D)) &= 1/n (hat(bold(Y)) - bold(Y)), & quad"
        r" bold(Delta)^((l-1)) &= (bold(Delta)^((l)) bold(W)^((l))) dot.o f'(bold(Z)^((l-1)))"
        r" \ (partial L)/(partial bold(W)^((l))) &= bold(Delta)^((l) top) bold(A)^((l-1)) + 2 lambda bold(W)^((l)), &"
        r" quad (partial L)/(partial bold(b)^((l))) &= bold(Delta)^((l) top) bold(1)",
        r"\begin{aligned} \boldsymbol{\Delta}^{(D)} &= \tfrac{1}{n}(\hat{\mathbf{Y}} - \mathbf{Y}), &"
        r" \boldsymbol{\Delta}^{(l-1)} &= \left(\boldsymbol{\Delta}^{(l)}\mathbf{W}^{(l)}\right)"
        r" \odot f'(\mathbf{Z}^{(l-1)}) \\"
        r" \frac{\partial L}{\partial \mathbf{W}^{(l)}} &= \boldsymbol{\Delta}^{(l)\top}\mathbf{A}^{(l-1)}"
        r" + 2\lambda\mathbf{W}^{(l)}, & \frac{\partial L}{\partial \mathbf{b}^{(l)}}"
        r" &= \boldsymbol{\Delta}^{(l)\top}\mathbf{1} \end{aligned}",
    ),
    # ------------------------------------------------------------ init, theory
    "variance": (
        r"Var(z_j) = sum_(i=1)^(nin) Var(w_(j i) a_i) = sum_(i=1)^(nin) (EE[w^2] EE[a_i^2] - EE[w]^2 EE[a_i]^2)"
        r" = nin Var(w) EE[a^2]",
        r"\operatorname{Var}(z_j) = \sum_{i=1}^{n_\mathrm{in}} \operatorname{Var}(w_{ji} a_i)"
        r" = \sum_{i=1}^{n_\mathrm{in}} \left(\mathbb{E}[w^2]\,\mathbb{E}[a_i^2] - \mathbb{E}[w]^2\,\mathbb{E}[a_i]^2\right)"
        r" = n_\mathrm{in}\,\operatorname{Var}(w)\,\mathbb{E}[a^2]",
    ),
    "init_linear": (
        r"f(0) = 0, quad f'(0) = 1 quad => quad a approx z, quad EE[a^2] approx Var(z^((l-1)))"
        r" quad => quad Var(z^((l))) = nin Var(w) Var(z^((l-1)))",
        r"f(0) = 0,\quad f'(0) = 1 \;\Rightarrow\; a \approx z,\quad \mathbb{E}[a^2] \approx"
        r" \operatorname{Var}(z^{(l-1)}) \;\Rightarrow\; \operatorname{Var}(z^{(l)})"
        r" = n_\mathrm{in}\operatorname{Var}(w)\operatorname{Var}(z^{(l-1)})",
    ),
    "init_backward": (
        r"delta_i^((l)) = f'(z_i^((l))) sum_(j=1)^(nout) W_(j i)^((l+1)) delta_j^((l+1))"
        r" quad => quad Var(delta^((l))) = nout Var(w) EE[f'(z^((l)))^2] Var(delta^((l+1)))"
        r" approx nout Var(w) Var(delta^((l+1)))",
        r"\delta_i^{(l)} = f'(z_i^{(l)}) \sum_{j=1}^{n_\mathrm{out}} W_{ji}^{(l+1)} \delta_j^{(l+1)}"
        r" \;\Rightarrow\; \operatorname{Var}(\delta^{(l)}) = n_\mathrm{out}\operatorname{Var}(w)\,"
        r"\mathbb{E}[f'(z^{(l)})^2]\operatorname{Var}(\delta^{(l+1)}) \approx n_\mathrm{out}\operatorname{Var}(w)"
        r"\operatorname{Var}(\delta^{(l+1)})",
    ),
    "xavier": (
        r"nin Var(w) = 1, quad nout Var(w) = 1 quad ~> quad Var(w) = 2/(nin + nout)",
        r"n_\mathrm{in}\operatorname{Var}(w) = 1,\quad n_\mathrm{out}\operatorname{Var}(w) = 1"
        r" \;\leadsto\; \operatorname{Var}(w) = \frac{2}{n_\mathrm{in} + n_\mathrm{out}}",
    ),
    "uniform_bound": (
        r"w ~ cal(U)(-r, r): quad Var(w) = 1/(2r) integral_(-r)^r w^2 dif w = r^2/3 = 2/(nin + nout)"
        r" quad => quad r = sqrt(6/(nin + nout))",
        r"w \sim \mathcal{U}(-r, r):\quad \operatorname{Var}(w) = \frac{1}{2r}\int_{-r}^{r} w^2\,dw = \frac{r^2}{3}"
        r" = \frac{2}{n_\mathrm{in} + n_\mathrm{out}} \;\Rightarrow\; r = \sqrt{\frac{6}{n_\mathrm{in} + n_\mathrm{out}}}",
    ),
    "he_mean": (
        r"a = max(0, z): quad EE[a^2] = EE[z^2 bb(1)_(z > 0)] = 1/2 EE[z^2] = 1/2 Var(z)",
        r"a = \max(0, z):\quad \mathbb{E}[a^2] = \mathbb{E}[z^2\,\mathbb{1}_{z>0}] = \tfrac12\mathbb{E}[z^2]"
        r" = \tfrac12\operatorname{Var}(z)",
    ),
    "he": (
        r"Var(z^((l))) = 1/2 nin Var(w) Var(z^((l-1))) quad => quad Var(w) = 2/nin",
        r"\operatorname{Var}(z^{(l)}) = \tfrac12 n_\mathrm{in}\operatorname{Var}(w)\operatorname{Var}(z^{(l-1)})"
        r" \;\Rightarrow\; \operatorname{Var}(w) = \frac{2}{n_\mathrm{in}}",
    ),
    "init_rules": (
        r"w ~ cal(U)(-sqrt(6/(nin + nout)), sqrt(6/(nin + nout))) quad (sigma, tanh), quad"
        r" w ~ cal(N)(0, 2/nin) quad (ReLU), quad b = 0",
        r"w \sim \mathcal{U}\Big(-\sqrt{\tfrac{6}{n_\mathrm{in}+n_\mathrm{out}}},"
        r" \sqrt{\tfrac{6}{n_\mathrm{in}+n_\mathrm{out}}}\Big)\ (\sigma, \tanh),\quad"
        r" w \sim \mathcal{N}\big(0, \tfrac{2}{n_\mathrm{in}}\big)\ (\text{ReLU}),\quad b = 0",
    ),
    "sigmoid_init": (
        r"sigma(z) approx 1/2 + z/4 quad => quad Var(delta^((l))) approx nout Var(w) 1/16 Var(delta^((l+1))),"
        r" quad Var(w) = 16/nout quad ~> quad Var(w) = 16 dot 2/(nin + nout)",
        r"\sigma(z) \approx \tfrac12 + \tfrac{z}{4} \;\Rightarrow\; \operatorname{Var}(\delta^{(l)}) \approx"
        r" n_\mathrm{out}\operatorname{Var}(w)\,\tfrac1{16}\operatorname{Var}(\delta^{(l+1)}),\quad"
        r" \operatorname{Var}(w) = \frac{16}{n_\mathrm{out}} \;\leadsto\;"
        r" \operatorname{Var}(w) = 16\cdot\frac{2}{n_\mathrm{in} + n_\mathrm{out}}",
    ),
    "sigmoid_mean": (
        r"EE[a^2] = Var(a) + EE[a]^2 approx Var(z)/16 + 1/4 quad => quad"
        r" Var(z^((l))) approx nin Var(w) (Var(z^((l-1)))/16 + 1/4)",
        r"\mathbb{E}[a^2] = \operatorname{Var}(a) + \mathbb{E}[a]^2 \approx \frac{\operatorname{Var}(z)}{16}"
        r" + \frac14 \;\Rightarrow\; \operatorname{Var}(z^{(l)}) \approx n_\mathrm{in}\operatorname{Var}(w)"
        r"\left(\frac{\operatorname{Var}(z^{(l-1)})}{16} + \frac14\right)",
    ),
    "vanishing_product": (
        r"bold(delta)^((1)) = (product_(l=2)^(D) diag(f'(bold(z)^((l-1)))) bold(W)^((l) top)) bold(delta)^((D))"
        r" quad => quad norm(bold(delta)^((1))) / norm(bold(delta)^((D)))"
        r" <= product_(l=2)^(D) (max f') norm(bold(W)^((l)))_2",
        r"\boldsymbol{\delta}^{(1)} = \Big(\prod_{l=2}^{D}\operatorname{diag}(f'(\mathbf{z}^{(l-1)}))"
        r"\mathbf{W}^{(l)\top}\Big)\boldsymbol{\delta}^{(D)}\quad\Rightarrow\quad"
        r" \frac{\|\boldsymbol{\delta}^{(1)}\|}{\|\boldsymbol{\delta}^{(D)}\|}"
        r" \le \prod_{l=2}^{D} (\max f')\,\|\mathbf{W}^{(l)}\|_2",
    ),
    "sigmoid_max": (
        r"sigma''(z) = sigma'(z)(1 - 2 sigma(z)) = 0 <=> sigma(z) = 1/2 <=> z = 0,"
        r" quad sigma'(0) = 1/2 dot 1/2 = 1/4",
        r"\sigma''(z) = \sigma'(z)\,(1 - 2\sigma(z)) = 0 \iff \sigma(z) = \tfrac12 \iff z = 0,\quad"
        r" \sigma'(0) = \tfrac12\cdot\tfrac12 = \tfrac14",
    ),
    "vanishing_sigmoid_bound": (
        r"f = sigma: quad product_(l=2)^(D) (max sigma') norm(bold(W)^((l)))_2"
        r" = (1/4)^(D-1) dot product_(l=2)^(D) norm(bold(W)^((l)))_2",
        r"f = \sigma:\quad \prod_{l=2}^{D} (\max\sigma')\,\|\mathbf{W}^{(l)}\|_2"
        r" = \left(\tfrac14\right)^{D-1}\cdot\prod_{l=2}^{D}\|\mathbf{W}^{(l)}\|_2",
    ),
    "vanishing_forward": (
        r"norm(bold(a)^((D-1))(bold(x)) - bold(a)^((D-1))(bold(x)'))"
        r" <= product_(l=1)^(D-1) (max f') norm(bold(W)^((l)))_2 dot norm(bold(x) - bold(x)')",
        r"\|\mathbf{a}^{(D-1)}(\mathbf{x}) - \mathbf{a}^{(D-1)}(\mathbf{x}')\|"
        r" \le \prod_{l=1}^{D-1} (\max f')\,\|\mathbf{W}^{(l)}\|_2\cdot\|\mathbf{x} - \mathbf{x}'\|",
    ),
    # ------------------------------------------------------------ bonus
    "momentum": (
        r"bold(v)_t = beta bold(v)_(t-1) + (1 - beta) nabla_theta L(theta_(t-1)),"
        r" quad theta_t = theta_(t-1) - alpha bold(v)_t",
        r"\mathbf{v}_t = \beta\mathbf{v}_{t-1} + (1-\beta)\nabla_\theta L(\theta_{t-1}),\quad"
        r" \theta_t = \theta_{t-1} - \alpha\mathbf{v}_t",
    ),
    "l2": (
        r"Lreg = L + lambda sum_l norm(bold(W)^((l)))_2^2, quad"
        r" (partial Lreg)/(partial bold(W)^((l))) = (partial L)/(partial bold(W)^((l))) + 2 lambda bold(W)^((l))",
        r"L_\mathrm{reg} = L + \lambda\sum_l \|\mathbf{W}^{(l)}\|_2^2,\quad"
        r" \frac{\partial L_\mathrm{reg}}{\partial \mathbf{W}^{(l)}} = \frac{\partial L}{\partial \mathbf{W}^{(l)}}"
        r" + 2\lambda\mathbf{W}^{(l)}",
    ),
    "rmsprop": (
        r"bold(s)_t = rho bold(s)_(t-1) + (1 - rho) bold(g)_t^2, quad"
        r" theta_t = theta_(t-1) - alpha bold(g)_t / (sqrt(bold(s)_t) + epsilon)",
        r"\mathbf{s}_t = \rho\mathbf{s}_{t-1} + (1-\rho)\mathbf{g}_t^2,\quad"
        r" \theta_t = \theta_{t-1} - \alpha\frac{\mathbf{g}_t}{\sqrt{\mathbf{s}_t} + \epsilon}",
    ),
    "adam": (
        r"bold(m)_t = beta_1 bold(m)_(t-1) + (1 - beta_1) bold(g)_t, quad"
        r" bold(v)_t = beta_2 bold(v)_(t-1) + (1 - beta_2) bold(g)_t^2, quad"
        r" theta_t = theta_(t-1) - alpha (bold(m)_t \/ (1 - beta_1^t)) / (sqrt(bold(v)_t \/ (1 - beta_2^t)) + epsilon)",
        r"\mathbf{m}_t = \beta_1\mathbf{m}_{t-1} + (1-\beta_1)\mathbf{g}_t,\quad"
        r" \mathbf{v}_t = \beta_2\mathbf{v}_{t-1} + (1-\beta_2)\mathbf{g}_t^2,\quad"
        r" \theta_t = \theta_{t-1} - \alpha\frac{\mathbf{m}_t/(1-\beta_1^t)}{\sqrt{\mathbf{v}_t/(1-\beta_2^t)}"
        r" + \epsilon}",
    ),
}
