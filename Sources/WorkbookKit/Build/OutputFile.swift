import Foundation

/// A file of the output folder as the render step made it: a path relative
/// to the output folder and its bytes. Only the commit step writes these.
struct OutputFile: Sendable, Equatable {
    var path: String
    var contents: Data

    init(_ path: String, _ text: String) {
        self.path = path
        self.contents = Data(text.utf8)
    }
}

/// Everything the render step made for one build.
struct RenderedBuild: Sendable {
    /// In the order they are written: stylesheet, index, reference, then each
    /// chapter's figures, page and record, then the timings.
    var files: [OutputFile]
    /// Folders whose figures are all in `files`: any other `.svg` in them is
    /// stale (a cell removed or relabelled) and is removed.
    var figureFolders: [String]
}
