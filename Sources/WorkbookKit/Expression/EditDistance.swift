/// "Did you mean …?" suggestions, shared by the expression language and
/// the TeX renderer, so a typo such as `sigmod` or `\farc` gets a useful hint.
enum EditDistance {
    /// Optimal-string-alignment distance (Levenshtein plus adjacent
    /// transposition), so `tahn` is one edit away from `tanh`.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    /// The closest candidate, if it is close enough to be a plausible typo:
    /// at most two edits, and fewer edits than the word has characters
    /// (otherwise `x` would "mean" every one-letter name). Ties go to a
    /// candidate of the same length, then to the earlier one.
    static func closest(to word: String, among candidates: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = distance(word, candidate)
            guard distance <= 2, distance < word.count else { continue }
            // Equal distance: prefer the same length, so `tahn` means `tanh`, not `tan`.
            if let current = best, distance > current.distance
                || (distance == current.distance && !(candidate.count == word.count && current.name.count != word.count)) {
                continue
            }
            best = (candidate, distance)
        }
        return best?.name
    }
}
