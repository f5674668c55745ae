import Foundation
import Testing
@testable import WorkbookKit

@Test func quickSavesLeadToOneBuildAfterTheQuietPeriod() {
    // Whole seconds and a 2 s quiet period keep the arithmetic exact.
    var s = RebuildScheduler(quietPeriod: 2)
    var ok = false
    ok = s.shouldStartBuild(at: 0); #expect(!ok)          // nothing changed
    s.changeObserved(at: 10)
    ok = s.shouldStartBuild(at: 11); #expect(!ok)
    s.changeObserved(at: 11)                              // another save resets the clock
    s.changeObserved(at: 12)
    ok = s.shouldStartBuild(at: 13); #expect(!ok)
    ok = s.shouldStartBuild(at: 14); #expect(ok)          // quiet for 2 s: one build
    ok = s.shouldStartBuild(at: 15); #expect(!ok)         // and only one
    s.buildFinished()
    ok = s.shouldStartBuild(at: 50); #expect(!ok)         // nothing pending afterwards
}

@Test func changesDuringABuildLeadToExactlyOneMoreBuild() {
    var s = RebuildScheduler(quietPeriod: 0.2)
    var ok = false
    s.changeObserved(at: 0)
    ok = s.shouldStartBuild(at: 0.3); #expect(ok)
    #expect(s.building)
    for t in stride(from: 0.4, to: 2.0, by: 0.1) { s.changeObserved(at: t) }   // many saves while building
    ok = s.shouldStartBuild(at: 3); #expect(!ok)          // never overlapping
    s.buildFinished()
    ok = s.shouldStartBuild(at: 3); #expect(ok)           // exactly one more
    s.buildFinished()
    ok = s.shouldStartBuild(at: 4); #expect(!ok)
}

@Test func aChangeJustBeforeABuildFinishesStillWaitsForQuiet() {
    var s = RebuildScheduler(quietPeriod: 2)
    var ok = false
    s.changeObserved(at: 0)
    ok = s.shouldStartBuild(at: 2); #expect(ok)
    s.changeObserved(at: 9)
    s.buildFinished()
    ok = s.shouldStartBuild(at: 10); #expect(!ok)
    ok = s.shouldStartBuild(at: 11); #expect(ok)
}

@Test func watcherSeesAddedModifiedAndRemovedFiles() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let chapter = root.appendingPathComponent("01-a.md")
    try Data("one".utf8).write(to: chapter)
    var watcher = ChangeWatcher(paths: [root.path, root.appendingPathComponent("missing").path])
    var ok = false
    ok = watcher.poll(); #expect(!ok)
    try Data("one two".utf8).write(to: chapter)                          // size changes
    ok = watcher.poll(); #expect(ok)
    ok = watcher.poll(); #expect(!ok)
    try Data("x".utf8).write(to: root.appendingPathComponent(".01-a.md.swp"))   // editor files are ignored
    try Data("x".utf8).write(to: root.appendingPathComponent("01-a.md~"))
    ok = watcher.poll(); #expect(!ok)
    try Data("new".utf8).write(to: root.appendingPathComponent("02-b.md"))
    ok = watcher.poll(); #expect(ok)
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: chapter.path)
    ok = watcher.poll(); #expect(ok)                                               // same size, new time
    try FileManager.default.removeItem(at: chapter)
    ok = watcher.poll(); #expect(ok)
}
