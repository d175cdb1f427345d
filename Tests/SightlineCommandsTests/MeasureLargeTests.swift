import Foundation
import SightlineTestSupport
import Testing

/// `measure` on a graph above the exact-betweenness size (5,000 nodes, as `analyse`) warns and
/// says how to sample, and on a terminal shows progress (ingest's progress bar).
@Suite("measure on large graphs", .serialized)
struct MeasureLargeTests {
    /// A ring of `n` nodes: cheap for every measure, and exact betweenness is n searches.
    static func ring(_ dir: TemporaryDirectory, _ n: Int) -> String {
        var text = "source,target\n"
        for i in 0..<n { text += "n\(i),n\((i + 1) % n)\n" }
        return dir.write("ring\(n).csv", text)
    }

    @Test("22: exact betweenness above 5,000 nodes warns on standard error and names --samples; below, or sampled, it does not")
    func warning() throws {
        let dir = TemporaryDirectory()
        let big = try runSightline(["measure", "--edges", Self.ring(dir, 5_001), "--measures", "betweenness", "--format", "csv"])
        #expect(big.status == 0, "\(big.stderr)")
        #expect(big.stderr.contains("exact betweenness on 5001 nodes"), "\(big.stderr)")
        #expect(big.stderr.contains("--samples 256"), "\(big.stderr)")
        let sampled = try runSightline(["measure", "--edges", Self.ring(dir, 5_001), "--measures", "betweenness", "--samples", "50"])
        #expect(!sampled.stderr.contains("exact betweenness"), "\(sampled.stderr)")
        let small = try runSightline(["measure", "--edges", Self.ring(dir, 100)])
        #expect(!small.stderr.contains("exact betweenness"), "\(small.stderr)")
    }

    @Test("22: on a terminal, exact betweenness on a large graph shows a progress bar on standard error")
    func progress() throws {
        guard let binary = PackagePaths.binary, FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let dir = TemporaryDirectory()
        let edges = Self.ring(dir, 5_001)
        // script(1) runs the command on a pseudo-terminal, so standard error is a terminal.
        let r = try runProcess("/usr/bin/script", ["-qefc", "\(binary) measure --edges \(edges) --measures betweenness --format csv > \(dir.file("out.csv"))", "/dev/null"])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("sources") && r.stdout.contains("100%"), "\(r.stdout.suffix(300))")
        let plain = try runSightline(["measure", "--edges", edges, "--measures", "betweenness", "--format", "csv"])
        #expect(!plain.stderr.contains("100%"))
        #expect(try String(contentsOfFile: dir.file("out.csv"), encoding: .utf8) == plain.stdout)
    }
}
