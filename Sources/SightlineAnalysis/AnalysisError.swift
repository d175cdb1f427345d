import SightlineModel

/// Why an analysis cannot answer a request, with the facts a person needs to act on it.
public enum AnalysisError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The entity is in the store but the network's filters leave it out.
    case notInNetwork(EntityID)
    /// The entity is a child, a person held for review or a protective place.
    case mayNotBeDisrupted(EntityID)
    /// No cluster of that number (clusters are 0 to count - 1).
    case noSuchCluster(Int, count: Int)
    /// No recorded links connect the two.
    case notConnected(EntityID, EntityID)

    public var description: String {
        switch self {
        case let .notInNetwork(id): "\(id) is not in the network"
        case let .noSuchCluster(n, count): "there is no cluster \(n) (clusters are 0 to \(count - 1), as analyse numbers them)"
        case let .notConnected(a, b): "no recorded links connect \(a) and \(b)"
        case let .mayNotBeDisrupted(id):
            "\(id) is a child, a person held for review or a place that protects children: Sightline measures what disrupting adults and places of risk would do, never children or protective places"
        }
    }
}
