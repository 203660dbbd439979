import NetworkEngine
import Testing

/// The problems decoding `yaml` reports, or none when it decodes.
private func problems(_ yaml: String) -> [ScenarioProblem] {
    do {
        _ = try ScenarioDecoder.decode(yaml: yaml, source: "test.yaml")
        return []
    } catch let error as ScenarioError {
        return error.problems
    } catch {
        Issue.record("unexpected error type: \(error)")
        return []
    }
}

private func decode(_ yaml: String) throws -> Scenario {
    try ScenarioDecoder.decode(yaml: yaml, source: "test.yaml")
}

@Suite("Scenario decoding")
struct ScenarioDecoderTests {
    // MARK: - Values

    @Test("A file with only a name gets every default")
    func defaultsWhenKeysAreOmitted() throws {
        let scenario = try decode("name: Tiny\n")
        #expect(scenario == Scenario(name: "Tiny"))
        #expect(scenario.seed == 1)
        #expect(scenario.workload.rate == 1.0)
        #expect(scenario.mesh.churn == nil)
        #expect(scenario.timeline.isEmpty)
    }

    @Test("Empty sections read as all their defaults")
    func emptySectionsAreDefaults() throws {
        let scenario = try decode("""
            name: Tiny
            workload:
            network:
            server: {}
            mesh:
              churn:
            security:
            timeline:
            description:
            """)
        #expect(scenario == Scenario(name: "Tiny"))
    }

    @Test("A full file decodes every field")
    func fullFileDecodesEveryField() throws {
        let scenario = try decode("""
            name: Everything
            description: |
              Every key,
              set away from its default.
            seed: 42
            duration: 300.5
            architecture: peer-mesh
            nodes: 77
            workload:
              rate: 2.5
              resources: 500
              popularity: uniform
              timeout: 0
              retries: 3
            network:
              latency_ms: 15
              jitter_ms: 2.5
              loss: 0.01
            server:
              workers: 8
              service_ms: 12.5
              service: constant
              queue: 0
              cost_per_hour: 3
            mesh:
              discovery: flooding
              degree: 6
              ttl: 4
              replicas: 2
              workers: 3
              service_ms: 25
              queue: 16
              churn: { mean_uptime: 600, mean_downtime: 60.5 }
            security:
              accounts: 10
              lockout_after: 3
              lockout_seconds: 0
              share_passwords: 1
              weak_passwords: 0
              attackers: 2
              attack_rate: 0.5
            timeline:
              - { at: 30, add_nodes: 40 }
              - { at: 60, toggle: client-server }
            """)

        var expected = Scenario(name: "Everything")
        expected.description = "Every key,\nset away from its default."
        expected.seed = 42
        expected.duration = 300.5
        expected.architecture = .peerMesh
        expected.nodes = 77
        expected.workload.rate = 2.5
        expected.workload.resources = 500
        expected.workload.popularity = .uniform
        expected.workload.timeout = 0
        expected.workload.retries = 3
        expected.network.latencyMs = 15
        expected.network.jitterMs = 2.5
        expected.network.loss = 0.01
        expected.server.workers = 8
        expected.server.serviceMs = 12.5
        expected.server.service = .constant
        expected.server.queue = 0
        expected.server.costPerHour = 3
        expected.mesh.discovery = .flooding
        expected.mesh.degree = 6
        expected.mesh.ttl = 4
        expected.mesh.replicas = 2
        expected.mesh.workers = 3
        expected.mesh.serviceMs = 25
        expected.mesh.queue = 16
        expected.mesh.churn = Scenario.Churn(meanUptime: 600, meanDowntime: 60.5)
        expected.security.accounts = 10
        expected.security.lockoutAfter = 3
        expected.security.lockoutSeconds = 0
        expected.security.sharePasswords = 1
        expected.security.weakPasswords = 0
        expected.security.attackers = 2
        expected.security.attackRate = 0.5
        expected.timeline = [
            .init(at: 30, kind: .addNodes(40), line: 43),
            .init(at: 60, kind: .switchArchitecture(to: .clientServer), line: 44),
        ]
        #expect(scenario == expected)
    }

    @Test("An integer is accepted where a fraction is expected")
    func integersWhereFloatsAreExpected() throws {
        let scenario = try decode("name: x\nduration: 60\nnetwork: { loss: 1 }\n")
        #expect(scenario.duration == 60)
        #expect(scenario.network.loss == 1)
    }

    @Test("Decimal digits with leading zeros read as decimal, not YAML 1.1 octal")
    func leadingZerosAreDecimal() throws {
        let scenario = try decode("name: x\nnodes: 010\nseed: 1_000\n")
        #expect(scenario.nodes == 10)
        #expect(scenario.seed == 1000)
    }

    @Test("A seed spans all of UInt64 and cannot be negative")
    func seedSpansUInt64() throws {
        #expect(try decode("name: x\nseed: 18446744073709551615\n").seed == UInt64.max)
        #expect(problems("name: x\nseed: -1\n") == [
            ScenarioProblem(line: 2, message: "'seed' must be between 0 and 18446744073709551615, got '-1'"),
        ])
        #expect(problems("name: x\nseed: 18446744073709551616\n").count == 1)
    }

    @Test("Names and descriptions are trimmed, and any scalar is a name")
    func namesAreTrimmed() throws {
        let scenario = try decode("name: '  Lab 2 '\ndescription: >\n  Watch\n  the queue.\n")
        #expect(scenario.name == "Lab 2")
        #expect(scenario.description == "Watch the queue.")
        #expect(try decode("name: 2024\n").name == "2024")
    }

    // MARK: - Keys

    @Test("An unknown key names its section and line and suggests the closest known key")
    func unknownKeyWithSuggestion() {
        let found = problems("""
            name: x
            workload:
              rat: 2
            """)
        #expect(found == [ScenarioProblem(line: 3, message: "unknown key 'rat' under workload; did you mean 'rate'?")])
        #expect(found.first?.description == "line 3: unknown key 'rat' under workload; did you mean 'rate'?")
    }

    @Test("An unknown key at the top level says so")
    func unknownTopLevelKey() {
        #expect(problems("name: x\nnodez: 3\n") == [
            ScenarioProblem(line: 2, message: "unknown key 'nodez' at top level; did you mean 'nodes'?"),
        ])
    }

    @Test("A known key at the wrong level says where it belongs")
    func keyAtTheWrongLevel() {
        #expect(problems("name: x\nrate: 3\nserver:\n  loss: 0.1\n") == [
            ScenarioProblem(line: 2, message: "unknown key 'rate' at top level; it belongs under workload"),
            ScenarioProblem(line: 4, message: "unknown key 'loss' under server; it belongs under network"),
        ])
    }

    @Test("An unknown key with nothing close lists the known keys")
    func unknownKeyWithoutSuggestion() {
        #expect(problems("name: x\nnetwork:\n  bandwidth: 10\n") == [
            ScenarioProblem(
                line: 3,
                message: "unknown key 'bandwidth' under network; known keys are: latency_ms, jitter_ms, loss"),
        ])
    }

    @Test("A repeated key is reported with the line of its first appearance")
    func duplicateKeys() {
        #expect(problems("name: x\nnodes: 3\nnodes: 4\n") == [
            ScenarioProblem(line: 3, message: "duplicate key 'nodes' at top level (first given on line 2)"),
        ])
    }

    @Test("A missing name is reported without a line")
    func missingName() {
        #expect(problems("nodes: 3\n") == [ScenarioProblem(line: nil, message: "missing required key 'name'")])
    }

    @Test("An empty name is reported with its line")
    func emptyName() {
        #expect(problems("nodes: 3\nname:\n") == [
            ScenarioProblem(line: 2, message: "'name' must be a non-empty string, got nothing"),
        ])
        #expect(problems("name: '  '\n").count == 1)
    }

    // MARK: - Types and ranges

    @Test("A wrong type names the key and its line")
    func wrongTypeWithLine() {
        #expect(problems("name: x\nnodes: many\n") == [
            ScenarioProblem(line: 2, message: "'nodes' must be an integer, got 'many'"),
        ])
        #expect(problems("name: x\nworkload:\n  rate: fast\n") == [
            ScenarioProblem(line: 3, message: "'workload.rate' must be a number, got 'fast'"),
        ])
        #expect(problems("name: x\nserver: big\n") == [
            ScenarioProblem(line: 2, message: "'server' must be a mapping of keys, got 'big'"),
        ])
    }

    @Test("A fraction where an integer is expected is an error")
    func fractionWhereIntegerIsExpected() {
        #expect(problems("name: x\nserver:\n  workers: 2.5\n") == [
            ScenarioProblem(line: 3, message: "'server.workers' must be an integer (a whole number), got '2.5'"),
        ])
    }

    @Test("A quoted number is text, and the message shows the quotes")
    func quotedNumbersAreText() {
        #expect(problems("name: x\nnodes: \"20\"\n") == [
            ScenarioProblem(line: 2, message: "'nodes' must be an integer, got '\"20\"'"),
        ])
    }

    @Test("A value outside its choices lists the choices")
    func enumerationChoices() {
        #expect(problems("name: x\narchitecture: p2p\nmesh: { discovery: gossip }\n") == [
            ScenarioProblem(line: 2, message: "'architecture' must be one of client-server, peer-mesh, got 'p2p'"),
            ScenarioProblem(line: 3, message: "'mesh.discovery' must be one of flooding, dht, got 'gossip'"),
        ])
    }

    @Test("Out-of-range values are reported with their lines")
    func outOfRangeValues() {
        let found = problems("""
            name: x
            workload:
              rate: -1
            server:
              workers: 0
            network:
              loss: 1.5
            """)
        #expect(found == [
            ScenarioProblem(line: 3, message: "'workload.rate' must be between 0 and 10000, got '-1'"),
            ScenarioProblem(line: 5, message: "'server.workers' must be between 1 and 1000000, got '0'"),
            ScenarioProblem(line: 7, message: "'network.loss' must be between 0 and 1, got '1.5'"),
        ])
    }

    @Test("Out-of-range security values are each reported with their line")
    func outOfRangeSecurity() {
        let found = problems("""
            name: x
            security:
              accounts: -3
              lockout_after: 0
              share_passwords: 1.2
              weak_passwords: -0.5
              attack_rate: 20000
              read_access: 2
            """)
        #expect(found == [
            ScenarioProblem(line: 3, message: "'security.accounts' must be between 0 and 1000000, got '-3'"),
            ScenarioProblem(line: 4, message: "'security.lockout_after' must be between 1 and 1000000, got '0'"),
            ScenarioProblem(line: 5, message: "'security.share_passwords' must be between 0 and 1, got '1.2'"),
            ScenarioProblem(line: 6, message: "'security.weak_passwords' must be between 0 and 1, got '-0.5'"),
            ScenarioProblem(line: 7, message: "'security.attack_rate' must be between 0 and 10000, got '20000'"),
            ScenarioProblem(line: 8, message: "'security.read_access' must be between 0 and 1, got '2'"),
        ])
    }

    @Test("Every range boundary is enforced", arguments: [
        "duration: 0", "nodes: -1", "nodes: 1000001", "workload: { resources: 0 }", "workload: { timeout: -1 }",
        "workload: { retries: -1 }", "network: { latency_ms: -1 }", "network: { jitter_ms: -0.5 }",
        "server: { service_ms: 0 }", "server: { queue: -1 }", "server: { cost_per_hour: -1 }",
        "mesh: { degree: 0 }", "mesh: { ttl: 0 }", "mesh: { replicas: 0 }", "mesh: { workers: 0 }",
        "mesh: { service_ms: 0 }", "mesh: { queue: -1 }", "mesh: { churn: { mean_uptime: 0, mean_downtime: 1 } }",
        "security: { accounts: -1 }", "security: { lockout_after: 0 }", "security: { login_ms: 0 }",
        "security: { read_access: 1.5 }", "security: { dictionary: 0 }", "security: { lockout_seconds: -1 }",
        "security: { share_passwords: 1.1 }", "security: { weak_passwords: -0.1 }", "security: { attackers: -1 }",
        "security: { attack_rate: -1 }", "timeline: [ { at: -1, add_nodes: 1 } ]",
    ])
    func rangeBoundaries(line: String) {
        let found = problems("name: x\n\(line)\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 2)
    }

    @Test("Values just inside their ranges are accepted")
    func rangeEdgesAccepted() throws {
        let scenario = try decode("""
            name: x
            nodes: 0
            workload: { rate: 0, resources: 1, timeout: 0, retries: 0 }
            network: { latency_ms: 0, jitter_ms: 50, loss: 1 }
            server: { workers: 1, queue: 0, cost_per_hour: 0 }
            security: { accounts: 0, lockout_seconds: 0, share_passwords: 0, weak_passwords: 1, attackers: 0,
                        attack_rate: 0, read_access: 0, dictionary: 1 }
            timeline: [ { at: 0, crash: 0 } ]
            """)
        #expect(scenario.nodes == 0)
        #expect(scenario.security.accounts == 0 && scenario.security.dictionary == 1)
        #expect(scenario.network.jitterMs == 50)
        #expect(scenario.timeline.first?.kind == .crash(.node(0)))
    }

    @Test("Infinite and not-a-number values are rejected")
    func nonFiniteNumbers() {
        #expect(problems("name: x\nduration: .inf\nworkload: { rate: .nan }\n") == [
            ScenarioProblem(line: 2, message: "'duration' must be a finite number, got '.inf'"),
            ScenarioProblem(line: 3, message: "'workload.rate' must be a finite number, got '.nan'"),
        ])
    }

    @Test("A duration too long for the engine's nanosecond clock is rejected rather than crashing it")
    func durationCap() {
        #expect(problems("name: x\nduration: 1e12\n") == [
            ScenarioProblem(line: 2, message: "'duration' must be greater than 0 and at most 1000000000, got '1e12'"),
        ])
        #expect(problems("name: x\nnodes: 99999999999999999999\n") == [
            ScenarioProblem(line: 2, message: "'nodes' must be between 0 and 1000000, got '99999999999999999999'"),
        ])
    }

    // MARK: - Churn

    @Test("Churn may be omitted or given with both means")
    func churnIsAllOrNothing() throws {
        #expect(try decode("name: x\nmesh: { degree: 3 }\n").mesh.churn == nil)
        let scenario = try decode("name: x\nmesh:\n  churn:\n    mean_uptime: 100\n    mean_downtime: 10\n")
        #expect(scenario.mesh.churn == Scenario.Churn(meanUptime: 100, meanDowntime: 10))
    }

    @Test("Churn missing one of its means is reported on the churn line")
    func churnMissingAMean() {
        #expect(problems("name: x\nmesh:\n  churn: { mean_uptime: 100 }\n") == [
            ScenarioProblem(
                line: 3,
                message: "missing key 'mean_downtime' under mesh.churn; give both mean_uptime and mean_downtime, or omit churn"),
        ])
    }

    // MARK: - Timeline

    @Test("Timeline actions of each kind decode with their lines")
    func timelineActionsOfEachKind() throws {
        let scenario = try decode("""
            name: x
            timeline:
              - { at: 10, add_nodes: 40 }
              - { at: 20, remove_nodes: 5 }
              - at: 30
                toggle: peer-mesh
              - { at: 40, crash: server }
              - { at: 50, restart: server }
              - { at: 60.5, crash: 3 }
              - { at: 70, restart: 3 }
            """)
        #expect(scenario.timeline == [
            .init(at: 10, kind: .addNodes(40), line: 3),
            .init(at: 20, kind: .removeNodes(5), line: 4),
            .init(at: 30, kind: .switchArchitecture(to: .peerMesh), line: 5),
            .init(at: 40, kind: .crash(.server), line: 7),
            .init(at: 50, kind: .restart(.server), line: 8),
            .init(at: 60.5, kind: .crash(.node(3)), line: 9),
            .init(at: 70, kind: .restart(.node(3)), line: 10),
        ])
    }

    @Test("crash: server targets the server and crash: 3 targets node 3")
    func crashServerVersusNode() throws {
        let scenario = try decode("name: x\ntimeline:\n  - { at: 1, crash: server }\n  - { at: 2, crash: 3 }\n")
        #expect(scenario.timeline.map(\.kind) == [.crash(.server), .crash(.node(3))])
    }

    @Test("The timeline is sorted by time, keeping the file's order for equal times")
    func timelineIsSortedStably() throws {
        let scenario = try decode("""
            name: x
            timeline:
              - { at: 90, restart: server }
              - { at: 30, add_nodes: 1 }
              - { at: 30, add_nodes: 2 }
              - { at: 10, crash: server }
            """)
        #expect(scenario.timeline.map(\.line) == [6, 4, 5, 3])
    }

    @Test("Timeline entries without a time, without an action or with two actions are reported")
    func malformedTimelineEntries() {
        let found = problems("""
            name: x
            timeline:
              - { add_nodes: 3 }
              - { at: 5 }
              - { at: 6, add_nodes: 1, crash: server }
              - { at: 7, ad_nodes: 1 }
              - just words
            """)
        #expect(found == [
            ScenarioProblem(line: 3, message: "timeline entry is missing 'at' (the simulated second of the action)"),
            ScenarioProblem(
                line: 4,
                message: "timeline entry has no action; give one of add_nodes, remove_nodes, toggle, crash, restart, flash_crowd, server_workers, set, crash_share"),
            ScenarioProblem(
                line: 5, message: "timeline entry has more than one action (add_nodes, crash); give each its own entry"),
            ScenarioProblem(line: 6, message: "unknown key 'ad_nodes' under timeline; did you mean 'add_nodes'?"),
            ScenarioProblem(
                line: 6,
                message: "timeline entry has no action; give one of add_nodes, remove_nodes, toggle, crash, restart, flash_crowd, server_workers, set, crash_share"),
            ScenarioProblem(
                line: 7,
                message: "each timeline entry must be a mapping such as '{ at: 30, add_nodes: 40 }', got 'just words'"),
        ])
    }

    @Test("Bad timeline action values are reported with their lines")
    func badTimelineActionValues() {
        let found = problems("""
            name: x
            timeline:
              - { at: 1, add_nodes: 0 }
              - { at: 2, toggle: star }
              - { at: 3, crash: db }
              - { at: 4, restart: -1 }
            """)
        #expect(found == [
            ScenarioProblem(line: 3, message: "'timeline.add_nodes' must be greater than 0 and at most 1000000, got '0'"),
            ScenarioProblem(line: 4, message: "'timeline.toggle' must be one of client-server, peer-mesh, got 'star'"),
            ScenarioProblem(
                line: 5, message: "'timeline.crash' must be 'server' or a node id (an integer of at least 0), got 'db'"),
            ScenarioProblem(
                line: 6, message: "'timeline.restart' must be 'server' or a node id (an integer of at least 0), got '-1'"),
        ])
    }

    @Test("A timeline that is not a list is reported")
    func timelineNotAList() {
        #expect(problems("name: x\ntimeline: { at: 3 }\n").first?.line == 2)
    }

    // MARK: - Whole files

    @Test("Every problem in a file is reported at once, in line order")
    func severalProblemsAtOnce() {
        let found = problems("""
            nodes: many
            architecture: p2p
            workload:
              rat: 2
              resources: 0
            server:
              workers: 0
            network:
              loss: 1.5
            timeline:
              - { at: -5, add_nodes: 3 }
            """)
        #expect(found.count == 8)
        #expect(found.first == ScenarioProblem(line: nil, message: "missing required key 'name'"))
        #expect(found.dropFirst().map(\.line) == [1, 2, 4, 5, 7, 9, 11])
    }

    @Test("Malformed YAML reports the parser's line")
    func malformedYAMLHasALine() {
        let found = problems("name: x\nworkload:\n  rate: [1, 2\nnodes: 3\n")
        #expect(found.count == 1)
        #expect(found.first?.message
            == "malformed YAML: while parsing a flow sequence on line 3, did not find expected ',' or ']'")
        #expect(found.first?.line == 4)
        #expect(problems("name: x\n\tnodes: 3\n").first?.line == 2)
    }

    @Test("A second YAML document in the file is reported where it starts")
    func secondDocument() {
        #expect(problems("name: x\n---\nname: y\n") == [
            ScenarioProblem(line: 2, message: "a scenario file holds one YAML document, but another starts here"),
        ])
    }

    @Test("An empty file says a name is needed")
    func emptyFile() {
        #expect(problems("# nothing here\n") == [
            ScenarioProblem(line: nil, message: "the file is empty; a scenario needs at least a 'name'"),
        ])
    }

    @Test("A file that is not a mapping is reported with its line")
    func topLevelNotAMapping() {
        let found = problems("- name: x\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 1)
    }

    @Test("The error's description prefixes every problem with the source and its line")
    func errorDescription() {
        let error = ScenarioError(source: "lab.yaml", problems: [
            ScenarioProblem(line: nil, message: "missing required key 'name'"),
            ScenarioProblem(line: 12, message: "unknown key 'rat' under workload; did you mean 'rate'?"),
        ])
        #expect(error.description == """
            lab.yaml: missing required key 'name'
            lab.yaml: line 12: unknown key 'rat' under workload; did you mean 'rate'?
            """)
        #expect(ScenarioError(source: "", message: "no such thing").description == "no such thing")
    }

    @Test("The thrown error carries the source it was given")
    func thrownErrorCarriesSource() {
        let error = #expect(throws: ScenarioError.self) {
            try ScenarioDecoder.decode(yaml: "nodes: 1\n", source: "labs/week1.yaml")
        }
        #expect(error?.source == "labs/week1.yaml")
        #expect(error?.description == "labs/week1.yaml: missing required key 'name'")
    }
}
