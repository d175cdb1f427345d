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
///   minted for this disclosure (``items(minted:)`` tells the log what each stands for); officers are
///   left out.
/// - Names: people are shown by name or by a pseudonym (`Person P-12`, `Child C-25`, the forms the
///   pictures and lists use), as the audience says; a person the request names is shown by name.
public final class Screen: @unchecked Sendable { // used by one command on one thread
    public let audience: Audience
    /// Entities the request names: shown by name whatever the audience's naming.
    public private(set) var requested: Set<EntityID> = []
    /// Every child named, when the request asks for that (`--name-children`).
    public private(set) var namesAllChildren = false
    /// Every reference shown under a minted one, in the order shown (repeats included: appending is
    /// cheaper than keeping a set, and ``items(minted:)`` reads it once, for the log).
    private var shownRefs: [IntelRef] = []
    /// A hasher (SipHash, seeded afresh in every process) that has already taken this disclosure's
    /// 128-bit secret: each reference is minted from a copy of it.
    private let salted: Hasher
    /// Seconds spent screening (for the gate's timings).
    public internal(set) var seconds = 0.0
    private var depth = 0

    public init(audience: Audience) {
        self.audience = audience
        var g = SystemRandomNumberGenerator()
        var h = Hasher()
        h.combine(g.next() as UInt64); h.combine(g.next() as UInt64)
        salted = h
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
        out.ref = shownRef(c.ref)
        return out
    }

    /// An item's reference as this disclosure shows it (minted when source details are opaque).
    public func shownRef(_ ref: IntelRef) -> IntelRef {
        audience.sourceDetails == .opaque ? IntelRef(agency: ref.agency, reference: opaqueReference(for: ref)) : ref
    }

    /// The reference minted for an item in this disclosure: `D` and 12 characters from a keyed hash
    /// of the item's reference under a secret drawn for this disclosure (so the same item has a
    /// different reference in every disclosure, and none can be worked back to the item without the log).
    public func opaqueReference(for ref: IntelRef) -> String {
        shownRefs.append(ref)
        return mint(ref)
    }

    /// The minting itself: no table is kept (computing the hash again costs less than looking it up
    /// in a table of every item shown), so the same item gets the same reference throughout a disclosure.
    private func mint(_ ref: IntelRef) -> String {
        var v = mintValue(ref)
        return String(unsafeUninitializedCapacity: 13) { buffer in
            buffer[0] = UInt8(ascii: "D")
            for k in 1...12 { buffer[k] = Self.alphabet[Int(v & 31)]; v >>= 5 }
            return 13
        }
    }

    /// The 60 bits a minted reference spells: two items of a million share a reference with a
    /// chance of about one in a million million.
    private func mintValue(_ ref: IntelRef) -> UInt64 {
        var h = salted
        h.combine(ref.agency.rawValue); h.combine(ref.reference)
        return UInt64(bitPattern: Int64(h.finalize())) & (1 << 60 - 1)
    }

    /// The 60 bits a minted reference spells, read back (nil: not a minted reference).
    private static func mintedValue(_ token: String) -> UInt64? {
        let bytes = Array(token.utf8)
        guard bytes.count == 13, bytes[0] == UInt8(ascii: "D") else { return nil }
        var v: UInt64 = 0
        for k in stride(from: 12, through: 1, by: -1) {
            guard let digit = digitOf[Int(bytes[k])] else { return nil }
            v = v << 5 | UInt64(digit)
        }
        return v
    }

    private static let digitOf: [UInt8?] = {
        var t = [UInt8?](repeating: nil, count: 256)
        for (i, b) in alphabet.enumerated() { t[Int(b)] = UInt8(i) }
        return t
    }()

    /// What each of `tokens` minted in this disclosure stands for (`police/WX-1`), for the log;
    /// a token this screen did not mint is left out.
    /// - Complexity: O(references shown), reading them until every token is found.
    public func items(minted tokens: some Sequence<String>) -> [String: String] {
        var wanted: [UInt64: String] = [:]
        for t in tokens { if let v = Self.mintedValue(t) { wanted[v] = t } }
        var found: [String: String] = [:]
        found.reserveCapacity(wanted.count)
        for ref in shownRefs where !wanted.isEmpty {
            if let token = wanted.removeValue(forKey: mintValue(ref)) { found[token] = ref.description }
        }
        return found
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
        var out = births
        screen(birthDates: &out)
        return out
    }

    /// ``screenedBirthDates(_:)`` in place.
    func screen(birthDates births: inout [Dated<BirthDateText>]) {
        for k in births.indices {
            births[k].source = admits(births[k].source) ? shown(births[k].source) : Self.withheld(births[k].source)
        }
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
        if kind == .person && leavesOut(id, child: child) { leftOut.insert(id) }
        guard pseudonymises(id, kind: kind, child: child) else { return label }
        return child ? "Child C-\(id.rawValue)" : "Person P-\(id.rawValue)"
    }

    // MARK: Which children may appear

    /// Whether a person is left out of everything this disclosure shows: a child the request does
    /// not name, for an audience shown only the children requested (``Audience/ChildrenShown``).
    public func leavesOut(_ id: EntityID, child: Bool) -> Bool {
        audience.childrenShown == .requested && child && !requested.contains(id)
    }

    /// The children left out so far (found by the screen, or named through ``name(_:kind:label:child:)``).
    public private(set) var leftOut = Set<EntityID>()

    /// The children among `entities` to leave out (none unless the audience is shown requested children only).
    func childrenLeftOut(_ entities: [NetworkEntity], on day: Timestamp) -> Set<EntityID> {
        guard audience.childrenShown == .requested else { return [] }
        var out = Set<EntityID>()
        for i in entities.indices where entities[i].kind == .person && !requested.contains(entities[i].id) {
            if Safeguarding.isChild(entities[i], on: day) { out.insert(entities[i].id) }
        }
        leftOut.formUnion(out)
        return out
    }

    /// Leaves the children in `out` out of entities and links.
    func leaveOut(_ out: Set<EntityID>, entities: inout [NetworkEntity], links: inout [NetworkLink]) {
        guard !out.isEmpty else { return }
        entities.removeAll { out.contains($0.id) }
        links.removeAll { out.contains($0.source) || out.contains($0.target) }
    }

    /// An episode without the children in `out`: nil when it is one of theirs; otherwise without
    /// them among those the child was found with (or as where the child went missing from or was found).
    func leavingOut(_ out: Set<EntityID>, from e: MissingEpisode) -> MissingEpisode? {
        guard !out.contains(e.child) else { return nil }
        var x = e
        x.foundWith.removeAll { out.contains($0) }
        if let p = x.missingFrom, out.contains(p) { x.missingFrom = nil }
        if let p = x.foundAt, out.contains(p) { x.foundAt = nil }
        return x
    }

    /// Whether text naming an entity (`E12`, `E12 Child C-12`) names one left out.
    func namesLeftOut(_ text: String?) -> Bool {
        guard let text, !leftOut.isEmpty, let id = EntityID(parsing: String(text.prefix { $0 != " " })) else { return false }
        return leftOut.contains(id)
    }

    // MARK: Read-model values

    /// The links the audience may see: each with its admitted items only (shown), none without one.
    /// - Complexity: O(links + evidence).
    public func screen(_ links: [NetworkLink]) -> [NetworkLink] {
        var out = links
        screen(links: &out)
        return out
    }

    /// Screens links in place (see ``screen(_:)-([NetworkLink])``): when the caller holds the only
    /// copy, nothing is copied and only withheld items' links are moved.
    /// - Complexity: O(links + evidence).
    public func screen(links: inout [NetworkLink]) {
        if keepsItems { return }
        let opaque = audience.sourceDetails == .opaque
        var dropped: [Int] = []
        for i in links.indices {
            if links[i].evidence.allSatisfy(admits) {
                if opaque {
                    for k in links[i].evidence.indices { links[i].evidence[k] = shown(links[i].evidence[k]) }
                }
            } else {
                links[i].evidence = links[i].evidence.compactMap { admits($0) ? shown($0) : nil }
                if links[i].evidence.isEmpty { dropped.append(i) }
            }
        }
        links.remove(sortedOffsets: dropped)
    }

    /// Entities as the audience may see them: roles only from admitted items, except that a
    /// child-at-risk role is kept whatever its item (cited as withheld); every date of birth kept
    /// the same way; people named or pseudonymised.
    /// - Complexity: O(entities + role and birth records).
    public func screen(_ entities: [NetworkEntity], on day: Timestamp) -> [NetworkEntity] {
        var out = entities
        screen(entities: &out, on: day)
        return out
    }

    /// Screens entities in place (see ``screen(_:on:)``).
    public func screen(entities: inout [NetworkEntity], on day: Timestamp) {
        if !keepsItems {
            for i in entities.indices where entities[i].kind == .person {
                if !entities[i].roleRecords.isEmpty {
                    if entities[i].roleRecords.allSatisfy({ admits($0.source) }) {
                        // In place: most people's roles are all admitted.
                        for k in entities[i].roleRecords.indices { entities[i].roleRecords[k].source = shown(entities[i].roleRecords[k].source) }
                    } else {
                        entities[i].roleRecords = entities[i].roleRecords.compactMap { r in
                            if admits(r.source) { return Dated(r.value, source: shown(r.source)) }
                            return r.value == .childAtRisk ? Dated(r.value, source: Self.withheld(r.source)) : nil
                        }
                        entities[i].roles = Set(entities[i].roleRecords.map(\.value)).sorted { $0.rawValue < $1.rawValue }
                    }
                }
                screen(birthDates: &entities[i].birthDates)
            }
        }
        // Who is a child is the same before and after the roles are screened (child-at-risk roles and
        // dates of birth are kept whatever their items), and depends on nothing but the person.
        guard audience.adults == .pseudonymised || audience.children == .pseudonymised && !namesAllChildren else { return }
        for i in entities.indices where entities[i].kind == .person && !requested.contains(entities[i].id) {
            entities[i].label = name(entities[i].id, kind: .person, label: entities[i].label, child: Safeguarding.isChild(entities[i], on: day))
        }
    }

    /// The entities and links the audience may see: each link with its admitted items; an entity
    /// only when something the audience may see names it (a kept link, or `named`: episodes,
    /// notices, care periods), so an entity that only withheld items record leaves no trace.
    public func screen(entities: [NetworkEntity], links: [NetworkLink], on day: Timestamp,
                       named: some Sequence<EntityID> = [EntityID]()) -> (entities: [NetworkEntity], links: [NetworkLink]) {
        var (e, l) = (entities, links)
        screen(entities: &e, links: &l, on: day, named: named)
        return (e, l)
    }

    /// Screens entities and links in place (see ``screen(entities:links:on:named:)``).
    /// - Complexity: O(entities + links + evidence + role and birth records).
    public func screen(entities: inout [NetworkEntity], links: inout [NetworkLink], on day: Timestamp, named: some Sequence<EntityID> = [EntityID]()) {
        timed {
        let out = childrenLeftOut(entities, on: day)
        screen(links: &links)
        screen(entities: &entities, on: day)
        leaveOut(out, entities: &entities, links: &links)
        if !keepsItems { keepNamed(&entities, links: links, named: named) }
        }
    }

    /// Keeps only the entities that a kept link or `named` names.
    private func keepNamed(_ entities: inout [NetworkEntity], links: [NetworkLink], named: some Sequence<EntityID>) {
        // Entity IDs are the store's row numbers: a flag per number rather than a set.
        let top = Self.topID(entities)
        var seen = [Bool](repeating: false, count: Int(top) + 1)
        func mark(_ id: EntityID) { if id.rawValue >= 0 && id.rawValue <= top { seen[Int(id.rawValue)] = true } }
        for id in named { mark(id) }
        for i in links.indices { mark(links[i].source); mark(links[i].target) }
        entities.remove(sortedOffsets: entities.indices.filter { entities[$0].id.rawValue < 0 || !seen[Int(entities[$0].id.rawValue)] })
    }

    /// The largest entity ID among `entities` (0 when none).
    private static func topID(_ entities: [NetworkEntity]) -> Int64 {
        var top: Int64 = 0
        for i in entities.indices where entities[i].id.rawValue > top { top = entities[i].id.rawValue }
        return top
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
    public func screen(_ contents: consuming ProductContents, on day: Timestamp) -> ProductContents {
        depth += 1
        let start = ContinuousClock.now
        screen(contents: &contents, on: day)
        depth -= 1
        if depth == 0 { seconds += Elapsed.seconds(since: start) }
        return contents
    }

    private func screen(contents c: inout ProductContents, on day: Timestamp) {
        if keepsItems {
            screen(entities: &c.entities, on: day)
            return
        }
        c.episodes = kept(c.episodes, \.source)
        c.carePeriods = kept(c.carePeriods, \.source)
        c.nonConsents = kept(c.nonConsents, \.source)
        c.notices = kept(c.notices, \.source, officer: \.officer)
        // Children the audience may not be shown: their episodes, care periods, non-consents and the
        // notices naming them go; a found-with list loses them.
        let out = childrenLeftOut(c.entities, on: day)
        if !out.isEmpty {
            c.episodes = c.episodes.compactMap { leavingOut(out, from: $0) }
            c.carePeriods.removeAll { out.contains($0.child) }
            c.nonConsents.removeAll { out.contains($0.child) }
            c.notices.removeAll { n in out.contains(n.subject) || n.child.map(out.contains) == true }
        }
        // Repeats are harmless: each only marks its entity as named.
        var named: [EntityID] = []
        for e in c.episodes { named.append(e.child); named += [e.missingFrom, e.foundAt].compactMap { $0 }; named += e.foundWith }
        for n in c.notices { named.append(n.subject); named += [n.child, n.premises].compactMap { $0 } }
        for p in c.carePeriods { named.append(p.child) }
        for n in c.nonConsents { named.append(n.child); if let a = n.adult { named.append(a) } }

        // The store gives an entity's facts the same dates of birth as the entity: those are taken
        // from the entity once it is screened (so its dates are screened in place, not copied), the
        // rest screened here.
        let top = Self.topID(c.entities)
        var position = [Int32](repeating: -1, count: Int(top) + 1)
        for k in c.entities.indices where c.entities[k].id.rawValue >= 0 { position[Int(c.entities[k].id.rawValue)] = Int32(k) }
        func at(_ id: EntityID) -> Int? {
            guard id.rawValue >= 0 && id.rawValue <= top, position[Int(id.rawValue)] >= 0 else { return nil }
            return Int(position[Int(id.rawValue)])
        }
        var fromEntity: [(fact: Dictionary<EntityID, EntityFacts>.Index, entity: Int)] = []
        for i in c.facts.indices where !c.facts.values[i].birthDates.isEmpty {
            if let k = at(c.facts.keys[i]), c.entities[k].birthDates.count == c.facts.values[i].birthDates.count,
               zip(c.entities[k].birthDates, c.facts.values[i].birthDates).allSatisfy({ $0.value == $1.value && $0.source == $1.source }) {
                c.facts.values[i].birthDates = []
                fromEntity.append((i, k))
            } else {
                screen(birthDates: &c.facts.values[i].birthDates)
            }
        }
        screen(links: &c.links)
        screen(entities: &c.entities, on: day)
        for (i, k) in fromEntity { c.facts.values[i].birthDates = c.entities[k].birthDates }
        leaveOut(out, entities: &c.entities, links: &c.links)
        keepNamed(&c.entities, links: c.links, named: named)

        // Facts of the entities kept only.
        var kept = [Bool](repeating: false, count: Int(top) + 1)
        for k in c.entities.indices where c.entities[k].id.rawValue >= 0 { kept[Int(c.entities[k].id.rawValue)] = true }
        let gone = c.facts.keys.filter { $0.rawValue < 0 || $0.rawValue > top || !kept[Int($0.rawValue)] }
        for id in gone { c.facts[id] = nil }

        // Every item's day under the reference minted for it (only those cited by what was kept are
        // ever shown), made if `--since` asks.
        if audience.sourceDetails == .opaque {
            let original = c.ingested
            c.ingested = IngestedDays(making: { [self] in
                var ingested: [IntelRef: Day] = [:]
                ingested.reserveCapacity(original.all.count)
                for (ref, day) in original.all { ingested[IntelRef(agency: ref.agency, reference: mint(ref))] = day }
                return ingested
            })
        }
    }

    /// `review`'s rows as this audience may see them. A conflict is shown whole or not at all: a row
    /// any of whose items the audience may not see goes (its detail tells what those items record).
    /// A person the rules (`rules`, which made the rows) hold to be a child is named as one, as
    /// every other output names them (pseudonymised unless the request names them, left out where
    /// only requested children may appear); the items are shown as this disclosure shows them.
    public func screen(_ rows: [Safeguarding.ReviewRow], by rules: Safeguarding) -> [Safeguarding.ReviewRow] {
        rows.compactMap { r in
            guard let id = EntityID(parsing: r.entity), r.evidence.allSatisfy(admits) else { return nil }
            let child = rules.isChild(id)
            guard !leavesOut(id, child: child) else { return nil }
            var kept = r
            kept.label = name(id, kind: .person, label: r.label, child: child)
            kept.evidence = r.evidence.map(shown)
            return kept
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
            // Children left out (named through name(_:kind:label:child:) as the detail was read).
            out.links.removeAll { namesLeftOut($0.other) }
            out.missingEpisodes = out.missingEpisodes.map { e in
                var x = e
                x.foundWith.removeAll { namesLeftOut($0) }
                if namesLeftOut(x.missingFrom) { x.missingFrom = nil }
                if namesLeftOut(x.foundAt) { x.foundAt = nil }
                return x
            }
            out.notices.removeAll { namesLeftOut($0.subject) || namesLeftOut($0.child) }
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
        let gone = childrenLeftOut(Array(b.entities.values), on: day)
        let entities = screen(Array(b.entities.values) + [b.child], on: day)
        var byID: [EntityID: NetworkEntity] = [:]
        for e in entities where !gone.contains(e.id) { byID[e.id] = e }
        out.child = byID[b.child.id] ?? b.child
        out.entities = b.entities.compactMapValues { byID[$0.id] }
        func keptLinks(_ links: [NetworkLink]) -> [NetworkLink] { screen(links).filter { !gone.contains($0.source) && !gone.contains($0.target) } }
        out.childLinks = keptLinks(b.childLinks)
        out.adultLinks = b.adultLinks.filter { !gone.contains($0.key) }.mapValues(keptLinks).filter { !$0.value.isEmpty }
        // The brief's child is the request's, never left out: its episodes only lose others.
        out.episodes = b.episodes.compactMap { leavingOut(gone, from: $0) }
        out.facts = b.facts.filter { !gone.contains($0.key) }
        if keepsItems { return out }
        out.birthDates = screenedBirthDates(b.birthDates)
        out.episodes = kept(out.episodes, \.source)
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
        var parties = d.records.map(\.entity) + d.roles.map(\.entity) + d.links.flatMap { [$0.from, $0.to] } + d.lookedAfter.map(\.child)
        parties += d.missingEpisodes.flatMap { [$0.child] + $0.foundWith + [$0.missingFrom, $0.foundAt].compactMap { $0 } }
        parties += d.notices.flatMap { [$0.subject] + [$0.child, $0.premises].compactMap { $0 } }
        parties += d.nonConsents.flatMap { [$0.child] + [$0.adult].compactMap { $0 } }
        if parties.contains(where: { namesLeftOut($0.id) }) {
            // Nothing of the child in the refusal: not even their entity ID.
            throw AudienceError(location: d.citation.ref.description,
                                problem: "withheld from \(audience.name): the item records a child the request does not name, and the audience is shown only the children requested")
        }
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


/// Seconds since an instant, for the gate's timings (`SIGHTLINE_GATE_TIMINGS=1`).
public enum Elapsed {
    public static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

extension Array {
    /// Removes the elements at `offsets` (ascending), keeping the others in order: each kept element
    /// after the first removed one is swapped down once through the buffer (no copies, no reference
    /// counting), and the removed ones, gathered at the end, are dropped.
    /// - Complexity: O(count) after the first offset.
    mutating func remove(sortedOffsets offsets: [Int]) {
        guard let first = offsets.first else { return }
        var next = 0, kept = first
        withUnsafeMutableBufferPointer { buffer in
            for i in first..<buffer.count {
                if next < offsets.count && offsets[next] == i { next += 1; continue }
                buffer.swapAt(kept, i)
                kept += 1
            }
        }
        removeLast(count - kept)
    }
}
