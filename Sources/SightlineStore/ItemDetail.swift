import SightlineModel

/// One intelligence item whole (`sightline item AGENCY/REF`): the item as cited, when it was
/// observed, its grade part by part, its summary, where it came from, and everything it supports.
///
/// Every entity is shown as its survivor when it has been merged (``Party/id``); a record or role
/// filed under an entity since merged into another says which (`mergedFrom`). A command prints only
/// what this value holds, so that a disclosure gate can screen the value before it is printed.
public struct ItemDetail: Sendable, Codable {
    /// The item as cited everywhere: agency, reference, the day recorded, the grade (code and
    /// system) and, for C-handled items, the handling conditions.
    public var citation: Citation
    /// When what the item records happened, as the agency wrote it; nil when not recorded.
    public var observed: Observed?
    /// The grade's parts: source evaluation, assessment, handling (``Citation/grade`` has the code).
    public var grade: GradeParts
    public var summary: String?
    /// The file and line the item was read from, in its last ingest run.
    public var sourceFile: String?
    public var sourceLine: Int?
    /// The run that last wrote the item (a re-ingest replaces what an item said), and the run that
    /// first stored it (what `--since` compares); the same run when it was stored once.
    public var run: RunInfo?
    public var firstRun: RunInfo?
    /// What the item says about each entity: one record per entity it was filed under, in the order
    /// of the (surviving) entities.
    public var records: [RecordInfo]
    /// Roles the item records, in the order of the (surviving) entities.
    public var roles: [RoleInfo]
    /// The links this item is evidence for, in time order.
    public var links: [LinkInfo]
    public var missingEpisodes: [EpisodeInfo]
    /// Periods in local-authority care.
    public var lookedAfter: [PeriodInfo]
    public var notices: [NoticeInfo]
    public var nonConsents: [NonConsentInfo]

    /// An entity as the item shows it: its (surviving) ID, kind and label.
    public struct Party: Sendable, Codable, Hashable, CustomStringConvertible {
        public var id: String
        public var kind: String
        public var label: String
        /// `E12 Darren Quillfeather`, or the ID alone when the entity has no label.
        public var description: String { label.isEmpty ? id : "\(id) \(label)" }
    }

    /// An observed time: `start` and `end` (`YYYY-MM-DDTHH:MM:SS`) bound what the agency wrote
    /// (`text`, in its canonical form, `~` before an approximate time as in a link's time:
    /// `2024-03-02T21:40`, `~2024-02`, `2024-03-01/2024-03-03`).
    public struct Observed: Sendable, Codable, Hashable {
        public var start: String?
        public var end: String?
        public var text: String?
        public var approximate: Bool
    }

    /// A grade part by part. 3x5x2: source `1`-`3`, assessment `A`-`E`, handling `P` or `C`;
    /// 5x5x5: source `A`-`E`, intelligence `1`-`5`, handling `1`-`5`.
    public struct GradeParts: Sendable, Codable, Hashable {
        public var sourceEvaluation: String
        public var assessment: String
        public var handling: String

        public init(_ grade: Grade) {
            switch grade {
            case let .current(s, a, h, _): (sourceEvaluation, assessment, handling) = (String(s), String(a), h.rawValue)
            case let .legacy(s, i, h): (sourceEvaluation, assessment, handling) = (String(s), String(i), String(h))
            }
        }
    }

    /// An ingest run: when it started and finished, who ran it, the files it read.
    public struct RunInfo: Sendable, Codable, Hashable {
        public var id: Int64
        public var started: String
        public var finished: String?
        public var actor: String
        public var files: [String]
    }

    public struct RecordInfo: Sendable, Codable {
        public var entity: Party
        /// The entity the record was filed under, when that has since been merged into `entity`.
        public var mergedFrom: String?
        /// The identifier the record is filed under (`person:niche/PN-1001`).
        public var identifier: String
        public var name: String?
        public var aliases: [String]
        /// The date of birth as recorded (`~` before an approximate one).
        public var dob: String?
        /// make, model, colour, address, postcode, category, nte, lat, lon, orgType.
        public var details: [String: String]
    }

    public struct RoleInfo: Sendable, Codable {
        public var entity: Party
        public var mergedFrom: String?
        public var role: String
    }

    public struct LinkInfo: Sendable, Codable {
        public var id: Int64
        public var type: String
        /// The ends as recorded: from `from` to `to` for directed types; lower ID first otherwise.
        public var from: Party
        public var to: Party
        public var directed: Bool
        public var time: String?
        /// `asserted` or `inferred`.
        public var origin: String
        /// Mode, duration, substance: `call, 94 s`.
        public var detail: String?
        /// The link in words, an adult always the actor of an act upon a child
        /// (``Safeguarding/sentence(_:from:to:)``), as `show` writes it.
        public var reads: String
        /// The other items behind the link, if any.
        public var otherEvidence: [Citation]
    }

    public struct EpisodeInfo: Sendable, Codable {
        public var child: Party
        public var start: String
        public var end: String?
        public var missingFrom: Party?
        public var foundAt: Party?
        public var foundWith: [Party]
    }

    public struct PeriodInfo: Sendable, Codable {
        public var child: Party
        public var from: String
        public var to: String?
        public var authority: String?
    }

    public struct NoticeInfo: Sendable, Codable {
        public var type: String
        public var subject: Party
        public var child: Party?
        public var premises: Party?
        public var issued: String
        public var officer: String?
        public var expires: String?
    }

    /// Non-consent to an adult's association with a child: `adult` nil means any adult.
    public struct NonConsentInfo: Sendable, Codable {
        public var child: Party
        public var adult: Party?
        /// `parent`, `carer` or `local_authority`.
        public var by: String
    }
}
