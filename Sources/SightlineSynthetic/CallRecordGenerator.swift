import SightlineModel

/// Generates a police call-data-records export: one row per call or message, each its own
/// intelligence item, between handsets drawn from a pool so that numbers recur as they do in a
/// real download. Used for bulk-ingest benchmarks. Numbers use the unassigned country code +999
/// (and Ofcom's drama range for the first 1,000), written in mixed spellings.
public struct CallRecordGenerator {
    public static let header = "Agency,Call ID,Caller,Recipient,Start,Duration,Type,Extracted"

    /// The mapping that reads the export (docs/formats.md).
    public static let mapping = """
    mapping: 1
    name: Generated call data records
    encoding: utf-8
    records:
      - type: item
        agency: "{Agency}"
        ref: "CDR-{Call ID}"
        recorded: { column: Extracted, date: dd/MM/yyyy }
        observed: { column: Start, date: "dd/MM/yyyy HH:mm:ss" }
        grade: 1AP
      - type: link
        link: contacted
        from: "phone:{Caller}"
        to: "phone:{Recipient}"
        at: { column: Start, date: "dd/MM/yyyy HH:mm:ss" }
        mode: { column: Type, map: { VOICE: call, SMS: sms, MMS: message } }
        duration: { column: Duration, number: true }
        item: "police/CDR-{Call ID}"

    """

    var rng: SplitMix64
    let handsets: Int

    /// - Parameters:
    ///   - seed: the random seed.
    ///   - handsets: how many distinct numbers calls are drawn between.
    public init(seed: UInt64, handsets: Int) {
        rng = SplitMix64(seed: seed)
        self.handsets = max(2, handsets)
    }

    func number(_ k: Int) -> String {
        k < 1000 ? "+447700900" + String(String(1000 + k).dropFirst()) : "+999" + String(100_000_000 + k)
    }

    mutating func spelled(_ k: Int) -> String {
        let e164 = number(k)
        guard e164.hasPrefix("+44") else { return e164 }
        let national = "0" + e164.dropFirst(3)
        switch rng.int(0..<3) {
        case 0: return String(national.prefix(5)) + " " + national.dropFirst(5)
        case 1: return String(e164.dropFirst())
        default: return national
        }
    }

    /// The row for call number `i` (1-based), without the line break.
    public mutating func row(_ i: Int) -> String {
        let a = rng.int(0..<handsets)
        var b = rng.int(0..<handsets)
        if b == a { b = (a + 1) % handsets }
        let day = Timestamp(dayNumber: Timestamp(year: 2023, month: 1, day: 1)!.dayNumber + rng.int(0..<700))
        let t = Timestamp(secondsSinceEpoch: day.secondsSinceEpoch + rng.int(0..<86_400))
        let start = "\(two(t.day))/\(two(t.month))/\(t.year) \(two(t.hour)):\(two(t.minute)):\(two(t.second))"
        let type = rng.pick(["VOICE", "VOICE", "SMS", "SMS", "MMS"])
        let duration = type == "VOICE" ? String(rng.int(1...1800)) : ""
        let extracted = Timestamp(dayNumber: day.dayNumber + rng.int(1...30))
        return "police,\(i),\(spelled(a)),\(spelled(b)),\(start),\(duration),\(type),\(two(extracted.day))/\(two(extracted.month))/\(extracted.year)"
    }

    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
}
