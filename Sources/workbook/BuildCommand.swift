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

    @Option(name: .long, help: ArgumentHelp("The folder of chapters (NN-name.md files).", valueName: "dir"))
    var chapters = "chapters"

    @Option(name: .long, help: ArgumentHelp("The folder to write pages into.", valueName: "dir"))
    var output = "output"

    @Option(name: .long, help: ArgumentHelp("An MNIST-format data folder (overrides workbook.yml).", valueName: "dir"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("How many cells may run at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Flag(name: .long, help: "Run every cell again instead of reusing cached results.")
    var noCache = false

    @Option(name: .long, help: ArgumentHelp("Build only this chapter (file name or slug) or only the cell with this label.", valueName: "label-or-file"))
    var only: String?

    @Flag(name: .shortAndLong, help: "Print only diagnostics and the summary.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var options = BuildOptions()
        options.chapters = chapters
        options.output = output
        options.data = data
        if let jobs { options.jobs = jobs }
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
        terminal.summary(report, output: output)
        if !report.succeeded { throw ExitCode(1) }
    }
}
