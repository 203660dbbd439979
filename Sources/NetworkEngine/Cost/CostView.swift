/// The bill of a run so far, split by who pays: the server's owner (server, administrator, bandwidth out of the
/// server) and the peers (machine time and uploads they donate). What the JSON's `cost` object, the table's cost
/// block, `compare`'s cost columns and the live view's cost panel show; `CostModel` explains each term.
public struct CostView: Sendable, Equatable {
    /// The server by the hour, its rate following its workers (`server_dollars`).
    public var serverDollars = 0.0
    /// The administrator, by the month, while client-server runs (`admin_dollars`).
    public var adminDollars = 0.0
    /// Bytes out of the server by the GB (`bandwidth_dollars`).
    public var bandwidthDollars = 0.0
    /// The peers' machine time while up in the mesh, valued at `cost.peer_per_hour`.
    public var peerTimeDollars = 0.0
    /// The peers' uploads, valued at `cost.bandwidth_per_gb`.
    public var peerBandwidthDollars = 0.0
    /// Hours client-server was in force.
    public var clientServerHours = 0.0
    /// Peer-hours up during the mesh periods.
    public var peerHours = 0.0
    /// Bytes out of the server, and bytes the peers uploaded.
    public var serverBytes = 0.0, peerBytes = 0.0
    /// Requests completed (either architecture), for the price of a thousand.
    public var completed = 0
    public var simulatedSeconds = 0.0
    /// What the owner pays an hour now: the server at its size now plus the administrator; 0 in a mesh.
    public var ownerRatePerHour = 0.0
    /// The server's own hourly rate now (cost_per_hour × workers now ÷ configured); 0 in a mesh.
    public var serverRatePerHour = 0.0
    public init() {}

    /// What the server's owner pays: server + admin + bandwidth.
    public var ownerDollars: Double { serverDollars + adminDollars + bandwidthDollars }
    /// What the peers donate: machine time + uploads (`peer_donated_dollars`).
    public var peerDonatedDollars: Double { peerTimeDollars + peerBandwidthDollars }
    /// Everything, whoever pays (`total_dollars`).
    public var totalDollars: Double { ownerDollars + peerDonatedDollars }
    /// Total per completed request × 1000; nil when nothing completed (`dollars_per_1000_requests`).
    public var dollarsPer1000Requests: Double? { completed > 0 ? totalDollars / Double(completed) * 1000 : nil }
    /// The total scaled to a month (730 hours) at the run's rate; nil before any time passed (`per_month_dollars`).
    public var perMonthDollars: Double? {
        simulatedSeconds > 0 ? totalDollars / simulatedSeconds * 3600 * CostModel.hoursPerMonth : nil
    }
}
