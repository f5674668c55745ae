/// One item of a MathML row while it is being built: its markup plus the
/// few facts the row builder needs about it (TeX's "atom class", reduced to
/// what changes the output).
struct MathAtom: Sendable, Equatable {
    enum Limits: Sendable, Equatable {
        /// Ordinary: scripts go beside (msub/msup/msubsup).
        case none
        /// `\sum`, `\lim`: scripts go under/over (munder/munderover) with
        /// `movablelimits`, so inline math moves them beside, as TeX does.
        case underOver
    }

    var xml: String
    var limits: Limits = .none
    /// `\log`, `\sin`, …: followed by U+2061 FUNCTION APPLICATION.
    var isFunctionName = false
    /// Binary operators, relations, punctuation and opening fences: a `-`
    /// after one of these is a sign (prefix form), not a subtraction.
    var isOperator = false
    /// Opening fences: no thin space between `\log` and `(`.
    var isOpening = false
    /// For `\lim`, `\max`: the word, re-emitted as an `<mo>` when limits attach.
    var operatorWord: String?

    /// An empty base, for `^2` or `_k` at the start of a group.
    static let empty = MathAtom(xml: "<mrow></mrow>")

    static func row(_ atoms: [MathAtom]) -> String {
        atoms.count == 1 ? atoms[0].xml : "<mrow>" + atoms.map(\.xml).joined() + "</mrow>"
    }
}
