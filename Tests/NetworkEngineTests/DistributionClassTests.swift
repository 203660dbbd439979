import Testing
@testable import NetworkEngine

/// Classes of peers and of downloads (`distribution.peer_upload_mbps`, `distribution.download_mbps`): one rate or a
/// list of `{ share, mbps }`; validated with line-numbered errors; the bound uses Σu_i and d_min of the classes.
@Suite("File distribution, rate classes")
struct DistributionClassTests {
    static func decode(_ distribution: String, architecture: String = "peer-mesh", nodes: Int = 100) throws -> Scenario {
        try ScenarioDecoder.decode(yaml: """
            name: classes
            seed: 7
            duration: 100000
            architecture: \(architecture)
            nodes: \(nodes)
            workload:
              kind: distribution
            network:
              latency_ms: 20
              jitter_ms: 0
            distribution:
              file_mb: 50
            \(distribution)
            """, source: "classes.yaml")
    }

    @Test("one rate is still one class; a list gives classes, and node counts follow the shares")
    func decoding() throws {
        let one = try Self.decode("  peer_upload_mbps: 7")
        #expect(one.distribution.peerUpload == [RateClass(share: 1, mbps: 7)])
        let two = try Self.decode("""
              peer_upload_mbps: [{ share: 0.5, mbps: 1 }, { share: 0.5, mbps: 10 }]
              download_mbps:
                - { share: 0.3, mbps: 10 }
                - { mbps: 20, share: 0.7 }
            """)
        #expect(two.distribution.peerUpload == [RateClass(share: 0.5, mbps: 1), RateClass(share: 0.5, mbps: 10)])
        #expect(two.distribution.download == [RateClass(share: 0.3, mbps: 10), RateClass(share: 0.7, mbps: 20)])
        #expect(RateClass.counts(two.distribution.download, nodes: 100) == [30, 70])
        #expect(RateClass.counts([RateClass(share: 1.0 / 3, mbps: 1), RateClass(share: 2.0 / 3, mbps: 2)], nodes: 10)
                == [3, 7])
        // As a file writes it, for the key table and `scenarios --keys`.
        #expect(ScenarioValue.rates(two.distribution.peerUpload).description
                == "[{ share: 0.5, mbps: 1 }, { share: 0.5, mbps: 10 }]")
        #expect(ScenarioValue.rates(one.distribution.peerUpload).description == "7")
    }

    @Test("every wrong class is reported at its own line, all at once")
    func errors() {
        do {
            _ = try Self.decode("""
                  peer_upload_mbps:
                    - { share: 0.5, mbps: -1 }
                    - { share: 0.5 }
                    - { share: 0, mbps: 3 }
                  download_mbps: [{ share: 0.5, mbps: 10 }, { share: 0.4, mbps: 20 }]
                """)
            Issue.record("accepted")
        } catch let error as ScenarioError {
            let lines = error.problems.map { "\($0.line ?? 0): \($0.message)" }
            #expect(lines.contains { $0.hasPrefix("14: 'distribution.peer_upload_mbps mbps' must be between 0 and 10000000, got '-1'") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("15: 'distribution.peer_upload_mbps' must be a list of classes") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("16: 'distribution.peer_upload_mbps share' must be greater than 0 and at most 1") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("17: 'distribution.download_mbps' classes' shares must add up to 1, got 0.9") },
                    "\(lines)")
        } catch {
            Issue.record("\(error)")
        }
    }

    /// Half the nodes upload 1 Mbps and download 10, half upload 10 and download 20.
    static let halfAndHalf = """
          peer_upload_mbps: [{ share: 0.5, mbps: 1 }, { share: 0.5, mbps: 10 }]
          download_mbps: [{ share: 0.5, mbps: 10 }, { share: 0.5, mbps: 20 }]
        """

    /// Σu_i = 50 × 1 + 50 × 10 = 550 Mbps and d_min = 10 Mbps for 100 nodes, F = 400 Mbit, u_s = 100 Mbps:
    /// D_p2p = max{400/100, 400/10, 100·400/(100 + 550)} = 61.54 s; D_cs = max{100·400/100, 400/10} = 400 s.
    @Test("the bound uses the sum of the classes' uploads and the slowest class's download")
    func bound() throws {
        let mesh = try Self.decode(Self.halfAndHalf)
        #expect(abs(DistributionBound.seconds(mesh, nodes: 100) - 100 * 400 / 650.0) < 1e-9)
        let cs = try Self.decode(Self.halfAndHalf, architecture: "client-server")
        #expect(abs(DistributionBound.seconds(cs, nodes: 100) - 400) < 1e-9)
        // With few nodes d_min dominates: F/d_min = 40 s.
        #expect(abs(DistributionBound.seconds(cs, nodes: 2) - 40) < 1e-9)
    }

    /// The swarm with mixed peers can never beat its bound (a theorem about any schedule), and it gets every node
    /// the file. Client-server with mixed downloads still fills the server's link: N·F/u_s (400 s) plus at most a
    /// chunk-time and a latency, as `DistributionFidelityTests` derives (within 2%).
    @Test("with classes the swarm never beats its bound, and client-server still meets N F / u_s")
    func fidelity() throws {
        let mesh = try Self.decode(Self.halfAndHalf)
        let swarm = DistributionFidelityTests.run(mesh)
        #expect(swarm.completed == 100)
        #expect(swarm.timeSeconds >= swarm.boundSeconds, "\(swarm.timeSeconds) s vs \(swarm.boundSeconds) s")
        // The fast peers upload more than the slow: peer bytes exceed what 100 slow peers could send in the time.
        #expect(Double(swarm.peerBytes) * 8 > 100 * 1e6 * swarm.timeSeconds)
        let cs = DistributionFidelityTests.run(try Self.decode(Self.halfAndHalf, architecture: "client-server"))
        #expect(cs.completed == 100)
        #expect(abs(cs.timeSeconds - 400) / 400 < 0.02, "\(cs.timeSeconds) s")
    }
}
