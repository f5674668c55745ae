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

    /// Sustained rate (in the FLOP of this model) assumed by
    /// ``estimatedSeconds(options:trainCount:testCount:inputSize:outputSize:gigaflopsPerSecond:)``
    /// when none is given. Measured on the shared 2-core 2.45 GHz
    /// development machine under load (docs/deeplearning.md), rounded down:
    /// the book's backprop run did 3.3·10¹¹ FLOP in 74 s (4.5 GFLOP/s); one
    /// fast numerical gradient of 784-50-10, batch 100, took 0.79 s for
    /// 2.1·10⁹ modelled FLOP (2.6 GFLOP/s). A quiet machine is faster.
    public static func defaultGigaflopsPerSecond(for method: GradientMethod) -> Double {
        switch method {
        case .backprop: return 4
        case .numerical: return 2.5
        }
    }

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
    /// seconds at `gigaflopsPerSecond` (default: ``defaultGigaflopsPerSecond(for:)``).
    /// For the book's run: ~100 s with backprop, ~2.3 h with the fast
    /// numerical gradient (measured 0.79 s per iteration).
    public static func estimatedSeconds(
        options: TrainingOptions, trainCount: Int, testCount: Int, inputSize: Int, outputSize: Int,
        gigaflopsPerSecond: Double? = nil
    ) -> Double {
        let rate = gigaflopsPerSecond ?? defaultGigaflopsPerSecond(for: options.gradientMethod)
        return totalFLOP(options: options, trainCount: trainCount, testCount: testCount,
                         inputSize: inputSize, outputSize: outputSize) / (rate * 1e9)
    }
}
