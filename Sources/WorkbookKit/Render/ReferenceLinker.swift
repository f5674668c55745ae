/// Turns `@label` in rendered prose into links. Works on cmark's HTML: text
/// inside tags, `<code>` and `<pre>` is left alone, and an `@` preceded by a
/// letter or digit (an e-mail address) is not a reference.
enum ReferenceLinker {
    static func substitute(in html: String, _ link: (String) -> String) -> String {
        guard html.contains("@") else { return html }
        let chars = Array(html)
        var out = ""
        var i = 0
        var codeDepth = 0
        while i < chars.count {
            let c = chars[i]
            if c == "<" {
                var j = i
                while j < chars.count, chars[j] != ">" { j += 1 }
                let tag = String(chars[i...min(j, chars.count - 1)])
                if tag.hasPrefix("<code") || tag.hasPrefix("<pre") { codeDepth += 1 }
                if tag.hasPrefix("</code") || tag.hasPrefix("</pre") { codeDepth = max(0, codeDepth - 1) }
                out += tag
                i = j + 1
                continue
            }
            if c == "@", codeDepth == 0, i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isLetter,
               i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber) {
                var j = i + 1
                while j < chars.count, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber || chars[j] == "-" || chars[j] == "_" { j += 1 }
                // A trailing '-' or '_' belongs to the sentence, not the label.
                while j > i + 2, chars[j - 1] == "-" || chars[j - 1] == "_" { j -= 1 }
                out += link(String(chars[(i + 1)..<j]))
                i = j
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }
}
