import ArgumentParser
import WorkbookKit

@main
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
