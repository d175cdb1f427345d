import ArgumentParser
import SightlineModel
import SightlineNetwork
import SightlineStore

/// `sightline copresence [ID] --window HOURS`
struct CoPresenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copresence",
        abstract: "People seen at the same place, in the same vehicle or on the same phone within a time window: inferred links, kept apart from recorded ones.",
        discussion: """
        Two people are co-present when each has a recorded, timed presence at the same hub (a \
        location: at, found at, frequents; a vehicle: travelled in, driver of; a phone: uses phone) \
        and the two times are at most --window hours apart (a date without a time covers its whole \
        day). Each pair lists its occasions with both links' times and the items behind them. These \
        are inferences for an analyst to check, never stored as links and never added to the \
        network the other commands analyse. Pairs are listed by hub and date, not ranked. Untimed \
        presences cannot show two people together and are left out.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var network: NetworkOptions
    @Argument(help: "Only pairs involving this person, or only this hub (E12, an identifier or an exact name).") var entity: String?
    @Option(help: "The largest gap between two presences, in hours (0: they must overlap).") var window: Double = 2
    @Option(help: "Which hubs: location, vehicle, phone (comma-separated).") var hubs: String = "location,vehicle,phone"
    @Option(help: "Only pairs with at least this many occasions.") var minOccasions: Int = 1

    func validate() throws {
        try Bounds.check("--window", window, Bounds.hours, unit: "hours")
        try Bounds.check("--min-occasions", minOccasions, 1...1_000_000)
        _ = try CommaList<EntityKind>(hubs, option: "--hubs", what: "hub kind(s)",
                                      allowed: EntityKind.allCases.filter { CoPresence.presenceTypes[$0] != nil })
    }

    var hubKinds: Set<EntityKind> { Set(hubs.split(separator: ",").compactMap { EntityKind(rawValue: $0.trimmingCharacters(in: .whitespaces)) }) }

    struct Row: Encodable {
        var people: [Party]
        var hub: Party
        var occasions: Int
        var first: String, last: String
        var detail: [CoPresence.Occasion]
        var evidence: [String]
    }
    struct Party: Encodable { var entity: String; var kind: String; var label: String; var roles: [String] }

    func run() throws {
        let db = try store.open()
        let snapshot = try network.snapshot(db)
        var found = CoPresence.find(entities: snapshot.entities, links: snapshot.allLinks,
                                    windowSeconds: Int((window * 3600).rounded()), hubKinds: hubKinds)
        if let entity {
            let id = try db.find(entity)
            found = found.filter { $0.hub == id || $0.people.contains(id) }
        }
        found = found.filter { $0.count >= minOccasions }
        func party(_ id: EntityID) -> Party {
            guard let i = snapshot.index[id] else { return Party(entity: id.description, kind: "", label: "", roles: []) }
            let e = snapshot.entities[i]
            return Party(entity: e.id.description, kind: e.kind.rawValue, label: e.label, roles: e.roles.map(\.title))
        }
        let rows = found.map { c in
            var seen = Set<String>()
            return Row(people: c.people.map(party), hub: party(c.hub), occasions: c.count, first: c.firstDate, last: c.lastDate,
                       detail: c.occasions, evidence: c.occasions.flatMap(\.evidence).map(\.description).filter { seen.insert($0).inserted })
        }
        func name(_ p: Party) -> String { "\(p.entity) \(p.label)" + (p.roles.isEmpty ? "" : " (\(p.roles.joined(separator: ", ")))") }
        try emit(rows, table: {
            TextTable(headers: ["hub", "person", "person", "occasions", "first", "last", "items", "evidence (first)"],
                      rows: rows.map { r in
                          [name(r.hub), name(r.people[0]), name(r.people[1]), String(r.occasions), r.first, r.last,
                           String(r.evidence.count), r.evidence.first ?? ""]
                      })
        }, format: output.format, none: "no co-presence within \(window) hours\(entity.map { " involving \($0)" } ?? "")")
    }
}
