/// A `@label` reference in prose (`see @fig-loss`): a `.reference` node of the
/// document model, which the plan step checks and the renderer links.
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
