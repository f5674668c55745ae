/// The JSON record written beside each page (`output/NN-slug.json`): every
/// cell's directive, parameters, status, values at full precision, tables,
/// figure files and error — so results can be diffed and tested.
///
/// Wall-clock time is not in it (it would make two builds differ); it is in
/// `output/timings.json`.
enum ChapterRecord {
    static func json(chapter: Chapter, results: [CellResult], figureFiles: [String: [String]]) -> JSONValue {
        .object([
            ("chapter", .string(chapter.path)),
            ("title", .string(chapter.title)),
            ("cells", .array(results.map { cell($0, figureFiles: figureFiles[$0.label] ?? []) })),
        ])
    }

    private static func cell(_ result: CellResult, figureFiles: [String]) -> JSONValue {
        var values: [(String, JSONValue)] = []
        var tables: [JSONValue] = []
        for output in result.outputs {
            switch output {
            case .value(let key, let name, let value, _):
                values.append((key, .object([("name", .string(name)), ("value", .number(value))])))
            case .numbers(let key, let name, let numbers):
                values.append((key, .object([("name", .string(name)), ("value", .array(numbers.map(JSONValue.number)))])))
            case .table(let table):
                tables.append(.object([
                    ("name", .string(table.name)),
                    ("columns", .array(table.columns.map(JSONValue.string))),
                    ("rows", .array(table.rows.map { row in
                        .array(row.map { cell in
                            switch cell {
                            case .number(let d): return .number(d)
                            case .text(let s): return .string(s)
                            }
                        })
                    })),
                ]))
            case .figure, .note, .code:
                break
            }
        }
        let parameters: [(String, JSONValue)] = result.cell.parameters.map { ($0.key, yaml($0.value)) }
        let error: JSONValue = result.diagnostics.first(where: { $0.severity == .error }).map { d in
            .object([("message", .string(d.message)), ("line", .integer(d.location.line)), ("column", .integer(d.location.column))])
        } ?? .null
        return .object([
            ("label", .string(result.label)),
            ("directive", .string(result.cell.directive)),
            ("line", .integer(result.cell.location.line)),
            ("status", .string(result.status.rawValue)),
            ("parameters", .object(parameters)),
            ("values", .object(values)),
            ("tables", .array(tables)),
            ("figures", .array(figureFiles.map(JSONValue.string))),
            ("error", error),
        ])
    }

    /// Parameters as written (text), so the record shows what the reader typed.
    private static func yaml(_ value: ParameterValue) -> JSONValue {
        switch value {
        case .scalar(let text, _, _): return .string(text)
        case .list(let items, _): return .array(items.map(yaml))
        case .mapping(let members, _): return .object(members.map { ($0.key, yaml($0.value)) })
        case .null: return .null
        }
    }
}
