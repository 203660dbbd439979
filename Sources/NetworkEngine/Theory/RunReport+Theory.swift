// MARK: - The table's "measured / theory" lines
extension RunReport {
    /// One line per figure that has a theory ("mean latency  5012.3 ms / 5000.0 ms theory"), then one per reason a
    /// model does not apply. Nothing when the report has no theory.
    var theoryRows: [(String, String)] {
        guard let t = theory else { return [] }
        var rows: [(String, String)] = []
        func pair(_ measured: String, _ theory: String) -> String { measured + " / " + theory + " theory" }
        if let w = t.meanLatencyMs {
            rows.append(("theory: mean latency", pair(Self.fixed(latency.mean, 1) + " ms", Self.fixed(w, 1) + " ms")))
        }
        if let p = t.pWait { rows.append(("theory: P(wait)", Self.fixed(p, 4) + " (not measured)")) }
        if let b = t.blocking {
            let measured = requests.issued > 0 ? Double(requests.rejected) / Double(requests.issued) : 0
            rows.append(("theory: blocking", pair(Self.fixed(100 * measured, 2) + "%", Self.fixed(100 * b, 2) + "%")))
        }
        if let n = t.saturationNodes {
            rows.append(("theory: saturation", "\(nodes) clients now / " + Self.fixed(n, 1) + " clients theory"
                + (Double(nodes) >= n ? " (crossed)" : "")))
        }
        if let h = t.meanHops, let m = mesh {
            rows.append(("theory: hops per lookup", pair(Self.fixed(m.meanHops, 2), Self.fixed(h, 2))))
        }
        if let r = t.floodReach, let m = mesh, let measured = m.meanFloodReach {
            rows.append(("theory: flood reach", pair(Self.fixed(measured, 2) + " peers", Self.fixed(r, 2) + " peers")))
        }
        if let x = t.messagesPerLookup, let m = mesh {
            rows.append(("theory: messages per lookup", pair(Self.fixed(m.messagesPerLookup, 2), Self.fixed(x, 2))))
        }
        if let a = t.availability, let m = mesh {
            rows.append(("theory: availability",
                         pair(Self.fixed(100 * m.availability, 2) + "%", Self.fixed(100 * a, 2) + "%")))
        }
        if let e = t.exposedShare {
            rows.append(("theory: exposed", pair(Self.fixed(100 * security.exposedShare, 1) + "%", Self.fixed(100 * e, 1) + "%")))
        }
        if let d = t.durability, let s = storage {
            rows.append(("theory: durability", pair(Self.fixed(100 * s.durability, 2) + "%", Self.fixed(100 * d, 2) + "%")))
        }
        rows += t.assumptionsBroken.map { ("model does not apply", $0) }
        return rows
    }
}

extension RunReport {
    /// The JSON's `theory` object (null for a report built without its scenario).
    var theoryJSON: JSONValue { theory?.json ?? .null }
}
