import Foundation
import SightlineModel
import SightlineReadModel
import Testing

/// A citation holds typed fields but reads and encodes as it always has: every field as text.
struct CitationTests {
    @Test("description and JSON keep the text form: agency, reference, day, grade code and system")
    func textForm() throws {
        let c = Citation(agency: .socialCare, reference: "LCS-88120", recorded: Day("2024-03-04")!,
                         grade: try Grade(parsing: "1AC", conditions: "Share only within the MACE panel"))
        #expect(c.description == "social_care/LCS-88120 2024-03-04 1AC")
        #expect(c.gradeSystem == "3x5x2" && c.conditions == "Share only within the MACE panel")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(c), as: UTF8.self)
        #expect(json == #"{"agency":"social_care","conditions":"Share only within the MACE panel","grade":"1AC","gradeSystem":"3x5x2","recorded":"2024-03-04","reference":"LCS-88120"}"#)
        #expect(try JSONDecoder().decode(Citation.self, from: Data(json.utf8)) == c)

        let legacy = Citation(agency: .police, reference: "WX-24-000123", recorded: Day("2024-03-04")!, grade: try Grade(parsing: "B24"))
        let legacyJSON = String(decoding: try encoder.encode(legacy), as: UTF8.self)
        #expect(legacyJSON == #"{"agency":"police","grade":"B24","gradeSystem":"5x5x5","recorded":"2024-03-04","reference":"WX-24-000123"}"#)
        #expect(legacy.description == "police/WX-24-000123 2024-03-04 B24")
    }
}
