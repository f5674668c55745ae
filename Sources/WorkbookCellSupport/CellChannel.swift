import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes `CellMessage`s on standard output, in order with the reader's own
/// `print` output: stdout is flushed before each message so text printed by a
/// cell stays before the message that ends it.
enum CellChannel {
    static let marker = CellMessage.marker(nonce: ProcessInfo.processInfo.environment[CellMessage.nonceVariable] ?? "")

    static func send(_ message: CellMessage) {
        guard let data = try? CellMessage.encoder.encode(message),
              let json = String(data: data, encoding: .utf8) else { return }
        // Flush every stdio stream (print's buffer among them), then write the
        // line straight to descriptor 1, so it lands after the text printed so far.
        fflush(nil)
        let bytes = Array(("\n" + marker + json + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            if n <= 0 { if errno == EINTR { continue } else { return } }
            written += n
        }
    }
}

/// Called by the generated program before and after each cell's code; not part of
/// the reader's API (hence the underscore).
public func _workbookCellBegin(_ index: Int) {
    // Line-buffered: a trap cannot flush stdio, and what a cell printed before it trapped must be shown.
    if index == 0 { setvbuf(stdout, nil, _IOLBF, Int(BUFSIZ)) }
    CellChannel.send(.begin(index: index))
}
public func _workbookCellEnd(_ index: Int) { CellChannel.send(.end(index: index)) }
