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

/// libFuzzer's driver, exported by the `-sanitize=fuzzer` runtime.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// SwiftPM links an executable target's `main` to `<Module>_main`; with no top-level code
/// here it must exist, or the link fails ("undefined symbol 'WorkbookFuzz_main'"). It hands
/// the command line to libFuzzer's driver, so libFuzzer's own `main` is not needed.
@_cdecl("WorkbookFuzz_main")
public func workbookFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { bytes, size in fuzzOneInput(bytes, size) }
}
