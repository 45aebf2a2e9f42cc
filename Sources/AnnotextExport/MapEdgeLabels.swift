import AnnotextCore

/// Where the drawn map writes edge scores: on the curves of the strongest edges (at most
/// `limit`, and only those drawn at least a third of the full width), strongest first, at the
/// first spot that overlaps no node, no node label and no score already placed. Other edges
/// show their scores on hover; numbers on every line of a dense map would hide the lines.
struct MapEdgeLabels {
    /// The font size of the scores, in pixels.
    static let fontSize = 11.0
    /// At most this many scores.
    static let limit = 24
    /// Spots tried along the curve: the middle first, then towards either end.
    private static let spots = [0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73]

    /// The placed scores, in edge order: the edge's position in `map.edges`, the score as
    /// written, and where (centred).
    let placed: [(edge: Int, text: String, label: MapLabel)]

    /// Places the scores of `map`'s edges (already strongest first) on `layout`.
    init(_ map: ConceptMap, _ layout: MapLayout, nodeIndex: [String: Int]) {
        var taken = layout.labels.map(\.box)
        var placed: [(edge: Int, text: String, label: MapLabel)] = []
        for (number, (edge, strength)) in zip(map.edges, MapMarkup.relativeScores(map)).enumerated() {
            guard placed.count < Self.limit, strength >= 1.0 / 3 else { break }
            guard let a = nodeIndex[edge.a], let b = nodeIndex[edge.b] else { continue }
            let text = Self.text(map.measure.score(of: edge), map.measure)
            let curve = layout.curve(a, b)
            let width = MapBox.textWidth(text, fontSize: Self.fontSize) + 4
            for t in Self.spots {
                let point = curve.point(at: t)
                let box = MapBox(centredOn: point.x, point.y, width: width, height: Self.fontSize + 3)
                if taken.contains(where: { $0.intersects(box, padding: 1) }) { continue }
                if layout.points.contains(where: { box.intersects(circleAt: $0.x, $0.y, radius: $0.radius + 3) }) {
                    continue
                }
                taken.append(box)
                placed.append((number, text, MapLabel(x: point.x, y: point.y, anchor: "middle", box: box)))
                break
            }
        }
        self.placed = placed
    }

    /// A score as the drawing shows it: whole counts, one decimal for G² and PMI, two for the
    /// scores that live in [-1, 1].
    static func text(_ score: Double, _ measure: ConceptMap.Measure) -> String {
        switch measure {
        case .count: MapMarkup.fixed(score, 0)
        case .g2, .pmi: MapMarkup.fixed(score, 1)
        case .npmi, .dice, .jaccard: MapMarkup.fixed(score, 2)
        }
    }
}
