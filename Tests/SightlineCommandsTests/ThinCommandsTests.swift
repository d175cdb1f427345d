import Foundation
import SightlineTestSupport
import Testing

/// The commands stay thin: report building lives in the libraries (SightlineAnalysis,
/// SightlineProducts, SightlineRender), where it can be tested in-process and where the
/// safeguarding rules are asked once. A crude guard: no command file imports SightlineGraph or
/// works on a `Graph` (`Graph(...)`, `Graph.`, `.graph`) unless it is listed here with a reason.
@Suite("commands stay thin")
struct ThinCommandsTests {
    /// Files that may still work on a graph, and why.
    static let allowed: [String: String] = [
        "Measure.swift": "measure builds a Graph from any edge list (no store, no people); its measures and timing harness are EdgeListMeasures and MeasureTimings in SightlineAnalysis",
        "Impact.swift": "impact --edges draws the disruption curve of any edge list (the store path is ImpactReport in SightlineAnalysis)",
    ]

    static let patterns = [#"import\s+SightlineGraph\b"#, #"\bGraph\s*\("#, #"\bGraph\."#, #"\.graph\b"#]

    @Test("no command file imports SightlineGraph or computes over a Graph, outside the allow-list")
    func noGraphInCommands() throws {
        let folder = PackagePaths.root + "/Sources/SightlineCommands"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swift") }.sorted()
        #expect(files.count > 20, "the commands' sources were not found in \(folder)")
        let regexes = try Self.patterns.map { try NSRegularExpression(pattern: $0) }
        var offenders: [String] = []
        for file in files where Self.allowed[file] == nil {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for (pattern, regex) in zip(Self.patterns, regexes) where regex.firstMatch(in: text, range: range) != nil {
                offenders.append("\(file) (\(pattern))")
            }
        }
        #expect(offenders.isEmpty, "report building belongs in a library (SightlineAnalysis, SightlineProducts): \(offenders)")
        // The allow-list names only files that exist, so it cannot outlive them unnoticed.
        #expect(Set(Self.allowed.keys).isSubset(of: Set(files)))
    }
}
