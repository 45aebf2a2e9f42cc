import AnnotextCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A deterministic circle layout of a concept map: nodes ordered by a greedy seriation (each
/// next node is the one most strongly tied to the last placed one), so that strongly linked
/// concepts sit side by side and their edges stay short; node labels placed outward.
struct MapLayout {
    /// A placed node: its centre, radius and where its label goes.
    struct Point {
        var x: Double
        var y: Double
        var radius: Double
        /// Whether the label sits left of the node (nodes on the left half).
        var labelsLeft: Bool
    }

    /// The font size of node labels, in pixels.
    static let labelFontSize = 14.0

    /// Node positions, indexed like `map.nodes`.
    let points: [Point]
    /// Node label positions, indexed like `map.nodes`.
    let labels: [MapLabel]
    /// The drawing's width.
    let width: Double
    /// The drawing's height (the legend goes below it).
    let height: Double
    /// The centre of the circle.
    let centre: (x: Double, y: Double)

    init(_ map: ConceptMap) {
        let count = map.nodes.count
        // Room beside the circle for the longest label, and above and below it for one line.
        let longest = map.nodes.map { Self.labelWidth(Self.labelText($0)) }.max() ?? 0
        let margin = (x: max(60, longest + 40), y: 60.0)
        let order = Self.seriation(map)
        let sizes = MapMarkup.relativeSizes(map)
        // Widen the circle until no two labels overlap (bounded: labels of a wide circle are far apart).
        var circle = max(160, Double(count) * 16)
        var placed = Self.place(map, order: order, sizes: sizes, circle: circle, centre: (circle + margin.x, circle + margin.y))
        for _ in 0..<12 where Self.crowds(placed) {
            circle *= 1.15
            placed = Self.place(map, order: order, sizes: sizes, circle: circle, centre: (circle + margin.x, circle + margin.y))
        }
        width = 2 * (circle + margin.x)
        height = 2 * (circle + margin.y)
        centre = (circle + margin.x, circle + margin.y)
        points = placed.points
        labels = placed.labels
    }

    private static func place(
        _ map: ConceptMap, order: [Int], sizes: [Double], circle: Double, centre: (x: Double, y: Double)
    ) -> (points: [Point], labels: [MapLabel]) {
        let count = map.nodes.count
        var points = Array(repeating: Point(x: centre.x, y: centre.y, radius: 6, labelsLeft: false), count: count)
        for (slot, node) in order.enumerated() {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(slot) / Double(max(count, 1))
            let x = count == 1 ? centre.x : centre.x + circle * cos(angle)
            let y = count == 1 ? centre.y : centre.y + circle * sin(angle)
            points[node] = Point(x: x, y: y, radius: 5 + 17 * sizes[node], labelsLeft: x < centre.x - 0.5)
        }
        let labels = zip(map.nodes, points).map { node, point in
            label(labelText(node), at: point, centre: centre, circle: circle, alone: count == 1)
        }
        return (points, labels)
    }

    /// Whether a label overlaps another label or another node's circle.
    private static func crowds(_ placed: (points: [Point], labels: [MapLabel])) -> Bool {
        for (i, label) in placed.labels.enumerated() {
            for j in placed.labels.indices where j != i {
                if j > i, label.box.intersects(placed.labels[j].box, padding: 2) { return true }
                let point = placed.points[j]
                if label.box.intersects(circleAt: point.x, point.y, radius: point.radius + 2) { return true }
            }
        }
        return false
    }

    /// What a node's label says: its label, then its mention count.
    static func labelText(_ node: ConceptMap.Node) -> (label: String, count: String) {
        (node.label, " \(node.mentions)")
    }

    private static func labelWidth(_ text: (label: String, count: String)) -> Double {
        MapBox.textWidth(text.label + text.count, fontSize: labelFontSize)
    }

    /// Labels go outward: centred above or below a node at the very top or bottom; beside
    /// the nodes on the sides; and for the nodes between, above or below on the outer side, so
    /// that a label near the top or bottom does not run across its neighbour on the circle.
    private static func label(
        _ text: (label: String, count: String), at point: Point, centre: (x: Double, y: Double), circle: Double,
        alone: Bool
    ) -> MapLabel {
        let width = labelWidth(text), height = labelFontSize
        func label(x: Double, y: Double, anchor: String) -> MapLabel {
            let left = anchor == "end" ? x - width : anchor == "middle" ? x - width / 2 : x
            return MapLabel(
                x: x, y: y, anchor: anchor, box: MapBox(minX: left, minY: y - height + 2, maxX: left + width, maxY: y + 3))
        }
        let isUpper = point.y < centre.y
        if abs(point.x - centre.x) < 1, !alone {
            return label(
                x: point.x, y: isUpper ? point.y - point.radius - 6 : point.y + point.radius + 15, anchor: "middle")
        }
        let anchor = point.labelsLeft ? "end" : "start"
        if abs(point.y - centre.y) <= circle * 0.7 || alone {
            return label(x: point.x + (point.labelsLeft ? -1 : 1) * (point.radius + 5), y: point.y + 4, anchor: anchor)
        }
        let offset = point.radius * 0.7
        return label(
            x: point.x + (point.labelsLeft ? -1 : 1) * (offset + 2),
            y: isUpper ? point.y - offset - 4 : point.y + offset + 13, anchor: anchor)
    }

    /// The quadratic curve of the edge between nodes `a` and `b`: it bends towards the centre,
    /// so that edges between neighbours on the circle stay visible.
    func curve(_ a: Int, _ b: Int) -> MapCurve {
        let p = points[a], q = points[b]
        let mx = (p.x + q.x) / 2, my = (p.y + q.y) / 2
        return MapCurve(
            start: (p.x, p.y), control: (mx + (centre.x - mx) * 0.45, my + (centre.y - my) * 0.45), end: (q.x, q.y))
    }

    /// Node indexes in drawing order around the circle.
    static func seriation(_ map: ConceptMap) -> [Int] {
        let count = map.nodes.count
        guard count > 2 else { return Array(0..<count) }
        var position: [String: Int] = [:]
        for (index, node) in map.nodes.enumerated() { position[node.id] = index }
        // Ties weigh by the relative score, shifted so that every edge pulls a little.
        var weight = Array(repeating: Array(repeating: 0.0, count: count), count: count)
        for (edge, strength) in zip(map.edges, MapMarkup.relativeScores(map)) {
            guard let a = position[edge.a], let b = position[edge.b] else { continue }
            weight[a][b] = 0.1 + strength
            weight[b][a] = 0.1 + strength
        }
        let totals = weight.map { $0.reduce(0, +) }
        var placed = Array(repeating: false, count: count)
        var order: [Int] = []
        func strongest(_ score: (Int) -> Double) -> Int? {
            var best: Int?
            for node in 0..<count where !placed[node] {
                if best == nil || score(node) > score(best ?? node) { best = node }
            }
            return best
        }
        while order.count < count {
            let next: Int?
            if let last = order.last, let tied = strongest({ weight[last][$0] }), weight[last][tied] > 0 {
                next = tied
            } else {
                next = strongest { totals[$0] }
            }
            guard let next else { break }
            placed[next] = true
            order.append(next)
        }
        return order
    }
}
