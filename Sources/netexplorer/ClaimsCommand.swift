import ArgumentParser
import Dispatch
import NetExplorerAssets
import NetworkEngine

/// `netexplorer claims`: each claim of the client-server / peer-to-peer comparison tested by headless runs of the
/// engine (fixed seeds, in parallel across cores), with the evidence and a verdict (`ClaimSuite`).
struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Test each claim of the client-server / peer-to-peer comparison: evidence and a verdict.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, markdown, json }

    @Option(name: .long, help: "table, markdown or json.")
    var format: Format = .table

    @Flag(name: .long, help: "Smaller experiments (fewer sizes, shorter runs): seconds instead of tens of seconds.")
    var quick = false

    func run() throws {
        let size: ClaimsSize = quick ? .quick : .full
        let results = try Self.evaluate(size: size)
        switch format {
        case .table: print(ClaimsReport.table(results, size: size), terminator: "")
        case .markdown: print(ClaimsReport.markdown(results, size: size), terminator: "")
        case .json: print(ClaimsReport.json(results, size: size).serialized(pretty: true))
        }
    }

    /// The built-in scenarios the claims start from.
    static func scenarios() throws -> ClaimScenarios {
        var byName: [String: Scenario] = [:]
        for name in ClaimScenarios.names { byName[name] = try ScenarioCatalog.load(name) }
        return ClaimScenarios(byName)
    }

    /// Runs every claim's experiments on the cooperative pool and waits for them here, on the main thread (which is
    /// not one of the pool's threads, so both cores run experiments).
    static func evaluate(size: ClaimsSize) throws -> [ClaimResult] {
        let scenarios = try scenarios()
        final class Outcome: @unchecked Sendable { var value: Result<[ClaimResult], any Error>? }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { outcome.value = .success(try await ClaimsRunner.evaluate(ClaimSuite.all, scenarios: scenarios, size: size)) }
            catch { outcome.value = .failure(error) }
            done.signal()
        }
        done.wait()
        guard let value = outcome.value else { return [] }
        return try value.get()
    }
}
