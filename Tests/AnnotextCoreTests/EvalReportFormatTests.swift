import Testing

@testable import AnnotextCore

@Suite struct EvalReportFormatTests {
    @Test func printsAlignedTablesForPeople() {
        #expect(
            EvalFixture.report.text == """
                passages: 1

                                    tp  fp  fn  precision  recall     f1
                boundaries           1   0   1      1.000   0.500  0.667
                sentences            0   1   2      0.000   0.000  0.000
                mentions (exact)     2   2   1      0.500   0.667  0.571
                mentions (overlap)   3   1   0      0.750   1.000  0.857

                negation accuracy: 0.667 (2 of 3 matched mentions)

                concept   tp  fp  fn  precision  recall     f1
                alliance   0   1   1      0.000   0.000  0.000
                hegemon    1   0   0      1.000   1.000  1.000
                nato       1   0   0      1.000   1.000  1.000
                realism    0   1   0      0.000       -  0.000

                """)
    }

    @Test func printsOneJSONObject() {
        #expect(
            EvalFixture.report.json
                == #"{"passages":1,"boundaries":{"tp":1,"fp":0,"fn":1,"precision":1,"recall":0.5,"f1":0.6667},"#
                + #""sentences":{"tp":0,"fp":1,"fn":2,"precision":0,"recall":0,"f1":0},"#
                + #""mentions":{"exact":{"tp":2,"fp":2,"fn":1,"precision":0.5,"recall":0.6667,"f1":0.5714},"#
                + #""overlap":{"tp":3,"fp":1,"fn":0,"precision":0.75,"recall":1,"f1":0.8571}},"#
                + #""negation":{"agreeing":2,"total":3,"accuracy":0.6667},"#
                + #""concepts":[{"concept":"alliance","tp":0,"fp":1,"fn":1,"precision":0,"recall":0,"f1":0},"#
                + #"{"concept":"hegemon","tp":1,"fp":0,"fn":0,"precision":1,"recall":1,"f1":1},"#
                + #"{"concept":"nato","tp":1,"fp":0,"fn":0,"precision":1,"recall":1,"f1":1},"#
                + #"{"concept":"realism","tp":0,"fp":1,"fn":0,"precision":0,"recall":null,"f1":0}]}"#)
    }

    @Test(arguments: [(0.0, "0.000"), (1.0, "1.000"), (2.0 / 3.0, "0.667"), (0.0005, "0.001"), (0.9996, "1.000")])
    func roundsFiguresToThreeDecimals(_ value: Double, _ expected: String) {
        #expect(EvaluationReport.decimal(value) == expected)
    }

    @Test func escapesConceptIDsInJSON() {
        #expect(EvaluationReport.string("a\"b\\c\n\u{1}") == #""a\"b\\c\n\u0001""#)
    }
}
