/// Font commands (`\mathbf`, `\mathcal`, …). MathML Core (and Chromium)
/// ignore `mathvariant` values other than `normal`, so styled letters are
/// produced as Unicode Mathematical Alphanumeric Symbols instead.
enum TeXFont: String, Sendable, CaseIterable {
    case mathrm, mathbf, boldsymbol, bm, mathit, mathbb, mathcal, operatorname

    /// Maps one character; nil means "leave it alone".
    func map(_ c: Character) -> Character? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1, scalar.isASCII else { return nil }
        let v = scalar.value
        let upper = (65...90).contains(v), lower = (97...122).contains(v), digit = (48...57).contains(v)
        func at(_ base: UInt32, _ offset: UInt32) -> Character? {
            Unicode.Scalar(base + offset).map(Character.init)
        }
        switch self {
        case .mathrm, .operatorname:
            return nil
        case .mathbf:
            if upper { return at(0x1D400, v - 65) }
            if lower { return at(0x1D41A, v - 97) }
            if digit { return at(0x1D7CE, v - 48) }
        case .boldsymbol, .bm:
            if upper { return at(0x1D468, v - 65) }
            if lower { return at(0x1D482, v - 97) }
            if digit { return at(0x1D7CE, v - 48) }
        case .mathit:
            if c == "h" { return "\u{210E}" }
            if upper { return at(0x1D434, v - 65) }
            if lower { return at(0x1D44E, v - 97) }
        case .mathbb:
            let holes: [Character: Character] = ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"]
            if let hole = holes[c] { return hole }
            if upper { return at(0x1D538, v - 65) }
            if lower { return at(0x1D552, v - 97) }
            if digit { return at(0x1D7D8, v - 48) }
        case .mathcal:
            let holes: [Character: Character] = ["B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ"]
            if let hole = holes[c] { return hole }
            if upper { return at(0x1D49C, v - 65) }
        }
        return nil
    }

    /// Upright fonts mark a single letter `mathvariant="normal"`, because a
    /// one-letter `<mi>` is italic by default.
    var isUpright: Bool { self == .mathrm || self == .operatorname }
}
