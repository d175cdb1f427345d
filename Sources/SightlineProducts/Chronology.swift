import SightlineModel
import SightlineReadModel
import SightlineSafeguarding

/// One dated line of a child's chronology, with the item behind it.
public struct ChronologyEvent: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case link, missing, care, notice
        /// An association the notice forbade, recorded after it was issued (and before it expired).
        case breach
        /// A parent's, carer's or local authority's recorded non-consent to an association.
        case nonConsent = "non-consent"
    }
    /// As recorded (`2024-03-04T21:50:00`, `2024-03`, `~2023-05`).
    public var date: String
    public var kind: Kind
    /// In words, an adult always the actor of an act upon the child.
    public var text: String
    public var source: Citation
}

/// A child's chronology: the dated links, missing episodes (where from, how long, where found, with
/// whom), looked-after periods, notices and their breaches, and non-consents, oldest first, each
/// with its item. Built from ``ProductData``, so
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
            if let end = m.end { text += " for \(duration(seconds: end.secondsSinceEpoch - m.start.secondsSinceEpoch))" }
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
            // Breaches: the child with the notice's subject, or at its premises, after it was issued.
            guard n.child == nil || n.child == child else { continue }
            let parties = Set([n.subject] + [n.premises].compactMap { $0 })
            for l in data.linksOf[child] ?? [] where parties.contains(ProductData.other(l, from: child)) {
                guard let t = l.time, let when = try? TimeSpec(parsing: t), let c = l.evidence.first,
                      when.start.dayNumber > n.issued.dayNumber, n.expires.map({ when.start.dayNumber <= $0.dayNumber }) ?? true else { continue }
                events.append(ChronologyEvent(date: t, kind: .breach,
                                              text: "after the \(n.type.title) of \(n.issued.text): " + rules.sentence(l.type, from: l.source, to: l.target).text(name),
                                              source: c))
            }
        }
        for r in data.nonConsentsFor[child] ?? [] {
            let who = r.adult.map(name) ?? "any adult"
            events.append(ChronologyEvent(date: r.source.recorded.text, kind: .nonConsent,
                                          text: "non-consent recorded: \(r.by.title) does not consent to \(who) associating with \(name(child))", source: r.source))
        }
        // Ties (the same line from several items) go by the item, so the order never depends on
        // the order the store returned links in.
        events.sort {
            (dateOrder($0.date), $0.kind.rawValue, $0.text, $0.source.ref.description) < (dateOrder($1.date), $1.kind.rawValue, $1.text, $1.source.ref.description)
        }
        return events
    }
}

/// A recorded date as it sorts: an approximate one (`~2023-05`) where its date falls.
func dateOrder(_ date: String) -> Substring { date.hasPrefix("~") ? date.dropFirst() : date[...] }

/// A duration in words: `45 min`, `5 h 20 min`, `3 days 4 h`.
func duration(seconds: Int) -> String {
    let minutes = max(0, seconds) / 60
    if minutes < 60 { return "\(minutes) min" }
    let hours = minutes / 60
    if hours < 48 { return minutes % 60 == 0 ? "\(hours) h" : "\(hours) h \(minutes % 60) min" }
    return hours % 24 == 0 ? "\(hours / 24) days" : "\(hours / 24) days \(hours % 24) h"
}

/// A child's chronology as a panel reads it: every line with the item behind it (agency, reference,
/// the day it was recorded, its grade and handling code, and the conditions of a C-handled item),
/// and, where the audience may see them, the agency's own summary of the item with the phrases it
/// uses from the protective-language list flagged for the panel to challenge (the agency's words
/// are never changed).
public struct ChronologyReport: Sendable, Encodable, Equatable {
    /// One line.
    public struct Line: Sendable, Encodable, Equatable {
        /// As recorded (`2024-03-04T21:50:00`, `2024-03`, `~2023-05`).
        public var date: String
        /// `link`, `missing`, `care`, `notice`, `breach`, `non-consent`.
        public var kind: String
        /// In words, an adult always the actor of an act upon the child.
        public var text: String
        public var agency: String
        public var reference: String
        public var recorded: String
        public var grade: String
        /// `P` or `C` (3x5x2), or the 5x5x5 handling code.
        public var handling: String
        public var conditions: String?
        /// The agency's own summary of the item (only when asked for and the audience may see it).
        public var summary: String?
        /// Phrases of the summary from the protective-language list, as written, with what to say instead.
        public var language: [LanguageFlag]?
        /// The item (written out as the fields above).
        public var source: Citation

        enum CodingKeys: String, CodingKey {
            case date, kind, text, agency, reference, recorded, grade, handling, conditions, summary, language
        }
    }

    /// A phrase an agency's summary uses that the protective-language list asks the panel to challenge.
    public struct LanguageFlag: Sendable, Codable, Equatable {
        public var phrase: String
        /// The words as the agency wrote them.
        public var asWritten: String
        public var sayInstead: String
    }

    /// `E12`.
    public var child: String
    /// The child's name as the disclosure gate left it.
    public var name: String
    public var lines: [Line]
    /// Patterns in the child's missing episodes (``ChronologyPatterns``).
    public var patterns: ChronologyPatterns

    /// The chronology of `child` in `data`, oldest first: every line whose date falls in the window
    /// (`from`, `until`: either may be open), approximate dates where their date falls.
    /// - Complexity: O(the child's links, episodes, periods, notices and non-consents, log of their number).
    /// - Parameter reference: the day the patterns run to when `until` is not given (nil: the data's
    ///   reference date, its newest item).
    public init(child: EntityID, in data: ProductData, from: Timestamp? = nil, until: Timestamp? = nil, reference: Timestamp? = nil) {
        self.child = child.description
        name = data.name(child)
        lines = Chronology.events(for: child, in: data, name: data.name).compactMap { e in
            if from != nil || until != nil {
                guard let t = try? TimeSpec(parsing: e.date) else { return nil }
                if let from, t.end.secondsSinceEpoch < from.secondsSinceEpoch { return nil }
                if let until, t.start.secondsSinceEpoch > until.secondsSinceEpoch { return nil }
            }
            let c = e.source
            return Line(date: e.date, kind: e.kind.rawValue, text: e.text, agency: c.agency.rawValue, reference: c.reference,
                        recorded: c.recorded.text, grade: c.grade.code, handling: c.grade.handlingCode, conditions: c.conditions,
                        summary: nil, language: nil, source: c)
        }
        patterns = ChronologyPatterns(child: child, in: data, lines: lines, reference: until ?? reference)
    }

    /// The items cited, each once, in the order of the lines.
    public var items: [Citation] { distinctEvidence(lines.map(\.source)) }

    /// Adds each line's summary (`summaries`, by item) and flags its protective-language phrases.
    public mutating func attach(summaries: [IntelRef: String]) {
        for k in lines.indices {
            guard let s = summaries[lines[k].source.ref] else { continue }
            lines[k].summary = s
            lines[k].language = ProtectiveLanguage.matches(in: s).map { LanguageFlag(phrase: $0.phrase, asWritten: $0.matched, sayInstead: $0.sayInstead) }
        }
    }
}
