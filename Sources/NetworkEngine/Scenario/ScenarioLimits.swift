/// The bounds every scenario value must fall within: one place, read by the file checker, the command-line flags and
/// the README, each derived from what the engine can represent.
///
/// Within these bounds every value runs; combinations that would exhaust memory or time are refused separately by
/// `ScenarioBudget`.
public enum ScenarioLimits {
    /// The longest simulated span a scenario may name (a duration, a time of the timeline, a timeout, a mean), in
    /// seconds: about 31.7 years. SimTime counts nanoseconds in an Int64, about 9.2·10⁹ s; keeping every named time
    /// at or below a ninth of that leaves room for a time in the run plus any delay, and longer random draws saturate
    /// at `SimTime.never` (see `SimTime.saturating(nanos:)`).
    public static let maxSeconds = 1e9
    /// The longest time in hours and in minutes (the storage keys' units): round numbers within `maxSeconds`
    /// (10⁵ h is about 11 years, 3.6·10⁸ s; 10⁷ min is 6·10⁸ s).
    public static let maxHours = 1e5
    public static let maxMinutes = 1e7
    /// The longest delay in milliseconds (latency, jitter, service and login times): 10⁶ s, as a number of
    /// milliseconds an operator could mean.
    public static let maxMillis = 1e9
    /// The most of anything held in memory one per item: nodes, workers, queue places, accounts, resources.
    public static let maxCount = 1_000_000
    /// Retries after a timeout: a request's attempt counter is 16 bits wide.
    public static let maxRetries = Int(UInt16.max)
    /// The flooding hop limit: a query carries its remaining hops in 8 bits.
    public static let maxTTL = Int(UInt8.max)
    /// Requests (or guesses) per second per node.
    public static let maxRate = 10_000.0
    /// Words in the attacker's dictionary: the guesses tried on a peer's share are counted in 16 bits.
    public static let maxDictionary = 60_000
    /// Dollars per hour of the server.
    public static let maxDollarsPerHour = 1e9
    /// Any other price (per month, per GB): as large, so no bill is refused that an hourly one would allow.
    public static let maxDollars = 1e9
    /// The largest reply, in kB: a terabyte, so bytes stay exact in a 64-bit count for 10⁷ replies and more.
    public static let maxReplyKB = 1e9
    /// The largest distributed file, in MB: a petabyte, so its bits stay exact in a 64-bit count.
    public static let maxFileMB = 1e9
    /// The fastest link, in Mbps: 10 Tbit/s, so a chunk's transmission time stays above a nanosecond's rounding.
    public static let maxMbps = 1e7
    /// The shortest mean service or login time, in milliseconds: one microsecond. Shorter is not a server anyone
    /// models, and a mean rounding to 0 ns would let every request finish in the instant it arrived.
    public static let minServiceMillis = 0.001
    /// The shortest mean up or down time under churn, in seconds: one millisecond.
    public static let minChurnSeconds = 0.001

    /// The most replica copies (`mesh.replicas` × `workload.resources`): they are indexed by 32-bit slots, and 10⁸ of
    /// them would need 9.6 GB once seeded (so the memory limit refuses far fewer already).
    public static let maxReplicaCopies = 1e8
    /// The most memory a run may be expected to need (see `ScenarioBudget`).
    public static let maxMemoryBytes = 2.0 * 1024 * 1024 * 1024
    /// The most events a run may be expected to process per simulated second (see `ScenarioBudget`): at the engine's
    /// roughly 10⁷ events per wall second, a simulated second then takes at most about ten.
    public static let maxEventsPerSecond = 1e8
    /// The work of building a run's overlays before the first event, in elementary steps (about ten seconds).
    public static let maxSetupWork = 1e10
    /// The deepest nesting of lists and mappings a scenario file may have (a scenario needs four); deeper text is
    /// refused before the YAML parser, whose recursion would otherwise overflow the stack.
    public static let maxNesting = 32
}
