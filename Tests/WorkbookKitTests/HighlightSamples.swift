/// Inputs of the highlighting golden files: code as the chapters show it,
/// plus the awkward cases each tokenizer must survive.
enum HighlightSamples {
    static let swift = #####"""
    import Testing
    @testable import WorkbookKit

    /// Numerical derivative by central difference.
    /// - Parameter h: step, `1e-4` as in the book.
    func numericalDiff(_ f: (Double) -> Double, _ x: Double, h: Double = 1e-4) -> Double {
        (f(x + h) - f(x - h)) / (2 * h)
    }

    /* block comment /* nested */ still comment */
    @Test(arguments: [0x1F, 1_000_000, 0b1010])
    func masks(value: Int) async throws {
        let name = "value \(value) is < \(value + 1) & \"quoted\""
        let raw = #"raw \(not interpolated) "quotes""#
        let poem = """
            line one
            line \(name.count) two
            """
        #expect(value > 0 && name.isEmpty == false, "x<y")
        if let s = Optional<String>.none { print(s, 3.14, -2.5e-3) }
    }
    """#####

    static let python = #####"""
    # coding: utf-8
    import numpy as np
    import matplotlib.pylab as plt


    def numerical_diff(f, x):
        h = 1e-4 # 0.0001
        return (f(x+h) - f(x-h)) / (2*h)


    def function_2(x):
        return x[0]**2 + x[1]**2  # or np.sum(x**2)


    @staticmethod
    def gradient_descent(f, init_x, lr=0.01, step_num=100):
        x = init_x
        for i in range(step_num):
            grad = numerical_gradient(f, x)
            x -= lr * grad
        return x

    print(np.float32(1e-50), 0x1F, .5, 3j, 1_000)
    s = f"loss = {loss:.3f} {{literal}}" + r'\d+' + b"<bytes>" + 'it\'s'
    doc = """multi
    line & <string>"""
    class TwoLayerNet:
        pass
    m = a @ b if a is not None else False
    """#####

    static let yaml = #####"""
    # run-cell parameters
    ---
    function: 0.01*x^2 + 0.1*x
    variables: [x]
    x: 5
    h: 1e-4
    range: [-20, 20]
    learning_rate: .1
    steps: 100
    float32: true
    label: "f(x) & <g>"   # quoted
    note: 'single'
    init: ~
    points:
      - x0: -3.0
        x1: 4.0
      - {x0: 0, x1: 2}
    anchor: &base 0x1F
    copy: *base
    tagged: !!str 123
    description: |
      Gradient descent on
      f(x0, x1) = x0^2 + x1^2
    after: plain scalar with: colon
    """#####
}
