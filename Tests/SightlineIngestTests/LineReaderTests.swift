import Testing
@testable import SightlineIngest

/// One line as the reader gave it, with the line number it reported.
private enum Got: Equatable {
    case text(String, line: Int)
    case tooLong(Int, line: Int)
}

private func lines(_ bytes: [UInt8], chunkSize: Int, max: Int = 16 << 20) throws -> [Got] {
    var reader = LineReader(MemoryByteSource(bytes, chunkSize: chunkSize), maxLineBytes: max)
    var out: [Got] = []
    while let got = try reader.next({ line -> Got in
        switch line {
        case let .text(b): .text(String(decoding: b, as: UTF8.self), line: 0)
        case let .tooLong(n): .tooLong(n, line: 0)
        }
    }) {
        switch got {
        case let .text(s, _): out.append(.text(s, line: reader.lineNumber))
        case let .tooLong(n, _): out.append(.tooLong(n, line: reader.lineNumber))
        }
        if out.count > 10_000 { Issue.record("runaway reader"); break }
    }
    if case .tooLong? = out.last {} else { #expect(reader.bytesRead == bytes.count) } // a line past the limit stops reading
    #expect(try reader.next { _ in 0 } == nil) // stays at the end
    return out
}

private func lines(_ text: String, chunkSize: Int, max: Int = 16 << 20) throws -> [Got] {
    try lines(Array(text.utf8), chunkSize: chunkSize, max: max)
}

/// Splitting byte streams into numbered lines. Every case is read with chunk sizes 1 to 7 (so
/// that line breaks, CRLF pairs and the BOM fall across chunk boundaries) and with the default.
struct LineReaderTests {
    static let chunkSizes = Array(1...7) + [64, 1 << 16]

    @Test(arguments: chunkSizes)
    func lf(chunkSize: Int) throws {
        #expect(try lines("alpha\nbeta\n", chunkSize: chunkSize) == [.text("alpha", line: 1), .text("beta", line: 2)])
    }

    @Test(arguments: chunkSizes)
    func crlf(chunkSize: Int) throws {
        #expect(try lines("alpha\r\nbeta\r\n", chunkSize: chunkSize) == [.text("alpha", line: 1), .text("beta", line: 2)])
    }

    @Test(arguments: chunkSizes)
    func noFinalNewline(chunkSize: Int) throws {
        #expect(try lines("alpha\nbeta", chunkSize: chunkSize) == [.text("alpha", line: 1), .text("beta", line: 2)])
        #expect(try lines("alpha\r\nbeta\r", chunkSize: chunkSize) == [.text("alpha", line: 1), .text("beta", line: 2)])
    }

    @Test(arguments: chunkSizes)
    func mixedAndBlankLines(chunkSize: Int) throws {
        let text = "alpha\nbeta\r\n\ngamma\r\n\r\ndelta\rstill delta\n   \nZoë 😀"
        #expect(try lines(text, chunkSize: chunkSize) == [
            .text("alpha", line: 1), .text("beta", line: 2), .text("", line: 3), .text("gamma", line: 4),
            .text("", line: 5), .text("delta\rstill delta", line: 6), .text("   ", line: 7), .text("Zoë 😀", line: 8),
        ])
    }

    @Test(arguments: chunkSizes)
    func byteOrderMarkIsDropped(chunkSize: Int) throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(try lines(bom + Array("{\"a\":1}\nb\n".utf8), chunkSize: chunkSize) == [.text("{\"a\":1}", line: 1), .text("b", line: 2)])
        #expect(try lines(bom + Array("x".utf8), chunkSize: chunkSize) == [.text("x", line: 1)])
        #expect(try lines(bom, chunkSize: chunkSize) == [])
        #expect(try lines(bom + [0x0A, 0x78], chunkSize: chunkSize) == [.text("", line: 1), .text("x", line: 2)])
        // Only at the very start of the file.
        #expect(try lines(Array("a\n".utf8) + bom + Array("b".utf8), chunkSize: chunkSize) == [.text("a", line: 1), .text("\u{FEFF}b", line: 2)])
    }

    @Test(arguments: chunkSizes)
    func emptyInputs(chunkSize: Int) throws {
        #expect(try lines("", chunkSize: chunkSize) == [])
        #expect(try lines("\n", chunkSize: chunkSize) == [.text("", line: 1)])
        #expect(try lines("\n\n", chunkSize: chunkSize) == [.text("", line: 1), .text("", line: 2)])
        #expect(try lines("\r\n", chunkSize: chunkSize) == [.text("", line: 1)])
    }

    @Test(arguments: chunkSizes)
    func overLongLineIsReportedAndReadingStops(chunkSize: Int) throws {
        // Reported as soon as the line passes the limit (the count is what was read by then), then nothing more.
        let got = try lines("abc\nabcdefgh\nxy\n", chunkSize: chunkSize, max: 5)
        #expect(got.count == 2)
        #expect(got.first == .text("abc", line: 1))
        if case let .tooLong(n, line)? = got.last { #expect(line == 2 && n > 5 && n <= 8) } else { Issue.record("\(got)") }
    }

    @Test(arguments: chunkSizes)
    func lineOfExactlyTheMaximum(chunkSize: Int) throws {
        #expect(try lines("abcde\nabcdef\n", chunkSize: chunkSize, max: 5).first == .text("abcde", line: 1))
        #expect(try lines("abcde\nabcdef\n", chunkSize: chunkSize, max: 5).count == 2)
        // The CR of a CRLF is not part of the line, so it does not push a line over the maximum.
        #expect(try lines("abcde\r\nab\r\n", chunkSize: chunkSize, max: 5) == [.text("abcde", line: 1), .text("ab", line: 2)])
        #expect(try lines("abcde\r", chunkSize: chunkSize, max: 5) == [.text("abcde", line: 1)])
    }

    @Test(arguments: chunkSizes)
    func overLongCRLFLine(chunkSize: Int) throws {
        let got = try lines("abcdefgh\r\nxy\r\n", chunkSize: chunkSize, max: 5)
        #expect(got.count == 1) // reading stops at the over-long line
        guard got.count == 1 else { return }
        if case let .tooLong(n, line) = got[0] {
            #expect(line == 1)
            #expect(n > 5 && n <= 9) // what was read when the line passed the limit
        } else {
            Issue.record("expected tooLong, got \(got[0])")
        }
    }

    @Test func bigLineAcrossManyChunks() throws {
        let big = String(repeating: "0123456789", count: 100_000) // 1,000,000 bytes
        let got = try lines("a\n" + big + "\nb", chunkSize: 4096)
        #expect(got == [.text("a", line: 1), .text(big, line: 2), .text("b", line: 3)])
    }
}

/// A source that never sends a line break: it serves `total` bytes of 'a' and counts what it served.
final class EndlessSource: ByteSource {
    let total: Int
    var served = 0
    init(total: Int) { self.total = total }
    func read(into buffer: inout [UInt8]) throws -> Bool {
        guard served < total else { return false }
        let n = min(1 << 16, total - served)
        buffer = [UInt8](repeating: 0x61, count: n)
        served += n
        return true
    }
}

struct EndlessLineTests {
    @Test("a line that never ends is refused as soon as it passes the limit, without reading on")
    func stopsAtTheLimit() throws {
        let source = EndlessSource(total: 64 << 20)
        var reader = LineReader(source, maxLineBytes: 1 << 20)
        let got = try reader.next { line -> Int? in
            if case let .tooLong(n) = line { return n }
            return nil
        }
        #expect(got == .some(.some((1 << 20) + 1)) || (got ?? nil).map { $0 > 1 << 20 } == true)
        #expect(source.served <= (1 << 20) + 2 * (1 << 16), "read \(source.served) bytes")
        #expect(try reader.next { _ in 0 } == nil) // and reading stops there
        #expect(source.served <= (1 << 20) + 2 * (1 << 16), "read \(source.served) bytes")
    }

    @Test("a CSV field or row that never ends is refused as soon as it passes the limit")
    func csvStopsAtTheLimit() throws {
        let source = EndlessSource(total: 64 << 20)
        var reader = CSVReader(source, maxFieldBytes: 1 << 20)
        #expect(throws: CSVRowError.self) { _ = try reader.next() }
        #expect(source.served <= (1 << 20) + 2 * (1 << 16), "read \(source.served) bytes")
    }
}
