import Foundation
import Testing

@testable import AnnotextCore

/// The 48 English golden rules of `../shared/eval/golden_rules_en.json`.
@Suite(.enabled(if: SegmentSharedData.isAvailable, "../shared/eval is absent: golden rules skipped"))
struct SegmentGoldenRulesTests {
    @Test func readsAllFortyEightRules() {
        #expect(SegmentSharedData.goldenRules.count == 48)
    }

    @Test(arguments: SegmentSharedData.goldenRules)
    func passesGoldenRule(_ rule: SegmentSharedData.GoldenRule) {
        #expect(SegmentFixture.texts(rule.text) == rule.sentences)
    }
}
