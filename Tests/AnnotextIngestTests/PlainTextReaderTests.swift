import AnnotextCore
import Foundation
import Testing

@testable import AnnotextIngest

@Suite struct PlainTextReaderTests {
    @Test func keepsTextCharacterForCharacterAndDropsOnlyTheByteOrderMark() throws {
        let result = try DocumentReader().read(TestSupport.fixture("bom-crlf.txt"), name: "notes.txt")
        #expect(result.document.text == "First line,\r\nsecond  line.\r\n\r\nNext\tparagraph.\r\n")
        #expect(result.document.blocks.isEmpty)
        #expect(result.document.format == .text)
        #expect(result.document.language == "en")
        #expect(result.warnings.isEmpty)
    }

    @Test(arguments: ["utf16le.txt", "utf16be.txt"])
    func decodesUTF16WithByteOrderMark(file: String) throws {
        let result = try DocumentReader().read(TestSupport.fixture(file), name: file)
        #expect(result.document.text == "Balance of power — équilibre.\n")
        #expect(result.warnings.isEmpty)
    }

    @Test func decodesUTF16WithoutByteOrderMarkInsteadOfCallingItBinary() throws {
        let bytes = Array("Collective security in practice.\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let result = try DocumentReader().read(bytes, name: "wide.txt")
        #expect(result.document.text == "Collective security in practice.\n")
    }

    @Test func fallsBackToWindows1252WithAWarningNamingTheFile() throws {
        let result = try DocumentReader().read(TestSupport.fixture("windows-1252.txt"), name: "old/notes.txt")
        #expect(result.document.text == "Café “diplomacy” — naïve states.\n")
        #expect(result.warnings.map(\.description) == ["old/notes.txt: not valid UTF-8; read as Windows-1252"])
    }

    @Test func refusesBinaryData() throws {
        let error = TestSupport.error {
            _ = try DocumentReader().read(TestSupport.fixture("binary.bin"), name: "image.txt")
        }
        #expect(error?.description == "image.txt: looks like a binary file, not text")
        #expect(error?.reason == .binary)
    }

    @Test func refusesTextMadeMostlyOfControlBytes() {
        let bytes = [UInt8](repeating: 0x01, count: 600) + Array("some words".utf8)
        let error = TestSupport.error { _ = try DocumentReader().read(bytes, name: "ctl.txt") }
        #expect(error?.description == "ctl.txt: looks like a binary file, not text")
    }

    @Test func acceptsAnEmptyFileAsAnEmptyDocument() throws {
        for format in DocumentFormat.allCases {
            let result = try DocumentReader().read([], name: "empty", format: format)
            #expect(result.document.text == "")
            #expect(result.document.blocks.isEmpty)
            #expect(result.warnings.isEmpty)
        }
    }

    @Test func readsAOneMegabyteSingleLine() throws {
        let line = String(repeating: "collective security ", count: 52_429)
        let result = try TestSupport.read(line, name: "long.txt")
        #expect(result.document.text == line)
        #expect(result.document.text.utf8.count > 1_000_000)
    }

    @Test func judgesThePlainTextLanguage() throws {
        let dutch = "De Partijen bij dit Verdrag bevestigen opnieuw haar vertrouwen in de doeleinden van het Handvest."
        #expect(try TestSupport.read(dutch, name: "nl.txt").document.language == "nl")
        #expect(try TestSupport.read("Short.", name: "short.txt").document.language == "en")
    }
}
