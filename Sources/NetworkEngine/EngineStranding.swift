// MARK: - Requests nothing will ever resolve

extension Engine {
    /// A live request was dropped (lost on the wire, or at a departed peer) and no timeout runs (`timeout: 0`): no
    /// event can ever reach it again. By the model's definition its client waits forever, so it stays in flight (in
    /// the counts and in its client's outstanding requests), but it no longer holds a slot: a lossy run without
    /// timeouts otherwise kept every lost request until the end. A guess is not waited for: its slot is just freed.
    ///
    /// Consequence: a stranded request is not failed when its client later crashes (nothing of it is left to fail);
    /// it stays in flight, as it would for a client that never crashed.
    func strand(_ ref: RequestRef) {
        if requests[ref].kind == .data { metrics.stranded += 1 }
        requests.close(ref)
    }
}
