import AnnotextCore

/// Writes a concept map as GraphML: every attribute declared by a `<key>`, co-occurrence
/// edges undirected, `broader` links directed from the narrower concept.
public struct MapGraphMLWriter {
    /// Creates a writer.
    public init() {}

    private static let keys: [(id: String, domain: String, type: String)] = [
        ("window", "graph", "string"), ("measure", "graph", "string"), ("rollup", "graph", "boolean"),
        ("sentences", "graph", "int"), ("windows", "graph", "int"),
        ("label", "node", "string"), ("mentions", "node", "int"), ("node_sentences", "node", "int"),
        ("documents", "node", "int"), ("node_windows", "node", "int"),
        ("kind", "edge", "string"), ("count", "edge", "int"), ("pmi", "edge", "double"), ("npmi", "edge", "double"),
        ("g2", "edge", "double"), ("dice", "edge", "double"), ("jaccard", "edge", "double"),
        ("weight", "edge", "double"), ("evidence", "edge", "string"),
    ]

    /// Writes the document to `sink`.
    public func write(_ map: ConceptMap, to sink: ByteSink) {
        sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        sink.write("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"")
        sink.write(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        sink.write(" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
        for key in Self.keys {
            let name = key.id.hasPrefix("node_") ? String(key.id.dropFirst(5)) : key.id
            sink.write("  <key id=\"\(key.id)\" for=\"\(key.domain)\" attr.name=\"\(name)\" attr.type=\"\(key.type)\"/>\n")
        }
        sink.write("  <graph id=\"concept-map\" edgedefault=\"undirected\">\n")
        data("window", map.window.description, sink, indent: 4)
        data("measure", map.measure.rawValue, sink, indent: 4)
        data("rollup", map.isRolledUp ? "true" : "false", sink, indent: 4)
        data("sentences", String(map.sentences), sink, indent: 4)
        data("windows", String(map.windows), sink, indent: 4)
        for node in map.nodes {
            sink.write("    <node id=\"\(MapMarkup.escaped(node.id))\">\n")
            data("label", node.label, sink)
            data("mentions", String(node.mentions), sink)
            data("node_sentences", String(node.sentences), sink)
            data("documents", String(node.documents), sink)
            data("node_windows", String(node.windows), sink)
            sink.write("    </node>\n")
        }
        for (number, edge) in map.edges.enumerated() {
            sink.write("    <edge id=\"e\(number)\" source=\"\(MapMarkup.escaped(edge.a))\" target=\"\(MapMarkup.escaped(edge.b))\">\n")
            data("kind", "cooccurrence", sink)
            data("count", String(edge.count), sink)
            for (key, value) in [("pmi", edge.pmi), ("npmi", edge.npmi), ("g2", edge.g2), ("dice", edge.dice), ("jaccard", edge.jaccard)] {
                data(key, MapMarkup.fixed(value, 6), sink)
            }
            data("weight", MapMarkup.fixed(map.measure.score(of: edge), 6), sink)
            data("evidence", edge.evidence.map(MapMarkup.label).joined(separator: " "), sink)
            sink.write("    </edge>\n")
        }
        for (number, relation) in map.relations.enumerated() {
            let directed = relation.kind == .broader ? "true" : "false"
            sink.write("    <edge id=\"r\(number)\" source=\"\(MapMarkup.escaped(relation.from))\"")
            sink.write(" target=\"\(MapMarkup.escaped(relation.to))\" directed=\"\(directed)\">\n")
            data("kind", relation.kind.rawValue, sink)
            sink.write("    </edge>\n")
        }
        sink.write("  </graph>\n</graphml>\n")
    }

    private func data(_ key: String, _ value: String, _ sink: ByteSink, indent: Int = 6) {
        sink.write(String(repeating: " ", count: indent))
        sink.write("<data key=\"\(key)\">\(MapMarkup.escaped(value))</data>\n")
    }
}
