import Foundation
@testable import WorkbookKit

/// A fresh temporary folder for one test, removed by the caller with `defer`.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Copies a fixture folder (from the test bundle) into `destination`.
func copyFixture(_ name: String, to destination: URL) throws {
    let source = Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name)
    for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
        try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: destination.appendingPathComponent(item))
    }
}

/// The plan and run steps for `chapters` (no cache): what a build would show on their pages.
func planAndRun(_ chapters: [Chapter], context: RunContext) -> (plans: [CellPlan], results: [CellResult]) {
    let plans = CellPlanner(registry: .standard, data: context.data).plan(chapters)
    return (plans, RunStep(cache: nil, readCache: false, context: context, jobs: 1).run(plans).map(\.result))
}

/// The wide drawing of an SVGPlot figure: what precedes its narrow layout (a
/// figure wider than a phone's column carries both; see SVGPlot's `NarrowLayout`).
func wideDrawing(_ svg: String) -> String {
    svg.components(separatedBy: "<svg class=\"wbp-narrow\"")[0]
}

/// Writes `files` (name → text) into `root/chapters` and returns options that
/// build them into `root/output`.
func workbookOptions(in root: URL, chapters files: [String: String]) throws -> BuildOptions {
    let chapters = root.appendingPathComponent("chapters")
    try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
    for (name, text) in files {
        try text.write(to: chapters.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    var options = BuildOptions()
    options.chapters = chapters.path
    options.output = root.appendingPathComponent("output").path
    return options
}
