/// Advance widths of one font, so that boxes (legends, margins, tick spacing)
/// are sized from the font the figures name rather than from estimates.
/// The table is generated from the font file by `scripts/generate-font-metrics`.
struct FontMetrics: Sendable {
    /// A run of consecutive code points from `first`.
    struct Block: Sendable {
        let first: UInt32
        let advances: [UInt16]
    }

    let name: String
    let unitsPerEm: Double
    let blocks: [Block]

    init(name: String, unitsPerEm: Int, blocks: [Block]) {
        self.name = name
        self.unitsPerEm = Double(unitsPerEm)
        self.blocks = blocks
    }

    /// The advance of `scalar` in em, nil when the font has no glyph for it.
    func advance(_ scalar: Unicode.Scalar) -> Double? {
        let v = scalar.value
        for block in blocks where v >= block.first && v < block.first + UInt32(block.advances.count) {
            let units = block.advances[Int(v - block.first)]
            return units == 0 ? nil : Double(units) / unitsPerEm
        }
        return nil
    }
}

/// Width in pixels of `text` at `size` px: DejaVu Sans' advances (the first
/// font of the figures' font-family, and wider than the usual system fonts
/// behind it), 1 em for East Asian wide characters (the CJK fallback fonts'
/// full width), 0.75 em for anything else the table lacks. No kerning, so
/// the width is an upper bound.
func textWidth(_ text: String, size: Double) -> Double {
    var em = 0.0
    for scalar in text.unicodeScalars {
        if isWide(scalar.value) {
            em += 1.0
        } else if let advance = FontMetrics.dejaVuSans.advance(scalar) {
            em += advance
        } else if scalar.properties.generalCategory == .nonspacingMark {
            continue
        } else {
            em += 0.75
        }
    }
    return em * size
}

/// East Asian wide characters (CJK, kana, hangul, full-width forms).
private func isWide(_ v: UInt32) -> Bool {
    (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
        || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
}
