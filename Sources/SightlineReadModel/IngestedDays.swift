import SightlineModel
import Synchronization

/// The day each item was first ingested, by its reference as the products cite it: what `--since`
/// compares with the day an item was recorded, so material recorded long ago but received this
/// week counts as new, and re-ingesting the same export does not.
///
/// A screen that mints references for a disclosure re-keys the table under them; that costs as
/// much as minting every item again, and only `--since` ever asks, so the table can be made when
/// first looked up (``init(making:)``).
public struct IngestedDays: Sendable, ExpressibleByDictionaryLiteral {
    private final class Storage: Sendable {
        let state: Mutex<State>
        init(_ state: State) { self.state = Mutex(state) }
    }
    private enum State: Sendable {
        case made([IntelRef: Day])
        case pending(@Sendable () -> [IntelRef: Day])
    }
    private let storage: Storage

    public init(_ days: [IntelRef: Day]) { storage = Storage(.made(days)) }

    public init(dictionaryLiteral elements: (IntelRef, Day)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { a, _ in a }))
    }

    /// A table made by `make` when first looked up.
    public init(making make: @escaping @Sendable () -> [IntelRef: Day]) { storage = Storage(.pending(make)) }

    /// Every item's day (made now if it was not yet).
    public var all: [IntelRef: Day] {
        storage.state.withLock { state in
            switch state {
            case .made(let days): return days
            case .pending(let make):
                let days = make()
                state = .made(days)
                return days
            }
        }
    }

    /// The day an item was first ingested (nil: not known).
    public subscript(ref: IntelRef) -> Day? { all[ref] }
}
