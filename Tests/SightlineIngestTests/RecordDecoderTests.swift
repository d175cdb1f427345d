import Testing
@testable import SightlineIngest
import SightlineModel

private let here = SourceLocation(file: "bad.jsonl", line: 7)

private func decode(_ json: String) throws -> IntelRecord {
    let value = try JSONParser.parse(Array(json.utf8))
    return try RecordDecoder().decode(value, at: here)
}

/// The error a record gives, or nil when it decodes.
private func failure(_ json: String) -> IngestError? {
    let value: JSONValue
    do { value = try JSONParser.parse(Array(json.utf8)) } catch {
        Issue.record("test input is not JSON: \(error): \(json)")
        return nil
    }
    do { _ = try RecordDecoder().decode(value, at: here); return nil } catch { return error }
}

private func ts(_ y: Int, _ m: Int, _ d: Int, _ hh: Int = 0, _ mm: Int = 0, _ ss: Int = 0) -> Timestamp {
    Timestamp(year: y, month: m, day: d, hour: hh, minute: mm, second: ss)!
}
private func person(_ v: String) -> StrongIdentifier { StrongIdentifier(scheme: .person, normalisedValue: v) }
private func phone(_ v: String) -> StrongIdentifier { StrongIdentifier(scheme: .phone, normalisedValue: v) }
private func location(_ v: String) -> StrongIdentifier { StrongIdentifier(scheme: .location, normalisedValue: v) }
private let wx123 = IntelRef(agency: .police, reference: "WX-24-000123")
private let lcs = IntelRef(agency: .socialCare, reference: "LCS-88120")

private let agencies = "police, social_care, health, education, voluntary, licensing, housing, other"
private let types = "account, item, link, location, looked_after, missing, non_consent, notice, organisation, person, phone, vehicle"
private let printable = "; text fields take printable characters only"

/// Canonical records to validated model records, by the rules in docs/formats.md.
struct RecordDecoderTests {
    // MARK: Every example in formats.md

    /// The records each example line in formats.md must give, written out by hand.
    static func expectedExamples() throws -> [IntelRecord] {
        [
            .item(IntelItem(ref: wx123, recorded: ts(2024, 3, 4),
                            observed: TimeSpec(start: ts(2024, 3, 2, 21, 40), end: ts(2024, 3, 2, 21, 40), isApproximate: false, text: "2024-03-02T21:40"),
                            grade: .current(source: 2, assessment: "B", handling: .permitted, conditions: nil),
                            summary: "Officers on patrol saw a silver Corsa collect two girls outside Harbour Lane park.")),
            .item(IntelItem(ref: lcs, recorded: ts(2024, 3, 5),
                            observed: TimeSpec(start: ts(2024, 3, 1), end: ts(2024, 3, 3, 23, 59, 59), isApproximate: false, text: "2024-03-01/2024-03-03"),
                            grade: .current(source: 1, assessment: "A", handling: .conditions, conditions: "Share only within the MACE panel"),
                            summary: "Residential staff report the child returned with new phone.")),
            .item(IntelItem(ref: IntelRef(agency: .police, reference: "OLD-2009-0771"), recorded: ts(2009, 6, 1), observed: nil,
                            grade: .legacy(source: "B", intelligence: 2, handling: 4), summary: "Legacy record (5x5x5).")),
            .entity(EntityRecord(kind: .person, identifiers: [person("niche/PN-1001")], item: wx123, name: "Darren QUILLFEATHER",
                                 aliases: ["Daz"], dob: try BirthDate(parsing: "1989-05-12"), roles: [.suspect])),
            .entity(EntityRecord(kind: .person, identifiers: [person("lccs/C-2231"), person("niche/PN-5521")], item: lcs,
                                 name: "Amy-Lou FICTIONAL", dob: try BirthDate(parsing: "2010-07-30"), roles: [.childAtRisk])),
            .entity(EntityRecord(kind: .vehicle, identifiers: [StrongIdentifier(scheme: .vehicle, normalisedValue: "WX09ABC")], item: wx123,
                                 details: ["make": "Vauxhall", "model": "Corsa", "colour": "silver"])),
            .entity(EntityRecord(kind: .phone, identifiers: [phone("+447700900123"), StrongIdentifier(scheme: .imei, normalisedValue: "35209900176148")],
                                 item: wx123)),
            .entity(EntityRecord(kind: .account, identifiers: [StrongIdentifier(scheme: .account, normalisedValue: "snapchat/kaz_wex99")],
                                 item: wx123, name: "kaz")),
            .entity(EntityRecord(kind: .location, identifiers: [location("lic/PREM-0042")], item: wx123, name: "The Anchorage Hotel",
                                 details: ["address": "14 Quayside Row, Wexcombe", "postcode": "WX1 4QR", "category": "hotel",
                                           "lat": "50.1234", "lon": "-3.4567", "nte": "true"])),
            .entity(EntityRecord(kind: .organisation, identifiers: [StrongIdentifier(scheme: .org, normalisedValue: "lic/TX-07")], item: wx123,
                                 name: "Starlight Private Hire", details: ["orgType": "taxi_firm"])),
            .link(LinkRecord(type: .travelledIn, from: person("lccs/C-2231"), to: StrongIdentifier(scheme: .vehicle, normalisedValue: "WX09ABC"),
                             time: TimeSpec(start: ts(2024, 3, 2, 21, 40), end: ts(2024, 3, 2, 21, 40), isApproximate: false, text: "2024-03-02T21:40"),
                             items: [wx123])),
            .link(LinkRecord(type: .contacted, from: phone("+447700900123"), to: phone("+447700900456"),
                             time: TimeSpec(start: ts(2024, 3, 2, 20, 13, 5), end: ts(2024, 3, 2, 20, 13, 5), isApproximate: false, text: "2024-03-02T20:13:05"),
                             items: [wx123], mode: .call, durationSeconds: 94)),
            .link(LinkRecord(type: .parentOf, from: person("lccs/A-0091"), to: person("lccs/C-2231"), time: nil, items: [lcs])),
            .lookedAfter(LookedAfterRecord(child: person("lccs/C-2231"), from: ts(2023, 1, 10), to: nil, authority: "Wexcombe Borough Council", item: lcs)),
            .missing(MissingEpisodeRecord(child: person("lccs/C-2231"), start: ts(2024, 3, 2, 18, 0), end: ts(2024, 3, 3, 9, 15),
                                          missingFrom: location("uprn/900000000017"), foundAt: location("lic/PREM-0042"),
                                          foundWith: [person("niche/PN-1001")], item: wx123)),
            .notice(NoticeRecord(type: .cawn, subject: person("niche/PN-1001"), child: person("lccs/C-2231"), premises: nil,
                                 issued: ts(2024, 4, 1), officer: "PC 4471", expires: ts(2026, 4, 1), item: wx123)),
            .nonConsent(NonConsentRecord(child: person("lccs/C-2231"), adult: person("niche/PN-1001"), by: .parent, item: lcs)),
        ]
    }

    @Test func everyExampleInFormatsMD() throws {
        let expected = try Self.expectedExamples()
        #expect(Fixtures.exampleLines.count == expected.count)
        for (line, want) in zip(Fixtures.exampleLines, expected) {
            #expect(try decode(line) == want, "\(line)")
        }
    }

    @Test func exampleDatesOfBirth() throws {
        guard case let .entity(e) = try decode(Fixtures.exampleLines[4]), let dob = e.dob else { Issue.record("no dob"); return }
        #expect(dob.isExact)
        #expect(dob.earliest == ts(2010, 7, 30))
        #expect(dob.latest == ts(2010, 7, 30, 23, 59, 59))
        #expect(dob.text == "2010-07-30")
    }

    @Test func everyRecordTypeIsCovered() throws {
        var types = Set<String>()
        for line in Fixtures.exampleLines {
            guard case let .object(m) = try JSONParser.parse(Array(line.utf8)), case let .string(t)? = m.first(where: { $0.key == "type" })?.value else { continue }
            types.insert(t)
        }
        #expect(types == Set(RecordDecoder.fields.keys))
    }

    // MARK: Accepted variations

    @Test func markupIsDataAndKeptVerbatim() throws {
        let r = try decode(#"{"type":"person","id":"person:niche/PN-1","name":"<script>alert(\"x\")</script>","aliases":["<b>Daz</b>","a & b"],"item":"police/R-1"}"#)
        guard case let .entity(e) = r else { Issue.record("not an entity"); return }
        #expect(e.name == #"<script>alert("x")</script>"#)
        #expect(e.aliases == ["<b>Daz</b>", "a & b"])
    }

    @Test func summaries() throws {
        let exactly = String(repeating: "a", count: 100_000)
        guard case let .item(i) = try decode(#"{"type":"item","agency":"police","ref":"R-1","recorded":"2024-03-04","grade":"2BP","summary":"\#(exactly)"}"#) else {
            Issue.record("not an item"); return
        }
        #expect(i.summary?.count == 100_000)
        guard case let .item(j) = try decode(#"{"type":"item","agency":"police","ref":"R-1","recorded":"2024-03-04","grade":"2BP","summary":"line one\nline two\tend"}"#) else {
            Issue.record("not an item"); return
        }
        #expect(j.summary == "line one\nline two\tend")
    }

    @Test func lenientSpellings() throws {
        // Agency in capitals, grade with separators, values padded with spaces, nulls as absent.
        let r = try decode(#"{"type":"item","agency":"POLICE","ref":" R-1 ","recorded":"2024-03-04","grade":"2-b-p","observed":null,"summary":null}"#)
        #expect(r == .item(IntelItem(ref: IntelRef(agency: .police, reference: "R-1"), recorded: ts(2024, 3, 4), observed: nil,
                                     grade: .current(source: 2, assessment: "B", handling: .permitted, conditions: nil), summary: nil)))
    }

    @Test func linkCitations() throws {
        let r = try decode(#"{"type":"link","link":"contacted","from":"phone:07700 900123","to":"phone:07700 900456","mode":"SMS","duration":12,"item":"police/A","items":["police/A","health/B"]}"#)
        #expect(r == .link(LinkRecord(type: .contacted, from: phone("+447700900123"), to: phone("+447700900456"), time: nil,
                                      items: [IntelRef(agency: .police, reference: "A"), IntelRef(agency: .health, reference: "B")],
                                      mode: .sms, durationSeconds: 12)))
        let s = try decode(#"{"type":"link","link":"supplies","from":"person:niche/A","to":"person:lccs/C","substance":"cannabis","items":["police/A"]}"#)
        #expect(s == .link(LinkRecord(type: .supplies, from: person("niche/A"), to: person("lccs/C"), time: nil,
                                      items: [IntelRef(agency: .police, reference: "A")], substance: "cannabis")))
    }

    @Test func phoneFiledUnderItsIMEI() throws {
        let r = try decode(#"{"type":"phone","id":"imei:352099001761481","imei":"35209900176148","item":"police/A"}"#)
        #expect(r == .entity(EntityRecord(kind: .phone, identifiers: [StrongIdentifier(scheme: .imei, normalisedValue: "35209900176148")],
                                          item: IntelRef(agency: .police, reference: "A"))))
    }

    @Test func locationDefaults() throws {
        let a = try decode(#"{"type":"location","id":"location:uprn/1","category":"park","item":"police/A"}"#)
        #expect(a == .entity(EntityRecord(kind: .location, identifiers: [location("uprn/1")], item: IntelRef(agency: .police, reference: "A"),
                                          details: ["category": "park", "nte": "false"])))
        let b = try decode(#"{"type":"location","id":"location:uprn/1","nte":true,"item":"police/A"}"#)
        #expect(b == .entity(EntityRecord(kind: .location, identifiers: [location("uprn/1")], item: IntelRef(agency: .police, reference: "A"),
                                          details: ["category": "other", "nte": "true"])))
        let c = try decode(#"{"type":"location","id":"location:uprn/1","category":"takeaway","nte":false,"lat":-90,"lon":180,"item":"police/A"}"#)
        #expect(c == .entity(EntityRecord(kind: .location, identifiers: [location("uprn/1")], item: IntelRef(agency: .police, reference: "A"),
                                          details: ["category": "takeaway", "nte": "false", "lat": "-90.0", "lon": "180.0"])))
    }

    @Test func duplicatesInListsCollapse() throws {
        let r = try decode(#"{"type":"person","id":"person:niche/A","ids":["person:NICHE/A","person:lccs/B","person:lccs/B"],"roles":["suspect","suspect","witness"],"aliases":[" ","Daz"],"item":"police/A"}"#)
        #expect(r == .entity(EntityRecord(kind: .person, identifiers: [person("niche/A"), person("lccs/B")], item: IntelRef(agency: .police, reference: "A"),
                                          aliases: ["Daz"], roles: [.suspect, .witness])))
    }

    @Test func approximateAndPartialBirthDates() throws {
        guard case let .entity(e) = try decode(#"{"type":"person","id":"person:niche/A","dob":"~2010-07","item":"police/A"}"#) else { return }
        #expect(e.dob?.isApproximate == true)
        #expect(e.dob?.earliest == ts(2010, 7, 1))
        #expect(e.dob?.latest == ts(2010, 7, 31, 23, 59, 59))
    }

    // MARK: Errors

    static let errors: [(String, IngestError)] = [
        // Record type and shape
        (#"{"type":"widget","item":"police/R-1"}"#, .badField(here, field: "type", value: "widget", reason: "expected one of: \(types)")),
        (#"{"type":5}"#, .badField(here, field: "type", value: "5", reason: "expected text (a JSON string), found a number")),
        (#"{}"#, .missingField(here, field: "type", reason: "this record type requires it")),
        (#"{"type":null}"#, .missingField(here, field: "type", reason: "this record type requires it")),
        (#"{"type":["item"]}"#, .badField(here, field: "type", value: #"["item"]"#, reason: "expected text (a JSON string), found a list")),
        (#"[1]"#, .badLine(here, reason: "expected a JSON object {...} per line, found a list")),
        (#""item""#, .badLine(here, reason: "expected a JSON object {...} per line, found a string")),
        (#"{"type":"person","id":"person:niche/PN-1001","nmae":"X","item":"police/R-1"}"#,
         .unknownField(here, field: "nmae", expected: ["type", "id", "item", "name", "aliases", "dob", "roles", "ids"])),
        (#"{"type":"item","agency":"police","ref":"R-1","recorded":"2024-03-04","grade":"2BP","Summary":"x"}"#,
         .unknownField(here, field: "Summary", expected: ["type", "agency", "ref", "recorded", "observed", "grade", "conditions", "summary"])),

        // Required fields
        (#"{"type":"item","ref":"R-1","recorded":"2024-03-04","grade":"2BP"}"#, .missingField(here, field: "agency", reason: "this record type requires it")),
        (#"{"type":"item","agency":"  ","ref":"R-1","recorded":"2024-03-04","grade":"2BP"}"#, .missingField(here, field: "agency", reason: "this record type requires it")),
        (#"{"type":"item","agency":"police","recorded":"2024-03-04","grade":"2BP"}"#, .missingField(here, field: "ref", reason: "this record type requires it")),
        (#"{"type":"item","agency":"police","ref":"R-1","grade":"2BP"}"#, .missingField(here, field: "recorded", reason: "expected a date YYYY-MM-DD")),
        (#"{"type":"item","agency":"police","ref":"R-1","recorded":"2024-03-04"}"#, .missingField(here, field: "grade", reason: "this record type requires it")),
        (#"{"type":"person","item":"police/R-1"}"#, .missingField(here, field: "id", reason: "expected an entity reference such as person:niche/PN-1001")),
        (#"{"type":"vehicle","item":"police/R-1"}"#, .missingField(here, field: "id", reason: "expected an entity reference such as vehicle:WX19 KQP")),
        (#"{"type":"person","id":"person:niche/A"}"#, .missingField(here, field: "item", reason: "every fact cites the intelligence item behind it, as AGENCY/REFERENCE")),
        (#"{"type":"link","link":"associates_with","from":"person:niche/A","item":"police/R-1"}"#,
         .missingField(here, field: "to", reason: "expected an entity reference such as person:niche/PN-1001")),
        (#"{"type":"link","link":"driver_of","from":"person:niche/A","item":"police/R-1"}"#,
         .missingField(here, field: "to", reason: "expected an entity reference such as vehicle:WX19 KQP")),
        (#"{"type":"looked_after","child":"person:lccs/C","item":"social_care/S-1"}"#, .missingField(here, field: "from", reason: "expected a date YYYY-MM-DD")),
        (#"{"type":"missing","child":"person:lccs/C","item":"police/R-1"}"#,
         .missingField(here, field: "start", reason: "expected a date or date and time such as 2024-03-02T21:40")),
        (#"{"type":"notice","notice":"cawn","issued":"2024-04-01","item":"police/R-1"}"#,
         .missingField(here, field: "subject", reason: "expected an entity reference such as person:niche/PN-1001")),

        // Items and grades
        (#"{"type":"item","agency":"fire_service","ref":"R-1","recorded":"2024-03-04","grade":"2BP"}"#,
         .badField(here, field: "agency", value: "fire_service", reason: "expected one of: \(agencies)")),
        (#"{"type":"item","agency":"police","ref":"R-1","recorded":"2024-03-04","grade":"4ZP"}"#,
         .badField(here, field: "grade", value: "4ZP", reason: "source evaluation must be 1, 2 or 3")),
        (#"{"type":"item","agency":"police","ref":"R-1","recorded":"2024-03-04","grade":"2BPX"}"#,
         .badField(here, field: "grade", value: "2BPX", reason: Grade.ParseError.malformed.description)),
        (#"{"type":"item","agency":"police","ref":"R-1","recorded":"2024-03-04","grade":"1AC"}"#,
         .badField(here, field: "conditions", value: "1AC", reason: "handling code C needs its conditions in 'conditions'")),
        (#"{"type":"item","agency":"police","ref":"R-1","recorded":"2024-03-04","grade":"1AC","conditions":" "}"#,
         .badField(here, field: "conditions", value: "1AC", reason: "handling code C needs its conditions in 'conditions'")),
        (#"{"type":"item","agency":"police","ref":"R-1","recorded":"2024-03-04","grade":"2BP","conditions":"MACE only"}"#,
         .badField(here, field: "conditions", value: "MACE only", reason: "conditions are recorded only with 3x5x2 handling code C")),
        (#"{"type":"item","agency":"police","ref":"R-1","recorded":"2009-06-01","grade":"B24","conditions":"MACE only"}"#,
         .badField(here, field: "conditions", value: "MACE only", reason: "conditions are recorded only with 3x5x2 handling code C")),
        (#"{"type":"item","agency":"police","ref":"R-1","recorded":"2024-03","grade":"2BP"}"#,
         .badField(here, field: "recorded", value: "2024-03", reason: "expected a date YYYY-MM-DD")),
        (#"{"type":"item","agency":"police","ref":"R-1","recorded":"~2024-03-04","grade":"2BP"}"#,
         .badField(here, field: "recorded", value: "~2024-03-04", reason: "expected a date YYYY-MM-DD")),
        (#"{"type":"item","agency":"police","ref":"R-1","recorded":"2024-02-30","grade":"2BP"}"#,
         .badField(here, field: "recorded", value: "2024-02-30", reason: "expected a date YYYY-MM-DD (not a real calendar date)")),
        (#"{"type":"item","agency":"police","ref":"R-1","recorded":"2024-03-04","observed":"yesterday","grade":"2BP"}"#,
         .badField(here, field: "observed", value: "yesterday", reason: TimeSpec.ParseError.malformed.description)),
        (#"{"type":"item","agency":"police","ref":"R-1","recorded":"2024-03-04","observed":"2024-03-02/2024-03-01","grade":"2BP"}"#,
         .badField(here, field: "observed", value: "2024-03-02/2024-03-01", reason: "the period ends before it starts")),
        (#"{"type":"item","agency":"police","ref":"R\n1","recorded":"2024-03-04","grade":"2BP"}"#,
         .badField(here, field: "ref", value: "R\n1", reason: "contains a control character (U+A)" + printable)),

        // Entities
        (#"{"type":"person","id":"person:niche/A","dob":"31/02/2024","item":"police/R-1"}"#,
         .badField(here, field: "dob", value: "31/02/2024", reason: "expected YYYY-MM-DD, YYYY-MM or YYYY, optionally prefixed with ~ for approximate")),
        (#"{"type":"person","id":"person:niche/A","dob":"2024-02-31","item":"police/R-1"}"#,
         .badField(here, field: "dob", value: "2024-02-31", reason: "expected YYYY-MM-DD, YYYY-MM or YYYY, optionally prefixed with ~ for approximate (not a real calendar date)")),
        (#"{"type":"person","id":"person:niche/A","dob":"2010-07-30T10:00","item":"police/R-1"}"#,
         .badField(here, field: "dob", value: "2010-07-30T10:00", reason: "expected YYYY-MM-DD, YYYY-MM or YYYY, optionally prefixed with ~ for approximate")),
        (#"{"type":"person","id":"person:niche/A","name":"Darren\u0007Q","item":"police/R-1"}"#,
         .badField(here, field: "name", value: "Darren\u{7}Q", reason: "contains a control character (U+7)" + printable)),
        (#"{"type":"person","id":"person:niche/A","name":"Darren\nQ","item":"police/R-1"}"#,
         .badField(here, field: "name", value: "Darren\nQ", reason: "contains a control character (U+A)" + printable)),
        (#"{"type":"person","id":"person:niche/A","name":"Darren\u007fQ","item":"police/R-1"}"#,
         .badField(here, field: "name", value: "Darren\u{7F}Q", reason: "contains a control character (U+7F)" + printable)),
        (#"{"type":"person","id":"person:niche/A","aliases":["Daz","D\u0000z"],"item":"police/R-1"}"#,
         .badField(here, field: "aliases", value: "D\u{0}z", reason: "contains a control character (U+0)" + printable)),
        (#"{"type":"person","id":"person:niche/A","name":["a"],"item":"police/R-1"}"#,
         .badField(here, field: "name", value: #"["a"]"#, reason: "expected text (a JSON string), found a list")),
        (#"{"type":"person","id":"person:niche/A","aliases":"Daz","item":"police/R-1"}"#,
         .badField(here, field: "aliases", value: #""Daz""#, reason: "expected a list [...], found a string")),
        (#"{"type":"person","id":"person:niche/A","roles":["suspect",5],"item":"police/R-1"}"#,
         .badField(here, field: "roles", value: "5", reason: "expected a list of text (JSON strings), found a number in it")),
        (#"{"type":"person","id":"person:niche/A","roles":["victim"],"item":"police/R-1"}"#,
         .badField(here, field: "roles", value: "victim", reason: "expected one of: suspect, child_at_risk, harbourer, associate, parent_or_carer, witness, professional")),
        (#"{"type":"person","id":"vehicle:AB12CDE","item":"police/R-1"}"#,
         .badField(here, field: "id", value: "vehicle:AB12CDE", reason: "this field must be a person, not a vehicle")),
        (#"{"type":"person","id":"person:PN-1001","item":"police/R-1"}"#,
         .badField(here, field: "id", value: "person:PN-1001", reason: "not a valid person identifier: expected SYSTEM/ID, such as niche/PN-1001")),
        (#"{"type":"person","id":"person:niche/A","ids":["phone:07700900123"],"item":"police/R-1"}"#,
         .badField(here, field: "ids", value: "phone:07700900123", reason: "this field must be a person, not a phone")),
        (#"{"type":"person","id":"person:niche/A","item":"fire/123"}"#,
         .badField(here, field: "item", value: "fire/123", reason: "expected AGENCY/REFERENCE citing an intelligence item, such as police/WX-24-000123, where AGENCY is one of \(agencies)")),
        (#"{"type":"person","id":"person:niche/A","item":"police/"}"#,
         .badField(here, field: "item", value: "police/", reason: "expected AGENCY/REFERENCE citing an intelligence item, such as police/WX-24-000123, where AGENCY is one of \(agencies)")),
        (#"{"type":"phone","id":"phone:07700900123","imei":"123","item":"police/R-1"}"#,
         .badField(here, field: "imei", value: "123", reason: "not a valid imei identifier: an IMEI has 14, 15 or 16 digits (found 3)")),
        (#"{"type":"phone","id":"phone:07700 90012X","item":"police/R-1"}"#,
         .badField(here, field: "id", value: "phone:07700 90012X", reason: "not a valid phone identifier: a phone number cannot contain \"X\"")),
        (#"{"type":"location","id":"location:lic/P","category":"casino","item":"police/R-1"}"#,
         .badField(here, field: "category", value: "casino", reason: "expected one of: hotel, bnb, takeaway, licensed_premises, taxi_firm, taxi_rank, shisha_lounge, park, shopping_centre, school, childrens_home, residential, other")),
        (#"{"type":"location","id":"location:lic/P","postcode":"WX1","item":"police/R-1"}"#,
         .badField(here, field: "postcode", value: "WX1", reason: Postcode.ParseError.malformed.description)),
        (#"{"type":"location","id":"location:lic/P","lat":50.1,"item":"police/R-1"}"#,
         .missingField(here, field: "lon", reason: "coordinates need both lat and lon")),
        (#"{"type":"location","id":"location:lic/P","lon":-3.4,"item":"police/R-1"}"#,
         .missingField(here, field: "lat", reason: "coordinates need both lat and lon")),
        (#"{"type":"location","id":"location:lic/P","lat":91,"lon":0,"item":"police/R-1"}"#,
         .badField(here, field: "lat", value: "91.0", reason: "latitude must be between -90 and 90")),
        (#"{"type":"location","id":"location:lic/P","lat":0,"lon":-180.5,"item":"police/R-1"}"#,
         .badField(here, field: "lon", value: "-180.5", reason: "longitude must be between -180 and 180")),
        (#"{"type":"location","id":"location:lic/P","lat":"north","lon":0,"item":"police/R-1"}"#,
         .badField(here, field: "lat", value: #""north""#, reason: "expected a JSON number, found a string")),
        (#"{"type":"location","id":"location:lic/P","lat":true,"lon":0,"item":"police/R-1"}"#,
         .badField(here, field: "lat", value: "true", reason: "expected a JSON number, found a boolean")),
        (#"{"type":"location","id":"location:lic/P","lat":1e999,"lon":0,"item":"police/R-1"}"#,
         .badField(here, field: "lat", value: "1e999", reason: "expected a number")),
        (#"{"type":"location","id":"location:lic/P","nte":"maybe","item":"police/R-1"}"#,
         .badField(here, field: "nte", value: #""maybe""#, reason: "expected true or false (a JSON boolean), found a string")),
        (#"{"type":"organisation","id":"org:ch/1","orgType":"charity","item":"police/R-1"}"#,
         .badField(here, field: "orgType", value: "charity", reason: "expected one of: business, taxi_firm, hotel_group, other")),

        // Links
        (#"{"type":"link","link":"knows","from":"person:niche/A","to":"person:niche/B","item":"police/R-1"}"#,
         .badField(here, field: "link", value: "knows", reason: "expected one of: \(LinkType.allCases.map(\.rawValue).joined(separator: ", "))")),
        (#"{"type":"link","link":"driver_of","from":"person:niche/A","to":"phone:07700900123","item":"police/R-1"}"#,
         .badField(here, field: "to", value: "phone:07700900123", reason: "the 'to' end of driver_of must be a vehicle, not a phone")),
        (#"{"type":"link","link":"travelled_in","from":"vehicle:WX09ABC","to":"vehicle:AB12CDE","item":"police/R-1"}"#,
         .badField(here, field: "from", value: "vehicle:WX09ABC", reason: "the 'from' end of travelled_in must be a person, not a vehicle")),
        (#"{"type":"link","link":"works_at","from":"person:niche/A","to":"phone:07700900123","item":"police/R-1"}"#,
         .badField(here, field: "to", value: "phone:07700900123", reason: "the 'to' end of works_at must be a location or organisation, not a phone")),
        (#"{"type":"link","link":"contacted","from":"phone:07700900123","to":"account:snapchat/kaz","item":"police/R-1"}"#,
         .badField(here, field: "to", value: "account:snapchat/kaz", reason: "both ends of 'contacted' must be the same kind (from is a phone)")),
        (#"{"type":"link","link":"contacted","from":"person:niche/A","to":"phone:07700900123","item":"police/R-1"}"#,
         .badField(here, field: "to", value: "phone:+447700900123", reason: "both ends of 'contacted' must be the same kind (from is a person)")),
        (#"{"type":"link","link":"associates_with","from":"person:niche/A","to":"person:NICHE/ A ","item":"police/R-1"}"#,
         .badField(here, field: "to", value: "person:niche/A", reason: "a link must join two different entities")),
        (#"{"type":"link","link":"contacted","from":"phone:07700900123","to":"phone:+44 7700 900123","item":"police/R-1"}"#,
         .badField(here, field: "to", value: "phone:+447700900123", reason: "a link must join two different entities")),
        (#"{"type":"link","link":"associates_with","from":"person:niche/A","to":"person:niche/B"}"#,
         .missingField(here, field: "item", reason: "every link cites the intelligence item(s) behind it ('item' or 'items')")),
        (#"{"type":"link","link":"associates_with","from":"person:niche/A","to":"person:niche/B","items":[]}"#,
         .missingField(here, field: "item", reason: "every link cites the intelligence item(s) behind it ('item' or 'items')")),
        (#"{"type":"link","link":"associates_with","from":"person:niche/A","to":"person:niche/B","items":["police"]}"#,
         .badField(here, field: "items", value: "police", reason: "expected AGENCY/REFERENCE citing an intelligence item, such as police/WX-24-000123, where AGENCY is one of \(agencies)")),
        (#"{"type":"link","link":"associates_with","from":"person:niche/A","to":"person:niche/B","mode":"call","item":"police/R-1"}"#,
         .badField(here, field: "mode", value: "call", reason: "'mode' belongs only to 'contacted' links")),
        (#"{"type":"link","link":"associates_with","from":"person:niche/A","to":"person:niche/B","duration":94,"item":"police/R-1"}"#,
         .badField(here, field: "duration", value: "94.0", reason: "'duration' belongs only to 'contacted' links")),
        (#"{"type":"link","link":"contacted","from":"phone:07700900123","to":"phone:07700900456","substance":"cannabis","item":"police/R-1"}"#,
         .badField(here, field: "substance", value: "cannabis", reason: "'substance' belongs only to 'supplies' links")),
        (#"{"type":"link","link":"contacted","from":"phone:07700900123","to":"phone:07700900456","mode":"fax","item":"police/R-1"}"#,
         .badField(here, field: "mode", value: "fax", reason: "expected one of: call, sms, message, video, other")),
        (#"{"type":"link","link":"contacted","from":"phone:07700900123","to":"phone:07700900456","duration":-1,"item":"police/R-1"}"#,
         .badField(here, field: "duration", value: "-1.0", reason: "expected whole seconds between 0 and 604800")),
        (#"{"type":"link","link":"contacted","from":"phone:07700900123","to":"phone:07700900456","duration":1.5,"item":"police/R-1"}"#,
         .badField(here, field: "duration", value: "1.5", reason: "expected whole seconds between 0 and 604800")),
        (#"{"type":"link","link":"contacted","from":"phone:07700900123","to":"phone:07700900456","duration":604801,"item":"police/R-1"}"#,
         .badField(here, field: "duration", value: "604801.0", reason: "expected whole seconds between 0 and 604800")),
        (#"{"type":"link","link":"contacted","from":"phone:07700900123","to":"phone:07700900456","at":"2024-02-30","item":"police/R-1"}"#,
         .badField(here, field: "at", value: "2024-02-30", reason: "not a real calendar date or time")),

        // Periods in care, missing episodes, notices
        (#"{"type":"looked_after","child":"person:lccs/C","from":"2023-01-10","to":"2023-01-09","item":"social_care/S-1"}"#,
         .badField(here, field: "to", value: "2023-01-09", reason: "is before 'from' (2023-01-10)")),
        (#"{"type":"looked_after","child":"location:uprn/1","from":"2023-01-10","item":"social_care/S-1"}"#,
         .badField(here, field: "child", value: "location:uprn/1", reason: "this field must be a person, not a location")),
        (#"{"type":"missing","child":"person:lccs/C","start":"2024-03-02T18:00","end":"2024-03-02T17:59","item":"police/R-1"}"#,
         .badField(here, field: "end", value: "2024-03-02T17:59:00", reason: "is before the episode's start (2024-03-02T18:00:00)")),
        (#"{"type":"missing","child":"person:lccs/C","start":"2024-03-01/2024-03-02","item":"police/R-1"}"#,
         .badField(here, field: "start", value: "2024-03-01/2024-03-02", reason: "expected one moment, not a period")),
        (#"{"type":"missing","child":"person:lccs/C","start":"2024-03-02T18:00","foundWith":["vehicle:AB12CDE"],"item":"police/R-1"}"#,
         .badField(here, field: "foundWith", value: "vehicle:AB12CDE", reason: "this field must be a person, not a vehicle")),
        (#"{"type":"missing","child":"person:lccs/C","start":"2024-03-02T18:00","foundAt":"person:niche/A","item":"police/R-1"}"#,
         .badField(here, field: "foundAt", value: "person:niche/A", reason: "this field must be a location, not a person")),
        (#"{"type":"notice","notice":"asbo","subject":"person:niche/A","issued":"2024-04-01","item":"police/R-1"}"#,
         .badField(here, field: "notice", value: "asbo", reason: "expected one of: cawn, harbourer_warning, hotel_notice, visit, marker, other")),
        (#"{"type":"notice","notice":"cawn","subject":"person:niche/A","issued":"2024-04-01","expires":"2024-03-31","item":"police/R-1"}"#,
         .badField(here, field: "expires", value: "2024-03-31", reason: "is before the notice was issued (2024-04-01)")),
        (#"{"type":"notice","notice":"cawn","subject":"account:snapchat/ab","issued":"2024-04-01","item":"police/R-1"}"#,
         .badField(here, field: "subject", value: "account:snapchat/ab", reason: "this field must be a location or organisation or person or phone or vehicle, not an account")),
        (#"{"type":"non_consent","child":"person:lccs/C","by":"friend","item":"social_care/R-1"}"#,
         .badField(here, field: "by", value: "friend", reason: "expected one of: parent, carer, local_authority")),
        (#"{"type":"non_consent","child":"person:lccs/C","adult":"vehicle:AB12CDE","by":"parent","item":"social_care/R-1"}"#,
         .badField(here, field: "adult", value: "vehicle:AB12CDE", reason: "this field must be a person, not a vehicle")),
        (#"{"type":"non_consent","child":"person:lccs/C","item":"social_care/R-1"}"#,
         .missingField(here, field: "by", reason: "this record type requires it")),
    ]

    @Test(arguments: errors)
    func rejected(json: String, expected: IngestError) {
        #expect(failure(json) == expected)
    }

    /// Every error names the file and line, and the field when there is one.
    @Test(arguments: errors)
    func errorDescriptionsNameFileLineAndField(json: String, expected: IngestError) {
        guard let e = failure(json) else { Issue.record("no error for \(json)"); return }
        #expect(e.location == here)
        #expect(e.description.hasPrefix("bad.jsonl:7: "))
        if let field = e.field { #expect(e.description.contains("field '\(field)'")) }
        if case .badLine = e {} else { #expect(e.field != nil) }
    }

    @Test func summaryLongerThan100000Characters() {
        let long = String(repeating: "a", count: 100_001)
        let e = failure(#"{"type":"item","agency":"police","ref":"R-1","recorded":"2024-03-04","grade":"2BP","summary":"\#(long)"}"#)
        #expect(e == .badField(here, field: "summary", value: long, reason: "is longer than the 100000 characters allowed"))
        // The message quotes the start of the value and gives its size rather than printing 100 KB.
        #expect(e?.description == "bad.jsonl:7: field 'summary': \"\(String(repeating: "a", count: 77))...\" (100001 bytes) is longer than the 100000 characters allowed")
    }

    @Test func shortTextLimit() {
        let long = String(repeating: "é", count: 1001)
        #expect(failure(#"{"type":"person","id":"person:niche/A","name":"\#(long)","item":"police/R-1"}"#)
            == .badField(here, field: "name", value: long, reason: "is longer than the 1000 characters allowed"))
        let ref = String(repeating: "R", count: 201)
        #expect(failure(#"{"type":"item","agency":"police","ref":"\#(ref)","recorded":"2024-03-04","grade":"2BP"}"#)
            == .badField(here, field: "ref", value: ref, reason: "is longer than the 200 characters allowed"))
    }

    @Test func descriptionsAsAPersonReadsThem() {
        #expect(failure(#"{"type":"person","id":"person:niche/A","dob":"31/02/2024","item":"police/R-1"}"#)?.description
            == #"bad.jsonl:7: field 'dob': "31/02/2024" is not valid: expected YYYY-MM-DD, YYYY-MM or YYYY, optionally prefixed with ~ for approximate"#)
        #expect(failure(#"{"type":"person","id":"person:niche/A","name":"Darren\u0007Q","item":"police/R-1"}"#)?.description
            == #"bad.jsonl:7: field 'name': "Darren\u0007Q" is not valid: contains a control character (U+7); text fields take printable characters only"#)
        #expect(failure(#"{"type":"person","item":"police/R-1"}"#)?.description
            == "bad.jsonl:7: field 'id' is missing: expected an entity reference such as person:niche/PN-1001")
        #expect(failure(#"{"type":"person","id":"person:niche/A","nmae":"X","item":"police/R-1"}"#)?.description
            == "bad.jsonl:7: field 'nmae' is not a field of this record (expected one of: type, id, item, name, aliases, dob, roles, ids)")
    }

    @Test func csvColumnsAreNamedInErrors() throws {
        let value = try JSONParser.parse(Array(#"{"type":"person","id":"phone:x","item":"police/R-1"}"#.utf8))
        let e = IngestError.badField(here, field: "id", value: "phone:x", reason: "not a valid phone identifier: a phone number cannot contain \"x\" (column 'PNC')")
        #expect(throws: e) { try RecordDecoder().decode(value, at: here, columns: ["id": "PNC"]) }
        #expect(e.description == #"bad.jsonl:7: field 'id': "phone:x" is not valid: not a valid phone identifier: a phone number cannot contain "x" (column 'PNC')"#)
        // Errors raised by the decoder itself name the column too.
        let dob = try JSONParser.parse(Array(#"{"type":"person","id":"person:niche/A","dob":"31/02/2024","item":"police/R-1"}"#.utf8))
        #expect(throws: IngestError.self) { try RecordDecoder().decode(dob, at: here, columns: ["dob": "Date of Birth"]) }
        do { _ = try RecordDecoder().decode(dob, at: here, columns: ["dob": "Date of Birth"]) } catch {
            #expect(error.field == "dob")
            #expect(error.description.hasSuffix("(column 'Date of Birth')"))
        }
    }
}

/// Issue 11, item 23: a missing episode naming the missing child among those found with them.
@Test func aMissingEpisodeNeverListsTheChildAmongThoseFoundWith() {
    let e = failure(#"{"type":"missing","child":"person:lccs/C-1","start":"2024-03-01","foundWith":["person:niche/P-1","person:lccs/C-1"],"item":"police/MP-1"}"#)
    guard case let .badField(_, field, _, reason)? = e else { Issue.record("accepted: \(String(describing: e))"); return }
    #expect(field == "foundWith" && reason.contains("names the missing child"))
}
