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

/// A progress bar on standard error, shown only when standard error is a terminal.
struct ProgressBar {
    let total: Int
    let enabled: Bool
    let start = Date()

    init(total: Int) {
        self.total = total
        enabled = isatty(STDERR_FILENO) == 1 && total > 4 << 20
    }

    func update(_ done: Int) {
        guard enabled, total > 0 else { return }
        let f = min(1, Double(done) / Double(total))
        let width = 30
        let filled = Int(f * Double(width))
        let mb = Double(done) / 1_048_576, rate = mb / max(0.001, Date().timeIntervalSince(start))
        var e = standardError
        print("\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
              + String(format: "%3.0f%%  %.0f MB  %.1f MB/s", f * 100, mb, rate), terminator: "", to: &e)
    }

    func finish() {
        guard enabled else { return }
        var e = standardError
        print("\r" + String(repeating: " ", count: 70) + "\r", terminator: "", to: &e)
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
