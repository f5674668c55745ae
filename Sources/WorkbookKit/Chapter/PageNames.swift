/// The page name of each chapter (`slug` + `.html`, and the folder of its
/// figures), made safe and unique once, when the chapters are loaded.
///
/// A chapter's file name is the reader's to choose, and a page name is used
/// unencoded in every link, so it keeps only characters that mean the same in
/// a file name and in a URL path: letters and digits of any script, `-`, `_`,
/// `.` and `~`. Anything else (a space, `#`, `?`, `%`, a quote) becomes `-`:
/// `#x.md` linked to `#x.html`, which a browser reads as an anchor. A name the
/// build writes itself (`index`, `directives`, `timings`), or one that another
/// chapter already has (compared without case, since macOS and Windows do), gets
/// a suffix and a warning, instead of one page silently replacing the other.
enum PageNames {
    /// Names of files the build writes next to the chapter pages (without extension).
    static let reserved: Set<String> = ["index", "directives", "timings"]

    /// `name` with each character that is not safe in a URL path made `-`; `chapter` if nothing is left.
    static func safe(_ name: String) -> String {
        var out = ""
        for ch in name {
            out.append(ch.isLetter || ch.isNumber || "-_.~".contains(ch) ? ch : "-")
        }
        // A leading `.` would make a hidden file, which `serve` does not serve.
        while out.hasPrefix(".") { out = "-" + out.dropFirst() }
        return out.isEmpty ? "chapter" : out
    }

    /// Gives every chapter a safe slug no other chapter and no generated file has.
    static func assign(_ chapters: inout [Chapter]) {
        var taken = Set(reserved)
        for i in chapters.indices {
            let wanted = chapters[i].slug
            let base = safe(wanted)
            var slug = base
            var n = 1
            while taken.contains(slug.lowercased()) {
                n += 1
                slug = "\(base)-\(n)"
            }
            taken.insert(slug.lowercased())
            guard slug != wanted else { continue }
            chapters[i].slug = slug
            let why = base != wanted
                ? "characters that do not belong in a link were replaced by '-'"
                : reserved.contains(base.lowercased()) ? "'\(base)' is a name the build uses for its own files"
                : "another chapter already has the page '\(base).html'"
            chapters[i].diagnostics.insert(.warning(
                "this chapter's page is '\(slug).html': \(why)",
                at: SourceLocation(file: chapters[i].path, line: 1, column: 1),
                hint: "rename the file to choose its page name"), at: 0)
        }
    }
}
