/// The values of a grid as a viridis image (one pixel per grid point, an
/// embedded PNG), coloured over the colour bar's range.
struct HeatMapArtist: Artist {
    let contour: Mark.Contour

    /// The finite range of the values (nil when there is none): the colour bar's range.
    var valueRange: (Double, Double)? { finiteRange(contour.grid.values.flatMap { $0 }) }

    func include(into extent: inout DataExtent, vertical: Bool) {
        for v in (vertical ? contour.grid.y : contour.grid.x) { extent.include(v) }
    }

    func draw(in context: inout DrawingContext) {
        let grid = contour.grid
        let nx = grid.x.count, ny = grid.y.count
        guard nx >= 2, ny >= 2, let range = valueRange else { return }
        let (vmin, vmax) = context.layout.colorRange ?? range
        var pixels: [UInt8] = []
        pixels.reserveCapacity(nx * ny * 3)
        for j in stride(from: ny - 1, through: 0, by: -1) {
            for i in 0..<nx {
                let v = grid.at(i, j)
                if v.isFinite {
                    let (r, g, b) = viridis(vmax > vmin ? (v - vmin) / (vmax - vmin) : 0.5)
                    pixels += [r, g, b]
                } else {
                    pixels += [128, 128, 128]
                }
            }
        }
        // Pixel centres sit on the grid points.
        let dx = (grid.x[nx - 1] - grid.x[0]) / Double(nx - 1), dy = (grid.y[ny - 1] - grid.y[0]) / Double(ny - 1)
        let limit = 1e6  // beyond this the visible part is a fraction of one cell: not worth an image
        let transform = context.transform
        guard let x0 = transform.x.px(grid.x[0] - dx / 2), let x1 = transform.x.px(grid.x[nx - 1] + dx / 2),
              let y0 = transform.y.px(grid.y[0] - dy / 2), let y1 = transform.y.px(grid.y[ny - 1] + dy / 2),
              [x0, x1, y0, y1].allSatisfy({ abs($0) < limit }) else { return }
        let url = PNGEncoder.dataURL(width: nx, height: ny, channels: 3, pixels: pixels)
        context.renderer.image(url, in: Rect(x: min(x0, x1), y: min(y0, y1), w: abs(x1 - x0), h: abs(y1 - y0)))
    }

    var description: [String] {
        var text = "\(contour.lines ? "Heat map with contour lines" : "Heat map") of a \(contour.grid.x.count)×\(contour.grid.y.count) grid"
        if let r = valueRange { text += ", values from \(readableNumber(r.0)) to \(readableNumber(r.1))" }
        return [text + "."]
    }
}

/// The smallest and largest finite value, nil when there is none.
func finiteRange(_ values: [Double]) -> (Double, Double)? {
    var lo = Double.infinity, hi = -Double.infinity
    for v in values where v.isFinite {
        lo = min(lo, v)
        hi = max(hi, v)
    }
    return lo <= hi ? (lo, hi) : nil
}
