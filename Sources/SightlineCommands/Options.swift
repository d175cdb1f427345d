import ArgumentParser
import SightlineStore

/// `--db PATH`, shared by every command that opens the store.
public struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file.", valueName: "path"))
    public var db: String = "sightline.sqlite"

    public init() {}

    /// Opens the store to read it: never creates, migrates or changes a byte of the file.
    /// - Throws: ``StoreError`` (mapped to exit 3 by ``SightlineMain``): no store at the path, a
    ///   damaged file, another version's schema.
    func open() throws -> SightlineStore {
        try SightlineStore(path: db, access: .read)
    }

    /// Opens the store to write it (ingest, resolve merge and unmerge, notices record): creates the
    /// file if needed and brings its schema up to date.
    func openForWriting() throws -> SightlineStore {
        try SightlineStore(path: db, access: .write)
    }
}

/// How a command prints data.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, csv
}

/// `--format`, shared by every command that prints data.
public struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json or csv.")
    public var format: OutputFormat = .table

    public init() {}
}

/// An error for the person at the terminal: printed as `Error: ...` with a non-zero exit.
public struct CommandError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
