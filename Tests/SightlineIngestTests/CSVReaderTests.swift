import Testing
@testable import SightlineIngest

/// A row or an error, as the reader gave them.
private enum Got: Equatable {
    case row(Int, [String])
    case error(CSVRowError)
}

private func read(_ bytes: [UInt8], chunkSize: Int = 1 << 16, delimiter: UInt8 = UInt8(ascii: ","),
                  encoding: TextEncoding = .utf8, maxFieldBytes: Int = 1 << 20) -> [Got] {
    var reader = CSVReader(MemoryByteSource(bytes, chunkSize: chunkSize), delimiter: delimiter, encoding: encoding, maxFieldBytes: maxFieldBytes)
    var out: [Got] = []
    while out.count < 10_000 {
        do {
            guard let row = try reader.next() else { break }
            out.append(.row(row.line, row.fields))
        } catch let e as CSVRowError {
            out.append(.error(e))
        } catch {
            Issue.record("unexpected error \(error)")
            break
        }
    }
    // Every byte is read, unless an error stopped the reader (a field past its limit).
    if case let .error(e)? = out.last, e.stopsReading {} else { #expect(reader.bytesRead == bytes.count) }
    return out
}

private func read(_ text: String, chunkSize: Int = 1 << 16, delimiter: UInt8 = UInt8(ascii: ","),
                  encoding: TextEncoding = .utf8, maxFieldBytes: Int = 1 << 20) -> [Got] {
    read(Array(text.utf8), chunkSize: chunkSize, delimiter: delimiter, encoding: encoding, maxFieldBytes: maxFieldBytes)
}

/// RFC 4180 CSV with the line each row starts on. Cases run with chunk sizes 1 to 7 so that quotes,
/// doubled quotes and CRLF pairs fall across chunk boundaries.
struct CSVReaderTests {
    static let chunkSizes = Array(1...7) + [1 << 16]

    @Test(arguments: chunkSizes)
    func plainRows(chunkSize: Int) {
        #expect(read("a,b,c\n1,2,3\n", chunkSize: chunkSize) == [.row(1, ["a", "b", "c"]), .row(2, ["1", "2", "3"])])
        #expect(read("a,b\n1,2", chunkSize: chunkSize) == [.row(1, ["a", "b"]), .row(2, ["1", "2"])])
    }

    @Test(arguments: chunkSizes)
    func quotedFields(chunkSize: Int) {
        let text = "\"a\",\"b c\",d\n\"say \"\"hi\"\"\",x\n\"Smith, John\",2\n\"\",\"\"\"\"\nab\"c,d\n"
        #expect(read(text, chunkSize: chunkSize) == [
            .row(1, ["a", "b c", "d"]),
            .row(2, ["say \"hi\"", "x"]),
            .row(3, ["Smith, John", "2"]),
            .row(4, ["", "\""]),
            .row(5, ["ab\"c", "d"]),            // a quote inside an unquoted field is kept as text
        ])
    }

    @Test(arguments: chunkSizes)
    func newlinesInsideQuotesKeepStartLines(chunkSize: Int) {
        let text = "h1,h2\n\"line one\nline two\",x\nnext,row\n\"a\r\nb\nc\",\"d\"\r\nlast,one\r\n"
        #expect(read(text, chunkSize: chunkSize) == [
            .row(1, ["h1", "h2"]),
            .row(2, ["line one\nline two", "x"]),
            .row(4, ["next", "row"]),
            .row(5, ["a\r\nb\nc", "d"]),
            .row(8, ["last", "one"]),
        ])
    }

    @Test(arguments: chunkSizes)
    func crlfAndBlankLines(chunkSize: Int) {
        #expect(read("a,b\r\n1,2\r\n", chunkSize: chunkSize) == [.row(1, ["a", "b"]), .row(2, ["1", "2"])])
        #expect(read("a,b\n\n\n1,2\n\r\n3,4", chunkSize: chunkSize) == [.row(1, ["a", "b"]), .row(4, ["1", "2"]), .row(6, ["3", "4"])])
        #expect(read("\n\na\n", chunkSize: chunkSize) == [.row(3, ["a"])])
        #expect(read("", chunkSize: chunkSize) == [])
        #expect(read("\r\n\n", chunkSize: chunkSize) == [])
    }

    @Test(arguments: chunkSizes)
    func emptyFields(chunkSize: Int) {
        #expect(read("a,,c\n,\nx,y,\n", chunkSize: chunkSize) == [.row(1, ["a", "", "c"]), .row(2, ["", ""]), .row(3, ["x", "y", ""])])
    }

    @Test(arguments: chunkSizes)
    func byteOrderMark(chunkSize: Int) {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(read(bom + Array("h1,h2\n1,2\n".utf8), chunkSize: chunkSize) == [.row(1, ["h1", "h2"]), .row(2, ["1", "2"])])
        #expect(read(bom + Array("\"Call ID\",x\n".utf8), chunkSize: chunkSize) == [.row(1, ["Call ID", "x"])])
        #expect(read(bom, chunkSize: chunkSize) == [])
    }

    @Test(arguments: chunkSizes)
    func unclosedQuote(chunkSize: Int) {
        #expect(read("a,b\n\"open,x\nmore\n", chunkSize: chunkSize) == [.row(1, ["a", "b"]), .error(.unclosedQuote(startLine: 2))])
        #expect(read("x\n\n\"", chunkSize: chunkSize) == [.row(1, ["x"]), .error(.unclosedQuote(startLine: 3))])
    }

    @Test(arguments: chunkSizes)
    func fieldOverMaximum(chunkSize: Int) {
        // Refused as soon as the field passes the limit; the reader stops (the field's end may never come).
        #expect(read("abcd,x\nabcde,x\nok,z\n", chunkSize: chunkSize, maxFieldBytes: 4) == [
            .row(1, ["abcd", "x"]),
            .error(.fieldTooLong(line: 2, bytes: 5)),
        ])
        #expect(read("abcd,x\n\"ab\ncde\",y\nok,z\n", chunkSize: chunkSize, maxFieldBytes: 4) == [
            .row(1, ["abcd", "x"]),
            .error(.fieldTooLong(line: 2, bytes: 5, quoted: true)),
        ])
    }

    @Test(arguments: chunkSizes)
    func windows1252(chunkSize: Int) {
        // "Zoë,€ 5,‘q’,Œ" in windows-1252
        let bytes: [UInt8] = [0x5A, 0x6F, 0xEB, 0x2C, 0x80, 0x20, 0x35, 0x2C, 0x91, 0x71, 0x92, 0x2C, 0x8C, 0x0A]
        #expect(read(bytes, chunkSize: chunkSize, encoding: .windows1252) == [.row(1, ["Zoë", "€ 5", "\u{2018}q\u{2019}", "Œ"])])
        // In latin1 the same bytes are the C1 controls.
        #expect(read(bytes, chunkSize: chunkSize, encoding: .latin1) == [.row(1, ["Zoë", "\u{80} 5", "\u{91}q\u{92}", "\u{8C}"])])
        // 0x81 is not defined in windows-1252.
        #expect(read([0x61, 0x2C, 0x81, 0x0A, 0x62, 0x0A], chunkSize: chunkSize, encoding: .windows1252)
            == [.error(.badEncoding(line: 1, field: 1, encoding: .windows1252)), .row(2, ["b"])])
        // A UTF-8 BOM in a file declared windows-1252 is UTF-8 (it would be the three characters "ï»¿").
        #expect(read([0xEF, 0xBB, 0xBF, 0x61, 0x0A], chunkSize: chunkSize, encoding: .windows1252)
            == [.error(.looksLikeUTF8(line: 1, field: 0, encoding: .windows1252))])
        // So is any field whose non-ASCII bytes are valid multi-byte UTF-8 ("Zoë" written in UTF-8).
        #expect(read(Array("a,Zoë\nb\n".utf8), chunkSize: chunkSize, encoding: .windows1252)
            == [.error(.looksLikeUTF8(line: 1, field: 1, encoding: .windows1252))])
        #expect(read(Array("a,Zoë\nb\n".utf8), chunkSize: chunkSize, encoding: .latin1)
            == [.error(.looksLikeUTF8(line: 1, field: 1, encoding: .latin1))])
    }

    @Test(arguments: chunkSizes)
    func invalidUTF8(chunkSize: Int) {
        #expect(read([0x6F, 0x6B, 0x2C, 0x5A, 0x6F, 0xEB, 0x0A, 0x6E, 0x65, 0x78, 0x74, 0x0A], chunkSize: chunkSize)
            == [.error(.badEncoding(line: 1, field: 1, encoding: .utf8)), .row(2, ["next"])])
        #expect(read([0xFF, 0x2C, 0xFF, 0x0A], chunkSize: chunkSize) == [.error(.badEncoding(line: 1, field: 0, encoding: .utf8))])
        #expect(read(Array("Zoë,Łukasz,😀\n".utf8), chunkSize: chunkSize) == [.row(1, ["Zoë", "Łukasz", "😀"])])
    }

    @Test(arguments: chunkSizes)
    func textAfterClosingQuote(chunkSize: Int) {
        #expect(read("\"abc\"def,x\nnext\n", chunkSize: chunkSize) == [.error(.textAfterQuote(line: 1)), .row(2, ["next"])])
        #expect(read("a,\"abc\" ,x\n", chunkSize: chunkSize) == [.error(.textAfterQuote(line: 1))])
        #expect(read("\"a\nb\"c\nnext\n", chunkSize: chunkSize) == [.error(.textAfterQuote(line: 1)), .row(3, ["next"])])
    }

    @Test(arguments: chunkSizes)
    func otherDelimiters(chunkSize: Int) {
        #expect(read("a\tb c\t\"x\ty\"\n1\t\t3\n", chunkSize: chunkSize, delimiter: 9) == [.row(1, ["a", "b c", "x\ty"]), .row(2, ["1", "", "3"])])
        #expect(read("a;b,c;\"d;e\"\n", chunkSize: chunkSize, delimiter: UInt8(ascii: ";")) == [.row(1, ["a", "b,c", "d;e"])])
    }

    @Test func encodingNames() {
        #expect(TextEncoding(name: "UTF8") == .utf8)
        #expect(TextEncoding(name: "utf-8") == .utf8)
        #expect(TextEncoding(name: "cp1252") == .windows1252)
        #expect(TextEncoding(name: "Windows-1252") == .windows1252)
        #expect(TextEncoding(name: "ISO-8859-1") == .latin1)
        #expect(TextEncoding(name: "latin_1") == .latin1)
        #expect(TextEncoding(name: "ebcdic") == nil)
    }
}
