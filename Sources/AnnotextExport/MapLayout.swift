import AnnotextCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A deterministic circle layout of a concept map: nodes ordered by a greedy seriation (each
/// next node is the one most strongly tied to the last placed one), so that strongly linked
/// concepts sit side by side and their edges stay short.
struct MapLayout {
    /// A placed node: its centre, radius and where its label goes.
    struct Point {
        var x: Double
        var y: Double
        var radius: Double
        /// Whether the label sits left of the node (nodes on the left half).
        var labelsLeft: Bool
    }

    /// Node positions, indexed like `map.nodes`.
    let points: [Point]
    /// The drawing's width and height.
    let size: Double
    /// The centre of the circle.
    let centre: Double

    init(_ map: ConceptMap) {
        let count = map.nodes.count
        let circle = max(160, Double(count) * 16)
        size = 2 * (circle + 190)
        centre = size / 2
        let order = Self.seriation(map)
        let sizes = MapMarkup.relativeSizes(map)
        var points = Array(repeating: Point(x: centre, y: centre, radius: 6, labelsLeft: false), count: count)
        for (slot, node) in order.enumerated() {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(slot) / Double(max(count, 1))
            let x = count == 1 ? centre : centre + circle * cos(angle)
            let y = count == 1 ? centre : centre + circle * sin(angle)
            points[node] = Point(
                x: x, y: y, radius: 5 + 17 * sizes[node], labelsLeft: x < centre - 0.5)
        }
        self.points = points
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
