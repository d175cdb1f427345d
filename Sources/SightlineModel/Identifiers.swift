/// The store's identifier of an entity (a person, vehicle, phone, account, location or organisation).
///
/// Entity IDs are assigned by the store and never reused. An entity merged into another keeps its ID;
/// reads follow the merge to the surviving entity.
public struct EntityID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    /// Written `E123` in reports and accepted in that form on the command line.
    public var description: String { "E\(rawValue)" }

    /// Parses `E123` or `123`.
    public init?(parsing text: String) {
        var t = Substring(text)
        if t.first == "E" || t.first == "e" { t = t.dropFirst() }
        guard let v = Int64(t), v > 0 else { return nil }
        rawValue = v
    }
}

/// The store's identifier of an intelligence item.
public struct ItemID: RawRepresentable, Hashable, Comparable, Sendable, Codable {
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// An intelligence item's citation: the agency and the agency's own reference, written `AGENCY/REF`.
public struct IntelRef: Hashable, Sendable, Codable, CustomStringConvertible {
    public var agency: Agency
    public var reference: String

    public init(agency: Agency, reference: String) {
        self.agency = agency
        self.reference = reference
    }

    /// Parses `police/WX-24-000123`: the agency before the first `/`, the reference after it.
    public init?(parsing text: String) {
        guard let slash = text.firstIndex(of: "/"),
              let agency = Agency(rawValue: String(text[..<slash]).lowercased()) else { return nil }
        let reference = text[text.index(after: slash)...].trimmedWhitespace()
        guard !reference.isEmpty else { return nil }
        self.agency = agency
        self.reference = reference
    }

    public var description: String { "\(agency.rawValue)/\(reference)" }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    /// - Complexity: O(1) when there is nothing to trim, O(n) otherwise.
    public func trimmedWhitespace() -> String {
        let u = Substring(self).utf8
        func space(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let first = u.first, let last = u.last else { return "" }
        if !space(first) && !space(last) { return String(self) }
        var v = Substring(self).unicodeScalars
        while let f = v.first, f.isASCII, space(UInt8(f.value)) { v = v.dropFirst() }
        while let l = v.last, l.isASCII, space(UInt8(l.value)) { v = v.dropLast() }
        return String(v)
    }
}
