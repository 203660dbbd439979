import Foundation
import Testing
import NetExplorerAssets
@testable import NetworkEngine

/// The claims report: its JSON shape, its determinism, and docs/CLAIMS.md kept in step with the code.
@Suite("Claims report")
struct ClaimsReportTests {
    static func scenarios() throws -> ClaimScenarios {
        var byName: [String: Scenario] = [:]
        for name in ClaimScenarios.names { byName[name] = try ScenarioCatalog.load(name) }
        return ClaimScenarios(byName)
    }

    /// The claims whose full-size experiments take a few seconds in a debug build (short runs of tens of nodes).
    static let fastClaims: [any Claim] = [SinglePointOfFailureClaim(), CentralSecurityClaim(), FlashCrowdClaim(),
                                          CentralBackupClaim()]

    static func evaluate(_ claims: [any Claim], _ size: ClaimsSize) async throws -> [ClaimResult] {
        try await ClaimsRunner.evaluate(claims, scenarios: try scenarios(), size: size)
    }

    static var docURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/CLAIMS.md")
    }

    @Test("The JSON has each claim's id, verdict, parts and evidence with theory and ci95")
    func jsonShape() {
        let c = ConfidenceInterval(mean: 100, halfWidth: 5, batches: 40, batchSize: 64)
        let result = ClaimResult(id: "x", statement: "A claim.", method: "a run", parts: [
            ClaimPart(aspect: "an aspect", verdict: .fails, finding: "false: because",
                      evidence: [Evidence("mean latency", 100, unit: "ms", places: 1, theory: 98, interval: c),
                                 Evidence.share("rejected", 0.5)]),
        ])
        let json = ClaimsReport.json([result], size: .quick).serialized()
        #expect(json == #"{"schema_version":1,"size":"quick","claims":[{"id":"x","claim":"A claim.","verdict":"false","#
            + #""method":"a run","parts":[{"aspect":"an aspect","verdict":"false","finding":"false: because","#
            + #""evidence":[{"figure":"mean latency","unit":"ms","measured":100.0,"theory":98.0,"#
            + #""ci95":{"low":95.0,"high":105.0,"batches":40}},{"figure":"rejected","unit":"%","measured":0.5,"#
            + #""theory":null,"ci95":null}]}]}]}"#)
    }

    @Test("The table and markdown show measured, theory and interval in the figure's unit")
    func text() {
        let c = ConfidenceInterval(mean: 100, halfWidth: 5, batches: 40, batchSize: 64)
        let result = ClaimResult(id: "x", statement: "A | claim.", method: "a run", parts: [
            ClaimPart(aspect: "an aspect", verdict: .holds, finding: "true",
                      evidence: [Evidence("mean latency", 100, unit: "ms", places: 1, theory: 98, interval: c)]),
        ])
        let md = ClaimsReport.markdown([result], size: .full)
        #expect(md.contains("| A \\| claim. | **true** |"))
        #expect(md.contains("  | mean latency | 100.0 ms | 98.0 ms | 95.0–105.0 |"))
        #expect(ClaimsReport.table([result], size: .full).contains("[true] A | claim."))
    }

    @Test("Two runs of the quick claims give byte-identical markdown")
    func deterministic() async throws {
        let claims: [any Claim] = Self.fastClaims + [ClientGrowthClaim(), ServerCostClaim()]
        let first = ClaimsReport.markdown(try await Self.evaluate(claims, .quick), size: .quick)
        let second = ClaimsReport.markdown(try await Self.evaluate(claims, .quick), size: .quick)
        #expect(first == second)
        #expect(first.contains("## Because the server handles most of the work"))
    }

    /// The debug tier's check of docs/CLAIMS.md: the fast claims' sections, regenerated at full size, appear in it
    /// verbatim, and it lists every claim of the suite. (`ReleaseTierClaimsDocTests` regenerates the whole file.)
    @Test("docs/CLAIMS.md holds the fast claims' sections as the code generates them")
    func docFastSubset() async throws {
        let doc = try String(contentsOf: Self.docURL, encoding: .utf8)
        for r in try await Self.evaluate(Self.fastClaims, .full) {
            #expect(doc.contains(ClaimsReport.markdownSection(r)),
                    "docs/CLAIMS.md is stale for \(r.id): regenerate it with netexplorer claims --format markdown")
        }
        for claim in ClaimSuite.all { #expect(doc.contains("## " + claim.statement)) }
    }
}

/// Regenerates docs/CLAIMS.md in full (the full experiments: too slow for a debug build) and fails when the file
/// differs: regenerate it with `swift run -c release netexplorer claims --format markdown > docs/CLAIMS.md`.
@Suite("Release tier: docs/CLAIMS.md is current", .releaseTier)
struct ReleaseTierClaimsDocTests {
    @Test("docs/CLAIMS.md equals netexplorer claims --format markdown")
    func docIsCurrent() async throws {
        let doc = try String(contentsOf: ClaimsReportTests.docURL, encoding: .utf8)
        let results = try await ClaimsRunner.evaluate(ClaimSuite.all, scenarios: try ClaimsReportTests.scenarios(),
                                                      size: .full)
        #expect(doc == ClaimsReport.markdown(results, size: .full),
                "docs/CLAIMS.md is stale: regenerate it with netexplorer claims --format markdown")
    }
}
