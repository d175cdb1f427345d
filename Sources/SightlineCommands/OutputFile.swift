import Foundation

/// An output file (`-o`) could not be written; the file that was there is left as it was (exit 5).
struct OutputError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path.isEmpty ? "-o" : path): cannot write the output: \(reason)" }
}

/// The one writer of every output file: lists, CSV and JSON exports, pictures, the missing brief,
/// and the standard output of any command given `-o` (``OutputOptions``).
///
/// Writes to a temporary file in the target's folder, flushes it to the disk (`fsync`), then
/// renames it over the target, so a reader sees the old file or the new one, never a part; a
/// failed write (a full disk, a folder as target, a missing or read-only folder) leaves the previous
/// file byte for byte and removes the temporary file. A link is followed (the file it names is
/// replaced); a target that is not a regular file (`/dev/stdout`, a pipe, a device) is written in
/// place, since it cannot be replaced.
struct OutputFile {
    /// The target as given (for messages).
    let path: String
    /// The open file: the temporary file, or the target itself when it is not a regular file.
    let descriptor: Int32
    /// The temporary file and the path it is renamed to; nil when writing in place.
    let rename: (temporary: String, target: String)?

    /// Opens `path` for writing: checks the target and creates the temporary file beside it.
    /// - Throws: ``OutputError``: a folder as target, a missing folder, a folder that cannot be written.
    init(_ path: String) throws(OutputError) {
        self.path = path
        func fail(_ reason: String) -> OutputError { OutputError(path: path, reason: reason) }
        guard !path.isEmpty else { throw fail("no file name given") }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw fail("it is a folder; give a file name")
        }
        var old = stat()
        let exists = stat(path, &old) == 0
        if exists && (old.st_mode & S_IFMT) != S_IFREG {
            let fd = open(path, O_WRONLY | O_TRUNC)
            guard fd >= 0 else { throw fail(String(cString: strerror(errno))) }
            descriptor = fd
            rename = nil
            return
        }
        let url = exists ? URL(fileURLWithPath: path).resolvingSymlinksInPath() : URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw fail("the folder \(folder) does not exist")
        }
        guard isFolder.boolValue else { throw fail("\(folder) is not a folder") }
        var template = Array((folder + "/." + url.lastPathComponent + ".sightline-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw fail("cannot create a file in \(folder) (\(String(cString: strerror(errno))))") }
        // The new file's permissions: the old file's, else the usual ones (0666 less the umask).
        if exists {
            fchmod(fd, old.st_mode & 0o7777)
        } else {
            let mask = umask(0); umask(mask)
            fchmod(fd, 0o666 & ~mask)
        }
        descriptor = fd
        rename = (String(cString: template), url.path)
    }

    /// Writes all of `bytes`.
    /// - Parameter writeBytes: the system's `write(2)`; tests pass one that fails.
    func write(_ bytes: [UInt8], writeBytes: (Int32, UnsafeRawBufferPointer) -> Int) throws(OutputError) {
        var written = 0
        let failure: String? = bytes.withUnsafeBytes { all -> String? in
            while written < all.count {
                let n = writeBytes(descriptor, UnsafeRawBufferPointer(rebasing: all[written...]))
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                written += n
            }
            return nil
        }
        if let failure { throw OutputError(path: path, reason: failure + (rename == nil ? "" : "; the previous file, if any, is unchanged")) }
    }

    /// Flushes the file to the disk and renames it over the target.
    func commit() throws(OutputError) {
        guard let rename else { close(descriptor); return }
        if fsync(descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            abort()
            throw OutputError(path: path, reason: reason + "; the previous file, if any, is unchanged")
        }
        if close(descriptor) != 0 || Foundation.rename(rename.temporary, rename.target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(rename.temporary)
            throw OutputError(path: path, reason: reason + "; the previous file, if any, is unchanged")
        }
    }

    /// Gives up: removes the temporary file; the target is as it was.
    func abort() {
        close(descriptor)
        if let rename { unlink(rename.temporary) }
    }

    /// Writes `bytes` to `path` whole, or not at all.
    /// - Throws: ``OutputError`` naming the path and what is wrong.
    static func write(_ bytes: some Collection<UInt8>, to path: String,
                      writeBytes: (Int32, UnsafeRawBufferPointer) -> Int = { fd, b in systemWrite(fd, b.baseAddress, b.count) }) throws(OutputError) {
        let file = try OutputFile(path)
        do {
            try file.write(Array(bytes), writeBytes: writeBytes)
        } catch {
            file.abort()
            throw error
        }
        try file.commit()
    }

    /// Writes text as UTF-8.
    static func write(_ text: String, to path: String) throws(OutputError) {
        try write(Array(text.utf8), to: path)
    }

    /// Runs `body` with standard output going to `path`, and keeps what it printed when it returns
    /// or throws ``NoRows`` (an empty list is still written); on any other error the previous file
    /// is left as it was.
    static func redirectingStandardOutput<T>(to path: String, _ body: () throws -> T) throws -> T {
        let file = try OutputFile(path)
        fflush(nil) // every stream, standard output among them
        let saved = dup(STDOUT_FILENO)
        dup2(file.descriptor, STDOUT_FILENO)
        func restore() {
            fflush(nil) // every stream, standard output among them
            dup2(saved, STDOUT_FILENO)
            close(saved)
        }
        do {
            let value = try body()
            restore()
            try file.commit()
            return value
        } catch let none as NoRows {
            restore()
            try file.commit()
            throw none
        } catch {
            restore()
            file.abort()
            throw error
        }
    }
}

extension OutputFile {
    /// Runs `body` with standard output kept (in a temporary file, unlinked at once) and returns
    /// what it printed; on an error nothing it printed is kept.
    static func capturingStandardOutput(_ body: () throws -> Void) throws -> [UInt8] {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder + "/sightline-output-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw OutputError(path: folder, reason: "cannot create a temporary file to hold the output (\(String(cString: strerror(errno))))") }
        unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        defer { close(fd) }
        fflush(nil)
        let saved = dup(STDOUT_FILENO)
        dup2(fd, STDOUT_FILENO)
        func restore() { fflush(nil); dup2(saved, STDOUT_FILENO); close(saved) }
        do { try body() } catch { restore(); throw error }
        restore()
        let size = lseek(fd, 0, SEEK_END)
        guard size >= 0 else { throw OutputError(path: folder, reason: "cannot read back the output") }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, $0.count - done, off_t(done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw OutputError(path: folder, reason: "cannot read back the output") }
            done += n
        }
        return bytes
    }
}

/// The system's `write(2)` (a name of its own: inside ``OutputFile`` `write` is its own method).
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int { write(fd, bytes, count) }
