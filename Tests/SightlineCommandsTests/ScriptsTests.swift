import Foundation
import SightlineTestSupport
import Testing

/// The README's two commands and CI run shell scripts that no other test runs whole: each must at
/// least parse (`bash -n`), so a broken quote cannot reach a new user (the demo's closing lines once
/// could not).
@Suite("scripts")
struct ScriptsTests {
    @Test("every shell script of the repository parses")
    func parse() throws {
        let scripts = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.root + "/scripts")
            .filter { $0.hasSuffix(".sh") }.map { PackagePaths.root + "/scripts/" + $0 } + [PackagePaths.root + "/.ci/run"]
        #expect(scripts.count >= 5)
        for s in scripts {
            let r = try runProcess("/bin/bash", ["-n", s])
            #expect(r.status == 0, "\(s): \(r.stderr)")
        }
    }
}
