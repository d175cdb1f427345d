import Testing
@testable import SightlineIngest

private func parse(_ text: String) throws(JSONParser.ParseError) -> JSONValue { try JSONParser.parse(Array(text.utf8)) }
private func parse(bytes: [UInt8]) throws(JSONParser.ParseError) -> JSONValue { try JSONParser.parse(bytes) }

/// The error a document gives, or nil when it parses.
private func failure(_ bytes: [UInt8]) -> JSONParser.ParseError? {
    do { _ = try JSONParser.parse(bytes); return nil } catch { return error }
}
private func failure(_ text: String) -> JSONParser.ParseError? { failure(Array(text.utf8)) }

/// The strict JSON parser (RFC 8259) used for JSON Lines.
struct JSONParserTests {
    // MARK: Valid documents

    @Test func objectKeepsKeyOrderAndTypes() throws {
        let v = try parse(#"{"z":1,"a":[true,false,null],"m":"x","o":{},"l":[]}"#)
        #expect(v == .object([
            ("z", .number("1")), ("a", .array([.bool(true), .bool(false), .null])), ("m", .string("x")),
            ("o", .object([])), ("l", .array([])),
        ]))
        guard case let .object(members) = v else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["z", "a", "m", "o", "l"])
    }

    @Test(arguments: ["0", "-0", "1", "-12", "1.5", "1.5e10", "-12.25E-3", "1E+2", "0.0001", "123456789012345678901234567890"])
    func numbersKeptAsWritten(text: String) throws {
        #expect(try parse(text) == .number(text))
        #expect(try parse("[\(text)]") == .array([.number(text)]))
    }

    @Test func whitespaceAroundValues() throws {
        #expect(try parse(" \t\r\n{ \"a\" :\n[ 1 , 2 ] }\r\n ") == .object([("a", .array([.number("1"), .number("2")]))]))
    }

    @Test(arguments: [
        (#""plain""#, "plain"),
        (#""a\"b\\c\/d\b\f\n\r\t""#, "a\"b\\c/d\u{8}\u{C}\n\r\t"),
        (#""\u00e9\u00E9""#, "éé"),
        (#""\u20AC 5""#, "€ 5"),
        (#""\ud83d\ude00""#, "😀"),
        (#""x\uD83D\uDE00y""#, "x😀y"),
        (#""\u0000""#, "\u{0}"),
        (#""\u2028""#, "\u{2028}"),
        (#""Zoë Siân Łukasz 😀""#, "Zoë Siân Łukasz 😀"),
        (#""escape then raw: \n Zoë""#, "escape then raw: \n Zoë"),
        (#""""#, ""),
    ])
    func strings(json: String, expected: String) throws {
        #expect(try parse(json) == .string(expected))
    }

    @Test func literals() throws {
        #expect(try parse("true") == .bool(true))
        #expect(try parse("false") == .bool(false))
        #expect(try parse("null") == .null)
    }

    @Test func exactlyMaxDepthIsAccepted() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        var v = try parse(text)
        var depth = 0
        while case let .array(a) = v { depth += 1; v = a.first ?? .null; if a.isEmpty { break } }
        #expect(depth == 64)
    }

    // MARK: Errors

    @Test(arguments: [
        ("", 0, "the line ends before the value is complete (truncated?)"),
        ("   ", 3, "the line ends before the value is complete (truncated?)"),
        (#"{"a":1"#, 6, "the line ends inside an object (truncated?)"),
        (#"{"a":"#, 5, "the line ends before the value is complete (truncated?)"),
        (#"{"a""#, 4, "expected ':' after field name 'a'"),
        (#"{"#, 1, "the line ends inside an object (truncated?)"),
        (#"{"a":"xy"#, 8, "the line ends inside text (a missing closing quote?)"),
        (#""ab\n"#, 5, "the line ends inside text (a missing closing quote?)"),
        (#""ab\"#, 4, "the line ends inside text (a missing closing quote?)"),
        ("[1,2", 4, "the line ends inside a list (truncated?)"),
        ("tru", 0, "the line ends inside 'true'"),
        ("nul", 0, "the line ends inside 'null'"),
        ("nulx", 0, "unexpected character 'x'"),
        ("{} x", 3, "unexpected text after the end of the JSON value"),
        ("{}{}", 2, "unexpected text after the end of the JSON value"),
        ("1 2", 2, "unexpected text after the end of the JSON value"),
        (#"{"a":1,"a":2}"#, 10, "field 'a' appears twice"),
        (#"{"a":{"b":1,"c":2,"b":3}}"#, 21, "field 'b' appears twice"),
        ("01", 2, "a number cannot start with 0"),
        ("-01", 3, "a number cannot start with 0"),
        ("[00]", 3, "a number cannot start with 0"),
        ("1.", 2, "a number needs digits after '.'"),
        ("1e", 2, "a number needs digits in its exponent"),
        ("1e+", 3, "a number needs digits in its exponent"),
        ("-", 1, "a number needs digits"),
        (".5", 0, "unexpected character '.'"),
        ("+1", 0, "unexpected character '+'"),
        ("[1,]", 3, "unexpected character ']'"),
        (#"{"a":1,}"#, 7, "expected a field name in double quotes"),
        ("{a:1}", 1, "expected a field name in double quotes"),
        (#"{"a":1 "b":2}"#, 7, "expected ',' or '}' in an object, found '\"'"),
        ("[1 2]", 3, "expected ',' or ']' in a list, found '2'"),
        (#""\x""#, 3, "unknown escape '\\x'"),
        (#""\u12""#, 3, "a \\u escape needs four hex digits"),
        (#""\u12G4""#, 5, "a \\u escape needs four hex digits"),
        ("'a'", 0, "unexpected character '''"),
        ("NaN", 0, "unexpected character 'N'"),
    ])
    func malformed(text: String, offset: Int, reason: String) {
        let e = failure(text)
        #expect(e?.reason == reason)
        #expect(e?.offset == offset)
    }

    @Test func errorDescriptionCountsFromOne() {
        #expect(failure(#"{"a":1"#)?.description == "invalid JSON at byte 7: the line ends inside an object (truncated?)")
    }

    @Test(arguments: [
        [0x22, 0xFF, 0x22],                          // never valid in UTF-8
        [0x22, 0x61, 0xC3, 0x22],                    // truncated two-byte sequence
        [0x22, 0xC0, 0xAF, 0x22],                    // overlong encoding of '/'
        [0x22, 0xE2, 0x82, 0x22],                    // truncated three-byte sequence
        [0x22, 0xED, 0xA0, 0x80, 0x22],              // a UTF-16 surrogate encoded in UTF-8 (CESU-8)
        [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],        // beyond U+10FFFF
        [0x22, 0x5C, 0x6E, 0xEB, 0x22],              // windows-1252 ë after an escape (slow path)
        [0x7B, 0x22, 0xEB, 0x22, 0x3A, 0x31, 0x7D],  // in a key
    ] as [[UInt8]])
    func invalidUTF8(bytes: [UInt8]) {
        #expect(failure(bytes)?.reason == "text is not valid UTF-8 (is the file in another encoding?)")
    }

    @Test func invalidBytesOutsideText() {
        #expect(failure([0x80])?.reason == "unexpected character byte 0x80")
        #expect(failure([0xEF, 0xBB, 0xBF, 0x7B, 0x7D])?.reason == "unexpected character byte 0xEF") // a BOM is the line reader's business
    }

    @Test func nulBytes() {
        #expect(failure([0x00])?.reason == "a NUL byte is not allowed")
        #expect(failure([0x5B, 0x00, 0x5D])?.reason == "a NUL byte is not allowed")
        #expect(failure([0x22, 0x61, 0x00, 0x62, 0x22])?.reason == "a NUL byte is not allowed in text")
        #expect(failure([0x22, 0x5C, 0x6E, 0x00, 0x22])?.reason == "a NUL byte is not allowed in text")
        #expect(failure([0x7B, 0x7D, 0x00])?.reason == "unexpected text after the end of the JSON value")
    }

    @Test(arguments: [0x01, 0x09, 0x0A, 0x0D, 0x1B, 0x1F] as [UInt8])
    func rawControlCharactersInText(byte: UInt8) {
        let fast = failure([0x22, 0x61, byte, 0x22])
        #expect(fast?.reason == "a control character (byte 0x\(String(byte, radix: 16))) must be escaped in text")
        #expect(fast?.offset == 2)
        #expect(failure([0x22, 0x5C, 0x74, byte, 0x22])?.reason == "a control character must be escaped in text")
    }

    @Test func deleteIsNotAControlCharacterInJSON() throws {
        #expect(try parse(bytes: [0x22, 0x7F, 0x22]) == .string("\u{7F}"))
    }

    @Test(arguments: [#""\ud800""#, #""\udc00""#, #""\uDFFF x""#, #""\ud800\u0041""#, #""\ud800x""#, #""\ud83d\ud83d""#, #""\ud800\""#])
    func loneSurrogates(json: String) {
        #expect(failure(json)?.reason == "a lone UTF-16 surrogate in a \\u escape")
    }

    @Test func tooDeep() {
        let arrays = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(failure(arrays)?.reason == "nested more than 64 levels deep")
        let objects = String(repeating: #"{"a":"#, count: 65) + "1" + String(repeating: "}", count: 65)
        #expect(failure(objects)?.reason == "nested more than 64 levels deep")
        // A scalar inside 64 lists sits at depth 64 and is also refused.
        let scalar = String(repeating: "[", count: 64) + "1" + String(repeating: "]", count: 64)
        #expect(failure(scalar)?.reason == "nested more than 64 levels deep")
        // A hostile line of a million brackets fails fast instead of overflowing the stack.
        #expect(failure(String(repeating: "[", count: 1_000_000))?.reason == "nested more than 64 levels deep")
    }

    @Test func longNumbersRefused() throws {
        let n = String(repeating: "1", count: 65)
        #expect(failure(n)?.reason == "a number longer than 64 characters")
        #expect(try parse(String(repeating: "1", count: 64)) == .number(String(repeating: "1", count: 64)))
    }

    // MARK: Writing and reading back

    @Test func jsonTextIsCompactAndEscaped() {
        let v = JSONValue.object([("a", .string("x\"y\\z\n\r\t\u{1}\u{2028}é")), ("b", .array([.number("1.5"), .bool(false), .null]))])
        #expect(v.jsonText == #"{"a":"x\"y\\z\n\r\t\u0001\u2028é","b":[1.5,false,null]}"#)
    }

    @Test(arguments: [
        JSONValue.object([("type", .string("person")), ("name", .string("<script>alert(\"x\")</script>")), ("aliases", .array([.string("Daz")]))]),
        .string("\u{0}\u{1F}\u{7F}\u{2029}😀\\/\""),
        .array([.object([]), .array([]), .string(""), .number("-0.5e-7"), .bool(true), .null]),
        .object([("", .null), ("ключ", .string("значение")), ("k", .object([("n", .object([("m", .array([.number("0")]))]))]))]),
    ])
    func roundTrip(value: JSONValue) throws {
        #expect(try parse(value.jsonText) == value)
    }

    @Test(arguments: [
        #"{"type":"item","agency":"police","ref":"WX-24-000123","recorded":"2024-03-04","grade":"2BP","summary":"a \"quoted\" word\n"}"#,
        #"[1,-2.5,3e4,true,false,null,"\u0001",{"a":[]}]"#,
    ])
    func reparseIsIdentity(text: String) throws {
        let v = try parse(text)
        #expect(v.jsonText == text)
        #expect(try parse(v.jsonText) == v)
    }

    @Test func typeNames() {
        #expect(JSONValue.null.typeName == "null")
        #expect(JSONValue.bool(true).typeName == "a boolean")
        #expect(JSONValue.number("1").typeName == "a number")
        #expect(JSONValue.string("").typeName == "a string")
        #expect(JSONValue.array([]).typeName == "a list")
        #expect(JSONValue.object([]).typeName == "an object")
    }

    @Test func errorsInsideAFieldNameIt() {
        func fieldOf(_ bytes: [UInt8]) -> String?? {
            do { _ = try JSONParser.parse(bytes); return .none } catch { return .some(error.field) }
        }
        // Invalid UTF-8 in the value of "name": the error names the record's field.
        #expect(fieldOf(Array(#"{"type":"person","name":"Zo"#.utf8) + [0xEB] + Array(#""}"#.utf8)) == .some("name"))
        // Deep inside a list of a field: still the record's field.
        #expect(fieldOf(Array(#"{"aliases":["ok", tru]}"#.utf8)) == .some("aliases"))
        // Outside any value: no field.
        #expect(fieldOf(Array(#"{"a":1"#.utf8)) == .some(nil))
    }
}

/// Objects with very many keys parse in time linear in their size.
struct JSONParserScaleTests {
    @Test("an object of 100,000 keys parses, and a repeated key among them is still found")
    func manyKeys() throws {
        var text = "{"
        for i in 0..<100_000 { text += (i == 0 ? "" : ",") + "\"k\(i)\":\(i)" }
        let value = try JSONParser.parse(Array((text + "}").utf8))
        guard case let .object(members) = value else { Issue.record("not an object"); return }
        #expect(members.count == 100_000)
        #expect(members.last?.key == "k99999")
        do {
            _ = try JSONParser.parse(Array((text + ",\"k5\":1}").utf8))
            Issue.record("a repeated key was accepted")
        } catch {
            #expect(error.reason == "field 'k5' appears twice")
        }
    }
}
