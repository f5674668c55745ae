import ArgumentParser
import Dispatch
import Foundation
import WorkbookKit

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve the output folder on localhost, and rebuild when chapters change.",
        discussion: """
            Builds once, serves OUTPUT on http://127.0.0.1:PORT/, and watches the chapters \
            folder (with workbook.yml) and the --data folder by polling. After a change it \
            rebuilds through the cell cache and open pages reload themselves. Errors are \
            printed here and shown on the page; the server keeps running. Ctrl-C stops it.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0 picks a free one).", valueName: "n"))
    var port: Int = 8000

    @Option(name: .long, help: ArgumentHelp("The address to listen on.", valueName: "address"))
    var host = "127.0.0.1"

    @OptionGroup var locations: WorkbookLocations

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        var options = ServeOptions(build: locations.buildOptions)
        options.host = host
        options.port = UInt16(port)

        let terminal = Terminal()
        let output = locations.output
        let server = PreviewServer(options: options, log: terminal.log(quiet: false)) { event in
            switch event {
            case .rebuilding:
                print("Change detected, rebuilding…")
            case .built(let report, let version):
                terminal.summary(report, output: output)
                if version > 1 { print("Build \(version) served; open pages reload.") }
            case .buildFailed(let message):
                terminal.error("error: \(message)")
                terminal.error("Still serving the last output; fix it and save to rebuild.")
            }
            fflush(nil)
        }

        // Ctrl-C: stop the server, then exit 0. The default SIGINT action is
        // turned off so that the dispatch source sees the signal.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        var sources: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler {
                print("\nStopping.")
                Task {
                    await server.stop()
                    Foundation.exit(0)
                }
            }
            source.resume()
            sources.append(source)
        }
        Serve.keepAlive = sources

        Task {
            do {
                let port = try await server.start()
                let shownHost = host.contains(":") ? "[\(host)]" : host
                print("Serving \(output)/ at http://\(shownHost):\(port)/ (watching \(options.watchedPaths.joined(separator: ", ")); Ctrl-C stops)")
                fflush(nil)
            } catch {
                terminal.error("error: cannot serve on \(host):\(port): \(error)")
                Foundation.exit(2)
            }
        }
        dispatchMain()
    }

    /// Keeps the signal sources alive while `dispatchMain()` runs.
    nonisolated(unsafe) static var keepAlive: [DispatchSourceSignal] = []
}
