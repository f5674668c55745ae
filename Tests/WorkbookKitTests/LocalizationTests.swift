import Foundation
import Testing
@testable import WorkbookKit

/// The string tables: complete, consistent with English, and the fallback.
@Suite struct LocalizationTests {
    @Test func japaneseTableHasEveryEntry() {
        let missing = Strings.japanese.missingKeys.map(\.rawValue)
        #expect(missing.isEmpty, "missing ja entries (shown in English): \(missing.joined(separator: ", "))")
    }

    @Test func englishTableIsComplete() {
        #expect(Strings.english.missingKeys.isEmpty)
    }

    @Test func everyTranslationHasTheEnglishHoles() {
        for table in Strings.all {
            let mismatched = table.mismatchedHoles.map(\.rawValue)
            #expect(mismatched.isEmpty, "\(table.language): holes differ from English in \(mismatched.joined(separator: ", "))")
        }
    }

    @Test func aMissingEntryFallsBackToEnglishAndIsListed() {
        let partial = Strings(language: "xx", entries: [.contents: "Inhalt"])
        #expect(partial[.contents] == "Inhalt")
        #expect(partial[.figureNumber, ["n": "5.2"]] == "Figure 5.2")
        #expect(partial.missingKeys.contains(.figureNumber))
        #expect(!partial.missingKeys.contains(.contents))
    }

    @Test func tablesAreFoundByLanguageCode() {
        #expect(Strings.table(for: "ja")?.language == "ja")
        #expect(Strings.table(for: "ja-JP")?.language == "ja")
        #expect(Strings.table(for: "EN")?.language == "en")
        #expect(Strings.table(for: "fr") == nil)
    }

    @Test func figureNumbersAgreeBetweenEditions() {
        #expect(Strings.english[.figureNumber, ["n": "5.2"]] == "Figure 5.2")
        #expect(Strings.japanese[.figureNumber, ["n": "5.2"]] == "図 5.2")
    }
}

@Suite struct TextTemplateTests {
    @Test func fillsAndMatchesHoles() {
        let template = TextTemplate("Mini-batch of {size} from {count} training images")
        #expect(template.holes == ["size", "count"])
        #expect(template.fill(["size": "10", "count": "2000"]) == "Mini-batch of 10 from 2000 training images")
        #expect(template.match("Mini-batch of 10 from 2000 training images") == ["size": "10", "count": "2000"])
        #expect(template.match("Mini-batch of 10 from 2000 test images") == nil)
    }

    @Test func aRepeatedHoleMustMatchTheSameText() {
        let template = TextTemplate("{a} and {a}")
        #expect(template.match("x and x") == ["a": "x"])
        #expect(template.match("x and y") == nil)
    }

    @Test func bracesThatAreNotHolesStayText() {
        let template = TextTemplate("set {} and {not a hole}")
        #expect(template.holes.isEmpty)
        #expect(template.fill([:]) == "set {} and {not a hole}")
    }
}

@Suite struct OutputLocalizerTests {
    let japanese = OutputLocalizer(strings: .japanese)

    @Test func translatesExactWordsAndTemplates() {
        #expect(japanese.translate("iteration") == "反復回数")
        #expect(japanese.translate("train acc (seed 2)") == "訓練データ（シード 2）")
        #expect(japanese.translate("seed 2") == "シード 2")
        #expect(japanese.translate("0.5975") == "0.5975")
        #expect(japanese.translate("x0^2 + x1^2") == "x0^2 + x1^2")
    }

    @Test func translatesTheValuesInsideATemplate() {
        let note = "lr = 1e-10 barely moves: in 100 steps the point never gets farther than 5e-8 from the start (f from 25 to 24.99)."
        #expect(japanese.translate(note) == "lr = 1e-10 ではほとんど動かない。100 ステップの間、点は始点から 5e-8 より遠くへは行かない（f は 25 から 24.99）。")
        #expect(japanese.translate("f'(x) (central difference, h = 0.0001)") == "f'(x)（中心差分、h = 0.0001）")
    }

    @Test func englishIsLeftAsItIs() {
        let english = OutputLocalizer(strings: .english)
        let outputs: [CellOutput] = [.note("The grid shows the first 5 of the 10 images.")]
        #expect(english.localize(outputs) == outputs)
    }

    @Test func localizesEveryKindOfOutputButNumbersAndCode() {
        let outputs: [CellOutput] = [
            .value(key: "loss_without_delta", name: "loss without δ", value: 0.5),
            .numbers(key: "y", name: "y = softmax(p)", values: [0.1]),
            .table(OutputTable(name: "t", columns: ["split", "images"], rows: [[.text("test (テストデータ)"), .number(500)]])),
            .note("Drawn with replacement: 2 index(es) appear more than once."),
            .code(language: "swift", code: "let loss = 1", origin: "a.swift:1"),
        ]
        #expect(japanese.localize(outputs) == [
            .value(key: "loss_without_delta", name: "δ を含めない損失", value: 0.5),
            .numbers(key: "y", name: "y = softmax(p)", values: [0.1]),
            .table(OutputTable(name: "t", columns: ["区分", "画像数"], rows: [[.text("テストデータ"), .number(500)]])),
            .note("重複を許して選んだため、2 個の番号が 2 回以上現れる。"),
            .code(language: "swift", code: "let loss = 1", origin: "a.swift:1"),
        ])
    }

    @Test func localizesTheTextElementsOfAnSVG() {
        let svg = "<svg><title id=\"a\">accuracy per epoch</title><text class=\"wbp-t\" x=\"1\">iteration</text><text x=\"2\">t (target)</text><text>a &lt; b</text></svg>"
        #expect(japanese.localizeSVG(svg) == "<svg><title id=\"a\">エポックごとの認識精度</title><text class=\"wbp-t\" x=\"1\">反復回数</text><text x=\"2\">t（正解）</text><text>a &lt; b</text></svg>")
    }
}
