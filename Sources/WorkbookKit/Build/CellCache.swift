import Foundation

/// Stores a cell's outputs under a key made from everything that can change
/// them: the directive, its normalized parameters, the data it reads and the
/// identity of the tool's build. A damaged or unreadable entry counts as a
/// miss — the cell runs again — never as an error.
///
/// The cache is not trusted further than it must be: an entry must be the
/// envelope this type wrote (format, its own key, at least one output), a
/// regular file under `maximumEntryBytes`, and every figure in it must pass
/// `CachedSVGCheck`; otherwise it is a miss. NaN and ±∞ are stored as the
/// strings "NaN", "Infinity" and "-Infinity", so such cells are cached too.
public struct CellCache: Sendable {
    public var directory: URL
    /// Identifies the build of the tool: rebuilding the tool invalidates every entry.
    public var toolIdentity: String

    /// Bump when the stored format changes.
    static let formatVersion = "workbook-cache-3"
    /// Larger entries are not read (no cell writes one this big).
    static let maximumEntryBytes = 64 << 20

    /// What one entry file holds.
    struct Entry: Codable {
        var format: String
        var key: String
        var outputs: [CellOutput]
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }

    public init(directory: URL, toolIdentity: String) {
        self.directory = directory
        self.toolIdentity = toolIdentity
    }

    /// The key leaves out what only changes how a result is shown (caption,
    /// echo, label), so a cell computes once for every edition of a workbook
    /// and a new caption runs nothing.
    public func key(directive: String, arguments: CellArguments, inputs: String) -> String {
        var computed = arguments
        computed.values = arguments.values.filter { !CellCache.presentationParameters.contains($0.key) }
        return StableHash.of([CellCache.formatVersion, toolIdentity, directive, computed.canonical, inputs])
    }

    /// Parameters that are not part of the key.
    static let presentationParameters: Set<String> = ["caption", "echo", "label"]

    /// The parts of the cell with these arguments (see `CellParts`): their key is the
    /// cell's without `seed`, so one seed's result is found whatever the other seeds are.
    /// `reading: false` (`--no-cache`) finds none but still keeps new ones.
    func parts(directive: String, arguments: CellArguments, inputs: String, reading: Bool) -> CellParts {
        let base = partsBase(directive: directive, arguments: arguments, inputs: inputs)
        let cache = self
        return CellParts(load: { name in reading ? cache.loadPart(CellCache.partKey(base, name)) : nil }, recording: true)
    }

    /// The cache files for the parts recorded during a run of the cell with these arguments.
    func partEntries(_ parts: CellParts, directive: String, arguments: CellArguments, inputs: String) -> [CacheWrite] {
        let base = partsBase(directive: directive, arguments: arguments, inputs: inputs)
        return parts.recorded.compactMap { part in
            let key = CellCache.partKey(base, part.name)
            let entry = PartEntry(format: CellCache.formatVersion, key: key, bytes: part.data)
            return (try? JSONEncoder().encode(entry)).map { CacheWrite(file: "part-" + key + ".json", data: $0) }
        }
    }

    /// The cell's key without its seeds, which every part's key starts from.
    private func partsBase(directive: String, arguments: CellArguments, inputs: String) -> String {
        var withoutSeeds = arguments
        withoutSeeds.values["seed"] = nil
        return key(directive: directive, arguments: withoutSeeds, inputs: inputs)
    }

    private static func partKey(_ base: String, _ name: String) -> String { StableHash.of([base, "part", name]) }

    /// A part's file: the bytes the directive stored, under the key they belong to.
    private struct PartEntry: Codable {
        var format: String
        var key: String
        var bytes: Data
    }

    private func loadPart(_ key: String) -> Data? {
        let url = directory.appendingPathComponent("part-" + key + ".json")
        var info = stat()
        guard isUsableDirectory, lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              Int(info.st_size) <= CellCache.maximumEntryBytes,
              let data = try? Data(contentsOf: url),
              let entry = try? JSONDecoder().decode(PartEntry.self, from: data),
              entry.format == CellCache.formatVersion, entry.key == key else { return nil }
        return entry.bytes
    }

    public func load(_ key: String) -> [CellOutput]? {
        let url = directory.appendingPathComponent(key + ".json")
        var info = stat()
        guard isUsableDirectory, lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              Int(info.st_size) <= CellCache.maximumEntryBytes,
              let data = try? Data(contentsOf: url),
              let entry = try? CellCache.decoder().decode(Entry.self, from: data),
              entry.format == CellCache.formatVersion, entry.key == key, !entry.outputs.isEmpty else { return nil }
        for case .figure(let figure) in entry.outputs where !CachedSVGCheck.isSafe(figure.svg) { return nil }
        return entry.outputs
    }

    /// The entry file for `outputs` under `key`: the run step returns it and
    /// the commit step writes it (workers never write). Nil if it cannot be encoded.
    public func entry(_ outputs: [CellOutput], under key: String) -> CacheWrite? {
        let entry = Entry(format: CellCache.formatVersion, key: key, outputs: outputs)
        guard let data = try? CellCache.encoder().encode(entry) else { return nil }
        return CacheWrite(file: key + ".json", data: data)
    }

    /// The cache folder is read only if it is a real folder, not a link out of the output folder.
    private var isUsableDirectory: Bool {
        var info = stat()
        return lstat(directory.path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Why the cell at `place` (chapter path and label) ran, from what it last
    /// ran with: "lr changed", "tool rebuilt", "data changed". A query: what
    /// it ran with this time is `reasonRecord`, written by the commit step.
    public func reason(place: String, directive: String, arguments: CellArguments, inputs: String) -> String {
        let url = directory.appendingPathComponent(CellCache.reasonFile(place: place))
        guard isUsableDirectory, OutputWriter.isRegularFile(url.path),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "new cell" }
        let parts = text.components(separatedBy: "\u{1}")
        guard parts.count == 4, parts[0] == directive else { return "new cell" }
        let before = CellCache.lines(parts[3]), now = CellCache.lines(arguments.canonical)
        let changed = Set(before.keys).union(now.keys).filter { before[$0] != now[$0] }.sorted()
        if !changed.isEmpty { return changed.joined(separator: ", ") + " changed" }
        if parts[2] != inputs { return "data changed" }
        if parts[1] != toolIdentity { return "tool rebuilt" }
        return "no cache entry"
    }

    /// What the cell at `place` ran with, for `reason` next time.
    public func reasonRecord(place: String, directive: String, arguments: CellArguments, inputs: String) -> CacheWrite {
        CacheWrite(file: CellCache.reasonFile(place: place),
                   data: Data([directive, toolIdentity, inputs, arguments.canonical].joined(separator: "\u{1}").utf8))
    }

    private static func reasonFile(place: String) -> String { "last-" + StableHash.of([place]) + ".txt" }

    private static func lines(_ canonical: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in canonical.split(separator: "\n") {
            if let eq = line.firstIndex(of: "=") { result[String(line[..<eq])] = String(line[line.index(after: eq)...]) }
        }
        return result
    }

    /// The running executable's size and modification time: cheap, and changes
    /// whenever the tool is rebuilt.
    public static func currentToolIdentity() -> String {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? "workbook"
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path)|\(size)|\(modified)"
    }
}

/// A file of the cache folder that a run produced: an entry or a reason
/// record. Returned by the run step, written by the commit step.
public struct CacheWrite: Sendable, Equatable {
    /// The file's name in the cache folder.
    public var file: String
    public var data: Data
}
