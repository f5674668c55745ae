import ArgumentParser
import Foundation
import WorkbookKit

@main
enum Entry {
    /// Runs the command line, with the exit codes of the README: bad usage is 2
    /// (swift-argument-parser's default would be 64), a failed cell 1.
    static func main() {
        do {
            var command = try Workbook.parseAsRoot()
            try command.run()
        } catch {
            if Workbook.exitCode(for: error).rawValue == ExitCode.validationFailure.rawValue {
                FileHandle.standardError.write(Data((ControlCharacters.visible(Workbook.fullMessage(for: error)) + "\n").utf8))
                exit(2)
            }
            Workbook.exit(withError: error)
        }
    }
}

struct Workbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbook",
        abstract: "Turn Markdown chapters with run cells into a static HTML workbook.",
        discussion: """
            A chapter is a Markdown file in chapters/ (01-name.md, 02-name.md, …). Fenced \
            blocks whose info string is 'run DIRECTIVE' are run cells: their YAML body names \
            the parameters of an experiment, which Workbook runs and shows as values, tables \
            and SVG plots. Start with 'workbook build', then open output/index.html.

            Exit status: 0 when every cell ran, 1 when a cell failed (pages are still \
            written), 2 for bad usage.
            """,
        subcommands: [Build.self, Directives.self, Serve.self],
        defaultSubcommand: nil
    )
}
