/// A plain edge list as other tools and published research networks exchange them: a CSV with a
/// header naming `source` and `target` columns and, optionally, `weight`. Node names are text;
/// nodes are numbered in order of first appearance.
public struct EdgeList: Sendable {
    /// Node names by index.
    public var names: [String] = []
    /// Each edge's two node indices, in file order.
    public var sources: [Int32] = []
    public var targets: [Int32] = []
    /// Each edge's weight, when the file has a weight column (empty otherwise: weight 1).
    public var weights: [Double] = []
    /// Whether the file had a weight column.
    public var hasWeights = false

    public init() {}

    /// The edges as (source, target, weight) triples.
    public var edges: [(Int, Int, Double)] {
        sources.indices.map { (Int(sources[$0]), Int(targets[$0]), hasWeights ? weights[$0] : 1) }
    }

    /// Reads an edge list: the whole source into memory, then the fast path below; anything it
    /// does not handle goes to the general reader, which also words every error.
    /// - Throws: ``IngestError`` naming the file, line and field: a missing column, an empty node
    ///   name, a weight that is not a positive finite number, a malformed row.
    /// - Complexity: O(size of the file).
    public static func read<S: ByteSource>(_ source: S, file: String) throws(IngestError) -> EdgeList {
        var source = source
        var bytes: [UInt8] = []
        var chunk: [UInt8] = []
        do {
            while try source.read(into: &chunk) { bytes.append(contentsOf: chunk) }
        } catch {
            throw .unreadable(file: file, reason: "\(error)")
        }
        if let fast = bytes.withUnsafeBufferPointer({ readPlain($0) }) { return fast }
        return try readGeneral(MemoryByteSource(bytes, chunkSize: 1 << 20), file: file)
    }

    /// The fast path, for the plain files tools write: UTF-8 without quotes, comma-separated, no
    /// blank lines, every row complete and valid. Names that are decimal integers without leading
    /// zeros are looked up in an array instead of hashed. Returns nil at the first thing it does not
    /// handle, leaving the file to ``readGeneral(_:file:)``, so both paths give the same result.
    static func readPlain(_ b: UnsafeBufferPointer<UInt8>) -> EdgeList? {
        let end = b.count
        var pos = 0
        if end >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { pos = 3 }
        if b.contains(0x22) { return nil } // quotes: the general reader
        // Text that is not UTF-8 gets the general reader's error, naming its line.
        if b.contains(where: { $0 >= 0x80 }) && String(validating: b, as: UTF8.self) == nil { return nil }
        var plain = true
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
        // Splits the line starting at `pos` into trimmed field ranges; returns the next line's start.
        var fields: [(Int, Int)] = []
        func splitLine(_ from: Int) -> Int {
            fields.removeAll(keepingCapacity: true)
            var i = from, fieldStart = from
            while i < end && b[i] != 0x0A {
                if b[i] == 0x2C { fields.append((fieldStart, i)); fieldStart = i + 1 }
                // A carriage return ends a line only before a line feed here.
                if b[i] == 0x0D && (i + 1 == end || b[i + 1] != 0x0A) { plain = false }
                i += 1
            }
            var lineEnd = i
            if lineEnd > fieldStart && b[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            fields.append((fieldStart, lineEnd))
            if lineEnd - from > 1 << 20 { plain = false } // the general reader bounds fields
            for k in fields.indices {
                var (lo, hi) = fields[k]
                while lo < hi && isSpace(b[lo]) { lo += 1 }
                while hi > lo && isSpace(b[hi - 1]) { hi -= 1 }
                fields[k] = (lo, hi)
            }
            return i < end ? i + 1 : end
        }
        guard pos < end else { return nil }
        pos = splitLine(pos)
        guard plain else { return nil }
        var header: [String] = []
        for (lo, hi) in fields {
            guard let h = String(validating: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self) else { return nil }
            header.append(h.lowercased())
        }
        guard let sc = header.firstIndex(of: "source"), let tc = header.firstIndex(of: "target") else { return nil }
        let wc = header.firstIndex(of: "weight")
        let needed = max(sc, tc, wc ?? 0) + 1
        var list = EdgeList()
        list.hasWeights = wc != nil
        var dense: [Int32] = []
        var sparse: [Int: Int32] = [:]
        var named: [String: Int32] = [:]
        func node(_ lo: Int, _ hi: Int) -> Int32? {
            let count = hi - lo
            guard count > 0 else { return nil }
            if count <= 18 && (count == 1 || b[lo] != 0x30) {
                var v = 0
                var digits = true
                for i in lo..<hi {
                    let d = b[i] &- 0x30
                    if d > 9 { digits = false; break }
                    v = v * 10 + Int(d)
                }
                if digits {
                    if v < 1 << 26 {
                        if v >= dense.count { dense.append(contentsOf: repeatElement(-1, count: max(v + 1, dense.count * 2) - dense.count)) }
                        if dense[v] >= 0 { return dense[v] }
                        dense[v] = Int32(list.names.count)
                    } else {
                        if let i = sparse[v] { return i }
                        sparse[v] = Int32(list.names.count)
                    }
                    list.names.append(String(v))
                    return Int32(list.names.count - 1)
                }
            }
            guard let name = String(validating: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self) else { return nil }
            if let i = named[name] { return i }
            named[name] = Int32(list.names.count)
            list.names.append(name)
            return Int32(list.names.count - 1)
        }
        while pos < end {
            pos = splitLine(pos)
            guard plain, fields.count >= needed else { return nil }
            let (slo, shi) = fields[sc], (tlo, thi) = fields[tc]
            guard let a = node(slo, shi), let c = node(tlo, thi) else { return nil }
            if let wc {
                let (lo, hi) = fields[wc]
                guard let w = plainDouble(b, lo, hi), w.isFinite, w > 0 else { return nil }
                list.weights.append(w)
            }
            list.sources.append(a)
            list.targets.append(c)
            if list.names.count >= Int(Int32.max) { return nil }
        }
        return list
    }

    /// Powers of ten exactly representable as doubles.
    static let exactPowersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }

    /// A decimal number. Plain `digits[.digits]` with at most 15 significant digits is read as
    /// mantissa / 10^k, which is correctly rounded because both are exact doubles (Clinger, "How to
    /// read floating point numbers accurately", 1990); anything else goes to `Double(String)`.
    static func plainDouble(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Double? {
        var mantissa = 0, digits = 0, fraction = 0, seenPoint = false, plain = hi > lo && b[lo] != 0x2E
        var i = lo
        while plain && i < hi {
            let c = b[i]
            if c == 0x2E && !seenPoint { seenPoint = true } else if c &- 0x30 <= 9 {
                mantissa = mantissa * 10 + Int(c &- 0x30)
                if mantissa > 0 { digits += 1 }
                if seenPoint { fraction += 1 }
            } else { plain = false }
            i += 1
        }
        if plain && digits <= 15 && fraction <= 22 && !(seenPoint && b[hi - 1] == 0x2E) {
            return Double(mantissa) / exactPowersOfTen[fraction]
        }
        return Double(String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self))
    }

    /// The general reader: any CSV the ingest reader accepts, with errors naming line and field.
    static func readGeneral<S: ByteSource>(_ source: S, file: String) throws(IngestError) -> EdgeList {
        var reader = CSVReader(source)
        var list = EdgeList()
        var index: [String: Int] = [:]
        func node(_ name: String) -> Int {
            if let i = index[name] { return i }
            index[name] = list.names.count
            list.names.append(name)
            return list.names.count - 1
        }
        var columns: (source: Int, target: Int, weight: Int?) = (0, 0, nil)
        var first = true
        while true {
            let row: CSVReader<S>.Row
            do {
                guard let r = try reader.next() else { break }
                row = r
            } catch let e as CSVRowError {
                throw .badLine(SourceLocation(file: file, line: Self.line(of: e)), reason: "the row cannot be read (\(e))")
            } catch {
                throw .unreadable(file: file, reason: "\(error)")
            }
            let location = SourceLocation(file: file, line: row.line)
            if first {
                first = false
                let header = row.fields.map { $0.trimmedWhitespace().lowercased() }
                guard let s = header.firstIndex(of: "source"), let t = header.firstIndex(of: "target") else {
                    throw .badLine(location, reason: "the header must name the columns 'source' and 'target' (and optionally 'weight'); it has: \(row.fields.joined(separator: ", "))")
                }
                columns = (s, t, header.firstIndex(of: "weight"))
                list.hasWeights = columns.weight != nil
                continue
            }
            let needed = max(columns.source, columns.target, columns.weight ?? 0) + 1
            guard row.fields.count >= needed else {
                throw .badLine(location, reason: "the row has \(row.fields.count) fields; the header needs \(needed)")
            }
            let a = row.fields[columns.source].trimmedWhitespace(), b = row.fields[columns.target].trimmedWhitespace()
            guard !a.isEmpty else { throw .missingField(location, field: "source", reason: "every edge names its two nodes") }
            guard !b.isEmpty else { throw .missingField(location, field: "target", reason: "every edge names its two nodes") }
            var weight = 1.0
            if let wc = columns.weight {
                let text = row.fields[wc].trimmedWhitespace()
                guard let w = Double(text), w.isFinite, w > 0 else {
                    throw .badField(location, field: "weight", value: text, reason: "expected a positive number")
                }
                weight = w
            }
            list.sources.append(Int32(node(a)))
            list.targets.append(Int32(node(b)))
            if list.hasWeights { list.weights.append(weight) }
        }
        if first { throw .badLine(SourceLocation(file: file, line: 1), reason: "the file is empty; expected a header 'source,target' (and optionally 'weight')") }
        return list
    }

    static func line(of e: CSVRowError) -> Int {
        switch e {
        case let .unclosedQuote(l), let .fieldTooLong(l, _, _), let .rowTooLong(l), let .badEncoding(l, _, _), let .textAfterQuote(l),
             let .looksLikeUTF8(l, _, _): l
        }
    }
}
