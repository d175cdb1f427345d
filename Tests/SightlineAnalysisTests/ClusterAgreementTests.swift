import SightlineAnalysis
import Testing

/// The adjusted Rand index and NMI (arithmetic mean) against scikit-learn 1.9.1's
/// adjusted_rand_score and normalized_mutual_info_score on the same labellings (tolerance 1e-12).
/// The first case is also worked by hand: contingency cells 2, 1, 1; index 1, row pairs 2, column
/// pairs 1, expected 2·1/6 = 1/3, maximum 3/2, so ARI = (2/3)/(7/6) = 4/7; H(a) = ln 2,
/// H(b) = 1.5 ln 2, I = ln 2, so NMI = ln 2 / 1.25 ln 2 = 0.8.
struct ClusterAgreementTests {
    @Test(arguments: [
        ([0, 0, 1, 1], [0, 0, 1, 2], 0.5714285714285714, 0.7999999999999999),
        ([0, 0, 0, 1, 1, 1, 2, 2, 2], [0, 0, 1, 1, 1, 2, 2, 2, 2], 0.35714285714285715, 0.589509827447305),
        ([0, 1, 2, 3], [0, 0, 0, 0], 0.0, 0.0),
        ([5, 5, 7, 7, 7], [1, 1, 2, 2, 2], 1.0, 1.0),
    ])
    func matchesScikitLearn(a: [Int], b: [Int], ari: Double, nmi: Double) {
        let x = ClusterAgreement(a, b)
        #expect(abs(x.adjustedRandIndex - ari) < 1e-12 && abs(x.normalisedMutualInformation - nmi) < 1e-12, "\(x)")
    }

    @Test func symmetricAndIndifferentToLabelNames() {
        let a = [0, 0, 1, 1, 2, 2, 2], b = [3, 3, 3, 9, 9, 4, 4]
        let x = ClusterAgreement(a, b), y = ClusterAgreement(b, a), z = ClusterAgreement(a.map { $0 * 10 + 1 }, b)
        #expect(abs(x.adjustedRandIndex - y.adjustedRandIndex) < 1e-12)
        #expect(abs(x.normalisedMutualInformation - y.normalisedMutualInformation) < 1e-12)
        // Renaming labels changes only the order of summation: equal to rounding (1e-12).
        #expect(abs(x.adjustedRandIndex - z.adjustedRandIndex) < 1e-12)
        #expect(abs(x.normalisedMutualInformation - z.normalisedMutualInformation) < 1e-12)
    }

    @Test func fewerThanTwoItemsAgreeFully() {
        #expect(ClusterAgreement([], []) == ClusterAgreement([7], [3]))
        #expect(ClusterAgreement([7], [3]).adjustedRandIndex == 1)
        // Everything in one class on both sides: NMI is 1 (scikit-learn's convention).
        #expect(ClusterAgreement([1, 1, 1], [2, 2, 2]).normalisedMutualInformation == 1)
    }
}
