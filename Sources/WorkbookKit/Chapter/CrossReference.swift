/// A `@label` reference in prose (`see @fig-loss`), recorded so a later stage
/// can check labels and link them. The text stays in the HTML unchanged
/// (`@fig-loss`); the linker finds it there by label.
public struct CrossReference: Sendable, Equatable, Hashable {
    /// The label without `@`: `[A-Za-z][A-Za-z0-9_-]*`, trailing `-`/`_` dropped.
    public var label: String
    /// Location of the `@`.
    public var location: SourceLocation

    public init(label: String, location: SourceLocation) {
        self.label = label
        self.location = location
    }
}
