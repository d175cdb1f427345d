import ArgumentParser
import Foundation
import SightlineIngest
import SightlineModel
import SightlineStore

/// `sightline notices record TYPE --subject ID [--child ID] [--premises ID] --issued DATE ...`
///
/// Registers an action taken (a notice issued, a visit made, a marker set) as an intelligence item
/// of its own with a notice record, through the ordinary ingest path: the same validation, the same
/// one-transaction write, the same audit (an ingest run named `notices record`). Later lists then
/// show it as done and stop proposing it.
struct NoticesRecord: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a notice issued, a visit made or a marker set, so later lists show it and do not propose it again.",
        discussion: """
        TYPE is one of: cawn (Child Abduction Warning Notice), harbourer_warning, hotel_notice (ASBCPA \
        2014 s.116), visit, marker, other. The action is stored as an item of --agency (police by \
        default) with --reference (by default SL-TYPE-SUBJECT-DATE, so recording the same action again \
        updates it rather than adding a second), graded 1AP unless --grade says otherwise. Entities \
        are given as E12, an identifier, or an exact name. A notice whose parties the safeguarding \
        rules refuse (a notice on a child; a CAWN on anyone but an adult, or whose --child is not a \
        child on --issued; a hotel notice on anything but a place or an organisation) is refused, \
        naming the option. Exit codes: 0 recorded; 1 bad input or a refused party (nothing stored); \
        2 usage; 3 the store failed; 4 an unknown entity.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @Argument(help: "The action: cawn, harbourer_warning, hotel_notice, visit, marker or other.") var type: String
    @Option(help: "Whom or what it was issued to or set on: a person, place, organisation, vehicle or phone.") var subject: String
    @Option(help: "The child it protects (for a warning notice).") var child: String?
    @Option(help: "The premises it concerns (for a hotel notice or a visit).") var premises: String?
    @Option(help: ArgumentHelp("When it was issued, made or set.", valueName: "YYYY-MM-DD")) var issued: String
    @Option(help: ArgumentHelp("When it lapses.", valueName: "YYYY-MM-DD")) var expires: String?
    @Option(help: "The officer or worker who issued it.") var officer: String?
    @Option(help: "The agency recording it.") var agency: String = "police"
    @Option(help: "The item's reference (default SL-TYPE-SUBJECT-DATE).") var reference: String?
    @Option(help: "The item's 3x5x2 grade.") var grade: String = "1AP"
    @Option(help: "Handling conditions, when the grade's handling code is C.") var conditions: String?
    @Option(help: "A note for the item (default: a sentence naming the action).") var summary: String?

    func validate() throws {
        guard NoticeType(rawValue: type) != nil else {
            throw ValidationError("TYPE must be one of \(NoticeType.allCases.map(\.rawValue).joined(separator: ", ")) (got \"\(type)\")")
        }
        for (name, value) in [("--issued", issued), ("--expires", expires)] {
            if let value { _ = try DayArgument(value, option: name) }
        }
    }

    func run() throws {
        let db = try store.openForWriting()
        let noticeType = NoticeType(rawValue: type)!
        /// An identifier the record can name the entity by (any of its own).
        func identifier(_ text: String, _ option: String) throws -> (id: EntityID, ref: String, label: String) {
            let id: EntityID
            do { id = try db.find(text) } catch { throw ExitWithMessage(message: "--\(option): \(error.description)", code: ExitStatus.request.rawValue) }
            let d = try db.detail(id)
            guard let ref = d.identifiers.first else { throw ExitWithMessage(message: "--\(option): \(id) has no identifier to record against", code: ExitStatus.request.rawValue) }
            return (id, ref, d.label)
        }
        let s = try identifier(subject, "subject")
        let c = try child.map { try identifier($0, "child") }
        let p = try premises.map { try identifier($0, "premises") }
        let ref = reference ?? "SL-\(type.uppercased())-\(s.id)-\(issued)"
        let title = noticeType.title
        var text = String(title.prefix(1).uppercased() + title.dropFirst()) + " recorded for " + s.label
        if let c { text += " in respect of " + c.label }
        if let p { text += " at " + p.label }
        text += "."
        if let summary { text = summary }
        var item: [(String, JSONValue)] = [("type", .string("item")), ("agency", .string(agency)), ("ref", .string(ref)),
                                           ("recorded", .string(issued)), ("grade", .string(grade)), ("summary", .string(text))]
        if let conditions { item.append(("conditions", .string(conditions))) }
        var notice: [(String, JSONValue)] = [("type", .string("notice")), ("notice", .string(type)), ("subject", .string(s.ref)),
                                             ("issued", .string(issued)), ("item", .string("\(agency)/\(ref)"))]
        if let c { notice.append(("child", .string(c.ref))) }
        if let p { notice.append(("premises", .string(p.ref))) }
        if let expires { notice.append(("expires", .string(expires))) }
        if let officer { notice.append(("officer", .string(officer))) }
        let lines = [item, notice].map { JSONValue.object($0.map { (key: $0.0, value: $0.1) }).jsonText }.joined(separator: "\n") + "\n"
        let input = IngestInput(name: "notices record", format: .jsonLines, source: MemoryByteSource(lines))
        do { _ = try db.ingest([input]) } catch {
            switch error {
            case let .rejected(.badField(location, field, _, reason))
                where location.file == input.name && ["subject", "child", "premises"].contains(field):
                // A party the safeguarding rules refuse: named by the option that gave it.
                let why = reason.hasPrefix("is refused: ") ? String(reason.dropFirst("is refused: ".count)) : reason
                throw ExitWithMessage(message: "--\(field): \(why)\nNothing was recorded.", code: 1)
            case .rejected: throw ExitWithMessage(message: error.description, code: 1)
            case .store: throw ExitWithMessage(message: error.description, code: 3)
            }
        }
        var e = standardError
        print("recorded \(noticeType.title) for \(s.id) \(s.label)" + (c.map { ", child \($0.id)" } ?? "") + (p.map { ", premises \($0.id) \($0.label)" } ?? "")
              + ", issued \(issued), as item \(agency)/\(ref)", to: &e)
    }
}
