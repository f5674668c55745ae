/// An `ImageGrid` panel: the images as pixelated PNGs in a centred grid, a
/// thin frame around each and its label underneath.
struct ImageGridArtist {
    let grid: ImageGrid
    let rect: Rect

    func draw(into renderer: inout SVGRenderer) {
        let images = grid.images
        let n = images.count
        let cols = min(grid.columns, max(1, n))
        let rows = max(1, (n + cols - 1) / cols)
        let titleLines = Self.titleLines(grid.title, width: rect.w)
        let titleHeight = Self.titleHeight(lines: titleLines.count)
        let labelHeight = grid.labels.isEmpty ? 0.0 : 17.0
        let gap = 8.0, pad = 10.0
        let aspect = Double(max(1, grid.height)) / Double(max(1, grid.width))
        let cellW = min((rect.w - 2 * pad - gap * Double(cols - 1)) / Double(cols),
                        (rect.h - titleHeight - 2 * pad - Double(rows) * labelHeight - gap * Double(rows - 1)) / Double(rows) / aspect)
        let w = max(1, cellW), h = w * aspect
        let totalW = Double(cols) * w + Double(cols - 1) * gap
        let totalH = Double(rows) * (h + labelHeight) + Double(rows - 1) * gap
        let x0 = rect.x + (rect.w - totalW) / 2
        let y0 = rect.y + titleHeight + max(pad, (rect.h - titleHeight - totalH) / 2)
        renderer.open("g", ["class": "wbp-images"])
        for (line, text) in titleLines.enumerated() {
            renderer.text(text, at: Point(x: rect.x + rect.w / 2, y: rect.y + 22 + 18 * Double(line)), anchor: .middle, classes: "wbp-t wbp-title")
        }
        for (k, image) in images.enumerated() {
            let cell = Rect(x: x0 + Double(k % cols) * (w + gap), y: y0 + Double(k / cols) * (h + labelHeight + gap), w: w, h: h)
            renderer.image(pngURL(image), in: cell, style: "image-rendering:pixelated")
            renderer.rect(cell, ["class": "wbp-grid", "stroke-width": "1"])
            if k < grid.labels.count {
                renderer.text(grid.labels[k], at: Point(x: cell.x + w / 2, y: cell.y + h + 13), anchor: .middle, classes: "wbp-t wbp-tick")
            }
        }
        renderer.close("g")
    }

    /// The title in one line, or in two (split between words, the first line the
    /// longest that fits) when one line is wider than the panel —
    /// as in a phone's narrow layout.
    static func titleLines(_ title: String, width: Double) -> [String] {
        guard !title.isEmpty else { return [] }
        // The title is 14 px and semibold: DejaVu Sans' regular widths plus 10 %.
        func fits(_ text: String) -> Bool { textWidth(text, size: 14) * 1.1 <= width - 12 }
        let words = title.split(separator: " ").map(String.init)
        guard !fits(title), words.count > 1 else { return [title] }
        for split in (1..<words.count).reversed() {
            let first = words[..<split].joined(separator: " "), second = words[split...].joined(separator: " ")
            if fits(first) && fits(second) { return [first, second] }
        }
        let half = words.count / 2
        return [words[..<half].joined(separator: " "), words[half...].joined(separator: " ")]
    }

    /// Room above the images for a title of `lines` lines.
    static func titleHeight(lines: Int) -> Double {
        lines == 0 ? 0 : 28 + 18 * Double(lines - 1)
    }

    /// One image as a greyscale PNG: values clamped to 0…1 (NaN → 0), `inverted` flips.
    private func pngURL(_ image: [Double]) -> String {
        var pixels = [UInt8](repeating: 0, count: max(1, grid.width * grid.height))
        for i in 0..<min(pixels.count, image.count) {
            let v = image[i].isFinite ? min(1, max(0, image[i])) : 0
            pixels[i] = UInt8(((grid.inverted ? 1 - v : v) * 255).rounded())
        }
        return PNGEncoder.dataURL(width: grid.width, height: grid.height, channels: 1, pixels: pixels)
    }

    var description: String {
        let n = grid.images.count
        var description = "\(n) greyscale image\(n == 1 ? "" : "s") of \(grid.width)×\(grid.height) pixels"
        if !grid.title.isEmpty { description = "“\(grid.title)”: " + description }
        if !grid.labels.isEmpty { description += ", labelled \(grid.labels.prefix(n).joined(separator: ", "))" }
        return description + "."
    }
}
