import Yams

extension YAMLPositions {
    /// What reading a YAML text as a mapping gave: the mapping (nil for an
    /// empty text or comments only), or the one problem that stopped it.
    enum MappingRead {
        case mapping(Node.Mapping?)
        case refused(Diagnostic)
    }

    /// The one way the workbook reads YAML (front matter, run cell bodies,
    /// `//|` options of Swift cells, `workbook.yml`): anchors and aliases
    /// refused first (`YAMLAliasCheck`), then Yams composes the text, and a
    /// syntax error or a top level that is not a mapping becomes a located
    /// diagnostic. `what` names the text in messages; `shape` and `hint` say
    /// what a mapping of it looks like.
    func readMapping(_ yaml: String, what: String, shape: String, hint: String? = nil) -> MappingRead {
        read(yaml, what: what, shape: shape, hint: hint).read
    }

    /// `readMapping`, and when a YAML error stopped the text, the top-level
    /// pairs written on the lines before the error (nil when there are none, or
    /// the top level is not a mapping). A run cell takes its `label` from them,
    /// so a YAML mistake in a labelled cell is one error, not also one at every
    /// `@reference` to the cell; a label written after the error is not known.
    ///
    /// The pairs are the mapping of the lines before the line the error points
    /// at; when those lines are not YAML on their own (the error closes a
    /// construct opened earlier, such as `[` or `"`), the lines before the line
    /// where that construct starts. At most two more readings, each of a prefix.
    func readMappingAndPairsBeforeError(_ yaml: String, what: String, shape: String,
                                         hint: String? = nil) -> (read: MappingRead, pairsBeforeError: Node.Mapping?) {
        let (read, stops) = read(yaml, what: what, shape: shape, hint: hint)
        for line in stops {
            if let pairs = mapping(ofLinesBefore: line) { return (read, pairs) }
        }
        return (read, nil)
    }

    /// The reading, and for a YAML error the lines (1-based, in the YAML text)
    /// before which the text still held: where the error points, then where the
    /// construct it was reading started.
    private func read(_ yaml: String, what: String, shape: String, hint: String?) -> (read: MappingRead, stops: [Int]) {
        if let refused = anchorDiagnostic(in: yaml, what: what) {
            return (.refused(refused), [yamlLine(of: refused)])
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            let problem = diagnostic(for: error, what: what)
            var stops = [yamlLine(of: problem)]
            if let started = Self.contextLine(of: error), started < stops[0] { stops.append(started) }
            return (.refused(problem), stops)
        }
        guard let node else { return (.mapping(nil), []) }
        guard case .mapping(let mapping) = node else {
            return (.refused(.error("\(what) must be a mapping \(shape)", at: location(node.mark), hint: hint)), [])
        }
        return (.mapping(mapping), [])
    }

    /// The YAML line a diagnostic of this text points at.
    private func yamlLine(of diagnostic: Diagnostic) -> Int { diagnostic.location.line - firstLine + 1 }

    /// Where the construct a syntax error was found in starts ("while parsing a flow sequence").
    private static func contextLine(of error: any Error) -> Int? {
        switch error as? YamlError {
        case let .scanner(context, _, _, _)?, let .parser(context, _, _, _)?, let .composer(context, _, _, _)?:
            context?.mark.line
        default:
            nil
        }
    }

    /// The lines before YAML line `line`, if they are a mapping on their own.
    private func mapping(ofLinesBefore line: Int) -> Node.Mapping? {
        guard line > 1 else { return nil }
        let prefix = lines.prefix(line - 1).joined(separator: "\n")
        guard case .mapping(let mapping)? = try? Yams.compose(yaml: prefix) else { return nil }
        return mapping
    }
}
