#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if canImport(Glibc)
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    private let systemRead = Darwin.read
#endif

/// Reads a whole file with POSIX calls, so every failure comes back with its exact cause
/// (permission, vanished, a folder) and the size limit is checked before any byte is read.
enum FileBytes {
    static func read(path: String, name: String, maxSize: Int) throws(IngestError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw unreadable(name: name, errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw unreadable(name: name, errno: errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw IngestError(name: name, reason: .notAFile, message: "is a folder, not a file")
        }
        let size = Int(info.st_size)
        if size > maxSize { throw tooLarge(name: name, size: size, limit: maxSize) }
        return try readAll(fd, name: name, maxSize: maxSize, expected: size)
    }

    /// Reads an open descriptor (a file, a pipe, stdin) to its end, refusing more than
    /// `maxSize` bytes as soon as they arrive rather than after.
    static func readAll(_ fd: Int32, name: String, maxSize: Int, expected: Int = 0) throws(IngestError) -> [UInt8] {
        var bytes = [UInt8]()
        if expected > 0 {
            // A file of known size is read straight into its array, with room for one more
            // byte to tell whether it grew since `fstat`.
            var failure: Int32 = 0
            let capacity = min(expected, maxSize) + 1
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                guard let base = buffer.baseAddress else { return }
                while initialized < capacity {
                    let count = readSome(fd, base + initialized, capacity - initialized)
                    if count < 0 { failure = Int32(-count) }
                    if count <= 0 { return }
                    initialized += count
                }
            }
            if failure != 0 { throw unreadable(name: name, errno: failure) }
            if bytes.count > maxSize { throw tooLarge(name: name, size: nil, limit: maxSize) }
            if bytes.count < capacity { return bytes }
        }
        bytes.reserveCapacity(min(max(0, expected), maxSize))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { readSome(fd, $0.baseAddress, $0.count) }
            if count < 0 { throw unreadable(name: name, errno: Int32(-count)) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            // A file that grows while read (a log) is held to the same limit.
            if bytes.count > maxSize { throw tooLarge(name: name, size: nil, limit: maxSize) }
        }
        return bytes
    }

    /// One `read`, retried when a signal interrupts it: the bytes read (0 at the end of the
    /// input), or the error number negated.
    private static func readSome(_ fd: Int32, _ base: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        while true {
            let read = systemRead(fd, base, count)
            if read >= 0 { return read }
            if errno != EINTR { return -Int(errno) }
        }
    }

    static func unreadable(name: String, errno code: Int32) -> IngestError {
        switch code {
        case EISDIR: return IngestError(name: name, reason: .notAFile, message: "is a folder, not a file")
        case EACCES, EPERM:
            return IngestError(name: name, reason: .unreadable, message: "cannot be read: permission denied")
        case ENOENT:
            return IngestError(
                name: name, reason: .unreadable, message: "cannot be read: no such file (was it moved or deleted?)")
        default:
            let reason = String(cString: strerror(code)).lowercased()
            return IngestError(name: name, reason: .unreadable, message: "cannot be read: \(reason)")
        }
    }

    /// `size` nil means the input was cut off at the limit (a stream, a growing file).
    static func tooLarge(name: String, size: Int?, limit: Int) -> IngestError {
        let limitText = "the \(describe(limit, roundingUp: false)) limit (--max-size)"
        guard let size else {
            return IngestError(name: name, reason: .tooLarge, message: "is larger than \(limitText)")
        }
        return IngestError(
            name: name, reason: .tooLarge, message: "is \(describe(size, roundingUp: true)), larger than \(limitText)")
    }

    /// Sizes in the units of `--max-size` (1 MB = 1,000,000 bytes); the file's size rounds up
    /// and the limit down, so the message never reads "is 256 MB, larger than 256 MB".
    static func describe(_ bytes: Int, roundingUp: Bool) -> String {
        let units: [(Int, String)] = [(1_000_000, "MB"), (1_000, "KB")]
        for (size, unit) in units where bytes >= size {
            let value = roundingUp ? (bytes + size - 1) / size : bytes / size
            return "\(value) \(unit)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}
