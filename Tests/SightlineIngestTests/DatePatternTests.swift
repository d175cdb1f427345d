import Testing
@testable import SightlineIngest

/// Date patterns in mappings (`dd/MM/yyyy HH:mm:ss`) and the canonical text they produce.
struct DatePatternTests {
    @Test(arguments: [
        ("dd/MM/yyyy", "02/03/2024", "2024-03-02"),
        ("dd/MM/yyyy", " 02/03/2024 ", "2024-03-02"),
        ("dd/MM/yyyy HH:mm:ss", "02/03/2024 21:40:15", "2024-03-02T21:40:15"),
        ("dd/MM/yyyy HH:mm", "02/03/2024 21:40", "2024-03-02T21:40:00"),
        ("dd/MM/yyyy HH", "02/03/2024 21", "2024-03-02T21:00:00"),
        ("d/M/yyyy", "2/3/2024", "2024-03-02"),
        ("d/M/yyyy", "02/03/2024", "2024-03-02"),
        ("d/M/yyyy H:mm", "2/3/2024 9:05", "2024-03-02T09:05:00"),
        ("dd.MM.yy", "02.03.24", "2024-03-02"),
        ("yyyyMMdd", "20240302", "2024-03-02"),
        ("yyyy-MM-dd HH:mm:ss", "2024-03-02 00:00:00", "2024-03-02T00:00:00"),
        ("MM/dd/yyyy", "03/02/2024", "2024-03-02"),
        ("dd/MM/yyyy", "29/02/2024", "2024-02-29"),
        ("dd/MM/yyyy|yyyy-MM-dd", "2024-03-02", "2024-03-02"),
        ("dd/MM/yyyy HH:mm|dd/MM/yyyy", "02/03/2024", "2024-03-02"),
        ("dd/MM/yyyy HH:mm|dd/MM/yyyy", "02/03/2024 09:05", "2024-03-02T09:05:00"),
    ])
    func reads(pattern: String, value: String, expected: String) throws {
        let p = try #require(DatePattern(pattern))
        #expect(p.text == pattern)
        #expect(p.read(value) == .time(expected))
    }

    @Test(arguments: [
        ("dd/MM/yyyy", "31/02/2024"), ("dd/MM/yyyy", "29/02/2023"), ("dd/MM/yyyy", "00/03/2024"), ("dd/MM/yyyy", "02/13/2024"),
        ("dd/MM/yyyy HH:mm", "02/03/2024 24:00"), ("dd/MM/yyyy HH:mm", "02/03/2024 23:60"), ("dd/MM/yyyy", "01/01/0000"),
        ("dd/MM/yyyy HH:mm|dd/MM/yyyy", "31/04/2024"),
    ])
    func notACalendarDate(pattern: String, value: String) throws {
        #expect(try #require(DatePattern(pattern)).read(value) == .notACalendarDate)
    }

    @Test(arguments: [
        ("dd/MM/yyyy", "2024-03-02"), ("dd/MM/yyyy", "02/03/24"), ("dd/MM/yyyy", ""), ("dd/MM/yyyy", "02/03/2024 extra"),
        ("dd/MM/yyyy", "2/3/2024"), ("dd/MM/yyyy", "02/03/20245"), ("dd/MM/yyyy", "O2/03/2024"), ("dd/MM/yyyy", "０2/03/2024"),
        ("dd/MM/yyyy HH:mm", "02/03/2024"), ("dd/MM/yyyy HH:mm", "02/03/2024 9:05"), ("d/M/yyyy", "123/3/2024"),
    ])
    func noMatch(pattern: String, value: String) throws {
        #expect(try #require(DatePattern(pattern)).read(value) == .noMatch)
    }

    /// Patterns that could never give a date are refused when the mapping is read.
    @Test(arguments: ["", "|", "dd/MM", "ddd/MM/yyyy", "dd/MMM/yyyy", "dd/MM/yyy", "dd/MM/yyyyy", "dd/MM/y", "HH:mmm dd/MM/yyyy",
                      "yyyy", "MM/yyyy", "dd/yyyy", "dd/MM/yyyy|HH:mm"])
    func refused(pattern: String) {
        #expect(DatePattern(pattern) == nil)
    }
}
