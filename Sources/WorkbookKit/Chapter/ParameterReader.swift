import Yams

/// Turns a run cell body, or a Swift cell's `//|` options (YAML), into
/// located `CellParameter`s.
///
/// Uses `Yams.compose`, which keeps a `Mark` on every node, rather than
/// `Yams.load`, which would lose positions and order.
struct ParameterReader {
    let positions: YAMLPositions
    var diagnostics: [Diagnostic] = []
    /// When a YAML error stopped the text: the top-level pairs written before
    /// the error (`YAMLPositions.readMappingAndPairsBeforeError`). They are not
    /// parameters (the cell does not run); its label is read from them.
    var pairsBeforeError: [CellParameter] = []
    /// Where the problem that stopped the text points, if one did.
    var stoppedAt: SourceLocation?

    init(positions: YAMLPositions) {
        self.positions = positions
    }

    /// Parameters of `body`; empty (with a diagnostic) if it is not a YAML mapping.
    mutating func read(_ body: String, what: String = "run cell body",
                       hint: String = "write one parameter per line, e.g. 'epochs: 10'") -> [CellParameter] {
        let (read, before) = positions.readMappingAndPairsBeforeError(body, what: what, shape: "of 'key: value' lines", hint: hint)
        switch read {
        case .refused(let problem):
            diagnostics.append(problem)
            stoppedAt = problem.location
            // Read quietly: a problem inside them is reported when the error is fixed.
            var quiet = ParameterReader(positions: positions)
            pairsBeforeError = before.map { quiet.parameters($0) } ?? []
            return []
        case .mapping(nil): return []  // empty or comments only
        case .mapping(let mapping?): return parameters(mapping)
        }
    }

    private mutating func parameters(_ mapping: Node.Mapping) -> [CellParameter] {
        var result: [CellParameter] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                diagnostics.append(.error("parameter names must be plain words", at: positions.location(key.mark)))
                continue
            }
            result.append(CellParameter(
                key: scalar.string, keyLocation: positions.location(key.mark), value: self.value(value)))
        }
        return result
    }

    private mutating func value(_ node: Node) -> ParameterValue {
        let location = positions.location(node.mark)
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain || scalar.style == .any, node.null != nil {
                return .null(location)
            }
            return .scalar(scalar.string, location, quoted: !(scalar.style == .plain || scalar.style == .any))
        case .sequence(let sequence):
            return .list(sequence.map { value($0) }, location)
        case .mapping(let mapping):
            return .mapping(parameters(mapping), location)
        case .alias:
            // Not produced by Yams.compose (it resolves aliases); refused before composing.
            diagnostics.append(.error("YAML anchors and aliases are not supported in run cell body", at: location))
            return .null(location)
        }
    }
}
