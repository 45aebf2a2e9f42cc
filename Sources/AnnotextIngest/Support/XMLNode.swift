import CLibXML2

/// Small, allocation-free views of libxml2 nodes for the tree walkers.
enum XMLNode {
    /// An element's name (for HTML, lowercase) as a UInt64 key: names up to 8 bytes packed
    /// byte by byte, longer ones hashed with the top bit set, so lookups never allocate.
    static func packedName(_ node: xmlNodePtr) -> UInt64 {
        guard let name = node.pointee.name else { return 0 }
        return pack(name)
    }

    static func pack(_ name: UnsafePointer<xmlChar>) -> UInt64 {
        var key: UInt64 = 0
        var i = 0
        while name[i] != 0 {
            if i == 8 { return hash(name) }
            key = key << 8 | UInt64(name[i])
            i += 1
        }
        return key
    }

    private static func hash(_ name: UnsafePointer<xmlChar>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = 0
        while name[i] != 0 {
            h = (h ^ UInt64(name[i])) &* 0x100_0000_01b3
            i += 1
        }
        return h | 1 << 63
    }

    /// Packs a Swift string the same way, for the tables.
    static func pack(_ name: String) -> UInt64 {
        var bytes = Array(name.utf8)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { pack($0) } ?? 0 }
    }

    /// The value of attribute `name` (no namespace), when it is a plain text value.
    static func attribute(_ node: xmlNodePtr, _ name: UInt64) -> UnsafePointer<xmlChar>? {
        var attr = node.pointee.properties
        while let a = attr {
            if let attrName = a.pointee.name, pack(attrName) == name {
                if let child = a.pointee.children, let content = child.pointee.content {
                    return UnsafePointer(content)
                }
                return emptyValue
            }
            attr = a.pointee.next
        }
        return nil
    }

    /// A static empty C string for attributes without a value (`<p hidden>`).
    private static var emptyValue: UnsafePointer<xmlChar> {
        UnsafeRawPointer(("" as StaticString).utf8Start).assumingMemoryBound(to: xmlChar.self)
    }

    /// The bytes of a C string, without the terminating NUL.
    static func bytes(_ pointer: UnsafePointer<xmlChar>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(
            start: pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
    }

    /// Whether an attribute value contains `needle` (lowercase ASCII), ignoring ASCII case and
    /// white space in the value ("display: none" contains "display:none"). No allocation.
    static func value(_ value: UnsafePointer<xmlChar>, containsCompact needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return true }
        var start = 0
        while value[start] != 0 {
            if lowered(value[start]) == first {
                // Match the rest, skipping white space in the value.
                var i = start + 1
                var j = 1
                while j < pattern.count {
                    let b = value[i]
                    if b == 0 { return false }
                    if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                        i += 1
                        continue
                    }
                    if lowered(b) != pattern[j] { break }
                    i += 1
                    j += 1
                }
                if j == pattern.count { return true }
            }
            start += 1
        }
        return false
    }

    @inline(__always)
    private static func lowered(_ b: UInt8) -> UInt8 {
        b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }

    /// The text of a node's subtree, white space collapsed (for titles), walked without recursion.
    static func collapsedText(_ root: xmlNodePtr) -> String {
        var builder = TextBuilder()
        var node: xmlNodePtr? = root.pointee.children
        while let current = node {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                let content = current.pointee.content
            {
                builder.append(bytes(content), kind: .heading)
            }
            if current.pointee.type == XML_ELEMENT_NODE, let child = current.pointee.children {
                node = child
                continue
            }
            var up: xmlNodePtr? = current
            node = nil
            while let u = up, u != root {
                if let next = u.pointee.next {
                    node = next
                    break
                }
                up = u.pointee.parent
            }
        }
        return builder.finish().text
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
