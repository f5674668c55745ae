import Foundation

/// Which folders `--output` may not be: the build writes pages there and
/// removes stale figures, so `/`, a system folder, the home folder, the
/// chapters folder or any folder holding the chapters (`.`, the workbook
/// folder) would be overwritten or emptied. Paths are compared after
/// resolving symlinks, so a link to `/` is refused like `/` itself.
public enum OutputFolderCheck {
    /// Folders refused themselves (their subfolders are fine, e.g. `/tmp/site`).
    static let refusedExactly: Set<String> = [
        "/", "/home", "/Users", "/var", "/opt", "/srv", "/tmp", "/mnt", "/media", "/private", "/private/tmp",
        "/private/var", "/Volumes", "/root",
    ]
    /// Folders refused with everything inside them.
    static let refusedWithContents = [
        "/usr", "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/boot", "/dev", "/proc", "/sys",
        "/run", "/System", "/Library", "/Applications", "/private/etc", "/var/lib", "/var/log", "/var/cache",
    ]

    /// Why `output` must not be written, or nil if it may.
    public static func refusal(output: String, chapters: String, home: String? = ProcessInfo.processInfo.environment["HOME"]) -> String? {
        let target = canonical(output)
        let chaptersFolder = canonical(chapters)
        if refusedExactly.contains(target) || refusedWithContents.contains(where: { target == $0 || target.hasPrefix($0 + "/") }) {
            return "refusing to write the output into '\(output)' (\(target)): it is a system folder; pass --output with a folder of its own, e.g. --output output"
        }
        if let home, !home.isEmpty, target == canonical(home) {
            return "refusing to write the output into '\(output)': it is your home folder; pass --output with a folder of its own, e.g. --output output"
        }
        if target == chaptersFolder {
            return "refusing to write the output into '\(output)': it is the chapters folder; pass --output with another folder, e.g. --output output"
        }
        if chaptersFolder.hasPrefix(target == "/" ? "/" : target + "/") {
            return "refusing to write the output into '\(output)': it contains the chapters folder '\(chapters)'; pass --output with a folder of its own, e.g. --output output"
        }
        if target.hasPrefix(chaptersFolder + "/") {
            return "refusing to write the output into '\(output)': it is inside the chapters folder '\(chapters)'; pass --output with a folder outside it"
        }
        return nil
    }

    /// `path` absolute, with `.`/`..` and symlinks resolved as far as it exists.
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = (absolute as NSString).standardizingPath
        var rest: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                let joined = ([base == "/" ? "" : base] + rest.reversed()).joined(separator: "/")
                return joined.isEmpty ? "/" : joined
            }
            let parent = (existing as NSString).deletingLastPathComponent
            if parent == existing || parent.isEmpty { return existing }
            rest.append((existing as NSString).lastPathComponent)
            existing = parent
        }
    }
}
