/// A strict check of an SVG figure read back from the cell cache, before it
/// is pasted into a page.
///
/// A fresh figure comes from SVGPlot and is safe by construction; a cached one
/// is a file anybody with write access to `output/.cache` could have edited,
/// and the page inlines it. So the cache is trusted only with SVG made of
/// known drawing elements and attributes: no `<script>`, `<foreignObject>`,
/// `<a>`, animation or HTML elements (which would leave the SVG in an HTML
/// page), no `on…` attributes, no links except `#id` and PNG `data:` images,
/// no CSS `url(…)`/`@import`, no comments, CDATA or processing instructions,
/// every attribute value quoted. Anything else makes the entry a cache miss,
/// and the cell runs again. (Caching the plot data instead of SVG would need
/// every directive to change; checking keeps the cache format and costs one
/// linear scan.)
enum CachedSVGCheck {
    static let allowedElements: Set<String> = [
        "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "title",
        "desc", "defs", "clipPath", "style", "image", "linearGradient", "radialGradient", "stop", "mask", "pattern",
        "marker", "symbol", "use",
    ]

    static func isSafe(_ svg: String) -> Bool {
        let s = Array(svg.utf8)
        var i = 0
        func skipSpace() { while i < s.count, s[i] == 32 || s[i] == 9 || s[i] == 10 || s[i] == 13 { i += 1 } }
        skipSpace()
        guard s.count - i >= 5, String(decoding: s[i..<i + 4], as: UTF8.self) == "<svg" else { return false }
        var openElements: [String] = []
        while i < s.count {
            guard s[i] == UInt8(ascii: "<") else {
                // Text: only between tags; entities are harmless here.
                if openElements.isEmpty, !(s[i] == 32 || s[i] == 9 || s[i] == 10 || s[i] == 13) { return false }
                i += 1
                continue
            }
            i += 1
            guard i < s.count else { return false }
            let closing = s[i] == UInt8(ascii: "/")
            if closing { i += 1 }
            let nameStart = i
            while i < s.count, isNameByte(s[i]) { i += 1 }
            let name = String(decoding: s[nameStart..<i], as: UTF8.self)
            guard !name.isEmpty, allowedElements.contains(name) else { return false }  // also refuses <!-- and <?
            if closing {
                skipSpace()
                guard i < s.count, s[i] == UInt8(ascii: ">"), openElements.last == name else { return false }
                openElements.removeLast()
                i += 1
                continue
            }
            // Attributes: name="value" or name='value', separated by whitespace.
            var selfClosing = false
            while true {
                let before = i
                skipSpace()
                guard i < s.count else { return false }
                if s[i] == UInt8(ascii: ">") { i += 1; break }
                if s[i] == UInt8(ascii: "/") {
                    guard i + 1 < s.count, s[i + 1] == UInt8(ascii: ">") else { return false }
                    i += 2
                    selfClosing = true
                    break
                }
                guard i > before else { return false }  // attributes must be separated by whitespace
                let attributeStart = i
                while i < s.count, isNameByte(s[i]) { i += 1 }
                let attribute = String(decoding: s[attributeStart..<i], as: UTF8.self).lowercased()
                guard !attribute.isEmpty, !attribute.hasPrefix("on"), i + 1 < s.count, s[i] == UInt8(ascii: "=") else { return false }
                i += 1
                let quote = s[i]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return false }
                i += 1
                let valueStart = i
                while i < s.count, s[i] != quote { i += 1 }
                guard i < s.count else { return false }
                let value = String(decoding: s[valueStart..<i], as: UTF8.self)
                i += 1
                guard isSafeValue(value, attribute: attribute) else { return false }
            }
            if name == "style", !selfClosing {
                // CSS text up to </style>; no markup inside it.
                let contentStart = i
                while i < s.count, s[i] != UInt8(ascii: "<") { i += 1 }
                guard isSafeCSS(String(decoding: s[contentStart..<i], as: UTF8.self)) else { return false }
                guard i + 8 <= s.count, String(decoding: s[i..<i + 8], as: UTF8.self) == "</style>" else { return false }
                i += 8
                continue
            }
            if !selfClosing { openElements.append(name) }
        }
        return openElements.isEmpty
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 45 || b == 58 || b == 95
    }

    private static func isSafeValue(_ value: String, attribute: String) -> Bool {
        // Character references could spell `javascript:` in a way a plain search misses.
        if value.contains("<") || value.contains("&#") { return false }
        if attribute == "href" || attribute == "xlink:href" || attribute == "src" {
            return value.hasPrefix("#") || (value.hasPrefix("data:image/png;base64,") && !value.contains("&"))
        }
        return isSafeCSS(value)  // `style`, and `fill="url(…)"` and the like
    }

    private static func isSafeCSS(_ css: String) -> Bool {
        let folded = String(css.lowercased().unicodeScalars.filter { $0.value > 32 })
        if folded.contains("@import") || folded.contains("expression(") || folded.contains("javascript")
            || folded.contains("behavior") || folded.contains("\\") {
            return false
        }
        var rest = Substring(folded)
        while let range = rest.range(of: "url(") {
            guard rest[range.upperBound...].hasPrefix("#") else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
