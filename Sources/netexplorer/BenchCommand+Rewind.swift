import Dispatch
import ExplorerUI
import NetworkEngine

extension BenchCommand {
    /// A live session that simulated 10 minutes at `clients` clients, its checkpoints kept as the live view keeps
    /// them (a frame each simulated second, as at 30× speed; a flash crowd logged each minute), then rewound from the
    /// live end to points spread over the session, each just before a checkpoint would be taken (the most replay
    /// a rewind can need): the figure is the slowest rewind, in milliseconds.
    func rewind(clients: Int, name: String) -> Figure {
        var s = Scenario(name: "Classroom network")
        s.nodes = clients
        s.workload.rate = 1.5
        let engine = Engine(scenario: s)
        let machine = TimeMachine()
        var log = CommandLog()
        machine.started(engine, logCount: 0, population: clients)
        let seconds = 600
        let setup = DispatchTime.now().uptimeNanoseconds
        for second in 1...seconds {
            engine.advance(to: .seconds(Double(second)))
            if second % 60 == 30 {
                let command = EngineCommand.flashCrowd(requests: flashCrowdSize(forActiveNodes: engine.activeClients))
                let time = engine.now, events = engine.eventsProcessed
                let outcome = engine.apply(command)
                log.record(AppliedCommand(time: time, command: .engine(command), accepted: outcome.accepted,
                                          eventsProcessed: events, resolved: command))
            }
            machine.passed(engine, logCount: log.total, population: engine.activeClients)
        }
        let setupSeconds = Double(DispatchTime.now().uptimeNanoseconds - setup) / 1e9
        let shelf = machine.shelf
        // Just before each of a dozen checkpoints spread over the session: the replay from the one before is longest.
        let count = 12
        let picks = (1...count).map { shelf.entries[min(shelf.entries.count - 1, $0 * shelf.entries.count / count)] }
        var times: [Double] = []
        for pick in picks {
            let target = max(0, pick.time - .millis(1))
            var model: any NetworkModel = engine
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = machine.travel(to: target, model: &model, log: log)
            let spent = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
            precondition(model.now == target, "the rewind stands where it was asked to")
            machine.backToLive(model: &model)
            times.append(spent)
        }
        let sorted = times.sorted()
        var figure = Figure(name: name, value: sorted.last ?? 0, unit: "ms", wallSeconds: setupSeconds + sorted.reduce(0, +) / 1e3,
                            note: "\(clients) clients, 600 s simulated, \(engine.eventsProcessed) events, "
                                + "\(shelf.entries.count) checkpoints \(shelf.spacing / SimTime.nanosPerSecond) s apart, "
                                + "slowest of \(count) rewinds (median \(RunReport.fixed(sorted[count / 2], 1)) ms)")
        figure.values = times
        return figure
    }
}
