import AnnotextCore

/// Writes a concept map as one self-contained HTML page: the map drawn as inline SVG (laid
/// out by `MapLayout`, so the same map gives the same bytes), counts on hover, and a panel
/// that shows an edge's scores and evidence sentences when the edge is clicked.
///
/// No network: no external scripts, styles or fonts. Evidence texts come from the map
/// (`ConceptMap.Options.includesEvidenceText`).
public struct MapHTMLWriter {
    /// The page title.
    public var title: String

    /// Creates a writer.
    public init(title: String = "Concept map") {
        self.title = title
    }

    /// Writes the page to `sink`.
    public func write(_ map: ConceptMap, to sink: ByteSink) {
        let layout = MapLayout(map)
        let title = MapMarkup.escaped(title)
        sink.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(title)</title>\n")
        sink.write(Self.style)
        sink.write("</head>\n<body>\n<header><h1>\(title)</h1><p>")
        sink.write(MapMarkup.escaped(summary(map)))
        sink.write("</p></header>\n<main>\n")
        writeDrawing(map, layout, to: sink)
        sink.write("<aside id=\"panel\"><p class=\"hint\">Click an edge to see its scores and the sentences behind it. Hover a concept for its counts.</p></aside>\n")
        sink.write("</main>\n<div hidden>\n")
        for (number, edge) in map.edges.enumerated() { writeEvidence(number, edge, map, to: sink) }
        sink.write("</div>\n")
        sink.write(Self.script)
        sink.write("</body>\n</html>\n")
    }

    private func summary(_ map: ConceptMap) -> String {
        let window = map.window == .paragraph ? "paragraph" : map.window == .sentence ? "sentence" : "\(map.window) sentences"
        return "\(map.nodes.count) concepts, \(map.edges.count) co-occurrence edges (window: \(window); "
            + "edge width by \(map.measure.rawValue)\(map.isRolledUp ? "; narrower concepts rolled up" : "")), "
            + "\(map.sentences) sentences. Dashed lines are lexicon links."
    }

    private func writeDrawing(_ map: ConceptMap, _ layout: MapLayout, to sink: ByteSink) {
        let size = MapMarkup.fixed(layout.size, 0)
        sink.write("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(size) \(size)\" width=\"\(size)\" height=\"\(size)\" role=\"img\">\n")
        sink.write("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"#999\"/></marker></defs>\n")
        var index: [String: Int] = [:]
        for (number, node) in map.nodes.enumerated() { index[node.id] = number }
        let c = layout.centre
        sink.write("<g class=\"edges\">\n")
        for (number, (edge, strength)) in zip(map.edges, MapMarkup.relativeScores(map)).enumerated() {
            guard let a = index[edge.a], let b = index[edge.b] else { continue }
            let p = layout.points[a], q = layout.points[b]
            // Bend towards the centre so that edges between neighbours stay visible.
            let mx = (p.x + q.x) / 2, my = (p.y + q.y) / 2
            let path = "M\(f(p.x)),\(f(p.y)) Q\(f(mx + (c - mx) * 0.45)),\(f(my + (c - my) * 0.45)) \(f(q.x)),\(f(q.y))"
            sink.write("<g class=\"edge\" data-e=\"\(number)\"><path class=\"hit\" d=\"\(path)\"/>")
            sink.write("<path class=\"line\" d=\"\(path)\" stroke-width=\"\(f(1 + 7 * strength))\" stroke-opacity=\"\(f(0.3 + 0.6 * strength))\"/>")
            sink.write("<title>\(MapMarkup.escaped(edgeTitle(edge, map)))</title></g>\n")
        }
        sink.write("</g>\n<g class=\"relations\">\n")
        for relation in map.relations {
            guard let a = index[relation.from], let b = index[relation.to] else { continue }
            let p = layout.points[a], q = layout.points[b]
            let length = max(((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot(), 1)
            // Stop at the circles' rims so that the arrow head shows.
            let x1 = p.x + (q.x - p.x) * p.radius / length, y1 = p.y + (q.y - p.y) * p.radius / length
            let x2 = q.x - (q.x - p.x) * q.radius / length, y2 = q.y - (q.y - p.y) * q.radius / length
            let marker = relation.kind == .broader ? " marker-end=\"url(#arrow)\"" : ""
            sink.write("<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\"\(marker)>")
            sink.write("<title>\(MapMarkup.escaped("\(relation.from) \(relation.kind == .broader ? "is narrower than" : "is related to") \(relation.to)"))</title></line>\n")
        }
        sink.write("</g>\n<g class=\"nodes\">\n")
        for (node, point) in zip(map.nodes, layout.points) {
            // Labels go outward: beside nodes on the sides, above or below those near the top and bottom.
            let isSide = abs(point.x - c) > (c - 190) * 0.3 || map.nodes.count == 1
            let x = isSide ? point.x + (point.labelsLeft ? -(point.radius + 5) : point.radius + 5) : point.x
            let y = isSide ? point.y + 4 : point.y < c ? point.y - point.radius - 6 : point.y + point.radius + 15
            let anchor = isSide ? (point.labelsLeft ? "end" : "start") : "middle"
            sink.write("<g class=\"node\"><circle cx=\"\(f(point.x))\" cy=\"\(f(point.y))\" r=\"\(f(point.radius))\"/>")
            sink.write("<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\">\(MapMarkup.escaped(node.label))</text>")
            let counts = "\(node.label) (\(node.id)): \(node.mentions) mentions, \(node.sentences) sentences, \(node.documents) documents"
            sink.write("<title>\(MapMarkup.escaped(counts))</title></g>\n")
        }
        sink.write("</g>\n</svg>\n")
    }

    private func edgeTitle(_ edge: ConceptMap.Edge, _ map: ConceptMap) -> String {
        "\(label(edge.a, map)) – \(label(edge.b, map)): \(edge.count) shared, \(map.measure.rawValue) \(MapMarkup.fixed(map.measure.score(of: edge), 3))"
    }

    private func label(_ id: String, _ map: ConceptMap) -> String {
        map.nodes.first { $0.id == id }?.label ?? id
    }

    private func writeEvidence(_ number: Int, _ edge: ConceptMap.Edge, _ map: ConceptMap, to sink: ByteSink) {
        sink.write("<div id=\"ev-\(number)\"><h2>\(MapMarkup.escaped("\(label(edge.a, map)) – \(label(edge.b, map))"))</h2>\n<table>")
        let scores: [(String, String)] = [
            ("count", String(edge.count)), ("pmi", MapMarkup.fixed(edge.pmi, 3)), ("npmi", MapMarkup.fixed(edge.npmi, 3)),
            ("g2", MapMarkup.fixed(edge.g2, 3)), ("dice", MapMarkup.fixed(edge.dice, 3)),
            ("jaccard", MapMarkup.fixed(edge.jaccard, 3)),
        ]
        for (name, value) in scores { sink.write("<tr><th>\(name)</th><td>\(value)</td></tr>") }
        sink.write("</table>\n<ol>\n")
        for evidence in edge.evidence {
            sink.write("<li><cite>\(MapMarkup.escaped(MapMarkup.label(evidence)))</cite> \(MapMarkup.escaped(evidence.text ?? ""))</li>\n")
        }
        sink.write("</ol></div>\n")
        sink.flushIfFull()
    }

    private func f(_ value: Double) -> String { MapMarkup.fixed(value, 1) }

    private static let style = """
        <style>
        body{font-family:system-ui,sans-serif;margin:0;color:#222}
        header{padding:.5em 1em;border-bottom:1px solid #ddd}h1{font-size:1.2em;margin:.2em 0}header p{margin:.2em 0;color:#555}
        main{display:flex;align-items:flex-start}svg{flex:none;max-width:70vw;height:auto}
        aside{padding:1em;max-width:30vw;font-size:.9em}aside h2{font-size:1.05em}aside th{text-align:left;padding-right:1em}
        aside li{margin:.4em 0}aside cite{color:#3a6ea5;font-style:normal;display:block;font-size:.85em}
        .edge .line{fill:none;stroke:#3a6ea5}.edge .hit{fill:none;stroke:transparent;stroke-width:12}
        .edge{cursor:pointer}.edge:hover .line,.edge.on .line{stroke:#d9480f;stroke-opacity:1}
        .relations line{stroke:#aaa;stroke-width:.8;stroke-opacity:.7;stroke-dasharray:4 3}
        .node circle{fill:#dbe8f6;stroke:#3a6ea5;stroke-width:1.5}.node text{font-size:13px;fill:#222}
        .hint{color:#777}
        </style>

        """

    private static let script = """
        <script>
        document.querySelectorAll('.edge').forEach(function (edge) {
          edge.addEventListener('click', function () {
            document.querySelectorAll('.edge.on').forEach(function (other) { other.classList.remove('on'); });
            edge.classList.add('on');
            document.getElementById('panel').innerHTML = document.getElementById('ev-' + edge.dataset.e).innerHTML;
          });
        });
        </script>

        """
}
