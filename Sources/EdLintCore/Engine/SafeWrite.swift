import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why edlint would not, or could not, write a file. Every case names the path.
public enum WriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The target is one of the files being linted: writing the report there would destroy it.
    case isInput(path: String)
    /// The target is a symbolic link to a regular file (or to nothing): edlint never writes through links.
    case throughLink(path: String)
    case isFolder(path: String)
    /// `--fix`: the file has no write permission; it is left alone.
    case readOnly(path: String)
    /// `--fix`: the file has other hard links, which a rename would split from it.
    case hardLinked(path: String)
    /// `--fix`: the file changed on disk after it was read; writing would lose that edit.
    case changedSinceRead(path: String)
    /// `--fix`: the file's name is not UTF-8; edlint reads such files but does not rewrite them.
    case nameNotUTF8(path: String)
    /// The system refused: a full disk, a closed pipe, no permission.
    case failed(path: String, reason: String)

    public var path: String {
        switch self {
        case .isInput(let path), .throughLink(let path), .isFolder(let path), .readOnly(let path), .hardLinked(let path),
            .changedSinceRead(let path), .nameNotUTF8(let path), .failed(let path, _):
            path
        }
    }

    public var description: String {
        switch self {
        case .isInput(let path): "\(path) is one of the files being linted; refusing to write over it"
        case .throughLink(let path): "\(path) is a symbolic link; edlint does not write through links (name the target itself)"
        case .isFolder(let path): "\(path) is a folder"
        case .readOnly(let path): "\(path) is read-only; not changed"
        case .hardLinked(let path): "\(path) has other hard links; not changed (a rewrite would split them)"
        case .changedSinceRead(let path): "\(path) changed on disk while edlint ran; not changed (run again)"
        case .nameNotUTF8(let path): "\(path) has a name that is not UTF-8; not changed (fix it by hand)"
        case .failed(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}

/// The identity of a file on disk: which file it is (device and inode) and which version (size,
/// modification time). Two equal identities are the same, unchanged file.
public struct FileIdentity: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modified: Int64
    public var modifiedNanoseconds: Int64

    /// The file `path` names, following links; nil when it does not exist.
    public static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(info)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
    }

    /// Device and inode only: the same file, whatever its contents.
    public var file: FileKey { FileKey(device: device, inode: inode) }
}

/// A file by device and inode.
public struct FileKey: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64
}

/// Bytes written to a descriptor in 64 kB pieces. The first failure is kept and later writes are
/// dropped, so a reporter can write piece by piece and the caller asks once at the end.
public final class DescriptorSink {
    public let descriptor: Int32
    public let name: String
    private var buffer: [UInt8] = []
    public private(set) var failure: WriteError?
    /// The reader went away (EPIPE): not an error to report, the output is simply not wanted.
    public private(set) var readerGone = false

    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
        buffer.reserveCapacity(1 << 16)
    }

    public func append(_ text: String) {
        guard failure == nil, !readerGone else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func append(bytes: [UInt8]) {
        guard failure == nil, !readerGone else { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        guard failure == nil, !readerGone, !buffer.isEmpty else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        if let error = SafeWrite.writeAll(buffer, to: descriptor) {
            if error == EPIPE { readerGone = true } else { failure = .failed(path: name, reason: String(cString: strerror(error))) }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// How edlint writes files: only where asked, never through a symbolic link, never over a file it
/// is linting, and never half: a regular file is written beside its target under a recognisable
/// temporary name and renamed into place; a device or pipe (`/dev/null`, `/dev/stdout`) is
/// written in place, never replaced.
public enum SafeWrite {
    /// Temporary files are named `.<name>.edlint-tmp-<pid>-<random>`: a later run can tell
    /// whether the process that made one is still alive, and remove it only when it is not.
    public static let temporaryMarker = ".edlint-tmp-"

    /// The temporary file's name beside `path`.
    public static func temporaryPath(for path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let file = ".\(name)\(temporaryMarker)\(getpid())-\(random)"
        return folder.isEmpty ? file : (folder as NSString).appendingPathComponent(file)
    }

    /// The process id recorded in a temporary file's name, or nil when `name` is not one of ours.
    public static func temporaryOwner(ofName name: String) -> Int32? {
        guard name.hasPrefix("."), let marker = name.range(of: temporaryMarker, options: .backwards) else { return nil }
        let rest = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard rest.count == 2, let pid = Int32(rest[0]), pid > 0, !rest[1].isEmpty,
            rest[1].allSatisfy({ $0.isHexDigit })
        else { return nil }
        return pid
    }

    /// Whether `name` is a temporary file left by an edlint process that no longer runs.
    public static func isStaleTemporary(name: String) -> Bool {
        guard let pid = temporaryOwner(ofName: name), pid != getpid() else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// The temporary file being written now, removed by `removeCurrentTemporary` when the process
    /// is interrupted (SIGINT, SIGTERM, SIGHUP), so an interrupted run leaves nothing behind.
    nonisolated(unsafe) private static var currentTemporary: UnsafeMutablePointer<CChar>?
    private static let currentLock = NSLock()

    /// Paths no longer current, kept: a signal handler may be reading one at this moment, so
    /// none is freed. Listed so they stay reachable (LeakSanitizer reports a string nothing
    /// points to); one short path per file written is all that is kept.
    nonisolated(unsafe) private static var retiredTemporaries: [UnsafeMutablePointer<CChar>] = []

    private static func setCurrentTemporary(_ path: String?) {
        currentLock.lock()
        defer { currentLock.unlock() }
        if let old = currentTemporary { retiredTemporaries.append(old) }
        currentTemporary = path.map { strdup($0) } ?? nil
    }

    /// For a signal handler: unlinks the temporary being written (async-signal-safe).
    public static func removeCurrentTemporary() {
        if let path = currentTemporary { unlink(path) }
    }

    /// Writes all of `bytes` to `descriptor`; the errno of a failure, or nil.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress.map { $0 + written }, raw.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if count == 0 { return EIO }
            written += count
        }
        return nil
    }

    /// Writes what `produce` appends to the sink to `path`, following the rules above. `inputs`
    /// are the files being linted (refused as targets). `mode` is used for a new regular file;
    /// an existing one keeps its permissions.
    public static func write(
        to path: String, inputs: Set<FileKey> = [], mode: mode_t = 0o644, produce: (DescriptorSink) -> Void
    ) throws(WriteError) {
        var link = stat()
        let exists = lstat(path, &link) == 0
        var target = stat()
        let targetExists = stat(path, &target) == 0
        if targetExists, inputs.contains(FileIdentity(target).file) { throw .isInput(path: path) }
        if exists, link.st_mode & S_IFMT == S_IFLNK {
            // A link to a device or pipe (/dev/stdout) is written in place; a link to a regular
            // file, or to nothing, is refused.
            guard targetExists, target.st_mode & S_IFMT != S_IFREG, target.st_mode & S_IFMT != S_IFDIR else {
                throw .throughLink(path: path)
            }
        }
        if targetExists, target.st_mode & S_IFMT == S_IFDIR { throw .isFolder(path: path) }
        if targetExists, target.st_mode & S_IFMT != S_IFREG {
            let descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard descriptor >= 0 else { throw .failed(path: path, reason: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            let sink = DescriptorSink(descriptor: descriptor, name: path)
            produce(sink)
            sink.flush()
            if let failure = sink.failure { throw failure }
            return
        }
        let permissions = targetExists ? target.st_mode & 0o7777 : mode
        try writeReplacing(path: path, permissions: permissions, owner: targetExists ? (target.st_uid, target.st_gid) : nil, produce: produce)
    }

    /// `--fix`: replaces `path`, whose contents were `expected` when it was read, with `bytes` —
    /// unless it is a link, read-only, hard-linked or changed since (each a `WriteError`).
    public static func replace(_ path: String, expecting expected: [UInt8], with bytes: [UInt8]) throws(WriteError) {
        var link = stat()
        guard lstat(path, &link) == 0 else { throw .failed(path: path, reason: String(cString: strerror(errno))) }
        if link.st_mode & S_IFMT == S_IFLNK { throw .throughLink(path: path) }
        guard link.st_mode & S_IFMT == S_IFREG else { throw .failed(path: path, reason: "not a regular file") }
        // The permission bits say what the owner means, even to root (who passes access(2)).
        if link.st_mode & 0o222 == 0 || access(path, W_OK) != 0 { throw .readOnly(path: path) }
        if link.st_nlink > 1 { throw .hardLinked(path: path) }
        let before = FileIdentity(link)
        switch FileCollector.read(path) {
        case .success(let current) where current == expected: break
        case .success: throw .changedSinceRead(path: path)
        case .failure(let error): throw .failed(path: path, reason: error.description)
        }
        try writeReplacing(path: path, permissions: link.st_mode & 0o7777, owner: (link.st_uid, link.st_gid)) { sink in
            sink.append(bytes: bytes)
        } beforeRename: {
            // The last look: the file must still be the one read (a save in an editor between the
            // read above and now replaces or rewrites it).
            FileIdentity.of(path) == before
        }
    }

    private static func writeReplacing(
        path: String, permissions: mode_t, owner: (uid_t, gid_t)?, produce: (DescriptorSink) -> Void,
        beforeRename: () -> Bool = { true }
    ) throws(WriteError) {
        let temporary = temporaryPath(for: path)
        setCurrentTemporary(temporary)
        defer { setCurrentTemporary(nil) }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw .failed(path: path, reason: String(cString: strerror(errno))) }
        var closed = false
        func discard() {
            if !closed { close(descriptor) }
            closed = true
            unlink(temporary)
        }
        let sink = DescriptorSink(descriptor: descriptor, name: path)
        produce(sink)
        sink.flush()
        if let failure = sink.failure {
            discard()
            throw failure
        }
        if let owner {
            // Replacing a file: it keeps its owner (when run as root) and its exact mode (the
            // umask must not narrow it). A new file gets the umask like any other.
            _ = fchown(descriptor, owner.0, owner.1)
            _ = fchmod(descriptor, permissions)
        }
        if fsync(descriptor) != 0 && errno != EINVAL {
            let reason = String(cString: strerror(errno))
            discard()
            throw .failed(path: path, reason: reason)
        }
        if close(descriptor) != 0 {
            closed = true
            let reason = String(cString: strerror(errno))
            discard()
            throw .failed(path: path, reason: reason)
        }
        closed = true
        guard beforeRename() else {
            discard()
            throw .changedSinceRead(path: path)
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw .failed(path: path, reason: reason)
        }
    }
}
