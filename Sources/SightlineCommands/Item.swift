import ArgumentParser
import SightlineGate
import SightlineModel
import SightlineStore

/// `sightline item AGENCY/REF`
///
/// Everything printed comes from the ``ItemDetail`` the store returns (headings and column names
/// apart), so that the value can be screened before it is printed.
struct ItemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "item",
        abstract: "Show one intelligence item whole: grade, summary and source, and everything it supports.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("The item: its agency, '/', and the agency's own reference (police/WX-24-000123); the reference may itself hold '/'.",
                                 valueName: "agency/ref"))
    var reference: String
    @Flag(help: "Name the children the item records (by default a child is 'Child C-<n>').") var nameChildren = false

    func validate() throws { _ = try ItemReference(reference) }

    func run() throws {
        // Through the audience: a withheld item is refused; names, references and source details as it may see them.
        let screen = currentGate.screen
        var pseudonymised = Set<String>()
        let whole = try store.open().item(try ItemReference(reference).ref) { id, kind, label, child in
            if screen.pseudonymises(id, kind: kind, child: child) { pseudonymised.insert(id.description) }
            return screen.name(id, kind: kind, label: label, child: child)
        }
        let d = try screen.screen(whole, pseudonymised: pseudonymised)
        switch output.format {
        case .json: print(try jsonText(d))
        case .csv: print(Self.table(d).csv, terminator: "")
        case .table: print(Self.text(d), terminator: "")
        }
    }

    /// The item's own row, then one row per thing it supports: `item`, `record`, `role`, `link`,
    /// `missing_episode`, `looked_after`, `notice`, `non_consent`.
    static func table(_ d: ItemDetail) -> TextTable {
        var t = TextTable(headers: ["kind", "id", "description", "entities", "time", "detail"])
        func ids(_ parties: [ItemDetail.Party?]) -> String { parties.compactMap { $0?.id }.joined(separator: "; ") }
        let particulars = [d.citation.description] + header(d).dropFirst().map { "\($0): \($1)" } // the citation holds the day recorded
        t.rows.append(["item", d.citation.ref.description, d.summary ?? "", "", d.observed?.text ?? "", particulars.joined(separator: "; ")])
        for r in d.records {
            t.rows.append(["record", r.entity.id, "\(r.entity) (\(r.entity.kind)): " + recordWords(r), ids([r.entity]), "",
                           "identifier \(r.identifier)" + (r.mergedFrom.map { "; filed under \($0), since merged into \(r.entity.id)" } ?? "")])
        }
        for r in d.roles {
            t.rows.append(["role", r.entity.id, "\(r.entity): \(roleTitle(r.role))", ids([r.entity]), "",
                           r.mergedFrom.map { "filed under \($0), since merged into \(r.entity.id)" } ?? ""])
        }
        for l in d.links {
            t.rows.append(["link", String(l.id), l.reads, ids([l.from, l.to]), l.time ?? "", linkWords(l)])
        }
        for e in d.missingEpisodes {
            t.rows.append(["missing_episode", e.child.id, episodeWords(e), ids([e.child, e.missingFrom, e.foundAt] + e.foundWith),
                           span(e.start, e.end), ""])
        }
        for p in d.lookedAfter {
            t.rows.append(["looked_after", p.child.id, "\(p.child) looked after" + (p.authority.map { " by \($0)" } ?? ""), ids([p.child]),
                           span(p.from, p.to), ""])
        }
        for n in d.notices {
            t.rows.append(["notice", n.subject.id, noticeWords(n), ids([n.subject, n.child, n.premises]), span(n.issued, n.expires),
                           n.officer.map { "officer \($0)" } ?? ""])
        }
        for c in d.nonConsents {
            t.rows.append(["non_consent", c.child.id, nonConsentWords(c), ids([c.child, c.adult]), "", "by \(c.by)"])
        }
        return t
    }

    /// `START/END`, or the start alone when there is no end.
    static func span(_ start: String, _ end: String?) -> String { end.map { start + "/" + $0 } ?? start }

    /// The item's own particulars, in order, as (name, value): the day recorded first.
    static func header(_ d: ItemDetail) -> [(String, String)] {
        var h: [(String, String)] = [("recorded", d.citation.recorded.text)]
        if let o = d.observed {
            var text = o.text ?? ""
            if let start = o.start { text += (text.isEmpty ? "" : " ") + "(\(start)" + (o.end.map { " to \($0)" } ?? "") + ")" }
            h.append(("observed", text))
        }
        h.append(("grade", "\(d.citation.grade.code) (\(d.citation.gradeSystem)): source evaluation \(d.grade.sourceEvaluation), "
                  + "assessment \(d.grade.assessment), handling \(d.grade.handling)"))
        if let c = d.citation.conditions { h.append(("conditions", c)) }
        if let f = d.sourceFile { h.append(("source", f + (d.sourceLine.map { " line \($0)" } ?? ""))) }
        if let r = d.run { h.append(("ingest run", runWords(r))) }
        if let r = d.firstRun, r.id != d.run?.id { h.append(("first stored by run", runWords(r))) }
        return h
    }

    static func runWords(_ r: ItemDetail.RunInfo) -> String {
        "\(r.id), started \(r.started) by \(r.actor)" + (r.finished == nil ? " (never finished)" : "")
    }

    static func recordWords(_ r: ItemDetail.RecordInfo) -> String {
        var parts: [String] = []
        if let n = r.name { parts.append("name \(n)") }
        if !r.aliases.isEmpty { parts.append("aliases \(r.aliases.joined(separator: ", "))") }
        if let dob = r.dob { parts.append("dob \(dob)") }
        parts += r.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return parts.isEmpty ? "(identifier only)" : parts.joined(separator: "; ")
    }

    static func roleTitle(_ role: String) -> String { Role(rawValue: role)?.title ?? role }

    static func linkWords(_ l: ItemDetail.LinkInfo) -> String {
        var parts = ["\(l.type) \(l.from) \(l.directed ? "->" : "--") \(l.to)", l.origin]
        if let detail = l.detail { parts.append(detail) }
        if !l.otherEvidence.isEmpty { parts.append("also " + l.otherEvidence.map(\.description).joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    static func episodeWords(_ e: ItemDetail.EpisodeInfo) -> String {
        var s = "\(e.child) missing"
        if let from = e.missingFrom { s += " from \(from)" }
        if let at = e.foundAt { s += ", found at \(at)" }
        if !e.foundWith.isEmpty { s += ", found with \(e.foundWith.map(\.description).joined(separator: ", "))" }
        return s
    }

    static func noticeWords(_ n: ItemDetail.NoticeInfo) -> String {
        var s = "\(NoticeType(rawValue: n.type)?.title ?? n.type): \(n.subject)"
        if let c = n.child { s += ", child \(c)" }
        if let p = n.premises { s += ", premises \(p)" }
        return s
    }

    static func nonConsentWords(_ c: ItemDetail.NonConsentInfo) -> String {
        "non-consent to \(c.adult.map(\.description) ?? "any adult")'s association with \(c.child)"
    }

    static func text(_ d: ItemDetail) -> String {
        var out = "\(d.citation)\n" // police/WX-24-000123 2024-03-04 2BP, as every item is cited
        let head = header(d)
        let width = head.map(\.0.count).max() ?? 0
        for (name, value) in head { out += name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value + "\n" }
        if let s = d.summary { out += "summary".padding(toLength: width, withPad: " ", startingAt: 0) + "  " + s + "\n" }
        func part(_ p: ItemDetail.Party?) -> String { p?.description ?? "" }
        if !d.records.isEmpty {
            out += "\nentity records\n"
            out += TextTable(headers: ["entity", "kind", "identifier", "name", "aliases", "dob", "details"], rows: d.records.map { r in
                [r.entity.description + (r.mergedFrom.map { " (filed under \($0), since merged)" } ?? ""), r.entity.kind, r.identifier, r.name ?? "",
                 r.aliases.joined(separator: ", "), r.dob ?? "", r.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")]
            }).rendered()
        }
        if !d.roles.isEmpty {
            out += "\nroles\n"
            out += TextTable(headers: ["entity", "role"], rows: d.roles.map {
                [$0.entity.description + ($0.mergedFrom.map { " (filed under \($0), since merged)" } ?? ""), roleTitle($0.role)]
            }).rendered()
        }
        if !d.links.isEmpty {
            out += "\nlinks\n"
            out += TextTable(headers: ["link", "type", "from", "", "to", "reads", "time", "origin", "other evidence"], rows: d.links.map { l in
                [String(l.id), l.type + (l.detail.map { " (\($0))" } ?? ""), l.from.description, l.directed ? "->" : "--", l.to.description,
                 l.reads, l.time ?? "", l.origin, l.otherEvidence.map(\.description).joined(separator: "; ")]
            }).rendered(maxWidth: 80)
        }
        if !d.missingEpisodes.isEmpty {
            out += "\nmissing episodes\n"
            out += TextTable(headers: ["child", "start", "end", "missing from", "found at", "found with"], rows: d.missingEpisodes.map { e in
                [e.child.description, e.start, e.end ?? "", part(e.missingFrom), part(e.foundAt), e.foundWith.map(\.description).joined(separator: "; ")]
            }).rendered()
        }
        if !d.lookedAfter.isEmpty {
            out += "\nlooked after\n"
            out += TextTable(headers: ["child", "from", "to", "authority"], rows: d.lookedAfter.map {
                [$0.child.description, $0.from, $0.to ?? "", $0.authority ?? ""]
            }).rendered()
        }
        if !d.notices.isEmpty {
            out += "\nnotices\n"
            out += TextTable(headers: ["type", "issued", "expires", "subject", "child", "premises", "officer"], rows: d.notices.map { n in
                [NoticeType(rawValue: n.type)?.title ?? n.type, n.issued, n.expires ?? "", n.subject.description, part(n.child), part(n.premises), n.officer ?? ""]
            }).rendered()
        }
        if !d.nonConsents.isEmpty {
            out += "\nnon-consent\n"
            out += TextTable(headers: ["child", "adult", "by"], rows: d.nonConsents.map {
                [$0.child.description, $0.adult?.description ?? "any adult", $0.by]
            }).rendered()
        }
        return out
    }
}
