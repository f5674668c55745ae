/// Estimates of the arithmetic a training run costs, so that callers can
/// refuse absurd runs (e.g. 10 000 iterations with the numerical gradient)
/// before starting them.
///
/// Counts are floating-point operations (a multiply-add = 2 FLOP; exp and
/// log are counted as ``transcendentalFLOP`` each), for dense inputs; zero
/// pixels make the real cost lower. Seconds = FLOP / (GFLOP/s × 10⁹).
public enum TrainingCost {
    /// Rough FLOP-equivalent of one `exp` or `log` (≈ 20 cycles vs 1 FMA/cycle).
    public static let transcendentalFLOP = 20.0

    /// Sustained rate assumed by ``estimatedSeconds(options:trainCount:testCount:inputSize:outputSize:gigaflopsPerSecond:)``
    /// when none is given: what the Swift kernels reached on a 2-core
    /// 2.45 GHz machine (see docs/deeplearning.md), rounded down.
    public static let defaultGigaflopsPerSecond = 10.0

    /// FLOP of one forward pass of `batch` samples through in-hidden-out.
    public static func forwardFLOP(batch: Int, input: Int, hidden: Int, output: Int) -> Double {
        let b = Double(batch), i = Double(input), h = Double(hidden), o = Double(output)
        return b * (2 * i * h + 2 * h * o + (h + o) * transcendentalFLOP)
    }

    /// FLOP of one training iteration with the given gradient method.
    ///
    /// * backprop: gradient ≈ 3 forward passes, plus the loss after the update (1 pass);
    /// * numerical (fast, ``TwoLayerNet/numericalGradient(x:t:h:)``): for each of the
    ///   P parameters, 2 × batch rows of `output` exps and a log, plus one forward pass.
    public static func flopPerIteration(
        method: GradientMethod, batch: Int, input: Int, hidden: Int, output: Int
    ) -> Double {
        let pass = forwardFLOP(batch: batch, input: input, hidden: hidden, output: output)
        switch method {
        case .backprop:
            return 4 * pass
        case .numerical:
            let parameters = Double(input * hidden + hidden + hidden * output + output)
            let perRow = Double(output) * (2 + transcendentalFLOP) + 2 * transcendentalFLOP
            return parameters * 2 * Double(batch) * perRow + 2 * pass
        }
    }

    /// FLOP of a whole run: iterations plus the per-epoch accuracy
    /// evaluations over the full training and test sets.
    public static func totalFLOP(
        options: TrainingOptions, trainCount: Int, testCount: Int, inputSize: Int, outputSize: Int
    ) -> Double {
        let perIteration = flopPerIteration(method: options.gradientMethod, batch: options.batchSize,
                                            input: inputSize, hidden: options.hiddenSize, output: outputSize)
        let perEpoch = max(trainCount / max(options.batchSize, 1), 1)
        let evaluations = options.iterations == 0 ? 0 : (options.iterations - 1) / perEpoch + 1
        let evaluation = forwardFLOP(batch: trainCount + testCount, input: inputSize,
                                     hidden: options.hiddenSize, output: outputSize)
        return Double(options.iterations) * perIteration + Double(evaluations) * evaluation
    }

    /// ``totalFLOP(options:trainCount:testCount:inputSize:outputSize:)`` in
    /// seconds at `gigaflopsPerSecond`.
    public static func estimatedSeconds(
        options: TrainingOptions, trainCount: Int, testCount: Int, inputSize: Int, outputSize: Int,
        gigaflopsPerSecond: Double = defaultGigaflopsPerSecond
    ) -> Double {
        totalFLOP(options: options, trainCount: trainCount, testCount: testCount,
                  inputSize: inputSize, outputSize: outputSize) / (gigaflopsPerSecond * 1e9)
    }
}
