import AnnotextCore
import Foundation
import Testing

@testable import AnnotextIngest

@Suite struct XMLReaderTests {
    @Test func readsTEIBlocksAndTitle() throws {
        let result = try DocumentReader().read(TestSupport.fixture("chapter.tei.xml"), name: "chapter.xml")
        let blocks = TestSupport.blocks(result.document)
        let expected: [(BlockKind, String)] = [
            (.heading, "The 1949 North Atlantic Treaty"),
            (.paragraph, "In 1949, Dean Acheson signed the treaty that created NATO. It was an alliance."),
            (.paragraph, "Dean Acheson"),
            (.listItem, "Collective defense"),
            (.listItem, "Deterrence"),
            (.paragraph, "An armed attack against one shall be considered an attack against them all."),
            (.paragraph, "Text with the correction\nand a line break."),
            (.paragraph, "See the archives."),
        ]
        #expect(blocks.map(\.0) == expected.map(\.0))
        #expect(blocks.map(\.1) == expected.map(\.1))
        #expect(result.document.title == "Milestones: 1945–1952")
        #expect(result.document.format == .xml)
        #expect(!result.document.text.contains("Header paragraph"))
        TestSupport.checkExtractedText(result.document)
    }

    @Test func keepsParagraphsInsideItemsApartAndQuotationsInsideParagraphsInline() throws {
        let tei = """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
            <list><item><p>First point.</p><p>Second point.</p></item></list>
            <p>He said <quote>never again</quote> and left.</p>
            </body></text></TEI>
            """
        let blocks = TestSupport.blocks(try TestSupport.read(tei, name: "t.xml").document)
        #expect(blocks.map(\.0) == [.listItem, .listItem, .paragraph])
        #expect(blocks.map(\.1) == ["First point.", "Second point.", "He said never again and left."])
    }

    @Test func readsUTF16XMLWithAByteOrderMark() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><doc><p>Équilibre</p></doc>"
        let bytes: [UInt8] = [0xFF, 0xFE] + Array(xml.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let result = try DocumentReader().read(bytes, name: "u.xml")
        #expect(result.document.text == "Équilibre")
    }

    @Test func readsOtherXMLByTextHoldingElements() throws {
        let result = try DocumentReader().read(TestSupport.fixture("generic.xml"), name: "lecture.xml")
        let blocks = TestSupport.blocks(result.document)
        #expect(blocks.map(\.0) == [.heading, .paragraph, .paragraph, .listItem])
        #expect(
            blocks.map(\.1) == [
                "Deterrence", "Deterrence rests on a credible threat.", "Costs & benefits <weigh> in.",
                "Nuclear deterrence",
            ])
        #expect(result.document.title == "Deterrence")
    }

    @Test func refusesABillionLaughsQuickly() throws {
        let bytes = try TestSupport.fixture("billion-laughs.xml")
        let clock = ContinuousClock()
        var error: IngestError?
        let elapsed = clock.measure {
            error = TestSupport.error { _ = try DocumentReader().read(bytes, name: "lol.xml") }
        }
        #expect(error?.description == "lol.xml: XML declares entities in a DTD, which annotext does not expand")
        #expect(error?.reason == .entityDeclarations)
        #expect(elapsed < .milliseconds(200))
    }

    @Test(arguments: ["external-entity.xml", "parameter-entity.xml"])
    func refusesExternalEntitiesWithoutReadingThem(file: String) throws {
        let error = TestSupport.error { _ = try DocumentReader().read(TestSupport.fixture(file), name: file) }
        #expect(error?.description == "\(file): XML declares entities in a DTD, which annotext does not expand")
        #expect(error?.description.contains("root:") == false)
    }

    @Test func neverLoadsAnExternalDTD() throws {
        let result = try DocumentReader().read(TestSupport.fixture("external-dtd.xml"), name: "dtd.xml")
        #expect(result.document.text == "Only this text.")
    }

    @Test func reportsMalformedXMLWithItsLine() throws {
        let error = TestSupport.error {
            _ = try DocumentReader().read(TestSupport.fixture("malformed.xml"), name: "bad.xml")
        }
        #expect(
            error?.description
                == "bad.xml: not well-formed XML at line 4: Opening and ending tag mismatch: p line 3 and doc")
        #expect(error?.line == 4)
        #expect(error?.reason == .malformedXML)
    }

    @Test func reportsAnUndefinedEntityAsMalformed() throws {
        let error = TestSupport.error { _ = try TestSupport.read("<doc>\n<p>&nbsp;</p></doc>", name: "e.xml") }
        #expect(error?.description == "e.xml: not well-formed XML at line 2: Entity 'nbsp' not defined")
    }

    @Test func refusesXMLNestedBeyondLibxml2sDepthLimitWithoutCrashing() throws {
        let depth = 100_000
        let xml = String(repeating: "<a>", count: depth) + "x" + String(repeating: "</a>", count: depth)
        let error = TestSupport.error { _ = try TestSupport.read(xml, name: "deep.xml") }
        #expect(error?.description == "deep.xml: XML nested too deep at line 1: more than 256 levels of elements")
    }

    @Test func readsTheSharedStateDepartmentChapters() throws {
        guard let corpus = TestSupport.sharedCorpus else {
            print("skipped: ../shared/corpus is absent")
            return
        }
        let chapters = [
            (
                "state-dept-milestones-1914-1920.xml", "Milestones: 1914–1920",
                "1914–1920: World War One and Wilsonian Diplomacy"
            ),
            ("state-dept-milestones-1945-1952.xml", "Milestones: 1945–1952", "1945–1952: The Early Cold War"),
            (
                "state-dept-milestones-1953-1960.xml", "Milestones: 1953–1960",
                "1953–1960: Entrenchment of a Bi-Polar Foreign Policy"
            ),
        ]
        for (file, title, firstHeading) in chapters {
            let url = corpus.appendingPathComponent(file)
            let document = try DocumentReader().read(contentsOf: url, name: file).document
            #expect(document.title == title)
            let blocks = TestSupport.blocks(document)
            #expect(blocks.first?.0 == .heading)
            #expect(blocks.first?.1 == firstHeading)
            #expect(blocks.filter { $0.0 == .heading }.count >= 5)
            #expect(!document.text.contains("Department of State\n"))
            #expect(document.language == "en")
            TestSupport.checkExtractedText(document)
        }
    }
}
