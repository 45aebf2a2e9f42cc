#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A buffered writer of bytes to a file descriptor (standard output by default).
///
/// Writers in this module append to `buffer` and call `flushIfFull()`; nothing goes through
/// Foundation, so a large dump streams in constant memory.
public final class ByteSink {
    /// The bytes not yet written.
    public var buffer: [UInt8] = []
    private let descriptor: Int32
    private let threshold: Int
    /// The first write error, if any (a closed pipe, a full disk).
    public private(set) var failed = false

    /// Creates a sink that writes to `descriptor` (1 for standard output).
    public init(descriptor: Int32 = 1, bufferSize: Int = 1 << 20) {
        self.descriptor = descriptor
        self.threshold = bufferSize
        buffer.reserveCapacity(bufferSize + 4096)
    }

    deinit {
        flush()
    }

    /// Appends the UTF-8 bytes of a string.
    @inlinable
    public func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
    }

    /// Writes the buffer out once it holds more than the threshold.
    @inline(__always)
    public func flushIfFull() {
        if buffer.count >= threshold { flush() }
    }

    /// Writes everything buffered.
    public func flush() {
        guard !buffer.isEmpty, !failed else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

@inline(__always)
private func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(descriptor, pointer, count)
    #else
        return Darwin.write(descriptor, pointer, count)
    #endif
}
