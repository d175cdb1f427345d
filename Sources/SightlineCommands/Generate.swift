import ArgumentParser
import Foundation
import SightlineSynthetic

/// `sightline generate --people N --seed S --out DIR`
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a fictional network of any size, with its planted truth beside it.",
        discussion: """
        Writes DIR/network.jsonl (canonical JSON Lines: offending groups sharing vehicles, phones and \
        addresses, brokers, children at risk with missing episodes at hotspots, a background \
        population, planted duplicate people) and DIR/truth.json (the planted structure). The same \
        seed gives the same files.
        """)

    @Option(help: "How many people.") var people: Int = 1000
    @Option(help: "The random seed.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("The folder to write.", valueName: "dir")) var out: String
    @Option(help: "Share of people given a planted duplicate record.") var duplicateRate: Double = 0.03
    @Option(help: ArgumentHelp("Instead of a network, write a call-data-records export of this many rows (DIR/calls.csv with its mapping), for bulk-ingest benchmarks.", valueName: "rows"))
    var calls: Int?

    func validate() throws {
        guard people >= 20 else { throw ValidationError("--people must be at least 20") }
        guard (0...0.5).contains(duplicateRate) else { throw ValidationError("--duplicate-rate must be between 0 and 0.5") }
    }

    func run() throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        if let calls { return try writeCalls(calls) }
        let path = out + "/network.jsonl"
        let h = try createForWriting(path)
        var buffer = Data()
        buffer.reserveCapacity(1 << 20)
        var lines = 0
        var options = NetworkGenerator.Options(people: people, seed: seed)
        options.duplicateRate = duplicateRate
        var generator = NetworkGenerator(options: options) { line in
            buffer.append(contentsOf: line.utf8)
            buffer.append(0x0A)
            lines += 1
            if buffer.count >= 1 << 20 { h.write(buffer); buffer.removeAll(keepingCapacity: true) }
        }
        let truth = generator.run()
        h.write(buffer)
        try h.close()
        try Data(truth.jsonText.utf8).write(to: URL(fileURLWithPath: out + "/truth.json"))
        print("wrote \(lines) records to \(path) and the planted truth to \(out)/truth.json "
              + "(\(truth.groups.count) groups, \(truth.children.count) children at risk, "
              + "\(truth.nameOnlyDuplicates.count) name-only and \(truth.strongDuplicates.count) strong duplicates)")
    }

    func writeCalls(_ rows: Int) throws {
        let path = out + "/calls.csv"
        let h = try createForWriting(path)
        var g = CallRecordGenerator(seed: seed, handsets: max(100, rows / 50))
        var buffer = Data((CallRecordGenerator.header + "\n").utf8)
        for i in 1...max(1, rows) {
            buffer.append(contentsOf: g.row(i).utf8)
            buffer.append(0x0A)
            if buffer.count >= 1 << 20 { h.write(buffer); buffer.removeAll(keepingCapacity: true) }
        }
        h.write(buffer)
        try h.close()
        try Data(CallRecordGenerator.mapping.utf8).write(to: URL(fileURLWithPath: out + "/calls.mapping.yaml"))
        print("wrote \(rows) call records to \(path) with its mapping \(out)/calls.mapping.yaml")
    }
}
