/// A calendar day, held as its day number since 1970-01-01 (proleptic Gregorian): the day an
/// intelligence item was recorded. Written, read and encoded as `YYYY-MM-DD`.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01, as ``Timestamp/dayNumber``.
    public var dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// The day a timestamp falls on.
    public init(_ t: Timestamp) { dayNumber = t.dayNumber }

    /// Reads `YYYY-MM-DD` (exactly ten characters, a real calendar day); nil otherwise.
    public init?(_ text: some StringProtocol) {
        guard let d = text.utf8.withContiguousStorageIfAvailable(Day.init(bytes:)) ?? Day(bytes: Array(text.utf8)) else { return nil }
        self = d
    }

    /// A day from the bytes of `YYYY-MM-DD`; nil for anything else.
    public init?(bytes u: some Collection<UInt8>) {
        guard u.count == 10 else { return nil }
        var fields = (0, 0, 0), i = 0
        for b in u {
            switch i {
            case 4, 7: guard b == 0x2D else { return nil }
            default:
                guard b >= 0x30 && b <= 0x39 else { return nil }
                let d = Int(b - 0x30)
                if i < 4 { fields.0 = fields.0 * 10 + d } else if i < 7 { fields.1 = fields.1 * 10 + d } else { fields.2 = fields.2 * 10 + d }
            }
            i += 1
        }
        guard let t = Timestamp(year: fields.0, month: fields.1, day: fields.2) else { return nil }
        dayNumber = t.dayNumber
    }

    /// The start of the day (midnight).
    public var timestamp: Timestamp { Timestamp(dayNumber: dayNumber) }

    /// `YYYY-MM-DD`.
    public var text: String { timestamp.dateText }
    public var description: String { text }

    public static func < (a: Self, b: Self) -> Bool { a.dayNumber < b.dayNumber }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a day YYYY-MM-DD, a real calendar day (got \"\(text)\")")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}
