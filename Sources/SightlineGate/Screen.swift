import SightlineModel
import SightlineReadModel
import SightlineSafeguarding
import SightlineStore

/// An audience's view of the store's contents: the one place where what may leave the tool is
/// decided, applied to the read model before any product, picture or export is built from it, so
/// that nothing can be counted, ranked, drawn or linked from what the audience may not see.
///
/// - Items: an item whose handling code the audience does not allow is withheld with everything
///   only it supports (a link with no other item goes; an episode, notice, care period or
///   non-consent it records goes; a role only it records goes). Safeguarding facts stay: dates of
///   birth and child-at-risk roles are kept whatever their item, so no screen can make a child look
///   like an adult, and their withheld items are cited as `other/withheld` (never their reference,
///   agency or grade).
/// - Source details (`source_details: opaque`): every item reference is replaced by a reference
///   minted for this disclosure (``minted`` keeps what each stands for, for the log); officers are
///   left out.
/// - Names: people are shown by name or by a pseudonym (`Person P-12`, `Child C-25`, the forms the
///   pictures and lists use), as the audience says; a person the request names is shown by name.
public final class Screen: @unchecked Sendable { // used by one command on one thread
    public let audience: Audience
    /// Entities the request names: shown by name whatever the audience's naming.
    public private(set) var requested: Set<EntityID> = []
    /// Every child named, when the request asks for that (`--name-children`).
    public private(set) var namesAllChildren = false
    /// Opaque references minted for this disclosure, each with the item it stands for (`police/WX-1`).
    /// Made when first asked for (for the log), from the references minted.
    public var minted: [String: String] {
        if let m = mintedReverse, m.count == mintedFor.count { return m }
        var m: [String: String] = [:]
        m.reserveCapacity(mintedFor.count)
        for (ref, token) in mintedFor { m[token] = ref.description }
        mintedReverse = m
        return m
    }
    private var mintedReverse: [String: String]?
    private var mintedFor: [IntelRef: String] = [:]
    private let salt: (UInt64, UInt64)
    /// Seconds spent screening (for the gate's timings).
    public internal(set) var seconds = 0.0
    private var depth = 0

    public init(audience: Audience) {
        self.audience = audience
        var g = SystemRandomNumberGenerator()
        salt = (g.next(), g.next())
    }

    /// The request names this entity: it is shown by name.
    public func request(_ id: EntityID) { requested.insert(id) }
    /// The request names every child (`--name-children`).
    public func requestAllChildren() { namesAllChildren = true }

    /// Whether nothing needs doing but the naming of people (the police analysts' usual view).
    public var keepsItems: Bool { audience.seesEverything }

    // MARK: Items

    /// Whether an item may go.
    @inline(__always) public func admits(_ c: Citation) -> Bool { audience.admits(c) }

    /// An admitted item as it is shown: with an opaque reference when source details are opaque.
    public func shown(_ c: Citation) -> Citation {
        guard audience.sourceDetails == .opaque else { return c }
        var out = c
        out.ref = IntelRef(agency: c.agency, reference: opaqueReference(for: c.ref))
        return out
    }

    /// The reference minted for an item in this disclosure: `D` and 12 characters from a keyed hash
    /// of the item's reference under a secret drawn for this disclosure (so the same item has a
    /// different reference in every disclosure, and none can be worked back to the item without the log).
    public func opaqueReference(for ref: IntelRef) -> String {
        if let m = mintedFor[ref] { return m }
        var h = Hasher()
        h.combine(salt.0); h.combine(salt.1); h.combine(ref.agency.rawValue); h.combine(ref.reference)
        var v = UInt64(bitPattern: Int64(h.finalize()))
        // 60 bits: two items of a million share a reference with a chance of about one in a million million.
        let s = String(unsafeUninitializedCapacity: 13) { buffer in
            buffer[0] = UInt8(ascii: "D")
            for k in 1...12 { buffer[k] = Self.alphabet[Int(v & 31)]; v >>= 5 }
            return 13
        }
        mintedFor[ref] = s
        return s
    }

    /// Letters and digits that cannot be misread for one another (no I, O, 0, 1).
    private static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789".utf8)

    /// The facts whose item the audience may see, each citing it as shown; with opaque source details,
    /// an officer's name or number (`officer`) is left out.
    func kept<T>(_ facts: [T], _ source: WritableKeyPath<T, Citation>, officer: WritableKeyPath<T, String?>? = nil) -> [T] {
        facts.compactMap { f in
            guard admits(f[keyPath: source]) else { return nil }
            var x = f
            x[keyPath: source] = shown(f[keyPath: source])
            if let officer, audience.sourceDetails == .opaque { x[keyPath: officer] = nil }
            return x
        }
    }

    /// Dates of birth as the audience may see them: every one kept (no screen makes a child look like
    /// an adult), a withheld item's cited as withheld.
    func screenedBirthDates(_ births: [Dated<BirthDateText>]) -> [Dated<BirthDateText>] {
        births.map { admits($0.source) ? Dated($0.value, source: shown($0.source)) : Dated($0.value, source: Self.withheld($0.source)) }
    }

    /// The item a withheld safeguarding fact is cited by.
    static func withheld(_ c: Citation) -> Citation {
        Citation(agency: .other, reference: "withheld", recorded: c.recorded, grade: .current(source: 3, assessment: "E", handling: .permitted, conditions: nil))
    }

    // MARK: Names

    /// Whether an entity is shown by a pseudonym.
    public func pseudonymises(_ id: EntityID, kind: EntityKind, child: Bool) -> Bool {
        guard kind == .person, !requested.contains(id) else { return false }
        if child { return audience.children == .pseudonymised && !namesAllChildren }
        return audience.adults == .pseudonymised
    }

    /// What an entity is called for this audience.
    public func name(_ id: EntityID, kind: EntityKind, label: String, child: Bool) -> String {
        guard pseudonymises(id, kind: kind, child: child) else { return label }
        return child ? "Child C-\(id.rawValue)" : "Person P-\(id.rawValue)"
    }

    // MARK: Read-model values

    /// The links the audience may see: each with its admitted items only (shown), none without one.
    /// - Complexity: O(links + evidence).
    public func screen(_ links: [NetworkLink]) -> [NetworkLink] {
        if keepsItems { return links }
        let opaque = audience.sourceDetails == .opaque
        var out: [NetworkLink] = []
        out.reserveCapacity(links.count)
        for l in links {
            if l.evidence.allSatisfy(admits) {
                guard opaque else { out.append(l); continue }
                var kept = l
                for k in kept.evidence.indices { kept.evidence[k] = shown(kept.evidence[k]) }
                out.append(kept)
            } else {
                var kept = l
                kept.evidence = l.evidence.compactMap { admits($0) ? shown($0) : nil }
                if !kept.evidence.isEmpty { out.append(kept) }
            }
        }
        return out
    }

    /// Entities as the audience may see them: roles only from admitted items, except that a
    /// child-at-risk role is kept whatever its item (cited as withheld); every date of birth kept
    /// the same way; people named or pseudonymised.
    /// - Complexity: O(entities + role and birth records).
    public func screen(_ entities: [NetworkEntity], on day: Timestamp) -> [NetworkEntity] {
        let rules = Safeguarding(entities, on: day)
        var out = entities
        // In place, and only where something changes: most entities are things and places.
        for i in out.indices where out[i].kind == .person {
            let e = entities[i]
            if !keepsItems {
                if !e.roleRecords.isEmpty {
                    let all = e.roleRecords.allSatisfy { admits($0.source) }
                    out[i].roleRecords = e.roleRecords.compactMap { r in
                        if admits(r.source) { return Dated(r.value, source: shown(r.source)) }
                        return r.value == .childAtRisk ? Dated(r.value, source: Self.withheld(r.source)) : nil
                    }
                    if !all { out[i].roles = Set(out[i].roleRecords.map(\.value)).sorted { $0.rawValue < $1.rawValue } }
                }
                if !e.birthDates.isEmpty { out[i].birthDates = screenedBirthDates(e.birthDates) }
            }
            let label = name(e.id, kind: e.kind, label: e.label, child: rules.isChild(e.id))
            if label != e.label { out[i].label = label }
        }
        return out
    }

    /// The entities and links the audience may see: each link with its admitted items; an entity
    /// only when something the audience may see names it (a kept link, or `named`: episodes,
    /// notices, care periods), so an entity that only withheld items record leaves no trace.
    public func screen(entities: [NetworkEntity], links: [NetworkLink], on day: Timestamp,
                       named: Set<EntityID> = []) -> (entities: [NetworkEntity], links: [NetworkLink]) {
        timed {
        let kept = screen(links)
        var shown = screen(entities, on: day)
        if !keepsItems {
            var seen = named
            for l in kept { seen.insert(l.source); seen.insert(l.target) }
            shown = shown.filter { seen.contains($0.id) }
        }
        return (shown, kept)
        }
    }

    /// Runs `body`, adding its time to ``seconds`` unless it runs inside another timed screen.
    private func timed<T>(_ body: () -> T) -> T {
        depth += 1
        let start = ContinuousClock.now
        defer {
            depth -= 1
            if depth == 0 { seconds += Elapsed.seconds(since: start) }
        }
        return body()
    }

    /// The store's contents as the audience may see them (see the type's description).
    /// - Complexity: O(size of the contents).
    public func screen(_ c: ProductContents, on day: Timestamp) -> ProductContents {
        timed {
        var out = c
        if keepsItems {
            out.entities = screen(c.entities, on: day)
            return out
        }
        for (id, f) in c.facts where !f.birthDates.isEmpty { out.facts[id]?.birthDates = screenedBirthDates(f.birthDates) }
        out.episodes = kept(c.episodes, \.source)
        out.carePeriods = kept(c.carePeriods, \.source)
        out.nonConsents = kept(c.nonConsents, \.source)
        out.notices = kept(c.notices, \.source, officer: \.officer)
        var named = Set<EntityID>()
        for e in out.episodes { named.insert(e.child); e.missingFrom.map { named.insert($0) }; e.foundAt.map { named.insert($0) }; named.formUnion(e.foundWith) }
        for n in out.notices { named.insert(n.subject); n.child.map { named.insert($0) }; n.premises.map { named.insert($0) } }
        for p in out.carePeriods { named.insert(p.child) }
        for n in out.nonConsents { named.insert(n.child); n.adult.map { named.insert($0) } }
        (out.entities, out.links) = screen(entities: c.entities, links: c.links, on: day, named: named)
        // After the links: only items cited by what was kept have a minted reference; the rest never appear.
        var ingested: [IntelRef: Day] = [:]
        ingested.reserveCapacity(c.ingested.count)
        for (ref, day) in c.ingested {
            if audience.sourceDetails == .opaque {
                if let m = mintedFor[ref] { ingested[IntelRef(agency: ref.agency, reference: m)] = day }
            } else {
                ingested[ref] = day
            }
        }
        out.ingested = ingested
        let visible = Set(out.entities.map(\.id))
        out.facts = out.facts.filter { visible.contains($0.key) }
        return out
        }
    }

    /// One entity's detail as the audience may see it: facts from withheld items left out (the
    /// child-at-risk role kept, cited as withheld), references shown as the audience may see them,
    /// officers left out with opaque source details, and a pseudonymised entity's names, aliases,
    /// identifiers and records' identifiers left out.
    /// - Parameter pseudonymised: whether the entity itself is shown by a pseudonym.
    public func screen(_ d: EntityDetail, pseudonymised: Bool) -> EntityDetail {
        var out = d
        if !keepsItems {
            out.records = kept(d.records, \.source)
            out.roles = d.roles.compactMap { r in
                var x = r
                if admits(r.source) { x.source = shown(r.source); return x }
                x.source = Self.withheld(r.source)
                return r.role == Role.childAtRisk.rawValue ? x : nil
            }
            out.lookedAfter = kept(d.lookedAfter, \.source)
            out.missingEpisodes = kept(d.missingEpisodes, \.source)
            out.notices = kept(d.notices, \.source, officer: \.officer)
            out.links = d.links.compactMap { l in
                var x = l
                x.evidence = l.evidence.compactMap { admits($0) ? shown($0) : nil }
                return x.evidence.isEmpty ? nil : x
            }
            // Merges are the store's own housekeeping, not intelligence: who merged and why stays with the police.
            if audience.sourceDetails == .opaque { out.merged = [] }
        }
        if pseudonymised || audience.sourceDetails == .opaque {
            // Agency systems' identifiers (person:lccs/C-2216) name a source; strong identifiers of things stay.
            out.identifiers = d.identifiers.filter { !pseudonymised && !Self.isAgencyIdentifier($0) }
            out.records = out.records.map { r in
                var x = r
                if pseudonymised || Self.isAgencyIdentifier(r.identifier) { x.identifier = "" }
                if pseudonymised { x.name = nil; x.aliases = []; x.dob = nil; x.details = [:] }
                return x
            }
        }
        return out
    }

    /// Whether an identifier is an agency system's own reference (`person:lccs/C-2216`,
    /// `location:lic/PREM-0042`, `org:lic/TX-07`) rather than a strong identifier of a thing.
    public static func isAgencyIdentifier(_ text: String) -> Bool {
        let scheme = text.prefix { $0 != ":" }
        switch scheme {
        case "person", "org", "organisation": return true
        case "location": return !text.hasPrefix("location:uprn/")
        default: return false
        }
    }

    /// What `missing brief` reads, as the audience may see it (the child is the request's).
    public func screen(_ b: MissingBriefContents, on day: Timestamp) -> MissingBriefContents {
        var out = b
        let entities = screen(Array(b.entities.values) + [b.child], on: day)
        var byID: [EntityID: NetworkEntity] = [:]
        for e in entities { byID[e.id] = e }
        out.child = byID[b.child.id] ?? b.child
        out.entities = b.entities.mapValues { byID[$0.id] ?? $0 }
        out.childLinks = screen(b.childLinks)
        out.adultLinks = b.adultLinks.mapValues(screen).filter { !$0.value.isEmpty }
        if keepsItems { return out }
        out.birthDates = screenedBirthDates(b.birthDates)
        out.episodes = kept(b.episodes, \.source)
        out.carePeriods = kept(b.carePeriods, \.source)
        if audience.sourceDetails == .opaque { out.identifiers = b.identifiers.filter { !Self.isAgencyIdentifier($0) } }
        return out
    }
}

extension Screen {
    /// One item as the audience may see it (`sightline item`).
    /// - Parameter pseudonymised: the entities shown by a pseudonym (their names, aliases, dates of
    ///   birth, details and identifiers in the item's records are left out).
    /// - Throws: ``AudienceError`` (exit 4) when the item itself is withheld from the audience.
    public func screen(_ d: ItemDetail, pseudonymised: Set<String>) throws(AudienceError) -> ItemDetail {
        guard admits(d.citation) else {
            throw AudienceError(location: d.citation.ref.description,
                                problem: "withheld from \(audience.name): its handling code \(d.citation.grade.handlingCode) is not among those the audience may receive (\(audience.handling.sorted().joined(separator: ", ")))")
        }
        var out = d
        out.citation = shown(d.citation)
        out.links = d.links.map { l in
            var x = l
            x.otherEvidence = l.otherEvidence.compactMap { admits($0) ? shown($0) : nil }
            return x
        }
        let opaque = audience.sourceDetails == .opaque
        if opaque {
            out.summary = nil; out.sourceFile = nil; out.sourceLine = nil; out.run = nil; out.firstRun = nil
            out.notices = d.notices.map { var n = $0; n.officer = nil; return n }
        }
        out.records = d.records.map { r in
            var x = r
            let hidden = pseudonymised.contains(r.entity.id)
            if hidden || (opaque && Self.isAgencyIdentifier(r.identifier)) { x.identifier = "" }
            if hidden { x.name = nil; x.aliases = []; x.dob = nil; x.details = [:] }
            return x
        }
        return out
    }
}

extension Screen {
    /// Whether the audience may see items' summaries (the agencies' own words, which name sources).
    public var showsSummaries: Bool { audience.sourceDetails == .shown }

    /// The summaries of items already screened (`show --summaries`): nil, with nothing read, when
    /// the audience may not see them.
    public func summaries(of items: [Citation], from store: SightlineStore) throws -> [EntityDetail.ItemSummary]? {
        guard showsSummaries else { return nil }
        let found = try store.summaries(of: items.map(\.ref))
        return items.compactMap { c in found[c.ref].map { EntityDetail.ItemSummary(item: c, summary: $0) } }
    }

    /// The summaries of every item an output cites (read from its text as the log reads it: `agency/reference`
    /// words and JSON `agency`/`reference` pairs), by reference: nil, with nothing read, when the audience
    /// may not see them.
    public func summaries(citedIn text: String, from store: SightlineStore) throws -> [CitedSummary]? {
        guard showsSummaries else { return nil }
        var found = Inventory()
        found.scan(Array(text.utf8))
        return try summaries(ofCited: found.items.sorted(), from: store)
    }

    /// The summaries of items cited as text (`police/WX-1 2024-03-04 2BP`, as paths cite them), in
    /// the order given, each once: nil, with nothing read, when the audience may not see them.
    public func summaries(ofCited cited: [String], from store: SightlineStore) throws -> [CitedSummary]? {
        guard showsSummaries else { return nil }
        var seen = Set<IntelRef>(), refs: [IntelRef] = []
        for text in cited {
            if let ref = IntelRef(parsing: String(text.prefix { $0 != " " })), seen.insert(ref).inserted { refs.append(ref) }
        }
        let found = try store.summaries(of: refs)
        return refs.compactMap { r in found[r].map { CitedSummary(item: r.description, summary: $0) } }
    }
}


extension Screen {
}

/// Seconds since an instant, for the gate's timings (`SIGHTLINE_GATE_TIMINGS=1`).
public enum Elapsed {
    public static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
