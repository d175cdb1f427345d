import ArgumentParser
import SightlineStore

/// `sightline stats`
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Count what the store holds.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let s = try store.open().stats()
        try emit(s, table: {
            var t = TextTable(headers: ["what", "count"])
            t.rows.append(["intelligence items", String(s.items)])
            for (k, v) in s.itemsByAgency.sorted(by: { $0.key < $1.key }) { t.rows.append(["  from \(k)", String(v)]) }
            for (k, v) in s.itemsByGradeSystem.sorted(by: { $0.key < $1.key }) { t.rows.append(["  graded \(k)", String(v)]) }
            t.rows.append(["entities", String(s.entities)])
            for (k, v) in s.entitiesByKind.sorted(by: { $0.key < $1.key }) { t.rows.append(["  \(k)", String(v)]) }
            t.rows.append(["children at risk", String(s.childrenAtRisk)])
            t.rows.append(["entities merged into another", String(s.mergedAway)])
            t.rows.append(["links", String(s.links)])
            for (k, v) in s.linksByType.sorted(by: { $0.key < $1.key }) { t.rows.append(["  \(k)", String(v)]) }
            t.rows.append(["missing episodes", String(s.missingEpisodes)])
            t.rows.append(["looked-after periods", String(s.lookedAfterPeriods)])
            t.rows.append(["notices issued", String(s.notices)])
            t.rows.append(["merges in force", String(s.merges)])
            t.rows.append(["ingest runs", String(s.ingestRuns)])
            return t
        }, format: output.format)
    }
}
