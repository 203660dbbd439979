/// Every figure the panes show, with what it means in one line: the glossary half of the `?` overlay.
///
/// One row per label as the panes print it (`util`, `load max/mean`, `p95`), so a student who reads a word on screen
/// finds it here spelled the same; a test collects the labels of rendered client-server and mesh frames and wants
/// each in this table. Meanings stay within 56 columns, so the overlay never cuts them at 80×24.
public enum Glossary {
    public struct Entry: Sendable, Equatable {
        /// The label as the panes print it.
        public let term: String
        public let meaning: String
        init(_ term: String, _ meaning: String) { self.term = term; self.meaning = meaning }
    }

    /// The storage panel's figures (it takes the security panel's place while storage is in play): a section of
    /// their own in the overlay, beside the keys, where the other figures' column has no room left.
    public static let storageEntries: [Entry] = [
        Entry("last backup", "when the backup media last got the server's files"),
        Entry("next", "when the next backup is due"),
        Entry("restoring", "server down: its disk is rewritten from the backup"),
        Entry("unsaved", "what a server disk failure would lose now"),
        Entry("full", "files with every copy on the peers' disks"),
        Entry("at risk", "files with a single copy left"),
        Entry("gone", "files with no copy left: lost for good"),
        Entry("repairs", "peers whose lost copies are being copied back"),
        Entry("copied back", "copies repaired from surviving holders so far"),
        Entry("files lost", "files whose every copy is gone"),
        Entry("durability", "share of the files not lost"),
        Entry("disk failures", "disks failed so far (server, peers, clients)"),
        Entry("writes", "writes accepted: each a new version of a file"),
        Entry("writes lost", "accepted writes no copy or backup still holds"),
    ]

    /// A file distribution's panel and completion chart (in the server panel's and the charts' places).
    public static let distributionEntries: [Entry] = [
        Entry("complete", "nodes with the whole file, of all that want it"),
        Entry("held", "share of the file the nodes hold, on average"),
        Entry("elapsed", "simulated time since the distribution began"),
        Entry("bound", "Kurose–Ross: no schedule finishes sooner"),
        Entry("done", "when the last node got the file"),
        Entry("server up", "share of the server's upload rate in use"),
        Entry("from server", "bytes of the file the server uploaded"),
    ]

    /// Every entry: the storage panel's, the distribution's, then the other panes'.
    public static var allEntries: [Entry] { storageEntries + distributionEntries + entries }

    public static let entries: [Entry] = [
        // The server panel and the metrics.
        Entry("workers", "requests the server serves at once: busy/all"),
        Entry("util", "share of the workers' time spent serving, lately"),
        Entry("queue", "requests waiting for a worker: now/room"),
        Entry("peer q", "requests waiting at all the peers together (mesh)"),
        Entry("capacity", "requests a second the workers can finish at most"),
        Entry("N*", "clients whose requests fill the capacity (theory)"),
        Entry("theory", "latency queueing theory predicts now (the line)"),
        Entry("th", "theory's figure for the setup now"),
        Entry("W", "theory's mean response time for the setup now"),
        Entry("wait", "theory's chance a request waits for a worker"),
        Entry("±", "95% interval since the last change; ±? not enough data"),
        Entry("≠", "theory outside that interval: model and run disagree"),
        Entry("offered", "requests a second the clients send now"),
        Entry("OVERLOAD", "queue full: new requests are rejected"),
        Entry("rejected", "requests turned away by a full queue"),
        Entry("timed out", "requests whose client gave up waiting"),
        Entry("failed", "requests whose server crashed or was missing"),
        Entry("cost", "what the server has cost so far, at its hourly price"),
        Entry("thruput", "requests completed a second"),
        Entry("max", "thruput chart's top: its peak or the capacity"),
        Entry("cap", "the capacity, drawn as a line on thruput"),
        Entry("latency", "mean time from request to reply, per second"),
        Entry("p95", "95% of the requests took less than this"),
        Entry("lost", "requests a second rejected, failed or timed out"),
        Entry("in flight", "requests sent and not yet answered"),
        // The cost panel (above the log; folded onto its border when small).
        Entry("a month", "the whole bill at this run's rate for 730 hours"),
        Entry("per 1k req", "the whole bill per 1,000 completed requests"),
        Entry("owner pays", "server + admin + bandwidth, paid by the server's owner"),
        Entry("server", "the server by the hour, scaled by its workers"),
        Entry("admin", "the administrator by the month, while client-server"),
        Entry("bandwidth", "bytes out of the server, by the GB (bw)"),
        Entry("peers donate", "peers' hours up in the mesh and uploads, valued"),
        Entry("peer-h", "peer-hours: peers up in the mesh × hours"),
        // The topology's legend and the inspector.
        Entry("idle", "nodes with nothing to do"),
        Entry("busy", "nodes serving, or waiting for a reply"),
        Entry("down", "nodes that crashed or left"),
        Entry("sent", "requests this node has sent"),
        Entry("completed", "requests this node got an answer to"),
        Entry("out", "this node's requests still unanswered"),
        Entry("mean latency", "this node's mean time to an answer"),
        Entry("served", "requests this node (or server) answered"),
        // The mesh panel.
        Entry("replicas", "copies of each resource among the peers"),
        Entry("resources", "distinct things that can be requested"),
        Entry("hops/lookup", "peers a lookup passes to find a holder"),
        Entry("lookup", "the latest DHT lookup: its hops along the ring (▪)"),
        Entry("msgs/lookup", "messages one lookup costs the mesh"),
        Entry("msgs", "msgs/lookup, where the line is short"),
        Entry("reach", "peers a flood reached, on average (th: theory)"),
        Entry("load max/mean", "busiest peer's work over the mean (1 = even)"),
        Entry("available", "availability: share of resources a live peer holds"),
        Entry("peer overloads", "times a peer's queue was full"),
        // The security panel.
        Entry("accounts", "logins the server keeps (client-server)"),
        Entry("weak", "accounts (or shares) whose password a guesser breaks"),
        Entry("locked now", "accounts locked after too many failures"),
        Entry("logins", "login attempts checked, the attacker's included"),
        Entry("lockouts", "times an account was locked"),
        Entry("denied", "requests refused for want of permission"),
        Entry("unauthorized", "reads of data the reader had no right to"),
        Entry("breaches", "accounts or shares in the attacker's hands"),
        Entry("exposed", "share of accounts (or peers) an attacker could read"),
        Entry("server log saw", "share of the guesses the server's one log saw"),
        Entry("best single log saw", "share of the guesses the best-placed peer logged"),
        Entry("best log", "the one log that saw most of the attack"),
        Entry("log saw", "share of the guesses one log saw"),
        Entry("any log", "share of the guesses logged anywhere at all"),
        Entry("all logs together", "share of the guesses logged by any peer"),
        Entry("cs", "client-server, in the period before the switch"),
        Entry("guesses", "password guesses the attacker made"),
        Entry("logged", "guesses that left a trace in some log"),
        Entry("shares", "peers' shared folders, by their protection"),
        Entry("open", "shares without a password: anyone reads them"),
        Entry("strong", "shares whose password a guesser does not break"),
    ]

    /// The entry for `term` as a pane prints it, nil when the glossary has none.
    public static func entry(for term: String) -> Entry? { entries.first { $0.term == term } }
}
