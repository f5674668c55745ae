import Foundation

/// What `workbook serve` shows of a build while it runs, so that an open page
/// never waits blindly: the board collects the build's events (which cells
/// run, their progress, how many are done), the server answers
/// `/__workbook/progress` with it as JSON, and the script it adds to every
/// HTML response (built pages on disk stay script-free) draws a progress bar
/// with the directive's status and the time left into each running cell's
/// element on the page, and lists every running cell in a small bar at the
/// bottom of the window.
public enum LiveProgress {
    public static let progressPath = "/__workbook/progress"

    /// How often the script asks for the progress (milliseconds).
    static let pollMilliseconds = 700

    public static func script() -> String {
        """
        <script>/* workbook serve: live progress of running cells (not part of the built page) */
        (function () {
          var here = location.pathname.replace(/^\\/+/, "");
          if (here === "" || here.slice(-1) === "/") here += "index.html";
          function text(cell) {
            var t = cell.message || "running";
            if (cell.secondsLeft !== null && cell.secondsLeft !== undefined) t += " \\u2014 about " + Math.ceil(cell.secondsLeft) + " s left";
            return t;
          }
          function bar(cell) {
            var box = document.createElement("div");
            box.className = "workbook-live-progress";
            box.setAttribute("role", "status");
            box.style.cssText = "margin:0.5em 0.75em;padding:0.5em 0.75em;border:1px solid #8888;border-radius:4px;font:14px system-ui,sans-serif";
            var p = document.createElement("progress");
            p.max = 1; p.value = cell.fraction; p.style.cssText = "width:100%;display:block";
            var s = document.createElement("span");
            s.textContent = cell.place + ": " + text(cell);
            box.appendChild(p); box.appendChild(s);
            return box;
          }
          var banner = null;
          function show(state) {
            var old = document.querySelectorAll(".workbook-live-progress");
            for (var i = 0; i < old.length; i++) old[i].parentNode.removeChild(old[i]);
            var elsewhere = [];
            state.cells.forEach(function (cell) {
              var target = cell.page === here ? document.getElementById(cell.label) : null;
              if (target) target.insertBefore(bar(cell), target.firstChild);
              else elsewhere.push(cell);
            });
            if (!state.building) { if (banner) { banner.remove(); banner = null; } return; }
            if (!banner) {
              banner = document.createElement("div");
              banner.setAttribute("role", "status");
              banner.style.cssText = "position:fixed;bottom:0;left:0;right:0;z-index:1000;padding:4px 10px;font:13px system-ui,sans-serif;background:#ffd;color:#000;border-top:1px solid #cc8";
              document.body.appendChild(banner);
            }
            var line = "Building: " + state.done + " of " + state.total + " cells done";
            elsewhere.forEach(function (cell) { line += " \\u00b7 " + cell.place + ": " + text(cell) + " (" + Math.round(cell.fraction * 100) + " %)"; });
            banner.textContent = line;
          }
          function poll() {
            fetch("\(progressPath)", { cache: "no-store" })
              .then(function (r) { return r.json(); })
              .then(function (state) { show(state); setTimeout(poll, \(pollMilliseconds)); })
              .catch(function () { setTimeout(poll, 2000); });
          }
          poll();
        })();
        </script>

        """
    }

    /// What the server answers for a page that does not exist yet while the
    /// first build runs: a placeholder that shows the build's progress (the
    /// scripts are added like to any page) and is replaced by the page when
    /// the build is done (the version changes, the page reloads).
    public static func waitingPage() -> Data {
        Data("""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Building…</title></head>
            <body>
            <main style="max-width:40em;margin:4em auto;padding:0 1em;font:16px system-ui,sans-serif">
            <h1>Building the workbook…</h1>
            <p>This page appears as soon as its chapter is built; the cells that are running are listed at the bottom of the window.</p>
            </main>
            </body>
            </html>

            """.utf8)
    }

    /// The page with the script inserted before its last `</body>` (or at the end).
    public static func inject(into html: Data) -> Data {
        LiveReload.insert(Data(script().utf8), into: html)
    }
}

/// The state of the build that `workbook serve` runs, from its events: the
/// cells running now with their latest progress, how many of the build's
/// cells are done. Events arrive on the build's threads; requests read it.
public final class BuildProgressBoard: @unchecked Sendable {
    /// One running cell as the script sees it.
    struct RunningCell: Codable, Equatable {
        /// The cell's page, relative to the served folder (`ja/07-learning-algorithm.html`).
        var page: String
        /// Its element's id on the page.
        var label: String
        /// `chapters/07-learning-algorithm.md:94 train`.
        var place: String
        var fraction: Double
        var message: String
        var secondsLeft: Double?
    }

    /// What `/__workbook/progress` answers.
    struct State: Codable, Equatable {
        var building: Bool
        var done: Int
        var total: Int
        var cells: [RunningCell]
    }

    private let lock = NSLock()
    /// The served folder: the pages' paths are given relative to it.
    private let root: String
    private var running: [CellID: (order: Int, cell: RunningCell)] = [:]
    private var started = 0
    private var building = false
    private var done = 0
    private var total = 0

    public init(servedFolder: String) {
        root = (servedFolder as NSString).standardizingPath
    }

    /// Marks a build as started (before its first event) or finished.
    public func setBuilding(_ value: Bool) {
        lock.withLock {
            building = value
            if value { (done, total) = (0, 0) }
            running = [:]
        }
    }

    /// Takes in one of the build's events.
    public func record(_ event: BuildEvent) {
        lock.withLock {
            switch event {
            case .cellStarted(let id):
                started += 1
                running[id] = (started, RunningCell(page: page(of: id), label: id.label, place: id.place, fraction: 0,
                                                    message: "", secondsLeft: nil))
            case .cellProgress(let progress):
                guard var entry = running[progress.cell] else { return }
                entry.cell.fraction = min(max(progress.fraction, 0), 1)
                entry.cell.message = progress.message
                entry.cell.secondsLeft = progress.secondsLeft
                running[progress.cell] = entry
            case .cellFinished(let d), .cellCached(let d), .cellFailed(let d), .cellSkipped(let d):
                running[d.cell] = nil
                // Several editions report their own counts; the latest is shown.
                done = d.finished
                total = d.total
            default:
                break
            }
        }
    }

    /// The state as JSON for the script (keys sorted, running cells in the order they started).
    public func json() -> Data {
        let state = lock.withLock {
            State(building: building, done: done, total: total,
                  cells: running.values.sorted { $0.order < $1.order }.map(\.cell))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(state)) ?? Data("{}".utf8)
    }

    /// Whether a build is running now.
    public var isBuilding: Bool { lock.withLock { building } }

    /// `id.page` relative to the served folder (an edition's pages are in a folder of their own).
    private func page(of id: CellID) -> String {
        let output = (id.output as NSString).standardizingPath
        guard output != root else { return id.page }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return output.hasPrefix(prefix) ? String(output.dropFirst(prefix.count)) + "/" + id.page : id.page
    }
}
