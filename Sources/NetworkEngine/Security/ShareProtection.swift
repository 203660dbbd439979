/// How a password (an account's, or a peer share's) stands against the attacker's dictionary.
public enum ShareProtection: Sendable, Equatable {
    /// No password at all: anyone who reaches the share reads it (peer shares only; every account has one).
    case open
    /// A password the dictionary holds: the guesser finds it on try `position` (1-based).
    case weak(position: Int)
    /// A password no dictionary word matches.
    case strong

    /// True when an attacker can get in: no password, or a guessable one.
    public var isExposed: Bool { self != .strong }
}

/// Per-index draws that do not depend on the order of events: the same seed gives every account and every peer the
/// same password whatever happens in the run, and peers that join later get theirs without shifting anyone else's.
enum PasswordDraws {
    /// A uniform number in [0, 1) for (`seed`, `salt`, `index`): SplitMix64's finalizer over their mix.
    static func unit(seed: UInt64, salt: UInt64, index: Int) -> Double {
        let z = mix64(seed &+ salt &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03)
        return Double(z >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Salts, one per kind of draw, so the draws are independent.
    static let accountWeak: UInt64 = 0x51, accountPosition: UInt64 = 0x52
    static let shareProtected: UInt64 = 0x61, shareWeak: UInt64 = 0x62, sharePosition: UInt64 = 0x63
    static let readGrant: UInt64 = 0x71

    /// A password that is weak with probability `weak`, at a uniform dictionary position.
    static func password(seed: UInt64, index: Int, weak: Double, dictionary: Int, weakSalt: UInt64,
                         positionSalt: UInt64) -> ShareProtection {
        guard unit(seed: seed, salt: weakSalt, index: index) < weak else { return .strong }
        let u = unit(seed: seed, salt: positionSalt, index: index)
        return .weak(position: 1 + min(dictionary - 1, Int(u * Double(dictionary))))
    }
}
