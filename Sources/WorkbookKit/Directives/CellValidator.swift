import Foundation

/// Checks one run cell against its directive's declaration, before anything
/// runs: the directive exists, every key is known, every value has the
/// declared kind, required keys are present, and the directive's own
/// cross-parameter checks pass. All problems are reported, not just the first.
public struct CellValidator: Sendable {
    public var registry: DirectiveRegistry

    public init(registry: DirectiveRegistry) {
        self.registry = registry
    }

    public enum Outcome: Sendable {
        case valid(Directive, CellArguments)
        case invalid([Diagnostic])
    }

    public func validate(_ cell: RunCell) -> Outcome {
        guard let directive = registry.directive(named: cell.directive) else {
            let hint = closestMatch(to: cell.directive, among: registry.names).map { "did you mean '\($0)'?" }
                ?? "run 'workbook directives' to list them"
            return .invalid([Diagnostic.error("unknown directive '\(cell.directive)'",
                    at: cell.directiveLocation, hint: hint,
                                        length: max(1, cell.directive.count))])
        }
        var diagnostics: [Diagnostic] = []
        var arguments = CellArguments()
        let specs = directive.allParameters
        for parameter in cell.parameters {
            guard let spec = specs.first(where: { $0.name == parameter.key }) else {
                let hint = closestMatch(to: parameter.key, among: specs.map(\.name)).map { "did you mean '\($0)'?" }
                    ?? "'\(directive.name)' takes \(specs.map(\.name).joined(separator: ", "))"
                diagnostics.append(Diagnostic.error("unknown parameter '\(parameter.key)'",
                    at: parameter.keyLocation, hint: hint,
                                              length: max(1, parameter.key.count)))
                continue
            }
            do {
                let value = try ArgumentReader(name: spec.name, kind: spec.kind, limits: spec.limits).read(parameter.value)
                arguments.values[spec.name] = value
                arguments.locations[spec.name] = parameter.value.location
            } catch {
                diagnostics.append(error)
            }
        }
        for spec in specs where arguments.values[spec.name] == nil {
            if cell.parameters.contains(where: { $0.key == spec.name }) { continue }  // given but invalid
            if spec.isOptional { continue }
            guard let text = spec.defaultValue else {
                diagnostics.append(Diagnostic.error("missing parameter '\(spec.name)' (\(spec.kind.description))",
                    at: cell.directiveLocation,
                                              hint: "add a line '\(spec.name): …' — \(spec.doc)", length: max(1, cell.directive.count)))
                continue
            }
            arguments.values[spec.name] = ArgumentReader.defaultValue(text, kind: spec.kind)
        }
        if diagnostics.isEmpty {
            for problem in directive.check(arguments) {
                let location = problem.parameter.flatMap { arguments.locations[$0.text] } ?? cell.directiveLocation
                diagnostics.append(Diagnostic.error(problem.message, at: location,
                                              hint: problem.hint, length: 1))
            }
        }
        return diagnostics.isEmpty ? .valid(directive, arguments)
            : .invalid(DiagnosticLimit.capped(diagnostics, limit: DiagnosticLimit.perCell, what: "in this cell"))
    }
}

extension ArgumentReader {
    /// Reads a declared default. Defaults are written by us, so a bad one is a
    /// programming error, caught by the registry test that reads them all.
    static func defaultValue(_ text: String, kind: ParameterKind) -> ArgumentValue {
        let location = SourceLocation(file: "<default>", line: 1, column: 1)
        let value = DefaultValueParser.parse(text, at: location)
        do {
            return try ArgumentReader(name: "default", kind: kind).read(value)
        } catch {
            preconditionFailure("bad default '\(text)' for \(kind.description): \(error.message)")
        }
    }
}

/// Parses the flow-style YAML we write for defaults (`0`, `[mse, cross-entropy]`,
/// `[-2, 2]`) without going through Yams, since defaults have no source file.
enum DefaultValueParser {
    static func parse(_ text: String, at location: SourceLocation) -> ParameterValue {
        var chars = Substring(text)
        return parseValue(&chars, location)
    }

    private static func parseValue(_ s: inout Substring, _ location: SourceLocation) -> ParameterValue {
        s = s.drop(while: { $0 == " " })
        if s.first == "[" {
            s.removeFirst()
            var items: [ParameterValue] = []
            while true {
                s = s.drop(while: { $0 == " " })
                if s.first == "]" { s.removeFirst(); break }
                if s.isEmpty { break }
                items.append(parseValue(&s, location))
                s = s.drop(while: { $0 == " " })
                if s.first == "," { s.removeFirst() }
            }
            return .list(items, location)
        }
        let word = s.prefix(while: { $0 != "," && $0 != "]" })
        s = s.dropFirst(word.count)
        return .scalar(word.trimmingCharacters(in: .whitespaces), location, quoted: false)
    }
}
