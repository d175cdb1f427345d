import Dispatch
import SightlineModel
import SightlineNetwork
import SightlineReadModel
import SightlineSafeguarding

/// What a MACE panel's pack holds: the agenda, for each child on it the chronology with its
/// patterns, what the child is linked to, the notices about them and what changed since the last
/// panel; the lists (key adults, locations of risk, vehicles and phones of interest, warning-notice
/// candidates, the missing trawl) with the rows new and gone since then; and whether each recorded
/// disruption worked. A pure function of ``ProductData`` (already screened for the audience by the
/// disclosure gate) and of the same data as known on the previous panel's date.
///
/// Children are on the agenda by request, or because something changed around them (a new missing
/// episode, a new adult, a rising rate): they are listed in name order, never ranked or scored.
public struct PanelPack: Sendable, Encodable {
    /// What the panel asked for.
    public struct Request: Sendable {
        public var panel: Day
        /// What counts as new: recorded after this day ...
        public var since: Day
        /// ... or among these items, first ingested after the previous pack was made (as the
        /// audience sees their references; nil when no pack was made before, and only the recorded
        /// date counts).
        public var ingestedSincePrevious: Set<IntelRef>?
        /// Why `since` is what it is, in words.
        public var sinceReason: String
        /// The children asked for (nil: the agenda's default rule).
        public var children: [EntityID]?
        public var weights = DisruptionWeights()
        /// Rows of each list in the pack (0: all).
        public var rows = 20
        /// The parts the pack holds (an audience gets only the parts whose commands it may be given).
        public var parts = Set(Part.allCases)
        public init(panel: Day, since: Day, ingestedSincePrevious: Set<IntelRef>?, sinceReason: String, children: [EntityID]?) {
            self.panel = panel; self.since = since; self.ingestedSincePrevious = ingestedSincePrevious; self.sinceReason = sinceReason
            self.children = children
        }
    }

    /// A part of a pack that an audience may or may not be given.
    public enum Part: String, Sendable, CaseIterable {
        /// The children on the agenda, each with their chronology (`chronology`).
        case children
        /// Key adults, locations of risk, vehicles and phones of interest (`disrupt`), and whether disruption worked.
        case lists
        /// Warning-notice candidates (`notices candidates`).
        case noticeCandidates
        /// The missing-episode trawl (`trawl missing`).
        case missingTrawl
    }

    /// A child on the agenda.
    public struct Child: Sendable, Encodable {
        public var entity: String
        public var name: String
        /// Why the child is on the agenda.
        public var reasons: [String]
        /// The items behind the reasons: the new episodes, the items linking the new adults, and
        /// for a rising rate the episodes or first links of the months it is told from.
        public var reasonItems: [Citation]
        public var chronology: ChronologyReport
        /// Adults, places, vehicles, phones, online accounts and organisations linked to the child.
        public var linked: [Linked]
        /// What changed since the last panel.
        public var changes: [Change]
    }

    /// An adult, place or thing linked to a child.
    public struct Linked: Sendable, Encodable, Equatable {
        /// `adult`, `place`, `vehicle`, `phone`, `online account`, `organisation`.
        public var kind: String
        public var entity: String
        public var name: String
        /// How: the link types and episode roles, in words.
        public var how: [String]
        public var first: String
        public var latest: String
        /// First recorded (or ingested) since the last panel.
        public var new: Bool
        public var items: [Citation]
    }

    /// One change since the last panel.
    public struct Change: Sendable, Encodable, Equatable {
        /// `new adult`, `new place`, `new vehicle`, `new phone`, `new online account`,
        /// `new organisation`, `new missing episode`, `notice issued`, `notice breached`.
        public var kind: String
        public var date: String
        public var text: String
        public var items: [Citation]
    }

    /// A list's rows new and gone since the last panel.
    public struct ListChange: Sendable, Encodable, Equatable {
        public var list: String
        /// Rows in the list now (among those shown) that were not in it on the last panel's date.
        public var new: [String]
        /// Rows in the list then (among the first shown then) that are not in it now.
        public var gone: [String]
    }

    /// The lists, as `disrupt`, `notices candidates` and `trawl missing` make them.
    /// Nil: a part the pack does not hold.
    public struct Lists: Sendable, Encodable {
        public var keyAdults: RankedList<KeyPerson>?
        public var locations: RankedList<LocationOfRisk>?
        public var vehicles: RankedList<VehicleOfInterest>?
        public var phones: RankedList<PhoneOfInterest>?
        public var noticeCandidates: NoticeCandidateList?
        public var missingTrawl: MissingTrawl?
    }

    public var panelDate: String
    /// Whether the pack holds the children's sections (the audience may be given `chronology`).
    public var holdsChildren: Bool
    public var since: String
    public var sinceReason: String
    public var agenda: [Child]
    public var lists: Lists
    public var listChanges: [ListChange]
    public var disruption: [DisruptionOutcome]
    /// Every item the pack cites, once.
    public var items: [Citation]

    /// The pack.
    /// - Parameters:
    ///   - data: the store as screened for the audience, to the panel date.
    ///   - past: the same as known on `request.since` (nil: no comparison of lists).
    /// - Complexity: that of the lists twice, plus O(children × their facts).
    public init(_ data: ProductData, past: ProductData?, request: Request) {
        panelDate = request.panel.text
        holdsChildren = request.parts.contains(.children)
        since = request.since.text
        sinceReason = request.sinceReason
        let newness = Newness(since: request.since, late: request.ingestedSincePrevious ?? [])
        let panelTime = Timestamp(secondsSinceEpoch: (request.panel.dayNumber + 1) * 86_400 - 1)

        // The agenda: asked for, or every child around whom something changed; in name order.
        var chosen: [(EntityID, Reasons)] = []
        if !request.parts.contains(.children) {
            // Not for this audience.
        } else if let asked = request.children {
            for c in asked where data.isChild(c) {
                var r = Self.reasons(c, data, newness, panelTime)
                r.words.insert("named for this panel", at: 0)
                chosen.append((c, r))
            }
        } else {
            for e in data.contents.entities where e.kind == .person && data.isChild(e.id) {
                let r = Self.reasons(e.id, data, newness, panelTime)
                if !r.words.isEmpty { chosen.append((e.id, r)) }
            }
        }
        agenda = chosen.map { id, reasons in
            let report = ChronologyReport(child: id, in: data, until: panelTime)
            let linked = Self.linked(to: id, data, newness)
            return Child(entity: id.description, name: data.name(id), reasons: reasons.words, reasonItems: distinctEvidence(reasons.items),
                         chronology: report, linked: linked,
                         changes: Self.changes(id, report: report, linked: linked, data, newness))
        }.sorted { ($0.name, $0.entity) < ($1.name, $1.entity) }

        // The lists as known on the last panel's date are made on the other core meanwhile. Both
        // whole: a row is new when it was nowhere on the earlier list, not merely below its first rows.
        let earlier = past.map { p in InBackground { Self.lists(p, request: request) } }
        let whole = Self.lists(data, request: request)
        lists = Self.cut(whole, to: request.rows)
        if let then = earlier?.value {
            let n = request.rows
            let lists = whole
            func change<R>(_ title: String, _ now: [R]?, _ before: [R]?, _ key: (R) -> String, _ name: (R) -> String) -> ListChange? {
                guard let now, let before else { return nil }
                let nowKeys = Set(now.map(key)), thenKeys = Set(before.map(key))
                let shownNow = n > 0 ? Array(now.prefix(n)) : now, shownThen = n > 0 ? Array(before.prefix(n)) : before
                return ListChange(list: title, new: shownNow.filter { !thenKeys.contains(key($0)) }.map(name),
                                  gone: shownThen.filter { !nowKeys.contains(key($0)) }.map(name))
            }
            listChanges = [
                change("key adults", lists.keyAdults?.ranked, then.keyAdults?.ranked, \.entity, { "\($0.name) (\($0.entity))" }),
                change("locations of risk", lists.locations?.ranked, then.locations?.ranked, \.entity, { "\($0.name) (\($0.entity))" }),
                change("vehicles of interest", lists.vehicles?.ranked, then.vehicles?.ranked, \.entity, { "\($0.name) (\($0.entity))" }),
                change("phones of interest", lists.phones?.ranked, then.phones?.ranked, \.entity, { "\($0.name) (\($0.entity))" }),
                change("warning-notice candidates", lists.noticeCandidates?.candidates, then.noticeCandidates?.candidates,
                       { "\($0.notice) \($0.adultID) \($0.childID ?? $0.addressID ?? "")" },
                       { "\($0.notice == .cawn ? "CAWN" : "harbourer warning"): \($0.adult) (\($0.adultID)), \($0.child ?? $0.address ?? "")" }),
                change("recurring adults (missing trawl)", lists.missingTrawl?.recurringAdults, then.missingTrawl?.recurringAdults,
                       \.entity, { "\($0.label) (\($0.entity))" }),
                change("recurring places (missing trawl)", lists.missingTrawl?.recurringPlaces, then.missingTrawl?.recurringPlaces,
                       \.entity, { "\($0.label) (\($0.entity))" }),
            ].compactMap { $0 }
        } else {
            listChanges = []
        }
        let w = request.weights.locations
        var weighed = data
        request.weights.evidence.apply(to: &weighed.strength)
        disruption = !request.parts.contains(.lists) ? [] : DisruptionOutcome.all(weighed, panel: request.panel, windowHours: w.windowHours,
                                                                                 night: NightWindow(start: w.nightStart, end: w.nightEnd))
        var cited: [Citation] = []
        for c in agenda {
            cited += c.reasonItems
            cited += c.chronology.items
            cited += c.linked.flatMap(\.items)
            cited += c.changes.flatMap(\.items)
        }
        func all<R: EvidencedRow>(_ l: RankedList<R>?) -> [Citation] { (l.map { $0.ranked + $0.needsCorroboration } ?? []).flatMap(\.evidence) }
        cited += all(lists.keyAdults) + all(lists.locations) + all(lists.vehicles) + all(lists.phones)
        if let n = lists.noticeCandidates { cited += (n.candidates + n.needsCorroboration).flatMap(\.evidence) }
        if let t = lists.missingTrawl {
            cited += t.recurringAdults.flatMap(\.evidence) + t.recurringPlaces.flatMap(\.evidence) + t.childrenReportedMissing.flatMap(\.evidence)
        }
        for o in disruption { cited += [o.item] + (o.before?.items ?? []) + (o.after?.items ?? []) }
        items = distinctEvidence(cited)
    }

    /// The first `rows` of each list (0: all); the trawl whole.
    static func cut(_ l: Lists, to rows: Int) -> Lists {
        guard rows > 0 else { return l }
        func cut<R>(_ r: RankedList<R>?) -> RankedList<R>? {
            r.map { RankedList(ranked: Array($0.ranked.prefix(rows)), needsCorroboration: Array($0.needsCorroboration.prefix(rows))) }
        }
        var out = Lists(keyAdults: cut(l.keyAdults), locations: cut(l.locations), vehicles: cut(l.vehicles), phones: cut(l.phones),
                        noticeCandidates: l.noticeCandidates, missingTrawl: l.missingTrawl)
        if let n = l.noticeCandidates {
            out.noticeCandidates?.candidates = Array(n.candidates.prefix(rows))
            out.noticeCandidates?.needsCorroboration = Array(n.needsCorroboration.prefix(rows))
        }
        return out
    }

    /// The lists with the pack's weights, as their commands make them, whole.
    static func lists(_ data: ProductData, request: Request) -> Lists {
        var d = data
        request.weights.evidence.apply(to: &d.strength)
        var locations = LocationsOfRisk.Options()
        locations.weights = request.weights.locations
        let notices = request.parts.contains(.noticeCandidates) ? noticeCandidates(d) : nil
        let end = Timestamp(secondsSinceEpoch: (request.panel.dayNumber + 1) * 86_400 - 1)
        let p = request.parts
        return Lists(keyAdults: p.contains(.lists) ? KeyPeople.list(d, weights: request.weights).rows : nil,
                     locations: p.contains(.lists) ? LocationsOfRisk.list(d, options: locations) : nil,
                     vehicles: p.contains(.lists) ? ThingsOfInterest.vehicleList(d, weights: request.weights) : nil,
                     phones: p.contains(.lists) ? ThingsOfInterest.phoneList(d, weights: request.weights) : nil,
                     noticeCandidates: notices,
                     missingTrawl: !p.contains(.missingTrawl) ? nil : missingTrawl(d, period: DayPeriod(from: request.since.dayNumber < request.panel.dayNumber
                                                                         ? Day(dayNumber: request.since.dayNumber + 1) : request.panel,
                                                                     until: Day(end))))
    }

    /// What counts as new since the last panel.
    struct Newness {
        var since: Day
        /// Items first ingested after the previous pack was made.
        var late: Set<IntelRef>
        func isNew(_ c: Citation) -> Bool { c.recorded > since || late.contains(c.ref) }
        /// New when every item behind it is new (nothing of it was known at the last panel).
        func isNew(_ items: [Citation]) -> Bool { !items.isEmpty && items.allSatisfy(isNew) }
    }

    /// Why a child is on the agenda, in words, with the items behind it.
    struct Reasons {
        var words: [String] = []
        var items: [Citation] = []
    }

    /// Why a child belongs on the agenda: a new missing episode, a new adult, a rising rate of
    /// episodes or of new adults. Empty when nothing changed.
    static func reasons(_ child: EntityID, _ data: ProductData, _ newness: Newness, _ until: Timestamp) -> Reasons {
        var out = Reasons()
        let episodes = data.episodesOf[child] ?? []
        let newEpisodes = episodes.filter { newness.isNew($0.source) }
        if !newEpisodes.isEmpty {
            out.words.append(newEpisodes.count == 1 ? "a new missing episode" : "\(newEpisodes.count) new missing episodes")
            out.items += newEpisodes.map(\.source)
        }
        let linked = linked(to: child, data, newness).filter { $0.kind == "adult" }
        let newAdults = linked.filter(\.new)
        if !newAdults.isEmpty {
            out.words.append(newAdults.count == 1 ? "a new adult" : "\(newAdults.count) new adults")
            out.items += newAdults.flatMap(\.items)
        }
        // A trend is told from the last 6 months: the episodes and first links in them.
        let p = ChronologyPatterns(child: child, in: data, reference: until)
        let told = Set(p.months.suffix(6).map(\.month))
        if p.trend == "rising" {
            out.words.append("missing episodes rising")
            out.items += episodes.filter { told.contains(String(format: "%04d-%02d", $0.start.year, $0.start.month)) }.map(\.source)
        }
        if p.newAdultsTrend == "rising" {
            out.words.append("new adults rising")
            out.items += linked.filter { told.contains(String(dateOrder($0.first).prefix(7))) }.flatMap(\.items)
        }
        return out
    }

    /// Everything but children linked to the child (links both ways and episode roles), by kind then name.
    static func linked(to child: EntityID, _ data: ProductData, _ newness: Newness) -> [Linked] {
        var acc: [EntityID: (how: Set<String>, times: [String], items: [Citation])] = [:]
        func note(_ id: EntityID, _ how: String, _ time: String?, _ items: [Citation]) {
            guard id != child, let e = data.entity(id) else { return }
            if e.kind == .person && !data.mayBeRanked(id) { return }   // other children, and anyone held for review
            var a = acc[id] ?? ([], [], [])
            a.how.insert(how); if let time { a.times.append(time) }
            a.items += items
            acc[id] = a
        }
        for l in data.linksOf[child] ?? [] {
            let other = ProductData.other(l, from: child)
            note(other, l.type.phrase, l.time ?? l.evidence.first?.recorded.text, l.evidence)
        }
        for e in data.episodesOf[child] ?? [] {
            if let p = e.missingFrom { note(p, "missing from", e.start.isoText, [e.source]) }
            // As the links a missing record stores are worded, so that each is said once.
            if let p = e.foundAt { note(p, LinkType.foundAt.phrase, (e.end ?? e.start).isoText, [e.source]) }
            for w in e.foundWith { note(w, LinkType.foundWith.phrase, (e.end ?? e.start).isoText, [e.source]) }
        }
        func kind(_ k: EntityKind) -> String {
            switch k {
            case .person: "adult"
            case .location: "place"
            case .vehicle: "vehicle"
            case .phone: "phone"
            case .organisation: "organisation"
            default: "online account"
            }
        }
        return acc.compactMap { id, a -> Linked? in
            guard let e = data.entity(id) else { return nil }
            let times = a.times.sorted { dateOrder($0) < dateOrder($1) }
            let items = distinctEvidence(a.items)
            return Linked(kind: kind(e.kind), entity: id.description, name: data.name(id), how: a.how.sorted(),
                          first: times.first ?? "", latest: times.last ?? "", new: newness.isNew(items), items: items)
        }.sorted { (kindOrder($0.kind), $0.name, $0.entity) < (kindOrder($1.kind), $1.name, $1.entity) }
    }

    static func kindOrder(_ k: String) -> Int {
        ["adult", "place", "vehicle", "phone", "online account", "organisation"].firstIndex(of: k) ?? 9
    }

    /// What changed around the child since the last panel, oldest first.
    static func changes(_ child: EntityID, report: ChronologyReport, linked: [Linked], _ data: ProductData, _ newness: Newness) -> [Change] {
        var out: [Change] = []
        for l in linked where l.new {
            out.append(Change(kind: "new \(l.kind)", date: l.first, text: "\(l.name) (\(l.entity)): \(l.how.joined(separator: ", "))", items: l.items))
        }
        for line in report.lines where newness.isNew(line.source) {
            switch line.kind {
            case "missing": out.append(Change(kind: "new missing episode", date: line.date, text: line.text, items: [line.source]))
            case "notice": out.append(Change(kind: "notice issued", date: line.date, text: line.text, items: [line.source]))
            case "breach": out.append(Change(kind: "notice breached", date: line.date, text: line.text, items: [line.source]))
            default: continue
            }
        }
        return out.sorted { (dateOrder($0.date), $0.kind, $0.text) < (dateOrder($1.date), $1.kind, $1.text) }
    }
}

/// A value computed on another thread, read (waiting for it) once.
final class InBackground<Value: Sendable>: @unchecked Sendable { // written once before `done` is signalled
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)
    init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async { self.result = make(); self.done.signal() }
    }
    /// The value, once computed.
    var value: Value {
        done.wait()
        done.signal()
        return result!
    }
}
