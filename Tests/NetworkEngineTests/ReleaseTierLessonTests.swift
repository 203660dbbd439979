import Foundation
import Testing
import NetExplorerAssets
import NetworkEngine

/// The release tier runs every built-in lesson headless with its scripted answers
/// (`Tests/NetworkEngineTests/LessonScripts/NAME.json`) and checks that each measured figure lands in its check's
/// `expect` range: a lesson that would teach a wrong number fails CI. The ranges and their derivations from theory
/// are in each lesson file's comments.
@Suite("Release tier: every lesson's measurements land in their ranges", .releaseTier)
struct ReleaseTierLessonTests {
    @Test("Every built-in lesson, run with its script", arguments: LessonCatalog.builtinNames)
    func lesson(_ name: String) throws {
        let lesson = try LessonCatalog.load(name)
        let url = try #require(Bundle.module.url(forResource: "LessonScripts/\(name)", withExtension: "json"),
                               "no script for lesson '\(name)'")
        let answers = try LessonScript.read(yaml: String(decoding: try Data(contentsOf: url), as: UTF8.self),
                                            source: url.lastPathComponent, for: lesson)
        #expect(Set(answers.keys) == Set(lesson.asks.keys), "the script answers every ask")
        let run = LessonRunTests.run(lesson, answers)
        #expect(run.isFinished)
        for c in run.results where c.inRange != nil {
            #expect(c.inRange == true, "\(name) step \(c.index + 1), \(c.text): measured \(c.measured ?? .nan)")
        }
    }
}
