import Foundation

/// How a Swift-cell program gets DeepLearning, SVGPlot and WorkbookCellSupport:
/// the objects the tool's own build compiled (so cells run exactly the code the
/// directives run) linked once into `libWorkbookCells.so`, cached in the tool's
/// build directory under a key of those objects' paths, sizes and times. Each
/// program then compiles only its own file against the `.swiftmodule`s in
/// `<build>/Modules` and links with `-lWorkbookCells` (see docs/swift-cells.md
/// for the measurements behind this choice).
public struct CellLibrary: Sendable, Equatable {
    /// The targets whose objects go into the library, in link order.
    public static let targets = ["WorkbookCellSupport", "SVGPlot", "DeepLearning", "CKernels"]
    public static let name = "WorkbookCells"

    /// The folder holding `libWorkbookCells.so` (and the module cache).
    public var directory: String
    /// Flags for `swiftc` that make the modules importable and the library linked.
    public var compilerFlags: [String]
    /// Changes whenever the tool's build of these targets changes.
    public var identity: String
    /// True when this call linked the library (its first use for this build).
    public var linkedNow: Bool

    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Where the running tool's build products are: the folder of its executable
    /// (`.build/debug` for `swift run`, the same for `swift test`'s test bundle).
    public static var toolBuildDirectory: String? {
        guard let executable = Bundle.main.executablePath else { return nil }
        return URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent().path
    }

    /// The objects of each target, as the build's own file maps list them
    /// (stale objects of deleted sources are not picked up).
    static func objects(buildDirectory: String, packageRoot: String) throws -> [String] {
        var result: [String] = []
        for target in targets {
            let targetBuild = buildDirectory + "/" + target + ".build"
            let map = targetBuild + "/output-file-map.json"
            var found: [String] = []
            if let data = FileManager.default.contents(atPath: map),
               let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                for (source, entry) in json where !source.isEmpty {
                    if let object = (entry as? [String: Any])?["object"] as? String { found.append(object) }
                }
            } else {
                // A C target: one `NAME.c.o` per `Sources/TARGET/NAME.c`.
                let sources = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Sources/" + target)) ?? []
                found = sources.filter { $0.hasSuffix(".c") }.map { targetBuild + "/" + $0 + ".o" }
            }
            let missing = found.filter { !FileManager.default.fileExists(atPath: $0) }
            if found.isEmpty || !missing.isEmpty {
                throw Problem(description: "the tool's build has no objects of \(target) (looked for \(missing.first ?? map)); build the tool again with `swift build`")
            }
            result += found.sorted()
        }
        return result
    }

    /// Folders whose `module.modulemap` describe the C modules DeepLearning imports.
    static func moduleMapDirectories(packageRoot: String) -> [String] {
        let sources = packageRoot + "/Sources"
        let targets = ((try? FileManager.default.contentsOfDirectory(atPath: sources)) ?? []).sorted()
        var result: [String] = []
        for target in targets {
            for candidate in [sources + "/" + target, sources + "/" + target + "/include"]
            where FileManager.default.fileExists(atPath: candidate + "/module.modulemap") {
                result.append(candidate)
            }
        }
        return result
    }

    /// The library for this build of the tool, linking it first if needed.
    public static func prepare(toolchain: SwiftToolchain, buildDirectory: String, packageRoot: String) throws -> CellLibrary {
        let objects = try objects(buildDirectory: buildDirectory, packageRoot: packageRoot)
        let stamp = objects.map { path -> String in
            let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(path)|\(size)|\(time)"
        }
        let identity = StableHash.of([toolchain.swiftc] + stamp)
        let directory = buildDirectory + "/workbook-cells/" + identity
        let library = directory + "/lib\(name).so"
        var linkedNow = false
        if !FileManager.default.fileExists(atPath: library) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            // Link to a private name, then rename: concurrent builds never see half a library.
            let temporary = directory + "/.lib\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).so"
            let result = try ToolRun.run(toolchain.swiftc, ["-emit-library", "-o", temporary] + objects)
            guard result.status == 0 else {
                try? FileManager.default.removeItem(atPath: temporary)
                throw Problem(description: "linking lib\(name).so failed:\n" + result.output)
            }
            if rename(temporary, library) != 0 {
                try? FileManager.default.removeItem(atPath: temporary)
            }
            linkedNow = true
        }
        var flags = ["-I", buildDirectory + "/Modules"]
        for mapDirectory in moduleMapDirectories(packageRoot: packageRoot) { flags += ["-I", mapDirectory] }
        flags += ["-L", directory, "-l\(name)", "-Xlinker", "-rpath", "-Xlinker", directory,
                  "-module-cache-path", directory + "/ModuleCache"]
        return CellLibrary(directory: directory, compilerFlags: flags, identity: identity, linkedNow: linkedNow)
    }
}
