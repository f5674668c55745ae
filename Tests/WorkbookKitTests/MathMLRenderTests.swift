import Testing
import WorkbookKit

/// Renders inline and strips the `<math>` wrapper, so the table stays readable.
private func inner(_ tex: String) throws -> String {
    let xml = try MathML.render(tex, display: false)
    let open = #"<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline">"#
    #expect(xml.hasPrefix(open) && xml.hasSuffix("</math>"))
    return String(xml.dropFirst(open.count).dropLast("</math>".count))
}

@Test func wrapperCarriesTheDisplayMode() throws {
    #expect(try MathML.render("x", display: true) == #"<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><mi>x</mi></math>"#)
    #expect(try MathML.render("x", display: false) == #"<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline"><mi>x</mi></math>"#)
    #expect(try MathML.render("", display: false) == #"<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline"></math>"#)
}

@Test(arguments: [
    // tokens
    ("x", "<mi>x</mi>"),
    ("3.14", "<mn>3.14</mn>"),
    ("10x", "<mn>10</mn><mi>x</mi>"),
    ("a+b", "<mi>a</mi><mo>+</mo><mi>b</mi>"),
    ("a-b", "<mi>a</mi><mo>−</mo><mi>b</mi>"),
    ("-a", "<mo>−</mo><mi>a</mi>"),
    ("x = -1", #"<mi>x</mi><mo>=</mo><mo form="prefix">−</mo><mn>1</mn>"#),
    ("a < b > c", "<mi>a</mi><mo>&lt;</mo><mi>b</mi><mo>&gt;</mo><mi>c</mi>"),
    (#"a \& b"#, "<mi>a</mi><mo>&amp;</mo><mi>b</mi>"),
    ("(x)", #"<mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo>"#),
    // scripts
    ("x_{k}^{2}", "<msubsup><mi>x</mi><mi>k</mi><mn>2</mn></msubsup>"),
    ("x^2_k", "<msubsup><mi>x</mi><mi>k</mi><mn>2</mn></msubsup>"),
    ("x_12", "<msub><mi>x</mi><mn>1</mn></msub><mn>2</mn>"),
    ("x^{-1}", "<msup><mi>x</mi><mrow><mo>−</mo><mn>1</mn></mrow></msup>"),
    ("{}^2", "<msup><mrow></mrow><mn>2</mn></msup>"),
    ("f'(x)", #"<mrow><mi>f</mi><mo lspace="0" rspace="0">′</mo></mrow><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo>"#),
    ("f''", #"<mrow><mi>f</mi><mo lspace="0" rspace="0">″</mo></mrow>"#),
    ("f'^2", "<msup><mi>f</mi><mrow><mo>′</mo><mn>2</mn></mrow></msup>"),
    // fractions and roots
    (#"\frac{a}{b}"#, "<mfrac><mi>a</mi><mi>b</mi></mfrac>"),
    (#"\frac12"#, "<mfrac><mn>1</mn><mn>2</mn></mfrac>"),
    (#"\dfrac{a}{b}"#, #"<mfrac displaystyle="true"><mi>a</mi><mi>b</mi></mfrac>"#),
    (#"\sqrt{x}"#, "<msqrt><mi>x</mi></msqrt>"),
    (#"\sqrt[n]{x+1}"#, "<mroot><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow><mi>n</mi></mroot>"),
    (#"\binom{n}{k}"#, #"<mrow><mo>(</mo><mfrac linethickness="0"><mi>n</mi><mi>k</mi></mfrac><mo>)</mo></mrow>"#),
    // large operators and limits
    (#"\sum_{k}"#, #"<munder><mo largeop="true" movablelimits="true">∑</mo><mi>k</mi></munder>"#),
    (#"\prod_{i=1}^{n}"#, #"<munderover><mo largeop="true" movablelimits="true">∏</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover>"#),
    (#"\sum\nolimits_{k}"#, #"<msub><mo largeop="true" movablelimits="true">∑</mo><mi>k</mi></msub>"#),
    (#"\int_0^1"#, #"<msubsup><mo largeop="true">∫</mo><mn>0</mn><mn>1</mn></msubsup>"#),
    (#"\lim_{h \to 0}"#, #"<munder><mo lspace="0" rspace="0" movablelimits="true">lim</mo><mrow><mi>h</mi><mo>→</mo><mn>0</mn></mrow></munder><mo>&#x2061;</mo>"#),
    (#"\max(a, b)"#, #"<mi>max</mi><mo>&#x2061;</mo><mo stretchy="false">(</mo><mi>a</mi><mo>,</mo><mi>b</mi><mo stretchy="false">)</mo>"#),
    (#"\arg\min_{x}"#, #"<mi>arg</mi><mo rspace="0.1667em">&#x2061;</mo><munder><mo lspace="0" rspace="0" movablelimits="true">min</mo><mi>x</mi></munder><mo>&#x2061;</mo>"#),
    // function names
    (#"\log y"#, #"<mi>log</mi><mo rspace="0.1667em">&#x2061;</mo><mi>y</mi>"#),
    (#"\exp(x)"#, #"<mi>exp</mi><mo>&#x2061;</mo><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo>"#),
    (#"t \log y"#, #"<mi>t</mi><mspace width="0.1667em"></mspace><mi>log</mi><mo rspace="0.1667em">&#x2061;</mo><mi>y</mi>"#),
    (#"\sin\cos\tanh\max\min\arg"#, #"<mi>sin</mi><mo rspace="0.1667em">&#x2061;</mo><mi>cos</mi><mo rspace="0.1667em">&#x2061;</mo><mi>tanh</mi><mo rspace="0.1667em">&#x2061;</mo><mi>max</mi><mo rspace="0.1667em">&#x2061;</mo><mi>min</mi><mo rspace="0.1667em">&#x2061;</mo><mi>arg</mi><mo>&#x2061;</mo>"#),
    (#"\operatorname{softmax} x"#, #"<mi>softmax</mi><mo rspace="0.1667em">&#x2061;</mo><mi>x</mi>"#),
    // symbols
    (#"\partial \nabla \infty"#, #"<mi mathvariant="normal">∂</mi><mi mathvariant="normal">∇</mi><mi mathvariant="normal">∞</mi>"#),
    (#"\alpha\beta\gamma\delta\epsilon\varepsilon\eta\theta\lambda\mu\sigma\omega"#, "<mi>α</mi><mi>β</mi><mi>γ</mi><mi>δ</mi><mi>ϵ</mi><mi>ε</mi><mi>η</mi><mi>θ</mi><mi>λ</mi><mi>μ</mi><mi>σ</mi><mi>ω</mi>"),
    (#"\Gamma\Delta\Theta\Lambda\Xi\Pi\Sigma\Phi\Psi\Omega"#, #"<mi mathvariant="normal">Γ</mi><mi mathvariant="normal">Δ</mi><mi mathvariant="normal">Θ</mi><mi mathvariant="normal">Λ</mi><mi mathvariant="normal">Ξ</mi><mi mathvariant="normal">Π</mi><mi mathvariant="normal">Σ</mi><mi mathvariant="normal">Φ</mi><mi mathvariant="normal">Ψ</mi><mi mathvariant="normal">Ω</mi>"#),
    (#"\rightarrow\to\leftarrow\Rightarrow\cdot\times\pm\leq\geq\neq\approx\ldots\cdots"#, "<mo>→</mo><mo>→</mo><mo>←</mo><mo>⇒</mo><mo>⋅</mo><mo>×</mo><mo>±</mo><mo>≤</mo><mo>≥</mo><mo>≠</mo><mo>≈</mo><mo>…</mo><mo>⋯</mo>"),
    (#"\{ x \}"#, #"<mo stretchy="false">{</mo><mi>x</mi><mo stretchy="false">}</mo>"#),
    // spacing
    (#"a\quad b\qquad c\,d\;e"#, #"<mi>a</mi><mspace width="1em"></mspace><mi>b</mi><mspace width="2em"></mspace><mi>c</mi><mspace width="0.1667em"></mspace><mi>d</mi><mspace width="0.2778em"></mspace><mi>e</mi>"#),
    // fonts
    (#"\mathbf{W}"#, "<mi>𝐖</mi>"),
    (#"\mathbf{x}_1"#, "<msub><mi>𝐱</mi><mn>1</mn></msub>"),
    (#"\mathrm{d}x"#, #"<mi mathvariant="normal">d</mi><mi>x</mi>"#),
    (#"\mathrm{softmax}"#, "<mi>softmax</mi>"),
    (#"\mathbb{R}^n"#, "<msup><mi>ℝ</mi><mi>n</mi></msup>"),
    (#"\mathcal{L}"#, "<mi>ℒ</mi>"),
    (#"\boldsymbol{x}"#, "<mi>𝒙</mi>"),
    // text
    (#"\text{if } x < 0"#, "<mtext>if&#xA0;</mtext><mi>x</mi><mo>&lt;</mo><mn>0</mn>"),
    (#"\text{a<b & "c" {d}}"#, "<mtext>a&lt;b &amp; &quot;c&quot; {d}</mtext>"),
    // accents
    (#"\hat{y}"#, #"<mover accent="true"><mi>y</mi><mo stretchy="false">^</mo></mover>"#),
    (#"\bar{x}"#, #"<mover accent="true"><mi>x</mi><mo stretchy="false">¯</mo></mover>"#),
    (#"\vec{v}"#, "<mover accent=\"true\"><mi>v</mi><mo stretchy=\"false\">\u{20D7}</mo></mover>"),
    // fences
    (#"\left( x \right)"#, #"<mrow><mo form="prefix" stretchy="true">(</mo><mi>x</mi><mo form="postfix" stretchy="true">)</mo></mrow>"#),
    (#"\left[ x \right]"#, #"<mrow><mo form="prefix" stretchy="true">[</mo><mi>x</mi><mo form="postfix" stretchy="true">]</mo></mrow>"#),
    (#"\left\{ x \right\}"#, #"<mrow><mo form="prefix" stretchy="true">{</mo><mi>x</mi><mo form="postfix" stretchy="true">}</mo></mrow>"#),
    (#"\left| x \right."#, #"<mrow><mo form="prefix" stretchy="true">|</mo><mi>x</mi></mrow>"#),
    (#"\left( x \right)^2"#, #"<msup><mrow><mo form="prefix" stretchy="true">(</mo><mi>x</mi><mo form="postfix" stretchy="true">)</mo></mrow><mn>2</mn></msup>"#),
    (#"\log\left(x\right)"#, #"<mi>log</mi><mo>&#x2061;</mo><mrow><mo form="prefix" stretchy="true">(</mo><mi>x</mi><mo form="postfix" stretchy="true">)</mo></mrow>"#),
    (#"\big( x \big)"#, #"<mo stretchy="true" symmetric="true" minsize="1.2em" maxsize="1.2em">(</mo><mi>x</mi><mo stretchy="true" symmetric="true" minsize="1.2em" maxsize="1.2em">)</mo>"#),
    // tables
    (#"\begin{array}{cc} a & b \\ c & d \end{array}"#, "<mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable>"),
    (#"\begin{array}{l|r} a & b \\ \end{array}"#, #"<mtable><mtr><mtd columnalign="left"><mi>a</mi></mtd><mtd columnalign="right"><mi>b</mi></mtd></mtr></mtable>"#),
    (#"\begin{pmatrix} 1 & 2 \end{pmatrix}"#, #"<mrow><mo form="prefix" stretchy="true">(</mo><mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>2</mn></mtd></mtr></mtable><mo form="postfix" stretchy="true">)</mo></mrow>"#),
    (#"\begin{bmatrix} 1 \\ 2 \end{bmatrix}"#, #"<mrow><mo form="prefix" stretchy="true">[</mo><mtable><mtr><mtd><mn>1</mn></mtd></mtr><mtr><mtd><mn>2</mn></mtd></mtr></mtable><mo form="postfix" stretchy="true">]</mo></mrow>"#),
    // grouping
    ("{a b}", "<mrow><mi>a</mi><mi>b</mi></mrow>"),
    ("{a}", "<mi>a</mi>"),
    (#"\displaystyle x"#, #"<mrow displaystyle="true"><mi>x</mi></mrow>"#),
])
func renders(tex: String, mathml: String) throws {
    #expect(try inner(tex) == mathml, "\(tex)")
}

@Test func displayAndInlineDifferOnlyInTheAttribute() throws {
    // Limits move beside the operator inline through `movablelimits`, so
    // the markup is the same; only `display` changes.
    let tex = #"\sum_{k} t_{k}"#
    let block = try MathML.render(tex, display: true)
    let inline = try MathML.render(tex, display: false)
    #expect(block.replacingOccurrences(of: #"display="block""#, with: #"display="inline""#) == inline)
}
