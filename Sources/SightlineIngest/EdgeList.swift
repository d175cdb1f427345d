/// A plain edge list as other tools and published research networks exchange them: a CSV with a
/// header naming `source` and `target` columns and, optionally, `weight`. Node names are text;
/// nodes are numbered in order of first appearance.
public struct EdgeList: Sendable {
    /// Node names by index.
    public var names: [String] = []
    /// Edges between node indices, with their weights (1 when the file has no weight column).
    public var edges: [(Int, Int, Double)] = []
    /// Whether the file had a weight column.
    public var hasWeights = false

    public init() {}

    /// Reads an edge list.
    /// - Parameters:
    ///   - source: the file's bytes.
    ///   - file: its name, for errors.
    /// - Throws: ``IngestError`` naming the file, line and field: a missing column, an empty node
    ///   name, a weight that is not a positive finite number, a malformed row.
    /// - Complexity: O(size of the file).
    public static func read<S: ByteSource>(_ source: S, file: String) throws(IngestError) -> EdgeList {
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
            list.edges.append((node(a), node(b), weight))
        }
        if first { throw .badLine(SourceLocation(file: file, line: 1), reason: "the file is empty; expected a header 'source,target' (and optionally 'weight')") }
        return list
    }

    static func line(of e: CSVRowError) -> Int {
        switch e {
        case let .unclosedQuote(l), let .fieldTooLong(l, _), let .badEncoding(l, _, _), let .textAfterQuote(l): l
        }
    }
}
