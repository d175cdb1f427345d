import GRDB
import SightlineIngest
import SightlineModel
import SightlineReadModel
import SightlineSafeguarding

/// The safeguarding rules an ingest run keeps (the rules themselves are in `SightlineSafeguarding`):
/// a notice names only the parties ``Safeguarding/noticeRefusal(_:subject:child:premises:issued:)``
/// allows, and a record never merges by identifier two people that
/// ``Safeguarding/mergeProblem(_:_:on:)`` refuses to merge, or that an analyst has kept apart.
extension IngestWriter {
    /// Two entities an analyst has kept apart, with who, when and why.
    struct KeptApart {
        var a: Int64
        var b: Int64
        var actor: String
        var at: String
        var reason: String
    }

    /// A notice as written, with its parties' entities, to be checked at the end of the run.
    struct WrittenNotice {
        var location: SourceLocation
        var record: NoticeRecord
        var subject: Int64
        var child: Int64?
        var premises: Int64?
    }

    /// One entity as the rules see it: every role and date of birth recorded for it or any entity
    /// merged into it, as written so far in this run.
    func safeguardingEntity(_ id: Int64) throws -> NetworkEntity {
        let survivor = canonical(id)
        return try SightlineStore.safeguardingEntity(members: try SightlineStore.memberList(survivor, db), id: survivor, db)
    }

    // MARK: Notices

    /// Refuses the first notice of the run whose parties the rules refuse, judged on its issued day
    /// with everything the run has written (so a notice may come before its parties' records).
    ///
    /// Called after every record is written and before the run commits. A refusal stops the run,
    /// with `--quarantine` too: the notice's unit was written long ago and cannot be set aside alone.
    /// - Throws: ``IngestError/badField(_:field:value:reason:)`` naming the notice's file and line,
    ///   the field (`subject`, `child` or `premises`) and the reason.
    /// - Complexity: O(notices x the parties' roles and dates of birth).
    func checkNotices() throws {
        for n in notices {
            let subject = try safeguardingEntity(n.subject)
            let child = try n.child.map(safeguardingEntity)
            let premises = try n.premises.map(safeguardingEntity)
            guard let (party, reason) = Safeguarding.noticeRefusal(n.record.type, subject: subject, child: child,
                                                                   premises: premises, issued: n.record.issued) else { continue }
            let value: StrongIdentifier? = switch party {
            case .subject: n.record.subject
            case .child: n.record.child
            case .premises: n.record.premises
            }
            throw IngestError.badField(n.location, field: party.rawValue, value: value?.description,
                                       reason: "is refused: \(reason)")
        }
    }

    // MARK: Merges by identifier

    /// Why the entity record must not be written (nil: it may): its identifiers belong to two or
    /// more stored entities that an analyst has kept apart, or that the safeguarding rules refuse to
    /// merge on the run's day (a child and an adult; dates of birth years apart). Such a merge is
    /// never made silently: the record is refused, naming both entities.
    /// - Complexity: O(identifiers), plus the entities' roles and dates of birth when a merge is due.
    func mergeRefusal(_ e: EntityRecord, at location: SourceLocation) throws -> IngestError? {
        var survivors: [Int64] = []
        for identifier in e.identifiers {
            if let id = try lookup(identifier), !survivors.contains(canonical(id)) { survivors.append(canonical(id)) }
        }
        guard survivors.count > 1 else { return nil }
        func refuse(_ reason: String) -> IngestError {
            .badField(location, field: "ids", value: e.identifiers.map(\.description).joined(separator: ", "),
                      reason: "is refused: the record names identifiers of \(survivors.map { EntityID($0).description }.joined(separator: " and ")), which would merge them; \(reason)")
        }
        for k in keptApart {
            let (a, b) = (canonical(k.a), canonical(k.b))
            if a != b, survivors.contains(a), survivors.contains(b) {
                let (ea, eb) = (try safeguardingEntity(a), try safeguardingEntity(b))
                return refuse("\(ea.id) \(ea.label) and \(eb.id) \(eb.label) were kept apart by \(k.actor) on \(k.at) (\(k.reason)). Correct the source record, or merge them with 'sightline resolve merge' if they are one person after all")
            }
        }
        guard e.kind == .person else { return nil }
        let people = try survivors.map(safeguardingEntity)
        for i in people.indices {
            for j in people.indices where j > i {
                if let problem = Safeguarding.mergeProblem(people[i], people[j], on: day) {
                    return refuse("\(problem). Correct the source record, or merge them with 'sightline resolve merge --override' if they are one person after all")
                }
            }
        }
        return nil
    }
}
