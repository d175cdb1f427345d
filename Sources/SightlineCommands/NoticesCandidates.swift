import ArgumentParser
import SightlineModel
import SightlineProducts
import SightlineStore

/// `sightline notices candidates [--kind cawn|harbourer|all] [--child ID] [--adult ID] [--min-associations 2] [--window 365] [--name-children]`
struct NoticesCandidates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candidates",
        abstract: "Adults for whom a Child Abduction Warning Notice or a harbourer warning should be considered, each with a draft evidence schedule.",
        discussion: """
        A CAWN candidate is an adult and a child with at least --min-associations associations on \
        different days, at most --window days apart, each of a kind a notice can cite (found with the \
        adult during a missing episode, at the adult's address, in the adult's vehicle, in the adult's \
        company) and each eligible on its own date: the adult 18 or over, the child under 16, or under \
        18 and looked after. Ages that the recorded dates of birth do not fix, and undated \
        associations, are shown but never counted. A recorded family or caring relationship excludes \
        the pair; a notice already issued excludes it unless an eligible association is dated after \
        it (the row then says 'breached'). Non-consent is shown with its item, or flagged as still to \
        be recorded. Harbourer warnings follow the same rules per adult and address. Children are \
        never the adult of a row, and are written 'Child C-<n>' unless --name-children is given. \
        Nothing is decided here: every row is for a person to review. The JSON output adds the \
        excluded pairs, the rows whose ages could not be settled, and the rules used.

        Exit codes: 0 rows found; 1 none; 2 a usage error; 3 the store failed; 4 the request could \
        not be met (an unknown entity, a child given as --adult, an output file that cannot be written).
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var list: ListOptions

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case cawn, harbourer, all
    }

    @Option(help: "Which notices: cawn, harbourer or all.") var kind: Kind = .all
    @Option(help: ArgumentHelp("Only this child's pairs (an entity ID, an identifier or an exact name).", valueName: "id"))
    var child: String?
    @Option(help: ArgumentHelp("Only this adult's rows.", valueName: "id")) var adult: String?
    @Option(help: "The fewest eligible associations (on different days) a candidate needs.") var minAssociations: Int = 2
    @Option(help: ArgumentHelp("The most days from the first counted association to the last.", valueName: "days"))
    var window: Int = 365
    @Option(help: ArgumentHelp("List in 'excluded' a pair whose associations miss --window by at most this many days.", valueName: "days"))
    var nearMiss: Int = 90
    @Flag(help: "Write children's names (by default a child is 'Child C-<n>').") var nameChildren = false
    @Option(help: ArgumentHelp("A weights file (docs/disruption-weights.yaml): its 'evidence' section sets how items weigh and which grades are firm.", valueName: "file.yaml"))
    var weights: String?

    func validate() throws {
        try Bounds.check("--min-associations", minAssociations, 1...1_000_000)
        try Bounds.check("--window", window, 0...36_600, unit: "days")
        try Bounds.check("--near-miss", nearMiss, 0...36_600, unit: "days")
    }

    func run() throws {
        try runList {
            // The weights file first, so that a bad one fails before the store is read.
            let evidence = try weights.map(DisruptionWeightsFile.load)?.evidence ?? DisruptionWeights.Evidence()
            let db = try store.open()
            var rules = NoticeCandidateRules()
            rules.notices = switch kind {
            case .cawn: [.cawn]
            case .harbourer: [.harbourerWarning]
            case .all: CandidateNotice.allCases
            }
            rules.minimumAssociations = minAssociations
            rules.windowDays = window
            rules.nearMissDays = nearMiss
            var data = try network.productData(db)
            evidence.apply(to: &data.strength)
            if let child {
                let id = try resolve(db, child)
                guard data.isChild(id) else { throw CommandError("\(id) is not recorded as a child at risk, so it has no warning-notice pairs as a child") }
                rules.child = id
            }
            if let adult {
                let id = try resolve(db, adult)
                guard !data.isChild(id) else {
                    throw CommandError("\(id) is recorded as a child at risk: a child is never the adult of a warning-notice row")
                }
                rules.adult = id
            }
            var result = noticeCandidates(data, rules: rules)
            result.candidates = list.select(result.candidates, data)
            result.needsCorroboration = list.select(result.needsCorroboration, data)
            let rows = result.candidates, weak = result.needsCorroboration
            try list.emit(result, rows: rows.count, table: {
                // Rows that meet the rule only with weak intelligence follow, marked, never as candidates.
                guard !weak.isEmpty else { return table(rows) }
                return table(rows + weak).withCorroboration((rows + weak).map(\.needsCorroboration))
            }, what: "warning-notice candidates")
        }
    }

    /// An entity named on the command line, or exit 4 when the store does not know it.
    func resolve(_ db: SightlineStore, _ text: String) throws -> EntityID {
        do { return try db.find(text) } catch { throw CommandError(error.description) }
    }

    /// The table: one line per candidate, short cells. CSV: the same lines with every detail, the
    /// whole draft schedule in one cell.
    func table(_ rows: [NoticeCandidate]) -> TextTable { Self.table(rows, full: list.format == .csv) }

    /// - Parameter full: every detail (CSV), or short cells (a terminal).
    static func table(_ rows: [NoticeCandidate], full: Bool) -> TextTable {
        TextTable(
            headers: ["notice", "adult", full ? "child or address" : "child/address", "status", "counted", "first", "last",
                      "non-consent", "checks", full ? "schedule" : "evidence"],
            rows: rows.map { r in
                let other = r.notice == .cawn ? "\(r.childID ?? "") \(r.child ?? "")"
                    : "\(r.addressID ?? "") \(r.address ?? "")" + (full ? ": " + r.children.joined(separator: ", ") : " (\(r.children.count) children)")
                let status = full ? (r.issuedNotice.map { r.status + ": " + $0 } ?? r.status) : r.status
                let counted = full ? "\(r.associations) of \(r.eligibleTotal) eligible" : "\(r.associations)/\(r.eligibleTotal)"
                let consent = full ? (r.nonConsent ?? "") : r.nonConsentRecorded.map { $0 ? "recorded" : "to record" } ?? ""
                let checks = full ? r.checks.joined(separator: "; ") : (r.checks.isEmpty ? "" : "\(r.checks.count)")
                let schedule = full ? r.schedule.map(\.line).joined(separator: " | ")
                    : evidenceCell(distinctEvidence(r.schedule.filter { $0.eligibility == .eligible }.flatMap(\.evidence)), max: 2)
                return [r.notice == .cawn ? "CAWN" : "harbourer", "\(r.adultID) \(r.adult)", other, status, counted,
                        r.firstAssociation ?? "", r.lastAssociation ?? "", consent, checks, schedule]
            })
    }
}
