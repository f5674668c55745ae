import ArgumentParser
import Foundation
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
        // The output folder is written and stale figures in it are removed: never `/`,
        // a system folder, the home folder, or a folder holding the chapters.
        if let reason = OutputFolderCheck.refusal(output: output, chapters: chapters) {
            throw ValidationError(reason)
        }
        // A --data folder that does not exist is a mistake, not a reason to fall back to another data set.
        if let data {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: data, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--data '\(data)' is not a folder; give the folder that holds the MNIST-format files")
            }
        }
    }

    /// Build options with these locations filled in.
    var buildOptions: BuildOptions {
        var options = BuildOptions()
        options.chapters = chapters
        options.output = output
        // Relative to the working directory, like every path on the command line.
        options.data = data.map { $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 }
        if let jobs { options.jobs = jobs }
        // The one place the environment's compute overrides are read (docs/deeplearning.md).
        options.compute = .resolved(environment: ProcessInfo.processInfo.environment)
        return options
    }
}
