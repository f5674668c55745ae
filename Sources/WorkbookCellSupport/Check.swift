import DeepLearning

/// Compares the reader's result with a reference (usually the library's) and
/// shows a pass, or the first element that differs by more than `tolerance`
/// with both values. A failed check is reported at the line of the call; it
/// does not stop the program.
///
/// Two numbers agree when `|mine − reference| ≤ tolerance`, or when both are
/// the same infinity or both NaN (a NaN where the reference has a number is a
/// difference).
@discardableResult
public func check(_ mine: Double, equals reference: Double, tolerance: Double = 1e-9,
                  file: String = #filePath, line: Int = #line) -> Bool {
    compare([mine], [reference], subject: "a number", tolerance: tolerance, file: file, line: line)
}

@discardableResult
public func check(_ mine: [Double], equals reference: [Double], tolerance: Double = 1e-9,
                  file: String = #filePath, line: Int = #line) -> Bool {
    compare(mine, reference, subject: "\(reference.count) numbers", tolerance: tolerance, file: file, line: line)
}

@discardableResult
public func check(_ mine: Matrix, equals reference: Matrix, tolerance: Double = 1e-9,
                  file: String = #filePath, line: Int = #line) -> Bool {
    let subject = "a \(reference.rows)×\(reference.columns) matrix"
    guard mine.shape == reference.shape else {
        return report(CheckOutcome(passed: false, subject: subject, tolerance: tolerance,
                                   problem: "shape \(mine.rows)×\(mine.columns), expected \(reference.rows)×\(reference.columns)",
                                   file: file, line: line))
    }
    return compare(mine.values, reference.values, subject: subject, tolerance: tolerance, file: file, line: line)
}

/// Integers (labels, counts) must be equal.
@discardableResult
public func check(_ mine: Int, equals reference: Int, file: String = #filePath, line: Int = #line) -> Bool {
    compare([Double(mine)], [Double(reference)], subject: "an integer", tolerance: 0, file: file, line: line)
}

@discardableResult
public func check(_ mine: [Int], equals reference: [Int], file: String = #filePath, line: Int = #line) -> Bool {
    compare(mine.map(Double.init), reference.map(Double.init), subject: "\(reference.count) integers",
            tolerance: 0, file: file, line: line)
}

/// The first index where `mine` and `reference` differ by more than `tolerance`, nil if none.
func firstDifference(_ mine: [Double], _ reference: [Double], tolerance: Double) -> Int? {
    for i in 0..<min(mine.count, reference.count) {
        let a = mine[i], b = reference[i]
        if a == b || (a.isNaN && b.isNaN) { continue }
        if !(abs(a - b) <= tolerance) { return i }
    }
    return nil
}

private func compare(_ mine: [Double], _ reference: [Double], subject: String, tolerance: Double,
                     file: String, line: Int) -> Bool {
    guard mine.count == reference.count else {
        return report(CheckOutcome(passed: false, subject: subject, tolerance: tolerance,
                                   problem: "\(mine.count) elements, expected \(reference.count)", file: file, line: line))
    }
    if let i = firstDifference(mine, reference, tolerance: tolerance) {
        return report(CheckOutcome(passed: false, subject: subject, tolerance: tolerance, index: i,
                                   mine: mine[i], reference: reference[i], file: file, line: line))
    }
    return report(CheckOutcome(passed: true, subject: subject, tolerance: tolerance, file: file, line: line))
}

private func report(_ outcome: CheckOutcome) -> Bool {
    CellChannel.send(.check(outcome))
    return outcome.passed
}
