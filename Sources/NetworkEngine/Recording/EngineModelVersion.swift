extension Engine {
    /// The version of the engine's model: what a scenario and seed produce. It changes whenever the reference outputs
    /// (`ReferenceOutputsTests.recorded`, `ReferenceChecksumTests.recorded`) change, so a lab record made by another
    /// model version replays with a warning that its figures may differ. (Version 1 is the first with lab records: its
    /// outputs are those recorded with `schema_version`.)
    public static let modelVersion = 1
}
