import Testing
@testable import SightlineModel

/// Strong identifiers, `KIND:VALUE`, for every scheme in docs/formats.md ("Entity references").
struct StrongIdentifierTests {
    @Test(arguments: [
        ("person:niche/PN-1001", StrongIdentifier.Scheme.person, "niche/PN-1001", EntityKind.person),
        ("person: NICHE / PN-1001 ", .person, "niche/PN-1001", .person),
        ("PERSON:Niche/pn-1001", .person, "niche/pn-1001", .person),       // the ID keeps its case
        ("person:lccs/C-2231", .person, "lccs/C-2231", .person),
        ("person:niche/A/B:C", .person, "niche/A/B:C", .person),           // only the first / and : split
        ("phone:07700 900123", .phone, "+447700900123", .phone),
        ("phone:+44 7700 900456", .phone, "+447700900456", .phone),
        ("imei:35-209900-176148-1", .imei, "35209900176148", .phone),
        ("vehicle:wx09 abc", .vehicle, "WX09ABC", .vehicle),
        ("account:snapchat/@Kaz_Wex99", .account, "snapchat/kaz_wex99", .account),
        ("location:lic/PREM-0042", .location, "lic/PREM-0042", .location),
        ("location:uprn/900000000017", .location, "uprn/900000000017", .location),
        ("org:lic/TX-07", .org, "lic/TX-07", .organisation),
        ("organisation:lic/TX-07", .org, "lic/TX-07", .organisation),
        ("Org:Companies_House/01234567", .org, "companies_house/01234567", .organisation),
        ("location:os.uprn-2/1", .location, "os.uprn-2/1", .location),
    ])
    func everyScheme(text: String, scheme: StrongIdentifier.Scheme, value: String, kind: EntityKind) throws {
        let id = try StrongIdentifier(parsing: text)
        #expect(id.scheme == scheme)
        #expect(id.value == value)
        #expect(id.kind == kind)
        #expect(id.description == scheme.rawValue + ":" + value)
        // The canonical form reads back as itself.
        #expect(try StrongIdentifier(parsing: id.description) == id)
    }

    @Test func schemeKinds() {
        let kinds = Dictionary(uniqueKeysWithValues: StrongIdentifier.Scheme.allCases.map { ($0.rawValue, $0.kind) })
        #expect(kinds == ["person": .person, "phone": .phone, "imei": .phone, "vehicle": .vehicle,
                          "account": .account, "location": .location, "org": .organisation])
    }

    @Test(arguments: [("email:kaz@example.invalid", "email"), ("Email:x", "email"), (":x", ""), ("nino:QQ123456C", "nino"),
                      ("name:John Smith", "name")])
    func unknownScheme(text: String, scheme: String) {
        #expect(throws: StrongIdentifier.ParseError.unknownScheme(scheme)) { try StrongIdentifier(parsing: text) }
    }

    @Test(arguments: ["07700900123", "", "niche/PN-1001", "John Smith"])
    func missingScheme(text: String) {
        #expect(throws: StrongIdentifier.ParseError.missingScheme) { try StrongIdentifier(parsing: text) }
    }

    @Test(arguments: [StrongIdentifier.Scheme.person, .location, .org])
    func systemIDParts(scheme: StrongIdentifier.Scheme) {
        let p = scheme.rawValue + ":"
        #expect(throws: StrongIdentifier.ParseError.invalid(scheme: scheme, reason: "expected SYSTEM/ID, such as niche/PN-1001")) {
            try StrongIdentifier(parsing: p + "PN-1001")
        }
        for text in [p + "/PN-1001", p + "niche/", p + "niche/   ", p + " / ", p + "/"] {
            #expect(throws: StrongIdentifier.ParseError.invalid(scheme: scheme, reason: "expected SYSTEM/ID with both parts present")) {
                try StrongIdentifier(parsing: text)
            }
        }
        for text in [p + "ni che/PN-1", p + "niché/PN-1", p + "niche!/PN-1"] {
            #expect(throws: StrongIdentifier.ParseError.invalid(scheme: scheme, reason: "the system name may use only letters, digits, '_', '-' and '.'")) {
                try StrongIdentifier(parsing: text)
            }
        }
    }

    @Test(arguments: ["PN\u{7}1001", "PN\n1001", "PN\t1001", "PN\u{0}1001", "PN\u{1B}[31m"])
    func controlCharactersRejected(id: String) {
        #expect(throws: StrongIdentifier.ParseError.invalid(scheme: .person, reason: "the ID must be at most 200 characters without control characters")) {
            try StrongIdentifier(parsing: "person:niche/" + id)
        }
    }

    @Test func idLength() throws {
        #expect(try StrongIdentifier(parsing: "person:niche/" + String(repeating: "x", count: 200)).value.count == 206)
        #expect(throws: StrongIdentifier.ParseError.invalid(scheme: .person, reason: "the ID must be at most 200 characters without control characters")) {
            try StrongIdentifier(parsing: "person:niche/" + String(repeating: "x", count: 201))
        }
    }

    @Test func normaliserErrorsCarryTheirReason() {
        #expect(throws: StrongIdentifier.ParseError.invalid(scheme: .phone, reason: PhoneNumber.ParseError.invalidCharacter("a").description)) {
            try StrongIdentifier(parsing: "phone:abc")
        }
        #expect(throws: StrongIdentifier.ParseError.invalid(scheme: .imei, reason: IMEI.ParseError.wrongLength(3).description)) {
            try StrongIdentifier(parsing: "imei:123")
        }
        #expect(throws: StrongIdentifier.ParseError.invalid(scheme: .imei, reason: IMEI.ParseError.checkDigit.description)) {
            try StrongIdentifier(parsing: "imei:352099001761482")
        }
        #expect(throws: StrongIdentifier.ParseError.invalid(scheme: .vehicle, reason: Registration.ParseError.empty.description)) {
            try StrongIdentifier(parsing: "vehicle:")
        }
        #expect(throws: StrongIdentifier.ParseError.invalid(scheme: .account, reason: OnlineHandle.ParseError.missingPlatform.description)) {
            try StrongIdentifier(parsing: "account:kaz")
        }
    }

    @Test func descriptionsNameTheKinds() {
        #expect(StrongIdentifier.ParseError.unknownScheme("email").description
            == "unknown identifier kind \"email\"; expected one of person, phone, imei, vehicle, account, location, org")
        #expect(StrongIdentifier.ParseError.invalid(scheme: .phone, reason: "r").description == "not a valid phone identifier: r")
    }

    @Test func equalityAndOrder() throws {
        let p1 = try StrongIdentifier(parsing: "phone:07700 900123")
        let p2 = try StrongIdentifier(parsing: "phone:+44 (0)7700 900123")
        let imei = try StrongIdentifier(parsing: "imei:35209900176148")
        #expect(p1 == p2)
        #expect(p1.hashValue == p2.hashValue)
        #expect(p1 != imei)                 // same kind, different scheme
        #expect(p1.kind == imei.kind)
        let sorted = try ["vehicle:AB12CDE", "person:niche/B", "imei:35209900176148", "person:niche/A"].map { try StrongIdentifier(parsing: $0) }.sorted()
        #expect(sorted.map(\.description) == ["imei:35209900176148", "person:niche/A", "person:niche/B", "vehicle:AB12CDE"])
        #expect(StrongIdentifier(scheme: .person, normalisedValue: "niche/A") == (try StrongIdentifier(parsing: "person:NICHE/A")))
    }
}
