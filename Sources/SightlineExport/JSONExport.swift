import Foundation
import SightlineModel
import SightlineReadModel

/// The network as one JSON document, Sightline's own exchange format:
/// `{"format": "sightline-export", "version": 1, "exportedAt", "entities", "links", "items"}`.
///
/// `items` holds each intelligence item once (agency, reference, recorded, grade, gradeSystem,
/// conditions: ``Citation``'s own encoding), sorted by reference; entities and links name their
/// items as `agency/reference`. Keys are sorted and the text pretty-printed, so the same graph
/// always gives the same bytes. A child's roles and dates of birth are never written (the keys are
/// absent).
public enum JSONExport {
    struct Document: Encodable {
        let format = "sightline-export"
        let version = 1
        let exportedAt: String
        let entities: [Entity]
        let links: [Link]
        let items: [Citation]
    }

    struct Entity: Encodable {
        let id: String
        let kind: String
        let label: String
        let roles: [String]?
        let datesOfBirth: [String]?
        let category: String?
        let postcode: String?
        let address: String?
        let nightTimeEconomy: Bool?
        let firstSeen: String?
        let lastSeen: String?
        let items: [String]
    }

    struct Link: Encodable {
        let id: String
        let type: String
        let source: String
        let target: String
        let twoWay: Bool
        let reads: String
        let time: String?
        let origin: String
        let items: [String]
        let firstRecorded: String?
        let lastRecorded: String?
    }

    /// The JSON document.
    /// - Throws: only what `JSONEncoder` throws (nothing for these values in practice).
    public static func document(_ g: ExportGraph) throws -> String {
        let p = PreparedGraph(g)
        var items: [IntelRef: Citation] = [:]
        let entities = p.entities.map { e -> Entity in
            let its = p.items(of: e)
            let roles = p.roles(e), births = p.datesOfBirth(e)
            return Entity(id: e.id.description, kind: e.kind.rawValue, label: e.label,
                          roles: roles.isEmpty ? nil : roles.map(\.rawValue), datesOfBirth: births.isEmpty ? nil : births,
                          category: p.category(e), postcode: p.postcode(e), address: p.address(e),
                          nightTimeEconomy: p.nightTimeEconomy(e),
                          firstSeen: its.map(\.recorded).min()?.text, lastSeen: its.map(\.recorded).max()?.text,
                          items: its.map(\.ref.description))
        }
        let links = p.links.map { l -> Link in
            let its = p.items(of: l)
            for c in its where items[c.ref] == nil { items[c.ref] = c }
            return Link(id: PreparedGraph.linkID(l), type: l.type.rawValue, source: l.source.description,
                        target: l.target.description, twoWay: !l.type.isDirected, reads: p.reads(l), time: l.time,
                        origin: l.origin.rawValue, items: its.map(\.ref.description),
                        firstRecorded: its.map(\.recorded).min()?.text, lastRecorded: its.map(\.recorded).max()?.text)
        }
        let doc = Document(exportedAt: g.exportedAt.text, entities: entities, links: links,
                           items: items.values.sorted { ($0.ref.description, $0.recorded) < ($1.ref.description, $1.recorded) })
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(doc), as: UTF8.self) + "\n"
    }
}
