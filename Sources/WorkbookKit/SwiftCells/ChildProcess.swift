import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if os(Linux)
// Glibc declares these only under _GNU_SOURCE, which the Swift module does not set.
@_silgen_name("pipe2")
private func pipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32
@_silgen_name("posix_spawn_file_actions_addchdir_np")
private func spawnChangeDirectory(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: UnsafePointer<CChar>) -> Int32
#else
private func pipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32 {
    guard pipe(fds) == 0 else { return -1 }
    _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
    return 0
}
private func spawnChangeDirectory(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: UnsafePointer<CChar>) -> Int32 {
    posix_spawn_file_actions_addchdir_np(actions, path)
}
#endif

/// Receives a child's standard output as it arrives and says how long the
/// child may still run (the deadline moves as the program reaches each cell).
protocol ChildOutputSink {
    mutating func receive(_ bytes: ArraySlice<UInt8>, at time: Double)
    /// Monotonic seconds (`ChildProcess.now()`) after which the child is killed; nil: no limit.
    var deadline: Double? { get }
}

/// Runs a program as a child process in its own process group, with stdin
/// from /dev/null, stdout to a sink and stderr kept up to a bound, and kills
/// the whole group (the program and anything it started) at the sink's deadline.
enum ChildProcess {
    enum Termination: Sendable, Equatable {
        case exited(Int32)
        case signaled(Int32)
        /// Killed at the deadline.
        case timedOut
    }

    struct Result {
        var termination: Termination
        var standardError: String
        /// Bytes of stderr beyond `standardErrorLimit` that were dropped.
        var droppedStandardError: Int
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    struct SpawnFailure: Error, CustomStringConvertible {
        var description: String
    }

    static func run<Sink: ChildOutputSink>(
        _ executable: String, _ arguments: [String], directory: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        sink: inout Sink, standardErrorLimit: Int = 256 * 1024
    ) throws -> Result {
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        // O_CLOEXEC: children spawned at the same time by other threads must not hold our pipes open.
        guard pipe2(&outPipe, O_CLOEXEC) == 0 else { throw SpawnFailure(description: "pipe: \(String(cString: strerror(errno)))") }
        guard pipe2(&errPipe, O_CLOEXEC) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            throw SpawnFailure(description: "pipe: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        if let directory { _ = spawnChangeDirectory(&actions, directory) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), empty = sigset_t()
        sigfillset(&defaults)
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(outPipe[1]); close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw SpawnFailure(description: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }

        var standardError: [UInt8] = [], dropped = 0, timedOut = false
        var open = [outPipe[0], errPipe[0]]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while !open.isEmpty {
            var wait: Int32 = -1
            if !timedOut, let deadline = sink.deadline {
                let left = deadline - now()
                if left <= 0 {
                    kill(-pid, SIGKILL)
                    timedOut = true
                } else {
                    wait = Int32(min(left * 1000 + 1, 60_000))
                }
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), wait)
            if ready < 0 && errno != EINTR { break }
            for entry in fds where entry.revents != 0 {
                let count = read(entry.fd, &buffer, buffer.count)
                if count <= 0 {
                    if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                    close(entry.fd)
                    open.removeAll { $0 == entry.fd }
                } else if entry.fd == outPipe[0] {
                    sink.receive(buffer[0..<count], at: now())
                } else {
                    let keep = max(0, min(count, standardErrorLimit - standardError.count))
                    standardError += buffer[0..<keep]
                    dropped += count - keep
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // Anything the program left running in its group goes too.
        kill(-pid, SIGKILL)
        let termination: Termination
        if timedOut {
            termination = .timedOut
        } else if status & 0x7f == 0 {
            termination = .exited((status >> 8) & 0xff)
        } else {
            termination = .signaled(status & 0x7f)
        }
        return Result(termination: termination, standardError: String(decoding: standardError, as: UTF8.self), droppedStandardError: dropped)
    }
}

/// Runs a tool (the compiler, the linker) to completion and keeps what it printed.
enum ToolRun {
    struct Output {
        var status: Int32
        var output: String
    }

    private struct Collect: ChildOutputSink {
        var bytes: [UInt8] = []
        var deadline: Double? { nil }
        mutating func receive(_ chunk: ArraySlice<UInt8>, at time: Double) { bytes += chunk }
    }

    static func run(_ executable: String, _ arguments: [String], directory: String? = nil) throws -> Output {
        var sink = Collect()
        let result = try ChildProcess.run(executable, arguments, directory: directory, sink: &sink, standardErrorLimit: 4 << 20)
        let status: Int32
        switch result.termination {
        case .exited(let code): status = code
        case .signaled(let signal): status = 128 + signal
        case .timedOut: status = 124
        }
        return Output(status: status, output: String(decoding: sink.bytes, as: UTF8.self) + result.standardError)
    }
}
