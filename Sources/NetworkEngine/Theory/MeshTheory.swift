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

    /// Expected share of resources with a live copy while `down` of `members` peers are down, the down ones a random
    /// set (a crash of a share, or single crashes): a resource is lost only when its `replicas` distinct holders are
    /// all among them, with probability C(down, r)/C(members, r) = ∏ (down − i)/(members − i). Nil with no members.
    public static func availableNow(members n: Int, down k: Int, replicas r: Int) -> Double? {
        guard n >= 1, r >= 1 else { return nil }
        let copies = min(r, n)
        var allDown = 1.0
        for i in 0..<copies { allDown *= Double(max(0, k - i)) / Double(n - i) }
        return 1 - allDown
    }

    /// Expected share of exposed peers when a share `s` protect their share with a password and a share `w` of
    /// passwords are weak: (1 − s) open plus s·w weakly protected.
    public static func exposedShare(protected s: Double, weak w: Double) -> Double { (1 - s) + s * w }
}
