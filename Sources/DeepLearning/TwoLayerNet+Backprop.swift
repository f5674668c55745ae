extension TwoLayerNet {
    /// ∂L/∂θ by backpropagation, exactly as the book's
    /// `two_layer_net.py` `gradient`:
    ///
    ///     dy  = (y − t) / N
    ///     dW2 = z1ᵀ·dy,          db2 = Σᵢ dy[i, :]
    ///     dz1 = σ'(a1) ⊙ (dy·W2ᵀ) with σ'(a1) = (1 − z1) ⊙ z1
    ///     dW1 = xᵀ·dz1,          db1 = Σᵢ dz1[i, :]
    ///
    /// O(N × (in·hidden + hidden·out)) — about three forward passes.
    public func gradient(x: Matrix, t: Matrix) -> Gradients {
        precondition(t.rows == x.rows && t.columns == outputSize, "t must be \(x.rows)×\(outputSize)")
        let f = forward(x)
        let y = softmax(f.a2)
        let dy = (y - t) / Double(x.rows)
        return backward(x: x, forward: f, dy: dy)
    }

    /// ``gradient(x:t:)`` with label-index targets (same numbers as with
    /// the one-hot matrix).
    public func gradient(x: Matrix, labels: [Int]) -> Gradients {
        precondition(labels.count == x.rows, "\(labels.count) labels for \(x.rows) rows")
        let f = forward(x)
        var dy = softmax(f.a2)
        for (i, label) in labels.enumerated() {
            precondition(label >= 0 && label < outputSize, "label \(label) out of range 0..<\(outputSize)")
            dy.values[i * outputSize + label] -= 1
        }
        return backward(x: x, forward: f, dy: dy / Double(x.rows))
    }

    func backward(x: Matrix, forward f: Forward, dy: Matrix) -> Gradients {
        let gw2 = f.z1.transposedDot(dy)
        let gb2 = dy.sum(along: .rows)
        let da1 = dy.dot(w2.transposed())
        let dz1 = f.z1.zipMap(da1) { z, d in (1 - z) * z * d }
        let gw1 = x.transposedDot(dz1)
        let gb1 = dz1.sum(along: .rows)
        return Gradients(w1: gw1, b1: gb1, w2: gw2, b2: gb2)
    }
}
