/// What the tagger does with matches that overlap.
public enum OverlapPolicy: String, Sendable, Hashable, CaseIterable, Codable {
    /// Leftmost-longest, non-overlapping mentions at the top level (the default, and what
    /// ANNOTATION.md asks for). A shorter match of another concept that lies inside a chosen
    /// mention is kept in its `nested` array (one level, itself leftmost-longest); a match of the
    /// same concept inside it, or one that crosses its edge, is dropped.
    case longest
    /// Every match at the top level, overlaps allowed, in text order (longer first at the same
    /// start), with empty `nested` arrays: what a plain dictionary matcher reports. Exclusions,
    /// case rules and context guards still apply.
    case all
}
