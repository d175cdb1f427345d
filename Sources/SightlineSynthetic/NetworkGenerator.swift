import SightlineIngest
import SightlineModel

/// Generates a fictional network of any size with the structure of the samples: offending groups
/// that share vehicles, phones and addresses; brokers between groups; children at risk with
/// missing episodes at hotspot locations; a background population; and planted duplicate people.
/// It writes canonical JSON Lines (docs/formats.md) and returns the planted truth, so that analysis
/// and resolution can be scored against it.
///
/// Phone numbers: the first 1,000 are Ofcom's drama range (07700 900000-900999), written in mixed
/// spellings; beyond that numbers use the unassigned country code +999, so no generated number can
/// belong to anyone. Registrations end in Q or Z, letters never issued in that position.
public struct NetworkGenerator {
    public struct Options: Sendable {
        public var people: Int
        public var seed: UInt64
        /// Share of people given a planted duplicate record (name-only or strong-identifier).
        public var duplicateRate: Double = 0.03
        /// Plant the cases the safeguarding rules must withstand (``SafeguardingTruth``).
        public var safeguardingCases = false
        /// Share of all items that are about single-source decoys (0 to 0.5; ``DecoyTruth``).
        public var decoyRate: Double = 0
        public init(people: Int, seed: UInt64) { self.people = people; self.seed = seed }
    }

    /// The planted truth, written as truth.json.
    public struct Truth: Sendable {
        public var groups: [[String]] = []
        public var groupKeyAdults: [String] = []
        public var brokers: [String] = []
        public var hotspots: [String] = []
        public var children: [String] = []
        /// Pairs of person identifiers that are one person but share no strong identifier.
        public var nameOnlyDuplicates: [(String, String, String)] = []
        /// Pairs that must merge automatically (one record names the other's identifier).
        public var strongDuplicates: [(String, String)] = []
        /// Pairs with the same name that are different people.
        public var traps: [(String, String)] = []
        /// Each group's two shared vehicles and two shared phones.
        public var groupVehicles: [String] = []
        public var groupPhones: [String] = []
        /// Adult–child pairs found together on at least two missing episodes within 365 days while
        /// the child was under 16 (and the adult 18 or over): the warning-notice rule, counted here
        /// independently of Sightline's implementation. Nobody in the generated data has a recorded
        /// relationship, a notice or a care period.
        public var warningNoticePairs: [(adult: String, child: String, episodes: Int)] = []
    }

    var rng: SplitMix64
    let options: Options
    let emit: (String) -> Void
    var truth = Truth()
    var itemCounter = 0
    var phoneCounter = 0
    var plateCounter = 0
    var locationCounter = 0
    /// What the safeguarding cases planted (empty unless ``Options/safeguardingCases``).
    public internal(set) var safeguardingTruth = SafeguardingTruth()
    /// What the decoys planted (empty unless ``Options/decoyRate`` is above 0).
    public internal(set) var decoyTruth = DecoyTruth()

    /// - Parameters:
    ///   - options: size and seed.
    ///   - emit: receives each JSON line (without the line break), in order.
    public init(options: Options, emit: @escaping (String) -> Void) {
        self.options = options
        self.rng = SplitMix64(seed: options.seed)
        self.emit = emit
    }

    struct Person {
        var id: String
        var forename: String
        var surname: String
        var dob: Timestamp
        var phone: String
        var home: String
    }

    // MARK: Writing records

    mutating func write(_ members: [(String, JSONValue)]) {
        emit(JSONValue.object(members.map { (key: $0.0, value: $0.1) }).jsonText)
    }

    /// Writes a new item and returns its citation.
    mutating func item(_ agency: Agency, on day: Timestamp, summary: String) -> String {
        itemCounter += 1
        let ref = "\(Self.refPrefix(agency))-G\(options.seed)-\(itemCounter)"
        var grade: String
        var fields: [(String, JSONValue)] = [("type", .string("item")), ("agency", .string(agency.rawValue)), ("ref", .string(ref))]
        let recorded = Timestamp(dayNumber: day.dayNumber + rng.int(0...6))
        if rng.chance(0.04) {
            grade = rng.pick(["B24", "C33", "A12", "B22", "C41"])
            let old = Timestamp(dayNumber: Timestamp(year: 2008, month: 1, day: 1)!.dayNumber + rng.int(0...1800))
            fields += [("recorded", .string(old.dateText)), ("observed", .string(old.dateText))]
        } else {
            grade = "\(rng.int(1...3))\(rng.pick(["A", "B", "B", "C", "C", "D"]))\(rng.chance(0.15) ? "C" : "P")"
            fields += [("recorded", .string(recorded.dateText)), ("observed", .string(day.dateText))]
        }
        fields.append(("grade", .string(grade)))
        if grade.hasSuffix("C"), grade.first!.isNumber { fields.append(("conditions", .string("Share only within the MACE panel"))) }
        fields.append(("summary", .string(summary)))
        write(fields)
        return "\(agency.rawValue)/\(ref)"
    }

    /// The prefix of an agency's references.
    static func refPrefix(_ agency: Agency) -> String {
        switch agency {
        case .police: "WX"
        case .socialCare: "LCS"
        case .health: "HLT"
        case .education: "EDU"
        case .licensing: "LIC"
        case .housing: "HSG"
        case .voluntary: "VOL"
        default: "OTH"
        }
    }

    mutating func newPhone() -> String {
        phoneCounter += 1
        if phoneCounter <= 1000 { return "+447700900" + pad3(phoneCounter - 1) }
        return "+999" + String(100_000_000 + phoneCounter)
    }

    /// A phone number in one of the spellings agencies write.
    mutating func spelled(_ e164: String) -> String {
        guard e164.hasPrefix("+44") else { return e164 }
        let national = "0" + e164.dropFirst(3)
        switch rng.int(0..<4) {
        case 0: return String(national.prefix(5)) + " " + national.dropFirst(5)
        case 1: return "+44 (0)" + national.dropFirst(1).prefix(4) + " " + national.dropFirst(5)
        case 2: return String(e164.dropFirst())
        default: return national
        }
    }

    mutating func newPlate() -> String {
        plateCounter += 1
        let letters = Array("ABCDEFGHJKLMNOPRSTUVWXY")
        let age = pad2(rng.int(10...24))
        var n = plateCounter
        let a = letters[n % letters.count]; n /= letters.count
        let b = letters[n % letters.count]
        return "WX\(age) \(a)\(b)\(rng.chance(0.5) ? "Q" : "Z")"
    }

    func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    func pad3(_ v: Int) -> String { String(repeating: "0", count: 3 - String(v).count) + String(v) }

    mutating func newLocation(category: String, name: String?, item: String) -> String {
        locationCounter += 1
        let id = "location:gen/L\(locationCounter)"
        let street = rng.pick(FictionalNames.streets)
        var f: [(String, JSONValue)] = [("type", .string("location")), ("id", .string(id))]
        if let name { f.append(("name", .string(name))) }
        f += [("address", .string("\(rng.int(1...200)) \(street), Wexcombe")),
              ("postcode", .string("WX\(rng.int(1...9)) \(rng.int(1...9))\(rng.pick(["A", "B", "D", "E", "F"]))\(rng.pick(["G", "H", "J", "L", "N"]))")),
              ("category", .string(category)), ("item", .string(item))]
        write(f)
        return id
    }

    mutating func link(_ type: LinkType, _ from: String, _ to: String, at: Timestamp?, item: String, extra: [(String, JSONValue)] = []) {
        var f: [(String, JSONValue)] = [("type", .string("link")), ("link", .string(type.rawValue)), ("from", .string(from)), ("to", .string(to))]
        if let at { f.append(("at", .string(at.isoText.prefix(16).description))) }
        f += extra
        f.append(("item", .string(item)))
        write(f)
    }

    mutating func personRecord(_ p: Person, name: String, dob: String?, roles: [String], item: String, id: String? = nil, ids: [String] = []) {
        var f: [(String, JSONValue)] = [("type", .string("person")), ("id", .string(id ?? p.id)), ("name", .string(name))]
        if let dob { f.append(("dob", .string(dob))) }
        if !roles.isEmpty { f.append(("roles", .array(roles.map { .string($0) }))) }
        if !ids.isEmpty { f.append(("ids", .array(ids.map { .string($0) }))) }
        f.append(("item", .string(item)))
        write(f)
    }

    mutating func randomDay(from: Timestamp, days: Int) -> Timestamp {
        Timestamp(dayNumber: from.dayNumber + rng.int(0..<max(1, days)))
    }

    mutating func at(_ day: Timestamp, evening: Bool) -> Timestamp {
        let hour = evening ? rng.pick([19, 20, 21, 22, 23, 0, 1, 2]) : rng.int(8...18)
        return Timestamp(secondsSinceEpoch: day.secondsSinceEpoch + hour * 3600 + rng.int(0...59) * 60)
    }

    // MARK: The network

    /// Generates the whole network.
    /// - Complexity: O(people) time; memory O(people) for the person table only.
    public mutating func run() -> Truth {
        let n = max(20, options.people)
        let start = Timestamp(year: 2023, month: 1, day: 1)!
        let span = 1000
        let nChildren = max(3, n * 15 / 100)
        let groupSize = 7
        let nGroups = max(1, n * 8 / 100 / groupSize)
        let nBrokers = max(1, nGroups / 3)

        // Residential addresses (households of about three) and public places.
        let setup = item(.housing, on: start, summary: "Address gazetteer extract for Wexcombe (synthetic).")
        var homes: [String] = []
        for _ in 0..<max(4, n / 3) { homes.append(newLocation(category: "residential", name: nil, item: setup)) }
        var publicPlaces: [String] = []
        for k in 0..<max(6, n / 150) {
            let (cat, name) = FictionalNames.businesses[k % FictionalNames.businesses.count]
            publicPlaces.append(newLocation(category: cat, name: k < FictionalNames.businesses.count ? name : "\(name) \(k / FictionalNames.businesses.count + 1)", item: setup))
        }

        var people: [Person] = []
        func makePerson(_ g: inout NetworkGenerator, born: ClosedRange<Int>, system: String) -> Person {
            let idNumber = people.count + 1
            let dob = Timestamp(dayNumber: Timestamp(year: born.lowerBound, month: 1, day: 1)!.dayNumber
                                + g.rng.int(0..<((born.upperBound - born.lowerBound + 1) * 365)))
            return Person(id: "person:\(system)/P\(idNumber)", forename: g.rng.pick(FictionalNames.forenames),
                          surname: g.rng.pick(FictionalNames.surnameHeads) + g.rng.pick(FictionalNames.surnameTails),
                          dob: dob, phone: g.newPhone(), home: g.rng.pick(homes))
        }
        func declare(_ g: inout NetworkGenerator, _ p: Person, roles: [String], agency: Agency, summary: String) {
            let it = g.item(agency, on: g.randomDay(from: start, days: span), summary: summary)
            g.personRecord(p, name: "\(p.forename) \(p.surname.uppercased())", dob: p.dob.dateText, roles: roles, item: it)
            g.write([("type", .string("phone")), ("id", .string("phone:" + g.spelled(p.phone))), ("item", .string(it))])
            g.link(.usesPhone, p.id, "phone:" + g.spelled(p.phone), at: nil, item: it)
            g.link(.residesAt, p.id, p.home, at: nil, item: it)
        }

        // Offending groups, each with shared vehicles, phones, an address and hotspots.
        var groups: [[Person]] = []
        var groupAssets: [(vehicles: [String], phones: [String], flat: String, hotspots: [String])] = []
        for gi in 0..<nGroups {
            var members: [Person] = []
            for _ in 0..<groupSize {
                let p = makePerson(&self, born: 1975...2003, system: "niche")
                people.append(p); members.append(p)
                declare(&self, p, roles: ["suspect"], agency: .police, summary: "Adult named in intelligence about the exploitation of children.")
            }
            let it = item(.police, on: randomDay(from: start, days: span), summary: "Group \(gi + 1): shared vehicles, phones and a flat.")
            var vehicles: [String] = []
            for _ in 0..<2 {
                let v = "vehicle:" + newPlate()
                vehicles.append(v)
                write([("type", .string("vehicle")), ("id", .string(v)), ("make", .string(rng.pick(["Vauxhall", "Ford", "BMW", "Toyota"]))),
                       ("colour", .string(rng.pick(["silver", "black", "white", "blue"]))), ("item", .string(it))])
            }
            var phones: [String] = []
            for _ in 0..<2 { phones.append("phone:" + newPhone()) }
            let flat = newLocation(category: "residential", name: "Flat used by group \(gi + 1)", item: it)
            var hotspots = [flat]
            hotspots.append(rng.pick(publicPlaces))
            for (k, m) in members.enumerated() {
                link(.driverOf, m.id, vehicles[k % 2], at: nil, item: it)
                link(.usesPhone, m.id, phones[k % 2], at: nil, item: it)
                if k > 0 { link(.associatesWith, m.id, members[0].id, at: nil, item: it) }
                if k > 1 { link(.associatesWith, m.id, members[k - 1].id, at: nil, item: it) }
                link(.frequents, m.id, hotspots[k % 2], at: nil, item: it)
            }
            link(.keeperOf, members[0].id, vehicles[0], at: nil, item: it)
            truth.groupVehicles += vehicles
            truth.groupPhones += phones
            truth.groups.append(members.map(\.id))
            truth.groupKeyAdults.append(members[0].id)
            truth.hotspots.append(contentsOf: hotspots)
            groups.append(members)
            groupAssets.append((vehicles, phones, flat, hotspots))
        }

        // Brokers: adults linked to two groups.
        for b in 0..<nBrokers {
            let p = makePerson(&self, born: 1975...2000, system: "niche")
            people.append(p)
            declare(&self, p, roles: ["suspect"], agency: .police, summary: "Adult seen with members of two groups.")
            let g1 = b % nGroups, g2 = (b * 7 + 1) % nGroups
            let it = item(.police, on: randomDay(from: start, days: span), summary: "Broker seen with adults from two groups.")
            link(.associatesWith, p.id, groups[g1][0].id, at: nil, item: it)
            link(.associatesWith, p.id, groups[g2][0].id, at: nil, item: it)
            link(.travelledIn, p.id, groupAssets[g2].vehicles[0], at: nil, item: it)
            truth.brokers.append(p.id)
        }

        // Children at risk, each exploited by one group: missing episodes at the group's hotspots.
        struct PairKey: Hashable { var adult: String, child: String }
        var episodesUnder16: [PairKey: [Int]] = [:]
        var childrenOf = [[Person]](repeating: [], count: nGroups)
        for c in 0..<nChildren {
            let p = makePerson(&self, born: 2007...2012, system: "lccs")
            people.append(p)
            declare(&self, p, roles: ["child_at_risk"], agency: .socialCare, summary: "Child at risk of exploitation, known to children's social care.")
            truth.children.append(p.id)
            let g = c % nGroups
            childrenOf[g].append(p)
            let assets = groupAssets[g]
            for _ in 0..<rng.int(1...4) {
                let day = randomDay(from: start, days: span)
                let s = at(day, evening: true)
                let e = Timestamp(secondsSinceEpoch: s.secondsSinceEpoch + rng.int(4...30) * 3600)
                let adult = rng.pick(groups[g])
                if p.dob.wholeYears(until: s) < 16 && adult.dob.wholeYears(until: s) >= 18 {
                    episodesUnder16[PairKey(adult: adult.id, child: p.id), default: []].append(day.dayNumber)
                }
                let it = item(.police, on: day, summary: "Child reported missing; found with an adult at a location linked to group \(g + 1).")
                write([("type", .string("missing")), ("child", .string(p.id)), ("start", .string(String(s.isoText.prefix(16)))),
                       ("end", .string(String(e.isoText.prefix(16)))), ("missingFrom", .string(p.home)),
                       ("foundAt", .string(rng.chance(0.8) ? rng.pick(assets.hotspots) : rng.pick(publicPlaces))),
                       ("foundWith", .array([.string(adult.id)])), ("item", .string(it))])
            }
            let it = item(.police, on: randomDay(from: start, days: span), summary: "Child seen in a vehicle used by adults of group \(g + 1); calls from a group phone.")
            link(.travelledIn, p.id, rng.pick(assets.vehicles), at: at(randomDay(from: start, days: span), evening: true), item: it)
            link(.contacted, rng.pick(assets.phones), "phone:" + spelled(p.phone), at: at(randomDay(from: start, days: span), evening: true),
                 item: it, extra: [("mode", .string("call")), ("duration", .number(String(rng.int(10...600))))])
        }

        // Background adults: associations among themselves; some are parents of children.
        let rest = max(0, n - people.count)
        var background: [Person] = []
        for _ in 0..<rest {
            let p = makePerson(&self, born: 1965...2004, system: "niche")
            people.append(p); background.append(p)
            declare(&self, p, roles: [rng.chance(0.3) ? "witness" : "associate"], agency: rng.pick([.police, .health, .education, .housing]),
                    summary: "Adult named in a routine record.")
            if background.count > 1, rng.chance(0.7) {
                let it = item(.police, on: randomDay(from: start, days: span), summary: "Two adults recorded together.")
                link(.associatesWith, p.id, background[rng.int(0..<(background.count - 1))].id, at: nil, item: it)
            }
        }

        for (pair, days) in episodesUnder16 {
            let d = days.sorted()
            // The most episodes within any 365 days.
            var best = 0, lo = 0
            for hi in d.indices {
                while d[hi] - d[lo] > 365 { lo += 1 }
                best = max(best, hi - lo + 1)
            }
            if best >= 2 { truth.warningNoticePairs.append((pair.adult, pair.child, best)) }
        }
        truth.warningNoticePairs.sort { ($0.adult, $0.child) < ($1.adult, $1.child) }

        plantDuplicates(people, start: start, span: span)
        if options.safeguardingCases { plantSafeguardingCases(groups: groups, childrenOf: childrenOf, start: start, span: span) }
        if options.decoyRate > 0 {
            plantDecoys(groups: groups, children: childrenOf.flatMap { $0 }, homes: homes, publicPlaces: publicPlaces, start: start, span: span)
        }
        return truth
    }

    /// Plants duplicate records: name-only variants (never merged automatically) and records that
    /// name another system's identifier (merged automatically), plus same-name traps.
    mutating func plantDuplicates(_ people: [Person], start: Timestamp, span: Int) {
        let count = max(4, Int(Double(people.count) * options.duplicateRate))
        var used = Set<Int>()
        for k in 0..<count {
            var i = rng.int(0..<people.count)
            while used.contains(i) { i = (i + 1) % people.count }
            used.insert(i)
            let p = people[i]
            let dupID = "person:lccs/D\(k + 1)"
            let it = item(.socialCare, on: randomDay(from: start, days: span), summary: "Person recorded by another agency.")
            switch k % 6 {
            case 0: // misspelt surname, same date of birth
                personRecord(p, name: "\(p.forename) \(misspell(p.surname))", dob: p.dob.dateText, roles: [], item: it, id: dupID)
                truth.nameOnlyDuplicates.append((p.id, dupID, "misspelt surname"))
            case 1: // swapped name order
                personRecord(p, name: "\(p.surname.uppercased()) \(p.forename)", dob: p.dob.dateText, roles: [], item: it, id: dupID)
                truth.nameOnlyDuplicates.append((p.id, dupID, "swapped name order"))
            case 2: // SURNAME, Forename with the month of birth only
                personRecord(p, name: "\(p.surname.uppercased()), \(p.forename)", dob: String(p.dob.dateText.prefix(7)), roles: [], item: it, id: dupID)
                truth.nameOnlyDuplicates.append((p.id, dupID, "surname first, month of birth only"))
            case 3: // another name, same phone and date of birth
                let other = rng.pick(FictionalNames.forenames.filter { $0.first != p.forename.first })
                personRecord(p, name: "\(other) \(rng.pick(FictionalNames.surnameHeads))\(rng.pick(FictionalNames.surnameTails))", dob: p.dob.dateText, roles: [], item: it, id: dupID)
                link(.usesPhone, dupID, "phone:" + spelled(p.phone), at: nil, item: it)
                truth.nameOnlyDuplicates.append((p.id, dupID, "another name, same phone"))
            case 4: // initial only, same date of birth
                personRecord(p, name: "\(p.forename.prefix(1)). \(p.surname)", dob: p.dob.dateText, roles: [], item: it, id: dupID)
                truth.nameOnlyDuplicates.append((p.id, dupID, "initial for forename"))
            default: // names the other system's ID: merges automatically
                personRecord(p, name: "\(p.forename) \(p.surname)", dob: p.dob.dateText, roles: [], item: it, id: dupID, ids: [p.id])
                truth.strongDuplicates.append((p.id, dupID))
            }
        }
        // Traps: the same name, a different person (born years apart).
        for k in 0..<max(1, count / 6) {
            let p = people[rng.int(0..<people.count)]
            let trapID = "person:niche/T\(k + 1)"
            let it = item(.police, on: randomDay(from: start, days: span), summary: "Adult recorded in an unrelated matter.")
            let later = rng.chance(0.5), shift = rng.int(3000...9000)
            // Born years apart, but never after the network's first day: ingest refuses dates in the future.
            let dob = Timestamp(dayNumber: p.dob.dayNumber + (later && p.dob.dayNumber + shift < start.dayNumber ? shift : -shift))
            personRecord(p, name: "\(p.forename) \(p.surname.uppercased())", dob: dob.dateText, roles: [], item: it, id: trapID)
            truth.traps.append((p.id, trapID))
        }
    }

    mutating func misspell(_ s: String) -> String {
        var c = Array(s)
        let i = rng.int(1..<(c.count - 1))
        switch rng.int(0..<3) {
        case 0: c.remove(at: i) // dropped letter
        case 1: c.swapAt(i, i + 1 < c.count ? i + 1 : i - 1) // transposed letters
        default: c.insert(c[i], at: i) // doubled letter
        }
        return String(c)
    }
}

extension NetworkGenerator.Truth {
    /// truth.json: the planted structure, for scoring analysis and resolution, in the one schema
    /// that `scripts/make-samples.py` also writes (docs/formats.md, "Planted truth"). The generator
    /// fills the schema's required fields; the names, ranking and counts the samples add are optional.
    public var jsonText: String { jsonText(safeguarding: nil) }

    /// truth.json, with the planted safeguarding cases under `safeguarding` when given, and the
    /// decoys under `decoys` when there are any (none: the file is as without them).
    public func jsonText(safeguarding: NetworkGenerator.SafeguardingTruth?, decoys: NetworkGenerator.DecoyTruth? = nil) -> String {
        func strings(_ a: [String]) -> JSONValue { .array(a.map { .string($0) }) }
        func ids(_ a: [String]) -> JSONValue { .array(a.map { .object([("id", .string($0))]) }) }
        // Each group planted two vehicles, two phones and two hotspots (its flat, then a public place),
        // appended in group order.
        func chunk(_ a: [String], _ g: Int) -> [String] {
            let per = a.count / max(1, groups.count)
            return Array(a[(g * per)..<((g + 1) * per)])
        }
        let offendingGroups: [JSONValue] = groups.indices.map { g in
            .object([
                ("group", .string(String(g + 1))),
                ("members", ids(groups[g])),
                ("keyAdults", strings([groupKeyAdults[g]])),
                ("sharedVehicles", .array(chunk(groupVehicles, g).map { .object([("vehicle", .string($0))]) })),
                ("sharedPhones", .array(chunk(groupPhones, g).map { .object([("phone", .string($0))]) })),
                ("sharedAddresses", .array(chunk(hotspots, g).prefix(1).map { .object([("location", .string($0))]) })),
            ])
        }
        let v: JSONValue = .object([
            ("about", .string("Planted structure of a fictional network written by 'sightline generate'. Every name, number, vehicle and place is made up.")),
            ("offendingGroups", .array(offendingGroups)),
            ("brokers", .array(brokers.map { .object([("person", .object([("id", .string($0))]))]) })),
            ("hotspots", .object([("planted", strings(Array(Set(hotspots)).sorted()))])),
            ("warningNoticeCandidates", .object([
                ("rule", .string("adults aged 18+ found with the same child under 16 on at least two missing episodes within 365 days (the most within any 365 days)")),
                ("candidates", .array(warningNoticePairs.map {
                    .object([("adult", .string($0.adult)), ("child", .string($0.child)), ("episodesUnder16", .number(String($0.episodes)))])
                })),
            ])),
            ("duplicates", .object([
                ("strongIdentifier", .object([("sameEntity", .array(strongDuplicates.map {
                    .object([("ids", strings([$0.0, $0.1])), ("mustBeOneEntity", .bool(true))])
                }))])),
                ("nameOnly", .array(nameOnlyDuplicates.map { .object([("a", .string($0.0)), ("b", .string($0.1)), ("why", .string($0.2))]) })),
                ("traps", .array(traps.map { .object([("a", .string($0.0)), ("b", .string($0.1)), ("why", .string("same name, born years apart: different people"))]) })),
            ])),
            ("childrenAtRisk", ids(children)),
        ] + (safeguarding.map { sg in [("safeguarding", JSONValue.object([
            ("youngSuspects", strings(sg.youngSuspects)),
            ("protectivePlaces", strings(sg.protectivePlaces)),
            ("conflictingChildRoles", strings(sg.conflictingChildRoles)),
        ]))] } ?? []) + (decoys.flatMap { d in d.isEmpty ? nil : [("decoys", JSONValue.object([
            ("about", .string("Places, adults, vehicles and phones linked to many children at risk and suspects only by weak items (source 2 or 3, assessment D or E) from one agency each: not planted truth, and not to be ranked.")),
            ("items", .number(String(d.items))),
            ("otherItems", .number(String(d.otherItems))),
            ("locations", strings(d.locations)),
            ("people", strings(d.people)),
            ("vehicles", strings(d.vehicles)),
            ("phones", strings(d.phones)),
        ]))] } ?? []))
        return v.jsonText
    }
}
