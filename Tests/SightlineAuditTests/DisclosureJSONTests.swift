import Foundation
@testable import SightlineAudit
import SightlineSynthetic
import Testing

/// The log writes an entry's `disclosed` JSON itself (for speed); what it writes must be what
/// `JSONEncoder` with sorted keys writes, the reference here.
@Suite struct DisclosureJSONTests {
    static func reference(_ d: Disclosure) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(d), as: UTF8.self)
    }

    @Test func sameAsJSONEncoderOnAwkwardText() throws {
        let awkward = ["", "plain", "quote \" and back\\slash", "slash / kept", "tab\tnew\nline\rret", "\u{08}\u{0C}\u{01}\u{1F}\u{7F}",
                       "naïve café", "emoji 🧒🏽", "police/WX-24-000123", "<tag>&amp;", "\u{2028}\u{2029}"]
        let d = Disclosure(entities: awkward, items: awkward.reversed(), counts: ["rows": 3, "Zeta": -1, "alpha": 0, "a10": 1, "a9": 2, "": 7],
                           files: [Disclosure.File(path: "/tmp/a b/\"x\".csv", sha256: "00ff")],
                           opaque: ["DABC": "police/A-1", "D2XY": "social_care/\"B\"", "Dabc": "x", "é": "y", "E": "z"])
        #expect(d.jsonText == (try Self.reference(d)))
        let bare = Disclosure()
        #expect(bare.jsonText == (try Self.reference(bare)))
    }

    @Test func sameAsJSONEncoderOnGeneratedEntries() throws {
        var g = SplitMix64(seed: 7)
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789abc/_-\" \\é\n")
        func text(_ n: Int) -> String { String((0..<n).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] }) }
        for _ in 0..<20 {
            var opaque: [String: String] = [:]
            for _ in 0..<Int(g.next() % 50) { opaque["D" + text(12)] = text(10) }
            var counts: [String: Int] = [:]
            for _ in 0..<Int(g.next() % 5) { counts[text(4)] = Int(g.next() % 1000) }
            let d = Disclosure(entities: (0..<Int(g.next() % 30)).map { _ in text(6) }, items: (0..<Int(g.next() % 30)).map { _ in text(9) },
                               counts: counts, files: [Disclosure.File(path: text(8), sha256: text(64))], opaque: opaque.isEmpty ? nil : opaque)
            #expect(d.jsonText == (try Self.reference(d)))
        }
    }
}
