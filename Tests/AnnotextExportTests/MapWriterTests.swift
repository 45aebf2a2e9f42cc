import AnnotextCore
import AnnotextExport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Runs `body` with a sink on a temporary file and returns what reached the file, flushes included.
func captured(_ body: (ByteSink) throws -> Void) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("annotext-export-\(UUID().uuidString)").path
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    #expect(descriptor >= 0)
    defer {
        close(descriptor)
        try? FileManager.default.removeItem(atPath: path)
    }
    let sink = ByteSink(descriptor: descriptor)
    try body(sink)
    sink.flush()
    return try String(contentsOfFile: path, encoding: .utf8)
}

/// Whether `xml` parses as well-formed XML, with the parser's error when not.
func parseXML(_ xml: String) -> (ok: Bool, error: String?, elements: [String]) {
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) { elements.append(name) }
    }
    let parser = XMLParser(data: Data(xml.utf8))
    let collector = Collector()
    parser.delegate = collector
    let ok = parser.parse()
    return (ok, parser.parserError.map { "\($0)" }, collector.elements)
}

@Suite struct MapWriterTests {
    /// Three concepts, two edges with evidence, one broader link; texts with markup characters.
    static let map: ConceptMap = {
        let first = ConceptMap.Edge(
            a: "nato", b: "hegemon", count: 1, countA: 2, countB: 1, total: 4,
            evidence: [ConceptMap.Evidence(document: "map2.txt", index: 0, text: "NATO faces a <hegemon> & \"friends\".")])
        let second = ConceptMap.Edge(
            a: "alliance", b: "nato", count: 1, countA: 2, countB: 2, total: 4,
            evidence: [ConceptMap.Evidence(document: "a/map.txt", index: 0, through: 1, text: "The alliance. NATO.")])
        return ConceptMap(
            sentences: 4, measure: .g2,
            nodes: [
                ConceptMap.Node(id: "alliance", label: "Alliance", mentions: 3, sentences: 2, documents: 1),
                ConceptMap.Node(id: "nato", label: "NATO \"North\"", mentions: 2, sentences: 2, documents: 2),
                ConceptMap.Node(id: "hegemon", label: "Hegemon & co", mentions: 1, sentences: 1, documents: 1),
            ],
            edges: [first, second], relations: [ConceptMap.Relation(from: "nato", to: "alliance", kind: .broader)])
    }()

    @Test func jsonCarriesNodesEdgesScoresEvidenceAndWindow() throws {
        let text = try captured { MapJSONWriter().write(Self.map, to: $0) }
        let json = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["window"] as? String == "sentence")
        #expect(json["measure"] as? String == "g2")
        let edges = try #require(json["edges"] as? [[String: Any]])
        #expect(edges.count == 2)
        #expect(edges[0]["source"] as? String == "nato")
        #expect(edges[0]["pmi"] as? Double == 1)
        #expect(Set(edges[0].keys) == ["source", "target", "count", "pmi", "npmi", "g2", "dice", "jaccard", "evidence"])
        let evidence = try #require(edges[1]["evidence"] as? [[String: Any]])
        #expect(evidence[0]["document"] as? String == "a/map.txt")
        #expect(evidence[0]["through"] as? Int == 1)
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["id"] as? String } == ["alliance", "nato", "hegemon"])
        let relations = try #require(json["relations"] as? [[String: Any]])
        #expect(relations[0]["type"] as? String == "broader")
    }

    @Test func dotDeclaresEveryNodeAndScalesEdgesByTheMeasure() throws {
        let text = try captured { MapDOTWriter().write(Self.map, to: $0) }
        #expect(text.hasPrefix("graph \"concept map\" {\n"))
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\"nato\" [label=\"NATO \\\"North\\\"\""))
        // The strongest edge gets the widest pen, the weakest the thinnest.
        #expect(text.contains("\"nato\" -- \"hegemon\" [penwidth=8,"))
        #expect(text.contains("\"alliance\" -- \"nato\" [penwidth=1,"))
        #expect(text.contains("\"nato\" -- \"alliance\" [style=dashed"))
        #expect(text.contains("dir=forward"))
    }

    @Test func graphmlIsWellFormedAndDeclaresEveryAttribute() throws {
        let text = try captured { MapGraphMLWriter().write(Self.map, to: $0) }
        let parsed = parseXML(text)
        #expect(parsed.ok, "\(parsed.error ?? "")")
        let declared = Set(
            text.split(separator: "\n").filter { $0.contains("<key id=") }.compactMap {
                $0.split(separator: "\"").dropFirst().first.map(String.init)
            })
        let used = Set(
            text.split(separator: "\n").filter { $0.contains("<data key=") }.compactMap {
                $0.split(separator: "\"").dropFirst().first.map(String.init)
            })
        #expect(!used.isEmpty)
        #expect(used.isSubset(of: declared))
        #expect(parsed.elements.filter { $0 == "node" }.count == 3)
        #expect(parsed.elements.filter { $0 == "edge" }.count == 3)
        #expect(text.contains("<data key=\"evidence\">a/map.txt#0-1</data>"))
    }

    @Test func htmlIsOneSelfContainedPageWithTheDrawingAndEvidence() throws {
        let text = try captured { MapHTMLWriter().write(Self.map, to: $0) }
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        #expect(text.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!text.contains("http://") || !text.contains("src=\"http"))
        #expect(!text.contains("<link"))
        #expect(!text.contains("src="))
        #expect(text.contains("<title>Hegemon &amp; co (hegemon): 1 mentions, 1 sentences, 1 documents</title>"))
        #expect(text.contains("NATO faces a &lt;hegemon&gt; &amp; &quot;friends&quot;."))
        #expect(text.contains("data-e=\"0\""))
        #expect(text.contains("id=\"ev-1\""))
        // The SVG alone is well-formed XML.
        let start = try #require(text.range(of: "<svg"))
        let end = try #require(text.range(of: "</svg>"))
        let parsed = parseXML(String(text[start.lowerBound..<end.upperBound]))
        #expect(parsed.ok, "\(parsed.error ?? "")")
        #expect(parsed.elements.filter { $0 == "circle" }.count == 3)
    }

    @Test func drawingsAreByteIdenticalForTheSameMap() throws {
        for write in [
            { (sink: ByteSink) in MapHTMLWriter().write(Self.map, to: sink) },
            { (sink: ByteSink) in MapDOTWriter().write(Self.map, to: sink) },
            { (sink: ByteSink) in MapGraphMLWriter().write(Self.map, to: sink) },
            { (sink: ByteSink) in MapJSONWriter().write(Self.map, to: sink) },
        ] {
            #expect(try captured(write) == captured(write))
        }
    }
}
