/// A source of bytes read in chunks: a file, a pipe, or bytes in memory. Parsers take a byte
/// source, never a path, so that they stay free of I/O and can be fed anything in tests.
public protocol ByteSource {
    /// Reads the next chunk into `buffer` (replacing its contents); returns false at the end.
    mutating func read(into buffer: inout [UInt8]) throws -> Bool
}

/// Bytes already in memory, served in chunks of a given size (small chunks exercise the
/// boundaries in tests).
public struct MemoryByteSource: ByteSource {
    let bytes: [UInt8]
    let chunk: Int
    var offset = 0

    public init(_ bytes: [UInt8], chunkSize: Int = 1 << 16) { self.bytes = bytes; self.chunk = max(1, chunkSize) }
    public init(_ text: String, chunkSize: Int = 1 << 16) { self.init(Array(text.utf8), chunkSize: chunkSize) }

    public mutating func read(into buffer: inout [UInt8]) throws -> Bool {
        guard offset < bytes.count else { return false }
        let end = min(bytes.count, offset + chunk)
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: bytes[offset..<end])
        offset = end
        return true
    }
}

/// Splits a byte source into lines (LF or CRLF), numbering them from 1.
///
/// A line longer than `maxLineBytes` is reported as ``Line/tooLong(bytes:)`` the moment it passes
/// the limit, without reading on to its end, and reading stops there: a source that never sends a
/// line break (a path linked to /dev/zero, a runaway pipe) cannot make the reader read forever or
/// hold more than the limit.
public struct LineReader<Source: ByteSource> {
    var source: Source
    var chunk: [UInt8] = []
    var pos = 0
    var pending: [UInt8] = []
    var atEnd = false
    /// Set once a line has passed the limit: nothing after it is read.
    var stopped = false
    public private(set) var lineNumber = 0
    /// Bytes consumed so far (for progress).
    public private(set) var bytesRead = 0
    public let maxLineBytes: Int

    public init(_ source: Source, maxLineBytes: Int = 16 << 20) {
        self.source = source
        self.maxLineBytes = maxLineBytes
    }

    /// The outcome of reading one line.
    public enum Line {
        case text(UnsafeBufferPointer<UInt8>)
        case tooLong(bytes: Int)
    }

    /// Calls `body` with the next line's bytes (without the line break), or returns false at the end.
    /// - Complexity: O(n) in the line's length.
    public mutating func next<R>(_ body: (Line) throws -> R) throws -> R? {
        if stopped { return nil }
        var overflow = 0
        pending.removeAll(keepingCapacity: true)
        while true {
            if pos >= chunk.count {
                let more = atEnd ? false : try source.read(into: &chunk)
                if !more {
                    atEnd = true
                    chunk.removeAll()
                    pos = 0
                    if pending.isEmpty && overflow == 0 { return nil }
                    lineNumber += 1
                    return try finish(overflow: overflow, body)
                }
                pos = 0
                if lineNumber == 0, bytesRead == 0 { // a BOM: read on until three bytes are in hand, however the source splits them
                    var more: [UInt8] = []
                    while chunk.count < 3 {
                        guard try source.read(into: &more) else { atEnd = true; break }
                        chunk.append(contentsOf: more)
                    }
                    if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
                }
                bytesRead += chunk.count
                continue
            }
            let start = pos
            let newline: Int? = chunk.withUnsafeBufferPointer { buf in
                var k = start
                while k < buf.count { if buf[k] == 0x0A { return k }; k += 1 }
                return nil
            }
            if let nl = newline {
                pos = nl + 1
                lineNumber += 1
                if pending.isEmpty && overflow == 0 {
                    var end = nl
                    if end > start, chunk[end - 1] == 0x0D { end -= 1 }
                    if end - start > maxLineBytes { stopped = true; return try body(.tooLong(bytes: end - start)) }
                    return try chunk.withUnsafeBufferPointer { buf in
                        try body(.text(UnsafeBufferPointer(rebasing: buf[start..<end])))
                    }
                }
                append(chunk[start..<nl], overflow: &overflow)
                return try finish(overflow: overflow, body)
            }
            append(chunk[start...], overflow: &overflow)
            pos = chunk.count
            if overflow > 0 { // past the limit with no line break in sight: stop here
                lineNumber += 1
                return try finish(overflow: overflow, body)
            }
        }
    }

    mutating func append(_ bytes: ArraySlice<UInt8>, overflow: inout Int) {
        // One byte more than the maximum is held: it may be the CR of a CRLF, which is not part of the line.
        if overflow > 0 || pending.count + bytes.count > maxLineBytes + 1 {
            overflow += pending.count + bytes.count
            pending.removeAll(keepingCapacity: false)
        } else {
            pending.append(contentsOf: bytes)
        }
    }

    mutating func finish<R>(overflow: Int, _ body: (Line) throws -> R) throws -> R {
        if overflow > 0 { stopped = true; return try body(.tooLong(bytes: overflow)) }
        if pending.last == 0x0D { pending.removeLast() }
        if pending.count > maxLineBytes { stopped = true; return try body(.tooLong(bytes: pending.count)) }
        return try pending.withUnsafeBufferPointer { try body(.text($0)) }
    }
}
