import AnnotextCore
import Foundation
import Testing

@testable import AnnotextExport

/// The HTML map's drawing: labels that never overlap, scores on the strongest edges, data
/// attributes that name what is drawn, and small maps that still draw.
@Suite struct MapDrawingTests {
    /// `count` concepts with long labels around a ring; every concept linked to the next three,
    /// the closer pairs stronger.
    static func ring(_ count: Int) -> ConceptMap {
        let nodes = (0..<count).map { i in
            ConceptMap.Node(
                id: "concept-\(i)", label: "Concept number \(i) with a long label", mentions: 5 + (i * 7) % 40,
                sentences: 5 + (i * 7) % 40, documents: 1)
        }
        var edges: [ConceptMap.Edge] = []
        for i in 0..<count {
            for step in 1...3 where count > step {
                let j = (i + step) % count
                edges.append(
                    ConceptMap.Edge(
                        a: nodes[min(i, j)].id, b: nodes[max(i, j)].id, count: 4 - step, countA: 8, countB: 8,
                        total: 500))
            }
        }
        edges.sort { ConceptMap.Measure.g2.score(of: $0) > ConceptMap.Measure.g2.score(of: $1) }
        return ConceptMap(sentences: 500, nodes: nodes, edges: edges, relations: [])
    }

    @Test(arguments: [3, 12, 18, 40])
    func nodeLabelsOverlapNeitherEachOtherNorAnyNode(count: Int) {
        let layout = MapLayout(Self.ring(count))
        for (i, label) in layout.labels.enumerated() {
            for (j, other) in layout.labels.enumerated() where j > i {
                #expect(!label.box.intersects(other.box), "labels \(i) and \(j) overlap")
            }
            for (j, point) in layout.points.enumerated() where j != i {
                #expect(!label.box.intersects(circleAt: point.x, point.y, radius: point.radius), "label \(i) covers node \(j)")
            }
            // Every label stays inside the drawing.
            #expect(label.box.minX >= 0 && label.box.maxX <= layout.width)
            #expect(label.box.minY >= 0 && label.box.maxY <= layout.height)
        }
    }

    @Test func scoresGoOnTheStrongestEdgesWithoutOverlapping() {
        let map = Self.ring(18)
        let layout = MapLayout(map)
        var index: [String: Int] = [:]
        for (number, node) in map.nodes.enumerated() { index[node.id] = number }
        let scores = MapEdgeLabels(map, layout, nodeIndex: index).placed
        #expect(!scores.isEmpty)
        #expect(scores.count <= MapEdgeLabels.limit)
        // The strongest edge always gets its number; weak edges (count 1 here) never do.
        #expect(scores.first?.edge == 0)
        #expect(scores.allSatisfy { map.edges[$0.edge].count > 1 })
        let boxes = scores.map(\.label.box)
        for (i, box) in boxes.enumerated() {
            for other in boxes[(i + 1)...] { #expect(!box.intersects(other)) }
            for label in layout.labels { #expect(!box.intersects(label.box)) }
        }
    }

    @Test func scoresAreWrittenAsTheMeasureReads() {
        #expect(MapEdgeLabels.text(12.345, .g2) == "12.3")
        #expect(MapEdgeLabels.text(-0.256, .pmi) == "-0.3")
        #expect(MapEdgeLabels.text(0.256, .npmi) == "0.26")
        #expect(MapEdgeLabels.text(7, .count) == "7")
    }

    @Test func drawnElementsCarryTheIdsAndCountsOfTheMap() throws {
        let text = try captured { MapHTMLWriter().write(MapWriterTests.map, to: $0) }
        #expect(text.contains("<g class=\"node\" data-id=\"nato\" data-mentions=\"2\" data-sentences=\"2\" data-documents=\"2\">"))
        #expect(text.contains("<g class=\"edge\" data-e=\"0\" data-a=\"nato\" data-b=\"hegemon\" data-count=\"1\""))
        #expect(text.contains("<line data-from=\"nato\" data-to=\"alliance\" data-kind=\"broader\""))
        #expect(text.contains(">NATO &quot;North&quot;<tspan class=\"count\"> 2</tspan></text>"))
        #expect(text.contains("<g class=\"legend\""))
    }

    @Test(arguments: [0, 1, 2])
    func smallMapsStillDrawOneWellFormedSVG(count: Int) throws {
        let map = Self.ring(count)
        let text = try captured { MapHTMLWriter().write(map, to: $0) }
        let start = try #require(text.range(of: "<svg"))
        let end = try #require(text.range(of: "</svg>"))
        let parsed = parseXML(String(text[start.lowerBound..<end.upperBound]))
        #expect(parsed.ok, "\(parsed.error ?? "")")
        #expect(parsed.elements.filter { $0 == "circle" }.count == count)
        // The drawing is wide enough for its legend.
        let width = text[start.upperBound...].split(separator: "\"").dropFirst(5).first.flatMap { Double($0) } ?? 0
        #expect(width >= MapBox.textWidth("Dashed arrow: narrower → broader concept (lexicon).", fontSize: 13) + 16)
    }
}
