import SightlineModel
import SightlineReadModel
import SightlineSafeguarding

/// What an export writes: the network as it may be disclosed, already screened by the disclosure
/// gate. The writers never filter by audience; they only keep the rules that hold for every
/// audience: a child's roles and dates of birth are never written, and every fact travels with the
/// items behind it.
public struct ExportGraph: Sendable {
    /// Entities with their labels as they may be disclosed.
    public var entities: [NetworkEntity]
    /// Links, each with its evidence.
    public var links: [NetworkLink]
    /// Per entity: category, postcode, address, night-time economy, dates of birth.
    public var facts: [EntityID: EntityFacts]
    /// People who are children on the export's date: their roles and dates of birth are never written.
    public var children: Set<EntityID>
    /// The day of the export (written in each format's metadata).
    public var exportedAt: Day

    public init(entities: [NetworkEntity], links: [NetworkLink], facts: [EntityID: EntityFacts],
                children: Set<EntityID>, exportedAt: Day) {
        self.entities = entities; self.links = links; self.facts = facts
        self.children = children; self.exportedAt = exportedAt
    }
}

/// The graph as every writer reads it: entities and links in ID order, each once; links whose ends
/// are both entities (a link to an entity that was not disclosed is left out rather than written
/// as a dangling edge, which GraphML and GEXF readers refuse); the items behind each link and each
/// entity, each item once, oldest first.
struct PreparedGraph {
    let graph: ExportGraph
    let entities: [NetworkEntity]
    let links: [NetworkLink]
    private let byID: [EntityID: NetworkEntity]
    private let linkItems: [Int64: [Citation]]
    private let entityItems: [EntityID: [Citation]]
    /// Built from `children` alone, so that who reads as a child in a sentence is exactly who the
    /// gate said is a child.
    private let safeguarding: Safeguarding

    init(_ g: ExportGraph) {
        graph = g
        var seen = Set<EntityID>(), list: [NetworkEntity] = []
        for e in g.entities.sorted(by: { $0.id < $1.id }) where seen.insert(e.id).inserted { list.append(e) }
        entities = list
        byID = Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0) })
        var seenLinks = Set<Int64>(), kept: [NetworkLink] = []
        for l in g.links.sorted(by: { $0.id < $1.id })
        where seen.contains(l.source) && seen.contains(l.target) && seenLinks.insert(l.id).inserted {
            kept.append(l)
        }
        links = kept
        var li: [Int64: [Citation]] = [:], ei: [EntityID: [Citation]] = [:]
        for l in kept {
            let items = Self.distinct(l.evidence)
            li[l.id] = items
            ei[l.source, default: []] += items
            if l.target != l.source { ei[l.target, default: []] += items }
        }
        linkItems = li
        entityItems = ei.mapValues(Self.distinct)
        // A person is a child here exactly when the gate says so: a child-at-risk role recorded
        // without an item makes a person a child; nobody else has a role or a date of birth.
        let stand = list.filter { $0.kind == .person }.map { e in
            NetworkEntity(id: e.id, kind: .person, label: e.label, roles: g.children.contains(e.id) ? [.childAtRisk] : [])
        }
        safeguarding = Safeguarding(stand, on: g.exportedAt.timestamp)
    }

    /// Each item once (by its reference), oldest first, then by reference.
    static func distinct(_ evidence: [Citation]) -> [Citation] {
        var seen = Set<IntelRef>()
        return evidence.sorted(by: Self.order).filter { seen.insert($0.ref).inserted }
    }

    static func order(_ a: Citation, _ b: Citation) -> Bool {
        (a.recorded, a.agency.rawValue, a.reference) < (b.recorded, b.agency.rawValue, b.reference)
    }

    // MARK: Entities

    func entity(_ id: EntityID) -> NetworkEntity? { byID[id] }
    func label(_ id: EntityID) -> String { byID[id]?.label ?? id.description }

    func isChild(_ e: NetworkEntity) -> Bool { graph.children.contains(e.id) }

    /// An adult's roles, each once, in the vocabulary's order; nothing for a child or a non-person.
    func roles(_ e: NetworkEntity) -> [Role] {
        guard e.kind == .person, !isChild(e) else { return [] }
        let held = Set(e.roles + e.roleRecords.map(\.value))
        return Role.allCases.filter(held.contains)
    }

    /// An adult's recorded dates of birth, each once, as recorded; nothing for a child.
    func datesOfBirth(_ e: NetworkEntity) -> [String] {
        guard e.kind == .person, !isChild(e) else { return [] }
        let texts = (graph.facts[e.id]?.birthDates ?? []).map(\.value.text) + e.birthDates.map(\.value.text)
        return Array(Set(texts)).sorted()
    }

    func category(_ e: NetworkEntity) -> String? { nonEmpty(graph.facts[e.id]?.category ?? e.category) }
    func postcode(_ e: NetworkEntity) -> String? { nonEmpty(graph.facts[e.id]?.postcode) }
    func address(_ e: NetworkEntity) -> String? { nonEmpty(graph.facts[e.id]?.address) }
    func nightTimeEconomy(_ e: NetworkEntity) -> Bool? { graph.facts[e.id]?.nightTimeEconomy }

    /// The items behind the entity's links, each once, oldest first.
    func items(of e: NetworkEntity) -> [Citation] { entityItems[e.id] ?? [] }

    // MARK: Links

    /// The items behind the link, each once, oldest first.
    func items(of l: NetworkLink) -> [Citation] { linkItems[l.id] ?? [] }

    /// The link as a sentence with the adult as the actor (``Safeguarding/sentence(_:from:to:)``).
    func reads(_ l: NetworkLink) -> String {
        safeguarding.sentence(l.type, from: l.source, to: l.target).text(label)
    }

    /// The distinct handling codes of the link's items, in a fixed order (`C; P`, or 5x5x5 digits).
    func handling(_ items: [Citation]) -> String {
        Array(Set(items.map(\.grade.handlingCode))).sorted().joined(separator: "; ")
    }

    /// Each C-handled item's conditions with its reference: `police/WX-1: text; ...`.
    func conditions(_ items: [Citation]) -> String {
        items.compactMap { c in c.conditions.map { "\(c.ref): \($0)" } }.joined(separator: "; ")
    }

    /// Items as cited in one cell (`police/WX-1 2024-03-04 2BP; ...`), each C-handled item followed
    /// by its conditions, so that they travel wherever the item does.
    static func cited(_ items: [Citation]) -> String {
        items.map { c in c.conditions.map { "\(c) (conditions: \($0))" } ?? c.description }.joined(separator: "; ")
    }

    static func refs(_ items: [Citation]) -> String { items.map(\.ref.description).joined(separator: "; ") }
    static func grades(_ items: [Citation]) -> String { items.map(\.grade.code).joined(separator: "; ") }
    static func linkID(_ l: NetworkLink) -> String { "L\(l.id)" }

    /// The distinct days the items were recorded, in order.
    static func days(_ items: [Citation]) -> [Day] { Array(Set(items.map(\.recorded))).sorted() }
}

func nonEmpty(_ s: String?) -> String? {
    guard let s, !s.isEmpty else { return nil }
    return s
}
