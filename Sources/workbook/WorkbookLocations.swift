import ArgumentParser
import WorkbookKit

/// The options `build` and `serve` share: where the workbook is, where pages
/// go, which data, and how many cells at once.
struct WorkbookLocations: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder of chapters (NN-name.md files).", valueName: "dir"))
    var chapters = "chapters"

    @Option(name: .long, help: ArgumentHelp("The folder to write pages into.", valueName: "dir"))
    var output = "output"

    @Option(name: .long, help: ArgumentHelp("An MNIST-format data folder (overrides workbook.yml).", valueName: "dir"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("How many cells may run at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// Build options with these locations filled in.
    var buildOptions: BuildOptions {
        var options = BuildOptions()
        options.chapters = chapters
        options.output = output
        options.data = data
        if let jobs { options.jobs = jobs }
        return options
    }
}
