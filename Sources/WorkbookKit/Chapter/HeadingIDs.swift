/// Gives headings `id`s that are readable in URLs (`#mean-squared-error`)
/// and unique within one page, GitHub style: repeats get `-1`, `-2`, ….
struct HeadingIDs {
    private var used: Set<String> = []
    /// The last suffix given to each base, so the search for a free one resumes
    /// there: searching from 1 each time made 20 000 equal headings take minutes.
    private var lastSuffix: [String: Int] = [:]

    mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var n = lastSuffix[base] ?? 0
        while used.contains(candidate) {
            n += 1
            candidate = "\(base)-\(n)"
        }
        lastSuffix[base] = n
        used.insert(candidate)
        return candidate
    }

    /// Lowercase letters and digits; spaces, `-` and `_` become single `-`;
    /// other characters are dropped. `"section"` if nothing is left.
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                if pendingDash, !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(ch)
            } else if ch == " " || ch == "-" || ch == "_" || ch == "\t" {
                pendingDash = true
            }
        }
        return out.isEmpty ? "section" : out
    }
}
