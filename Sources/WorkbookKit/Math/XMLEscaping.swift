/// Escaping for text placed inside MathML or HTML elements and attributes.
/// Shared by MathML and the syntax highlighter so both escape exactly the
/// same four characters. Control characters, which XML does not allow, become U+FFFD.
enum XMLEscaping {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(ControlCharacters.isControl(c) ? "\u{FFFD}" : c)
            }
        }
        return out
    }
}
