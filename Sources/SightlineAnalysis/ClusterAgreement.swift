import Foundation

/// Agreement between two labellings of the same items: the adjusted Rand index (Hubert and
/// Arabie, 1985) and normalised mutual information with the arithmetic-mean normalisation
/// (Danon et al., 2005; scikit-learn's default). 1 is perfect agreement; ARI is about 0 by chance.
///
/// Both are computed from the contingency table of the two labellings; labels are any integers
/// and need not match between the two. With fewer than two items both are 1 (scikit-learn's
/// convention), and when both labellings put everything in one class NMI is 1.
public struct ClusterAgreement: Codable, Sendable, Equatable {
    /// The adjusted Rand index, at most 1; about 0 for labellings that agree by chance.
    public var adjustedRandIndex: Double
    /// Normalised mutual information, 0 to 1.
    public var normalisedMutualInformation: Double

    /// The agreement of `a` and `b`, item by item.
    /// - Precondition: `a.count == b.count`.
    /// - Complexity: O(n) expected, for n items (hashing the contingency table).
    public init(_ a: [Int], _ b: [Int]) {
        precondition(a.count == b.count, "two labellings of the same items")
        let n = Double(a.count)
        guard a.count > 1 else { (adjustedRandIndex, normalisedMutualInformation) = (1, 1); return }
        struct Pair: Hashable { var x: Int, y: Int }
        var cells: [Pair: Double] = [:], rows: [Int: Double] = [:], cols: [Int: Double] = [:]
        for (x, y) in zip(a, b) { cells[Pair(x: x, y: y), default: 0] += 1; rows[x, default: 0] += 1; cols[y, default: 0] += 1 }
        func c2(_ v: Double) -> Double { v * (v - 1) / 2 }
        let index = cells.values.reduce(0) { $0 + c2($1) }
        let sa = rows.values.reduce(0) { $0 + c2($1) }, sb = cols.values.reduce(0) { $0 + c2($1) }
        let expected = sa * sb / c2(n), maximum = (sa + sb) / 2
        adjustedRandIndex = maximum == expected ? 1 : (index - expected) / (maximum - expected)
        func entropy(_ counts: Dictionary<Int, Double>.Values) -> Double { -counts.reduce(0) { $0 + ($1 / n) * Foundation.log($1 / n) } }
        var mutual = 0.0
        for (k, v) in cells { mutual += (v / n) * Foundation.log(v * n / (rows[k.x]! * cols[k.y]!)) }
        let ha = entropy(rows.values), hb = entropy(cols.values)
        normalisedMutualInformation = ha + hb == 0 ? 1 : mutual / ((ha + hb) / 2)
    }
}
