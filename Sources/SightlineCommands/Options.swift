import ArgumentParser
import SightlineStore

/// `--db PATH`, shared by every command that opens the store.
public struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file.", valueName: "path"))
    public var db: String = "sightline.sqlite"

    public init() {}

    public func validate() throws {
        guard !db.isEmpty else { throw ValidationError("--db must name the store file") }
    }

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

/// `--format` and `-o`, shared by every command that prints data (the lists through ``ListOptions``).
public struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json or csv.")
    public var format: OutputFormat = .table
    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file instead of standard output (written whole, or not at all: a failed write leaves the previous file).", valueName: "file"))
    public var output: String?

    public init() {}

    public func validate() throws {
        if output?.isEmpty == true { throw ValidationError("-o must name a file") }
    }
}

/// A command whose standard output is its data: with `-o FILE`, ``SightlineMain`` sends it to the
/// file through ``OutputFile`` (whole, or not at all).
protocol PrintsData {
    var destination: OutputOptions { get }
}

extension Analyse: PrintsData { var destination: OutputOptions { output } }
extension CoPresenceCommand: PrintsData { var destination: OutputOptions { output } }
extension Entities: PrintsData { var destination: OutputOptions { output } }
extension Show: PrintsData { var destination: OutputOptions { output } }
extension ItemCommand: PrintsData { var destination: OutputOptions { output } }
extension Stats: PrintsData { var destination: OutputOptions { output } }
extension Resolve.Candidates: PrintsData { var destination: OutputOptions { output } }
extension Resolve.History: PrintsData { var destination: OutputOptions { output } }
extension PathCommand: PrintsData { var destination: OutputOptions { output } }
extension EgoCommand: PrintsData { var destination: OutputOptions { output } }
extension Impact: PrintsData { var destination: OutputOptions { output } }
extension Measure: PrintsData { var destination: OutputOptions { output } }
extension ChronologyCommand: PrintsData {
    var destination: OutputOptions { var o = OutputOptions(); o.output = output; return o }
}

/// An error for the person at the terminal: printed as `Error: ...` with a non-zero exit.
public struct CommandError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The documented range of every numeric option (docs/commands.md, "Bounds"): a value outside
/// it, infinite or not a number, is a usage error naming the option and the range, before anything
/// is read. The ranges keep every later conversion (hours to seconds, a count to an index) exact.
enum Bounds {
    /// Throws a usage error unless `value` is finite and within `range`.
    static func check(_ name: String, _ value: Double, _ range: ClosedRange<Double>, unit: String = "") throws {
        guard value.isFinite, range.contains(value) else {
            throw ValidationError("\(name) must be between \(text(range.lowerBound)) and \(text(range.upperBound))\(unit.isEmpty ? "" : " " + unit) (got \(text(value)))")
        }
    }

    /// Throws a usage error unless `value` is within `range`.
    static func check(_ name: String, _ value: Int, _ range: ClosedRange<Int>, unit: String = "") throws {
        guard range.contains(value) else {
            throw ValidationError("\(name) must be between \(range.lowerBound) and \(range.upperBound)\(unit.isEmpty ? "" : " " + unit) (got \(value))")
        }
    }

    /// A number as a person writes it: 8784, not 8784.0.
    static func text(_ v: Double) -> String {
        v.isFinite && v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)"
    }

    /// Hours of a co-presence window: up to a leap year.
    static let hours: ClosedRange<Double> = 0...8784
    /// Rows of a list or a section: 0 is all.
    static let rows: ClosedRange<Int> = 0...1_000_000
    /// Modularity's resolution γ.
    static let resolution: ClosedRange<Double> = 0.0001...10000
    /// Sampled sources for betweenness.
    static let samples: ClosedRange<Int> = 1...10_000_000
    /// Days (a period, a window, a half-life): up to a hundred years.
    static let days: ClosedRange<Int> = 1...36_600
}
