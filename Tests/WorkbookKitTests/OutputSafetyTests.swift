import Foundation
import Testing
@testable import WorkbookKit

// Writes go only where they must: never into a system folder or over the
// chapters, never through a symbolic link out of the output folder; the cache
// is trusted only with entries of the right shape and safe SVG.

@Test func outputIntoSystemFoldersHomeOrTheChaptersIsRefused() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let chapters = root.appendingPathComponent("chapters")
    try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("to-root").path, withDestinationPath: "/")
    try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("to-etc").path, withDestinationPath: "/etc")
    let home = root.appendingPathComponent("home").path
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    let refused = ["/", "/usr", "/etc", "/etc/site", "/bin", "/var", "/home", "/tmp", "/usr/share/doc/x", home, chapters.path,
                   chapters.path + "/", chapters.path + "/out", root.path, root.path + "/.", root.path + "/chapters/..",
                   root.appendingPathComponent("to-root").path, root.appendingPathComponent("to-etc/sub").path]
    for output in refused {
        #expect(OutputFolderCheck.refusal(output: output, chapters: chapters.path, home: home) != nil, "\(output) was accepted")
    }
    for output in [root.appendingPathComponent("output").path, root.appendingPathComponent("site/deep").path, "/tmp/workbook-site-x"] {
        #expect(OutputFolderCheck.refusal(output: output, chapters: chapters.path, home: home) == nil, "\(output) was refused")
    }
}

@Test func noWriteOrDeletionFollowsASymlinkOutOfTheOutputFolder() throws {
    let root = try makeTemporaryDirectory()
    let outside = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root); try? FileManager.default.removeItem(at: outside) }
    let output = root.appendingPathComponent("output")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    try "keep".write(to: outside.appendingPathComponent("precious.svg"), atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("01-x").path, withDestinationPath: outside.path)
    try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("index.html").path,
                                               withDestinationPath: outside.appendingPathComponent("precious.svg").path)
    let writer = OutputWriter(directory: output)
    #expect(throws: BuildError.self) { try writer.write("<svg/>", to: "01-x/fig.svg") }
    #expect(throws: BuildError.self) { try writer.removeStale(in: "01-x", keeping: []) }
    try writer.write("page", to: "index.html")  // replaces the link, not its target
    #expect(try String(contentsOf: outside.appendingPathComponent("precious.svg"), encoding: .utf8) == "keep")
    #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "page")
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path) == ["precious.svg"])
}

private let figure = OutputFigure(
    name: "plot", svg: "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><title id=\"t\">A &amp; B</title><style>.a{fill:red}</style><g class=\"a\"><path d=\"M0 0L1 1\"/><image href=\"data:image/png;base64,AAAA\" style=\"image-rendering:pixelated\"/></g></svg>")

@Test func cacheRoundTripsNaNAndInfinityAndChecksTheEntry() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let cache = CellCache(directory: root.appendingPathComponent(".cache"), toolIdentity: "test")
    let outputs: [CellOutput] = [.value(key: "loss", name: "loss", value: .nan), .numbers(key: "v", name: "v", values: [.infinity, -.infinity, 1]), .figure(figure)]
    CommitStep.writeCache([try #require(cache.entry(outputs, under: "k1"))], to: cache.directory)
    let loaded = try #require(cache.load("k1"))
    guard case .value(_, _, let v, _) = loaded[0], case .numbers(_, _, let vs) = loaded[1] else { Issue.record("shape"); return }
    #expect(v.isNaN)
    #expect(vs == [.infinity, -.infinity, 1])
    #expect(loaded[2] == outputs[2])
    // Under another key the same file is not this entry.
    try FileManager.default.copyItem(at: root.appendingPathComponent(".cache/k1.json"), to: root.appendingPathComponent(".cache/k2.json"))
    #expect(cache.load("k2") == nil)
}

@Test func cacheEntriesOfTheWrongShapeAreMisses() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let directory = root.appendingPathComponent(".cache")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let cache = CellCache(directory: directory, toolIdentity: "test")
    for (i, text) in ["[]", "{}", "null", "{\"format\":\"workbook-cache-3\",\"key\":\"k0\",\"outputs\":[]}", "garbage"].enumerated() {
        let key = "k\(i)"
        try text.replacingOccurrences(of: "k0", with: key).write(to: directory.appendingPathComponent(key + ".json"), atomically: true, encoding: .utf8)
        #expect(cache.load(key) == nil, "\(text)")
    }
    #expect(mkfifo(directory.appendingPathComponent("fifo.json").path, 0o644) == 0)
    #expect(cache.load("fifo") == nil)  // not opened: it would block
}

@Test func cachedSVGWithCodeIsAMiss() throws {
    #expect(CachedSVGCheck.isSafe(figure.svg))
    let planted = [
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=\"alert(1)\"></svg>",
        "<svg><g onclick='x()'></g></svg>",
        "<svg><a href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<svg><image href=\"javascript:alert(1)\"/></svg>",
        "<svg><image href=\"http://evil.example/x.png\"/></svg>",
        "<svg><foreignObject><div>x</div></foreignObject></svg>",
        "<svg><style>@import url(http://evil.example/x.css);</style></svg>",
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
        "<svg><!-- --!><img src=x onerror=alert(1)> --></svg>",
        "<svg><g/onload=alert(1)></g></svg>",
        "<svg><path d=x fill=\"url(http://evil.example/#a)\"/></svg>",
        "<svg><animate attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>",
        "<svg></svg><script>alert(1)</script>",
        "<svg><p>html</p></svg>",
        "<svg><image href=\"&#106;avascript:alert(1)\"/></svg>",
        "<svg>",
        "<img src=x onerror=alert(1)>",
    ]
    for svg in planted {
        #expect(!CachedSVGCheck.isSafe(svg), "\(svg)")
    }
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let cache = CellCache(directory: root.appendingPathComponent(".cache"), toolIdentity: "test")
    CommitStep.writeCache([try #require(cache.entry([.figure(OutputFigure(name: "p", svg: planted[1]))], under: "bad"))],
                          to: cache.directory)
    #expect(cache.load("bad") == nil)
}

@Test func jsonRecordSpellsNaNAndInfinity() {
    let json = JSONValue.array([.number(.nan), .number(.infinity), .number(-.infinity), .number(0.5)]).render()
    #expect(json == "[\n  \"NaN\",\n  \"Infinity\",\n  \"-Infinity\",\n  0.5\n]\n")
}

@Test func everySVGPlotGoldenFigurePassesTheCacheCheck() throws {
    // Tests/SVGPlotTests/Golden, two folders above this file: what SVGPlot really draws.
    let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SVGPlotTests/Golden")
    let names = try FileManager.default.contentsOfDirectory(atPath: golden.path).filter { $0.hasSuffix(".svg") }
    #expect(names.count >= 10)
    for name in names {
        let svg = try String(contentsOf: golden.appendingPathComponent(name), encoding: .utf8)
        #expect(CachedSVGCheck.isSafe(svg), "\(name) would never be read back from the cache")
    }
}
