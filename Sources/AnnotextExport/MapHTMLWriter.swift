import AnnotextCore

/// Writes a concept map as one self-contained HTML page: the map drawn as inline SVG (laid
/// out by `MapLayout`, so the same map gives the same bytes), counts on hover, and a panel
/// that shows an edge's scores and evidence sentences when the edge is clicked (or when the
/// page is opened as `map.html#e-N`, for edge N).
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
        let title = MapMarkup.escaped(title)
        sink.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(title)</title>\n")
        sink.write(Self.style)
        sink.write("</head>\n<body>\n<header><h1>\(title)</h1><p>")
        sink.write(MapMarkup.escaped(summary(map)))
        sink.write("</p></header>\n<main>\n")
        writeDrawing(map, to: sink)
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

    private func writeDrawing(_ map: ConceptMap, to sink: ByteSink) {
        let layout = MapLayout(map)
        var index: [String: Int] = [:]
        for (number, node) in map.nodes.enumerated() { index[node.id] = number }
        let legend = legend(map, top: layout.height)
        let width = MapMarkup.fixed(max(layout.width, legend.width), 0)
        let height = MapMarkup.fixed(layout.height + Self.legendHeight, 0)
        sink.write("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\">\n")
        sink.write("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"#999\"/></marker></defs>\n")
        sink.write("<g class=\"edges\">\n")
        // Weakest first, so that the strongest edges are drawn on top.
        for (number, (edge, strength)) in zip(map.edges, MapMarkup.relativeScores(map)).enumerated().reversed() {
            guard let a = index[edge.a], let b = index[edge.b] else { continue }
            let path = layout.curve(a, b).path
            sink.write("<g class=\"edge\" data-e=\"\(number)\" data-a=\"\(MapMarkup.escaped(edge.a))\" data-b=\"\(MapMarkup.escaped(edge.b))\"")
            sink.write(" data-count=\"\(edge.count)\" data-score=\"\(MapMarkup.fixed(map.measure.score(of: edge), 4))\">")
            sink.write("<path class=\"hit\" d=\"\(path)\"/>")
            sink.write("<path class=\"line\" d=\"\(path)\" stroke-width=\"\(f(1 + 7 * strength))\" stroke-opacity=\"\(f(0.2 + 0.7 * strength))\"/>")
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
            sink.write("<line data-from=\"\(MapMarkup.escaped(relation.from))\" data-to=\"\(MapMarkup.escaped(relation.to))\" data-kind=\"\(relation.kind.rawValue)\"")
            sink.write(" x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\"\(marker)>")
            sink.write("<title>\(MapMarkup.escaped("\(relation.from) \(relation.kind == .broader ? "is narrower than" : "is related to") \(relation.to)"))</title></line>\n")
        }
        sink.write("</g>\n<g class=\"scores\">\n")
        for score in MapEdgeLabels(map, layout, nodeIndex: index).placed {
            sink.write("<text class=\"score\" data-e=\"\(score.edge)\" x=\"\(f(score.label.x))\" y=\"\(f(score.label.y))\">\(score.text)</text>\n")
        }
        sink.write("</g>\n<g class=\"nodes\">\n")
        for (node, (point, label)) in zip(map.nodes, zip(layout.points, layout.labels)) {
            sink.write("<g class=\"node\" data-id=\"\(MapMarkup.escaped(node.id))\" data-mentions=\"\(node.mentions)\"")
            sink.write(" data-sentences=\"\(node.sentences)\" data-documents=\"\(node.documents)\">")
            sink.write("<circle cx=\"\(f(point.x))\" cy=\"\(f(point.y))\" r=\"\(f(point.radius))\"/>")
            let text = MapLayout.labelText(node)
            sink.write("<text x=\"\(f(label.x))\" y=\"\(f(label.y))\" text-anchor=\"\(label.anchor)\">")
            sink.write("\(MapMarkup.escaped(text.label))<tspan class=\"count\">\(text.count)</tspan></text>")
            let counts = "\(node.label) (\(node.id)): \(node.mentions) mentions, \(node.sentences) sentences, \(node.documents) documents"
            sink.write("<title>\(MapMarkup.escaped(counts))</title></g>\n")
        }
        sink.write("</g>\n")
        sink.write(legend.markup)
        sink.write("</svg>\n")
    }

    private static let legendHeight = 74.0

    /// Three lines under the drawing at `top`: what the line widths and numbers mean, with
    /// sample widths for the weakest, middle and strongest score; what circles mean; what dashed
    /// arrows mean. Returns the markup and how wide it is.
    private func legend(_ map: ConceptMap, top: Double) -> (markup: String, width: Double) {
        let lead = "Line width and numbers on lines: \(map.measure.rawValue)"
        var markup = "<g class=\"legend\" transform=\"translate(16,\(f(top + 6)))\"><text x=\"0\" y=\"14\">\(lead)</text>"
        var x = MapBox.textWidth(lead, fontSize: 13) + 16
        let scores = map.edges.map { map.measure.score(of: $0) }
        if let low = scores.min(), let high = scores.max() {
            // Widths grow with the square root of the score's place between low and high.
            for strength in high > low ? [0.0, 0.5, 1.0] : [1.0] {
                let value = MapEdgeLabels.text(low + (high - low) * strength * strength, map.measure)
                markup += "<line class=\"sample\" x1=\"\(f(x))\" y1=\"10\" x2=\"\(f(x + 36))\" y2=\"10\" stroke-width=\"\(f(1 + 7 * strength))\"/>"
                markup += "<text x=\"\(f(x + 42))\" y=\"14\">\(value)</text>"
                x += 54 + MapBox.textWidth(value, fontSize: 13)
            }
        }
        let notes = [
            "Circle size and the number after a name: mentions.", "Dashed arrow: narrower → broader concept (lexicon).",
        ]
        for (line, note) in notes.enumerated() {
            markup += "<text x=\"0\" y=\"\(34 + 18 * line)\">\(note)</text>"
            x = max(x, MapBox.textWidth(note, fontSize: 13))
        }
        return (markup + "</g>\n", x + 32)
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
        main{display:flex;flex-wrap:wrap;align-items:flex-start}svg{flex:none;max-width:100%;height:auto}
        aside{padding:1em;flex:1 1 20em;max-width:40em;font-size:.9em}aside h2{font-size:1.05em}aside th{text-align:left;padding-right:1em}
        aside li{margin:.4em 0}aside cite{color:#3a6ea5;font-style:normal;display:block;font-size:.85em}
        .edge .line{fill:none;stroke:#3a6ea5}.edge .hit{fill:none;stroke:transparent;stroke-width:12}
        .edge{cursor:pointer}.edge:hover .line,.edge.on .line{stroke:#d9480f;stroke-opacity:1}
        .relations line{stroke:#999;stroke-width:1;stroke-opacity:.8;stroke-dasharray:4 3}
        .score{font-size:11px;font-weight:600;fill:#1d3f66;text-anchor:middle;dominant-baseline:central;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round;pointer-events:none}
        .node circle{fill:#dbe8f6;stroke:#3a6ea5;stroke-width:1.5}.node text{font-size:14px;fill:#222;paint-order:stroke;stroke:#fff;stroke-width:3px}
        .node .count{fill:#666;font-size:12px}
        .legend text{font-size:13px;fill:#444}.legend .sample{stroke:#3a6ea5}
        svg.focus .edge:not(.near),svg.focus .score:not(.near),svg.focus .relations{opacity:.08}
        .hint{color:#777}
        </style>

        """

    private static let script = """
        <script>
        var drawing = document.querySelector('svg');
        function show(edge) {
          document.querySelectorAll('.edge.on').forEach(function (other) { other.classList.remove('on'); });
          edge.classList.add('on');
          document.getElementById('panel').innerHTML = document.getElementById('ev-' + edge.dataset.e).innerHTML;
        }
        document.querySelectorAll('.edge').forEach(function (edge) {
          edge.addEventListener('click', function () {
            show(edge);
            history.replaceState(null, '', '#e-' + edge.dataset.e);
          });
        });
        // map.html#e-3 opens with edge 3's evidence shown: a link to one edge.
        var linked = /^#e-([0-9]+)$/.exec(location.hash);
        var opened = linked && document.querySelector('.edge[data-e="' + linked[1] + '"]');
        if (opened) { show(opened); }
        // Hovering a concept keeps only its own edges and scores in view.
        document.querySelectorAll('.node').forEach(function (node) {
          node.addEventListener('mouseenter', function () {
            var id = node.dataset.id, near = {};
            document.querySelectorAll('.edge').forEach(function (edge) {
              var on = edge.dataset.a === id || edge.dataset.b === id;
              edge.classList.toggle('near', on);
              if (on) { near[edge.dataset.e] = true; }
            });
            document.querySelectorAll('.score').forEach(function (score) { score.classList.toggle('near', !!near[score.dataset.e]); });
            drawing.classList.add('focus');
          });
          node.addEventListener('mouseleave', function () { drawing.classList.remove('focus'); });
        });
        </script>

        """
}
