import Dispatch
import Foundation
import Testing
@testable import WorkbookKit


/// The package root (Tests/WorkbookKitTests/ → ../..), where data/fashion-mnist-sample lives.
private let repositoryRoot: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

private func context() -> RunContext {
    RunContext(defaultSeed: 1, data: DataProvider(configured: nil, workbookRoot: repositoryRoot, toolRoot: repositoryRoot),
               sourceRoot: repositoryRoot)
}

/// Validates a one-cell chapter: the directive and its arguments, or the diagnostics.
private func validate(_ directive: String, _ body: String) -> (Directive, CellArguments)? {
    let source = "---\ntitle: T\n---\n\n```run \(directive)\n\(body)\n```\n"
    let chapter = Chapter.parse(source: source, path: "chapters/01-t.md")
    if case .valid(let d, let a) = CellValidator(registry: .standard).validate(chapter.cells[0]) { return (d, a) }
    return nil
}

private func diagnostics(_ directive: String, _ body: String) -> [Diagnostic] {
    let source = "---\ntitle: T\n---\n\n```run \(directive)\n\(body)\n```\n"
    let chapter = Chapter.parse(source: source, path: "chapters/01-t.md")
    if case .invalid(let found) = CellValidator(registry: .standard).validate(chapter.cells[0]) { return found }
    return []
}

private func run(_ directive: String, _ body: String) throws -> [CellOutput] {
    guard let (d, a) = validate(directive, body) else {
        Issue.record("cell did not validate: \(diagnostics(directive, body))")
        return []
    }
    return try d.run(a, context())
}

private func value(_ outputs: [CellOutput], _ name: String) -> Double? {
    for case .value(_, let n, let v, _) in outputs where n == name { return v }
    return nil
}

private func tables(_ outputs: [CellOutput]) -> [OutputTable] {
    outputs.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
}

private func figures(_ outputs: [CellOutput]) -> [OutputFigure] {
    outputs.compactMap { if case .figure(let f) = $0 { return f } else { return nil } }
}

private func notes(_ outputs: [CellOutput]) -> [String] {
    outputs.compactMap { if case .note(let n) = $0 { return n } else { return nil } }
}

// MARK: - simple-net

@Test func simpleNetReproducesTheBooksNumbers() throws {
    let outputs = try run("simple-net", """
        W: [[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]]
        x: [0.6, 0.9]
        t: [0, 0, 1]
        """)
    // The book prints 8 significant digits: tolerance 1e-8.
    let tolerance = 1e-8
    let p = [1.05414809, 0.63071653, 1.1328074]
    for i in 0..<3 { #expect(abs(try #require(value(outputs, "p[\(i)]")) - p[i]) < tolerance) }
    #expect(value(outputs, "argmax(p)") == 2)
    // The book's printed loss is −log y₂ without δ; with δ = 1e-7 (its code, and ours) it is
    // 0.9280682857864075 (computed independently in Python from the printed W).
    #expect(abs(try #require(value(outputs, "loss without δ")) - 0.92806853663411326) < tolerance)
    #expect(abs(try #require(value(outputs, "loss")) - 0.9280682857864075) < tolerance)
    // The book's ∂L/∂W (without δ): δ shifts it by x·(y − t)·δ/y₂ ≤ 1.4e-7, so tolerance 2e-7;
    // against the analytic gradient with δ (Python, from the printed W): tolerance 1e-8.
    let book = [[0.21924763, 0.14356247, -0.36281009], [0.32887144, 0.2153437, -0.54421514]]
    let withDelta = [[0.21924757121759647, 0.1435624298061042, -0.36281000102370065],
                     [0.32887135682639473, 0.21534364470915632, -0.544215001535551]]
    for r in 0..<2 {
        for c in 0..<3 {
            let dW = try #require(value(outputs, "dW[\(r),\(c)]"))
            #expect(abs(dW - book[r][c]) < 2e-7)
            #expect(abs(dW - withDelta[r][c]) < tolerance)
        }
    }
    let table = try #require(tables(outputs).first { $0.name.hasPrefix("dW") })
    #expect(table.rows.count == 2 && table.rows[0].count == 4)
}

@Test func simpleNetWithoutWDrawsItFromTheSeed() throws {
    let a = try run("simple-net", "seed: 3")
    let b = try run("simple-net", "seed: 3")
    let c = try run("simple-net", "seed: 4")
    #expect(a == b)
    #expect(a != c)
    #expect(tables(a).contains { $0.name == "W (random, seed 3)" })
    #expect(try #require(value(a, "loss")) > 0)
}

@Test func simpleNetRejectsAWrongShape() {
    let found = diagnostics("simple-net", "W: [[1, 2], [3, 4]]")
    #expect(found.count == 1)
    #expect(found.first?.message.contains("2×2") == true)
    #expect(found.first?.message.contains("2×3") == true)
    #expect(found.first?.location.line == 6)
    #expect(diagnostics("simple-net", "x: [1, 2, 3]\nt: [0, 1]").count == 2)
}

// MARK: - dataset

@Test func datasetSampleHasItsSizesAndAGrid() throws {
    let outputs = try run("dataset", "name: sample\nshow: 12")
    let sizes = try #require(tables(outputs).first { $0.name == "data set" })
    #expect(sizes.rows[0][1] == .text("2000"))
    #expect(sizes.rows[1][1] == .text("500"))
    #expect(sizes.rows[0][2] == .text("28×28 = 784"))
    let grid = try #require(figures(outputs).first)
    #expect(wideDrawing(grid.svg).components(separatedBy: "<image ").count - 1 == 12)
    #expect(notes(outputs).contains { $0.contains("fashion-mnist-sample") && $0.contains("2000 training") })
    // The page names the workbook's own data relative to the workbook folder, so every clone builds the same bytes.
    #expect(notes(outputs).contains { $0.contains("from data/fashion-mnist-sample —") }, "\(notes(outputs))")
    #expect(!notes(outputs).contains { $0.contains(repositoryRoot) })
}

@Test func dataDirectoriesAreShownRelativeToTheWorkbookFolder() {
    #expect(DataProvider.displayPath("/w/book/data/sample", root: "/w/book") == "data/sample")
    #expect(DataProvider.displayPath("/w/book/data/sample", root: "/w/book/") == "data/sample")
    #expect(DataProvider.displayPath("/w/book/./data/../data/sample", root: "/w/book") == "data/sample")
    #expect(DataProvider.displayPath("/w/book", root: "/w/book") == ".")
    #expect(DataProvider.displayPath("/w/bookshelf/data", root: "/w/book") == "/w/bookshelf/data")
    #expect(DataProvider.displayPath("/usr/share/datasets/fashion-mnist", root: "/w/book") == "/usr/share/datasets/fashion-mnist")
}

@Test func datasetReportsAMissingDirectoryAtName() {
    let failure = #expect(throws: CellFailure.self) { try run("dataset", "name: no/such/folder") }
    #expect(failure?.parameter?.text == "name")
}

// MARK: - minibatch

@Test func minibatchIsDeterministicForASeed() throws {
    let a = try run("minibatch", "size: 10\ndataset: sample\nseed: 7")
    let b = try run("minibatch", "size: 10\ndataset: sample\nseed: 7")
    let c = try run("minibatch", "size: 10\ndataset: sample\nseed: 8")
    #expect(a == b)
    #expect(a != c)
    guard case .numbers(_, let name, let indices)? = a.first else {
        Issue.record("expected the indices first")
        return
    }
    #expect(name == "batch_mask (seed 7)")
    #expect(indices.count == 10)
    #expect(indices.allSatisfy { $0 >= 0 && $0 < 2000 && $0 == $0.rounded() })
    #expect(figures(a).count == 1)
    #expect(notes(a).contains { $0.contains("fashion-mnist-sample") })
    #expect(diagnostics("minibatch", "seed: [1, 2]").first?.message.contains("one seed") == true)
}

// MARK: - gradient-check

@Test func gradientCheckAgreesOnASmallNetwork() throws {
    let outputs = try run("gradient-check", "hidden: 5\nbatch: 2\ndataset: sample\nseed: 1")
    let table = try #require(tables(outputs).first)
    #expect(table.rows.map { $0[0] } == [.text("W1"), .text("b1"), .text("W2"), .text("b2")])
    #expect(table.rows.map { $0[1] } == [.text("784×5"), .text("5"), .text("5×10"), .text("10")])
    // Central differences with h = 1e-4 against backprop: tolerance 1e-6 per component.
    for row in table.rows {
        guard case .number(let mean) = row[2], case .number(let relative) = row[3] else {
            Issue.record("expected numbers in \(row)")
            continue
        }
        #expect(mean < 1e-6)
        #expect(relative < 1e-4)  // δ = 1e-7 alone gives δ/y ≈ 1e-6 at y ≈ 0.1
    }
    let direct = GradientComparison.compare(data: try context().data.load("sample"), hidden: 5, batch: 2, seed: 1)
    #expect(direct.allSatisfy { $0.maxAbsoluteDifference < 1e-6 })
    #expect(try #require(value(outputs, "W1 mean difference")) < 1e-6)
}

// MARK: - train

@Test func trainOnTheSampleRecordsEveryIteration() throws {
    guard let (directive, arguments) = validate("train", """
        hidden: 20
        lr: 0.1
        batch: 20
        iterations: 200
        dataset: sample
        seed: [1, 2]
        """) else {
        Issue.record("train cell did not validate")
        return
    }
    let data = try context().data.load("sample")
    let runs = try TrainingRuns.run(TrainDirective.Parameters.decode(arguments), data: data, seeds: [1, 2], context: context())
    #expect(runs.count == 2)
    for run in runs {
        #expect(run.history.losses.count == 200)
        #expect(run.history.losses.allSatisfy { $0.isFinite })
        // 2000 images ÷ 20 = 100 iterations per epoch: measured after iterations 0 and 100.
        #expect(run.history.epochIterations == [0, 100])
        #expect((run.history.trainAccuracy + run.history.testAccuracy).allSatisfy { (0...1).contains($0) })
    }
    #expect(runs[0].history.losses != runs[1].history.losses)

    let outputs = try directive.run(arguments, context())
    #expect(value(outputs, "train accuracy (seed 1)") == runs[0].finalTrainAccuracy)
    #expect(value(outputs, "test accuracy (seed 2)") == runs[1].finalTestAccuracy)
    let figure = try #require(figures(outputs).first { $0.name == "accuracy" })
    #expect(figure.svg.contains("seed 2"))  // the summary is the SVG's own <desc>
    #expect(figures(outputs).first { $0.name == "loss" } != nil)
    let table = try #require(tables(outputs).first)
    #expect(table.rows.count == 2 && table.columns.count == 6)
    #expect(notes(outputs).contains { $0.contains("fashion-mnist-sample") })
}

@Test func numericalTrainingOfTenThousandIterationsIsRefused() throws {
    let (directive, arguments) = try #require(validate("train", "gradient: numerical\niterations: 10000"))
    let estimate = directive.estimate(arguments)
    #expect(try estimate > CommonParameters.decode(arguments).timeout)
    #expect(estimate > 1000)
    let (_, fast) = try #require(validate("train", "iterations: 100\ndataset: sample"))
    #expect(try directive.estimate(fast) < CommonParameters.decode(fast).timeout)
}

@Test func divergenceIsACellFailureAtTheLearningRate() throws {
    do {
        _ = try run("train", "lr: 1e308\nbatch: 10\niterations: 50\ndataset: sample")
        Issue.record("expected divergence")
    } catch let failure as CellFailure {
        #expect(failure.parameter?.text == "lr")
        #expect(failure.message.contains("iteration"))
    }
}

// MARK: - source

@Test func sourceFindsNumericalGradient() throws {
    let outputs = try run("source", "symbol: numericalGradient")
    let code = outputs.compactMap { output -> (String, String)? in
        if case .code(let language, let code, let origin) = output, language == "swift" { return (code, origin) }
        return nil
    }
    #expect(code.count == 2)  // the vector and the matrix overloads
    #expect(code[0].1.hasPrefix("Sources/DeepLearning/NumericalDifferentiation.swift:"))
    #expect(code[0].0.hasPrefix("///"))
    #expect(code[0].0.contains("public func numericalGradient("))
    #expect(code[0].0.hasSuffix("}"))
    // The origin line is the first line shown.
    let line = Int(code[0].1.split(separator: ":").last!)!
    let file = try String(contentsOfFile: repositoryRoot + "/" + code[0].1.split(separator: ":").first!, encoding: .utf8)
    let lines = file.components(separatedBy: "\n")
    #expect(lines[line - 1].trimmingCharacters(in: .whitespaces) == code[0].0.components(separatedBy: "\n")[0])
}

@Test func sourceFindsMethodsAndTypes() throws {
    let gradient = try run("source", "symbol: TwoLayerNet.gradient")
    #expect(gradient.contains { if case .code(_, let c, _) = $0 { return c.contains("func gradient(x: Matrix, t: Matrix)") } else { return false } })
    let type = try run("source", "symbol: TwoLayerNet")
    guard case .code(_, let code, let origin)? = type.first else {
        Issue.record("no code")
        return
    }
    #expect(origin.hasPrefix("Sources/DeepLearning/TwoLayerNet.swift:"))
    #expect(code.contains("public struct TwoLayerNet"))
    #expect(code.hasSuffix("}"))
    #expect(!code.contains("func gradient("))  // in an extension, another file
}

@Test func sourceReportsAnUnknownSymbol() {
    do {
        _ = try run("source", "symbol: numericalGradiant")
        Issue.record("expected a failure")
    } catch let failure as CellFailure {
        #expect(failure.parameter?.text == "symbol")
        #expect(failure.hint == "did you mean 'numericalGradient'?")
    } catch {
        Issue.record("unexpected \(error)")
    }
}

@Test func scannerSkipsBracesInStringsAndComments() {
    let text = """
        /// Doc.
        func a() {
            let s = "}{ \\(f("}")) "
            // }
            /* { /* } */ } */
            let m = \"\"\"
            }
            \"\"\"
        }
        func b() { }
        """
    let found = SwiftDeclarationScanner.scan(text, file: "X.swift")
    #expect(found.map(\.name) == ["a", "b"])
    #expect(found.first?.line == 1)
    #expect(found.first?.code.hasSuffix("\"\"\"\n}") == true)
}

@Test func trainingStopsAtTheCellsTimeout() throws {
    guard let (directive, arguments) = validate("train", """
        iterations: 100000
        dataset: sample
        timeout: 0.2
        """) else {
        Issue.record("train cell did not validate")
        return
    }
    var limited = context()
    limited.deadline = DispatchTime.now().uptimeNanoseconds + 200_000_000
    do {
        _ = try directive.run(arguments, limited)
        Issue.record("a 100 000-iteration training finished within 0.2 s")
    } catch let failure as CellFailure {
        #expect(failure.parameter?.text == "timeout")
        #expect(failure.message.contains("timeout"))
    }
}
