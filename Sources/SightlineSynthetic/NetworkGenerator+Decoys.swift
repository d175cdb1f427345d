import SightlineIngest
import SightlineModel

extension NetworkGenerator {
    /// What ``plantDecoys(groups:children:homes:publicPlaces:start:span:)`` plants: places, adults,
    /// vehicles and phones that look heavily linked to children at risk and suspects, but only on
    /// the word of one agency's weak items (source 2 or 3, assessment D or E) — a mistaken or
    /// malicious report. None of them is part of the planted truth; a list that ranks them has
    /// been misled by volume.
    public struct DecoyTruth: Sendable, Equatable {
        public var locations: [String] = []
        public var people: [String] = []
        public var vehicles: [String] = []
        public var phones: [String] = []
        /// How many items the decoys added, and how many the rest of the network has.
        public var items = 0
        public var otherItems = 0
        public var isEmpty: Bool { locations.isEmpty && people.isEmpty && vehicles.isEmpty && phones.isEmpty }
    }

    /// The grades a decoy's items carry: an untested or unreliable source, not known or suspected false.
    static let decoyGrades = ["3EP", "3DP", "2EP", "2DP"]

    /// Writes an item of one of ``decoyGrades`` (no random grade, never an old item) and returns its citation.
    mutating func decoyItem(_ agency: Agency, grade: String, on day: Timestamp, summary: String) -> String {
        itemCounter += 1
        decoyTruth.items += 1
        let ref = "\(Self.refPrefix(agency))-G\(options.seed)-\(itemCounter)"
        let recorded = Timestamp(dayNumber: day.dayNumber + rng.int(0...6))
        write([("type", .string("item")), ("agency", .string(agency.rawValue)), ("ref", .string(ref)),
               ("recorded", .string(recorded.dateText)), ("observed", .string(day.dateText)),
               ("grade", .string(grade)), ("summary", .string(summary))])
        return "\(agency.rawValue)/\(ref)"
    }

    /// Plants decoys after everything else (so the rest of the network, and its truth, are unchanged)
    /// until their items are about ``Options/decoyRate`` of all items: a place, an adult, a vehicle
    /// and a phone in turn, each linked to 8 to 20 children at risk and 3 to 8 group members, every
    /// item about one decoy from one agency (`other` half the time) with one weak grade.
    mutating func plantDecoys(groups: [[Person]], children: [Person], homes: [String], publicPlaces: [String], start: Timestamp, span: Int) {
        let rate = min(0.5, max(0, options.decoyRate))
        guard rate > 0, !children.isEmpty, !groups.isEmpty else { return }
        let base = itemCounter
        decoyTruth.otherItems = base
        // decoys / (base + decoys) = rate.
        let target = Int((Double(base) * rate / (1 - rate)).rounded())
        let suspects = groups.flatMap { $0 }
        let agencies: [Agency] = [.other, .other, .other, .other, .other, .police, .education, .health, .housing, .voluntary]
        var k = 0
        while decoyTruth.items < target {
            let agency = rng.pick(agencies)
            let grade = rng.pick(Self.decoyGrades)
            let kids = (0..<rng.int(8...20)).map { _ in rng.pick(children) }
            let adults = (0..<rng.int(3...8)).map { _ in rng.pick(suspects) }
            let number = k / 4 + 1
            switch k % 4 {
            case 0: decoyPlace(number, agency: agency, grade: grade, kids: kids, adults: adults, start: start, span: span)
            case 1: decoyAdult(number, agency: agency, grade: grade, kids: kids, adults: adults, homes: homes, publicPlaces: publicPlaces, start: start, span: span)
            case 2: decoyVehicle(number, agency: agency, grade: grade, kids: kids, adults: adults, start: start, span: span)
            default: decoyPhone(agency: agency, grade: grade, kids: kids, adults: adults, start: start, span: span)
            }
            k += 1
        }
    }

    /// A place where children and suspects are reported late at night: three reports per child,
    /// each naming two or three of the children and two or three of the suspects there within the hour.
    mutating func decoyPlace(_ number: Int, agency: Agency, grade: String, kids: [Person], adults: [Person], start: Timestamp, span: Int) {
        let (category, name) = rng.pick(FictionalNames.businesses)
        let first = decoyItem(agency, grade: grade, on: randomDay(from: start, days: span), summary: "Caller reports a place where young people gather late at night.")
        let place = newLocation(category: category, name: "\(name) (annexe \(number))", item: first)
        for i in 0..<(3 * kids.count) {
            let day = randomDay(from: start, days: span)
            let it = decoyItem(agency, grade: grade, on: day, summary: "Caller reports children and adults seen at \(name) (annexe \(number)) late at night.")
            let t = at(day, evening: true)
            for j in 0..<rng.int(2...3) {
                link(.atLocation, kids[(i + j) % kids.count].id, place, at: t, item: it)
            }
            for j in 0..<rng.int(2...3) {
                let later = Timestamp(secondsSinceEpoch: t.secondsSinceEpoch + rng.int(0...50) * 60)
                link(.atLocation, adults[(i + j) % adults.count].id, place, at: later, item: it)
            }
        }
        for a in adults { link(.frequents, a.id, place, at: nil, item: first) }
        decoyTruth.locations.append(place)
    }

    /// An adult (25 to 60 at the end of 2025) recorded as a suspect, seen with many children at night
    /// and found with every other one of them on two to four missing episodes within a year.
    mutating func decoyAdult(_ number: Int, agency: Agency, grade: String, kids: [Person], adults: [Person], homes: [String],
                             publicPlaces: [String], start: Timestamp, span: Int) {
        // Born 1966-06-01 to 2000-06-01: 25 to 59 on any day of 2026, so eligible to be ranked.
        let born = Timestamp(dayNumber: Timestamp(year: 1966, month: 6, day: 1)!.dayNumber + rng.int(0...(34 * 365)))
        let p = Person(id: "person:niche/X\(number)", forename: rng.pick(FictionalNames.forenames),
                       surname: rng.pick(FictionalNames.surnameHeads) + rng.pick(FictionalNames.surnameTails),
                       dob: born, phone: "", home: rng.pick(homes))
        let first = decoyItem(agency, grade: grade, on: randomDay(from: start, days: span), summary: "Report naming an adult said to be with children late at night.")
        personRecord(p, name: "\(p.forename) \(p.surname.uppercased())", dob: born.dateText, roles: ["suspect"], item: first)
        link(.residesAt, p.id, p.home, at: nil, item: first)
        for a in adults { link(.associatesWith, p.id, a.id, at: nil, item: first) }
        for (i, child) in kids.enumerated() {
            let day = randomDay(from: start, days: span)
            let it = decoyItem(agency, grade: grade, on: day, summary: "Adult reported seen with a child late at night.")
            link(.seenWith, p.id, child.id, at: at(day, evening: true), item: it)
            // Every other child: found with the adult on two to four missing episodes within a year.
            guard i % 2 == 0 else { continue }
            let firstDay = randomDay(from: start, days: span - 365)
            for _ in 0..<rng.int(2...4) {
                let d = Timestamp(dayNumber: firstDay.dayNumber + rng.int(0...360))
                let s = at(d, evening: true)
                let e = Timestamp(secondsSinceEpoch: s.secondsSinceEpoch + rng.int(4...30) * 3600)
                let mi = decoyItem(agency, grade: grade, on: d, summary: "Report that a missing child was found with an adult.")
                write([("type", .string("missing")), ("child", .string(child.id)), ("start", .string(String(s.isoText.prefix(16)))),
                       ("end", .string(String(e.isoText.prefix(16)))), ("missingFrom", .string(child.home)),
                       ("foundAt", .string(rng.pick(publicPlaces))), ("foundWith", .array([.string(p.id)])), ("item", .string(mi))])
            }
        }
        decoyTruth.people.append(p.id)
    }

    /// A vehicle children are reported travelling in at night, with a suspect driving.
    mutating func decoyVehicle(_ number: Int, agency: Agency, grade: String, kids: [Person], adults: [Person], start: Timestamp, span: Int) {
        let v = "vehicle:" + Self.decoyPlate(number)
        let first = decoyItem(agency, grade: grade, on: randomDay(from: start, days: span), summary: "Report of a car seen picking up young people.")
        write([("type", .string("vehicle")), ("id", .string(v)), ("make", .string(rng.pick(["Vauxhall", "Ford", "BMW", "Toyota"]))),
               ("colour", .string(rng.pick(["silver", "black", "white", "blue"]))), ("item", .string(first))])
        for (i, child) in kids.enumerated() {
            let day = randomDay(from: start, days: span)
            let it = decoyItem(agency, grade: grade, on: day, summary: "Child reported travelling in a car driven by an adult.")
            let t = at(day, evening: true)
            link(.travelledIn, child.id, v, at: t, item: it)
            link(.driverOf, adults[i % adults.count].id, v, at: t, item: it)
        }
        decoyTruth.vehicles.append(v)
    }

    /// A decoy's registration: "WX<age> Z<letter><Q or Z>". Real generated plates never start their
    /// letters with Z, so a decoy never shares a real vehicle's plate (and its items); the first 690
    /// decoy vehicles have plates of their own, later ones repeat them.
    static func decoyPlate(_ number: Int) -> String {
        let letters = Array("ABCDEFGHJKLMNOPRSTUVWXY")
        let k = number - 1
        let age = 10 + (k / letters.count) % 15
        return "WX\(age) Z\(letters[k % letters.count])\((k / (letters.count * 15)) % 2 == 0 ? "Q" : "Z")"
    }

    /// A phone said to have called many children's phones, used by suspects.
    mutating func decoyPhone(agency: Agency, grade: String, kids: [Person], adults: [Person], start: Timestamp, span: Int) {
        let phone = "phone:" + newPhone()
        let first = decoyItem(agency, grade: grade, on: randomDay(from: start, days: span), summary: "Report of a number said to be used by adults to contact children.")
        for a in adults { link(.usesPhone, a.id, phone, at: nil, item: first) }
        for child in kids {
            let day = randomDay(from: start, days: span)
            let it = decoyItem(agency, grade: grade, on: day, summary: "Child's phone reported contacted by a number linked to adults.")
            link(.contacted, phone, "phone:" + spelled(child.phone), at: at(day, evening: true),
                 item: it, extra: [("mode", .string("call")), ("duration", .number(String(rng.int(10...600))))])
        }
        decoyTruth.phones.append(phone)
    }
}
