/// A piece of text that the tool itself writes: on every page (the frame, the
/// pager, the reference page), under a cell (notes, table headings, value
/// names) or into a figure (axis labels, legends, panel titles).
///
/// Each language has one table from keys to templates (`Strings+en.swift`,
/// `Strings+ja.swift`). A template names its variable parts in braces,
/// `"Figure {n}"`; every translation uses the same names. Terminal diagnostics
/// are not here: they stay in English, as the Swift compiler's do.
public enum TextKey: String, CaseIterable, Sendable {
    // MARK: The page frame
    /// The language's own name, used by the language switch ("日本語").
    case languageName
    /// `aria-label` of the language switch.
    case languageSwitch
    case contents
    case directives
    /// `aria-label` of the top bar's links.
    case workbookNavigation
    case chapterNumber
    case figureNumber
    case onThisPage
    case linkToSection
    /// `aria-label` of the previous / next pager.
    case chapterNavigation
    case previous
    case next
    /// Heading of the box that shows a failed cell's diagnostics.
    case cellErrorHeading
    case notRun
    /// The front page's link to the directive reference: `{link}` is the link.
    case referenceLinkSentence
    case referenceLinkText
    /// After a heading: the book's section numbers ("book 4.5").
    case bookSection
    /// `title` of the pager's access-key hint.
    case accessKeyHint
    /// The index's mark on a chapter with errors.
    case oneError
    case errorCount
    /// The index's map from the book's sections and figures to this workbook.
    case bookMapHeading
    case bookMapLead
    case bookColumn
    case workbookColumn
    case bookMapChapter

    // MARK: The directive reference page
    /// `{run}` and `{common}` are code the page fills in.
    case referenceIntro
    case referenceParameter
    case referenceAccepts
    case referenceDefault
    case referenceMeaning
    case referenceOptional
    case referenceRequired

    // MARK: Notes under cells
    case dataSetNote
    case trainNote
    case gradientCheckNote
    case simpleNetNote
    case minibatchGridNote
    case minibatchRepeatNote
    case sourceOverloadsNote
    case gradientNotFiniteNote
    case partialNotFiniteNote
    case surfaceNotFiniteNote
    case gradientFieldNote
    case gradientFieldNotFiniteNote
    case plotNotFiniteNote
    case tangentMissingNote
    case derivativeZeroStepNote
    case derivativeFloatRoundingNote
    case derivativeDoubleRoundingNote
    case descentOverflowsNote
    case descentDivergesNote
    case descentDivergesStalledNote
    case descentBarelyMovesNote
    case descentGrowsNote
    case descentNotDecreasingNote
    case steps
    case oneStep

    // MARK: Table headings, row names and value names
    case prediction
    case argmaxY
    case yAtTarget
    case sumOfSquaresColumn
    case crossEntropyColumn
    case parameter
    case shape
    case meanDifferenceColumn
    case maxRelativeError
    case meanDifferenceValue
    case index
    case label
    case classColumn
    case split
    case images
    case labels
    case trainingSplit
    case testSplit
    case trainingImages
    case testImages
    case derivativeColumn
    case centralDifference
    case forwardDifference
    case centralDifferenceFloat
    case forwardDifferenceFloat
    case learningRate
    case fAtStart
    case fAtEnd
    /// Columns of the descent table.
    case endX0Column
    case endX1Column
    case outcome
    case outcomeDecreases
    case outcomeBarelyMoves
    case outcomeNotDecreasing
    case outcomeDiverges
    case outcomeOverflows
    case epoch
    case trainAccuracyValue
    case testAccuracyValue
    case lastLossValue
    case lossWithoutDelta
    case randomWeights
    case sumOfSquaresValue
    case sumOfSquaresOf
    case crossEntropyValue
    case crossEntropyOf
    case smallestOnGrid
    case largestOnGrid
    case largestGradient
    case endX0
    case endX1
    case fAtEndValue
    case partialX0At
    case partialX1At
    case slopeAt
    case interceptAt

    // MARK: Words drawn into figures
    case iteration
    case loss
    case accuracy
    case epochs
    case lossOfEveryIteration
    case firstIterations
    case lossFigureTitle
    case accuracyFigureTitle
    case accuracyPerEpoch
    case seedLegend
    case trainAccuracyLegend
    case testAccuracyLegend
    case trainAccuracySeedLegend
    case testAccuracySeedLegend
    case trainLegend
    case testLegend
    case trainSeedLegend
    case testSeedLegend
    case runningMeanLegend
    case seedRunningMeanLegend
    case enlargedFromEpochOne
    case leavesTheView
    case classK
    case probability
    case targetBars
    case tangentAt
    case descentPath
    case minibatchTitle
    case firstTrainingImages
    /// SVGPlot's note on points it could not draw.
    case clippedPoint
    case clippedPoints
    case clippedPointsNotFinite
    /// An image's caption in a grid: its index and its class.
    case imageCaption

    // MARK: Fashion-MNIST's classes, in label order
    case tShirtTop
    case trouser
    case pullover
    case dress
    case coat
    case sandal
    case shirt
    case sneaker
    case bag
    case ankleBoot
}
