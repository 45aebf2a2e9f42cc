import CLibXML2

/// What a tree walk does at each node.
protocol NodeVisitor {
    /// Called on entering an element; returns whether to walk into its children.
    mutating func enter(_ element: xmlNodePtr) -> Bool
    /// Called on leaving an element that `enter` accepted (never for a skipped one).
    mutating func leave(_ element: xmlNodePtr)
    /// Called for a text or CDATA node.
    mutating func text(_ node: xmlNodePtr)
}

/// Walks a libxml2 tree in document order with a loop over child/next/parent links, never
/// recursion: a page nested 100,000 deep must not exhaust the stack.
enum TreeWalker {
    /// Visits `root` and everything below it.
    static func walk<Visitor: NodeVisitor>(_ root: xmlNodePtr, _ visitor: inout Visitor) {
        var node: xmlNodePtr? = root
        while let current = node {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                if visitor.enter(current) {
                    if let child = current.pointee.children {
                        node = child
                        continue
                    }
                    visitor.leave(current)
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                visitor.text(current)
            default:
                break
            }
            // Climb until a node has a next sibling, leaving each element on the way up.
            node = nil
            var up = current
            while up != root {
                if let next = up.pointee.next {
                    node = next
                    break
                }
                guard let parent = up.pointee.parent else { break }
                if parent.pointee.type == XML_ELEMENT_NODE { visitor.leave(parent) }
                up = parent
            }
        }
    }
}
