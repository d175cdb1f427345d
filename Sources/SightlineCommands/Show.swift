import ArgumentParser
import SightlineGate
import SightlineModel
import SightlineStore

/// `sightline show ID-OR-IDENTIFIER`
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one entity: its identifiers, roles, and every link with the intelligence behind it.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var network: NetworkOptions

    @Flag(help: "Also show the summary of every item cited (the agency's own words; only to audiences that may see source details).")
    var summaries = false
    @Argument(help: "An entity ID (E12), a strong identifier (phone:07700 900123, vehicle:WX19KQP) or an exact name.")
    var entity: String

    func run() throws {
        let db = try store.open()
        // Through the same filters as the network: an item the filters refuse shows nowhere.
        let filter = network.filter
        let id = try db.find(entity)
        let screen = currentGate.screen
        var pseudonymised = false
        let detail = try db.detail(id, on: filter.asOf ?? RunDay.todayOrClock()) { e, kind, label, child in
            if e == id { pseudonymised = screen.pseudonymises(e, kind: kind, child: child) }
            return screen.name(e, kind: kind, label: label, child: child)
        }
        var d = screen.screen(detail.keeping(filter.accepts, linkTypes: filter.linkTypes.map { Set($0.map(\.rawValue)) }), pseudonymised: pseudonymised)
        if summaries {
            d.summaries = try screen.summaries(of: d.citations, from: db)
            if d.summaries == nil { var e = standardError; print("(summaries are source details: not shown to \(screen.audience.name))", to: &e) }
        }
        switch output.format {
        case .json: print(try jsonText(d))
        case .csv: print(Self.linkTable(d).csv, terminator: "")
        case .table: print(Self.text(d), terminator: "")
        }
    }

    static func linkTable(_ d: EntityDetail) -> TextTable {
        TextTable(headers: ["link", "type", "direction", "other", "other_kind", "other_label", "reads", "time", "origin", "detail", "evidence"],
                  rows: d.links.map { l in
                      [String(l.id), l.type, l.direction, l.other, l.otherKind, l.otherLabel, l.reads, l.time ?? "", l.origin, l.detail ?? "",
                       l.evidence.map(\.description).joined(separator: "; ")]
                  })
    }

    static func text(_ d: EntityDetail) -> String {
        var out = "\(d.id)  \(d.kind)  \(d.label)\n"
        out += "identifiers: \(d.identifiers.joined(separator: ", "))\n"
        for m in d.merged { out += "merged in: \(m.entity) by \(m.actor) at \(m.at): \(m.reason)\n" }
        if !d.records.isEmpty {
            out += "\nrecords\n"
            var t = TextTable(headers: ["source", "identifier", "name", "aliases", "dob", "details"])
            for r in d.records {
                t.rows.append([r.source.description, r.identifier, r.name ?? "", r.aliases.joined(separator: ", "), r.dob ?? "",
                               r.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")])
            }
            out += t.rendered()
        }
        if !d.roles.isEmpty {
            out += "\nroles\n"
            out += TextTable(headers: ["role", "source"], rows: d.roles.map { [Role(rawValue: $0.role)?.title ?? $0.role, $0.source.description] }).rendered()
        }
        if !d.lookedAfter.isEmpty {
            out += "\nlooked after\n"
            out += TextTable(headers: ["from", "to", "authority", "source"],
                             rows: d.lookedAfter.map { [$0.from, $0.to ?? "", $0.authority ?? "", $0.source.description] }).rendered()
        }
        if !d.missingEpisodes.isEmpty {
            out += "\nmissing episodes\n"
            out += TextTable(headers: ["start", "end", "missing from", "found at", "found with", "source"],
                             rows: d.missingEpisodes.map { [$0.start, $0.end ?? "", $0.missingFrom ?? "", $0.foundAt ?? "",
                                                            $0.foundWith.joined(separator: "; "), $0.source.description] }).rendered()
        }
        if !d.notices.isEmpty {
            out += "\nnotices\n"
            out += TextTable(headers: ["type", "issued", "expires", "subject", "child", "premises", "officer", "source"],
                             rows: d.notices.map { [NoticeType(rawValue: $0.type)?.title ?? $0.type, $0.issued, $0.expires ?? "", $0.subject,
                                                    $0.child ?? "", $0.premises ?? "", $0.officer ?? "", $0.source.description] }).rendered()
        }
        if let summaries = d.summaries, !summaries.isEmpty {
            out += "\nitems (the agencies' own words)\n"
            out += TextTable(headers: ["item", "summary"], rows: summaries.map { [$0.item.description, $0.summary] }).rendered(maxWidth: 200)
        }
        if !d.links.isEmpty {
            out += "\nlinks\n"
            var t = TextTable(headers: ["type", "", "other", "reads", "time", "origin", "evidence (agency/ref recorded grade)"])
            for l in d.links {
                let arrow = l.direction == "out" ? "->" : l.direction == "in" ? "<-" : "--"
                t.rows.append([l.type + (l.detail.map { " (\($0))" } ?? ""), arrow, "\(l.other) \(l.otherKind) \(l.otherLabel)",
                               l.reads, l.time ?? "", l.origin, l.evidence.map(\.description).joined(separator: "; ")])
            }
            out += t.rendered(maxWidth: 80)
        }
        return out
    }
}
