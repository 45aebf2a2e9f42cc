import AnnotextCore

/// Writes a concept map as a Graphviz graph: circle size by mention count (labels may overflow
/// small circles), edge width by the map's measure, scheme links dashed (with an arrow towards
/// the broader concept).
///
/// The graph asks for the `neato` layout, which suits an undirected association graph;
/// `dot -Tsvg map.dot` renders it as it is. Edges stay straight: graphviz 2.43's neato crashes
/// when spline routing and overlap removal are asked for together.
public struct MapDOTWriter {
    /// Creates a writer.
    public init() {}

    /// Writes the graph to `sink`.
    public func write(_ map: ConceptMap, to sink: ByteSink) {
        sink.write("graph \"concept map\" {\n")
        sink.write("  graph [layout=neato, overlap=false, sep=\"+6\", outputorder=edgesfirst, fontname=\"Helvetica\"")
        sink.write(", label=\(MapMarkup.dotQuoted(caption(map))), labelloc=t];\n")
        // fixedsize=shape: the circle's size says how frequent the concept is, whatever the
        // label's length; the label may overflow it, and overlap removal still keeps labels apart.
        sink.write("  node [shape=circle, fixedsize=shape, style=filled, fillcolor=\"#dbe8f6\", color=\"#3a6ea5\", fontname=\"Helvetica\"];\n")
        sink.write("  edge [color=\"#3a6ea5\"];\n")
        for (node, size) in zip(map.nodes, MapMarkup.relativeSizes(map)) {
            let width = 0.25 + 0.9 * size
            let tooltip = "\(node.label): \(node.mentions) mentions, \(node.sentences) sentences, \(node.documents) documents"
            sink.write("  \(MapMarkup.dotQuoted(node.id)) [label=\(MapMarkup.dotQuoted(node.label))")
            sink.write(", width=\(MapMarkup.fixed(width)), fontsize=\(MapMarkup.fixed(10 + 8 * size, 1))")
            sink.write(", mentions=\(node.mentions), tooltip=\(MapMarkup.dotQuoted(tooltip))];\n")
        }
        for (edge, strength) in zip(map.edges, MapMarkup.relativeScores(map)) {
            let tooltip =
                "\(edge.a) – \(edge.b): count \(edge.count), pmi \(MapMarkup.fixed(edge.pmi, 3)), npmi \(MapMarkup.fixed(edge.npmi, 3)), g2 \(MapMarkup.fixed(edge.g2, 3)), dice \(MapMarkup.fixed(edge.dice, 3)), jaccard \(MapMarkup.fixed(edge.jaccard, 3))"
            sink.write("  \(MapMarkup.dotQuoted(edge.a)) -- \(MapMarkup.dotQuoted(edge.b))")
            // Weak edges fade (alpha from 0.25 to 0.95), as in the HTML drawing.
            let alpha = String(Int((0.25 + 0.7 * strength) * 255), radix: 16, uppercase: true)
            sink.write(" [penwidth=\(MapMarkup.fixed(1 + 7 * strength)), weight=\(MapMarkup.fixed(1 + 9 * strength))")
            sink.write(", color=\"#3A6EA5\(alpha.count == 1 ? "0" + alpha : alpha)\"")
            sink.write(", count=\(edge.count), \(map.measure.rawValue)=\(MapMarkup.fixed(map.measure.score(of: edge), 4))")
            sink.write(", tooltip=\(MapMarkup.dotQuoted(tooltip))];\n")
        }
        for relation in map.relations {
            sink.write("  \(MapMarkup.dotQuoted(relation.from)) -- \(MapMarkup.dotQuoted(relation.to))")
            sink.write(" [style=dashed, color=\"#999999\", constraint=false, relation=\(relation.kind.rawValue)")
            sink.write(relation.kind == .broader ? ", dir=forward, arrowsize=0.7];\n" : "];\n")
        }
        sink.write("}\n")
    }

    private func caption(_ map: ConceptMap) -> String {
        "Concept map: window \(map.window), edge width by \(map.measure.rawValue)\(map.isRolledUp ? ", rolled up" : "")"
    }
}
