import ArgumentParser
import WorkbookKit

@main
struct Workbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbook",
        abstract: "Turn Markdown chapters with run cells into a static HTML workbook."
    )
}
