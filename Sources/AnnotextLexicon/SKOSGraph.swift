import AnnotextCore

/// The statements of an RDF/XML file that the SKOS import needs, as plain values: one
/// `SKOSResource` per subject, in the order subjects first appear.
struct SKOSGraph {
    /// Subjects in order of first appearance.
    private(set) var resources: [SKOSResource] = []
    private var indexByURI: [String: Int] = [:]

    /// The resource named `uri`, if the file says anything about it.
    func resource(_ uri: String) -> SKOSResource? {
        indexByURI[uri].map { resources[$0] }
    }

    /// Records that `uri` is described at `location`, returning its index.
    mutating func describe(_ uri: String, at location: SourceLocation) -> Int {
        if let index = indexByURI[uri] { return index }
        indexByURI[uri] = resources.count
        resources.append(SKOSResource(uri: uri, location: location))
        return resources.count - 1
    }

    /// Adds a type to the resource at `index`.
    mutating func addType(_ type: String, to index: Int) {
        if !resources[index].types.contains(type) { resources[index].types.append(type) }
    }

    /// Adds a text value of `predicate` to the resource at `index`.
    mutating func addLiteral(_ literal: SKOSLiteral, to index: Int) {
        resources[index].literals.append(literal)
    }

    /// Adds a link to another resource.
    mutating func addLink(_ link: SKOSLink, to index: Int) {
        resources[index].links.append(link)
    }
}

/// What the file says about one subject.
struct SKOSResource {
    /// The subject's URI as written (resolved against `xml:base` when there is one), or `_:name`
    /// for a blank node.
    var uri: String
    /// Where it is first described.
    var location: SourceLocation
    /// Full URIs of its types (`rdf:type`, or the node element's own name).
    var types: [String] = []
    /// Text values.
    var literals: [SKOSLiteral] = []
    /// Links to other resources.
    var links: [SKOSLink] = []

    /// Whether the subject is a blank node (no URI of its own).
    var isBlank: Bool { uri.hasPrefix("_:") }

    /// Text values of `predicate`, in file order.
    func literals(_ predicate: String) -> [SKOSLiteral] {
        literals.filter { $0.predicate == predicate }
    }

    /// Targets of the links of `predicate`, in file order.
    func links(_ predicate: String) -> [SKOSLink] {
        links.filter { $0.predicate == predicate }
    }
}

/// A text value: `skos:prefLabel xml:lang="en"` and its text.
struct SKOSLiteral {
    /// The predicate's full URI.
    var predicate: String
    /// The text.
    var value: String
    /// The `xml:lang` in force, nil when there is none.
    var language: String?
    /// Where it is written.
    var location: SourceLocation
}

/// A link to another resource: `skos:broader rdf:resource="…"`.
struct SKOSLink {
    /// The predicate's full URI.
    var predicate: String
    /// The target's URI (or `_:name`).
    var target: String
    /// Where it is written.
    var location: SourceLocation
}

/// The vocabularies the import reads.
enum SKOSVocabulary {
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let skos = "http://www.w3.org/2004/02/skos/core#"
    static let dcTerms = "http://purl.org/dc/terms/"
    static let dcElements = "http://purl.org/dc/elements/1.1/"
    static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    static let owl = "http://www.w3.org/2002/07/owl#"
    static let xml = "http://www.w3.org/XML/1998/namespace"

    static let concept = skos + "Concept"
    static let conceptScheme = skos + "ConceptScheme"
}
