import ArgumentParser
import Foundation
import WorkbookKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build every chapter into HTML pages, SVG figures and JSON records.",
        discussion: """
            Reads chapters/*.md (and chapters/workbook.yml), checks every run cell, runs \
            them (in parallel, through a cache under OUTPUT/.cache), and writes one page per \
            chapter, index.html, directives.html and style.css into the output folder. \
            Mistakes are reported as FILE:LINE:COLUMN: error: … and shown on the page.
            """
    )

    @OptionGroup var locations: WorkbookLocations

    @Flag(name: .long, help: "Run every cell again instead of reusing cached results.")
    var noCache = false

    @Option(name: .long, help: ArgumentHelp("Build only this chapter (file name or slug) or only the cell with this label.", valueName: "label-or-file"))
    var only: String?

    @Flag(name: .shortAndLong, help: "Print only diagnostics and the summary.")
    var quiet = false

    func run() throws {
        var options = locations.buildOptions
        options.useCache = !noCache
        options.only = only
        options.quiet = quiet
        let terminal = Terminal()
        let builder = WorkbookBuilder(options: options, log: terminal.log(quiet: quiet))
        let report: BuildReport
        do {
            report = try builder.build()
        } catch let error as BuildError {
            terminal.error("error: \(error.description)")
            throw ExitCode(2)
        }
        terminal.summary(report, output: locations.output)
        if !report.succeeded { throw ExitCode(1) }
    }
}
