import AnnotextCore
import AnnotextLexicon
import Foundation
import Testing

@Suite struct SKOSImportErrorTests {
    private func message(_ text: String, language: String = "en") -> String? {
        do {
            _ = try SKOSFixture.importing(text, language: language)
            return nil
        } catch let error as LexiconError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func refusesMalformedXMLWithItsPlace() {
        let text =
            "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n  <a></b>\n</rdf:RDF>\n"
        #expect(
            message(text) == "inline.rdf:3:10: not well-formed XML: Opening and ending tag mismatch: a line 3 and b")
    }

    @Test func refusesEntityDeclarationsWithoutExpandingThem() {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE rdf:RDF [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            ]>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">&lol2;</rdf:RDF>
            """
        #expect(message(text)?.hasSuffix(": declares an entity; annotext never expands entities") == true)
        #expect(message(text)?.hasPrefix("inline.rdf:3:") == true)
    }

    @Test func refusesExternalEntitiesAndNeverReadsThem() {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE rdf:RDF [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">&secret;</rdf:RDF>
            """
        #expect(message(text)?.hasSuffix(": declares an entity; annotext never expands entities") == true)
    }

    @Test func refusesAFileWithoutConcepts() {
        #expect(message(SKOSFixture.rdf("")) == "inline.rdf: no skos:Concept in the file")
    }

    @Test func refusesConceptsWithoutLabelsInTheLanguage() {
        let text = SKOSFixture.rdf(
            ##"<skos:Concept rdf:about="#a"><skos:prefLabel xml:lang="de">Bündnis</skos:prefLabel></skos:Concept>"##)
        #expect(message(text) == #"inline.rdf: no skos:Concept has a label in "en""#)
    }

    @Test func refusesBroaderCycles() {
        let text = SKOSFixture.rdf(
            """
            <skos:Concept rdf:about="#a"><skos:prefLabel>A</skos:prefLabel><skos:broader rdf:resource="#b"/></skos:Concept>
            <skos:Concept rdf:about="#b"><skos:prefLabel>B</skos:prefLabel><skos:broader rdf:resource="#a"/></skos:Concept>
            """)
        #expect(message(text) == "inline.rdf:6:1: broader cycle: a → b → a")
    }

    @Test func refusesAnEmptyAndAMissingFile() throws {
        #expect(message("") == "inline.rdf: the file is empty")
        let missing = URL(fileURLWithPath: "no-such-dir/missing.rdf")
        #expect(throws: LexiconError(file: "no-such-dir/missing.rdf", message: "no such file")) {
            try SKOSImporter().importScheme(contentsOf: missing)
        }
    }
}
