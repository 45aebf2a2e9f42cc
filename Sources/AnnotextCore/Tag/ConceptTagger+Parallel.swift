import Dispatch

extension ConceptTagger {
    /// Units per run when a document is tagged on several cores: a few milliseconds of work,
    /// small enough that the cores finish together, large enough that a run's setup (scanner,
    /// builder) does not count.
    static let unitsPerRun = 2048

    /// The mentions in each unit of `document`, as `tag(_:in:)` gives them; with `parallel`, a
    /// document of many units is tagged in runs on all cores, each run writing its units
    /// straight into its place in the result (units never share a mention, so the result is
    /// the same).
    func tag(_ sentences: [Sentence], in document: Document, parallel: Bool) -> [TaggedSentence] {
        let runs = (sentences.count + Self.unitsPerRun - 1) / Self.unitsPerRun
        guard parallel, runs >= 2 else { return tag(sentences, in: document) }
        return sentences.withUnsafeBufferPointer { units in
            [TaggedSentence](unsafeUninitializedCapacity: units.count) { buffer, initialized in
                nonisolated(unsafe) let units = units
                nonisolated(unsafe) let buffer = buffer
                DispatchQueue.concurrentPerform(iterations: runs) { run in
                    let lower = run * Self.unitsPerRun
                    let upper = min(lower + Self.unitsPerRun, units.count)
                    var next = lower
                    tag(UnsafeBufferPointer(rebasing: units[lower..<upper]), in: document) { unit in
                        buffer.initializeElement(at: next, to: unit)
                        next += 1
                    }
                }
                initialized = units.count
            }
        }
    }
}
