/// Availability and exposure in a peer mesh.
public enum MeshTheory {
    /// Share of time a resource with `replicas` copies on independent peers has a live one: 1 − pʳ, where a peer is
    /// down a share p = D/(U + D) of the time (mean up U, mean down D). A time average over resources, not the share
    /// of requests that succeed.
    public static func availability(meanUptime u: Double, meanDowntime d: Double, replicas r: Int) -> Double? {
        guard u > 0, d >= 0, r >= 1 else { return nil }
        let p = d / (u + d)
        var down = 1.0
        for _ in 0..<r { down *= p }
        return 1 - down
    }

    /// Expected share of exposed peers when a share `s` protect their share with a password and a share `w` of
    /// passwords are weak: (1 − s) open plus s·w weakly protected.
    public static func exposedShare(protected s: Double, weak w: Double) -> Double { (1 - s) + s * w }
}
