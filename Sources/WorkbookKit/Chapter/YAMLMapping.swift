import Yams

extension YAMLPositions {
    /// What reading a YAML text as a mapping gave: the mapping (nil for an
    /// empty text or comments only), or the one problem that stopped it.
    enum MappingRead {
        case mapping(Node.Mapping?)
        case refused(Diagnostic)
    }

    /// The one way the workbook reads YAML (front matter, run cell bodies,
    /// `workbook.yml`): anchors and aliases refused first (`YAMLAliasCheck`),
    /// then Yams composes the text, and a syntax error or a top level that is
    /// not a mapping becomes a located diagnostic. `what` names the text in
    /// messages; `shape` and `hint` say what a mapping of it looks like.
    func readMapping(_ yaml: String, what: String, shape: String, hint: String? = nil) -> MappingRead {
        if let refused = anchorDiagnostic(in: yaml, what: what) { return .refused(refused) }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            return .refused(diagnostic(for: error, what: what))
        }
        guard let node else { return .mapping(nil) }
        guard case .mapping(let mapping) = node else {
            return .refused(.error("\(what) must be a mapping \(shape)", at: location(node.mark), hint: hint))
        }
        return .mapping(mapping)
    }
}
