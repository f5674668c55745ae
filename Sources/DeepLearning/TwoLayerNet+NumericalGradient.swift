import Foundation

extension TwoLayerNet {
    /// ∂L/∂θ by central differences with h = 1e-4, the slow way the book's
    /// `numerical_gradient` does it: for every parameter, two full forward
    /// passes over the batch at a perturbed copy of the network.
    ///
    /// O(P × N × (in·hidden + hidden·out)) for P parameters — for
    /// 784-50-10 and a 100-sample batch ~3·10¹¹ multiply-adds per call.
    /// Kept as the reference for ``numericalGradient(x:t:)``.
    public func naiveNumericalGradient(x: Matrix, t: Matrix, h: Double = defaultDifferenceStep) -> Gradients {
        let gw1 = DeepLearning.numericalGradient(of: { w in
            TwoLayerNet(w1: w, b1: b1, w2: w2, b2: b2).loss(x: x, t: t) }, at: w1, h: h)
        let gb1 = DeepLearning.numericalGradient(of: { b in
            TwoLayerNet(w1: w1, b1: b, w2: w2, b2: b2).loss(x: x, t: t) }, at: b1, h: h)
        let gw2 = DeepLearning.numericalGradient(of: { w in
            TwoLayerNet(w1: w1, b1: b1, w2: w, b2: b2).loss(x: x, t: t) }, at: w2, h: h)
        let gb2 = DeepLearning.numericalGradient(of: { b in
            TwoLayerNet(w1: w1, b1: b1, w2: w2, b2: b).loss(x: x, t: t) }, at: b2, h: h)
        return Gradients(w1: gw1, b1: gb1, w2: gw2, b2: gb2)
    }

    /// ∂L/∂θ by central differences with h = 1e-4 — the same finite
    /// difference (L(θ+h) − L(θ−h)) / 2h as ``naiveNumericalGradient(x:t:h:)``,
    /// computed without redoing the whole forward pass:
    ///
    /// * perturbing W1[k, j] by ±h changes only hidden unit j, and only in
    ///   the rows i with x[i, k] ≠ 0: a1[i, j] ± h·x[i, k];
    /// * perturbing b1[j] changes a1[:, j] by ±h;
    /// * perturbing W2[j, c] changes a2[:, c] by ±h·z1[:, j]; b2[c] by ±h.
    ///
    /// Only the changed rows' losses are recomputed and the difference is
    /// taken row by row, (Σ_changed ℓᵢ⁺ − ℓᵢ⁻) / N / 2h; unchanged rows
    /// cancel exactly. Results agree with the naive version to rounding
    /// (~10⁻¹²·|L| / h absolute per component). O(P × N × outputSize).
    public func numericalGradient(x: Matrix, t: Matrix, h: Double = defaultDifferenceStep) -> Gradients {
        precondition(t.rows == x.rows && t.columns == outputSize, "t must be \(x.rows)×\(outputSize)")
        let f = forward(x)
        let n = x.rows, hidden = hiddenSize, out = outputSize, input = inputSize
        let scale = 1 / (Double(n) * 2 * h)
        var scratch = [Double](repeating: 0, count: out)

        /// Cross-entropy of one row of scores `a` against row i of t.
        func rowLoss(_ a: [Double], _ i: Int) -> Double {
            var c = a[0]
            for v in a where v > c { c = v }
            var sum = 0.0
            for v in a { sum += Foundation.exp(v - c) }
            var loss = 0.0
            for k in 0..<out {
                let tk = t.values[i * out + k]
                if tk != 0 { loss -= tk * Foundation.log(Foundation.exp(a[k] - c) / sum + crossEntropyDelta) }
            }
            return loss
        }
        /// ℓᵢ after hidden unit j of row i changes from z1[i, j] to z.
        func lossWithHidden(_ i: Int, _ j: Int, _ z: Double) -> Double {
            let dz = z - f.z1.values[i * hidden + j]
            for c in 0..<out { scratch[c] = f.a2.values[i * out + c] + dz * w2.values[j * out + c] }
            return rowLoss(scratch, i)
        }
        /// ℓᵢ after score c of row i changes by delta.
        func lossWithScore(_ i: Int, _ c: Int, _ delta: Double) -> Double {
            for k in 0..<out { scratch[k] = f.a2.values[i * out + k] }
            scratch[c] += delta
            return rowLoss(scratch, i)
        }

        var gw1 = Matrix(rows: input, columns: hidden)
        var gb1 = [Double](repeating: 0, count: hidden)
        for j in 0..<hidden {
            var db = 0.0
            for i in 0..<n {
                let a = f.a1.values[i * hidden + j]
                db += lossWithHidden(i, j, sigmoid(a + h)) - lossWithHidden(i, j, sigmoid(a - h))
            }
            gb1[j] = db * scale
            for k in 0..<input {
                var d = 0.0
                for i in 0..<n {
                    let xik = x.values[i * input + k]
                    if xik == 0 { continue }
                    let a = f.a1.values[i * hidden + j]
                    d += lossWithHidden(i, j, sigmoid(a + h * xik)) - lossWithHidden(i, j, sigmoid(a - h * xik))
                }
                gw1.values[k * hidden + j] = d * scale
            }
        }
        var gw2 = Matrix(rows: hidden, columns: out)
        var gb2 = [Double](repeating: 0, count: out)
        for c in 0..<out {
            var db = 0.0
            for i in 0..<n { db += lossWithScore(i, c, h) - lossWithScore(i, c, -h) }
            gb2[c] = db * scale
            for j in 0..<hidden {
                var d = 0.0
                for i in 0..<n {
                    let z = f.z1.values[i * hidden + j]
                    d += lossWithScore(i, c, h * z) - lossWithScore(i, c, -h * z)
                }
                gw2.values[j * out + c] = d * scale
            }
        }
        return Gradients(w1: gw1, b1: gb1, w2: gw2, b2: gb2)
    }
}
