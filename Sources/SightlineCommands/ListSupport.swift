import ArgumentParser
import Foundation
import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineStore

/// What every list (`disrupt ...`, `notices candidates`, `trawl missing`) takes for batch use.
///
/// Exit codes of a list (``ExitStatus``): 0 rows found; 1 no rows; 2 a usage error; 3 the store
/// is unavailable; 4 the request could not be met (an unknown entity, a bad weights file); 5 the
/// output file could not be written. A scheduler can act on 0 and 1 and alert on the rest.
struct ListOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only rows that are new or changed since this date: some item behind them recorded, or first ingested, after it.", valueName: "YYYY-MM-DD"))
    var since: String?
    /// `--format` and `-o`, as every command that prints data.
    @OptionGroup var destination: OutputOptions
    var format: OutputFormat { destination.format }
    var output: String? { destination.output }
    @Option(help: "At most this many rows (0: all).") var limit: Int = 20

    func validate() throws {
        if let since { _ = try DayArgument(since, option: "--since") }
        try Bounds.check("--limit", limit, Bounds.rows)
    }

    /// `--since` as a day (`YYYY-MM-DD`).
    var sinceDay: Day? { since.flatMap { try? DayArgument($0, option: "--since").day } }

    /// Keeps the rows new or changed since `--since`, then the first `--limit`.
    func select<Row: EvidencedRow>(_ rows: [Row], _ data: ProductData) -> [Row] {
        var kept = rows
        if let day = sinceDay { kept = kept.newOrChanged(since: day, ingested: data.contents.ingested) }
        return limit > 0 ? Array(kept.prefix(limit)) : kept
    }

    /// Writes a list: a table or CSV from `table`, or JSON of `document`, to the file or standard
    /// output. Throws ``NoRows`` (exit 1) when there are none, after
    /// writing the empty list (so a batch job's file always reflects the last run).
    /// - Parameter terminal: the columns of `table` a terminal shows (nil: all); CSV and JSON carry
    ///   every column.
    func emit<Document: Encodable>(_ document: Document, rows: Int, table: () -> TextTable, terminal: [String]? = nil,
                                   what: String) throws {
        let text: String
        switch format {
        case .table:
            let full = table()
            text = (terminal.map(full.selecting) ?? full).rendered(maxWidth: 80)
            if terminal != nil && rows > 0 {
                var e = standardError
                print("(the people counted and the items behind each row: --format csv or json)", to: &e)
            }
        case .csv: text = table().csv
        case .json: text = try jsonText(document) + "\n"
        }
        try deliver(text, rows: rows, what: what)
    }

    /// Writes a list's text to `-o` (saying how many rows) or standard output, then throws
    /// ``NoRows`` (exit 1) when nothing is ranked: the empty list is still written, so a batch job's
    /// file always reflects the last run.
    /// - Parameter apart: rows set apart as needing corroboration (not ranked).
    func deliver(_ text: String, rows: Int, apart: Int = 0, what: String) throws {
        let setApart = apart == 0 ? "" : ", \(apart) needing corroboration"
        if let output {
            currentGate.stage(Array(text.utf8), to: .file(output))
            var e = standardError
            print("wrote \(output): \(rows) \(what)" + setApart, to: &e)
        } else {
            print(text, terminator: "")
        }
        if rows == 0 {
            throw NoRows(message: "no \(what)" + (sinceDay.map { " new or changed since \($0)" } ?? "")
                         + (apart == 0 ? "" : " ranked (\(apart) need corroboration)"))
        }
    }
}

/// `--explain ROW`: one row's full derivation instead of the list. (`--unweighted`, in the network
/// options, turns evidence weights off for the network and the lists alike.)
struct EvidenceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Print the full derivation of this row's score instead of the list: each part, each element counted, and the items behind it with their grades and strengths.", valueName: "entity"))
    var explain: String?
}

extension ListOptions {
    /// Writes a list whose weak rows are set apart (``RankedList``): the ranked rows, then the
    /// rows that need corroboration, unranked. JSON `{ranked, needsCorroboration}`; CSV one table
    /// with a `needs corroboration` column (empty on ranked rows); a terminal table, then a section
    /// of its own. `--limit` and `--since` apply to each part. With `--explain ROW`, the row's
    /// derivation instead. Exit 1 when nothing is ranked.
    func emit<Row: ScoredRow>(_ list: RankedList<Row>, _ data: ProductData, evidence: EvidenceOptions, db: () throws -> SightlineStore,
                              table: ([Row]) -> TextTable, terminal: [String], what: String) throws {
        if let wanted = evidence.explain {
            let id = try db().find(wanted)
            guard let row = (list.ranked + list.needsCorroboration).first(where: { $0.entity == id.description }) else {
                throw CommandError("\(id) is not a row of this list (with these filters)")
            }
            let explanation = ScoreExplanation(row, strength: data.strength)
            switch format {
            case .json: print(try jsonText(explanation))
            case .table, .csv: print(explanation.lines.joined(separator: "\n"))
            }
            return
        }
        let ranked = select(list.ranked, data), apart = select(list.needsCorroboration, data)
        let text: String
        switch format {
        case .json: text = try jsonText(RankedList(ranked: ranked, needsCorroboration: apart)) + "\n"
        case .csv:
            text = table(ranked + apart).withCorroboration((ranked + apart).map(\.needsCorroboration)).csv
        case .table:
            var out = table(ranked).selecting(terminal).rendered(maxWidth: 80)
            if !apart.isEmpty {
                let t = table(apart).selecting(terminal.filter { $0 != "rank" }).withCorroboration(apart.map(\.needsCorroboration))
                out += "\nNeeds corroboration, not ranked (\(apart.count)): every item behind these rows is graded below \(data.strength.firmGrade)\n"
                    + t.rendered(maxWidth: 80)
            }
            text = out
            if !ranked.isEmpty || !apart.isEmpty {
                var e = standardError
                print("(the people counted and the items behind each row: --format csv or json; one row's derivation: --explain ID)", to: &e)
            }
        }
        try deliver(text, rows: ranked.count, apart: apart.count, what: what)
    }
}

/// A row's rank, or empty for a row set apart.
func rankCell(_ rank: Int?) -> String { rank.map(String.init) ?? "" }

/// A list found no rows: exit 1, with a note (not an error) on standard error.
struct NoRows: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Runs a list command's body. Kept for the lists' call sites: every error is mapped to its exit
/// status by ``SightlineError/init(_:)`` (a request that cannot be met is 4 from every command).
func runList(_ body: () throws -> Void) throws {
    try body()
}

/// Values that live until the process exits: large results (a list's network and the store's
/// contents) that would otherwise be freed object by object after the output is written.
nonisolated(unsafe) private var keptUntilExit: [Any] = []

/// Keeps `value` alive until the process exits (not freed on the way out) and returns it.
func keepUntilExit<T>(_ value: T) -> T {
    keptUntilExit.append(value)
    return value
}

/// Releases what ``keepUntilExit(_:)`` kept (for commands run in-process, as in tests).
func releaseKeptValues() { keptUntilExit.removeAll() }

extension NetworkOptions {
    /// The store's contents as the command's audience may see them: screened before anything is
    /// counted, ranked, drawn or linked from them.
    /// The store's contents around one child only (``SightlineStore/productContents(around:)``),
    /// screened for the audience as ``contents(_:)`` is.
    func contents(_ db: SightlineStore, around child: EntityID) throws -> ProductContents {
        currentGate.screen.screen(try db.productContents(around: child), on: filter.asOf ?? RunDay.todayOrClock())
    }

    /// The day the whole network's newest item was recorded, among the items the audience may see:
    /// what a neighbourhood's lists measure to, as they would on the whole network.
    func newestAdmitted(_ db: SightlineStore) throws -> Timestamp? {
        if let asOf = filter.asOf { return asOf }
        return try db.newestLinkEvidence().filter(currentGate.screen.admits).map(\.recorded).max()?.timestamp
    }

    func contents(_ db: SightlineStore) throws -> ProductContents {
        // A command without its gate stops here: nothing is read that the gate has not screened.
        currentGate.screen.screen(try db.productContents(), on: filter.asOf ?? RunDay.todayOrClock())
    }

    /// The products' view of the store: its contents through these filters, the network weighted
    /// as `analyse` weighs it.
    func productData(_ db: SightlineStore) throws -> ProductData {
        // ProductData finds the reference date (--as-of, or the newest item) once, for both.
        // Kept until the process ends, so that the network and the store's contents are not freed
        // object by object on the way out (about a tenth of a list's time at 100,000 people).
        var data = ProductData(try contents(db), filter: filter, weighting: weighting(reference:))
        // --unweighted: every element of every list counts 1 and no row is set apart, as the network's links all weigh 1.
        data.strength.weighted = !unweighted
        data = keepUntilExit(data)
        // Every list says whom the safeguarding rules held back from it, and why.
        if let note = data.safeguarding.heldBackNote(among: data.contents.entities) {
            var e = standardError
            print(note, to: &e)
        }
        return data
    }
}

/// A row's evidence in one cell (``Citation/cell(_:max:)``).
func evidenceCell(_ evidence: [Citation], max: Int = .max) -> String { Citation.cell(evidence, max: max) }
