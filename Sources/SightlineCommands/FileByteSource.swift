import Foundation
import SightlineIngest

/// Reads a file in 1 MiB chunks with POSIX `read`, so that ingest never holds a whole file.
final class FileByteSource: ByteSource {
    let fd: Int32
    let path: String

    init(path: String) throws {
        self.path = path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw CommandError("\(path): no such file") }
        guard !isDir.boolValue else { throw CommandError("\(path): is a folder") }
        fd = Foundation.open(path, O_RDONLY)
        guard fd >= 0 else { throw CommandError("\(path): cannot open (\(String(cString: strerror(errno))))") }
    }

    deinit { close(fd) }

    func read(into buffer: inout [UInt8]) throws -> Bool {
        let size = 1 << 20
        if buffer.count != size { buffer = [UInt8](repeating: 0, count: size) }
        let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, size) }
        guard n >= 0 else { throw CommandError("\(path): read failed (\(String(cString: strerror(errno))))") }
        if n < size { buffer.removeSubrange(n...) }
        return n > 0
    }

    static func size(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    }
}

/// A progress bar on standard error, shown only when standard error is a terminal: ingest's bytes
/// read, and `measure`'s betweenness searches (through ``ProgressCounter``).
struct ProgressBar {
    /// What is counted: bytes (shown in MB and MB/s), or items with their name ("sources").
    enum Unit: Sendable { case bytes, items(String) }

    let total: Int
    let enabled: Bool
    let unit: Unit
    let start = Date()

    /// Bytes, shown for inputs over 4 MB.
    init(total: Int) {
        self.init(total: total, unit: .bytes, enabled: total > 4 << 20)
    }

    init(total: Int, unit: Unit, enabled: Bool = true) {
        self.total = total
        self.unit = unit
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    func update(_ done: Int) {
        guard enabled, total > 0 else { return }
        let f = min(1, Double(done) / Double(total))
        let width = 30
        let filled = Int(f * Double(width))
        let seconds = max(0.001, Date().timeIntervalSince(start))
        let amount: String
        switch unit {
        case .bytes:
            let mb = Double(done) / 1_048_576
            amount = String(format: "%.0f MB  %.1f MB/s", mb, mb / seconds)
        case let .items(name):
            amount = "\(done) of \(total) \(name)  " + String(format: "%.0f s", seconds)
        }
        var e = standardError
        print("\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
              + String(format: "%3.0f%%  ", f * 100) + amount, terminator: "", to: &e)
    }

    func finish() {
        guard enabled else { return }
        var e = standardError
        print("\r" + String(repeating: " ", count: 70) + "\r", terminator: "", to: &e)
    }
}

/// Counts steps done on several threads (one call of ``tick()`` per step) and redraws a
/// ``ProgressBar`` at every percent.
final class ProgressCounter: @unchecked Sendable {
    let bar: ProgressBar
    private var done = 0
    private let lock = NSLock()

    init(_ bar: ProgressBar) { self.bar = bar }

    func tick() {
        lock.lock(); defer { lock.unlock() }
        done += 1
        if done == bar.total || done % max(1, bar.total / 100) == 0 { bar.update(done) }
    }
}

/// Creates (or empties) a file and opens it for writing.
///
/// Not `FileManager.createFile`: on Linux it writes through a temporary folder that it can leave
/// behind in /tmp.
func createForWriting(_ path: String) throws -> FileHandle {
    do { try Data().write(to: URL(fileURLWithPath: path)) } catch {
        throw CommandError("\(path): cannot write (\(error.localizedDescription))")
    }
    guard let h = FileHandle(forWritingAtPath: path) else { throw CommandError("\(path): cannot write") }
    return h
}

/// Whether two paths name one file, so that a file the run writes cannot be one it reads.
enum OutputPaths {
    /// True when both paths exist and are the same file (device and inode: links, `./x` and `x`,
    /// `a/../x` are all caught), or when neither need exist and they resolve to the same path.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        if stat(a, &sa) == 0, stat(b, &sb) == 0 { return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino }
        return resolved(a) == resolved(b)
    }

    /// The absolute path with links and `.`/`..` resolved in its folder, for a file that may not exist.
    static func resolved(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let real = realpath(folder, &buffer).map { _ in String(cString: buffer) } ?? url.deletingLastPathComponent().standardized.path
        return real + "/" + url.lastPathComponent
    }
}
