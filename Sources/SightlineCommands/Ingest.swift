import ArgumentParser
import Foundation
import SightlineIngest
import SightlineModel
import SightlineStore

/// `sightline ingest FILE...`
struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ingest intelligence from JSON Lines files and agency CSV exports (with their mappings).",
        discussion: """
        A folder is read as its *.jsonl files then its *.csv files, each in name order. A CSV file \
        needs a mapping: NAME.mapping.yaml beside NAME.csv, or --mapping. The run is one transaction: \
        a bad record stops it and nothing is stored, unless --quarantine is given. See docs/formats.md.
        Exit codes: 0 stored; 1 bad input (nothing stored); 2 usage; 3 the store failed.
        """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "JSON Lines files (.jsonl), CSV files (.csv), or folders of them.")
    var files: [String]

    @Option(help: ArgumentHelp("The mapping for the CSV files given (instead of NAME.mapping.yaml beside each).", valueName: "mapping.yaml"))
    var mapping: String?

    @Option(help: ArgumentHelp("Write bad records with their errors to this file (JSON Lines) and store the good ones.", valueName: "file"))
    var quarantine: String?

    func run() throws {
        let paths = try Self.expand(files)
        // Before anything is opened or created: the quarantine file is created afresh, so it must
        // be none of the files the run reads or writes.
        if let quarantine {
            var others = [(store.db, "the store"), (store.db + "-wal", "the store's write-ahead log"),
                          (store.db + "-shm", "the store's shared-memory file"), (store.db + "-journal", "the store's journal")]
            others += paths.map { ($0, "the input") }
            others += Self.mappingCandidates(paths, mapping: mapping).map { ($0, "the mapping") }
            if let (path, role) = others.first(where: { OutputPaths.sameFile(quarantine, $0.0) }) {
                throw ExitWithMessage(message: "--quarantine \(quarantine) is the same file as \(role) \(path); give another path (the quarantine file is emptied and rewritten)", code: 2)
            }
        }
        let today: Timestamp
        do { today = try RunDay.latestDay() } catch { throw ExitWithMessage(message: error.description, code: 2) }
        var inputs: [IngestInput] = []
        var total = 0
        for path in paths {
            let format = try Self.format(of: path, mapping: mapping)
            let size = FileByteSource.size(of: path)
            total += size ?? 0
            inputs.append(IngestInput(name: path, format: format, source: try FileByteSource(path: path), size: size))
        }
        let db = try store.openForWriting()
        var policy = RejectPolicy.abort
        var quarantineHandle: FileHandle?
        if let quarantine {
            let h = try createForWriting(quarantine)
            quarantineHandle = h
            policy = .quarantine { unit, error in
                var line = "{"
                for (k, v) in [("file", unit.location.file), ("error", error.description)] {
                    var s = ""
                    JSONValue.writeString(v, to: &s)
                    line += "\"\(k)\":\(s),"
                }
                line += "\"line\":\(unit.location.line),"
                var field = "null"
                if let f = error.field { field = ""; JSONValue.writeString(f, to: &field) }
                var raw = ""
                JSONValue.writeString(unit.raw, to: &raw)
                line += "\"field\":\(field),\"raw\":\(raw)}\n"
                h.write(Data(line.utf8))
            }
        }
        defer { try? quarantineHandle?.close() }
        let bar = ProgressBar(total: total)
        let summary: IngestSummary
        do {
            summary = try db.ingest(inputs, policy: policy, today: today, progress: bar.enabled ? { bar.update($0) } : nil)
        } catch {
            bar.finish()
            switch error {
            case .rejected: throw ExitWithMessage(message: error.description, code: 1)
            case .store: throw ExitWithMessage(message: error.description, code: 3)
            }
        }
        bar.finish()
        var err = standardError
        print(summary.line, to: &err)
        if summary.rejects > 0, let quarantine {
            print("\(summary.rejects) bad record\(summary.rejects == 1 ? "" : "s") written to \(quarantine)", to: &err)
        }
    }

    /// Expands folders into their .jsonl files then .csv files, in name order.
    static func expand(_ files: [String]) throws -> [String] {
        var out: [String] = []
        for f in files {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: f, isDirectory: &isDir) else { throw CommandError("\(f): no such file or folder") }
            if !isDir.boolValue { out.append(f); continue }
            let all = try FileManager.default.subpathsOfDirectory(atPath: f).sorted()
            let base = f.hasSuffix("/") ? f : f + "/"
            out += all.filter { $0.hasSuffix(".jsonl") || $0.hasSuffix(".ndjson") }.map { base + $0 }
            out += all.filter { $0.hasSuffix(".csv") }.map { base + $0 }
        }
        guard !out.isEmpty else { throw CommandError("no .jsonl or .csv files in \(files.joined(separator: ", "))") }
        return out
    }

    /// Every mapping file the run may read.
    static func mappingCandidates(_ paths: [String], mapping: String?) -> [String] {
        if let mapping { return [mapping] }
        return paths.filter { $0.lowercased().hasSuffix(".csv") || $0.lowercased().hasSuffix(".tsv") || $0.lowercased().hasSuffix(".txt") }
            .flatMap { [String($0.dropLast(4)) + ".mapping.yaml", String($0.dropLast(4)) + ".mapping.yml"] }
    }

    /// How to read a file: JSON Lines, or CSV with its mapping.
    static func format(of path: String, mapping: String?) throws -> InputFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json") { return .jsonLines }
        // A pipe or process substitution (`<(zcat intel.jsonl.gz)`, /dev/fd/63) has no extension: JSON Lines.
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFIFO || (st.st_mode & S_IFMT) == S_IFCHR { return .jsonLines }
        guard lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".txt") else {
            throw CommandError("\(path): unknown kind of file; expected .jsonl (canonical JSON Lines) or .csv (with a mapping)")
        }
        let stem = String(path.dropLast(4))
        let candidates = mapping.map { [$0] } ?? [stem + ".mapping.yaml", stem + ".mapping.yml"]
        guard let m = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw CommandError("\(path): no mapping found; give --mapping FILE or put \(stem).mapping.yaml beside it (see docs/formats.md)")
        }
        guard let data = FileManager.default.contents(atPath: m), let text = String(data: data, encoding: .utf8) else {
            throw CommandError("\(m): cannot read the mapping (is it UTF-8 text?)")
        }
        do {
            return .csv(try CSVMapping.parse(yaml: text, file: m), mappingFile: m)
        } catch {
            throw CommandError(error.description)
        }
    }
}

/// Prints a message as `Error: ...` and exits with a chosen code.
struct ExitWithMessage: Error, CustomStringConvertible {
    var message: String
    var code: Int32
    var description: String { message }
}
