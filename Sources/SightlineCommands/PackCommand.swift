import ArgumentParser
import Foundation
import SightlineAudit
import SightlineGate
import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineReadModel
import SightlineRender
import SightlineStore

/// `sightline pack --panel-date DATE --audience NAME --purpose TEXT -o DIR [--children LIST] [--since DATE]`
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "A MACE panel's pack: a folder with a print-ready page (index.html), every table as CSV and a manifest.",
        discussion: """
        The page opens with a cover sheet (panel date, audience, purpose, handling marking, who made \
        it and when, and the disclosure log entry that records it) and the agenda; then for each \
        child on the agenda the multi-agency chronology with its patterns and the language flagged \
        for the panel to challenge, what changed since the last panel, the child's network picture, \
        the adults, places, vehicles, phones and accounts linked, and the notices issued and \
        breached; then key adults, locations of risk with tactics, vehicles and phones of interest, \
        warning-notice candidates, the missing-episode trawl, the rows new and gone on every list, \
        and for every action recorded with 'notices record' whether it worked (the same measure over \
        equal windows before and after it: fewer, same or more). tables/ holds every table as CSV; \
        manifest.json every file's SHA-256 and the log's checkpoint (sightline audit verify \
        --checkpoint DIR/manifest.json).

        The agenda: --children, or every child with a new missing episode, a new adult or a rising \
        rate since the last panel, in name order (never ranked). 'Since' is --since, else the panel \
        date of the latest pack made from this store for an earlier panel (items first ingested \
        after that pack was made count as new too), else the \(PackCommand.defaultSinceDays) days \
        before the panel date. An audience gets only the parts whose commands it may be given \
        (chronology, disrupt, notices candidates, trawl missing, render). Every byte passes the \
        audience's disclosure gate and is logged. -o DIR must be new, empty, or hold an earlier \
        pack (its files are replaced). Exit codes: 0 written; 2 usage; 3 store or log failure; 4 an \
        unknown entity or a request that cannot be met; 5 the folder cannot be written.
        """)

    static let defaultSinceDays = 28
    /// More children than a panel discusses in a sitting: the default agenda says so (and keeps every one).
    static let largeAgenda = 40

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var network: NetworkOptions
    @Option(help: ArgumentHelp("The panel's date: the pack shows the store as known on it.", valueName: "YYYY-MM-DD")) var panelDate: String
    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The folder to write.", valueName: "dir")) var output: String
    @Option(help: ArgumentHelp("The children on the agenda (comma-separated: E12, identifiers or exact names) instead of the default rule.", valueName: "list"))
    var children: String?
    @Option(help: ArgumentHelp("What counts as changed: since this day (default: the previous panel's).", valueName: "YYYY-MM-DD")) var since: String?
    @Option(help: "Rows of each list (0: all).") var rows: Int = 20
    @Option(help: ArgumentHelp("Disruption weights from this YAML file (as 'disrupt').", valueName: "file.yaml")) var weights: String?

    func validate() throws {
        _ = try DayArgument(panelDate, option: "--panel-date")
        if let since {
            let s = try DayArgument(since, option: "--since"), p = try DayArgument(panelDate, option: "--panel-date")
            guard s.day < p.day else { throw ValidationError("--since must be before --panel-date") }
        }
        if output.isEmpty { throw ValidationError("-o must name a folder") }
        if children?.split(separator: ",").allSatisfy({ $0.allSatisfy(\.isWhitespace) }) == true { throw ValidationError("--children must name at least one child") }
        try Bounds.check("--rows", rows, Bounds.rows)
    }

    var childNames: [String] {
        (children ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        let weights = try self.weights.map(DisruptionWeightsFile.load) ?? DisruptionWeights()
        let folder = try PackFolder(output)
        let db = try store.open()
        let g = currentGate
        let audience = g.screen.audience
        let panel = try DayArgument(panelDate, option: "--panel-date").day

        // Since when.
        let sinceDay: Day, late: Set<IntelRef>?, reason: String
        if let since {
            sinceDay = try DayArgument(since, option: "--since").day; late = nil; reason = "asked for (--since)"
        } else if let previous = try db.previousPack(before: panel.text), let d = Day(previous.panelDate) {
            // What the previous pack could not hold: recorded since its panel, or ingested since it was made.
            sinceDay = d; late = Set(try db.itemsFirstIngested(after: previous.madeAt).map(g.screen.shownRef))
            reason = "the previous pack's panel date (made \(previous.madeAt), log entry \(previous.logEntry)); items ingested since it was made are new too"
        } else {
            sinceDay = Day(dayNumber: panel.dayNumber - Self.defaultSinceDays); late = nil
            reason = "no earlier pack is recorded in this store: the \(Self.defaultSinceDays) days before the panel"
        }

        // The store as screened for the audience, on the panel date and on the last.
        let contents = try network.contents(db)
        func data(asOf day: Day) -> ProductData {
            var f = network.filter
            if f.asOf == nil || day < Day(f.asOf!) { f.asOf = Timestamp(secondsSinceEpoch: (day.dayNumber + 1) * 86_400 - 1) }
            var d = ProductData(contents, filter: f, weighting: network.weighting(reference:))
            d.strength.weighted = !network.unweighted
            return d
        }
        let now = keepUntilExit(data(asOf: panel))

        var request = PanelPack.Request(panel: panel, since: sinceDay, ingestedSincePrevious: late, sinceReason: reason, children: nil)
        request.weights = weights
        request.rows = rows
        var omitted: [String] = []
        for (part, command, words) in [(PanelPack.Part.children, "chronology", "the children's sections (chronologies, pictures, links)"),
                                       (.lists, "disrupt", "key adults, locations, vehicles and phones of interest, and whether disruption worked"),
                                       (.noticeCandidates, "notices candidates", "warning-notice candidates"),
                                       (.missingTrawl, "trawl missing", "the missing-episode trawl")] where !audience.mayBeGiven(command) {
            request.parts.remove(part)
            omitted.append("\(words): '\(command)' may not be given to \(audience.name)")
        }
        if !childNames.isEmpty {
            request.children = try childNames.map { name in
                let id = try db.find(name)
                guard now.isChild(id) else { throw CommandError("--children: \(id) is not a child on \(panel)") }
                return id
            }
        }
        let past = keepUntilExit(data(asOf: sinceDay))
        var pack = PanelPack(now, past: past, request: request)
        if request.children == nil && pack.agenda.count > Self.largeAgenda {
            var e = standardError
            print("note: \(pack.agenda.count) children have a new episode, a new adult or a rising rate since \(sinceDay); every one is on the agenda. A panel that discusses fewer names them with --children.", to: &e)
        }

        // The agencies' own words where the audience may see them, for the language flags.
        let cited = pack.agenda.flatMap { $0.chronology.items }
        if !cited.isEmpty, let found = try g.screen.summaries(of: cited, from: db) {
            let byRef = Dictionary(found.map { ($0.item.ref, $0.summary) }, uniquingKeysWith: { a, _ in a })
            for k in pack.agenda.indices { pack.agenda[k].chronology.attach(summaries: byRef) }
        }

        let pictures: [String: String]
        do { pictures = audience.mayBeGiven("render") ? try PackPage.pictures(pack, now.snapshot) : [:] } catch { throw CommandError("\(error)") }
        if !audience.mayBeGiven("render") && !pack.agenda.isEmpty { omitted.append("network pictures: 'render' may not be given to \(audience.name)") }
        let lists = Self.listTables(pack.lists)
        let handling = HandlingMarking(of: pack.items)
        let logPath = gate.auditLog ?? AuditLog.defaultPath(forStore: store.db)
        let filters = network.describe
        var cover = PackCover(panelDate: panel.text, audience: audience.name, audienceTitle: audience.title, purpose: gate.purpose ?? "",
                              recipients: gate.recipients, marking: "\(handling.marking). For \(audience.title)", conditions: handling.conditions,
                              producedBy: g.request.analyst, producedAt: DisclosureGate.loggedAtMark, logEntry: DisclosureGate.logEntryMark,
                              logPath: URL(fileURLWithPath: logPath).standardizedFileURL.path, filters: filters)
        cover.omitted = omitted
        let html = PackPage.html(pack, cover: cover, lists: lists, pictures: pictures)

        // Stage every file: the page names its own log entry (sealed), the tables follow.
        try folder.prepare()
        g.stage(Array(html.utf8), to: .file(folder.path("index.html")), sealed: true)
        let own = PackPage.tables(pack)
        var tables = [own.agenda] + own.children.flatMap { $0 } + lists
        if !pack.listChanges.isEmpty { tables.append(own.changes) }
        if request.parts.contains(.lists) { tables.append(own.disruption) }
        tables.append(own.items)
        for t in tables {
            g.stage(Array(TextTable(headers: t.headers, rows: t.rows).csv.utf8), to: .file(folder.path("tables/" + t.file)))
        }
        let counts = ["children": pack.agenda.count, "items": pack.items.count, "actions": pack.disruption.count,
                      "tables": tables.count, "pictures": pictures.count]
        let store = self.store.db, analyst = g.request.analyst
        g.afterLogging = { record, checkpoint, log in
            let manifest = PackManifest(folder: folder.root, outputs: g.outputs, panelDate: panel.text, since: sinceDay.text, sinceReason: reason,
                                        audience: audience, filters: filters, counts: counts, handling: handling,
                                        record: record, checkpoint: checkpoint, log: log)
            folder.removeStale(keeping: manifest.files.map(\.path) + ["manifest.json"])
            var e = standardError
            print("wrote \(folder.root)/index.html: \(pack.agenda.count) \(pack.agenda.count == 1 ? "child" : "children") on the agenda, \(tables.count) tables in tables/, manifest.json; disclosure log entry \(record.seq)", to: &e)
            // The next pack's "since": recorded once the pack is written.
            do {
                try SightlineStore(path: store, access: .write).recordPack(
                    PackRecord(panelDate: panel.text, madeAt: record.at, audience: audience.name, logEntry: record.seq), by: analyst)
            } catch {
                print("warning: the pack was written but could not be recorded in the store (\(error)); the next pack's --since will not default to this panel", to: &e)
            }
            return [.init(manifest.bytes, to: .file(folder.path("manifest.json")))]
        }
    }

    /// The lists as their commands write them (every column in tables/, the terminal's columns on the page).
    static func listTables(_ l: PanelPack.Lists) -> [PackTable] {
        func ranked<R>(_ list: RankedList<R>?, _ file: String, _ title: String, _ table: ([R]) -> TextTable, _ shown: [String]) -> PackTable? where R: RankableRow {
            guard let list else { return nil }
            let rows = list.ranked + list.needsCorroboration
            let t = table(rows).withCorroboration(rows.map(\.needsCorroboration))
            return PackTable(file: file, title: title, headers: t.headers, rows: t.rows, shown: shown + (list.needsCorroboration.isEmpty ? [] : ["needs corroboration"]),
                             note: "Ranked by the score's parts (each shown in tables/\(file)); rows resting on weak intelligence only follow, unranked.")
        }
        var out: [PackTable] = [
            ranked(l.keyAdults, "key-adults.csv", "Key adults", DisruptPeople.table, DisruptPeople.terminal),
            ranked(l.locations, "locations-of-risk.csv", "Locations of risk, with tactics", DisruptLocations.table,
                   ["rank", "place", "category", "postcode", "occasions (night)", "notices issued", "tactics"]),
            ranked(l.vehicles, "vehicles.csv", "Vehicles of interest", DisruptVehicles.table, DisruptVehicles.terminal),
            ranked(l.phones, "phones.csv", "Phones of interest", DisruptPhones.table, DisruptPhones.terminal),
        ].compactMap { $0 }
        if let n = l.noticeCandidates {
            let rows = n.candidates + n.needsCorroboration
            let t = NoticesCandidates.table(rows, full: true).withCorroboration(rows.map(\.needsCorroboration))
            out.append(PackTable(file: "notice-candidates.csv", title: "Warning-notice candidates", headers: t.headers, rows: t.rows,
                                 shown: ["notice", "adult", "child or address", "status", "counted", "first", "last", "non-consent"],
                                 note: "For a person to review; nothing is issued automatically."))
        }
        if let m = l.missingTrawl {
            let doc = TrawlMissing.Document(period: m.period, minimumChildren: m.minimumChildren, episodesInPeriod: m.episodesInPeriod,
                                            recurringAdults: m.recurringAdults, recurringPlaces: m.recurringPlaces,
                                            childrenReportedMissing: m.childrenReportedMissing)
            let t = TrawlMissing.table(doc)
            out.append(PackTable(file: "missing-trawl.csv", title: "Missing-episode trawl, \(m.period.from) to \(m.period.until)", headers: t.headers, rows: t.rows,
                                 shown: ["section", "rank", "name", "children", "episodes", "latest", "how / where found"],
                                 note: "Adults and places recurring across different children's episodes; children reported missing in name order, never ranked."))
        }
        return out
    }
}

/// The pack's folder: new, empty, or holding an earlier pack (whose files are replaced).
struct PackFolder {
    let root: String
    /// The earlier pack's files (from its manifest), removed when the new pack does not write them.
    let earlier: [String]

    init(_ path: String) throws {
        root = URL(fileURLWithPath: path).standardizedFileURL.path
        var isDir: ObjCBool = false
        let fm = FileManager.default
        guard fm.fileExists(atPath: root, isDirectory: &isDir) else { earlier = []; return }
        guard isDir.boolValue else { throw ExitWithMessage(message: "-o \(path): is a file; the pack is a folder", code: ExitStatus.output.rawValue) }
        let inside = (try? fm.contentsOfDirectory(atPath: root)) ?? []
        guard !inside.isEmpty else { earlier = []; return }
        struct Earlier: Decodable { var kind: String; var files: [PackManifest.File] }
        guard let data = fm.contents(atPath: root + "/manifest.json"), let m = try? JSONDecoder().decode(Earlier.self, from: data), m.kind == PackManifest.kind else {
            throw ExitWithMessage(message: "-o \(path): the folder holds files that are not a Sightline pack; give a new or empty folder", code: ExitStatus.output.rawValue)
        }
        earlier = m.files.map(\.path)
    }

    func path(_ name: String) -> String { root + "/" + name }

    /// Makes the folder and its tables/ folder.
    func prepare() throws {
        do { try FileManager.default.createDirectory(atPath: root + "/tables", withIntermediateDirectories: true) } catch {
            throw ExitWithMessage(message: "-o \(root): cannot create the folder (\(error.localizedDescription))", code: ExitStatus.output.rawValue)
        }
    }

    /// Removes the earlier pack's files that the new one did not write.
    func removeStale(keeping: [String]) {
        let keep = Set(keeping)
        for f in earlier where !keep.contains(f) && !f.contains("..") && !f.hasPrefix("/") { try? FileManager.default.removeItem(atPath: path(f)) }
    }
}
