import Testing

@testable import AnnotextCore

/// Reading the abbreviation lists.
@Suite struct SegmentAbbreviationListTests {
    @Test func readsEntriesWithoutCommentsOrCase() {
        let list = AbbreviationList(texts: ["# a comment\nEtc.\n\n  op. cit.  # two words\nU.S.\n"])
        #expect(list.kind(of: "etc.") == .ordinary)
        #expect(list.kind(of: "ETC") == .ordinary)
        #expect(list.kind(of: "op.") == .ordinary)
        #expect(list.kind(of: "cit") == .ordinary)
        #expect(list.kind(of: "u.s.") == .ordinary)
        #expect(list.kind(of: "comment") == nil)
        #expect(list.count == 4)
    }

    @Test func takesKindFromFileName() {
        let list = AbbreviationList(files: [
            "titles.txt": "Mr.", "linking.txt": "e.g.", "references.txt": "Art.", "other.txt": "Inc.",
        ])
        #expect(list.kind(of: "Mr.") == .title)
        #expect(list.kind(of: "e.g.") == .linking)
        #expect(list.kind(of: "Art.") == .reference)
        #expect(list.kind(of: "Inc.") == .ordinary)
    }

    @Test func keepsTheKindThatEndsSentencesMoreEasily() {
        let list = AbbreviationList(files: ["titles.txt": "Sec.", "references.txt": "sec."])
        #expect(list.kind(of: "sec") == .reference)
    }

    @Test func embedsTheDefaultLists() {
        let list = AbbreviationList.default
        #expect(list.kind(of: "Mr.") == .title)
        #expect(list.kind(of: "e.g.") == .linking)
        #expect(list.kind(of: "Art.") == .reference)
        #expect(list.kind(of: "Jan.") == .reference)
        #expect(list.kind(of: "Jr.") == .ordinary)
        #expect(list.kind(of: "U.S.") == .ordinary)
        #expect(list.kind(of: "a.m.") == .ordinary)
        #expect(list.kind(of: "para.") == .reference)
        #expect(list.kind(of: "the") == nil)
        #expect(list.count > 150)
    }
}
