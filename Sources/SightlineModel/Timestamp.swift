/// A local (UK wall-clock) date and time to the second, with calendar checks.
///
/// Sightline records times as agencies write them: local wall-clock times. Comparisons and
/// differences are exact for dates; across clock changes a difference can be off by an hour, which
/// does not matter for the windows analysts use (days and evenings).
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int
    public var hour: Int, minute: Int, second: Int

    /// Creates a timestamp, or nil when the fields do not make a real calendar date and time.
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Timestamp.daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's `days_from_civil`.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Seconds since 1970-01-01T00:00:00 in the same wall-clock frame.
    public var secondsSinceEpoch: Int { dayNumber * 86_400 + hour * 3600 + minute * 60 + second }

    /// The timestamp `days` days after day 0 (1970-01-01), at midnight.
    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m; day = d; hour = 0; minute = 0; second = 0
    }

    /// The timestamp the given number of seconds after the epoch, in the same frame.
    public init(secondsSinceEpoch s: Int) {
        let days = s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
        self.init(dayNumber: days)
        let rest = s - days * 86_400
        hour = rest / 3600; minute = (rest % 3600) / 60; second = rest % 60
    }

    public static func < (a: Self, b: Self) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }

    /// `YYYY-MM-DD` only.
    public var dateText: String { text(length: 10) }

    /// `YYYY-MM-DDTHH:MM:SS`: sortable as text, which is how the store keeps times.
    public var isoText: String { text(length: 19) }

    /// `YYYY-MM-DDTHH:MM`.
    public var minuteText: String { text(length: 16) }

    /// The first `length` characters of `YYYY-MM-DDTHH:MM:SS`, written without intermediate strings
    /// (this is on the ingest hot path).
    func text(length: Int) -> String {
        String(unsafeUninitializedCapacity: 19) { buf in
            func put(_ v: Int, _ at: Int, _ width: Int) {
                var x = v
                for k in stride(from: at + width - 1, through: at, by: -1) { buf[k] = UInt8(48 + x % 10); x /= 10 }
            }
            put(year, 0, 4); buf[4] = 45; put(month, 5, 2); buf[7] = 45; put(day, 8, 2)
            buf[10] = 84; put(hour, 11, 2); buf[13] = 58; put(minute, 14, 2); buf[16] = 58; put(second, 17, 2)
            return length
        }
    }

    public var description: String { isoText }

    /// Whole years from `self` to `other` (an age), counting a 29 February birthday on 1 March in
    /// non-leap years, as UK law does.
    public func wholeYears(until other: Timestamp) -> Int {
        var years = other.year - year
        if (other.month, other.day) < (month, day) { years -= 1 }
        return years
    }
}

@inline(__always) func pad(_ v: Int, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
