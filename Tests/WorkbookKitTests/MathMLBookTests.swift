import Testing
import WorkbookKit

/// The equations of chapter 4, as the chapters write them.
private let bookEquations: [String] = [
    #"E = \frac{1}{2}\sum_{k} (y_{k} - t_{k})^{2}"#,
    #"E = -\sum_{k} t_{k} \log y_{k}"#,
    #"E = -\frac{1}{N}\sum_{n}\sum_{k} t_{nk} \log y_{nk}"#,
    #"\frac{df(x)}{dx} = \lim_{h \rightarrow 0} \frac{f(x+h) - f(x)}{h}"#,
    #"f(x_0, x_1) = x_0^2 + x_1^2"#,
    #"\frac{\partial f}{\partial x_0}"#,
    #"\frac{\partial f}{\partial x_0} = \lim_{h \to 0} \frac{f(x_0 + h, x_1) - f(x_0 - h, x_1)}{2h}"#,
    #"\left( \frac{\partial f}{\partial x_0}, \frac{\partial f}{\partial x_1} \right)"#,
    #"x_0 = x_0 - \eta \frac{\partial f}{\partial x_0}"#,
    #"x_1 = x_1 - \eta \frac{\partial f}{\partial x_1}"#,
    #"\mathbf{W} = \left( \begin{array}{ccc} w_{11} & w_{12} & w_{13} \\ w_{21} & w_{22} & w_{23} \end{array} \right)"#,
    #"\frac{\partial L}{\partial \mathbf{W}} = \left( \begin{array}{ccc} \frac{\partial L}{\partial w_{11}} & \frac{\partial L}{\partial w_{12}} & \frac{\partial L}{\partial w_{13}} \\ \frac{\partial L}{\partial w_{21}} & \frac{\partial L}{\partial w_{22}} & \frac{\partial L}{\partial w_{23}} \end{array} \right)"#,
    #"y_k = \frac{\exp(a_k)}{\sum_{i=1}^{n} \exp(a_i)}"#,
    #"h(x) = \begin{cases} 1 & (x > 0) \\ 0 & (x \leq 0) \end{cases}"#,
    #"\sigma(x) = \frac{1}{1 + \exp(-x)}, \quad \nabla f = \begin{pmatrix} 2x_0 \\ 2x_1 \end{pmatrix}"#,
    #"f'(x) \approx \frac{f(x + h) - f(x - h)}{2h}, \qquad h = 10^{-4}"#,
    #"\mathbf{W} \leftarrow \mathbf{W} - \eta \frac{\partial L}{\partial \mathbf{W}} \quad \text{(learning rate } \eta = 0.1\text{)}"#,
    #"\hat{y} = \mathrm{softmax}(\mathbf{x}\mathbf{W} + \mathbf{b}), \quad \bar{x}, \vec{v}, \sqrt{2}, \sqrt[3]{x}"#,
]

@Test func bookEquationsMatchTheGoldenFile() throws {
    var text = ""
    for tex in bookEquations {
        text += "TeX:    " + tex + "\n"
        text += "MathML: " + (try MathML.render(tex, display: true)) + "\n\n"
    }
    try GoldenFile.check(text, against: "mathml-book.txt")
}
