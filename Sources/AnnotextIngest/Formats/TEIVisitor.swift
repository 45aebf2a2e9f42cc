import AnnotextCore
import CLibXML2

/// Walks the `<text>` of a TEI document: `head` → heading, `p`/`ab` → paragraph, `item` →
/// list item, `quote`/`note` standing alone → paragraph. Inline elements (persName, date, hi,
/// ref) give their text; a note inside a paragraph is moved after the text, so it does not cut
/// a sentence in two.
struct TEIVisitor: NodeVisitor {
    var builder: TextBuilder
    private var frames: [Frame] = []
    private var headings = 0
    private var items = 0
    private var paragraphs = 0
    private var notes: [xmlNodePtr] = []
    private var figures = 0

    enum Frame { case heading, item, paragraph, boundary, figure, inline }

    init(capacity: Int) { builder = TextBuilder(capacity: capacity) }

    private static func set(_ names: [String]) -> Set<UInt64> { Set(names.map(XMLNode.pack)) }
    static let headingNames = set(["head"])
    static let itemNames = set(["item"])
    /// Always a block of their own, even inside an item or a quotation.
    static let blockParagraphNames = set(["p", "ab"])
    /// Blocks when they stand alone, inline inside a paragraph, heading or item.
    static let paragraphNames = set([
        "quote", "cit", "l", "label", "byline", "dateline", "salute", "signed", "trailer", "docTitle", "titlePart",
        "argument", "epigraph", "opener", "closer", "cell", "sp", "speaker", "stage", "figDesc",
    ])
    static let boundaryNames = set([
        "div", "div1", "div2", "div3", "div4", "div5", "body", "front", "back", "list", "table", "row", "lg", "text",
        "group", "listBibl", "bibl", "floatingText", "titlePage",
    ])
    static let droppedNames = set([
        "teiHeader", "graphic", "fw", "facsimile", "binaryObject", "del", "surplus", "gap", "pb", "cb", "milestone",
        "anchor", "formula",
    ])
    static let noteName = XMLNode.pack("note")
    static let figureName = XMLNode.pack("figure")
    static let lbName = XMLNode.pack("lb")
    static let choiceName = XMLNode.pack("choice")
    static let choiceDropped = set(["sic", "orig", "abbr"])

    private var kind: BlockKind { headings > 0 ? .heading : items > 0 ? .listItem : .paragraph }

    mutating func enter(_ element: xmlNodePtr) -> Bool {
        let name = XMLNode.packedName(element)
        if Self.droppedNames.contains(name) { return false }
        if Self.choiceDropped.contains(name), let parent = element.pointee.parent,
            XMLNode.packedName(parent) == Self.choiceName, hasCorrection(parent)
        {
            return false
        }
        if name == Self.lbName {
            builder.lineBreak()
            frames.append(.inline)
            return true
        }
        var frame = Frame.inline
        if name == Self.noteName {
            if paragraphs + headings + items > 0 {
                notes.append(element)
                return false
            }
            frame = .paragraph
        } else if name == Self.figureName {
            frame = .figure
        } else if Self.headingNames.contains(name) {
            // A figure's head is its caption: a paragraph, not a heading of the text.
            frame = figures > 0 ? .paragraph : .heading
        } else if Self.itemNames.contains(name) {
            frame = .item
        } else if Self.blockParagraphNames.contains(name) {
            frame = .paragraph
        } else if Self.paragraphNames.contains(name) {
            // A quotation inside a paragraph is part of its sentence, not a block of its own.
            frame = paragraphs + headings + items > 0 ? .inline : .paragraph
        } else if Self.boundaryNames.contains(name) {
            frame = .boundary
        }
        switch frame {
        case .heading:
            builder.boundary()
            headings += 1
        case .item:
            builder.boundary()
            items += 1
        case .paragraph:
            builder.boundary()
            paragraphs += 1
        case .boundary: builder.boundary()
        case .figure:
            builder.boundary()
            figures += 1
        case .inline: break
        }
        frames.append(frame)
        return true
    }

    mutating func leave(_ element: xmlNodePtr) {
        guard let frame = frames.popLast() else { return }
        switch frame {
        case .heading:
            builder.boundary()
            headings -= 1
        case .item:
            builder.boundary()
            items -= 1
        case .paragraph:
            builder.boundary()
            paragraphs -= 1
        case .boundary: builder.boundary()
        case .figure:
            builder.boundary()
            figures -= 1
        case .inline: break
        }
    }

    mutating func text(_ node: xmlNodePtr) {
        guard let content = node.pointee.content else { return }
        builder.append(XMLNode.bytes(content), kind: kind)
    }

    /// Writes the notes met inside paragraphs as paragraphs of their own, after the text.
    mutating func flushNotes() {
        while !notes.isEmpty {
            let pending = notes
            notes = []
            for note in pending {
                builder.boundary()
                paragraphs += 1
                frames.append(.paragraph)
                // The note itself is the root: enter its children through a walk of the note
                // with the note's frame already open.
                var child = note.pointee.children
                while let node = child {
                    TreeWalker.walk(node, &self)
                    child = node.pointee.next
                }
                _ = frames.popLast()
                paragraphs -= 1
                builder.boundary()
            }
        }
    }

    private func hasCorrection(_ choice: xmlNodePtr) -> Bool {
        var child = choice.pointee.children
        let kept = TEIVisitor.set(["corr", "reg", "expan"])
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, kept.contains(XMLNode.packedName(node)) { return true }
            child = node.pointee.next
        }
        return false
    }

    /// The `<text>` elements of a TEI document (one, or several in a corpus), found without recursion.
    static func textElements(in root: xmlNodePtr) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var queue: [xmlNodePtr] = [root]
        let textName = XMLNode.pack("text")
        let descend = set(["TEI", "teiCorpus"])
        while let element = queue.popLast() {
            var child = element.pointee.children
            while let node = child {
                if node.pointee.type == XML_ELEMENT_NODE {
                    let name = XMLNode.packedName(node)
                    if name == textName {
                        found.append(node)
                    } else if descend.contains(name) {
                        queue.insert(node, at: 0)
                    }
                }
                child = node.pointee.next
            }
        }
        return found
    }

    /// The title from `teiHeader/fileDesc/titleStmt/title`: `type="complete"` first, then
    /// `type="main"`, then the first title.
    static func title(in root: xmlNodePtr) -> String? {
        let path = ["teiHeader", "fileDesc", "titleStmt"].map(XMLNode.pack)
        var element = root
        for step in path {
            var child = element.pointee.children
            var next: xmlNodePtr?
            while let node = child {
                if node.pointee.type == XML_ELEMENT_NODE, XMLNode.packedName(node) == step {
                    next = node
                    break
                }
                child = node.pointee.next
            }
            guard let found = next else { return nil }
            element = found
        }
        var best: (rank: Int, text: String)?
        var child = element.pointee.children
        let titleName = XMLNode.pack("title")
        let typeName = XMLNode.pack("type")
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, XMLNode.packedName(node) == titleName {
                var rank = 2
                if let type = XMLNode.attribute(node, typeName) {
                    let value = String(cString: UnsafeRawPointer(type).assumingMemoryBound(to: CChar.self))
                    rank = value == "complete" ? 0 : value == "main" ? 1 : 3
                }
                let text = XMLNode.collapsedText(node)
                if !text.isEmpty, best == nil || rank < best?.rank ?? 4 { best = (rank, text) }
            }
            child = node.pointee.next
        }
        return best?.text
    }
}
