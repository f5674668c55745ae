/// A point in pixels (or, for contours before mapping, in data units).
struct Point: Equatable {
    var x: Double, y: Double
}

/// A rectangle in pixels: origin at the top left, y growing downwards.
struct Rect: Equatable {
    var x: Double, y: Double, w: Double, h: Double
    var maxX: Double { x + w }
    var maxY: Double { y + h }

    func contains(_ px: Double, _ py: Double, tolerance: Double = 0.01) -> Bool {
        px >= x - tolerance && px <= maxX + tolerance && py >= y - tolerance && py <= maxY + tolerance
    }

    /// The rectangle grown by `d` on every side (shrunk when `d` is negative).
    func insetBy(_ d: Double) -> Rect {
        Rect(x: x + d, y: y + d, w: w - 2 * d, h: h - 2 * d)
    }
}
