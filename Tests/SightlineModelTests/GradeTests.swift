import Testing
@testable import SightlineModel

/// Grades: 3x5x2 (source 1-3, assessment A-E, handling P/C) and legacy 5x5x5 kept as graded.
/// Expected values are read off the definitions in docs/formats.md.
struct GradeTests {
    @Test(arguments: ["2BP", "2bp", "2-B-P", "2/B/P", "2 B P", "2.b.p", " 2BP "])
    func currentGradeSpellings(text: String) throws {
        let g = try Grade(parsing: text)
        #expect(g == .current(source: 2, assessment: "B", handling: .permitted, conditions: nil))
        #expect(g.system == "3x5x2")
        #expect(g.code == "2BP")
        #expect(g.evaluation == "2B")
        #expect(g.handlingCode == "P")
        #expect(g.conditions == nil)
    }

    @Test func everyCurrentGradeParses() throws {
        var count = 0
        for s in 1...3 {
            for a in ["A", "B", "C", "D", "E"] {
                let p = try Grade(parsing: "\(s)\(a)P")
                #expect(p.code == "\(s)\(a)P")
                let c = try Grade(parsing: "\(s)\(a)C", conditions: "Share only within the MACE panel")
                #expect(c.code == "\(s)\(a)C")
                #expect(c.conditions == "Share only within the MACE panel")
                count += 2
            }
        }
        #expect(count == 30) // 3 x 5 x 2
    }

    @Test func handlingCNeedsConditions() throws {
        #expect(throws: Grade.ParseError.conditionsMissing) { try Grade(parsing: "1AC") }
        #expect(throws: Grade.ParseError.conditionsMissing) { try Grade(parsing: "1AC", conditions: "") }
        #expect(throws: Grade.ParseError.conditionsMissing) { try Grade(parsing: "1AC", conditions: "  \t ") }
        let g = try Grade(parsing: "1-A-C", conditions: "  Share only within the MACE panel \n")
        #expect(g == .current(source: 1, assessment: "A", handling: .conditions, conditions: "Share only within the MACE panel"))
        #expect(g.handlingCode == "C")
    }

    @Test func blankConditionsOnPAreDropped() throws {
        #expect(try Grade(parsing: "3EP", conditions: "   ") == .current(source: 3, assessment: "E", handling: .permitted, conditions: nil))
    }

    @Test(arguments: [("B24", Character("B"), 2, 4), ("b-2-4", "B", 2, 4), ("A11", "A", 1, 1), ("E 5 5", "E", 5, 5), ("c/3/1", "C", 3, 1)])
    func legacyGrades(text: String, source: Character, intelligence: Int, handling: Int) throws {
        let g = try Grade(parsing: text)
        #expect(g == .legacy(source: source, intelligence: intelligence, handling: handling))
        #expect(g.system == "5x5x5")
        #expect(g.code == "\(source)\(intelligence)\(handling)")
        #expect(g.evaluation == "\(source)\(intelligence)")
        #expect(g.handlingCode == "\(handling)")
        #expect(g.conditions == nil)
    }

    @Test(arguments: [
        ("", Grade.ParseError.malformed), ("2B", .malformed), ("2BPP", .malformed), ("XYZ", .malformed),
        ("F24", .malformed), ("#AP", .malformed),
        ("0AP", .sourceOutOfRange), ("4AP", .sourceOutOfRange), ("9EC", .sourceOutOfRange),
        ("2FP", .assessmentOutOfRange), ("21P", .assessmentOutOfRange),
        ("2BX", .handlingOutOfRange), ("2B1", .handlingOutOfRange),
        ("B64", .assessmentOutOfRange), ("B04", .assessmentOutOfRange), ("BX4", .assessmentOutOfRange),
        ("B20", .handlingOutOfRange), ("B26", .handlingOutOfRange), ("B2P", .handlingOutOfRange),
    ])
    func rejected(text: String, error: Grade.ParseError) {
        #expect(throws: error) { try Grade(parsing: text, conditions: "some conditions") }
    }

    @Test func errorDescriptionsSayWhatToWrite() {
        #expect(Grade.ParseError.conditionsMissing.description.contains("'conditions'"))
        #expect(Grade.ParseError.malformed.description.contains("2BP"))
        #expect(Grade.ParseError.malformed.description.contains("B24"))
        #expect(Grade.ParseError.sourceOutOfRange.description == "source evaluation must be 1, 2 or 3")
    }

    @Test func rebuildsStoredGrades() {
        #expect(Grade(system: "3x5x2", evaluation: "2B", handling: "P", conditions: nil)
            == .current(source: 2, assessment: "B", handling: .permitted, conditions: nil))
        #expect(Grade(system: "3x5x2", evaluation: "1A", handling: "C", conditions: "MACE only")
            == .current(source: 1, assessment: "A", handling: .conditions, conditions: "MACE only"))
        #expect(Grade(system: "5x5x5", evaluation: "B2", handling: "4", conditions: nil) == .legacy(source: "B", intelligence: 2, handling: 4))
        // The stored system must agree with the grade's own shape.
        #expect(Grade(system: "5x5x5", evaluation: "2B", handling: "P", conditions: nil) == nil)
        #expect(Grade(system: "3x5x2", evaluation: "B2", handling: "4", conditions: nil) == nil)
        // C without its conditions cannot be rebuilt.
        #expect(Grade(system: "3x5x2", evaluation: "1A", handling: "C", conditions: nil) == nil)
    }

    @Test func roundTripThroughStoredParts() throws {
        for text in ["1AP", "2BP", "3EP", "B24", "A11", "E55"] {
            let g = try Grade(parsing: text)
            #expect(Grade(system: g.system, evaluation: g.evaluation, handling: g.handlingCode, conditions: g.conditions) == g)
        }
        let c = try Grade(parsing: "2DC", conditions: "police only")
        #expect(Grade(system: c.system, evaluation: c.evaluation, handling: c.handlingCode, conditions: c.conditions) == c)
    }
}
