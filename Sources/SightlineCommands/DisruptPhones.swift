import ArgumentParser
import SightlineProducts

/// `sightline disrupt phones`
struct DisruptPhones: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phones",
        abstract: "Phones in contact with several children at risk, given to a child by an adult, or shared by adults of concern.",
        discussion: """
        A phone's score adds: children at risk whose phones it contacted or was contacted by, the \
        number of those contacts, children using it after an adult gave it, and adults of concern \
        using it. A child's own phone is listed only when an adult gave it or an adult of concern \
        uses it. A marker already recorded is shown as done, not proposed again.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var list: ListOptions
    @OptionGroup var disrupt: DisruptOptions

    func run() throws {
        try runList {
            let (data, weights) = try disrupt.prepare(store, network)
            let all = ThingsOfInterest.phoneList(data, weights: weights)
            try list.emit(all, data, evidence: disrupt.evidence, db: { try store.open() }, table: Self.table, terminal: Self.terminal, what: "phones of interest")
        }
    }

    /// The list's table: every column (CSV, and the pack's tables/); a terminal shows ``terminal``.
    static func table(_ rows: [PhoneOfInterest]) -> TextTable {
        TextTable(headers: ["rank", "phone", "score", "parts", "children contacted", "contacts", "given to children",
                            "given by", "suspects using", "markers", "tactics", "items", "evidence"],
                  rows: rows.map { r in
                      [rankCell(r.rank), "\(r.name) (\(r.entity))", score(r.score), partsCell(r.parts),
                       peopleCell(r.childrenContacted), String(r.contacts), peopleCell(r.givenToChildren),
                       peopleCell(r.givenBy), peopleCell(r.suspectsUsing), r.markers.joined(separator: "; "),
                       tacticsCell(r.tactics), String(r.evidence.count), evidenceCell(r.evidence)]
                  })
    }

    /// The columns a terminal (and the pack's printed page) shows.
    static let terminal = ["rank", "phone", "score", "parts", "markers", "items"]
}
