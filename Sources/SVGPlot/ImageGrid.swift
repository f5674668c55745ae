import Foundation

/// A grid of small greyscale images (e.g. MNIST digits) with a label under each.
/// Each image is embedded as a PNG `data:` URL drawn with `image-rendering: pixelated`.
public struct ImageGrid: Sendable, Equatable {
    /// Pixel values 0…1, row-major, `width × height` each (others are clamped; NaN is 0).
    public var images: [[Double]]
    public var width: Int
    public var height: Int
    public var labels: [String]
    public var columns: Int
    public var title: String
    /// false: 0 is black and 1 white (like the book's `img_show`); true: the reverse.
    public var inverted: Bool

    public init(images: [[Double]], width: Int = 28, height: Int = 28, labels: [String] = [], columns: Int = 8,
                title: String = "", inverted: Bool = false) {
        self.images = images
        self.width = width
        self.height = height
        self.labels = labels
        self.columns = max(1, columns)
        self.title = title
        self.inverted = inverted
    }

    func render(in rect: Rect) -> PanelResult {
        let n = images.count
        let cols = min(columns, max(1, n))
        let rows = max(1, (n + cols - 1) / cols)
        let titleHeight = title.isEmpty ? 0.0 : 28.0
        let labelHeight = labels.isEmpty ? 0.0 : 17.0
        let gap = 8.0, pad = 10.0
        let aspect = Double(max(1, height)) / Double(max(1, width))
        let cellW = min((rect.w - 2 * pad - gap * Double(cols - 1)) / Double(cols),
                        (rect.h - titleHeight - 2 * pad - Double(rows) * labelHeight - gap * Double(rows - 1)) / Double(rows) / aspect)
        let w = max(1, cellW), h = w * aspect
        let totalW = Double(cols) * w + Double(cols - 1) * gap
        let totalH = Double(rows) * (h + labelHeight) + Double(rows - 1) * gap
        let x0 = rect.x + (rect.w - totalW) / 2
        let y0 = rect.y + titleHeight + max(pad, (rect.h - titleHeight - totalH) / 2)
        var svg = "<g class=\"wbp-images\">\n"
        if !title.isEmpty {
            svg += textElement(title, x: rect.x + rect.w / 2, y: rect.y + 22, anchor: "middle", classes: "wbp-t wbp-title")
        }
        for (k, image) in images.enumerated() {
            let x = x0 + Double(k % cols) * (w + gap)
            let y = y0 + Double(k / cols) * (h + labelHeight + gap)
            var pixels = [UInt8](repeating: 0, count: max(1, width * height))
            for i in 0..<min(pixels.count, image.count) {
                let v = image[i].isFinite ? min(1, max(0, image[i])) : 0
                pixels[i] = UInt8(((inverted ? 1 - v : v) * 255).rounded())
            }
            let url = PNGEncoder.dataURL(width: width, height: height, channels: 1, pixels: pixels)
            svg += "<image x=\"\(svgNumber(x))\" y=\"\(svgNumber(y))\" width=\"\(svgNumber(w))\" height=\"\(svgNumber(h))\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" href=\"\(url)\"/>\n"
            svg += "<rect class=\"wbp-grid\" stroke-width=\"1\" x=\"\(svgNumber(x))\" y=\"\(svgNumber(y))\" width=\"\(svgNumber(w))\" height=\"\(svgNumber(h))\"/>\n"
            if k < labels.count {
                svg += textElement(labels[k], x: x + w / 2, y: y + h + 13, anchor: "middle", classes: "wbp-t wbp-tick")
            }
        }
        svg += "</g>\n"
        var description = "\(n) greyscale image\(n == 1 ? "" : "s") of \(width)×\(height) pixels"
        if !title.isEmpty { description = "“\(title)”: " + description }
        if !labels.isEmpty { description += ", labelled \(labels.prefix(n).joined(separator: ", "))" }
        return PanelResult(svg: svg, description: description + ".")
    }
}
