import Testing
@testable import SightlineIngest
import SightlineModel

private func units(_ bytes: [UInt8], file: String, format: InputFormat, chunkSize: Int = 1 << 16) throws -> [InputUnit] {
    var stream = RecordStream(MemoryByteSource(bytes, chunkSize: chunkSize), file: file, format: format)
    var out: [InputUnit] = []
    while let u = try stream.next() {
        out.append(u)
        if out.count > 100_000 { Issue.record("runaway stream"); break }
    }
    #expect(try stream.next() == nil)
    #expect(stream.bytesRead == bytes.count)
    return out
}

private func ts(_ y: Int, _ m: Int, _ d: Int, _ hh: Int = 0, _ mm: Int = 0, _ ss: Int = 0) -> Timestamp {
    Timestamp(year: y, month: m, day: d, hour: hh, minute: mm, second: ss)!
}
private func phone(_ v: String) -> StrongIdentifier { StrongIdentifier(scheme: .phone, normalisedValue: v) }
private func at(_ t: Timestamp, _ text: String) -> TimeSpec { TimeSpec(start: t, end: t, isApproximate: false, text: text) }

private extension InputUnit {
    var records: [IntelRecord]? { if case let .success(r) = outcome { r } else { nil } }
    var error: IngestError? { if case let .failure(e) = outcome { e } else { nil } }
}

/// The call-data mapping from formats.md with a free-text column added.
private let callsWithNotes = #"""
    mapping: 1
    name: Wexcombe Police call data records
    records:
      - type: item
        agency: police
        ref: "CDR-{Call ID}"
        recorded: { column: Extracted, date: dd/MM/yyyy }
        observed: { column: Start, date: "dd/MM/yyyy HH:mm:ss" }
        grade: 1AP
        summary: "{Notes}"
      - type: link
        link: contacted
        from: "phone:{Caller}"
        to: "phone:{Recipient}"
        at: { column: Start, date: "dd/MM/yyyy HH:mm:ss" }
        mode: { column: Type, map: { VOICE: call, SMS: sms, MMS: message } }
        duration: { column: Duration, number: true }
        item: "police/CDR-{Call ID}"
    """#

/// Reading whole files, a unit (line or row) at a time, with per-unit failures.
struct RecordStreamTests {
    static let chunkSizes = [1, 3, 7, 64, 1 << 16]

    // MARK: JSON Lines

    static let jsonLines = [
        Fixtures.exampleLines[0],
        "",
        Fixtures.exampleLines[3],
        "   \t",
        #"{"type":"person","id":"person:niche/A","dob":"31/02/2024","item":"police/WX-24-000123"}"#,
        #"{"type":"person""#,
        Fixtures.exampleLines[5],
        #"{"type":"person","id":"person:niche/B","nmae":"X","item":"police/R-1"}"#,
        #"{"type":"link","link":"driver_of","from":"person:niche/A","to":"phone:07700900123","item":"police/R-1"}"#,
        Fixtures.exampleLines[15],
    ]

    @Test(arguments: chunkSizes, ["\n", "\r\n"])
    func jsonLinesStream(chunkSize: Int, lineBreak: String) throws {
        let text = Self.jsonLines.joined(separator: lineBreak) // no final line break
        let got = try units(Array(text.utf8), file: "intel.jsonl", format: .jsonLines, chunkSize: chunkSize)
        func loc(_ n: Int) -> SightlineIngest.SourceLocation { SourceLocation(file: "intel.jsonl", line: n) }
        #expect(got.map(\.location) == [1, 3, 5, 6, 7, 8, 9, 10].map(loc))
        #expect(got.map(\.raw) == [0, 2, 4, 5, 6, 7, 8, 9].map { Self.jsonLines[$0] })
        guard got.count == 8 else { return }

        let decoder = RecordDecoder()
        for (k, n) in [(0, 1), (1, 3), (4, 7), (7, 10)] {
            let want = try decoder.decode(try JSONParser.parse(Array(Self.jsonLines[n - 1].utf8)), at: loc(n))
            #expect(got[k].records == [want], "line \(n)")
        }
        #expect(got[2].error == .badField(loc(5), field: "dob", value: "31/02/2024",
                                          reason: "expected YYYY-MM-DD, YYYY-MM or YYYY, optionally prefixed with ~ for approximate"))
        #expect(got[3].error == .badLine(loc(6), reason: "invalid JSON at byte 17: the line ends inside an object (truncated?)"))
        #expect(got[5].error == .unknownField(loc(8), field: "nmae", expected: ["type", "id", "item", "name", "aliases", "dob", "roles", "ids"]))
        #expect(got[6].error == .badField(loc(9), field: "to", value: "phone:07700900123", reason: "the 'to' end of driver_of must be a vehicle, not a phone"))
        #expect(got[6].error?.description.hasPrefix("intel.jsonl:9: field 'to': ") == true)
    }

    @Test func everyExampleLineAsOneFile() throws {
        let text = Fixtures.exampleLines.joined(separator: "\n") + "\n"
        let got = try units([0xEF, 0xBB, 0xBF] + Array(text.utf8), file: "examples.jsonl", format: .jsonLines, chunkSize: 5)
        #expect(got.count == Fixtures.exampleLines.count)
        #expect(got.map(\.location.line) == Array(1...Fixtures.exampleLines.count))
        #expect(got.allSatisfy { $0.records?.count == 1 })
    }

    @Test func blankAndEmptyFiles() throws {
        #expect(try units([], file: "e.jsonl", format: .jsonLines).isEmpty)
        #expect(try units(Array("\n\r\n  \n\t\n".utf8), file: "e.jsonl", format: .jsonLines).isEmpty)
    }

    @Test func overLongJSONLineStopsTheStream() throws {
        // Over the 16 MiB limit: refused on its line as soon as it passes the limit, and reading stops.
        var bytes = Array((Fixtures.exampleLines[0] + "\n" + #"{"type":"item","summary":""#).utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "a"), count: 16 << 20)
        bytes += Array(("\"}\n" + Fixtures.exampleLines[0] + "\n").utf8)
        var stream = RecordStream(MemoryByteSource(bytes), file: "big.jsonl", format: .jsonLines)
        #expect(try stream.next()?.records?.count == 1)
        do {
            _ = try stream.next()
            Issue.record("the over-long line was not refused")
        } catch {
            #expect(error.location == SourceLocation(file: "big.jsonl", line: 2))
            #expect(error.description.contains("longer than the 16 MiB a record may take"))
        }
        #expect(try stream.next() == nil)
    }

    // MARK: CSV through a mapping

    static let csvRows = [
        "Call ID,Extracted,Start,Caller,Recipient,Type,Duration,Notes",                                  // 1
        "C1,04/03/2024,02/03/2024 20:13:05,07700 900123,07700 900456,VOICE,94,",                         // 2
        "",                                                                                              // 3
        "C2,04/03/2024,31/02/2024 20:13:05,07700 900123,07700 900456,SMS,,",                             // 4
        "C3,04/03/2024,02/03/2024 20:15:00,07700 900123,07700 900456,SMS,3,\"Two texts,\nthen a call\"", // 5-6
        "C4,04/03/2024,02/03/2024 20:16:00,07700 900123,07700 900456,FAX,1,",                            // 7
        "C5,04/03/2024",                                                                                 // 8
        "C6,04/03/2024,02/03/2024 20:17:00,07700 900123,07700 900123,VOICE,5,",                          // 9
        "C7,04/03/2024,02/03/2024 20:18:00,07700 900123,07700 900789,MMS,,\"say \"\"hi\"\"\"",           // 10
        "C8,04/03/2024,02/03/2024 20:19:00,07700 900123,07700 900789,MMS,x,",                            // 11
        "C9,04/03/2024,02/03/2024 20:19:00,07700 900123,07700 900789,MMS,1,text,more text",              // 12
        "C10,04/03/2024,02/03/2024 20:19:00,07700 900123,07700 900789,MMS,1,\"Share\" only,x",           // 13
    ]

    @Test(arguments: chunkSizes, ["\n", "\r\n"])
    func csvStream(chunkSize: Int, lineBreak: String) throws {
        let mapping = try CSVMapping.parse(yaml: callsWithNotes, file: "calls.mapping.yaml")
        let text = Self.csvRows.joined(separator: lineBreak) + lineBreak
        let got = try units(Array(text.utf8), file: "calls.csv", format: .csv(mapping, mappingFile: "calls.mapping.yaml"), chunkSize: chunkSize)
        func loc(_ n: Int) -> SightlineIngest.SourceLocation { SourceLocation(file: "calls.csv", line: n) }
        #expect(got.map(\.location) == [2, 4, 5, 7, 8, 9, 10, 11, 12, 13].map(loc))
        guard got.count == 10 else { return }

        let c1 = IntelRef(agency: .police, reference: "CDR-C1")
        #expect(got[0].records == [
            .item(IntelItem(ref: c1, recorded: ts(2024, 3, 4), observed: at(ts(2024, 3, 2, 20, 13, 5), "2024-03-02T20:13:05"),
                            grade: .current(source: 1, assessment: "A", handling: .permitted, conditions: nil), summary: nil)),
            .link(LinkRecord(type: .contacted, from: phone("+447700900123"), to: phone("+447700900456"),
                             time: at(ts(2024, 3, 2, 20, 13, 5), "2024-03-02T20:13:05"), items: [c1], mode: .call, durationSeconds: 94)),
        ])
        #expect(got[1].error == .badField(loc(4), field: "observed", value: "31/02/2024 20:13:05", reason: "is not a real calendar date or time (column 'Start')"))
        let c3 = IntelRef(agency: .police, reference: "CDR-C3")
        #expect(got[2].records == [
            .item(IntelItem(ref: c3, recorded: ts(2024, 3, 4), observed: at(ts(2024, 3, 2, 20, 15), "2024-03-02T20:15"),
                            grade: .current(source: 1, assessment: "A", handling: .permitted, conditions: nil), summary: "Two texts,\nthen a call")),
            .link(LinkRecord(type: .contacted, from: phone("+447700900123"), to: phone("+447700900456"),
                             time: at(ts(2024, 3, 2, 20, 15), "2024-03-02T20:15"), items: [c3], mode: .sms, durationSeconds: 3)),
        ])
        #expect(got[3].error == .badField(loc(7), field: "mode", value: "FAX", reason: "is not one of the codes the mapping knows (MMS, SMS, VOICE) (column 'Type')"))
        #expect(got[4].error == .badLine(loc(8), reason: "the row has 2 fields but the header has 8 (a missing delimiter?)"))
        #expect(got[5].error == .badField(loc(9), field: "to", value: "phone:+447700900123", reason: "a link must join two different entities (column 'Recipient')"))
        let c7 = IntelRef(agency: .police, reference: "CDR-C7")
        #expect(got[6].records == [
            .item(IntelItem(ref: c7, recorded: ts(2024, 3, 4), observed: at(ts(2024, 3, 2, 20, 18), "2024-03-02T20:18"),
                            grade: .current(source: 1, assessment: "A", handling: .permitted, conditions: nil), summary: "say \"hi\"")),
            .link(LinkRecord(type: .contacted, from: phone("+447700900123"), to: phone("+447700900789"),
                             time: at(ts(2024, 3, 2, 20, 18), "2024-03-02T20:18"), items: [c7], mode: .message)),
        ])
        #expect(got[7].error == .badField(loc(11), field: "duration", value: "x", reason: "is not a number (column 'Duration')"))
        #expect(got[8].error == .badLine(loc(12), reason: "the row has 9 fields but the header has 8 (a value holding the delimiter must be in double quotes, or text is lost)"))
        #expect(got[8].raw.hasSuffix("text,more text"))
        #expect(got[9].error == .badLine(loc(13), reason: "text follows a closing quote inside a field (quotes in a quoted field are written twice: \"\")"))
        #expect(got[9].raw == Self.csvRows.last) // as written, for the quarantine file
        for u in got {
            if let e = u.error { #expect(e.description.hasPrefix("calls.csv:\(u.location.line): ")) }
        }
        #expect(got[6].raw == "C7,04/03/2024,02/03/2024 20:18:00,07700 900123,07700 900789,MMS,,\"say \"\"hi\"\"\"")
    }

    @Test("a quote never closed stops the stream: the rows after it cannot be told apart", arguments: chunkSizes)
    func unclosedQuoteStops(chunkSize: Int) throws {
        let mapping = try CSVMapping.parse(yaml: callsWithNotes, file: "calls.mapping.yaml")
        let text = Self.csvRows[0] + "\n" + Self.csvRows[1] + "\nC9,\"unterminated\n" + Self.csvRows[1] + "\n"
        var stream = RecordStream(MemoryByteSource(text, chunkSize: chunkSize), file: "calls.csv", format: .csv(mapping, mappingFile: "calls.mapping.yaml"))
        #expect(try stream.next()?.location.line == 2)
        #expect(throws: IngestError.badLine(SourceLocation(file: "calls.csv", line: 3),
                                           reason: "a quoted field opened on this line is never closed (an unbalanced quote), so the rows after it cannot be told apart; reading stops here")) {
            _ = try stream.next()
        }
        #expect(try stream.next() == nil)
    }

    @Test(arguments: chunkSizes)
    func headerMissingAMappedColumnThrowsBeforeRows(chunkSize: Int) throws {
        let mapping = try CSVMapping.parse(yaml: Fixtures.callMapping, file: "calls.mapping.yaml")
        let text = "Call ID,Extracted,Start,Caller,Recipient,Type\nC1,04/03/2024,02/03/2024 20:13:05,07700 900123,07700 900456,VOICE\n"
        var stream = RecordStream(MemoryByteSource(text, chunkSize: chunkSize), file: "calls.csv", format: .csv(mapping, mappingFile: "calls.mapping.yaml"))
        #expect(throws: IngestError.badLine(SourceLocation(file: "calls.csv", line: 1),
                                            reason: "the header lacks column 'Duration' named by mapping calls.mapping.yaml (the header has: 'Call ID', 'Extracted', 'Start', 'Caller', 'Recipient', 'Type')")) {
            try stream.next()
        }
    }

    @Test func emptyOrUnreadableHeader() throws {
        let mapping = try CSVMapping.parse(yaml: Fixtures.callMapping, file: "calls.mapping.yaml")
        var empty = RecordStream(MemoryByteSource("\n\n"), file: "calls.csv", format: .csv(mapping, mappingFile: "m.yaml"))
        #expect(throws: IngestError.badLine(SourceLocation(file: "calls.csv", line: 1), reason: "the file is empty; expected a header row naming the columns")) {
            try empty.next()
        }
        var bad = RecordStream(MemoryByteSource([0x43, 0x61, 0x6C, 0x6C, 0x20, 0x49, 0x44, 0x2C, 0xFF, 0x0A]), file: "calls.csv", format: .csv(mapping, mappingFile: "m.yaml"))
        #expect(throws: IngestError.badLine(SourceLocation(file: "calls.csv", line: 1),
                                            reason: "the header row cannot be read: field 2 is not valid utf-8 (if the export is not UTF-8, set 'encoding: windows-1252' in the mapping)")) {
            try bad.next()
        }
    }

    @Test func headerOnly() throws {
        let mapping = try CSVMapping.parse(yaml: Fixtures.callMapping, file: "calls.mapping.yaml")
        #expect(try units(Array((Fixtures.callHeader + "\r\n").utf8), file: "calls.csv", format: .csv(mapping, mappingFile: "m.yaml")).isEmpty)
    }

    @Test func encodingsAndBadBytesInRows() throws {
        let yaml = "mapping: 1\nencoding: windows-1252\n" + callsWithNotes.dropFirst("mapping: 1\n".count)
        let mapping = try CSVMapping.parse(yaml: yaml, file: "m.yaml")
        #expect(mapping.encoding == .windows1252)
        var bytes = Array((Self.csvRows[0] + "\r\nC1,04/03/2024,02/03/2024 20:13:05,07700 900123,07700 900456,VOICE,94,Zo").utf8)
        bytes += [0xEB, 0x20, 0x80, 0x0D, 0x0A]
        let got = try units(bytes, file: "calls.csv", format: .csv(mapping, mappingFile: "m.yaml"))
        guard case let .item(item)? = got.first?.records?.first else { Issue.record("no item"); return }
        #expect(item.summary == "Zoë €")

        // The same bytes read as UTF-8: the row fails, naming the field, and the next row is read.
        let utf8 = try CSVMapping.parse(yaml: callsWithNotes, file: "m.yaml")
        let more = bytes + Array("C2,04/03/2024,02/03/2024 20:13:05,07700 900123,07700 900456,VOICE,94,\"x\"y\nC3,04/03/2024,02/03/2024 20:13:05,07700 900123,07700 900456,VOICE,94,ok\n".utf8)
        let got2 = try units(more, file: "calls.csv", format: .csv(utf8, mappingFile: "m.yaml"))
        #expect(got2.map(\.location.line) == [2, 3, 4])
        #expect(got2.first?.error == .badLine(SourceLocation(file: "calls.csv", line: 2),
                                              reason: "field 8 is not valid utf-8 (if the export is not UTF-8, set 'encoding: windows-1252' in the mapping)"))
        #expect(got2.dropFirst().first?.error == .badLine(SourceLocation(file: "calls.csv", line: 3),
                                                          reason: "text follows a closing quote inside a field (quotes in a quoted field are written twice: \"\")"))
        #expect(got2.last?.records?.count == 2)
    }

    /// The raw text kept for quarantine files is a CSV row that reads back as the same fields.
    @Test func rawRowsReadBack() throws {
        let mapping = try CSVMapping.parse(yaml: callsWithNotes, file: "m.yaml")
        let notes = ["plain", "a, b", "say \"hi\"", "line one\nline two", "line one\r\nline two", "cr\ronly", "Zoë €", "quote then accent \"\u{301}"]
        var text = Self.csvRows[0] + "\n"
        for (k, n) in notes.enumerated() {
            text += "C\(k),04/03/2024,02/03/2024 20:13:05,07700 900123,07700 900456,FAX,94,\"" + String(String.UnicodeScalarView(n.unicodeScalars.flatMap { $0 == "\"" ? [$0, $0] : [$0] })) + "\"\n"
        }
        let got = try units(Array(text.utf8), file: "calls.csv", format: .csv(mapping, mappingFile: "m.yaml"))
        #expect(got.count == notes.count)
        for (u, n) in zip(got, notes) {
            #expect(u.error?.field == "mode") // every row fails, so each would go to quarantine
            var reader = CSVReader(MemoryByteSource(u.raw))
            let row = try reader.next()
            #expect(row?.fields.last == n, "raw: \(u.raw)")
            #expect(row?.fields.count == 8)
            #expect(try reader.next() == nil)
        }
    }

    /// Exports saved as "Unicode text" are UTF-16: both readers say so instead of reporting a bad byte.
    @Test func utf16IsNamed() throws {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("{\"type\":\"item\"}\n".utf8).flatMap { [$0, 0] }
        var json = RecordStream(MemoryByteSource(utf16), file: "u.jsonl", format: .jsonLines)
        let unit = try #require(try json.next())
        #expect(unit.error?.description.contains("the file is UTF-16") == true)
        let mapping = try CSVMapping.parse(yaml: "mapping: 1\nrecords:\n  - type: item\n    ref: \"{A}\"\n", file: "m.yaml")
        var csv = RecordStream(MemoryByteSource(utf16), file: "u.csv", format: .csv(mapping, mappingFile: "m.yaml"))
        do {
            _ = try csv.next()
            Issue.record("a UTF-16 CSV was read")
        } catch {
            #expect(error.description.hasPrefix("u.csv:1: the file is UTF-16"))
        }
    }

    /// Only a byte-order mark at the very start is UTF-16: a stray 0xFF or 0xFE inside a line is an
    /// unexpected byte (the compiler's warning on the old pattern found this).
    @Test func strayByteOrderMarkByteIsNotUTF16() throws {
        for stray: UInt8 in [0xFF, 0xFE] {
            let line: [UInt8] = Array("{\"type\":".utf8) + [stray, stray == 0xFF ? 0xFE : 0xFF] + Array("}\n".utf8)
            var json = RecordStream(MemoryByteSource(line), file: "s.jsonl", format: .jsonLines)
            let unit = try #require(try json.next())
            let message = unit.error?.description ?? ""
            #expect(!message.contains("UTF-16") && message.contains("unexpected character"), "\(message)")
        }
    }
}
