import SightlineModel
import SightlineStore

/// A day written `YYYY-MM-DD`, for building read-model values in tests.
func testDay(_ text: String) -> Day { Day(text)! }

/// A moment written as the store or a source writes it (`2024-03-01T18:00`), for episodes in tests.
func testTime(_ text: String) -> Timestamp { MissingEpisode.time(text)! }
