import ArgumentParser
import SightlineProducts

/// `sightline disrupt people`
struct DisruptPeople: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "Adults ranked by the harm they are linked to and their place in the network, with the reasons. Never children.",
        discussion: """
        An adult's score adds: children at risk linked to them (directly, other than by a family \
        link, or found with them on missing episodes), those missing episodes, adults of concern \
        linked to them, their betweenness as a share of the highest in the network, and the close \
        child–adult-of-concern pairs (at most 2 links apart) that taking them out would break \
        (as 'sightline impact' measures). A person recorded as a child at risk is never listed; a \
        person recorded only as a professional or parent or carer is not listed.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var list: ListOptions
    @OptionGroup var disrupt: DisruptOptions

    func run() throws {
        try runList {
            let (data, weights) = try disrupt.prepare(store, network)
            let (all, note) = KeyPeople.list(data, weights: weights)
            if let note {
                var e = standardError
                print("note: \(note)", to: &e)
            }
            try list.emit(all, data, evidence: disrupt.evidence, db: { try store.open() }, table: Self.table, terminal: Self.terminal, what: "adults")
        }
    }

    /// The list's table: every column (CSV, and the pack's tables/); a terminal shows ``terminal``.
    static func table(_ rows: [KeyPerson]) -> TextTable {
        TextTable(headers: ["rank", "adult", "roles", "score", "parts", "reasons", "children", "suspects", "notices",
                            "items", "evidence"],
                  rows: rows.map { r in
                      [rankCell(r.rank), "\(r.name) (\(r.entity))", r.roles.joined(separator: ", "), score(r.score),
                       partsCell(r.parts), r.reasons.joined(separator: "; "), peopleCell(r.children), peopleCell(r.suspects),
                       r.notices.joined(separator: "; "), String(r.evidence.count), evidenceCell(r.evidence)]
                  })
    }

    /// The columns a terminal (and the pack's printed page) shows.
    static let terminal = ["rank", "adult", "score", "parts", "reasons", "items"]
}
