import Foundation
import Testing
@testable import WorkbookKit
#if canImport(Glibc)
import Glibc
#endif

/// One HTTP/1.1 request over a plain socket, so the request target is sent
/// exactly as written (URL loaders would normalise `/../` away).
/// Run on a thread of its own: a blocking `recv` on the test's (cooperative)
/// thread could leave the in-process server no thread to answer on, on a
/// 2-core machine with two such tests at once.
func fetch(port: UInt16, _ target: String) async throws -> (status: Int, headers: String, body: String) {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try blockingFetch(port: port, target) }) }.start()
    }
}

private func blockingFetch(port: UInt16, _ target: String) throws -> (status: Int, headers: String, body: String) {
    #if canImport(Glibc)
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
    let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw BuildError("socket() failed") }
    defer { close(fd) }
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw BuildError("connect() failed") }
    let request = Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
    _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n <= 0 { break }
        received += buffer[0..<n]
    }
    let text = String(decoding: received, as: UTF8.self)
    guard let split = text.range(of: "\r\n\r\n") else { throw BuildError("no HTTP response: \(text)") }
    let head = String(text[..<split.lowerBound])
    let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
    return (status, head, String(text[split.upperBound...]))
}

private let chapterText = """
    ---
    title: T
    ---

    # A

    Hello first.

    ```run loss
    y: [0.5, 0.5]
    t: 1
    ```

    """

@Test(.timeLimit(.minutes(1)))
func serverServesRebuildsAndRefusesTraversal() async throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let chapters = root.appendingPathComponent("chapters")
    try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
    let chapter = chapters.appendingPathComponent("01-t.md")
    try Data(chapterText.utf8).write(to: chapter)
    // A file next to the output folder that traversal would reach.
    try Data("let secret = 1\n".utf8).write(to: root.appendingPathComponent("Package.swift"))

    var build = BuildOptions()
    build.chapters = chapters.path
    build.output = root.appendingPathComponent("output").path
    build.jobs = 1
    var options = ServeOptions(build: build)
    options.port = 0
    let events = LineCollector()
    let server = PreviewServer(options: options, log: .silent) { event in
        switch event {
        case .rebuilding: events.add(info: "rebuilding")
        case .built(let report, let version): events.add(info: "built \(version) failed=\(report.failed)")
        case .buildFailed(let message): events.add(info: "failed \(message)")
        }
    }
    let port = try await server.start()
    #expect(port != 0)
    // start() returns once listening; the first build finishes in the background.
    for _ in 0..<600 where server.version < 1 { try await Task.sleep(nanoseconds: 50_000_000) }
    #expect(server.version == 1)

    let first = try await fetch(port: port, "/01-t.html")
    #expect(first.status == 200)
    #expect(first.headers.lowercased().contains("content-type: text/html"))
    #expect(first.headers.lowercased().contains("cache-control: no-store"))
    #expect(first.body.contains("Hello first"))
    #expect(first.body.contains(LiveReload.versionPath))
    #expect(try await fetch(port: port, LiveReload.versionPath).body == "1")
    #expect(try await fetch(port: port, "/").body.contains("<script>"))
    #expect(try await fetch(port: port, "/style.css").headers.lowercased().contains("content-type: text/css"))
    // The file on disk stays script-free.
    let onDisk = try String(contentsOf: root.appendingPathComponent("output/01-t.html"), encoding: .utf8)
    #expect(!onDisk.contains(LiveReload.versionPath))

    // Edit the chapter; the page comes back with the new text (bounded wait).
    try Data(chapterText.replacingOccurrences(of: "Hello first.", with: "Hello second.").utf8).write(to: chapter)
    var updated = ""
    for _ in 0..<100 {
        try await Task.sleep(nanoseconds: 100_000_000)
        updated = try await fetch(port: port, "/01-t.html").body
        if updated.contains("Hello second") { break }
    }
    #expect(updated.contains("Hello second"))
    #expect(!updated.contains("Hello first"))
    // The page is written before the build finishes and the number moves on.
    for _ in 0..<100 where server.version < 2 { try await Task.sleep(nanoseconds: 50_000_000) }
    #expect(server.version >= 2)
    #expect(try await fetch(port: port, LiveReload.versionPath).body == "\(server.version)")

    for target in ["/../Package.swift", "/%2e%2e/Package.swift", "/%2E%2E%2FPackage.swift", "/.cache", "/missing.html"] {
        let response = try await fetch(port: port, target)
        #expect(response.status == 404, "\(target)")
        #expect(!response.body.contains("secret"), "\(target)")
    }

    await server.stop()
    #expect(events.infos.first == "built 1 failed=0")
    #expect(events.infos.contains("rebuilding"))
}

@Test(.timeLimit(.minutes(1)))
func aBuildThatThrowsKeepsTheLastOutput() async throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let chapters = root.appendingPathComponent("chapters")
    try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
    try Data(chapterText.utf8).write(to: chapters.appendingPathComponent("01-t.md"))
    var build = BuildOptions()
    build.chapters = chapters.path
    build.output = root.appendingPathComponent("output").path
    build.jobs = 1
    var options = ServeOptions(build: build)
    options.port = 0
    let events = LineCollector()
    let server = PreviewServer(options: options, log: .silent) { event in
        if case .buildFailed(let message) = event { events.add(diagnostic: message) }
    }
    let port = try await server.start()
    for _ in 0..<600 where server.version < 1 { try await Task.sleep(nanoseconds: 50_000_000) }
    try FileManager.default.removeItem(at: chapters)
    for _ in 0..<100 where events.diagnostics.isEmpty {
        try await Task.sleep(nanoseconds: 100_000_000)
    }
    #expect(events.diagnostics.first?.contains("no chapters folder") == true)
    #expect(try await fetch(port: port, "/01-t.html").body.contains("Hello first"))
    await server.stop()
}
