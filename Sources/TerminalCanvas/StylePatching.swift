extension Style {
    /// This style with `other` laid over it: `other`'s non-default colours replace ours, its attributes are added.
    public func patched(with other: Style) -> Style {
        var s = self
        if other.fg != .default { s.fg = other.fg }
        if other.bg != .default { s.bg = other.bg }
        s.bold = bold || other.bold
        s.dim = dim || other.dim
        s.reverse = reverse || other.reverse
        s.underline = underline || other.underline
        return s
    }
}
