import ArgumentParser
import Foundation
import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineRender
import SightlineStore

/// `sightline missing brief CHILD [--format text|json|html] [-o FILE] [--as-of DATE]`
struct MissingBriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Where to look and whom to see when a child at risk is reported missing: one page, with the intelligence behind every line.",
        discussion: """
        The places the child was found before (and how often, and most recently), the postcode \
        districts they lie in, the adults the child was found with or is linked to (with their \
        addresses, vehicles and phones), other places linked to those adults, the child's phones and \
        online accounts, and the child's past episodes. Places and adults are ordered by how often \
        and how recently they feature in the child's episodes (counts, then the most recent date; \
        the brief states the order); nothing about the child is scored. Reads only what concerns the \
        child, so it answers in under a second on a large store.

        Exit codes: 0 a brief was written; 1 the entity is not recorded as a child at risk, or \
        nothing is recorded about them; 2 usage; 3 store failure; 4 an unknown entity or an output \
        file that cannot be written.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var network: NetworkOptions
    @Argument(help: "The child (E12, an identifier such as person:lccs/C-2201, or an exact name).") var child: String
    @Option(help: "text (default), json or html (a printable page).") var format: BriefFormat = .text
    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?
    @Option(help: "At most this many rows in each section (0: all).") var limit: Int = 10
    @Flag(help: "Also list every cited item's summary (the agency's own words; only to audiences that may see source details).")
    var summaries = false

    func validate() throws {
        try Bounds.check("--limit", limit, Bounds.rows)
    }

    /// The child's entity: an unknown or ambiguous one exits 4.
    func resolve(_ db: SightlineStore) throws -> EntityID {
        let found: Result<EntityID, StoreError> = Result { () throws(StoreError) -> EntityID in try db.findQuickly(child) }
        switch found {
        case .success(let id): return id
        case .failure(let e):
            if e.isAboutTheRequest { throw ExitWithMessage(message: e.description, code: 4) }
            throw e
        }
    }

    /// The brief, or exit 1 (with the reason) when there is none to write.
    func brief(_ contents: MissingBriefContents, asOf day: String?) throws -> MissingBrief {
        let made: Result<MissingBrief, MissingBriefRefusal> = Result { () throws(MissingBriefRefusal) -> MissingBrief in
            try missingBrief(contents, asOf: day, maxRows: limit, accepts: network.filter.accepts)
        }
        switch made {
        case .success(let b): return b
        case .failure(let refusal): throw NoRows(message: refusal.description)
        }
    }

    func run() throws {
        let db = try store.open()
        let id = try resolve(db)
        let day = network.asOf.flatMap { try? DayArgument($0, option: "--as-of").text }
        let contents = currentGate.screen.screen(try db.missingBriefContents(for: id, recordedBy: day), on: network.filter.asOf ?? RunDay.todayOrClock())
        var brief = try brief(contents, asOf: day)
        if summaries {
            brief.summaries = try currentGate.screen.summaries(citedIn: try jsonText(brief), from: db)
            if brief.summaries == nil { var e = standardError; print("(summaries are source details: not shown to \(currentGate.screen.audience.name))", to: &e) }
        }
        let text: String
        switch format {
        case .text: text = MissingBriefPage.text(brief)
        case .json: text = try jsonText(brief) + "\n"
        case .html: text = MissingBriefPage.html(brief)
        }
        if let output {
            currentGate.stage(Array(text.utf8), to: .file(output))
            var e = standardError
            print("wrote \(output): missing brief for \(brief.child.entity)", to: &e)
        } else {
            print(text, terminator: "")
        }
    }
}
