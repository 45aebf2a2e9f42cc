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
        if !buffer.isEmpty, !failed {
            buffer.withUnsafeBytes { writeAll($0) }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered, then `bytes` straight to the descriptor: a large piece made
    /// elsewhere is not copied into the buffer first.
    public func write(contentsOf bytes: [UInt8]) {
        guard bytes.count >= threshold / 4 else {
            buffer.append(contentsOf: bytes)
            flushIfFull()
            return
        }
        flush()
        if !failed { bytes.withUnsafeBytes { writeAll($0) } }
    }

    private func writeAll(_ raw: UnsafeRawBufferPointer) {
        guard let base = raw.baseAddress else { return }
        var offset = 0
        while offset < raw.count {
            let written = systemWrite(descriptor, base + offset, raw.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failed = true
                return
            }
            offset += written
        }
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
