import DeepLearning
import Foundation

/// The variable through which the workbook tells a cell where the data set is.
public let sampleDataVariable = "WORKBOOK_SAMPLE_DATA"

/// The data set the workbook's `sample` names (the 2 000 + 500 Fashion-MNIST
/// images shipped in `data/fashion-mnist-sample`), found by the workbook as
/// it finds it for directive cells, wherever the workbook folder is.
public func loadSampleData() throws -> DataSet {
    guard let directory = ProcessInfo.processInfo.environment[sampleDataVariable], !directory.isEmpty else {
        throw SampleDataMissing()
    }
    return try DataSet.load(from: directory, name: "sample", classNames: ClassNames.fashionMNIST)
}

public struct SampleDataMissing: Error, CustomStringConvertible {
    public var description: String { "the workbook found no sample data set (\(sampleDataVariable) is not set)" }
}
