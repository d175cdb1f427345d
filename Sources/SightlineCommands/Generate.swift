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

    /// The most people a network may have: ten million (about 4 GB of JSON Lines). Larger counts
    /// would overflow the generator's arithmetic rather than fail cleanly.
    static let maxPeople = 10_000_000
    /// The most call records an export may have: one hundred million (about 8 GB of CSV).
    static let maxCalls = 100_000_000

    @Option(help: "How many people (20 to 10,000,000).") var people: Int = 1000
    @Option(help: "The random seed (any whole number from 0 to 18446744073709551615).") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("The folder to write.", valueName: "dir")) var out: String
    @Option(help: "Share of people given a planted duplicate record (0 to 0.5).") var duplicateRate: Double = 0.03
    @Flag(help: "Also plant the cases the safeguarding rules must withstand: a 15- or 16-year-old recorded as a suspect in each group, adults gathering at a school or children's home, and an anonymous weak report recording an adult as a child at risk (written to truth.json under 'safeguarding').")
    var safeguardingCases = false
    @Option(help: ArgumentHelp("Share of all items that are about single-source decoys (0 to 0.5): places, adults, vehicles and phones linked to many children and suspects only by weak items (source 2 or 3, assessment D or E) from one agency each, listed in truth.json under 'decoys'.", valueName: "rate"))
    var decoys: Double = 0
    @Option(help: ArgumentHelp("Instead of a network, write a call-data-records export of this many rows (1 to 100,000,000; DIR/calls.csv with its mapping), for bulk-ingest benchmarks.", valueName: "rows"))
    var calls: Int?

    func validate() throws {
        guard (20...Self.maxPeople).contains(people) else {
            throw ValidationError("--people must be between 20 and 10,000,000 (got \(people))")
        }
        guard (0...0.5).contains(duplicateRate) else { throw ValidationError("--duplicate-rate must be between 0 and 0.5") }
        try Bounds.check("--decoys", decoys, 0...0.5)
        if let calls, !(1...Self.maxCalls).contains(calls) {
            throw ValidationError("--calls must be between 1 and 100,000,000 (got \(calls))")
        }
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
        options.safeguardingCases = safeguardingCases
        options.decoyRate = decoys
        var generator = NetworkGenerator(options: options) { line in
            buffer.append(contentsOf: line.utf8)
            buffer.append(0x0A)
            lines += 1
            if buffer.count >= 1 << 20 { h.write(buffer); buffer.removeAll(keepingCapacity: true) }
        }
        let truth = generator.run()
        h.write(buffer)
        try h.close()
        try Data(truth.jsonText(safeguarding: safeguardingCases ? generator.safeguardingTruth : nil, decoys: generator.decoyTruth).utf8).write(to: URL(fileURLWithPath: out + "/truth.json"))
        print("wrote \(lines) records to \(path) and the planted truth to \(out)/truth.json "
              + "(\(truth.groups.count) groups, \(truth.children.count) children at risk, "
              + "\(truth.nameOnlyDuplicates.count) name-only and \(truth.strongDuplicates.count) strong duplicates"
              + (generator.decoyTruth.isEmpty ? "" : Self.decoySummary(generator.decoyTruth)) + ")")
    }

    static func decoySummary(_ d: NetworkGenerator.DecoyTruth) -> String {
        let count = d.locations.count + d.people.count + d.vehicles.count + d.phones.count
        return "; \(count) decoys on \(d.items) of \(d.items + d.otherItems) items"
    }

    func writeCalls(_ rows: Int) throws {
        let path = out + "/calls.csv"
        let h = try createForWriting(path)
        var g = CallRecordGenerator(seed: seed, handsets: max(100, rows / 50))
        var buffer = Data((CallRecordGenerator.header + "\n").utf8)
        for i in 1...rows {
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
