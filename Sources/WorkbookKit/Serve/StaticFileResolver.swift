import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps a request path to a file inside the output folder, or to nothing.
///
/// The rules, in order: the raw (still percent-encoded) request path must
/// start with `/`; the query and fragment are dropped; every segment is
/// percent-decoded exactly once; a segment that is empty is skipped (`//`),
/// but one that is `.`, `..`, starts with a dot (`.cache`, `.index.html.tmp`),
/// or contains `/`, `\` or NUL after decoding rejects the whole request. The
/// file found on disk must, after resolving symbolic links, still lie inside
/// the (resolved) output folder. `/` and directories map to their `index.html`.
public struct StaticFileResolver: Sendable {
    public var root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// The decoded path segments of a request target, or nil when the target
    /// is unsafe. Pure: it does not look at the disk.
    public static func segments(of target: String) -> [String]? {
        var path = Substring(target)
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        guard path.hasPrefix("/") else { return nil }
        var result: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = String(raw).removingPercentEncoding else { return nil }
            if segment.isEmpty || segment.hasPrefix(".") { return nil }
            if segment.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" }) { return nil }
            // Windows drive letters and other colon tricks have no business in a page name.
            if segment.contains(":") { return nil }
            result.append(segment)
        }
        return result
    }

    /// The file to serve for a request target, or nil (→ 404).
    public func resolve(_ target: String) -> URL? {
        guard let segments = Self.segments(of: target) else { return nil }
        var url = root
        for segment in segments { url.appendPathComponent(segment) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            url.appendPathComponent("index.html")
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        }
        // Symbolic links may point anywhere: compare real paths.
        guard let realRoot = Self.realPath(root.path), let realFile = Self.realPath(url.path) else { return nil }
        let prefix = realRoot.hasSuffix("/") ? realRoot : realRoot + "/"
        guard realFile.hasPrefix(prefix) else { return nil }
        // A link whose target is a dotfile inside the folder (…→ .cache/x) is refused too.
        let inside = realFile.dropFirst(prefix.count).split(separator: "/")
        guard !inside.contains(where: { $0.hasPrefix(".") }) else { return nil }
        return URL(fileURLWithPath: realFile)
    }

    /// The `Content-Type` for a file name.
    public static func contentType(for path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "json": "application/json"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "txt", "md": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
