// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// The numeric core is compiled optimized in every configuration, so that
/// `swift run workbook build` (a debug build) does not run the experiments
/// 10–50× slower than a release build would. See README "Speed".
let optimizedInEveryConfiguration: [SwiftSetting] = [
    .unsafeFlags(["-O", "-enforce-exclusivity=unchecked"]),
]

let package = Package(
    name: "Workbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "workbook", targets: ["workbook"]),
        .library(name: "DeepLearning", targets: ["DeepLearning"]),
        .library(name: "SVGPlot", targets: ["SVGPlot"]),
        .library(name: "WorkbookKit", targets: ["WorkbookKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // `workbook serve`: a small pure-Swift HTTP server (BSD sockets + Swift concurrency), no macros.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // libdeflate inflates a whole gzip file at once, ~3× zlib's speed (the data sets' loading).
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"]), .brew(["libdeflate"])]
        ),
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]
        ),
        // AVX2/FMA kernels (per-function target attributes, run-time dispatch) for DeepLearning.
        .target(
            name: "CKernels",
            cSettings: [.unsafeFlags(["-O3"])]
        ),
        .target(
            name: "DeepLearning",
            dependencies: ["CZlib", "CDeflate", "CBLAS", "CKernels"],
            swiftSettings: optimizedInEveryConfiguration
        ),
        .target(name: "SVGPlot"),
        // What a reader's Swift cells link against besides DeepLearning and SVGPlot:
        // show(…), check(…) and the message protocol the workbook reads back
        // (WorkbookKit decodes it; see docs/swift-cells.md).
        // Swift 5 mode: it sets the C `stdout` buffering, which Swift 6 mode rejects as shared state.
        .target(name: "WorkbookCellSupport", dependencies: ["DeepLearning", "SVGPlot"],
                swiftSettings: [.swiftLanguageMode(.v5)]),
        .target(
            name: "WorkbookKit",
            dependencies: [
                "CCmark", "DeepLearning", "SVGPlot", "WorkbookCellSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "workbook",
            dependencies: [
                "WorkbookKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DeepLearningTests", dependencies: ["DeepLearning"]),
        .testTarget(name: "SVGPlotTests", dependencies: ["SVGPlot"], resources: [.copy("Golden")]),
        .testTarget(name: "WorkbookKitTests", dependencies: ["WorkbookKit"], resources: [.copy("Golden"), .copy("Fixtures")]),
    ]
)

// `scripts/fuzz` only: a libFuzzer executable over the entry points in
// WorkbookKit/Fuzzing. It exists only when WORKBOOK_FUZZ is set, so normal
// builds and tests never compile or link anything with -sanitize=fuzzer.
if ProcessInfo.processInfo.environment["WORKBOOK_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "WorkbookFuzz",
        dependencies: ["WorkbookKit"],
        path: "Fuzz",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])],
        linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]
    ))
    package.products.append(.executable(name: "workbook-fuzz", targets: ["WorkbookFuzz"]))
}
