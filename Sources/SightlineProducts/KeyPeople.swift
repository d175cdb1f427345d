import SightlineGraph
import SightlineModel
import SightlineNetwork
import SightlineReadModel

/// One row of `sightline disrupt people`: an adult, ranked by the harm they are linked to and their
/// place in the network, with the reasons spelled out.
public struct KeyPerson: RankableRow, Codable, Sendable, Equatable {
    /// 1 first; nil on a row that needs corroboration (never ranked).
    public var rank: Int?
    public var entity: String
    public var name: String
    public var roles: [String]
    public var score: Double
    public var parts: [ScorePart]
    /// Children at risk linked to the adult, directly or found with on missing episodes.
    public var children: [LinkedPerson]
    /// Missing episodes on which a child was found with the adult.
    public var episodes: Int
    /// Adults of concern directly linked.
    public var suspects: [LinkedPerson]
    /// Betweenness as a share of the highest in the network (0 to 1), and its rank among adults listed.
    public var betweennessShare: Double
    /// Close child–adult-of-concern pairs (at most 2 links apart) that taking the adult out breaks.
    public var closePairsBroken: Int
    /// The reasons, in words: `found with 3 children during 5 missing episodes`.
    public var reasons: [String]
    /// Notices already recorded naming the adult as subject.
    public var notices: [String]
    public var evidence: [Citation]
    /// On a row that rests on weak intelligence only (``EvidenceStrength``): what would corroborate it.
    public var needsCorroboration: String?

    public var id: EntityID { EntityID(parsing: entity) ?? EntityID(0) }
}

/// `sightline disrupt people`: adults ranked by harm and network position. Children are never rows.
///
/// Who is listed: people never recorded as a child at risk who are adults of concern (suspect or
/// harbourer) or are linked to at least one child at risk. A person recorded only as a professional
/// or a parent or carer (no suspect or harbourer role) is not listed.
///
/// The parts, for an adult A:
/// - **children**: distinct children at risk with a direct link to A other than a family link
///   (`parent_of`, `carer_of`, `sibling_of`, `relative_of`), or found with A on a missing episode;
/// - **episodes**: missing episodes on which a child was found with A;
/// - **suspects**: distinct adults of concern with a direct person-to-person link to A;
/// - **betweenness**: A's betweenness (``Centrality/betweenness``, shortest paths counted in links,
///   unweighted, so the list runs in seconds on a network of 100,000 people; estimated from 256
///   sampled sources above 5,000 entities) as a share of the highest. `analyse` gives the
///   evidence-weighted betweenness;
/// - **impact**: the close (child, adult of concern) pairs, at most 2 links apart, that taking A
///   out of the network breaks: A's own pairs when A is an adult of concern, and pairs whose only
///   two-link path runs through A. This is the single-removal count that ``Graph/greedyReachRemoval(steps:candidates:protected:sources:hops:)``
///   ranks by (and ``Graph/reachImpact(removing:protected:sources:alreadyRemoved:hops:)`` reports).
///
/// Score = Σ value × weight (``DisruptionWeights/People``). Order: score, then children, then entity ID.
public enum KeyPeople {
    /// The ranked list, and a note when betweenness was estimated.
    /// - Complexity: betweenness O(n·m) (O(k·m) for k = 256 sampled sources above 5,000 entities), plus
    ///   O(L + Σ over children of the degrees of their neighbours) for the rest.
    public static func rank(_ data: ProductData, weights: DisruptionWeights = DisruptionWeights()) -> (rows: [KeyPerson], note: String?) {
        let l = list(data, weights: weights)
        return (l.rows.ranked, l.note)
    }

    /// The list (ranked rows, and rows that rest on weak intelligence only, apart), and a note when
    /// betweenness was estimated.
    public static func list(_ data: ProductData, weights: DisruptionWeights = DisruptionWeights()) -> (rows: RankedList<KeyPerson>, note: String?) {
        let w = weights.people
        let s = data.snapshot
        let (betweenness, note) = Centrality.betweenness.values(on: s, weighted: false)
        let highest = betweenness.max() ?? 0
        var isProtected = [Bool](repeating: false, count: s.entities.count)
        var isSource = isProtected
        for (i, e) in s.entities.enumerated() {
            isProtected[i] = data.isChild(e.id)
            isSource[i] = data.isAdultOfConcern(e.id)
        }
        let broken = closePairsBroken(s.graph, isProtected: isProtected, isSource: isSource)

        var episodeItems = Set<String>()
        var episodesWith: [EntityID: [MissingEpisode]] = [:]
        for ep in data.contents.episodes where data.isChild(ep.child) {
            for a in Set(ep.foundWith) where !data.isChild(a) && data.safeguarding.wasAdult(a, on: ep.start) {
                episodesWith[a, default: []].append(ep)
                episodeItems.insert("\(ep.child) \(a) \(ep.source.ref)")
            }
        }
        func fromEpisode(_ l: NetworkLink) -> Bool {
            l.type == .foundWith && l.evidence.allSatisfy {
                episodeItems.contains("\(l.source) \(l.target) \($0.ref)")
                    || episodeItems.contains("\(l.target) \(l.source) \($0.ref)")
            }
        }

        var rows: [KeyPerson] = []
        let strength = data.strength
        for e in data.contents.entities where e.kind == .person && data.mayBeRanked(e.id) {
            let a = e.id
            let concern = data.isAdultOfConcern(a)
            if !concern && e.roles.contains(where: { $0 == .professional || $0 == .parentOrCarer }) { continue }
            var children: [EntityID: [String: Int]] = [:]
            var suspects: [EntityID: [String: Int]] = [:]
            var childItems: [EntityID: [Citation]] = [:], suspectItems: [EntityID: [Citation]] = [:]
            var evidence: [Citation] = []
            let episodes = episodesWith[a] ?? []
            // Occasions the adult was found with each child: one per episode, and one per other
            // recorded time a found_with link gives that falls in none of the pair's episodes (the
            // same finding told by several items, or by a link and an episode, counts once).
            var found: [EntityID: Set<String>] = [:]
            func inEpisode(_ time: String?, _ child: EntityID) -> Bool {
                guard let text = time?.replacingOccurrences(of: "~", with: "") else { return false }
                // A link timed to the day or finer: the day it starts, within the episode's days.
                let firstPoint = text.prefix { $0 != "/" }
                if firstPoint.count >= 10, let day = Day(firstPoint.prefix(10)) {
                    return episodes.contains { $0.child == child && $0.startDay <= day && day <= $0.lastDay }
                }
                // A link timed to the month or year (its time is text in the read model): compared
                // as text with the episode's days, as before the episodes were typed.
                let coarse = text.prefix(10)
                return episodes.contains { $0.child == child && $0.startDay.text <= coarse && coarse <= $0.lastDay.text }
            }
            // Only what the adult did or was linked to as an adult counts toward them.
            for l in data.linksOf[a] ?? [] where data.wasAdult(a, during: l) {
                let other = ProductData.other(l, from: a)
                guard data.entity(other)?.kind == .person else { continue }
                let how = !l.type.isDirected || l.source == a ? l.type.phrase : "linked (\(l.type.rawValue.split(separator: "_").joined(separator: " ")))"
                if data.isChild(other, during: l) {
                    guard !l.type.isFamily else { continue }
                    evidence += l.evidence
                    childItems[other, default: []] += l.evidence
                    if l.type == .foundWith {
                        if !fromEpisode(l) && !inEpisode(l.time, other) { found[other, default: []].insert("link \(l.time ?? "#\(l.id)")") }
                        continue
                    }
                    children[other, default: [:]][how, default: 0] += 1
                } else if data.isAdultOfConcern(other, during: l) {
                    suspects[other, default: [:]][how, default: 0] += 1
                    suspectItems[other, default: []] += l.evidence
                    evidence += l.evidence
                }
            }
            var episodeItems: [String: [Citation]] = [:]
            for ep in episodes {
                found[ep.child, default: []].insert("episode \(ep.id)")
                evidence.append(ep.source)
                childItems[ep.child, default: []].append(ep.source)
                episodeItems["episode \(ep.id) (\(ep.child), \(ep.start))"] = [ep.source]
            }
            for (child, occasions) in found {
                children[child, default: [:]]["found with during a missing episode", default: 0] += occasions.count
            }
            guard concern || !children.isEmpty else { continue }
            // An adult of concern with no child or adult-of-concern link is ranked on position alone:
            // cite the items behind all their links.
            if evidence.isEmpty { evidence = (data.linksOf[a] ?? []).filter { data.wasAdult(a, during: $0) }.flatMap(\.evidence) }
            guard !evidence.isEmpty else { continue }
            let node = s.index[a]
            let share = node.map { highest > 0 ? rounded(betweenness[$0] / highest) : 0 } ?? 0
            let pairs = node.map { broken[$0] } ?? 0
            let parts = [
                ScorePart("children", counting: childItems.filter { children[$0.key] != nil }, weight: w.children, strength),
                ScorePart("episodes", counting: episodeItems, weight: w.episodes, strength),
                ScorePart("suspects", counting: suspectItems, weight: w.suspects, strength),
                ScorePart("betweenness share", value: share, weight: w.betweenness),
                ScorePart("close pairs broken", value: Double(pairs), weight: w.impact),
            ]
            let notices = (data.noticesNaming[a] ?? []).filter { $0.subject == a }
            let rowEvidence = distinctEvidence(evidence)
            rows.append(KeyPerson(
                rank: nil, entity: a.description, name: e.label, roles: e.roles.map(\.title), score: rounded(total(parts)), parts: parts,
                children: children.keys.sorted().map { linked($0, children[$0] ?? [:], data) },
                episodes: episodes.count,
                suspects: suspects.keys.sorted().map { linked($0, suspects[$0] ?? [:], data) },
                betweennessShare: share, closePairsBroken: pairs,
                reasons: reasons(children: children, episodes: episodes, suspects: suspects.count, share: share, pairs: pairs,
                                 harbours: (data.linksOf[a] ?? []).filter { $0.type == .harbours && $0.source == a && data.isChild($0.target) }.count),
                notices: notices.map { Tactics.noticeText($0, reference: Day(data.reference)) }, evidence: rowEvidence,
                needsCorroboration: strength.corroboration(of: parts, evidence: rowEvidence)))
        }
        return (RankedList(rows, by: { ($1.score, $1.children.count, $0.id) < ($0.score, $0.children.count, $1.id) }), note)
    }

    /// The row's reasons in words, strongest first, each about what the adult did or where they sit.
    static func reasons(children: [EntityID: [String: Int]], episodes: [MissingEpisode], suspects: Int, share: Double,
                        pairs: Int, harbours: Int) -> [String] {
        var out: [String] = []
        if !episodes.isEmpty {
            let found = Set(episodes.map(\.child)).count
            out.append("found with \(plural(found, "child", "children")) during \(plural(episodes.count, "missing episode", "missing episodes"))")
        }
        var byHow: [String: Set<EntityID>] = [:]
        for (c, hows) in children { for (how, n) in hows where n > 0 && how != "found with during a missing episode" { byHow[how, default: []].insert(c) } }
        if !byHow.isEmpty {
            let detail = byHow.keys.sorted().map { "\($0) \(byHow[$0]?.count ?? 0)" }.joined(separator: ", ")
            let direct = Set(byHow.values.flatMap { $0 }).count
            out.append("linked directly to \(plural(direct, "child", "children")) at risk (\(detail))")
        }
        if harbours > 0 { out.append("recorded harbouring \(plural(harbours, "child", "children"))") }
        if suspects > 0 { out.append("linked to \(plural(suspects, "adult", "adults")) of concern") }
        if share >= 0.1 { out.append("lies between others: betweenness \(Int((share * 100).rounded()))% of the highest in the network") }
        if pairs > 0 { out.append("taking them out breaks \(plural(pairs, "close child–adult-of-concern pair", "close child–adult-of-concern pairs"))") }
        return out
    }

    static func plural(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    /// For every node, the close (protected, source) pairs, at most 2 links apart, that removing it
    /// alone breaks: a pair is broken by removing its source, and, when the two are not linked but
    /// share exactly one neighbour, by removing that neighbour. The graph is read as undirected.
    /// - Complexity: O(Σ over protected p of the degrees of p's neighbours).
    public static func closePairsBroken(_ g: Graph, isProtected: [Bool], isSource: [Bool]) -> [Int] {
        let n = g.nodeCount
        var broken = [Int](repeating: 0, count: n)
        var adjacent = [Bool](repeating: false, count: n)
        var paths = [Int32](repeating: 0, count: n), middle = [Int32](repeating: -1, count: n)
        var reached: [Int] = []
        func neighbours(_ u: Int) -> [Int] {
            var out = g.neighbours(of: u).map { Int(g.targets[$0]) }
            if g.isDirected { out += g.inNeighbours(of: u).map { Int(g.inSources[$0]) } }
            return out
        }
        for p in 0..<n where isProtected[p] {
            let near = neighbours(p)
            for x in near where x != p {
                adjacent[x] = true
            }
            for x in Set(near) where x != p && isSource[x] { broken[x] += 1 }
            for x in Set(near) where x != p {
                for y in neighbours(x) where y != p && !adjacent[y] && isSource[y] {
                    if paths[y] == 0 { reached.append(y) }
                    paths[y] += 1
                    middle[y] = Int32(x)
                }
            }
            for y in reached {
                broken[y] += 1
                if paths[y] == 1 { broken[Int(middle[y])] += 1 }
                paths[y] = 0
            }
            reached.removeAll(keepingCapacity: true)
            for x in near { adjacent[x] = false }
        }
        return broken
    }
}
