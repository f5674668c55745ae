/// Marks the Japanese terms of an English page: every run of Japanese
/// characters (kana, kanji, Japanese punctuation and full-width forms) in the
/// page's text is wrapped in `<span lang="ja">`, so that browsers pick
/// Japanese glyph shapes for the kanji (the same code points have Chinese
/// shapes in a Chinese locale) and screen readers switch voice.
///
/// Done on the finished HTML at render time, so authors write `(勾配)` and
/// nothing else. Only text between tags is touched: never attribute values,
/// and nothing inside `<svg>`, `<math>`, `<title>`, `<script>`, `<style>` or an
/// element that already has a `lang` attribute (where a `<span>` is not
/// allowed or not wanted).
enum JapaneseSpans {
    static func mark(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + html.utf8.count / 16)
        var run = ""
        /// Name of the element whose content is left alone, and how deep we are in it.
        var skipping: (name: String, depth: Int)?
        var index = html.startIndex
        func flushRun() {
            guard !run.isEmpty else { return }
            out += "<span lang=\"ja\">\(run)</span>"
            run = ""
        }
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let close = html[index...].firstIndex(of: ">") {
                flushRun()
                let tag = html[index...close]
                out += tag
                index = html.index(after: close)
                let (name, closing, selfClosing, hasLang) = describe(tag)
                if var skip = skipping {
                    if name == skip.name && !selfClosing { skip.depth += closing ? -1 : 1 }
                    skipping = skip.depth == 0 ? nil : skip
                } else if !closing && !selfClosing && (skippedElements.contains(name) || hasLang) {
                    skipping = (name, 1)
                }
                continue
            }
            if skipping == nil && isJapanese(character) {
                run.append(character)
            } else {
                flushRun()
                out.append(character)
            }
            index = html.index(after: index)
        }
        flushRun()
        return out
    }

    private static let skippedElements: Set<String> = ["svg", "math", "title", "script", "style", "textarea"]

    /// The lower-cased element name of a tag, and what kind of tag it is.
    private static func describe(_ tag: Substring) -> (name: String, closing: Bool, selfClosing: Bool, hasLang: Bool) {
        var body = tag.dropFirst().dropLast()
        let closing = body.first == "/"
        if closing { body = body.dropFirst() }
        let name = body.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == ":" }.lowercased()
        let selfClosing = body.last == "/" || body.first == "!" || body.first == "?"
        return (name, closing, selfClosing, body.contains(" lang="))
    }

    /// Hiragana, katakana, CJK ideographs, CJK symbols and punctuation
    /// (、。「」), the katakana middle dot and prolonged sound mark, and
    /// full-width forms.
    static func isJapanese(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3000...0x303F, 0x3040...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
