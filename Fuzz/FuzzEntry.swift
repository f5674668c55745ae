import Foundation
import WorkbookKit

// libFuzzer entry point: built only by scripts/fuzz (WORKBOOK_FUZZ=1, with
// -sanitize=fuzzer), never by `swift build`. The target is chosen by the
// WORKBOOK_FUZZ_TARGET environment variable; see FuzzTargets.

private let target = ProcessInfo.processInfo.environment["WORKBOOK_FUZZ_TARGET"] ?? ""

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let data = bytes.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    guard FuzzTargets.run(target, data) else {
        fatalError("set WORKBOOK_FUZZ_TARGET to one of \(FuzzTargets.names.joined(separator: ", "))")
    }
    return 0
}
