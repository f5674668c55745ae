import Testing
@testable import DeepLearning

@Test func matrixBasics() {
    let a = Matrix([[1, 2, 3], [4, 5, 6]])
    #expect(a.rows == 2 && a.columns == 3 && a[1, 2] == 6)
    #expect(a.row(1) == [4, 5, 6])
    #expect(a.transposed() == Matrix([[1, 4], [2, 5], [3, 6]]))
    #expect(Matrix(rows: 2, columns: 2, repeating: 7).values == [7, 7, 7, 7])
    #expect(a.sum(along: .rows) == [5, 7, 9])
    #expect(a.sum(along: .columns) == [6, 15])
    #expect(Matrix([[0.1, 0.8, 0.1], [0.3, 0.1, 0.6], [0.5, 0.5, 0]]).argmaxOfRows() == [1, 2, 0])
    #expect(a.map { $0 * 2 } == a * 2)
    #expect(a + [10, 20, 30] == Matrix([[11, 22, 33], [14, 25, 36]]))
    #expect(a * a == a.map { $0 * $0 })
    #expect((a - a).values.allSatisfy { $0 == 0 })
    #expect(a / 2 == a * 0.5)
    #expect(a.rows([1, 1, 0]) == Matrix([[4, 5, 6], [4, 5, 6], [1, 2, 3]]))
}

/// Reference triple loop.
private func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
    var c = Matrix(rows: a.rows, columns: b.columns)
    for i in 0..<a.rows { for j in 0..<b.columns { for p in 0..<a.columns { c[i, j] += a[i, p] * b[p, j] } } }
    return c
}

@Test(arguments: MatrixBackend.allCases)
func productsMatchTheTripleLoop(backend: MatrixBackend) {
    var g = SeededGenerator(seed: 7)
    // Shapes exercising every kernel path (24-wide, 8-wide, scalar tail, threads).
    for (m, k, n) in [(1, 1, 1), (3, 5, 50), (7, 13, 33), (2, 784, 10), (1100, 9, 26)] {
        var a = Matrix.randomNormal(rows: m, columns: k, using: &g)
        a = a.map { $0 < -0.5 ? 0 : $0 }  // zeros, as in images
        let b = Matrix.randomNormal(rows: k, columns: n, using: &g)
        let c = a.dot(b, backend: backend), r = naiveProduct(a, b)
        // Tolerance 1e-12 · k: only the summation order may differ.
        #expect(zip(c.values, r.values).allSatisfy { abs($0 - $1) < 1e-12 * Double(k) }, "\(m)×\(k)×\(n)")
        let bt = Matrix.randomNormal(rows: m, columns: n, using: &g)
        let ct = a.transposedDot(bt, backend: backend), rt = naiveProduct(a.transposed(), bt)
        #expect(zip(ct.values, rt.values).allSatisfy { abs($0 - $1) < 1e-12 * Double(m) }, "ᵀ \(m)×\(k)×\(n)")
    }
    #expect(Matrix([[1, 2], [3, 4]]).dot(Matrix([[5, 6], [7, 8]]), backend: backend) == Matrix([[19, 22], [43, 50]]))
}
