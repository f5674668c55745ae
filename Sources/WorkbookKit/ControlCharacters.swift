/// Control characters in a chapter: a stray NUL, BEL or ESC pasted into the
/// text, or an escape sequence planted in it.
///
/// They are kept in the source (so every column still counts the file's own
/// bytes), reported once as a located warning, and never reach an output raw:
/// HTML and XML do not allow them (a NUL in MathML made the page invalid), and
/// an ESC copied into a terminal line could recolour or retitle the reader's
/// terminal. Pages show each as U+FFFD (as an HTML parser would), terminal
/// lines as its Control Pictures glyph (`␀`, `␇`, `␛`), one character wide, so
/// the caret under a source line stays aligned.
public enum ControlCharacters {
    /// C0 controls other than tab, line feed and carriage return; DEL; the C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v)
    }

    /// Whether `text` holds one, by a byte scan (C1 controls are `C2 80`…`C2 9F` in UTF-8).
    static func occur(in text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
                || (previous == 0xC2 && (0x80...0x9F).contains(byte)) { return true }
            previous = byte
        }
        return false
    }

    /// `text` for a page: each control character becomes U+FFFD.
    static func replacedForPage(_ text: String) -> String {
        guard occur(in: text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(isControl(scalar) ? "\u{FFFD}" : scalar) }
        return String(out)
    }

    /// `text` for a terminal: each control character becomes its visible picture
    /// (U+2400 + code for C0, `␡` for DEL, U+FFFD for C1); tabs and newlines stay.
    public static func visible(_ text: String) -> String {
        guard occur(in: text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else { out.append(scalar); continue }
            let v = scalar.value
            out.append(v < 0x20 ? Unicode.Scalar(0x2400 + v)! : v == 0x7F ? "\u{2421}" : "\u{FFFD}")
        }
        return String(out)
    }

    /// The name of `scalar` in a message: `'x'` when it shows, `U+0007` when it does not.
    static func quoted(_ character: Character) -> String {
        let invisible = character.unicodeScalars.contains {
            isControl($0) || $0.value == 0xFFFD || $0.properties.generalCategory == .format
                || ($0.properties.isWhitespace && $0 != " ")
        }
        guard invisible else { return "'\(character)'" }
        return character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true).leftPadded(to: 4) }
            .joined(separator: " ")
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
