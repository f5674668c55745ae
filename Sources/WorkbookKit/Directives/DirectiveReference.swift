import Foundation

/// The plain-text reference printed by `workbook directives`, derived from the
/// declarations (the HTML reference page comes from the same declarations).
public enum DirectiveReference {
    public static func text(_ registry: DirectiveRegistry, only: String? = nil) -> String {
        var out = ""
        if only == nil {
            out += "A run cell is a fenced block with the info string 'run NAME' and a YAML body.\n"
            out += "Every directive also takes: " + ParameterSpec.common.map(\.name).joined(separator: ", ") + ".\n\n"
        }
        for directive in registry.directives where only == nil || directive.name == only {
            out += "\(directive.name) — \(directive.summary)\n"
            let specs = only == nil ? directive.parameters : directive.allParameters
            let width = (specs.map(\.name.count).max() ?? 0) + 2
            for spec in specs {
                let name = spec.name.padding(toLength: width, withPad: " ", startingAt: 0)
                let value = spec.defaultValue.map { "default \($0.isEmpty ? "\"\"" : $0)" } ?? (spec.isOptional ? "optional" : "required")
                out += "  \(name)\(spec.accepts); \(value)\n"
                out += "  \(String(repeating: " ", count: width))\(spec.doc)\n"
            }
            out += "  example:\n    ```run \(directive.name)\n"
            for line in directive.example.split(separator: "\n", omittingEmptySubsequences: false) {
                out += "    \(line)\n"
            }
            out += "    ```\n\n"
        }
        return out
    }
}
