/// What the user asked for colour, before the terminal has a say.
public enum ColorModeRequest: Hashable, Sendable {
    /// As many colours as the terminal offers, unless `NO_COLOR` is set and non-empty.
    case auto
    /// No colour at all (`--no-color`): attributes only.
    case none
}
