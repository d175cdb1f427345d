import Foundation
import SightlineGraph

/// The centralities a view or a list can rank or size by, computed on a snapshot the way
/// `analyse` computes them: over the evidence-weighted graph (strengths for degree, PageRank and
/// eigenvector; lengths 1 / strength for betweenness, closeness and harmonic), or over the plain
/// graph when unweighted.
public enum Centrality: String, CaseIterable, Sendable {
    /// Number of linked entities.
    case degree
    /// Sum of link strengths.
    case strength
    case betweenness, closeness, harmonic, pagerank, eigenvector

    /// Betweenness is exact up to this many entities and estimated from sampled sources above.
    public static let exactBetweennessLimit = 5000
    public static let betweennessSamples = 256

    /// The value of every entity, by index; with a note when the values are estimates.
    /// - Complexity: degree and strength O(n + m); PageRank and eigenvector O(m) per iteration;
    ///   closeness and harmonic O(n·m); betweenness O(n·m), or O(k·m) for k sampled sources.
    /// - Parameter samples: betweenness from this many sampled sources (nil: exact up to
    ///   ``exactBetweennessLimit`` entities, ``betweennessSamples`` above).
    public func values(on s: NetworkSnapshot, weighted: Bool, seed: UInt64 = 42, samples: Int? = nil) -> (values: [Double], note: String?) {
        let g = s.graph
        let paths = weighted ? s.distanceGraph : g
        switch self {
        case .degree: return ((0..<g.nodeCount).map { Double(g.neighbours(of: $0).count) }, nil)
        case .strength: return ((0..<g.nodeCount).map { u in g.neighbours(of: u).reduce(0) { $0 + g.weights[$1] } }, nil)
        case .pagerank: return (g.pageRank(weighted: weighted), nil)
        case .eigenvector:
            guard let v = g.eigenvector(weighted: weighted) else {
                return ([Double](repeating: 0, count: g.nodeCount), "eigenvector centrality did not converge: every value shown as 0")
            }
            return (v, nil)
        case .closeness: return (paths.closeness(weighted: weighted), nil)
        case .harmonic: return (paths.harmonic(weighted: weighted), nil)
        case .betweenness:
            let k = samples ?? (g.nodeCount > Self.exactBetweennessLimit ? Self.betweennessSamples : g.nodeCount)
            guard k < g.nodeCount else { return (paths.betweenness(weighted: weighted), nil) }
            var all = Array(0..<g.nodeCount)
            Graph.seededShuffle(&all, seed: seed)
            let scale = Double(g.nodeCount) / Double(k)
            let values = paths.betweenness(weighted: weighted, sources: Array(all.prefix(k))).map { $0 * scale }
            let error = Graph.betweennessSamplingError(nodes: g.nodeCount, samples: k)
            return (values, "betweenness estimated from \(k) of \(g.nodeCount) sources: each value within ±\(String(format: "%.4f", error)) with probability 0.95")
        }
    }
}
