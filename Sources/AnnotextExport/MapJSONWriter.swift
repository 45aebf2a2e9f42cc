import AnnotextCore

/// Writes a concept map as the JSON of `annotext map`:
/// `{"nodes": […], "edges": […], "relations": […], "window": …, "measure": …, …}`.
public struct MapJSONWriter {
    /// Creates a writer.
    public init() {}

    /// Writes the map and a final line break to `sink`.
    public func write(_ map: ConceptMap, to sink: ByteSink) {
        sink.writeJSON(jsonValue(map))
        sink.write("\n")
    }

    /// The map as a JSON value, keys in a fixed order.
    public func jsonValue(_ map: ConceptMap) -> JSONValue {
        .object([
            ("nodes", .array(map.nodes.map(node))),
            ("edges", .array(map.edges.map(edge))),
            (
                "relations",
                .array(
                    map.relations.map {
                        .object([
                            ("source", .string($0.from)), ("target", .string($0.to)), ("type", .string($0.kind.rawValue)),
                        ])
                    })
            ),
            ("window", windowValue(map.window)),
            ("measure", .string(map.measure.rawValue)),
            ("rollup", .bool(map.isRolledUp)),
            ("sentences", .int(map.sentences)),
            ("windows", .int(map.windows)),
        ])
    }

    private func node(_ node: ConceptMap.Node) -> JSONValue {
        .object([
            ("id", .string(node.id)), ("label", .string(node.label)), ("mentions", .int(node.mentions)),
            ("sentences", .int(node.sentences)), ("documents", .int(node.documents)), ("windows", .int(node.windows)),
        ])
    }

    private func edge(_ edge: ConceptMap.Edge) -> JSONValue {
        .object([
            ("source", .string(edge.a)), ("target", .string(edge.b)), ("count", .int(edge.count)),
            ("pmi", .double(edge.pmi)), ("npmi", .double(edge.npmi)), ("g2", .double(edge.g2)),
            ("dice", .double(edge.dice)), ("jaccard", .double(edge.jaccard)),
            ("evidence", .array(edge.evidence.map(evidence))),
        ])
    }

    private func evidence(_ evidence: ConceptMap.Evidence) -> JSONValue {
        var members: [(String, JSONValue)] = [("document", .string(evidence.document)), ("index", .int(evidence.index))]
        if evidence.through != evidence.index { members.append(("through", .int(evidence.through))) }
        if let text = evidence.text { members.append(("text", .string(text))) }
        return .object(members)
    }

    private func windowValue(_ window: ConceptMap.Window) -> JSONValue {
        switch window {
        case .sentences(let size) where size > 1: .int(size)
        default: .string(window.description)
        }
    }
}
