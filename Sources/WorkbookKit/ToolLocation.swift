import Foundation

/// Where the tool's own checkout is: the folder holding `Package.swift` above
/// the running executable (`.build/debug/workbook` → the package root). The
/// shipped data sample and the `source` directive's `Sources/` are found
/// there, so a reader can build a workbook kept anywhere else.
public enum ToolLocation {
    public static let packageRoot: String? = {
        guard let executable = Bundle.main.executablePath else { return nil }
        var url = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path),
               FileManager.default.fileExists(atPath: url.appendingPathComponent("Sources/DeepLearning").path) {
                return url.path
            }
            url.deleteLastPathComponent()
        }
        return nil
    }()

    /// The package root if found, else the working directory.
    public static var rootOrWorkingDirectory: String {
        packageRoot ?? FileManager.default.currentDirectoryPath
    }
}
