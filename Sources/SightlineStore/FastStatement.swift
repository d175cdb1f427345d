import GRDB
import GRDBSQLite

/// A prepared statement bound and stepped through SQLite's C API, for the ingest hot path.
///
/// GRDB's `execute(arguments:)` builds a `StatementArguments` array and looks the SQL up in a
/// cache on every call; at a million rows that overhead is larger than SQLite's own work. This
/// wrapper keeps the statement (owned by GRDB, so it is finalised with the connection) and binds
/// values in place. Used only inside a transaction that GRDB opened.
final class FastStatement {
    let statement: Statement
    let handle: OpaquePointer
    let connection: OpaquePointer?

    init(_ db: Database, _ sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }
    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(handle, index, Int64(value)) }
    func bind(_ index: Int32, _ value: Bool) { sqlite3_bind_int64(handle, index, value ? 1 : 0) }
    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }
    func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }
    func bind(_ index: Int32, _ value: String?) {
        guard var value else { sqlite3_bind_null(handle, index); return }
        value.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress {
                    sqlite3_bind_text(handle, index, base, Int32(chars.count), Self.transient)
                } else {
                    sqlite3_bind_text(handle, index, "", 0, Self.transient)
                }
            }
        }
    }

    /// Binds all values in order, starting at parameter 1.
    func bind(_ values: [(any FastBindable)?]) {
        for (i, v) in values.enumerated() {
            if let v { v.bind(to: self, at: Int32(i + 1)) } else { sqlite3_bind_null(handle, Int32(i + 1)) }
        }
    }

    /// Runs a statement that returns no rows.
    func run() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    /// Runs a query (or a statement with RETURNING) and returns the first column of the first row.
    func int64() throws -> Int64? {
        defer { sqlite3_reset(handle) }
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            let v = sqlite3_column_int64(handle, 0)
            // Step to the end so that a RETURNING statement completes its work.
            while sqlite3_step(handle) == SQLITE_ROW {}
            return v
        case SQLITE_DONE: return nil
        case let code: throw failure(code)
        }
    }

    /// Runs a query and returns the first two columns of the first row (the second may be NULL).
    func int64Pair() throws -> (Int64, Int64?)? {
        defer { sqlite3_reset(handle) }
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            let second: Int64? = sqlite3_column_type(handle, 1) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 1)
            return (sqlite3_column_int64(handle, 0), second)
        case SQLITE_DONE: return nil
        case let code: throw failure(code)
        }
    }

    /// The first row's three integer columns, or nil when there is no row.
    func int64Triple() throws -> (Int64, Int64, Int64)? {
        defer { sqlite3_reset(handle) }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return (sqlite3_column_int64(handle, 0), sqlite3_column_int64(handle, 1), sqlite3_column_int64(handle, 2))
        case SQLITE_DONE: return nil
        case let code: throw failure(code)
        }
    }

    /// Steps through a query's rows, handing each to `body` (valid only during the call).
    func forEachRow(_ body: (FastRow) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: try body(FastRow(handle: handle))
            case SQLITE_DONE: return
            case let code: throw failure(code)
            }
        }
    }

    /// Rows changed by the last run.
    var changes: Int32 { sqlite3_changes(connection) }

    /// The rowid of the last insert.
    var lastRowID: Int64 { sqlite3_last_insert_rowid(connection) }

    /// SQLite's error, classified by ``SightlineStore``'s `read` and `write` with the store's path.
    func failure(_ code: Int32) -> DatabaseError {
        let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "error \(code)"
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}

/// Values a ``FastStatement`` can bind.
protocol FastBindable {
    func bind(to s: FastStatement, at index: Int32)
}
extension Int64: FastBindable { func bind(to s: FastStatement, at i: Int32) { s.bind(i, self) } }
extension Int: FastBindable { func bind(to s: FastStatement, at i: Int32) { s.bind(i, self) } }
extension Bool: FastBindable { func bind(to s: FastStatement, at i: Int32) { s.bind(i, self) } }
extension String: FastBindable { func bind(to s: FastStatement, at i: Int32) { s.bind(i, self) } }

/// The current row of a ``FastStatement`` query, read through SQLite's C API: for reading millions
/// of rows, where GRDB's `Row` (a value per column, converted on access) costs more than SQLite.
struct FastRow {
    let handle: OpaquePointer

    func int64(_ i: Int32) -> Int64 { sqlite3_column_int64(handle, i) }
    func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }
    func int64OrNil(_ i: Int32) -> Int64? { isNull(i) ? nil : int64(i) }
    /// The column as text ("" for NULL).
    func text(_ i: Int32) -> String {
        guard let p = sqlite3_column_text(handle, i) else { return "" }
        let n = Int(sqlite3_column_bytes(handle, i))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }
    func textOrNil(_ i: Int32) -> String? { isNull(i) ? nil : text(i) }
    /// The column's bytes, valid only during `body` (empty for NULL).
    func withBytes<T>(_ i: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        guard let p = sqlite3_column_text(handle, i) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, i))))
    }
}
