import ArgumentParser
import SightlineProducts

/// `sightline disrupt vehicles`
struct DisruptVehicles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vehicles",
        abstract: "Vehicles to consider for number-plate reader markers: linked to several children or adults of concern, or recorded at top locations of risk.",
        discussion: """
        A vehicle's score adds: children at risk recorded travelling in it, adults of concern who \
        drove, kept or travelled in it, occasions when a child was in it with an adult of concern \
        within the window, and top locations of risk (the first rows of 'disrupt locations') it was \
        recorded at. A marker already recorded on the vehicle is shown as done, not proposed again.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var list: ListOptions
    @OptionGroup var disrupt: DisruptOptions

    func run() throws {
        try runList {
            let (data, weights) = try disrupt.prepare(store, network)
            let all = ThingsOfInterest.vehicleList(data, weights: weights)
            try list.emit(all, data, evidence: disrupt.evidence, db: { try store.open() }, table: Self.table, terminal: Self.terminal, what: "vehicles of interest")
        }
    }

    /// The list's table: every column (CSV, and the pack's tables/); a terminal shows ``terminal``.
    static func table(_ rows: [VehicleOfInterest]) -> TextTable {
        TextTable(headers: ["rank", "vehicle", "score", "parts", "children", "suspects", "occasions", "top locations",
                            "markers", "tactics", "items", "evidence"],
                  rows: rows.map { r in
                      [rankCell(r.rank), "\(r.name) (\(r.entity))", score(r.score), partsCell(r.parts), peopleCell(r.children),
                       peopleCell(r.suspects), String(r.occasions), r.topLocations.joined(separator: "; "),
                       r.markers.joined(separator: "; "), tacticsCell(r.tactics), String(r.evidence.count), evidenceCell(r.evidence)]
                  })
    }

    /// The columns a terminal (and the pack's printed page) shows.
    static let terminal = ["rank", "vehicle", "score", "parts", "markers", "items"]
}
