import Foundation
import FlyingFox
import FlyingSocks

/// What `workbook serve` was asked to do.
public struct ServeOptions: Sendable {
    public var build: BuildOptions
    /// The address to listen on; loopback unless asked otherwise.
    public var host: String = "127.0.0.1"
    /// 0 picks a free port.
    public var port: UInt16 = 8000
    /// How often the watched files are checked (seconds).
    public var pollInterval: Double = 0.3
    /// How long the files must stay unchanged before a rebuild starts (seconds).
    public var quietPeriod: Double = 0.2

    public init(build: BuildOptions = BuildOptions()) {
        self.build = build
    }

    /// What the server watches (see ``ChangeWatcher/paths(for:)``).
    public var watchedPaths: [String] { ChangeWatcher.paths(for: build) }
}

/// What happened to a build started by the server; the command line prints it.
public enum ServeEvent: Sendable {
    /// A watched file changed and a rebuild starts.
    case rebuilding
    /// A build finished (possibly with errors on the pages); `version` is the new build number.
    case built(BuildReport, version: Int)
    /// A build threw before writing pages; the last output is still served.
    case buildFailed(String)
}

/// Builds the workbook, serves the output folder over HTTP with live reload
/// and live progress, and rebuilds when the chapters change. `start()`
/// listens first and returns the port; the first build runs meanwhile, so
/// a page can be opened at once and shows the build's progress (see
/// ``LiveProgress``).
public actor PreviewServer {
    public nonisolated let options: ServeOptions
    private let log: BuildLog
    private let onEvent: @Sendable (ServeEvent) -> Void
    private let counter = VersionCounter()
    /// The running build's cells and progress, for `/__workbook/progress`.
    public nonisolated let board: BuildProgressBoard
    private let buildQueue = DispatchQueue(label: "workbook.serve.build")
    private var http: HTTPServer?
    private var serverTask: Task<Void, Never>?
    private var watchTask: Task<Void, Never>?

    public init(options: ServeOptions, log: BuildLog, onEvent: @escaping @Sendable (ServeEvent) -> Void = { _ in }) {
        self.options = options
        self.log = log
        self.onEvent = onEvent
        board = BuildProgressBoard(servedFolder: options.build.output)
    }

    /// The number of builds that finished (0 before the first). Pages reload when it changes.
    public nonisolated var version: Int { counter.value }

    /// Starts listening, then builds once and watches (in the background).
    /// Returns the port it listens on; ``version`` is 1 when the first build is done.
    public func start() async throws -> UInt16 {
        precondition(http == nil, "PreviewServer started twice")
        // Snapshot before the first build, so an edit made during it is not missed.
        let watcher = ChangeWatcher(paths: options.watchedPaths)
        // Counted as building from here on: until the first build is done, pages
        // that do not exist yet are answered with the waiting page.
        board.setBuilding(true)

        let handler = PreviewHandler(
            resolver: StaticFileResolver(root: URL(fileURLWithPath: options.build.output, isDirectory: true)),
            counter: counter, board: board)
        let server: HTTPServer
        if options.host.contains(":") {
            server = HTTPServer(address: try sockaddr_in6.inet6(ip6: options.host, port: options.port),
                               timeout: 30, logger: .disabled, handler: handler)
        } else {
            server = HTTPServer(address: try sockaddr_in.inet(ip4: options.host, port: options.port),
                                timeout: 30, logger: .disabled, handler: handler)
        }
        let failure = ErrorBox()
        serverTask = Task {
            do { try await server.run() } catch { failure.error = error }
        }
        http = server
        // Wait until listening, or until run() failed (port in use…).
        var port: UInt16?
        for _ in 0..<1000 {
            switch await server.listeningAddress {
            case .ip4(_, let p)?, .ip6(_, let p)?: port = p
            default: break
            }
            if port != nil { break }
            if let error = failure.error {
                http = nil
                throw error
            }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        guard let port else {
            await stop()
            throw BuildError("the server did not start listening on \(options.host):\(options.port)")
        }
        watchTask = Task { [weak self] in
            await self?.runBuild()
            await self?.watch(watcher)
        }
        return port
    }

    /// Stops watching and serving. A build in progress finishes in the background.
    public func stop() async {
        watchTask?.cancel()
        watchTask = nil
        if let http { await http.stop(timeout: 1) }
        http = nil
        serverTask?.cancel()
        await serverTask?.value
        serverTask = nil
    }

    /// Polls the watched files; rebuilds after a quiet period; one build at a time.
    private func watch(_ initial: ChangeWatcher) async {
        var watcher = initial
        var scheduler = RebuildScheduler(quietPeriod: options.quietPeriod)
        let tick = max(0.01, min(0.1, options.pollInterval))
        var lastScan = Self.seconds()
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: UInt64(tick * 1e9))
            if Task.isCancelled { break }
            let now = Self.seconds()
            if now - lastScan >= options.pollInterval - tick / 2 {
                lastScan = now
                if watcher.poll() { scheduler.changeObserved(at: now) }
            }
            if scheduler.shouldStartBuild(at: now) {
                onEvent(.rebuilding)
                // Awaited here, so builds never overlap; changes made meanwhile
                // show up in the next poll as one pending rebuild.
                await runBuild()
                scheduler.buildFinished()
            }
        }
    }

    /// Cells estimated to take longer than this (seconds) wait for a second
    /// build, so the first one shows every other cell at once.
    static let deferredCellSeconds = 5.0

    /// Builds in two passes when some cells are slow: first without the
    /// uncached cells estimated to take longer than ``deferredCellSeconds``
    /// (open pages reload and show the rest of their chapter, with a note
    /// where the slow cell goes), then everything (the other cells now come
    /// from the cache; the running cells' progress is drawn into that place).
    private func runBuild() async {
        // Without the cache the second pass would run every cell again: one pass.
        guard options.build.useCache else { await build(options.build); return }
        var quick = options.build
        quick.deferCellsLongerThan = Self.deferredCellSeconds
        guard case .success(let report) = await build(quick), report.skipped > 0 else { return }
        await build(options.build)
    }

    /// Runs the builder on its own thread (it blocks; the cooperative pool
    /// keeps serving), its events shown on the board as well as logged, then
    /// bumps the version so that open pages reload.
    @discardableResult
    private func build(_ buildOptions: BuildOptions) async -> Result<BuildReport, any Error> {
        let (log, board) = (self.log, self.board)
        board.setBuilding(true)
        let builder = EditionBuilder(options: buildOptions, log: BuildLog { event in
            board.record(event)
            log.emit(event)
        })
        let queue = buildQueue
        let outcome: Result<BuildReport, any Error> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Result { EditionBuilder.Report.combined(try builder.build()) }) }
        }
        board.setBuilding(false)
        switch outcome {
        case .success(let report):
            onEvent(.built(report, version: counter.increment()))
        case .failure(let error):
            onEvent(.buildFailed((error as? BuildError)?.description ?? "\(error)"))
        }
        return outcome
    }

    static func seconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}

/// Answers requests: the version and progress endpoints, else a file of the
/// output folder (with the live-reload and live-progress scripts in HTML),
/// else — while a build runs — the waiting page for an HTML page not built
/// yet, else 404.
struct PreviewHandler: HTTPHandler {
    let resolver: StaticFileResolver
    let counter: VersionCounter
    let board: BuildProgressBoard

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.response(.methodNotAllowed, type: "text/plain; charset=utf-8", body: Data("method not allowed\n".utf8),
                                 head: false)
        }
        let head = request.method == .HEAD
        let target = request.target.path(percentEncoded: true)
        if target == LiveReload.versionPath {
            return Self.response(.ok, type: "text/plain; charset=utf-8", body: Data("\(counter.value)".utf8), head: head)
        }
        if target == LiveProgress.progressPath {
            return Self.response(.ok, type: "application/json", body: board.json(), head: head)
        }
        // Read the version before the file: if a build finishes in between,
        // the page is newer than its number and reloads once more, harmlessly.
        let version = counter.value
        guard let file = resolver.resolve(target), var body = try? Data(contentsOf: file) else {
            if board.isBuilding && Self.namesPage(target) {
                let page = LiveProgress.inject(into: LiveReload.inject(into: LiveProgress.waitingPage(), version: version))
                return Self.response(.ok, type: "text/html; charset=utf-8", body: page, head: head)
            }
            return Self.response(.notFound, type: "text/html; charset=utf-8",
                                 body: Data("<!doctype html><title>Not found</title><p>Not found.</p>\n".utf8), head: head)
        }
        let type = StaticFileResolver.contentType(for: file.path)
        if type.hasPrefix("text/html") { body = LiveProgress.inject(into: LiveReload.inject(into: body, version: version)) }
        return Self.response(.ok, type: type, body: body, head: head)
    }

    /// A page's address (`/`, `/ja/`, `/07-learning-algorithm.html`) that may not be built yet,
    /// without `..` (the resolver refuses those; so does the waiting page).
    static func namesPage(_ target: String) -> Bool {
        let path = target.removingPercentEncoding ?? target
        return (path.hasSuffix("/") || path.hasSuffix(".html")) && !path.split(separator: "/").contains("..")
    }

    static func response(_ status: HTTPStatusCode, type: String, body: Data, head: Bool) -> HTTPResponse {
        HTTPResponse(statusCode: status,
                     headers: [.contentType: type, .cacheControl: "no-store"],
                     body: head ? Data() : body)
    }
}

/// The build number, read by request handlers without hopping onto the actor.
final class VersionCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    var value: Int { lock.withLock { current } }
    func increment() -> Int { lock.withLock { current += 1; return current } }
}

private final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    var error: (any Error)? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
