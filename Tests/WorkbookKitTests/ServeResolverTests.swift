import Foundation
import Testing
@testable import WorkbookKit

/// A small output folder: index.html, a page, a figure folder, a dotfile
/// folder, and a file outside the folder that symbolic links try to reach.
private func makeOutput() throws -> (root: URL, output: URL) {
    let root = try makeTemporaryDirectory()
    let output = root.appendingPathComponent("output")
    let fm = FileManager.default
    try fm.createDirectory(at: output.appendingPathComponent("01-a"), withIntermediateDirectories: true)
    try fm.createDirectory(at: output.appendingPathComponent(".cache"), withIntermediateDirectories: true)
    try fm.createDirectory(at: output.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try fm.createDirectory(at: output.appendingPathComponent("empty"), withIntermediateDirectories: true)
    try Data("index".utf8).write(to: output.appendingPathComponent("index.html"))
    try Data("page".utf8).write(to: output.appendingPathComponent("01-a.html"))
    try Data("svg".utf8).write(to: output.appendingPathComponent("01-a/loss.svg"))
    try Data("sub".utf8).write(to: output.appendingPathComponent("sub/index.html"))
    try Data("cached".utf8).write(to: output.appendingPathComponent(".cache/x.json"))
    try Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
    try fm.createSymbolicLink(atPath: output.appendingPathComponent("escape.txt").path,
                              withDestinationPath: root.appendingPathComponent("secret.txt").path)
    try fm.createSymbolicLink(atPath: output.appendingPathComponent("escape-dir").path, withDestinationPath: root.path)
    try fm.createSymbolicLink(atPath: output.appendingPathComponent("alias.html").path, withDestinationPath: "01-a.html")
    try fm.createSymbolicLink(atPath: output.appendingPathComponent("hidden.json").path, withDestinationPath: ".cache/x.json")
    return (root, output)
}

@Test func resolverServesFilesAndIndexPages() throws {
    let (root, output) = try makeOutput()
    defer { try? FileManager.default.removeItem(at: root) }
    let resolver = StaticFileResolver(root: output)
    func name(_ target: String) -> String? {
        resolver.resolve(target).map { String($0.path.dropFirst(StaticFileResolver.realPath(output.path)!.count)) }
    }
    #expect(name("/") == "/index.html")
    #expect(name("/index.html") == "/index.html")
    #expect(name("/01-a.html") == "/01-a.html")
    #expect(name("/01-a.html?x=1#top") == "/01-a.html")
    #expect(name("/01-a/loss.svg") == "/01-a/loss.svg")
    #expect(name("/01%2Da.html") == "/01-a.html")
    #expect(name("//01-a.html") == "/01-a.html")
    #expect(name("/sub") == "/sub/index.html")
    #expect(name("/sub/") == "/sub/index.html")
    #expect(name("/alias.html") == "/01-a.html")     // a link that stays inside is fine
    #expect(name("/empty/") == nil)                  // a directory without index.html
    #expect(name("/missing.html") == nil)
}

@Test(arguments: [
    "/../secret.txt", "/01-a/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt",
    "/%2e%2e%2fsecret.txt", "/01-a/%2e%2e/%2e%2e/secret.txt", "/./index.html", "/%2e/index.html",
    "/.cache/x.json", "/%2ecache/x.json", "/01-a/.hidden", "../secret.txt", "secret.txt", "",
    "http://example.com/index.html", "/..\\secret.txt", "/%00index.html", "/C:/secret.txt", "/%zz",
    "/escape.txt", "/escape-dir/secret.txt", "/hidden.json",
])
func resolverRejectsEscapes(target: String) throws {
    let (root, output) = try makeOutput()
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(StaticFileResolver(root: output).resolve(target) == nil)
}

@Test func resolverSegmentsArePure() {
    #expect(StaticFileResolver.segments(of: "/") == [])
    #expect(StaticFileResolver.segments(of: "/a/b%20c.html") == ["a", "b c.html"])
    #expect(StaticFileResolver.segments(of: "/a/../b") == nil)
    #expect(StaticFileResolver.segments(of: "/%2e%2e") == nil)
    #expect(StaticFileResolver.segments(of: "/a%2fb") == nil)
}

@Test func contentTypes() {
    #expect(StaticFileResolver.contentType(for: "/x/index.html") == "text/html; charset=utf-8")
    #expect(StaticFileResolver.contentType(for: "style.css") == "text/css; charset=utf-8")
    #expect(StaticFileResolver.contentType(for: "a/loss.svg") == "image/svg+xml")
    #expect(StaticFileResolver.contentType(for: "01-a.json") == "application/json")
    #expect(StaticFileResolver.contentType(for: "f.PNG") == "image/png")
    #expect(StaticFileResolver.contentType(for: "blob") == "application/octet-stream")
}

@Test func liveReloadScriptGoesBeforeTheLastBodyTag() {
    let page = Data("<html><body><p>x</p></body></html>".utf8)
    let text = String(decoding: LiveReload.inject(into: page, version: 7), as: UTF8.self)
    #expect(text.hasPrefix("<html><body><p>x</p><script>"))
    #expect(text.hasSuffix("</script>\n</body></html>"))
    #expect(text.contains(LiveReload.versionPath))
    #expect(text.contains("seen = \"7\""))
    let bare = String(decoding: LiveReload.inject(into: Data("<p>no body</p>".utf8), version: 1), as: UTF8.self)
    #expect(bare.hasPrefix("<p>no body</p><script>"))
}
