/// The parameter or directive the writer probably meant ("did you mean 'lr'?"):
/// the closest by edit distance, or else a known name the word starts with
/// ('lrate' → 'lr', 'steps_count' → 'steps').
func closestMatch(to word: String, among candidates: [String]) -> String? {
    if let close = EditDistance.closest(to: word, among: candidates) { return close }
    return candidates.filter { $0.count >= 2 && word.lowercased().hasPrefix($0.lowercased()) }.max { $0.count < $1.count }
}
