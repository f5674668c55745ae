import DeepLearning
import SVGPlot

/// Section 4.1: the data set the workbook actually uses (figure 4-1's
/// counterpart): sizes, shapes, where it came from and a grid of samples.
enum DatasetDirective: DirectiveDefinition {
    static let name = "dataset"
    static let summary = "the data set in use: sizes, shapes, where it came from, and a grid of training samples with their classes"
    static let example = """
        name: auto
        show: 24
        caption: The first training images and their classes
        """

    struct Parameters: DirectiveParameters {
        @Parameter(.text, default: "auto",
                   doc: "auto (the lookup order: --data, dataset/, Debian's Fashion-MNIST, the shipped sample), mnist, fashion-mnist, sample, or a directory")
        var name: DataSetName
        @Parameter(.integer(.between(0, 200)), default: "24", doc: "how many training samples to draw in a grid")
        var show: Int
    }

    static func estimate(_ p: Parameters, common: CommonParameters) -> Double {
        NetworkSupport.secondsToLoad
    }

    static func run(_ p: Parameters, context: RunContext) throws -> [CellOutput] {
        let data = try NetworkSupport.load(p.name, at: p.$name, context: context)
        let shape = "\(data.imageRows)×\(data.imageColumns) = \(data.trainImages.columns)"
        var outputs: [CellOutput] = [
            .table(OutputTable(name: "data set", columns: ["split", "images", "shape", "labels"], rows: [
                [.text("training (訓練データ)"), .text(String(data.trainImages.rows)), .text(shape), .text(String(data.trainLabels.count))],
                [.text("test (テストデータ)"), .text(String(data.testImages.rows)), .text(shape), .text(String(data.testLabels.count))],
            ])),
            .table(OutputTable(name: "classes", columns: ["label", "class", "training images", "test images"],
                               rows: data.classNames.indices.map { c in
                [.text(String(c)), .text(data.classNames[c]),
                 .text(String(data.trainLabels.filter { $0 == c }.count)),
                 .text(String(data.testLabels.filter { $0 == c }.count))]
            })),
        ]
        let show = min(p.show, data.trainImages.rows)
        if show > 0 {
            let indices = Array(0..<show)
            outputs.append(.figure(NetworkSupport.imageGrid(
                data, indices: indices, labels: indices.map { data.className($0) },
                title: "The first \(show) training images of \(data.name)")))
        }
        outputs.append(.note(DataProvider.describe(data)))
        return outputs
    }
}

/// Helpers shared by the network and data directives.
enum NetworkSupport {
    /// `dataset`, as `gradient-check`, `minibatch` and `train` declare it.
    static let datasetParameter = Parameter<DataSetName>(.text, default: "auto", doc: "auto, mnist, fashion-mnist, sample, or a directory")
    /// `hidden`, as `gradient-check` and `train` declare it.
    static let hiddenParameter = Parameter<Int>(.integer(.between(1, 1000)), default: "50", doc: "hidden units (hidden_size)")

    /// The data set `name`, reported at `parameter` when it cannot be found or read.
    static func load(_ name: DataSetName, at parameter: ParameterName, context: RunContext) throws -> DataSet {
        do {
            return try context.data.load(name.text, parameter: parameter.text)
        } catch var failure as CellFailure {
            failure.parameter = parameter
            throw failure
        }
    }

    /// Refuses a list of seeds for directives that draw one set of random numbers.
    static func singleSeedProblem(_ common: CommonParameters) -> [ArgumentProblem] {
        common.seed.count > 1
            ? [ArgumentProblem(at: common.$seed, message: "this directive uses one seed, found \(common.seed.count)",
                               hint: "give a single number, e.g. seed: 1")]
            : []
    }

    /// Loading a data set the first time (decompressing 70 000 images), with margin;
    /// later cells share it.
    static let secondsToLoad = 5.0

    /// A matrix as a table with row and column indices.
    static func matrixTable(name: String, _ m: Matrix) -> OutputTable {
        OutputTable(name: name, columns: [name] + (0..<m.columns).map { String($0) },
                    rows: (0..<m.rows).map { r in [.text(String(r))] + (0..<m.columns).map { .number(m[r, $0]) } })
    }

    /// A grid of training images (figure 4-1 style), 8 per row.
    static func imageGrid(_ data: DataSet, indices: [Int], labels: [String], title: String,
                          perRow: Int = 8, cellWidth: Int = 90) -> OutputFigure {
        let columns = min(perRow, max(1, indices.count))
        let rows = (indices.count + columns - 1) / columns
        let grid = ImageGrid(images: indices.map { data.trainImages.row($0) },
                             width: data.imageColumns, height: data.imageRows,
                             labels: labels, columns: columns, title: title)
        let figure = Figure(width: Double(max(columns * cellWidth, 360)), height: Double(40 + rows * (cellWidth + 10)), panels: [.images(grid)])
        return OutputFigure(name: "samples", svg: figure.render())
    }
}

extension DataSet {
    /// The class name of training sample `i` ("Sneaker", "7").
    func className(_ i: Int) -> String {
        let label = trainLabels[i]
        return label < classNames.count ? classNames[label] : String(label)
    }
}
