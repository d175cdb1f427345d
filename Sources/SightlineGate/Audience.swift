import SightlineModel
import SightlineReadModel

/// Who an output is for, and so what may leave the tool: one profile of the audiences file
/// (docs/audiences.yaml). Every rule of what an audience may see is here, and applied only by
/// ``Screen``.
public struct Audience: Sendable, Equatable {
    /// How people of one kind are shown.
    public enum Naming: String, Sendable, Equatable, CaseIterable {
        /// By name (as recorded).
        case named
        /// By a pseudonym stable for this audience (`Person P-7KQ2`), never the name or an
        /// agency's identifier; a person the request names is shown by name.
        case pseudonymised
    }

    /// How the details that identify a source are shown: the agency's own reference for an item,
    /// an officer's name or number, an item's summary, an agency system's identifier for a person.
    public enum SourceDetails: String, Sendable, Equatable, CaseIterable {
        /// As recorded.
        case shown
        /// Each reference replaced by an opaque reference minted for this one disclosure (the
        /// disclosure log keeps what each stands for); officers, summaries and agency identifiers left out.
        case opaque
    }

    /// Which children may appear in what this audience is given.
    public enum ChildrenShown: String, Sendable, Equatable, CaseIterable {
        /// Every child an output involves (named or pseudonymised as ``children`` says).
        case all
        /// Only the children the request names (`show`, `missing brief`, `render timeline`, `path`
        /// or `ego` of a child): every other child is left out as if never recorded, with their links,
        /// episodes, care periods, non-consents and notices, so that nothing counts, draws or names them.
        case requested
    }

    /// The profile's name (`mace_partner`).
    public var name: String
    /// For people: whom it is for.
    public var title: String
    /// The handling codes whose items may go: `P`, `C` (3x5x2) and `1`-`5` (5x5x5). An item whose
    /// code is not named is withheld, with everything that only it supports.
    public var handling: Set<String> { didSet { mask = Self.mask(handling) } }
    /// Whether every disclosure to this audience must say why (`--purpose`).
    public var purposeRequired: Bool
    public var sourceDetails: SourceDetails
    /// Adults (and anyone not known to be a child).
    public var adults: Naming
    /// Children: anyone under 18 at the date in question or recorded as a child at risk.
    public var children: Naming
    /// The commands this audience may be given (nil: every command that shows data).
    public var commands: Set<String>?

    /// Whether the audience may be given a command (`disrupt locations`): it, or a command it
    /// belongs to (`disrupt`), is among ``commands``.
    public func mayBeGiven(_ path: String) -> Bool {
        guard let allowed = commands else { return true }
        let words = path.split(separator: " ").map(String.init)
        return (1...max(1, words.count)).contains { allowed.contains(words.prefix($0).joined(separator: " ")) }
    }
    /// Which children may appear (`children_shown`; every child when the profile does not say).
    public var childrenShown: ChildrenShown

    public init(name: String, title: String, handling: Set<String>, purposeRequired: Bool, sourceDetails: SourceDetails,
                adults: Naming, children: Naming, commands: Set<String>? = nil, childrenShown: ChildrenShown = .all) {
        self.name = name; self.title = title; self.handling = handling; self.mask = Self.mask(handling); self.purposeRequired = purposeRequired
        self.sourceDetails = sourceDetails; self.adults = adults; self.children = children; self.commands = commands
        self.childrenShown = childrenShown
    }

    /// Whether an item may go to this audience: its handling code is on the allow-list.
    /// - Complexity: O(1).
    @inline(__always)
    public func admits(_ c: Citation) -> Bool {
        switch c.grade {
        case let .current(_, _, h, _): return mask & (h == .permitted ? 1 : 2) != 0
        case let .legacy(_, _, h): return h >= 1 && h <= 5 && mask & (4 << (h - 1)) != 0
        }
    }

    /// Whether everything goes as recorded (every handling code, source details shown, adults named,
    /// every child may appear): then screening is only the naming of children.
    public var seesEverything: Bool {
        mask == 0b111_1111 && sourceDetails == .shown && adults == .named && childrenShown == .all
    }

    /// The handling codes a profile may name.
    public static let handlingCodes: [String] = ["P", "C", "1", "2", "3", "4", "5"]

    /// `handling` as bits: P, C, then 5x5x5 codes 1-5.
    private var mask: Int

    private static func mask(_ codes: Set<String>) -> Int {
        var m = 0
        for (i, code) in handlingCodes.enumerated() where codes.contains(code) { m |= 1 << i }
        return m
    }
}
