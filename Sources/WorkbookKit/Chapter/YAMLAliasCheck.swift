import CYaml

/// Refuses YAML anchors and aliases before Yams composes a document.
///
/// Yams resolves an alias to the node it names while composing, so the
/// composed tree never contains `.alias` and a 300-byte "billion laughs"
/// (nine aliases of nine aliases of …) becomes a tree of billions of nodes
/// once anything walks it (17 s and 1.25 GB for one level, past 120 s at
/// 8.6 GB for the next). Run cells, front matter and `workbook.yml` have no
/// use for anchors, so libyaml's event stream is scanned first — linear in
/// the text, no node built — and the first anchor or alias is an error at
/// its place. Parse errors are left for `Yams.compose` to report.
enum YAMLAliasCheck {
    /// The first anchor (`&name`) or alias (`*name`) in `yaml`, as a
    /// 1-based line and 1-based Unicode-scalar column (Yams' `Mark` convention).
    static func firstAnchorOrAlias(in yaml: String) -> (line: Int, column: Int, isAlias: Bool)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> (line: Int, column: Int, isAlias: Bool)? in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let mark = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    return (mark.line, mark.column, true)
                case YAML_SCALAR_EVENT where event.data.scalar.anchor != nil,
                     YAML_SEQUENCE_START_EVENT where event.data.sequence_start.anchor != nil,
                     YAML_MAPPING_START_EVENT where event.data.mapping_start.anchor != nil:
                    return (mark.line, mark.column, false)
                default:
                    continue
                }
            }
            return nil  // a syntax error: Yams reports it
        }
    }
}
