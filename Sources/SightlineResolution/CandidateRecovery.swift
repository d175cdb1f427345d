/// How well a list of resolution candidates recovers planted name-only duplicates
/// (`resolve candidates --score-against truth.json`): recall over the planted pairs, precision
/// over the listed pairs, and precision among the first k listed, for k the smaller of the
/// number planted and the number listed.
///
/// A listed pair matches a planted pair (x, y) when one side carries identifier x and the other y,
/// either way round.
public struct CandidateRecovery: Codable, Sendable, Equatable {
    /// Pairs listed.
    public var listed: Int
    /// Pairs planted.
    public var planted: Int
    /// Planted pairs that some listed pair matches.
    public var found: Int
    /// Listed pairs that match a planted pair.
    public var correct: Int
    /// k: the smaller of `planted` and `listed`.
    public var topK: Int
    /// Listed pairs among the first k that match a planted pair.
    public var correctInTopK: Int

    public var recall: Double { planted == 0 ? 0 : Double(found) / Double(planted) }
    public var precision: Double { listed == 0 ? 0 : Double(correct) / Double(listed) }
    public var precisionInTopK: Double { topK == 0 ? 0 : Double(correctInTopK) / Double(topK) }

    /// Scores a candidate list against planted pairs.
    /// - Parameters:
    ///   - candidates: each listed pair's identifiers, side a and side b, in list order.
    ///   - planted: the planted duplicates, as pairs of identifiers.
    /// - Complexity: O(c·i + p·h) for c candidates of i identifiers each and p planted pairs with
    ///   h candidates sharing an identifier.
    public init(candidates: [(a: [String], b: [String])], planted pairs: [(a: String, b: String)]) {
        func matches(_ c: (a: [String], b: [String]), _ p: (a: String, b: String)) -> Bool {
            (c.a.contains(p.a) && c.b.contains(p.b)) || (c.a.contains(p.b) && c.b.contains(p.a))
        }
        var byIdentifier: [String: [Int]] = [:]
        for (i, c) in candidates.enumerated() { for x in c.a + c.b { byIdentifier[x, default: []].append(i) } }
        var correctIndices = Set<Int>()
        var found = 0
        for p in pairs {
            let hits = (byIdentifier[p.a] ?? []).filter { matches(candidates[$0], p) }
            if !hits.isEmpty { found += 1; correctIndices.formUnion(hits) }
        }
        let k = min(pairs.count, candidates.count)
        listed = candidates.count
        planted = pairs.count
        self.found = found
        correct = correctIndices.count
        topK = k
        correctInTopK = (0..<k).filter { correctIndices.contains($0) }.count
    }
}
