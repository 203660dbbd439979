extension Engine {
    /// The version of the engine's model: what a scenario and seed produce. It changes whenever the reference outputs
    /// (`ReferenceOutputsTests.recorded`) change for a reason other than a new field, so a lab record made by another
    /// model version replays with a warning that its figures may differ.
    public static let modelVersion = 1
}
