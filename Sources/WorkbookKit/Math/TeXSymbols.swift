/// The tables of TeX commands that are a single symbol. Kept apart from the
/// parser so adding a symbol is a one-line change, and so the "did you
/// mean" hint can search every known command name.
enum TeXSymbols {
    /// Lower-case Greek and other letter-like symbols: italic `<mi>`.
    static let letters: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
        "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
        "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "ell": "ℓ", "imath": "ı", "jmath": "ȷ",
    ]

    /// Upper-case Greek and upright symbols: `<mi mathvariant="normal">`.
    static let uprightLetters: [String: String] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "partial": "∂", "nabla": "∇", "infty": "∞", "hbar": "ℏ", "emptyset": "∅", "varnothing": "∅",
    ]

    /// Operators, relations, arrows, dots: `<mo>`.
    static let operators: [String: String] = [
        "rightarrow": "→", "to": "→", "leftarrow": "←", "gets": "←", "leftrightarrow": "↔",
        "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "implies": "⟹", "iff": "⟺",
        "longrightarrow": "⟶", "longleftarrow": "⟵", "mapsto": "↦", "uparrow": "↑", "downarrow": "↓",
        "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "ast": "∗", "star": "⋆",
        "circ": "∘", "bullet": "∙", "odot": "⊙", "otimes": "⊗", "oplus": "⊕",
        "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈",
        "sim": "∼", "simeq": "≃", "equiv": "≡", "propto": "∝", "ll": "≪", "gg": "≫",
        "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆", "supset": "⊃", "supseteq": "⊇",
        "cup": "∪", "cap": "∩", "setminus": "∖", "mid": "∣", "parallel": "∥", "perp": "⊥",
        "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨", "neg": "¬", "lnot": "¬",
        "forall": "∀", "exists": "∃", "top": "⊤",
        "ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱", "colon": ":",
        "prime": "′",
        "%": "%", "&": "&", "#": "#", "$": "$", "_": "_",
    ]

    /// Delimiters usable bare (`\{`) and after `\left`, `\right`, `\big`.
    static let delimiters: [String: String] = [
        "{": "{", "}": "}", "lbrace": "{", "rbrace": "}", "|": "‖", "Vert": "‖", "vert": "|",
        "lvert": "|", "rvert": "|", "lVert": "‖", "rVert": "‖", "langle": "⟨", "rangle": "⟩",
        "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉",
    ]

    /// Opening delimiters, for operator form and function spacing.
    static let openers: Set<String> = ["(", "[", "{", "⟨", "⌊", "⌈"]

    /// Function names set upright and followed by function application.
    static let functions: Set<String> = [
        "log", "ln", "lg", "exp", "sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh",
        "arcsin", "arccos", "arctan", "arg", "det", "dim", "gcd", "deg", "ker", "Pr",
    ]

    /// Function names whose scripts go under/over in display style.
    static let limitFunctions: Set<String> = ["lim", "max", "min", "sup", "inf", "liminf", "limsup", "argmax", "argmin"]

    /// Large operators with limits under/over (`∑`) or beside (`∫`).
    static let largeOperators: [String: (symbol: String, limits: Bool)] = [
        "sum": ("∑", true), "prod": ("∏", true), "coprod": ("∐", true),
        "bigcup": ("⋃", true), "bigcap": ("⋂", true),
        "int": ("∫", false), "iint": ("∬", false), "oint": ("∮", false),
    ]

    /// Horizontal spaces, in em, as TeX defines them.
    static let spaces: [String: String] = [
        ",": "0.1667em", ":": "0.2222em", ">": "0.2222em", ";": "0.2778em", " ": "0.25em",
        "!": "-0.1667em", "quad": "1em", "qquad": "2em",
    ]

    /// Accents: the mark placed over the argument, and whether it stretches.
    static let accents: [String: (mark: String, stretchy: Bool)] = [
        "hat": ("^", false), "widehat": ("^", true), "bar": ("¯", false), "overline": ("‾", true),
        "vec": ("\u{20D7}", false), "overrightarrow": ("→", true), "tilde": ("~", false), "widetilde": ("~", true),
        "dot": ("˙", false), "ddot": ("¨", false),
    ]

    /// `\big(` and friends: fixed delimiter sizes.
    static let bigSizes: [String: String] = [
        "big": "1.2em", "bigl": "1.2em", "bigr": "1.2em", "Big": "1.623em", "Bigl": "1.623em", "Bigr": "1.623em",
        "bigg": "2.047em", "biggl": "2.047em", "biggr": "2.047em", "Bigg": "2.470em", "Biggl": "2.470em", "Biggr": "2.470em",
    ]

    /// Commands handled by the parser itself, with arguments or structure.
    static let structural: Set<String> = [
        "frac", "dfrac", "tfrac", "binom", "sqrt", "text", "textrm", "mbox", "left", "right", "middle",
        "begin", "end", "overset", "underset", "stackrel", "limits", "nolimits", "displaystyle", "textstyle",
    ]

    /// Every command name the renderer understands, for "did you mean".
    static let allCommands: [String] = {
        var names = Set(letters.keys).union(uprightLetters.keys).union(operators.keys).union(delimiters.keys)
        names.formUnion(functions)
        names.formUnion(limitFunctions)
        names.formUnion(largeOperators.keys)
        names.formUnion(spaces.keys)
        names.formUnion(accents.keys)
        names.formUnion(bigSizes.keys)
        names.formUnion(structural)
        names.formUnion(TeXFont.allCases.map(\.rawValue))
        return names.filter { $0.first?.isLetter == true }.sorted()
    }()

    /// Environments of `\begin{…}`: the fences around the table.
    static let environments: [String: (open: String?, close: String?)] = [
        "array": (nil, nil), "matrix": (nil, nil), "pmatrix": ("(", ")"), "bmatrix": ("[", "]"),
        "Bmatrix": ("{", "}"), "vmatrix": ("|", "|"), "Vmatrix": ("‖", "‖"), "cases": ("{", nil),
        "aligned": (nil, nil),
    ]
}
