import Foundation
import NetExplorerAssets
import NetworkEngine
import Testing

/// A fresh folder for files a test writes, removed when the test is done with it.
private func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("ScenarioCatalogTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// The error a load that must fail throws (recorded as an issue if it does not fail).
private func loadError(_ nameOrPath: String) -> ScenarioError? {
    #expect(throws: ScenarioError.self) { try ScenarioCatalog.load(nameOrPath) }
}

@Suite("Scenario catalog")
struct ScenarioCatalogTests {
    // MARK: - Built-ins

    @Test("The built-in scenarios are exactly the ones shipped, sorted")
    func builtinNames() {
        #expect(ScenarioCatalog.builtinNames == ["backup", "bottleneck", "churn", "classroom", "cost", "distribution",
                                                 "flash-crowd", "flooding", "mm1", "mm1k", "mm4", "password-attack", "spof"])
    }

    @Test("Every built-in scenario loads", arguments: ScenarioCatalog.builtinNames)
    func everyBuiltinLoads(name: String) throws {
        let scenario = try ScenarioCatalog.load(name)
        #expect(!scenario.name.isEmpty)
        #expect(!scenario.description.isEmpty)
    }

    @Test("Every built-in has a one-line summary for the scenarios command")
    func summaries() {
        let summaries = ScenarioCatalog.builtinSummaries()
        #expect(summaries.map(\.name) == ScenarioCatalog.builtinNames)
        for summary in summaries {
            #expect(!summary.description.isEmpty)
            #expect(!summary.description.contains("\n"))
            #expect(!summary.description.hasPrefix("(cannot be loaded"))
        }
    }

    @Test("The default scenario is the classroom")
    func defaultIsClassroom() throws {
        let scenario = try ScenarioCatalog.defaultScenario()
        var expected = Scenario(name: "Classroom network")
        expected.description = scenario.description
        expected.seed = 7
        expected.duration = 120
        expected.architecture = .clientServer
        expected.nodes = 20
        // 2 a second each (40 offered, 120 after the join: past the server's 100) and a 32-place queue, so the join
        // and a flash crowd overflow it (issue 16 §4; it was 1.5, 64 places and 20 joining, which never saturated).
        expected.workload.rate = 2
        expected.workload.resources = 200
        expected.workload.popularity = .zipf
        expected.workload.timeout = 5
        expected.workload.retries = 1
        expected.network.latencyMs = 20
        expected.network.jitterMs = 5
        expected.network.loss = 0
        expected.server.workers = 4
        expected.server.serviceMs = 40
        expected.server.service = .exponential
        expected.server.queue = 32
        expected.server.costPerHour = 1.20
        expected.mesh.discovery = .dht
        expected.mesh.degree = 4
        expected.mesh.ttl = 7
        expected.mesh.replicas = 3
        expected.mesh.workers = 1
        expected.mesh.serviceMs = 40
        expected.mesh.queue = 8
        expected.mesh.churn = nil
        expected.security = Scenario.Security()
        expected.timeline = scenario.timeline
        expected.id = "classroom"
        #expect(scenario == expected)
        #expect(scenario.timeline.map(\.at) == [40, 80, 95])
        #expect(scenario.timeline.map(\.kind) == [.addNodes(40), .crash(.server), .restart(.server)])
        #expect(scenario.timeline.allSatisfy { $0.line > 0 })
    }

    @Test("The bottleneck server's capacity is 100 requests a second against 30 offered")
    func bottleneckCapacity() throws {
        let scenario = try ScenarioCatalog.load("bottleneck")
        #expect(scenario.name == "Server bottleneck")
        let capacity = Double(scenario.server.workers) / (scenario.server.serviceMs / 1000)
        #expect(abs(capacity - 100) < 1e-9)
        #expect(abs(Double(scenario.nodes) * scenario.workload.rate - 30) < 1e-9)
        #expect(abs(60 * scenario.workload.rate - 90) < 1e-9)
        #expect(scenario.server.queue == 64)
        #expect(scenario.timeline.isEmpty)
        #expect(scenario.seed == 7 && scenario.duration == 120)
    }

    @Test("The queueing scenarios have their theory's parameters", arguments: [
        ("mm1", 8, 1, 100_000),
        ("mm4", 32, 4, 100_000),
        ("mm1k", 9, 1, 4),
    ])
    func queueingScenarios(name: String, nodes: Int, workers: Int, queue: Int) throws {
        let scenario = try ScenarioCatalog.load(name)
        #expect(scenario.nodes == nodes)
        #expect(scenario.workload.rate == 0.1)
        #expect(scenario.server.workers == workers)
        #expect(scenario.server.serviceMs == 1000)
        #expect(scenario.server.service == .exponential)
        #expect(scenario.server.queue == queue)
        #expect(scenario.network.latencyMs == 0 && scenario.network.jitterMs == 0 && scenario.network.loss == 0)
        #expect(scenario.workload.timeout == 0 && scenario.workload.retries == 0)
        #expect(scenario.seed == 1)
        #expect(scenario.architecture == .clientServer)
        #expect(scenario.timeline.isEmpty)
        // Offered load ρ = λ / (c·μ) with μ = 1/s: 0.8 for the M/M/c pair, 0.9 for M/M/1/K.
        let rho = Double(nodes) * scenario.workload.rate / Double(workers)
        #expect(abs(rho - (name == "mm1k" ? 0.9 : 0.8)) < 1e-9)
    }

    @Test("The flash crowd arrives at 30 s and leaves at 60 s")
    func flashCrowd() throws {
        let scenario = try ScenarioCatalog.load("flash-crowd")
        #expect(scenario.name == "Flash crowd")
        #expect(scenario.nodes == 30)
        #expect(scenario.workload.rate == 1)
        #expect(scenario.server.workers == 2 && scenario.server.serviceMs == 50 && scenario.server.queue == 32)
        #expect(scenario.network.latencyMs == 30 && scenario.network.jitterMs == 10)
        #expect(scenario.timeline.map(\.kind) == [.addNodes(120), .removeNodes(120)])
        #expect(scenario.timeline.map(\.at) == [30, 60])
    }

    // MARK: - Errors

    @Test("An unknown built-in name lists the built-in scenarios")
    func unknownBuiltin() {
        let error = loadError("foo")
        #expect(error?.problems == [ScenarioProblem(
            line: nil,
            message: "unknown scenario 'foo'; built-in scenarios are: backup, bottleneck, churn, classroom, cost, "
                + "distribution, flash-crowd, flooding, mm1, mm1k, mm4, password-attack, spof")])
        #expect(error?.source == "foo")
        #expect(error?.description.hasPrefix("foo: unknown scenario 'foo'") == true)
    }

    @Test("A missing file says it cannot be read")
    func missingFile() {
        let error = loadError("no/such/x.yaml")
        #expect(error?.problems == [ScenarioProblem(line: nil, message: "cannot read 'no/such/x.yaml': no such file")])
        #expect(error?.description == "no/such/x.yaml: cannot read 'no/such/x.yaml': no such file")
    }

    @Test("A missing file named like a built-in points at the built-in name")
    func missingFileNamedLikeABuiltin() {
        let error = loadError("classroom.yaml")
        #expect(error?.problems.first?.message
            == "cannot read 'classroom.yaml': no such file; the built-in scenario is named 'classroom'")
    }

    @Test("A folder is not a scenario file")
    func folderIsNotAFile() throws {
        try withTemporaryFolder { folder in
            let error = loadError(folder.path)
            #expect(error?.problems.first?.message == "cannot read '\(folder.path)': it is a folder")
        }
    }

    // MARK: - Files

    @Test("A path to a file loads that file")
    func loadsAFileByPath() throws {
        try withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("lab.yml")
            try "name: Lab\nnodes: 3\n".write(to: file, atomically: true, encoding: .utf8)
            let scenario = try ScenarioCatalog.load(file.path)
            #expect(scenario.name == "Lab")
            #expect(scenario.nodes == 3)
        }
    }

    @Test("A file with problems reports every one under its path")
    func fileProblemsNameThePath() throws {
        try withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("bad.yaml")
            try "nodes: many\nworkload:\n  rat: 1\n".write(to: file, atomically: true, encoding: .utf8)
            let error = loadError(file.path)
            #expect(error?.source == file.path)
            #expect(error?.problems.count == 3)
            #expect(error?.description.split(separator: "\n").allSatisfy { $0.hasPrefix("\(file.path): ") } == true)
        }
    }
}
