/// Every command that shows or writes personal data, with the entities its request names: each runs
/// through its disclosure gate (``SightlineMain/runDisclosing(_:_:arguments:)``). A command that
/// shows personal data and is not here cannot screen or log what it shows: the canary test
/// (Tests/SightlineCommandsTests/CanaryTests.swift) runs every subcommand and fails on one that leaks.
extension Show: Discloses { var requestNames: [String] { [entity] } }
extension Entities: Discloses {}
extension ExportCommand: Discloses {
    static var isExport: Bool { true }
    var requestNames: [String] { (ego.map { [$0] } ?? []) + path }
    var namesChildren: Bool { nameChildren }
}
extension ItemCommand: Discloses { var namesChildren: Bool { nameChildren } }
extension Stats: Discloses {}
extension Review: Discloses {}
extension Resolve.Candidates: Discloses {}
extension Resolve.History: Discloses {}
extension PathCommand: Discloses { var requestNames: [String] { [a, b] } }
extension EgoCommand: Discloses { var requestNames: [String] { [entity] } }
extension CoPresenceCommand: Discloses { var requestNames: [String] { entity.map { [$0] } ?? [] } }
extension Analyse: Discloses {}
extension Impact: Discloses {
    var requestNames: [String] { entity.map { [$0] } ?? [] }
    var disclosesPersonalData: Bool { edges == nil }
}
extension RenderEgo: Discloses { var requestNames: [String] { [entity] } }
extension RenderCluster: Discloses {}
extension RenderConnect: Discloses { var requestNames: [String] { entities } }
extension RenderHotspot: Discloses { var requestNames: [String] { places } }
extension RenderOverview: Discloses {}
extension RenderPath: Discloses { var requestNames: [String] { [a, b] } }
extension RenderTimeline: Discloses { var requestNames: [String] { [child] } }
extension DisruptLocations: Discloses { var namesChildren: Bool { disrupt.nameChildren } }
extension DisruptPeople: Discloses { var namesChildren: Bool { disrupt.nameChildren } }
extension DisruptPhones: Discloses { var namesChildren: Bool { disrupt.nameChildren } }
extension DisruptVehicles: Discloses { var namesChildren: Bool { disrupt.nameChildren } }
/// Police analysts only (no partner's profile lists it): it writes to the store, and what it prints
/// (the subject and the child, by name) is logged as a consultation.
extension NoticesRecord: Discloses { var requestNames: [String] { [subject] + [child, premises].compactMap { $0 } } }
extension NoticesCandidates: Discloses { var namesChildren: Bool { nameChildren } }
extension TrawlMissing: Discloses { var namesChildren: Bool { nameChildren } }
extension MissingBriefCommand: Discloses { var requestNames: [String] { [child] } }
extension ChronologyCommand: Discloses { var requestNames: [String] { [child] } }
extension PackCommand: Discloses {
    /// Every pack has its purpose logged, as an export does.
    static var isExport: Bool { true }
    var requestNames: [String] { childNames }
}
