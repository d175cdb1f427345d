import SightlineModel
import SightlineProducts
import Testing

/// ``ChronologyPatterns`` against counts worked by hand on five episodes of one child (weekdays from
/// a calendar: 2024-03-01 and 2024-06-14 were Fridays, 2024-03-09 a Saturday, 2024-04-02 a Tuesday,
/// 2024-06-20 a Thursday).
@Suite("chronology patterns")
struct ChronologyPatternsTests {
    typealias F = MissingFixture
    let data = F.data(entities: [F.child(1, "Ann"), F.child(2, "Bea"), F.adult(10, "Ray"), F.adult(11, "Sam"),
                                 F.place(20, "Home"), F.place(21, "Flat 9")],
                      links: [
                          F.link(1, .seenWith, 10, 1, time: "2024-01-05T21:00", [F.cite("L-1", "2024-01-06")]),
                          F.link(2, .contacted, 1, 11, time: "2024-06-10T19:00", [F.cite("L-2", "2024-06-11")]),
                          F.link(3, .seenWith, 10, 1, time: "2024-06-12T22:00", [F.cite("L-3", "2024-06-13")]),
                          F.link(4, .seenWith, 2, 1, time: "2024-06-15T20:00", [F.cite("L-4", "2024-06-16")]),
                      ],
                      episodes: [
                          F.episode(100, child: 1, start: "2024-03-01T20:00", from: 20, at: 21, with: [10]),
                          F.episode(101, child: 1, start: "2024-03-09T23:30", from: 20, at: 21, with: [10, 2]),
                          F.episode(102, child: 1, start: "2024-04-02T03:00", from: 20, with: [11]),
                          F.episode(103, child: 1, start: "2024-06-14T21:00", from: 20, at: 21, with: [2]),
                          F.episode(104, child: 1, start: "2024-06-20T14:00", from: 20),
                          F.episode(105, child: 2, start: "2024-06-21T22:00", from: 20, with: [10]),
                      ])

    func patterns(to day: String) -> ChronologyPatterns {
        ChronologyPatterns(child: EntityID(1), in: data, reference: try! TimeSpec(parsing: day).end)
    }

    @Test("episodes by weekday and time of day, each count with its items")
    func whenMissing() {
        let p = patterns(to: "2024-06-30")
        #expect(p.byWeekday.map(\.label) == ChronologyPatterns.weekdays)
        #expect(p.byWeekday.map(\.count) == [0, 1, 0, 1, 2, 1, 0])   // Mon Tue Wed Thu Fri Sat Sun
        #expect(p.byWeekday[4].items == ["police/MP-100", "police/MP-103"])
        #expect(p.byTimeOfDay.map(\.count) == [1, 0, 1, 3])          // 03:00; 14:00; 20:00, 23:30, 21:00
        #expect(p.byTimeOfDay[0].items == ["police/MP-102"])
    }

    @Test("places and adults in two or more episodes recur; a child found with the child never does; another child's episodes do not count")
    func recurring() {
        let r = patterns(to: "2024-06-30").recurring
        #expect(r.map(\.name) == ["Home", "Flat 9", "Ray"])
        #expect(r.map(\.episodes) == [5, 3, 2])
        #expect(r.map(\.kind) == ["place", "place", "adult"])
        #expect(r[0].how == ["missing from"] && r[1].how == ["found at"] && r[2].how == ["found with"])
        #expect(r[2].items == ["police/MP-100", "police/MP-101"])
    }

    @Test("episodes and adults first linked, per month from the first of either to the reference date, and the trends by their rule")
    func rate() {
        let p = patterns(to: "2024-06-30")
        #expect(p.months.map(\.month) == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"])
        #expect(p.months.map(\.episodes) == [0, 0, 2, 1, 0, 2])
        #expect(p.months.map(\.newAdults) == [1, 0, 0, 0, 0, 1])     // Ray in January; Sam in June (Bea is a child)
        #expect(p.trend == "rising")                                  // April-June 3 against January-March 2
        #expect(p.newAdultsTrend == "too few to tell")                // 1 and 1
        #expect(patterns(to: "2024-12-31").trend == "too few to tell")   // July-December: none
        #expect(patterns(to: "2024-09-30").trend == "falling")        // July-September 0 against April-June 3
    }

    @Test("adults first linked in the last 90 days, however the link was recorded; a child is never one; nor an adult linked long before")
    func newAdults() {
        let n = patterns(to: "2024-06-30").newAdults
        #expect(n.map(\.name) == ["Sam"])
        #expect(n[0].firstLinked == "2024-06-10T19:00" && n[0].items == ["police/L-2"])
        // 90 days on from Ray's first link, Ray is no longer new.
        #expect(patterns(to: "2024-01-31").newAdults.map(\.name) == ["Ray"])
        #expect(patterns(to: "2024-04-30").newAdults.isEmpty)
    }
}
