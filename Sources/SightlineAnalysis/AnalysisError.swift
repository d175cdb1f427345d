import SightlineModel

/// Why an analysis cannot answer a request, with the facts a person needs to act on it.
public enum AnalysisError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The entity is in the store but the network's filters leave it out.
    case notInNetwork(EntityID)
    /// The entity is a child, a person held for review or a protective place.
    case mayNotBeDisrupted(EntityID)

    public var description: String {
        switch self {
        case let .notInNetwork(id): "\(id) is not in the network"
        case let .mayNotBeDisrupted(id):
            "\(id) is a child, a person held for review or a place that protects children: Sightline measures what disrupting adults and places of risk would do, never children or protective places"
        }
    }
}
