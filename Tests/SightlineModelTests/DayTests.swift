import Foundation
import Testing
@testable import SightlineModel

/// Days: a day number since 1970-01-01, written and encoded `YYYY-MM-DD`.
struct DayTests {
    @Test("a day reads and writes YYYY-MM-DD, counted from 1970-01-01")
    func text() throws {
        let d = try #require(Day("2024-03-04"))
        #expect(d.text == "2024-03-04" && d.description == "2024-03-04")
        #expect(d.dayNumber == Timestamp(year: 2024, month: 3, day: 4)!.dayNumber)
        #expect(d.timestamp == Timestamp(year: 2024, month: 3, day: 4))
        #expect(Day("1970-01-01")?.dayNumber == 0)
        #expect(Day(dayNumber: 19_786).text == "2024-03-04")
        #expect(Day(Timestamp(year: 2024, month: 2, day: 29, hour: 23, minute: 59)!).text == "2024-02-29")
    }

    @Test("anything but a real calendar day written YYYY-MM-DD is refused")
    func refused() {
        for bad in ["2024", "2024-03", "~2024-03-04", "2024-02-30", "2023-02-29", "31/02/2024", "2024-03-04T10:00", "2024-3-4", "", "0000-01-01"] {
            #expect(Day(bad) == nil, "\(bad)")
        }
    }

    @Test("days order by date and encode as their text")
    func orderAndCoding() throws {
        #expect(Day("2023-12-31")! < Day("2024-01-01")!)
        #expect(Day("2024-01-01")! == Day("2024-01-01")!)
        let data = try JSONEncoder().encode([Day("2024-03-04")!])
        #expect(String(decoding: data, as: UTF8.self) == #"["2024-03-04"]"#)
        #expect(try JSONDecoder().decode([Day].self, from: data) == [Day("2024-03-04")!])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Day].self, from: Data(#"["2024-02-30"]"#.utf8)) }
    }
}
