import Testing
@testable import SightlineIngest
import SightlineModel

private let here = SourceLocation(file: "types.jsonl", line: 4)

/// The error a record gives, or nil when it decodes.
private func failure(_ json: String) throws -> IngestError? {
    let value = try JSONParser.parse(Array(json.utf8))
    do { _ = try RecordDecoder().decode(value, at: here); return nil } catch { return error }
}

/// docs/formats.md, "JSON types": text fields take JSON strings, numeric fields JSON numbers,
/// `nte` a JSON boolean, lists JSON arrays; nothing is coerced. One case per field family.
struct JSONTypeRuleTests {
    static let person = #""type":"person","id":"person:niche/T-1","item":"police/WX-1""#
    static let item = #""type":"item","agency":"police","ref":"WX-1","recorded":"2024-03-04","grade":"2BP""#
    static let location = #""type":"location","id":"location:lic/P-1","item":"police/WX-1""#
    static let contacted = #""type":"link","link":"contacted","from":"phone:07700900123","to":"phone:07700900456","item":"police/WX-1""#

    @Test("a value of the wrong JSON type is refused, naming the field, the expected type and the found type", arguments: [
        // short text
        ("{\(person),\"name\":123}", "name", "expected text (a JSON string), found a number"),
        ("{\(item),\"summary\":true}", "summary", "expected text (a JSON string), found a boolean"),
        // codes
        ("{\(item.replacingOccurrences(of: #""agency":"police""#, with: #""agency":7"#))}", "agency", "expected text (a JSON string), found a number"),
        ("{\(location),\"category\":1}", "category", "expected text (a JSON string), found a number"),
        // references and citations
        ("{\(item.replacingOccurrences(of: #""ref":"WX-1""#, with: #""ref":42"#))}", "ref", "expected text (a JSON string), found a number"),
        (#"{"type":"person","id":12345,"item":"police/WX-1"}"#, "id", "expected text (a JSON string), found a number"),
        ("{\(contacted.replacingOccurrences(of: #""to":"phone:07700900456""#, with: #""to":447700900456"#))}", "to", "expected text (a JSON string), found a number"),
        // dates and times
        ("{\(person),\"dob\":2010}", "dob", "expected text (a JSON string), found a number"),
        ("{\(item.replacingOccurrences(of: #""recorded":"2024-03-04""#, with: #""recorded":20240304"#))}", "recorded", "expected text (a JSON string), found a number"),
        // grade
        ("{\(item.replacingOccurrences(of: #""grade":"2BP""#, with: #""grade":2"#))}", "grade", "expected text (a JSON string), found a number"),
        // numbers
        ("{\(contacted),\"duration\":\"94\"}", "duration", "expected a JSON number, found a string"),
        ("{\(location),\"lat\":\"50.1\",\"lon\":-3.4}", "lat", "expected a JSON number, found a string"),
        // booleans
        ("{\(location),\"nte\":\"yes\"}", "nte", "expected true or false (a JSON boolean), found a string"),
        ("{\(location),\"nte\":1}", "nte", "expected true or false (a JSON boolean), found a number"),
        // lists
        ("{\(person),\"aliases\":[1]}", "aliases", "expected a list of text (JSON strings), found a number in it"),
        ("{\(person),\"roles\":\"suspect\"}", "roles", "expected a list [...], found a string"),
        ("{\(person),\"ids\":[7]}", "ids", "expected a list of text (JSON strings), found a number in it"),
    ])
    func wrongType(json: String, field: String, reason: String) throws {
        let e = try failure(json)
        #expect(e?.field == field, "\(String(describing: e))")
        #expect(e?.description.contains(reason) == true, "\(String(describing: e))")
        #expect(e?.location == here)
    }

    @Test("values of the right type still decode")
    func rightTypes() throws {
        #expect(try failure("{\(Self.location),\"lat\":50.1,\"lon\":-3.4,\"nte\":false}") == nil)
        #expect(try failure("{\(Self.contacted),\"duration\":94}") == nil)
        #expect(try failure("{\(Self.person),\"name\":\"123\",\"dob\":\"2010\"}") == nil)
    }
}

/// Invisible and format characters (docs/formats.md, "Invisible characters").
struct InvisibleCharacterTests {
    static let item = #""type":"item","agency":"police","recorded":"2024-03-04","grade":"2BP""#

    @Test("an identifier, reference or citation holding an invisible character is refused, naming the code point", arguments: [
        (#"{"type":"person","id":"person:niche/AUD\u200b-1","item":"police/WX-1"}"#, "id", "U+200B"),
        (#"{"type":"person","id":"person:niche/AUD-1\u202e","item":"police/WX-1"}"#, "id", "U+202E"),
        (#"{"type":"person","id":"person:niche/\u2066AUD-1\u2069","item":"police/WX-1"}"#, "id", "U+2066"),
        (#"{"type":"person","id":"person:niche/AUD\u200e-1","item":"police/WX-1"}"#, "id", "U+200E"),
        (#"{"type":"person","id":"person:niche/AUD\ufeff-1","item":"police/WX-1"}"#, "id", "U+FEFF"),
        (#"{"type":"person","id":"person:niche/AUD\u00ad-1","item":"police/WX-1"}"#, "id", "U+00AD"),
        (#"{"type":"person","id":"person:niche/AUD-1","ids":["person:lccs/C\u200d-9"],"item":"police/WX-1"}"#, "ids", "U+200D"),
        (#"{"type":"vehicle","id":"vehicle:WX11\u200bABQ","item":"police/WX-1"}"#, "id", "U+200B"),
        (#"{"type":"phone","id":"phone:07700\u200b900123","item":"police/WX-1"}"#, "id", "U+200B"),
        (#"{"type":"account","id":"account:snapchat/kaz\u200b","item":"police/WX-1"}"#, "id", "U+200B"),
        (#"{"type":"person","id":"person:niche/AUD-1","item":"police/WX\u200b-1"}"#, "item", "U+200B"),
        (#"{"type":"item","agency":"police","ref":"WX\u200b-1","recorded":"2024-03-04","grade":"2BP"}"#, "ref", "U+200B"),
        (#"{"type":"link","link":"seen_with","from":"person:niche/A","to":"person:niche/B\u2060","item":"police/WX-1"}"#, "to", "U+2060"),
        // names and free text: bidi controls everywhere, zero-width characters in names
        (#"{"type":"person","id":"person:niche/AUD-1","name":"Kai \u202eLATOT","item":"police/WX-1"}"#, "name", "U+202E"),
        (#"{"type":"person","id":"person:niche/AUD-1","name":"Kai\u200bFICTIONAL","item":"police/WX-1"}"#, "name", "U+200B"),
        (#"{"type":"person","id":"person:niche/AUD-1","aliases":["K\u2067ai"],"item":"police/WX-1"}"#, "aliases", "U+2067"),
        (#"{"type":"item","agency":"police","ref":"WX-1","recorded":"2024-03-04","grade":"2BP","summary":"Seen at \u202eetoh"}"#, "summary", "U+202E"),
        (#"{"type":"item","agency":"police","ref":"WX-1","recorded":"2024-03-04","grade":"1AC","conditions":"Share \u2068only\u2069 with MACE"}"#, "conditions", "U+2068"),
    ])
    func refused(json: String, field: String, codePoint: String) throws {
        let value = try JSONParser.parse(Array(json.utf8))
        var found: IngestError?
        do { _ = try RecordDecoder().decode(value, at: here) } catch { found = error }
        #expect(found?.field == field, "\(String(describing: found))")
        #expect(found?.description.contains(codePoint) == true, "\(String(describing: found))")
    }

    @Test("joiners that scripts need are kept in names, and zero-width spaces in a summary are kept")
    func kept() throws {
        let persian = #"{"type":"person","id":"person:niche/AUD-1","name":"\u0645\u06cc\u200c\u0631\u0648\u062f","item":"police/WX-1"}"#
        #expect(throws: Never.self) { try RecordDecoder().decode(try JSONParser.parse(Array(persian.utf8)), at: here) }
        let summary = #"{"type":"item","agency":"police","ref":"WX-1","recorded":"2024-03-04","grade":"2BP","summary":"a\u200bb"}"#
        #expect(throws: Never.self) { try RecordDecoder().decode(try JSONParser.parse(Array(summary.utf8)), at: here) }
    }
}

/// Dates after the run's day (docs/formats.md, "Dates"), with the day given to the decoder.
struct FutureDateTests {
    static let today = Timestamp(year: 2024, month: 6, day: 1)!

    func error(_ json: String, today: Timestamp? = FutureDateTests.today) throws -> IngestError? {
        let value = try JSONParser.parse(Array(json.utf8))
        do { _ = try RecordDecoder(today: today).decode(value, at: here); return nil } catch { return error }
    }

    @Test("a point that begins after the run's day is refused; one that began by then is not", arguments: [
        ("2024-06-01", true), ("2024-06-01T23:59", true), ("2024-06", true), ("2024", true), ("~2024-06", true),
        ("2024-05-01/2024-06-01", true), ("2024-06-02", false), ("2024-07", false), ("2025", false),
        ("2024-05-01/2024-06-02", false), ("~2999", false),
    ])
    func observed(text: String, accepted: Bool) throws {
        let e = try error(#"{"type":"item","agency":"police","ref":"F-1","recorded":"2024-06-01","observed":"\#(text)","grade":"1AP"}"#)
        #expect((e == nil) == accepted, "\(String(describing: e))")
        if !accepted { #expect(e?.field == "observed" && e?.description.contains("is after today (2024-06-01)") == true) }
    }

    @Test("dates of birth and notices; an expiry may be later; without a day nothing is checked")
    func otherFields() throws {
        #expect(try error(#"{"type":"person","id":"person:niche/F1","dob":"~2025","item":"police/F-1"}"#)?.field == "dob")
        #expect(try error(#"{"type":"person","id":"person:niche/F1","dob":"2024-06","item":"police/F-1"}"#) == nil)
        #expect(try error(#"{"type":"notice","notice":"cawn","subject":"person:niche/F1","issued":"2024-06-01","expires":"2026-06-01","item":"police/F-1"}"#) == nil)
        #expect(try error(#"{"type":"notice","notice":"cawn","subject":"person:niche/F1","issued":"2024-06-02","item":"police/F-1"}"#)?.field == "issued")
        #expect(try error(#"{"type":"looked_after","child":"person:niche/F1","from":"2024-01-01","to":"2024-07-01","item":"police/F-1"}"#)?.field == "to")
        #expect(try error(#"{"type":"item","agency":"police","ref":"F-1","recorded":"2999-01-01","grade":"1AP"}"#, today: nil) == nil)
    }
}
