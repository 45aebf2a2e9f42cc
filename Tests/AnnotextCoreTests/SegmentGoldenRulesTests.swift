import Foundation
import Testing

@testable import AnnotextCore

/// The 48 English golden rules of `../shared/eval/golden_rules_en.json`.
@Suite(.enabled(if: SharedData.isAvailable, "../shared/eval is absent: golden rules skipped"))
struct SegmentGoldenRulesTests {
    @Test func readsAllFortyEightRules() {
        #expect(SharedData.goldenRules.count == 48)
    }

    @Test(arguments: SharedData.goldenRules)
    func passesGoldenRule(_ rule: SharedData.GoldenRule) {
        #expect(Segment.texts(rule.text) == rule.sentences)
    }
}
