import SightlineModel
import SightlineReadModel

/// The network as two CSV tables (RFC 4180, UTF-8, CRLF) for i2 Analyst's Notebook's import
/// wizard: one row per entity, and one row per link per intelligence item.
///
/// Why one row per item: Analyst's Notebook grades a chart item with one value from each of its
/// grade lists and one source reference, so a link carried by three items can only keep all three
/// grades as three links (link multiplicity "Multiple" in the import specification), each with its
/// own date, source reference, 3x5x2 grade and conditions. Every row also carries `items`, the
/// link's whole evidence (each C-handled item with its conditions), so a chart that merges the
/// rows into one link still shows it all. A link
/// with no items has one row with the item columns empty.
///
/// Each link row names its ends' types and labels too, so the links table can be imported on its
/// own. Identities (`E12`, `L7.2`) are Sightline's, stable across exports and case-sensitive as
/// Analyst's Notebook compares them; labels are only labels. Dates are calendar days
/// (`YYYY-MM-DD`) to import as UTC. A child's roles and dates of birth are never written.
/// docs/exports.md has the import specification to set up once.
public enum I2Export {
    public static let entityColumns = [
        "identity", "type", "label", "kind", "roles", "date_of_birth", "category", "postcode", "address",
        "night_time_economy", "first_seen (UTC)", "last_seen (UTC)", "items", "strength_items",
    ]

    public static let linkColumns = [
        "row_identity", "link_identity", "from_identity", "from_type", "from_label", "to_identity", "to_type", "to_label",
        "link_type", "label", "reads",
        "direction", "direction_code", "date (UTC)", "time (as recorded)", "source_reference", "agency",
        "source_evaluation", "intelligence_assessment", "handling_code", "grade", "grade_system",
        "legacy_source_evaluation", "legacy_intelligence_evaluation", "legacy_handling_code",
        "conditions", "origin", "items", "strength_items",
    ]

    /// The entity type in Analyst's Notebook's standard chart template for each kind (see
    /// docs/exports.md for how sure this is).
    public static func entityType(_ kind: EntityKind) -> String {
        switch kind {
        case .person: "Person"
        case .vehicle: "Vehicle"
        case .phone: "Telephone"
        case .account: "Communication Entity"
        case .location: "Location"
        case .organisation: "Organization"
        }
    }

    /// The link type name to add to the chart template: the Sightline type in words, capitalised
    /// (`Driver Of`, `Associates With`).
    public static func linkType(_ type: LinkType) -> String {
        type.rawValue.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// The two tables: the same graph always gives the same text.
    /// - Complexity: O(entities + links x items) after sorting.
    public static func tables(_ g: ExportGraph) -> (entities: String, links: String) {
        let p = PreparedGraph(g)
        var entityRows: [[String]] = []
        for e in p.entities {
            let items = p.items(of: e)
            entityRows.append([
                e.id.description, entityType(e.kind), e.label, e.kind.rawValue,
                p.roles(e).map(\.rawValue).joined(separator: ","),
                p.datesOfBirth(e).joined(separator: "; "),
                p.category(e) ?? "", p.postcode(e) ?? "", p.address(e) ?? "",
                p.nightTimeEconomy(e).map { $0 ? "yes" : "no" } ?? "",
                items.map(\.recorded).min()?.text ?? "", items.map(\.recorded).max()?.text ?? "",
                PreparedGraph.cited(items), "\(items.count)",
            ])
        }
        var linkRows: [[String]] = []
        for l in p.links {
            let items = p.items(of: l)
            let ends = [l.source, l.target].map { id in p.entity(id).map { (entityType($0.kind), $0.label) } ?? ("", "") }
            let common = (
                from: l.source.description, to: l.target.description, type: linkType(l.type),
                label: l.type.phrase, reads: p.reads(l),
                direction: l.type.isDirected ? "End 1 to End 2" : "None", code: l.type.isDirected ? "1" : "0"
            )
            let rows: [Citation?] = items.isEmpty ? [nil] : items
            for (n, c) in rows.enumerated() {
                var g3 = ["", "", ""], g5 = ["", "", ""]
                switch c?.grade {
                case let .current(s, a, h, _)?: g3 = ["\(s)", String(a), h.rawValue]
                case let .legacy(s, i, h)?: g5 = [String(s), "\(i)", "\(h)"]
                case nil: break
                }
                linkRows.append([
                    "\(PreparedGraph.linkID(l)).\(n + 1)", PreparedGraph.linkID(l),
                    common.from, ends[0].0, ends[0].1, common.to, ends[1].0, ends[1].1, common.type,
                    common.label, common.reads, common.direction, common.code,
                    c?.recorded.text ?? "", l.time ?? "", c?.ref.description ?? "", c?.agency.rawValue ?? "",
                    g3[0], g3[1], g3[2], c?.grade.code ?? "", c?.gradeSystem ?? "",
                    g5[0], g5[1], g5[2],
                    c?.conditions ?? "", l.origin.rawValue, PreparedGraph.cited(items), "\(items.count)",
                ])
            }
        }
        return (ExportText.csvTable(entityColumns, entityRows), ExportText.csvTable(linkColumns, linkRows))
    }
}
