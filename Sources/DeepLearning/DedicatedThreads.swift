import Foundation

/// Runs `body(0)` on the calling thread and `body(1)` … `body(count - 1)` on
/// threads of their own, and returns when all are done.
///
/// For work that lasts: the build's cells, a cell's seeds. Not
/// `DispatchQueue.concurrentPerform`, because libdispatch divides the width
/// of a `concurrentPerform` nested in another by the outer one's iterations:
/// inside the build's two workers, a cell's two seeds, its data set's two
/// reading threads and its evaluation's pieces each ran on one thread (the
/// shipped `fig-train` took 10.0 s instead of 5.4 s). Code run by `body`
/// gets the full width for its own `concurrentPerform` calls.
public func onDedicatedThreads(_ count: Int, _ body: @Sendable (Int) -> Void) {
    guard count > 1 else {
        if count == 1 { body(0) }
        return
    }
    withoutActuallyEscaping(body) { escapable in
        var threads: [pthread_t] = []
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        // The size of a main thread's stack (libdispatch's workers had the
        // same), for the recursive parts of rendering a cell.
        pthread_attr_setstacksize(&attributes, 8 << 20)
        defer { pthread_attr_destroy(&attributes) }
        for k in 1..<count {
            let job = Unmanaged.passRetained(DedicatedJob(escapable, k)).toOpaque()
            var thread = pthread_t()
            if pthread_create(&thread, &attributes, { raw in
                Unmanaged<DedicatedJob>.fromOpaque(raw!).takeRetainedValue().run()
                return nil
            }, job) == 0 {
                threads.append(thread)
            } else {
                // No thread to be had: this part runs here, after the others start.
                Unmanaged<DedicatedJob>.fromOpaque(job).takeRetainedValue().run()
            }
        }
        escapable(0)
        // Joined, so every job (and its hold on `body`) is gone before this returns.
        for thread in threads { pthread_join(thread, nil) }
    }
}

/// One part of ``onDedicatedThreads(_:_:)``: the body and its index.
private final class DedicatedJob {
    let body: @Sendable (Int) -> Void
    let index: Int
    init(_ body: @escaping @Sendable (Int) -> Void, _ index: Int) {
        self.body = body
        self.index = index
    }
    func run() { body(index) }
}
