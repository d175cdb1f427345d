import SightlineModel

/// Errors from the store, each saying what to do about it.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case notFound(String)
    case ambiguous(String, matches: [EntityID])
    case cannotMerge(String)
    case cannotUnmerge(String)
    case database(String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "cannot open the store at \(path): \(reason)"
        case let .notFound(what): "no entity matches \(what) (try 'sightline entities --search TEXT')"
        case let .ambiguous(what, matches): "\(what) matches several entities: \(matches.map(\.description).joined(separator: ", ")); give an entity ID"
        case let .cannotMerge(why): "cannot merge: \(why)"
        case let .cannotUnmerge(why): "cannot unmerge: \(why)"
        case let .database(why): "database error: \(why)"
        }
    }
}

extension StoreError {
    /// Whether the error is about what the user asked for (not found, ambiguous, a refused merge)
    /// rather than a failure of the store itself.
    public var isAboutTheRequest: Bool {
        switch self {
        case .notFound, .ambiguous, .cannotMerge, .cannotUnmerge: true
        default: false
        }
    }
}
