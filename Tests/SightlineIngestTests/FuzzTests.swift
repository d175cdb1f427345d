import Testing
@testable import SightlineIngest

/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast, seedable generator, so that every run
/// feeds the same inputs and a failure can be replayed.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A number in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
    mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }
}

/// What a fuzz run found wrong; kept short so that a failure prints a readable report.
private struct Problems {
    var list: [String] = []
    var count = 0
    mutating func add(_ s: @autoclosure () -> String) {
        count += 1
        if list.count < 12 { list.append(s()) }
    }
}

/// Checks one unit against the promises of RecordStream: a unit is a success or a failure whose
/// error is located at the unit's own file and line, says "file:line", and names its field.
private func check(_ u: InputUnit, file: String, maxLine: Int, problems: inout Problems, input: @autoclosure () -> String) {
    guard u.location.file == file, u.location.line >= 1, u.location.line <= maxLine else {
        problems.add("unit at \(u.location) outside \(file):1...\(maxLine): \(input())"); return
    }
    switch u.outcome {
    case let .success(records):
        if records.isEmpty && file.hasSuffix(".jsonl") { problems.add("\(u.location): a JSON line gave no record") }
    case let .failure(e):
        guard let loc = e.location else { problems.add("\(u.location): error without a location: \(e)"); return }
        if loc != u.location { problems.add("\(u.location): error located at \(loc): \(e)") }
        if !e.description.contains("\(file):\(u.location.line)") { problems.add("\(u.location): description lacks file:line: \(e)") }
        switch e {
        case .badField, .missingField, .unknownField:
            // An unknown field may be the empty key "" of {"":1}; every other field error names a real field.
            if e.field == nil || (e.field == "" && !isUnknownField(e)) { problems.add("\(u.location): field error without a field: \(e)") }
            if !e.description.contains("field '") { problems.add("\(u.location): description does not name the field: \(e)") }
        case .badLine: break
        case .badMapping, .unreadable: problems.add("\(u.location): unexpected error kind: \(e)")
        }
    }
}

private func isUnknownField(_ e: IngestError) -> Bool { if case .unknownField = e { true } else { false } }

/// The kind of an error, for counting what the fuzzing reached.
private func kind(_ e: IngestError) -> String {
    switch e {
    case .badField: "badField"
    case .missingField: "missingField"
    case .unknownField: "unknownField"
    case .badLine: "badLine"
    case .badMapping: "badMapping"
    case .unreadable: "unreadable"
    }
}

private func show(_ bytes: [UInt8]) -> String { IngestError.show(String(decoding: bytes.prefix(300), as: UTF8.self)) }

// MARK: Mutations

/// Byte sequences that are not valid UTF-8, and other awkward bytes.
private let badBytes: [[UInt8]] = [
    [0xFF], [0xFE], [0xC3], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80],
    [0xEB], [0x00], [0x00, 0x00], [0x0D], [0x1B], [0x7F], [0xEF, 0xBB, 0xBF], [0xF0, 0x9F, 0x98],
]

/// Values of every JSON type, valid and not, for swapping into records.
private func randomValue(_ r: inout SplitMix64, depth: Int = 0) -> JSONValue {
    switch r.below(depth > 2 ? 4 : 7) {
    case 0: return .null
    case 1: return .bool(r.chance(50))
    case 2: return .number(r.pick(["0", "-0", "94", "-1", "1.5", "1e999", "-1e-999", "604801", "91", "50.1234", "123456789012345678901234567890"]))
    case 3:
        return .string(r.pick([
            "", " ", "x", "person:niche/PN-1001", "person:niche/A", "phone:07700 900123", "phone:+1 202 555 0143", "vehicle:WX09ABC",
            "imei:352099001761481", "account:snapchat/@kaz", "location:lic/PREM-0042", "org:lic/TX-07", "police/R-1", "fire/1",
            "2024-03-02", "2024-02-30", "2024-03-02T21:40", "~2024", "2024-03-10/2024-03-01", "31/02/2024", "1AC", "B24", "2BP",
            "call", "cawn", "hotel", "true", "yes", "NaN", "<script>alert(\"x\")</script>", "Zoë\u{0}", "tab\tin", "new\nline",
            "\u{7}bell", "\u{202E}rtl", "😀", String(repeating: "long ", count: 300), "WX1 4QR", "suspect", "child_at_risk",
        ]))
    case 4: return .array((0..<r.below(4)).map { _ in randomValue(&r, depth: depth + 1) })
    case 5: return .object((0..<r.below(3)).map { _ in (r.pick(["a", "type", "id", "item", ""]), randomValue(&r, depth: depth + 1)) })
    default: return .string(String(decoding: (0..<r.below(12)).map { _ in r.byte() & 0x7F }, as: UTF8.self))
    }
}

private let fieldNames = ["type", "id", "item", "items", "name", "dob", "roles", "ids", "link", "from", "to", "at", "mode", "duration",
                          "grade", "conditions", "agency", "ref", "recorded", "observed", "summary", "lat", "lon", "nte", "child",
                          "start", "end", "notice", "subject", "issued", "expires", "imei", "postcode", "category", "colour", "nmae", ""]

/// One structural change to a valid record: another type of value, a duplicate key, a missing
/// or unknown field, a different record type.
private func mutateStructure(_ members: [(key: String, value: JSONValue)], _ r: inout SplitMix64) -> [UInt8] {
    var m = members
    switch r.below(6) {
    case 0 where !m.isEmpty: // swap a value's type
        let k = r.below(m.count); m[k].value = randomValue(&r)
    case 1 where !m.isEmpty: // duplicate key
        let k = r.below(m.count); m.insert((m[k].key, r.chance(50) ? m[k].value : randomValue(&r)), at: r.below(m.count + 1))
    case 2 where !m.isEmpty: // missing field
        m.remove(at: r.below(m.count))
    case 3: // unknown or misplaced field
        m.insert((r.pick(fieldNames), randomValue(&r)), at: r.below(m.count + 1))
    case 4 where !m.isEmpty: // another record type
        if let k = m.firstIndex(where: { $0.key == "type" }) {
            m[k].value = .string(r.pick(["item", "person", "vehicle", "phone", "account", "location", "organisation", "link",
                                        "looked_after", "missing", "notice", "Person", "widget"]))
        }
    default: // not an object at all
        return Array(r.pick([JSONValue.array([.object(m)]), .string("x"), .number("1"), .null]).jsonText.utf8)
    }
    return Array(JSONValue.object(m).jsonText.utf8)
}

/// One byte-level change: truncation, flips, insertions, deletions, invalid UTF-8, NULs, splices.
private func mutateBytes(_ b: inout [UInt8], _ r: inout SplitMix64, extra: [UInt8] = []) {
    switch r.below(9) {
    case 0: b = Array(b.prefix(r.below(b.count + 1)))                                        // truncate
    case 1 where !b.isEmpty: b[r.below(b.count)] ^= UInt8(1) << UInt8(r.below(8))           // flip a bit
    case 2: b.insert(r.byte(), at: r.below(b.count + 1))                                    // insert a byte
    case 3 where !b.isEmpty:                                                                  // delete bytes
        let at = r.below(b.count); b.removeSubrange(at..<min(b.count, at + 1 + r.below(4)))
    case 4: b.insert(contentsOf: r.pick(badBytes), at: r.below(b.count + 1))                 // invalid UTF-8, NUL, CR...
    case 5 where !b.isEmpty:                                                                  // splice a piece elsewhere
        let from = r.below(b.count), len = min(b.count - from, 1 + r.below(20))
        b.insert(contentsOf: b[from..<(from + len)], at: r.below(b.count + 1))
    case 6 where !b.isEmpty: b[r.below(b.count)] = r.pick(Array("{}[]\":,\\0-eE.~/ ".utf8) + extra) // punctuation
    case 7: b.insert(contentsOf: Array(r.pick(["\\u", "\\ud800", "\\", "\\\"", "\"", "null", "[[[[", "}}", ",,", "\"\":", "\\u0000"]).utf8),
                     at: r.below(b.count + 1))
    default: break
    }
}

// MARK: Seeds

private let extraValidLines = [
    #"{"type":"link","link":"supplies","from":"person:niche/A","to":"person:lccs/C","substance":"cannabis","at":"~2024-03","items":["police/R-1","health/H-2"]}"#,
    #"{"type":"location","id":"location:uprn/100","name":"Harbour Lane park","category":"park","nte":false,"item":"police/R-1"}"#,
    #"{"type":"person","id":"person:niche/PN-2","name":"O'Brien, Siân \"Zoë\"","aliases":["Łukasz","<b>x</b>"],"dob":"~1990","roles":["associate","witness"],"item":"police/R-1"}"#,
    #"{"type":"notice","notice":"hotel_notice","subject":"location:lic/PREM-0042","premises":"location:lic/PREM-0042","issued":"2024-04-01","item":"licensing/L-1"}"#,
    #"{"type":"link","link":"gave_phone_to","from":"person:niche/A","to":"phone:+44 7700 900999","at":"2024-03-02T18:00/2024-03-02T19:00","item":"police/R-1"}"#,
    #"{"type":"account","id":"account:insta/https://instagram.com/Kaz.Wex/","item":"police/R-1"}"#,
    #"{"type":"item","agency":"health","ref":"H-2","recorded":"2024-03-06","grade":"3EC","conditions":"Clinicians only","summary":"Line one\nLine two \u00e9 \ud83d\ude00"}"#,
]
private let validLines = Fixtures.exampleLines + extraValidLines

private let fuzzMapping = #"""
    mapping: 1
    name: Fuzz export
    records:
      - type: item
        agency: police
        ref: "R-{ID}"
        recorded: { column: Date, date: dd/MM/yyyy }
        grade: 2BP
        summary: "{Notes}"
      - type: person
        id: "person:test/{ID}"
        name: "{Name}"
        dob: { column: DOB, date: "dd/MM/yyyy|yyyy-MM-dd" }
        roles: { column: Roles, split: ";" }
        item: "police/R-{ID}"
      - type: phone
        when: Phone
        id: "phone:{Phone}"
        item: "police/R-{ID}"
      - type: link
        when: Phone
        link: uses_phone
        from: "person:test/{ID}"
        to: "phone:{Phone}"
        item: "police/R-{ID}"
      - type: link
        when: Other
        link: contacted
        from: "phone:{Phone}"
        to: "phone:{Other}"
        mode: { column: Mode, map: { V: call, S: sms }, default: other }
        duration: { column: Secs, number: true }
        item: "police/R-{ID}"
    """#
private let fuzzHeader = "ID,Date,Name,DOB,Roles,Phone,Other,Mode,Secs,Notes"

private func csvQuote(_ s: String) -> String {
    s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : s
}

/// A valid row of the fuzz export, and how many line breaks it holds.
private func validRow(_ n: Int, _ r: inout SplitMix64) -> String {
    let phone = r.chance(70) ? "07700 900\(100 + r.below(400))" : ""
    var other = ""
    if !phone.isEmpty, r.chance(60) { other = "+44 7700 900\(500 + r.below(400))" }
    let fields = [
        "P\(n)",
        String(format2(1 + r.below(28))) + "/" + format2(1 + r.below(12)) + "/20" + format2(r.below(25)),
        r.pick(["Darren QUILLFEATHER", "O'Brien, Siân", "SMITH, John", "Zoë \"Zo\" FICTIONAL", "Łukasz", "", "<i>Amy</i>"]),
        r.pick(["12/05/1989", "2010-07-30", "", "29/02/2008"]),
        r.pick(["suspect", "suspect;associate", "", " child_at_risk ; witness "]),
        phone, other,
        r.pick(["V", "S", "v", "X", ""]),
        r.pick(["", "0", "94", "3600"]),
        r.pick(["", "Seen, twice", "Line one\nline two", "He said \"later\"", "€ 5 — Zoë", "a\r\nb"]),
    ]
    return fields.map(csvQuote).joined(separator: ",")
}
private func format2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

private let chunkChoices = [1, 3, 7, 64, 4096, 1 << 16, 1 << 16]

/// Seeded fuzzing of RecordStream with mutated JSON Lines and CSV rows, and a few enormous inputs.
@Suite(.timeLimit(.minutes(2)))
struct FuzzTests {
    @Test func validLinesAllDecode() throws {
        var stream = RecordStream(MemoryByteSource(validLines.joined(separator: "\n")), file: "valid.jsonl", format: .jsonLines)
        var n = 0
        while let u = try stream.next() {
            n += 1
            #expect(u.location.line == n)
            if case let .failure(e) = u.outcome { Issue.record("valid line \(n) failed: \(e)") }
        }
        #expect(n == validLines.count)
    }

    @Test func validCSVRowsAllDecode() throws {
        let mapping = try CSVMapping.parse(yaml: fuzzMapping, file: "fuzz.mapping.yaml")
        var r = SplitMix64(seed: 7)
        var text = fuzzHeader + "\r\n"
        var startLines: [Int] = []
        var line = 2
        for n in 0..<500 {
            let row = validRow(n, &r)
            startLines.append(line)
            line += row.filter { $0 == "\n" || $0 == "\r\n" }.count + 1
            text += row + (n % 2 == 0 ? "\n" : "\r\n")
        }
        var stream = RecordStream(MemoryByteSource(text, chunkSize: 1 + r.below(100)), file: "valid.csv", format: .csv(mapping, mappingFile: "fuzz.mapping.yaml"))
        var got: [Int] = []
        while let u = try stream.next() {
            got.append(u.location.line)
            if case let .failure(e) = u.outcome { Issue.record("valid row at line \(u.location.line) failed: \(e)") }
        }
        #expect(got == startLines)
    }

    /// 12,000 mutated JSON lines (and 1,200 valid ones among them), 30 files of 440 lines.
    @Test func mutatedJSONLines() throws {
        var r = SplitMix64(seed: 0x5167_4711_2024)
        var problems = Problems()
        var mutated = 0, failures = 0
        var kinds: [String: Int] = [:]
        let decodedValid = try validLines.map { try RecordDecoder().decode(try JSONParser.parse(Array($0.utf8)), at: SourceLocation(file: "x", line: 1)) }
        for batch in 0..<30 {
            let file = "fuzz-\(batch).jsonl"
            var lines: [[UInt8]] = []
            var validAt: [Int: Int] = [:] // line -> seed index
            for k in 0..<440 {
                let s = r.below(validLines.count)
                if k == 0 || k % 11 == 0 { lines.append(Array(validLines[s].utf8)); validAt[k + 1] = s; continue }
                var b: [UInt8]
                if r.chance(35), case let .object(m) = try JSONParser.parse(Array(validLines[s].utf8)) {
                    b = mutateStructure(m, &r)
                } else {
                    b = Array(validLines[s].utf8)
                }
                for _ in 0..<(1 + r.below(3)) { mutateBytes(&b, &r) }
                for i in b.indices where b[i] == 0x0A { b[i] = 0x20 } // one line per input
                lines.append(b)
                mutated += 1
            }
            let expectedLines = lines.enumerated().compactMap { (i, b) -> Int? in
                b.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } ? nil : i + 1
            }
            let bytes = Array(lines.joined(separator: r.chance(50) ? [0x0A] : [0x0D, 0x0A]))
            var stream = RecordStream(MemoryByteSource(bytes, chunkSize: r.pick(chunkChoices)), file: file, format: .jsonLines)
            var got: [Int] = []
            while let u = try stream.next() {
                got.append(u.location.line)
                check(u, file: file, maxLine: lines.count, problems: &problems, input: show(lines[u.location.line - 1]))
                if case let .failure(e) = u.outcome { failures += 1; kinds[kind(e), default: 0] += 1 }
                if let s = validAt[u.location.line] {
                    if case let .success(recs) = u.outcome {
                        if recs != [decodedValid[s]] { problems.add("\(u.location): valid line decoded differently") }
                    } else {
                        problems.add("\(u.location): valid line failed: \(u.outcome)")
                    }
                }
            }
            if got != expectedLines { problems.add("\(file): units at lines \(got.prefix(20)) but expected \(expectedLines.prefix(20))") }
        }
        #expect(mutated == 12_000)
        #expect(failures > 6_000) // most mutations break the record; all are reported, none crash
        #expect(Set(kinds.keys) == ["badField", "missingField", "unknownField", "badLine"], "\(kinds)")
        #expect(kinds.values.allSatisfy { $0 >= 100 }, "\(kinds)")
        #expect(problems.count == 0, "\(problems.count) problems, first: \(problems.list.joined(separator: "\n"))")
    }

    /// 10,000 mutated CSV rows through a mapping, 400 files of 25 rows.
    @Test func mutatedCSVRows() throws {
        let mapping = try CSVMapping.parse(yaml: fuzzMapping, file: "fuzz.mapping.yaml")
        var r = SplitMix64(seed: 0xC5F0_2024)
        var problems = Problems()
        var rows = 0, units = 0, headerErrors = 0, stoppedByQuotes = 0
        var kinds: [String: Int] = [:]
        for batch in 0..<400 {
            let file = "fuzz-\(batch).csv"
            var header = Array(fuzzHeader.utf8)
            let mutateHeader = batch % 25 == 24
            if mutateHeader { mutateBytes(&header, &r, extra: [0x2C, 0x22]) }
            var text = header + [0x0A]
            for n in 0..<25 {
                var b = Array(validRow(n, &r).utf8)
                for _ in 0..<(1 + r.below(3)) {
                    switch r.below(4) {
                    case 0: b.insert(0x22, at: r.below(b.count + 1))                  // unbalanced quote
                    case 1: b.insert(r.pick([0x2C, 0x0A, 0x0D, 0x22, 0x22]), at: r.below(b.count + 1)) // delimiter, line break, quote
                    case 2 where b.contains(0x2C): b.remove(at: b.firstIndex(of: 0x2C)!)  // a missing delimiter
                    default: mutateBytes(&b, &r, extra: [0x2C, 0x22])
                    }
                }
                text += b + (r.chance(50) ? [0x0A] : [0x0D, 0x0A])
                rows += 1
            }
            // The reader ends a line at LF, CRLF or a lone CR (old Mac exports).
            let maxLine = text.indices.filter { text[$0] == 0x0A || (text[$0] == 0x0D && (text.index(after: $0) == text.endIndex || text[$0 + 1] != 0x0A)) }.count + 1
            var stream = RecordStream(MemoryByteSource(text, chunkSize: r.pick(chunkChoices)), file: file, format: .csv(mapping, mappingFile: "fuzz.mapping.yaml"))
            var last = 1
            var unitsInFile = 0
            do {
                while let u = try stream.next() {
                    units += 1
                    unitsInFile += 1
                    if u.location.line <= last { problems.add("\(file): unit at line \(u.location.line) after line \(last)") }
                    last = u.location.line
                    check(u, file: file, maxLine: maxLine, problems: &problems, input: show(Array(text.prefix(400))))
                    if case let .failure(e) = u.outcome { kinds[kind(e), default: 0] += 1 }
                }
            } catch {
                // The header may stop a file, at line 1; so may a quote never closed, after the
                // units before it, on a later line (the rows after it cannot be told apart).
                if error.location == SourceLocation(file: file, line: 1), unitsInFile == 0 {
                    headerErrors += 1
                    if !mutateHeader || !error.description.hasPrefix("\(file):1: ") { problems.add("\(file): stream threw \(error)") }
                } else {
                    stoppedByQuotes += 1
                    guard let line = error.location?.line, line > last, line <= maxLine, error.description.hasPrefix("\(file):\(line): "),
                          error.description.contains("unbalanced quote") else {
                        problems.add("\(file): stream threw \(error)"); continue
                    }
                    #expect(try stream.next() == nil) // and reading stops there
                }
            }
        }
        #expect(rows == 10_000)
        #expect(units > 2_000)
        #expect(headerErrors <= 16)
        #expect(stoppedByQuotes < 400)
        #expect((kinds["badField"] ?? 0) >= 100 && (kinds["badLine"] ?? 0) >= 100 && (kinds["missingField"] ?? 0) >= 10, "\(kinds)")
        #expect(problems.count == 0, "\(problems.count) problems, first: \(problems.list.joined(separator: "\n"))")
    }

    // MARK: Enormous inputs

    @Test func tenMegabyteJSONString() throws {
        let big = String(repeating: "é", count: 5 << 20) // 10 MiB of UTF-8
        let text = #"{"type":"item","agency":"police","ref":"R-1","recorded":"2024-03-04","grade":"2BP","summary":"\#(big)"}"# + "\n" + validLines[0]
        var stream = RecordStream(MemoryByteSource(text), file: "big.jsonl", format: .jsonLines)
        let first = try #require(try stream.next())
        guard case let .failure(e) = first.outcome else { Issue.record("a 10 MiB summary was accepted"); return }
        #expect(e.location == SourceLocation(file: "big.jsonl", line: 1))
        #expect(e.field == "summary")
        #expect(e.description.hasPrefix("big.jsonl:1: field 'summary': "))
        #expect(e.description.contains("(10485760 bytes) is longer than the 100000 characters allowed"))
        #expect(e.description.utf8.count < 400) // the message does not carry the value
        let second = try #require(try stream.next())
        #expect(second.location.line == 2)
        #expect((try? second.outcome.get())?.count == 1)
        #expect(try stream.next() == nil)
    }

    @Test func tenMegabyteCSVField() throws {
        let mapping = try CSVMapping.parse(yaml: fuzzMapping, file: "fuzz.mapping.yaml")
        for quote in ["\"", ""] {
            var text = fuzzHeader + "\nP1,04/03/2024,Darren,,,,,,,\(quote)" + String(repeating: "x", count: 10 << 20) + "\(quote)\n"
            text += "P2,04/03/2024,Amy,,,,,,,ok\n"
            var stream = RecordStream(MemoryByteSource(text), file: "big.csv", format: .csv(mapping, mappingFile: "fuzz.mapping.yaml"))
            // Refused as soon as the field passes 1 MiB, and reading stops: its end may never come.
            let why = quote.isEmpty
                ? "a field of more than 1048577 bytes; fields may take at most 1 MiB, and reading stops here"
                : "a quoted field opened on this line is still open after 1048577 bytes (an unbalanced quote?); fields may take at most 1 MiB, and reading stops here"
            #expect(throws: IngestError.badLine(SourceLocation(file: "big.csv", line: 2), reason: why)) { _ = try stream.next() }
            #expect(try stream.next() == nil)
            #expect(stream.bytesRead < 2 << 20)
        }
    }

    @Test func twentyMegabyteLine() throws {
        var bytes = Array(#"{"type":"person","id":"person:niche/A","name":""#.utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "z"), count: 20 << 20)
        bytes += Array(("\",\"item\":\"police/R-1\"}\n" + validLines[3] + "\n").utf8)
        var stream = RecordStream(MemoryByteSource(bytes), file: "huge.jsonl", format: .jsonLines)
        // Refused as soon as it passes 16 MiB, and reading stops: its end may never come.
        do {
            _ = try stream.next()
            Issue.record("a 20 MiB line was accepted")
        } catch {
            #expect(error.location == SourceLocation(file: "huge.jsonl", line: 1))
            #expect(error.description.hasPrefix("huge.jsonl:1: the line is longer than the 16 MiB a record may take ("))
        }
        #expect(try stream.next() == nil)
        #expect(stream.bytesRead < 17 << 20)
    }
}
