import ExplorerUI
import NetworkEngine
import TerminalCanvas
import Testing

/// `k` and `:crash-share`: a share of the members crashed at once, sent to the engine as one command.
@Suite("Crash a share of the peers (k, :crash-share)")
struct CrashShareKeyTests {
    static let context = UpdateContext(wallNanos: 0, activeNodes: 20)

    @Test("k sends a crash of 30% of the members up, with caps lock too")
    func keySendsTheShare() {
        var state = AppState(scenarioName: "t")
        #expect(update(&state, Action(key: .char("k")), context: Self.context) == [.command(.crashShare(0.3))])
        #expect(update(&state, Action(key: .char("K")), context: Self.context) == [.command(.crashShare(0.3))])
        #expect(crashShareOfKey == 0.3)
    }

    @Test(":crash-share SHARE sends that share; a share outside (0, 1] or a missing one is one line of warning",
          arguments: [("crash-share 0.5", 0.5), ("crash-share 1", 1.0), ("crash-share 0.05", 0.05)])
    func lineCommand(line: String, share: Double) {
        var state = CommandLineTests.typed(line)
        #expect(CommandLineTests.press([.enter], &state) == [.command(.crashShare(share))])
    }

    @Test("a bad :crash-share says what it takes", arguments: [
        ("crash-share 0", "crash-share takes a share more than 0 and at most 1, as 0.3 for 30%"),
        ("crash-share 1.5", "crash-share takes a share more than 0 and at most 1, as 0.3 for 30%"),
        ("crash-share lots", "crash-share takes a share more than 0 and at most 1, as 0.3 for 30%"),
        ("crash-share", "usage: :crash-share SHARE"),
    ])
    func badLine(line: String, message: String) {
        var state = CommandLineTests.typed(line)
        #expect(CommandLineTests.press([.enter], &state).isEmpty)
        #expect(state.status?.text == message)
    }

    @Test("the crash screen names k for the key's share and : for another")
    func crashScreenNamesTheKey() {
        var log = CommandLog()
        log.record(AppliedCommand(time: 1_000_000_000, command: .engine(.crashShare(0.3))))
        log.record(AppliedCommand(time: 2_000_000_000, command: .engine(.crashShare(0.5))))
        let origin = RunOrigin(scenarioArgument: "churn", scenarioName: "churn", seed: 1)
        let text = CrashScreen.text(origin: origin, log: log)
        #expect(text.contains("t=1.000000000s  k  crash 30.0% of the members up"), "\(text)")
        #expect(text.contains("t=2.000000000s  :  crash 50.0% of the members up"), "\(text)")
    }
}
