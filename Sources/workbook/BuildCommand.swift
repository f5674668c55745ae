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

    @Option(name: .long, help: ArgumentHelp("Build only the edition with this language code (see 'editions:' in workbook.yml).", valueName: "lang"))
    var edition: String?

    func run() throws {
        var options = locations.buildOptions
        options.useCache = !noCache
        options.only = only
        let terminal = Terminal()
        let builder = EditionBuilder(options: options, only: edition, log: terminal.log(quiet: quiet))
        let reports: [EditionBuilder.Report]
        do {
            reports = try builder.build()
        } catch let error as BuildError {
            terminal.error("error: \(error.description)")
            throw ExitCode(2)
        }
        for entry in reports {
            terminal.summary(entry.report, output: entry.output)
        }
        if !EditionBuilder.Report.combined(reports).succeeded { throw ExitCode(1) }
    }
}
