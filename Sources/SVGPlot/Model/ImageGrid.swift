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
}
