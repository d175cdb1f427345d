extension Citation {
    /// "police/WX-24-000123 2024-03-04 2BP; ...": a row's evidence in one cell, every item (CSV is
    /// documented to carry them all; a terminal table cuts long cells itself), or the first `max`
    /// and how many more.
    /// - Complexity: O(k) for the k items shown.
    public static func cell(_ evidence: [Citation], max: Int = .max) -> String {
        let shown = evidence.prefix(max).map(\.description).joined(separator: "; ")
        return evidence.count > max ? shown + "; and \(evidence.count - max) more" : shown
    }
}
