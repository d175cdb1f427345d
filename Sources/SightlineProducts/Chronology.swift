import SightlineModel
import SightlineReadModel
import SightlineSafeguarding

/// One dated line of a child's chronology, with the item behind it.
public struct ChronologyEvent: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case link, missing, care, notice }
    /// As recorded (`2024-03-04T21:50:00`, `2024-03`, `~2023-05`).
    public var date: String
    public var kind: Kind
    /// In words, an adult always the actor of an act upon the child.
    public var text: String
    public var source: Citation
}

/// A child's chronology: the dated links, missing episodes (where from, where found, with whom),
/// looked-after periods and notices, oldest first, each with its item. Built from ``ProductData``, so
/// the network filters (as-of, grade, agencies, handling codes, link types) reach every line.
///
/// Links between the child and an adult are written by ``Safeguarding/sentence(_:from:to:)``: the
/// adult is the actor ("Darren Quillfeather gave gifts to Zoë Marblewood"), from either end.
public enum Chronology {
    /// The events, oldest first (an approximate date sorts where its date falls).
    /// - Parameters:
    ///   - child: the child.
    ///   - name: what to call each entity (a label, or a pseudonym: one name per entity throughout).
    /// - Complexity: O(links, episodes, periods and notices of the child, log of their number).
    public static func events(for child: EntityID, in data: ProductData, name: (EntityID) -> String) -> [ChronologyEvent] {
        let rules = data.safeguarding
        var events: [ChronologyEvent] = []
        for l in data.linksOf[child] ?? [] {
            guard let t = l.time, let c = l.evidence.first else { continue }
            events.append(ChronologyEvent(date: t, kind: .link, text: rules.sentence(l.type, from: l.source, to: l.target).text(name), source: c))
        }
        for m in data.episodesOf[child] ?? [] {
            var text = "\(name(child)) missing" + (m.missingFrom.map { " from \(name($0))" } ?? "")
            if let f = m.foundAt { text += "; found at \(name(f))" }
            let with = m.foundWith.filter { $0 != child }
            if !with.isEmpty { text += "; found with \(with.map(name).joined(separator: ", "))" }
            events.append(ChronologyEvent(date: m.start.isoText, kind: .missing, text: text, source: m.source))
        }
        for p in data.carePeriodsOf[child] ?? [] {
            events.append(ChronologyEvent(date: p.start.text, kind: .care,
                                          text: "looked after" + (p.authority.map { " by \($0)" } ?? "") + (p.end.map { " until \($0)" } ?? ""),
                                          source: p.source))
        }
        for n in data.noticesNaming[child] ?? [] {
            events.append(ChronologyEvent(date: n.issued.text, kind: .notice,
                                          text: "\(n.type.title) issued to \(name(n.subject))" + (n.child == child ? " about \(name(child))" : ""),
                                          source: n.source))
        }
        func key(_ d: String) -> String { d.hasPrefix("~") ? String(d.dropFirst()) : d }
        // Ties (the same line from several items) go by the item, so the order never depends on
        // the order the store returned links in.
        events.sort {
            (key($0.date), $0.kind.rawValue, $0.text, $0.source.ref.description) < (key($1.date), $1.kind.rawValue, $1.text, $1.source.ref.description)
        }
        return events
    }
}
