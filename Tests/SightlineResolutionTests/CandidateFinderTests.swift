import SightlineModel
import SightlineResolution
import SightlineSynthetic
import Testing

/// Hand-worked scores for each row of the evidence table in docs/algorithms.md.
struct CandidateFinderTests {
    func dob(_ s: String) -> BirthDate { try! BirthDate(parsing: s) }
    func person(_ id: Int64, _ name: String, _ d: String? = nil, phones: Set<String> = [], homes: Set<String> = []) -> PersonProfile {
        PersonProfile(id: id, names: [name], dobs: d.map { [dob($0)] } ?? [], phones: phones, addresses: homes)
    }

    @Test func closeNamesAndTheSameBirthDate() {
        let c = CandidateFinder.score(person(1, "Darren QUILLFEATHER", "1989-05-12"), person(2, "QUILLFEATHER, Darren", "1989-05-12"))
        #expect(c.score == 0.85) // 0.50 + 0.35
        #expect(c.reasons == ["names match closely: \"Darren QUILLFEATHER\" and \"QUILLFEATHER, Darren\" (100%)", "same date of birth 1989-05-12"])
    }

    @Test func aNameAloneIsNeverEnough() {
        let c = CandidateFinder.score(person(1, "Darren Quillfeather"), person(2, "Darren Quillfeather"))
        #expect(c.score == 0.5)
        #expect(CandidateFinder.candidates([person(1, "Darren Quillfeather"), person(2, "Darren Quillfeather")]).isEmpty)
    }

    @Test func conflictingBirthDatesCancelTheName() {
        let c = CandidateFinder.score(person(1, "Ryan Pebblewood", "1982-06-09"), person(2, "Ryan Pebblewood", "2001-02-17"))
        #expect(c.score == 0) // 0.50 - 0.50
        #expect(c.reasons.last == "dates of birth 1982-06-09 and 2001-02-17 conflict")
    }

    @Test(arguments: [
        ("1989-05-12", "1989-05-13", 0.70, "are a day apart"),
        ("1989-05-12", "1989-12-05", 0.70, "have day and month swapped"),
        ("1989-05-12", "1988-05-12", 0.70, "differ by one digit (a likely typing error)"),
        ("1989-05-12", "1989-05-21", 0.70, "differ by one digit (a likely typing error)"), // 12/21: adjacent digits swapped
        ("1989-05-12", "1989-05", 0.70, "are within a month"),
        ("1989-05-12", "~1989", 0.60, "are compatible"),
    ])
    func nearBirthDates(a: String, b: String, expected: Double, why: String) {
        let c = CandidateFinder.score(person(1, "Jo Inkleby", a), person(2, "Jo Inkleby", b))
        #expect(c.score == expected)
        #expect(c.reasons.last?.hasSuffix(why) == true, "\(c.reasons)")
    }

    @Test func anotherNameOnTheSamePhoneWithTheSameBirthDate() {
        let c = CandidateFinder.score(person(1, "Tyrone Copperwell", "1988-01-17", phones: ["+447700900111"]),
                                      person(2, "Anton Rushmere", "1988-01-17", phones: ["+447700900111"]))
        #expect(c.score == 0.65) // 0.35 + 0.30
        #expect(c.reasons.contains("both use phone +447700900111"))
    }

    @Test func aSharedHomeAddsALittle() {
        let c = CandidateFinder.score(person(1, "Jade Wrenfield", "1989-03-02", homes: ["E9 flat"]), person(2, "Jade Wrenfield", "2010-11-28", homes: ["E9 flat"]))
        #expect(c.score == 0.15) // 0.50 - 0.50 + 0.15: a mother and daughter of the same name are not listed
    }

    @Test func emptyAndSingleInputs() {
        #expect(CandidateFinder.candidates([]).isEmpty)
        #expect(CandidateFinder.candidates([person(1, "Solo Person", "1990-01-01")]).isEmpty)
    }

    @Test func oversizedBlocksMakeNoPairs() {
        // 50 different people sharing one phone (a hostel's landline) and nothing else.
        let people = (1...50).map { person(Int64($0), "Person \($0)", phones: ["+441632960000"]) }
        #expect(CandidateFinder.candidates(people, minScore: 0).isEmpty)
        #expect(!CandidateFinder.candidates(Array(people.prefix(10)), minScore: 0).isEmpty)
    }

    @Test func plantedDuplicatesInAGeneratedPopulation() {
        // 3,000 people from the generator, with their planted name-only duplicates.
        var people: [Int64: PersonProfile] = [:]
        var ids: [String: Int64] = [:]
        var g = NetworkGenerator(options: .init(people: 3000, seed: 5)) { line in
            guard line.hasPrefix("{\"type\":\"person\"") else { return }
            let id = String(line.split(separator: "\"")[7])
            let name = String(line.split(separator: "\"")[11])
            let d = line.range(of: "\"dob\":\"").map { String(line[$0.upperBound...].prefix { $0 != "\"" }) }
            let key = ids[id] ?? Int64(ids.count + 1)
            ids[id] = key
            people[key] = PersonProfile(id: key, names: [name], dobs: d.flatMap { try? BirthDate(parsing: $0) }.map { [$0] } ?? [])
        }
        let truth = g.run()
        let found = CandidateFinder.candidates(people.values.sorted { $0.id < $1.id })
        let pairs = Set(found.map { [$0.a, $0.b] })
        // Phones are not in these profiles, so the "another name, same phone" plants cannot be found here.
        let findable = truth.nameOnlyDuplicates.filter { $0.2 != "another name, same phone" }
        let hits = findable.filter { pairs.contains([ids[$0.0]!, ids[$0.1]!].sorted()) }
        #expect(hits.count == findable.count)
        #expect(!truth.traps.contains { pairs.contains([ids[$0.0]!, ids[$0.1]!].sorted()) })
    }
}
