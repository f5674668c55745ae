import ArgumentParser
import WorkbookKit

struct Directives: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every directive with its parameters, defaults and an example."
    )

    @Argument(help: "Show only this directive.")
    var name: String?

    func run() throws {
        let registry = DirectiveRegistry.standard
        if let name, registry.directive(named: name) == nil {
            throw ValidationError("unknown directive '\(name)'; known: \(registry.names.joined(separator: ", "))")
        }
        print(DirectiveReference.text(registry, only: name), terminator: "")
    }
}
