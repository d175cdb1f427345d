import Testing
@testable import SightlineIngest

private func mappingError(_ yaml: String) -> IngestError? {
    do { _ = try CSVMapping.parse(yaml: yaml, file: "m.yaml"); return nil } catch { return error }
}

/// A mapping that uses every kind of field value, and the header it reads.
private let everyKind = #"""
    mapping: 1
    name: Test export
    records:
      - type: item
        agency: police
        ref: "REF-{ID}"
        recorded: { column: Recorded, date: dd/MM/yyyy }
        grade: 2BP
        summary: "{Notes}"
      - type: person
        id: "person:niche/{ID}"
        name: "{Surname}, {Forename}"
        aliases: { column: Aliases, split: ";" }
        roles: [suspect, "{Role}"]
        dob: { column: DOB, date: dd/MM/yyyy }
        item: "police/REF-{ID}"
      - type: vehicle
        when: Plate
        id: "vehicle:{Plate}"
        item: "police/REF-{ID}"
      - type: link
        link: contacted
        from: "phone:{Caller}"
        to: "phone:{Recipient}"
        mode: { column: Type, map: { VOICE: call, SMS: sms }, default: other }
        duration: { column: Duration, number: true }
        item: "police/REF-{ID}"
    """#
private let everyKindHeader = ["ID", "Recorded", "Notes", "Surname", "Forename", "Aliases", "Role", "DOB", "Plate", "Caller", "Recipient", "Type", "Duration"]
private let everyKindIndex = Dictionary(uniqueKeysWithValues: everyKindHeader.enumerated().map { ($1, $0) })
private let here = SourceLocation(file: "export.csv", line: 7)

private func row(_ values: [String: String]) -> [String] { everyKindHeader.map { values[$0] ?? "" } }

/// YAML mappings from CSV rows to canonical records (docs/formats.md, "CSV through a mapping").
struct CSVMappingTests {
    // MARK: Reading a mapping

    @Test func parsesTheMappingInFormatsMD() throws {
        let m = try CSVMapping.parse(yaml: Fixtures.callMapping, file: "calls.mapping.yaml")
        #expect(m.name == "Wexcombe Police call data records")
        #expect(m.encoding == .utf8)
        #expect(m.delimiter == UInt8(ascii: ","))
        #expect(m.records.map(\.type) == ["item", "link"])
        #expect(m.records[0].fields.map(\.name) == ["agency", "ref", "recorded", "observed", "grade"])
        #expect(m.records[1].fields.map(\.name) == ["link", "from", "to", "at", "mode", "duration", "item"])
        #expect(m.records.allSatisfy { $0.when == nil })
        #expect(m.columns == ["Call ID", "Extracted", "Start", "Caller", "Recipient", "Type", "Duration"])
    }

    @Test func settings() throws {
        let base = "records:\n  - type: item\n    agency: police\n"
        let m1 = try CSVMapping.parse(yaml: "mapping: 1\nencoding: windows-1252\ndelimiter: tab\n" + base, file: "x.yaml")
        #expect(m1.encoding == .windows1252)
        #expect(m1.delimiter == 9)
        #expect(m1.name == "x.yaml") // the file name when the mapping has none
        let m2 = try CSVMapping.parse(yaml: "mapping: 1\nencoding: cp1252\ndelimiter: \"\\t\"\n" + base, file: "x.yaml")
        #expect(m2.encoding == .windows1252)
        #expect(m2.delimiter == 9)
        let m3 = try CSVMapping.parse(yaml: "mapping: 1\nencoding: latin1\ndelimiter: ';'\n" + base, file: "x.yaml")
        #expect(m3.encoding == .latin1)
        #expect(m3.delimiter == UInt8(ascii: ";"))
        let m4 = try CSVMapping.parse(yaml: "mapping: 1\ndelimiter: '\\t'\n" + base, file: "x.yaml")
        #expect(m4.delimiter == 9)
    }

    @Test(arguments: [
        // (yaml, line, reason)
        ("", nil, "the file is empty"),
        ("- a\n- b\n", 1, "expected keys such as mapping, name, encoding, records"),
        ("name: x\nrecords:\n  - type: item\n    agency: police\n", nil, "the first key should be 'mapping: 1' (the format version)"),
        ("mapping: 2\nrecords:\n  - type: item\n", 1, "this version of Sightline reads mapping format 1"),
        ("mapping: one\nrecords:\n  - type: item\n", 1, "this version of Sightline reads mapping format 1"),
        ("mapping: 1\ncolour: red\nrecords:\n  - type: item\n", 2, "unknown key 'colour' (expected mapping, name, encoding, delimiter, records)"),
        ("mapping: 1\nencoding: ebcdic\nrecords:\n  - type: item\n", 2, "encoding must be one of utf-8, windows-1252, latin1"),
        ("mapping: 1\ndelimiter: ';;'\nrecords:\n  - type: item\n", 2, "delimiter must be one character"),
        ("mapping: 1\nrecords: []\n", nil, "'records' lists no record templates"),
        ("mapping: 1\nrecords: item\n", 2, "records must be a list of record templates"),
        ("mapping: 1\nrecords:\n  - just text\n", 3, "a record template is a set of field: value pairs"),
        ("mapping: 1\nrecords:\n  - agency: police\n", 3, "a record template needs a type"),
        ("mapping: 1\nrecords:\n  - type: widget\n", 3,
         "type must be one of account, item, link, location, looked_after, missing, non_consent, notice, organisation, person, phone, vehicle"),
        ("mapping: 1\nrecords:\n  - type: item\n    colour: red\n", 3,
         "'colour' is not a field of a item record (expected one of: type, agency, ref, recorded, observed, grade, conditions, summary)"),
        ("mapping: 1\nrecords:\n  - colour: red\n    type: vehicle\n  - agency: police\n    type: link\n", 5,
         "'agency' is not a field of a link record (expected one of: type, link, from, to, at, item, items, mode, duration, substance)"),
        ("mapping: 1\nrecords:\n  - type: item\n    when: [a]\n", 4, "when names a column"),
        ("mapping: 1\nrecords:\n  - type: item\n    ref: \"CDR-{Call ID\"\n", 4, "a '{' in \"CDR-{Call ID\" is not closed"),
        ("mapping: 1\nrecords:\n  - type: item\n    ref: \"CDR-{}\"\n", 4, "empty {} in \"CDR-{}\""),
        ("mapping: 1\nrecords:\n  - type: item\n    recorded: { column: R, date: \"dd/MM\" }\n", 4,
         "a date pattern uses dd, MM, yyyy or yy, HH, mm, ss and literal separators, such as dd/MM/yyyy HH:mm"),
        ("mapping: 1\nrecords:\n  - type: item\n    recorded: { column: R, date: \"yyyy\" }\n", 4,
         "a date pattern uses dd, MM, yyyy or yy, HH, mm, ss and literal separators, such as dd/MM/yyyy HH:mm"),
        ("mapping: 1\nrecords:\n  - type: item\n    recorded:\n      column: R\n      format: dd/MM/yyyy\n", 6,
         "unknown key 'format' (expected column, date, map, default, split, each, number)"),
        ("mapping: 1\nrecords:\n  - type: item\n    recorded: { date: dd/MM/yyyy }\n", 4, "a field taken from the CSV names its column: { column: NAME }"),
        ("mapping: 1\nrecords:\n  - type: link\n    mode: { column: T, map: [a, b] }\n", 4, "map is a table of code: value"),
        ("mapping: 1\nrecords:\n  - type: person\n    aliases: { column: A, split: \"\" }\n", 4, "split gives the separator, such as \";\""),
        ("mapping: 1\nrecords:\n  - type: person\n    aliases: { column: A, each: \"x{}\" }\n", 4, "each goes with split: it applies to every element of the list"),
        ("mapping: 1\nrecords:\n  - type: person\n    aliases: { column: A, split: \";\", each: \"no placeholder\" }\n", 4, "each is a template with {} for each element, such as \"person:niche/{}\""),
    ] as [(String, Int?, String)])
    func mappingErrors(yaml: String, line: Int?, reason: String) {
        #expect(mappingError(yaml) == .badMapping(file: "m.yaml", line: line, reason: reason))
    }

    @Test(arguments: ["records: [unclosed", "a: 1\n- b", "{ a: 1", "a: 'x"])
    func notYAML(yaml: String) {
        guard case let .badMapping(file, line, reason) = mappingError(yaml) else {
            Issue.record("expected a mapping error for \(yaml)"); return
        }
        #expect(file == "m.yaml")
        #expect(line == nil)
        #expect(reason.hasPrefix("not valid YAML: "))
    }

    @Test func mappingErrorDescriptions() {
        #expect(IngestError.badMapping(file: "m.yaml", line: 4, reason: "r").description == "m.yaml:4: mapping: r")
        #expect(IngestError.badMapping(file: "m.yaml", line: nil, reason: "r").description == "m.yaml: mapping: r")
    }

    // MARK: Checking a header

    @Test func headerWithEveryColumn() throws {
        let m = try CSVMapping.parse(yaml: Fixtures.callMapping, file: "calls.mapping.yaml")
        try m.check(header: Fixtures.callHeader.split(separator: ",").map(String.init), csvFile: "calls.csv", mappingFile: "calls.mapping.yaml")
        // Spaces around header names are ignored; extra columns are fine.
        try m.check(header: [" Call ID ", "Extracted", "Start ", "Caller", "Recipient", "Type", "Duration", "Cell Site"],
                    csvFile: "calls.csv", mappingFile: "calls.mapping.yaml")
    }

    @Test func headerMissingColumns() throws {
        let m = try CSVMapping.parse(yaml: Fixtures.callMapping, file: "calls.mapping.yaml")
        #expect(throws: IngestError.badLine(SourceLocation(file: "calls.csv", line: 1),
                                            reason: "the header lacks columns 'Duration', 'Type' named by mapping calls.mapping.yaml (the header has: 'Call ID', 'Extracted', 'Start', 'Caller', 'Recipient')")) {
            try m.check(header: ["Call ID", "Extracted", "Start", "Caller", "Recipient"], csvFile: "calls.csv", mappingFile: "calls.mapping.yaml")
        }
        #expect(throws: IngestError.badLine(SourceLocation(file: "calls.csv", line: 1),
                                            reason: "the header lacks column 'Call ID' named by mapping calls.mapping.yaml (the header has: 'CallID', 'Extracted', 'Start', 'Caller', 'Recipient', 'Type', 'Duration')")) {
            try m.check(header: ["CallID", "Extracted", "Start", "Caller", "Recipient", "Type", "Duration"], csvFile: "calls.csv", mappingFile: "calls.mapping.yaml")
        }
    }

    @Test func whenColumnIsAColumnToo() throws {
        let m = try CSVMapping.parse(yaml: everyKind, file: "m.yaml")
        #expect(m.columns == Set(everyKindHeader))
        let header = everyKindHeader.filter { $0 != "Plate" }
        #expect(throws: IngestError.badLine(SourceLocation(file: "e.csv", line: 1),
                                            reason: "the header lacks column 'Plate' named by mapping m.yaml (the header has: \(header.map { "'\($0)'" }.joined(separator: ", ")))")) {
            try m.check(header: header, csvFile: "e.csv", mappingFile: "m.yaml")
        }
    }

    // MARK: Applying a mapping

    @Test func fullRow() throws {
        let m = try CSVMapping.parse(yaml: everyKind, file: "m.yaml")
        let made = try m.apply(row: row([
            "ID": "P1", "Recorded": "04/03/2024", "Notes": "Seen, twice", "Surname": "QUILLFEATHER", "Forename": "Darren",
            "Aliases": "Daz; Dazza ;;", "Role": "associate", "DOB": "12/05/1989", "Plate": "wx09 abc",
            "Caller": "07700 900123", "Recipient": " 07700 900456 ", "Type": "voice", "Duration": "94",
        ]), index: everyKindIndex, at: here)
        #expect(made.map(\.value) == [
            .object([("type", .string("item")), ("agency", .string("police")), ("ref", .string("REF-P1")),
                     ("recorded", .string("2024-03-04")), ("grade", .string("2BP")), ("summary", .string("Seen, twice"))]),
            .object([("type", .string("person")), ("id", .string("person:niche/P1")), ("name", .string("QUILLFEATHER, Darren")),
                     ("aliases", .array([.string("Daz"), .string("Dazza")])), ("roles", .array([.string("suspect"), .string("associate")])),
                     ("dob", .string("1989-05-12")), ("item", .string("police/REF-P1"))]),
            .object([("type", .string("vehicle")), ("id", .string("vehicle:wx09 abc")), ("item", .string("police/REF-P1"))]),
            .object([("type", .string("link")), ("link", .string("contacted")), ("from", .string("phone:07700 900123")),
                     ("to", .string("phone:07700 900456")), ("mode", .string("call")), ("duration", .number("94")),
                     ("item", .string("police/REF-P1"))]),
        ])
        #expect(made[0].columns == ["ref": "ID", "recorded": "Recorded", "summary": "Notes"])
        #expect(made[1].columns == ["id": "ID", "name": "Surname", "aliases": "Aliases", "roles": "Role", "dob": "DOB", "item": "ID"])
        #expect(made[3].columns == ["from": "Caller", "to": "Recipient", "mode": "Type", "duration": "Duration", "item": "ID"])
    }

    @Test func emptyColumnsLeaveFieldsOut() throws {
        let m = try CSVMapping.parse(yaml: everyKind, file: "m.yaml")
        let made = try m.apply(row: row([
            "ID": "P2", "Recorded": "04/03/2024", "Surname": "FICTIONAL", "Forename": "  ", "DOB": "",
            "Caller": "07700 900123", "Recipient": "07700 900456", "Type": "FAX",
        ]), index: everyKindIndex, at: here)
        #expect(made.map(\.value) == [
            .object([("type", .string("item")), ("agency", .string("police")), ("ref", .string("REF-P2")),
                     ("recorded", .string("2024-03-04")), ("grade", .string("2BP"))]),
            .object([("type", .string("person")), ("id", .string("person:niche/P2")), ("roles", .array([.string("suspect")])),
                     ("item", .string("police/REF-P2"))]),
            // no vehicle: `when: Plate` and Plate is empty
            .object([("type", .string("link")), ("link", .string("contacted")), ("from", .string("phone:07700 900123")),
                     ("to", .string("phone:07700 900456")), ("mode", .string("other")), ("item", .string("police/REF-P2"))]),
        ])
    }

    @Test func shortRowReadsMissingCellsAsEmpty() throws {
        let m = try CSVMapping.parse(yaml: everyKind, file: "m.yaml")
        let made = try m.apply(row: ["P3", "04/03/2024"], index: everyKindIndex, at: here)
        #expect(made.count == 3) // item, person, link (no plate)
        #expect(made[0].value == .object([("type", .string("item")), ("agency", .string("police")), ("ref", .string("REF-P3")),
                                          ("recorded", .string("2024-03-04")), ("grade", .string("2BP"))]))
    }

    @Test func mapWithoutDefaultRejectsUnknownCodes() throws {
        let m = try CSVMapping.parse(yaml: Fixtures.callMapping, file: "calls.mapping.yaml")
        let index = Dictionary(uniqueKeysWithValues: Fixtures.callHeader.split(separator: ",").enumerated().map { (String($1), $0) })
        let good = ["C1", "04/03/2024", "02/03/2024 20:13:05", "07700 900123", "07700 900456", "SMS", "94"]
        let made = try m.apply(row: good, index: index, at: here)
        #expect(made[1].value == .object([
            ("type", .string("link")), ("link", .string("contacted")), ("from", .string("phone:07700 900123")),
            ("to", .string("phone:07700 900456")), ("at", .string("2024-03-02T20:13:05")), ("mode", .string("sms")),
            ("duration", .number("94")), ("item", .string("police/CDR-C1")),
        ]))
        #expect(made[0].value == .object([
            ("type", .string("item")), ("agency", .string("police")), ("ref", .string("CDR-C1")), ("recorded", .string("2024-03-04")),
            ("observed", .string("2024-03-02T20:13:05")), ("grade", .string("1AP")),
        ]))
        var bad = good; bad[5] = "FAX"
        #expect(throws: IngestError.badField(here, field: "mode", value: "FAX",
                                             reason: "is not one of the codes the mapping knows (MMS, SMS, VOICE) (column 'Type')")) {
            try m.apply(row: bad, index: index, at: here)
        }
        let e = IngestError.badField(here, field: "mode", value: "FAX", reason: "is not one of the codes the mapping knows (MMS, SMS, VOICE) (column 'Type')")
        #expect(e.description == #"export.csv:7: field 'mode': "FAX" is not one of the codes the mapping knows (MMS, SMS, VOICE) (column 'Type')"#)
    }

    @Test(arguments: [("31/02/2024", "is not a real calendar date or time"), ("2024-03-04", "does not fit the mapping's date pattern dd/MM/yyyy"),
                      ("4/3/2024", "does not fit the mapping's date pattern dd/MM/yyyy")])
    func dateConversionErrors(value: String, reason: String) throws {
        let m = try CSVMapping.parse(yaml: everyKind, file: "m.yaml")
        #expect(throws: IngestError.badField(here, field: "recorded", value: value, reason: reason + " (column 'Recorded')")) {
            try m.apply(row: row(["ID": "P1", "Recorded": value]), index: everyKindIndex, at: here)
        }
    }

    @Test(arguments: ["94", "0", "-3", "1.5", "2e3"])
    func numbersBecomeJSONNumbers(value: String) throws {
        let m = try CSVMapping.parse(yaml: everyKind, file: "m.yaml")
        let made = try m.apply(row: row(["ID": "P1", "Recorded": "04/03/2024", "Duration": value]), index: everyKindIndex, at: here)
        guard case let .object(members) = made.last?.value else { Issue.record("no link"); return }
        #expect(members.first { $0.key == "duration" }?.value == .number(value))
    }

    @Test(arguments: ["1,234", "ninety", "0x10", "1.", "inf", "NaN", "94s"])
    func nonNumbersRejected(value: String) throws {
        let m = try CSVMapping.parse(yaml: everyKind, file: "m.yaml")
        #expect(throws: IngestError.badField(here, field: "duration", value: value, reason: "is not a number (column 'Duration')")) {
            try m.apply(row: row(["ID": "P1", "Recorded": "04/03/2024", "Duration": value]), index: everyKindIndex, at: here)
        }
    }

    @Test func literals() throws {
        let yaml = """
            mapping: 1
            records:
              - type: location
                id: "location:lic/{ID}"
                item: police/X-1
                nte: true
                lat: 50.5
                lon: -3
                name: "true"
                address: null
                category: "{Cat}"
            """
        let m = try CSVMapping.parse(yaml: yaml, file: "m.yaml")
        let made = try m.apply(row: ["L1", ""], index: ["ID": 0, "Cat": 1], at: here)
        #expect(made.map(\.value) == [.object([
            ("type", .string("location")), ("id", .string("location:lic/L1")), ("item", .string("police/X-1")), ("nte", .bool(true)),
            ("lat", .number("50.5")), ("lon", .number("-3")), ("name", .string("true")), ("address", .null),
        ])])
        #expect(made[0].columns == ["id": "ID", "category": "Cat"])
    }

    @Test func splitEachPutsElementsIntoATemplate() throws {
        let m = try CSVMapping.parse(yaml: """
        mapping: 1
        records:
          - type: missing
            child: "person:niche/{Child}"
            start: { column: Start, date: dd/MM/yyyy }
            foundWith: { column: With, split: ";", each: "person:niche/{}" }
            item: police/M-1
        """, file: "m.yaml")
        let made = try m.apply(row: ["PN-9", "02/03/2024", "PN-1; PN-2;;"], index: ["Child": 0, "Start": 1, "With": 2], at: here)
        guard case let .object(members) = made[0].value else { Issue.record("not an object"); return }
        #expect(members.first { $0.key == "foundWith" }?.value == .array([.string("person:niche/PN-1"), .string("person:niche/PN-2")]))
    }
}
