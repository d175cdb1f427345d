import GRDB
import SightlineModel

extension SightlineStore {
    /// One intelligence item whole, with everything it supports (`sightline item AGENCY/REF`).
    ///
    /// - Parameters:
    ///   - ref: the item's agency and reference, exactly as stored.
    ///   - day: the day on which the safeguarding rules decide who is a child, for the sentences
    ///     that read each link with the adult as the actor (as ``detail(_:on:)``).
    /// - Throws: ``StoreError/unknownItem(_:closeMatches:)`` when no item has the reference, naming
    ///   up to 5 references of the same agency that share the longest prefix with it.
    /// - Complexity: reads through indexes on `item_id` (records, roles, link evidence, care,
    ///   episodes, notices, non-consents), plus each linked person's roles and dates of birth; an
    ///   unknown reference reads the agency's references once.
    ///   - name: what to call an entity (its ID, kind, label, whether it is a child on `day`), as in
    ///     ``detail(_:on:name:)``.
    public func item(_ ref: IntelRef, on day: Timestamp = RunDay.todayOrClock(),
                     name: (EntityID, EntityKind, String, Bool) -> String = { _, _, label, _ in label }) throws(StoreError) -> ItemDetail {
        try read { db in
            guard let head = try Row.fetchOne(db, sql: """
                SELECT i.id, i.observed_start, i.observed_end, i.observed_text, i.observed_approx, i.summary,
                       i.source_file, i.source_line, i.run_id, i.first_run, \(Self.citationColumns)
                FROM item i WHERE i.agency = ? AND i.reference = ?
                """, arguments: [ref.agency.rawValue, ref.reference]) else {
                throw StoreError.unknownItem(ref, closeMatches: try Self.closeReferences(to: ref, db))
            }
            let item: Int64 = head[0]
            let m = try Self.mergeMap(db)
            var parties: [Int64: ItemDetail.Party] = [:]
            var sentences = LinkSentences(on: day, mergeMap: m)
            func party(_ e: Int64) throws -> ItemDetail.Party {
                let c = Self.canonical(e, m)
                if let p = parties[c] { return p }
                let row = try Row.fetchOne(db, sql: "SELECT kind, label FROM entity WHERE id = ?", arguments: [c])
                let kind = EntityKind(rawValue: row?[0] ?? "") ?? .person
                let child = try kind == .person && sentences.isChild(c, db)
                let p = ItemDetail.Party(id: EntityID(c).description, kind: row?[0] ?? "", label: name(EntityID(c), kind, row?[1] ?? "", child))
                parties[c] = p
                return p
            }
            func mergedFrom(_ e: Int64) -> String? { Self.canonical(e, m) == e ? nil : EntityID(e).description }

            let observedStart: String? = head[1], observedText: String? = head[3], approximate: Bool = head[4]
            let observed: ItemDetail.Observed? = observedStart == nil && observedText == nil ? nil
                : ItemDetail.Observed(start: observedStart, end: head[2], text: observedText.map { (approximate ? "~" : "") + $0 },
                                      approximate: approximate)
            let citation = Self.citation(head, from: 10)

            let records = try Row.fetchAll(db, sql: """
                SELECT entity_id, identifier, name, aliases, CASE WHEN dob_approx THEN '~' ELSE '' END || dob_text, details
                FROM entity_record WHERE item_id = ?
                """, arguments: [item]).sorted { (Self.canonical($0[0], m), $0[0] as Int64) < (Self.canonical($1[0], m), $1[0] as Int64) }.map { row in
                ItemDetail.RecordInfo(entity: try party(row[0]), mergedFrom: mergedFrom(row[0]), identifier: row[1], name: row[2],
                                      aliases: Self.stringList(row[3]), dob: row[4], details: Self.stringMap(row[5]))
            }
            let roles = try Row.fetchAll(db, sql: "SELECT entity_id, role FROM role WHERE item_id = ?", arguments: [item]).sorted {
                (Self.canonical($0[0], m), $0[0] as Int64, $0[1] as String) < (Self.canonical($1[0], m), $1[0] as Int64, $1[1] as String)
            }.map { row in
                ItemDetail.RoleInfo(entity: try party(row[0]), mergedFrom: mergedFrom(row[0]), role: row[1])
            }

            var links: [ItemDetail.LinkInfo] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT l.id, l.type, l.source, l.target, l.time_text, l.origin, l.mode, l.duration, l.substance
                FROM link_evidence le JOIN link l ON l.id = le.link_id WHERE le.item_id = ? ORDER BY l.time_start, l.id
                """, arguments: [item]) {
                let id: Int64 = row[0]
                let type = LinkType(rawValue: row[1]) ?? .associatesWith
                let source: Int64 = row[2], target: Int64 = row[3]
                let time: String = row[4]
                let others = try Row.fetchAll(db, sql: """
                    SELECT \(Self.citationColumns) FROM link_evidence le JOIN item i ON i.id = le.item_id
                    WHERE le.link_id = ? AND le.item_id != ? ORDER BY i.recorded, i.id
                    """, arguments: [id, item]).map { Self.citation($0, from: 0) }
                links.append(ItemDetail.LinkInfo(
                    id: id, type: type.rawValue, from: try party(source), to: try party(target), directed: type.isDirected,
                    time: time.isEmpty ? nil : time, origin: row[5],
                    detail: Self.linkDetail(mode: row[6], duration: row[7], substance: row[8]),
                    reads: try sentences.reads(type, from: source, to: target, db, name: name), otherEvidence: others))
            }

            var episodes: [ItemDetail.EpisodeInfo] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT id, child, start, end, missing_from, found_at FROM missing_episode WHERE item_id = ? ORDER BY start, id
                """, arguments: [item]) {
                let with = try Int64.fetchAll(db, sql: "SELECT person FROM missing_found_with WHERE episode_id = ? ORDER BY person",
                                              arguments: [row[0] as Int64])
                episodes.append(ItemDetail.EpisodeInfo(
                    child: try party(row[1]), start: row[2], end: row[3],
                    missingFrom: try (row[4] as Int64?).map(party), foundAt: try (row[5] as Int64?).map(party),
                    foundWith: try with.map(party)))
            }
            let periods = try Row.fetchAll(db, sql: """
                SELECT entity_id, start, end, authority FROM looked_after WHERE item_id = ? ORDER BY start, id
                """, arguments: [item]).map { row in
                ItemDetail.PeriodInfo(child: try party(row[0]), from: row[1], to: row[2], authority: row[3])
            }
            let notices = try Row.fetchAll(db, sql: """
                SELECT type, subject, child, premises, issued, officer, expires FROM notice WHERE item_id = ? ORDER BY issued, id
                """, arguments: [item]).map { row in
                ItemDetail.NoticeInfo(type: row[0], subject: try party(row[1]), child: try (row[2] as Int64?).map(party),
                                      premises: try (row[3] as Int64?).map(party), issued: row[4], officer: row[5], expires: row[6])
            }
            let nonConsents = try Row.fetchAll(db, sql: """
                SELECT child, adult, by FROM non_consent WHERE item_id = ? ORDER BY child, adult, by
                """, arguments: [item]).map { row in
                ItemDetail.NonConsentInfo(child: try party(row[0]), adult: try (row[1] as Int64?).map(party), by: row[2])
            }
            return ItemDetail(
                citation: citation, observed: observed, grade: ItemDetail.GradeParts(citation.grade), summary: head[5],
                sourceFile: head[6], sourceLine: head[7], run: try Self.run(head[8], db), firstRun: try Self.run(head[9], db),
                records: records, roles: roles, links: links, missingEpisodes: episodes, lookedAfter: periods,
                notices: notices, nonConsents: nonConsents)
        }
    }

    /// An ingest run by its ID (nil for none, or a run not found).
    static func run(_ id: Int64?, _ db: Database) throws -> ItemDetail.RunInfo? {
        guard let id, let row = try Row.fetchOne(db, sql: "SELECT started, finished, actor, files FROM ingest_run WHERE id = ?",
                                                 arguments: [id]) else { return nil }
        let files: String = row[3]
        return ItemDetail.RunInfo(id: id, started: row[0], finished: row[1], actor: row[2],
                                  files: files.split(separator: "\n").map(String.init))
    }

    /// Up to `limit` references of the reference's agency that share the longest prefix with it
    /// (letters compared without case; at least one character in common), longest shared prefix
    /// first, then in reference order.
    /// - Complexity: O(the agency's items x the reference's length); read only for an unknown reference.
    static func closeReferences(to ref: IntelRef, limit: Int = 5, _ db: Database) throws -> [IntelRef] {
        let wanted = Array(ref.reference.lowercased())
        var scored: [(shared: Int, reference: String)] = []
        let references = try String.fetchCursor(db, sql: "SELECT reference FROM item WHERE agency = ?", arguments: [ref.agency.rawValue])
        while let reference = try references.next() {
            var shared = 0
            for c in reference.lowercased() {
                guard shared < wanted.count, wanted[shared] == c else { break }
                shared += 1
            }
            if shared > 0 { scored.append((shared, reference)) }
        }
        scored.sort { ($0.shared, $1.reference) > ($1.shared, $0.reference) }
        return scored.prefix(limit).map { IntelRef(agency: ref.agency, reference: $0.reference) }
    }

    /// The summaries recorded for these items (an item with none is left out). O(items) indexed reads.
    public func summaries(of refs: some Sequence<IntelRef>) throws(StoreError) -> [IntelRef: String] {
        try read { db in
            var out: [IntelRef: String] = [:]
            let statement = try db.makeStatement(sql: "SELECT summary FROM item WHERE agency = ? AND reference = ?")
            for ref in refs {
                if let s = try String.fetchOne(statement, arguments: [ref.agency.rawValue, ref.reference]), !s.isEmpty { out[ref] = s }
            }
            return out
        }
    }
}
