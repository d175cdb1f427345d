import ArgumentParser
import Foundation
import SightlineAudit
import SightlineGate
import SightlineStore

/// `sightline audiences show|set|reset`: which audiences a store's outputs may go to.
struct AudiencesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audiences",
        abstract: "Show, set or reset the audiences (who may receive what) for a store.",
        discussion: """
        The audiences in force are, in order: the file given with --audiences on a command; the \
        store's own setting (set here, recorded with who set it and when); the shipped ones \
        (docs/audiences.yaml). The file format and every key are in docs/audiences.md.
        """,
        subcommands: [Show.self, Assign.self, Reset.self])

    /// `sightline audiences show`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The audiences in force for the store, and where they come from.")
        @OptionGroup var store: StoreOptions
        @Option(name: .customLong("audiences"), help: ArgumentHelp("An audiences file to show instead (as --audiences would use it).", valueName: "file"))
        var audiencesFile: String?
        @Flag(help: "Print the audiences file itself (YAML).") var yaml = false

        func run() throws {
            var gate = GateOptions()
            gate.audiencesFile = audiencesFile
            let db = try store.open()
            let (book, from) = try gate.book(store: db, path: store.db)
            if yaml {
                let text = try audiencesFile.map { try String(contentsOfFile: $0, encoding: .utf8) }
                    ?? db.setting(SightlineStore.audiencesSetting)?.value ?? AudienceBook.shippedText
                print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
                return
            }
            print("Audiences for \(store.db): \(from). Default: \(book.defaultName).")
            for name in book.audiences.keys.sorted() { print(AudiencesCommand.describe(book.audiences[name]!)) }
        }
    }

    /// `sightline audiences set FILE`
    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Make an audiences file the store's own (checked first: a bad key or value changes nothing).")
        @Argument(help: ArgumentHelp("The audiences file (YAML, as docs/audiences.yaml).", valueName: "file")) var file: String
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("Who is making the change (default: $SIGHTLINE_ANALYST, else the operating-system user).", valueName: "name"))
        var analyst: String?

        func run() throws {
            let book = try GateOptions.readBook(file)
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let who = try AuditIdentity.analyst(option: analyst)
            let db = try store.openForWriting()
            try db.setSetting(SightlineStore.audiencesSetting, to: text, by: who)
            var e = standardError
            print("audiences for \(store.db) set from \(file) by \(who): \(book.audiences.keys.sorted().joined(separator: ", ")); default \(book.defaultName)", to: &e)
        }
    }

    /// `sightline audiences reset`
    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove the store's audiences: the shipped ones apply again.")
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("Who is making the change (default: $SIGHTLINE_ANALYST, else the operating-system user).", valueName: "name"))
        var analyst: String?

        func run() throws {
            let who = try AuditIdentity.analyst(option: analyst)
            let db = try store.openForWriting()
            try db.setSetting(SightlineStore.audiencesSetting, to: nil, by: who)
            var e = standardError
            print("audiences for \(store.db) reset to the shipped ones (docs/audiences.yaml)", to: &e)
        }
    }

    /// One audience in a line: what it may receive and how people are shown.
    static func describe(_ a: Audience) -> String {
        let order = ["P", "C", "1", "2", "3", "4", "5"]
        let codes = order.filter(a.handling.contains)
        return "\(a.name): \(a.title). Handling \(codes.joined(separator: ", ")); source details \(a.sourceDetails.rawValue); "
            + "adults \(a.adults.rawValue); children \(a.children.rawValue); purpose \(a.purposeRequired ? "required" : "not required"); "
            + "commands: \(a.commands.map { $0.sorted().joined(separator: ", ") } ?? "every command")."
    }
}
