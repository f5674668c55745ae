import Foundation

/// The Swift compiler that compiles a chapter's Swift cells: the one of the
/// toolchain that built the tool, because the `.swiftmodule` files of
/// DeepLearning and SVGPlot can only be read by the compiler that wrote them.
///
/// Looked for in this order: `WORKBOOK_SWIFTC` (an explicit override); the
/// `bin/swiftc` of the toolchain whose runtime (`libswiftCore.so`) the running
/// tool is linked with; `swiftc` in `PATH`.
public struct SwiftToolchain: Sendable, Equatable {
    public var swiftc: String

    public init(swiftc: String) {
        self.swiftc = swiftc
    }

    /// Why no compiler was found, naming every place that was tried.
    public struct Missing: Error, Sendable, Equatable, CustomStringConvertible {
        public var lookedFor: [String]
        public var description: String {
            "no Swift compiler found to compile Swift cells; looked for " + lookedFor.joined(separator: "; ")
        }
    }

    public static let overrideVariable = "WORKBOOK_SWIFTC"

    /// Finds the compiler. `runtimeLibrary` is the path of the loaded
    /// `libswiftCore`, if known; `isExecutable` is injectable for tests.
    public static func locate(
        environment: [String: String], runtimeLibrary: String?,
        isExecutable: (String) -> Bool = { FileManager.default.isExecutableFile(atPath: $0) }
    ) -> Result<SwiftToolchain, Missing> {
        var looked: [String] = []
        if let override = environment[overrideVariable], !override.isEmpty {
            if isExecutable(override) { return .success(SwiftToolchain(swiftc: override)) }
            return .failure(Missing(lookedFor: ["\(overrideVariable)=\(override) (not an executable file)"]))
        }
        looked.append("\(overrideVariable) (not set)")
        if let runtimeLibrary {
            // <toolchain>/usr/lib/swift/linux/libswiftCore.so → <toolchain>/usr/bin/swiftc
            let bin = URL(fileURLWithPath: runtimeLibrary).deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("bin/swiftc").path
            if isExecutable(bin) { return .success(SwiftToolchain(swiftc: bin)) }
            looked.append("\(bin) (beside the Swift runtime the tool runs on, \(runtimeLibrary))")
        } else {
            looked.append("the toolchain of the Swift runtime the tool runs on (not found in /proc/self/maps)")
        }
        let path = environment["PATH"] ?? ""
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/swiftc"
            if isExecutable(candidate) { return .success(SwiftToolchain(swiftc: candidate)) }
        }
        looked.append("swiftc in PATH (\(path.isEmpty ? "empty" : path))")
        return .failure(Missing(lookedFor: looked))
    }

    /// The compiler for this process: its environment and its loaded runtime.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<SwiftToolchain, Missing> {
        locate(environment: environment, runtimeLibrary: loadedRuntimeLibrary())
    }

    /// The path of the `libswiftCore` mapped into this process (Linux: from /proc/self/maps).
    static func loadedRuntimeLibrary() -> String? {
        // /proc files report size 0, so read until end of file rather than by size.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/maps"),
              let data = try? handle.readToEnd(), let maps = String(data: data, encoding: .utf8) else { return nil }
        for line in maps.split(separator: "\n") where line.hasSuffix("/libswiftCore.so") {
            if let slash = line.firstIndex(of: "/") { return String(line[slash...]) }
        }
        return nil
    }
}
