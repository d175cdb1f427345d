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
    #expect(reader.bytesRead == bytes.count)
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
    func overLongLineIsReportedAndReadingContinues(chunkSize: Int) throws {
        let got = try lines("abc\nabcdefgh\nxy\n0123456789012345678901234567890123456789\nlast", chunkSize: chunkSize, max: 5)
        #expect(got == [.text("abc", line: 1), .tooLong(8, line: 2), .text("xy", line: 3), .tooLong(40, line: 4), .text("last", line: 5)])
    }

    @Test(arguments: chunkSizes)
    func lineOfExactlyTheMaximum(chunkSize: Int) throws {
        #expect(try lines("abcde\nabcdef\n", chunkSize: chunkSize, max: 5) == [.text("abcde", line: 1), .tooLong(6, line: 2)])
        // The CR of a CRLF is not part of the line, so it does not push a line over the maximum.
        #expect(try lines("abcde\r\nab\r\n", chunkSize: chunkSize, max: 5) == [.text("abcde", line: 1), .text("ab", line: 2)])
        #expect(try lines("abcde\r", chunkSize: chunkSize, max: 5) == [.text("abcde", line: 1)])
    }

    @Test(arguments: chunkSizes)
    func overLongCRLFLine(chunkSize: Int) throws {
        let got = try lines("abcdefgh\r\nxy\r\n", chunkSize: chunkSize, max: 5)
        #expect(got.count == 2)
        guard got.count == 2 else { return }
        if case let .tooLong(n, line) = got[0] {
            #expect(line == 1)
            #expect(n == 8 || n == 9) // the count may include the CR when the line is cut across chunks
        } else {
            Issue.record("expected tooLong, got \(got[0])")
        }
        #expect(got[1] == .text("xy", line: 2))
    }

    @Test func bigLineAcrossManyChunks() throws {
        let big = String(repeating: "0123456789", count: 100_000) // 1,000,000 bytes
        let got = try lines("a\n" + big + "\nb", chunkSize: 4096)
        #expect(got == [.text("a", line: 1), .text(big, line: 2), .text("b", line: 3)])
    }
}
