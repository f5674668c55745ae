import Yams

/// Turns a run cell body (YAML) into located `CellParameter`s.
///
/// Uses `Yams.compose`, which keeps a `Mark` on every node, rather than
/// `Yams.load`, which would lose positions and order.
struct ParameterReader {
    let positions: YAMLPositions
    var diagnostics: [Diagnostic] = []

    init(positions: YAMLPositions) {
        self.positions = positions
    }

    /// Parameters of `body`; empty (with a diagnostic) if it is not a YAML mapping.
    mutating func read(_ body: String, what: String = "run cell body") -> [CellParameter] {
        switch positions.readMapping(body, what: what, shape: "of 'key: value' lines",
                                     hint: "write one parameter per line, e.g. 'epochs: 10'") {
        case .refused(let problem): diagnostics.append(problem); return []
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
