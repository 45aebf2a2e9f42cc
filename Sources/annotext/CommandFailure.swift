#if canImport(Glibc)
    import Glibc
#endif

/// A failure a command reports as one line on stderr, with its exit code.
struct CommandFailure: Error {
    /// The message, without the `annotext:` prefix.
    var message: String
    /// The process exit code.
    var exitCode: Int32 = 1

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }
}

/// Writes `annotext: MESSAGE` to stderr.
func printError(_ message: String) {
    writeToStandardError("annotext: \(message)\n")
}

/// Writes `annotext: warning: MESSAGE` to stderr.
func printWarning(_ message: String) {
    writeToStandardError("annotext: warning: \(message)\n")
}

/// Whether a file descriptor is a terminal.
func isTerminal(_ descriptor: Int32) -> Bool {
    isatty(descriptor) != 0
}

/// Writes a line for people to stderr (a summary that is not part of the output).
func printNote(_ message: String) {
    writeToStandardError(message.hasSuffix("\n") ? message : message + "\n")
}

/// Writes text to stderr, unbuffered.
func writeToStandardError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(2, bytes.baseAddress! + offset, bytes.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}
