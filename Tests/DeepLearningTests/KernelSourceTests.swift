import Foundation
import Testing

// The C kernels' layout rule (docs/deeplearning.md, "The C kernels"): each
// .c file is compiled for exactly one instruction set, named by one
// `#pragma clang attribute push` covering the whole file (or none: baseline),
// so moving a function to another file is the only way to change its set.

private let kernelDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/CKernels")

@Test func everyKernelFileIsCompiledForOneInstructionSet() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: kernelDirectory.path).filter { $0.hasSuffix(".c") }.sorted()
    #expect(files.count >= 10, "\(files)")
    for file in files {
        let text = try String(contentsOf: kernelDirectory.appendingPathComponent(file), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let pushes = lines.indices.filter { lines[$0].hasPrefix("#pragma clang attribute push") }
        let pops = lines.indices.filter { lines[$0].hasPrefix("#pragma clang attribute pop") }
        #expect(pushes.count <= 1 && pushes.count == pops.count, "\(file): one push and its pop at most")
        let targets = lines.indices.filter { lines[$0].contains("target(") && !pushes.contains($0) }
        #expect(targets.isEmpty, "\(file): no per-function instruction sets (lines \(targets.map { $0 + 1 }))")
        if let push = pushes.first, let pop = pops.first {
            // Nothing but includes, blank lines and comments before the push; nothing but #endif after the pop.
            let before = lines[..<push].filter { line in
                !(line.isEmpty || line.hasPrefix("//") || line.hasPrefix("#include") || line.hasPrefix("#if"))
            }
            let after = lines[(pop + 1)...].filter { !($0.isEmpty || $0.hasPrefix("#endif")) }
            #expect(before.isEmpty, "\(file): code before the instruction set's pragma: \(before.prefix(2))")
            #expect(after.isEmpty, "\(file): code after the pragma's pop: \(after.prefix(2))")
        }
    }
}

/// Only what Swift calls is in the public header; the products and row
/// compressions the C files share stay internal.
@Test func thePublicHeaderHoldsOnlyWhatSwiftCalls() throws {
    let header = try String(contentsOf: kernelDirectory.appendingPathComponent("include/CKernels.h"), encoding: .utf8)
    for name in ["ck_sparse_dot", "ck_sparse_tdot", "ck_sparse_rows", "ck_gather_sparse", "ck_set_avx512", "getenv"] {
        #expect(!header.contains(name), "\(name) is in the public header")
    }
}
