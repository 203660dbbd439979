import Testing
@testable import NetworkEngine

/// The peers' caches (`mesh.cache`): LRU per peer, each resource's copies listed for the holders to point to, and
/// writes invalidating every copy.
@Suite("Peer caches")
struct PeerCachesTests {
    @Test("a full cache evicts its least recently used copy, and a reuse refreshes a copy")
    func leastRecentlyUsedIsEvicted() {
        let c = PeerCaches(peers: 2, itemsPerPeer: 3, resources: 10)
        c.use(1, at: 0, now: 1)
        c.use(2, at: 0, now: 2)
        c.use(3, at: 0, now: 3)
        c.use(1, at: 0, now: 4)  // 1 is now the most recent: 2 is the oldest
        #expect(c.use(4, at: 0, now: 5) == 2)
        #expect(c.contains(0, 1) && c.contains(0, 3) && c.contains(0, 4) && !c.contains(0, 2))
        #expect(!c.contains(1, 1), "another peer's cache is its own")
        #expect(c.copyCount(of: 2) == 0 && c.copyCount(of: 1) == 1 && c.totalCopies == 3)
    }

    @Test("the holders point to a resource's copies in turn, each once per round")
    func copiesServeInTurn() {
        let c = PeerCaches(peers: 5, itemsPerPeer: 2, resources: 4)
        for peer in [3, 0, 4] { c.use(2, at: peer, now: 1) }
        let turns = (0..<6).compactMap { _ in c.nextCopy(of: 2) }
        #expect(turns == [3, 0, 4, 3, 0, 4])
        #expect(c.nextCopy(of: 1) == nil)
        c.dropAll(of: 0)  // peer 0 left: its copy leaves the list
        #expect(Set((0..<4).compactMap { _ in c.nextCopy(of: 2) }) == [3, 4])
    }

    @Test("invalidating a resource forgets every copy and counts one message each; other resources keep theirs")
    func invalidationForgetsEveryCopy() {
        let c = PeerCaches(peers: 6, itemsPerPeer: 2, resources: 3)
        for peer in 0..<6 { c.use(1, at: peer, now: 1) }
        for peer in 0..<3 { c.use(2, at: peer, now: 2) }
        #expect(c.invalidate(1) == 6)
        #expect(c.copyCount(of: 1) == 0 && c.nextCopy(of: 1) == nil && !c.contains(4, 1))
        #expect(c.copyCount(of: 2) == 3 && c.invalidate(1) == 0)
        // Freed slots are reused without evicting the copies that stayed.
        for peer in 0..<3 { #expect(c.use(0, at: peer, now: 3) == nil) }
        #expect(c.copyCount(of: 2) == 3 && c.copyCount(of: 0) == 3)
    }

    @Test("a mesh's invalidation sends one counted message per cached copy and leaves none behind")
    func meshInvalidationCountsMessages() throws {
        var s = Scenario(name: "cache")
        s.seed = 3
        s.architecture = .peerMesh
        s.nodes = 60
        s.workload.rate = 1
        s.workload.resources = 20
        s.mesh.cache = true
        s.mesh.cacheItems = 5
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(10))
        let copies = try #require(engine.mesh?.state.cache?.copyCount(of: 0))
        #expect(copies > 3, "the most popular resource is cached by many peers")
        let before = engine.report().messages
        let sent = engine.mesh?.invalidateCachedCopies(of: 0, &engine.ctx)
        #expect(sent == copies)
        #expect(engine.report().messages == before + copies)
        #expect(engine.mesh?.state.cache?.copyCount(of: 0) == 0)
        #expect(engine.report().mesh?.cache?.invalidations == copies)
        // With the cache off there is nothing to invalidate.
        s.mesh.cache = false
        let plain = Engine(scenario: s)
        plain.run(until: .seconds(2))
        #expect(plain.mesh?.invalidateCachedCopies(of: 0, &plain.ctx) == 0)
        #expect(plain.report().mesh?.cache == nil)
    }

    /// A cache slot costs 40 bytes (`ScenarioBudget.bytesPerCacheSlot`): a million peers of 10,000 items each are
    /// 10¹⁰ slots, about 373 GB, far past the 2 GB a run may use; the same keys with the cache off cost nothing.
    @Test("a cache that would exhaust memory is refused in one line naming mesh.cache_items and nodes")
    func budgetRefusesHugeCaches() {
        var s = Scenario(name: "big")
        s.architecture = .peerMesh
        s.nodes = 1_000_000
        s.workload.resources = 100_000  // a cache never holds more resources than there are: enough for 10,000 items
        s.mesh.cacheItems = 10_000
        #expect(ScenarioBudget.overruns(s).isEmpty)
        s.mesh.cache = true
        let overruns = ScenarioBudget.overruns(s)
        #expect(overruns.count == 1)
        #expect(overruns.first?.description.hasPrefix("mesh.cache_items × nodes = 1e10 cache slots need") == true,
                "\(overruns)")
        #expect(overruns.first?.term.keys == ["mesh.cache_items", "nodes"])
        // Capped at the resources there are: 100 resources make 10,000 items 100 slots a peer, 4 GB for a million.
        s.workload.resources = 100
        #expect(ScenarioBudget.overruns(s).first?.description.hasPrefix("mesh.cache_items × nodes = 1e8 cache slots") == true)
        s.nodes = 10_000
        #expect(ScenarioBudget.overruns(s).isEmpty)
    }

    /// `:set cache true` mid-run gives every peer its empty cache at once, and from then on repeat reads hit it;
    /// `:set cache false` forgets every copy, and the report then has no cache figures.
    @Test("set cache true switches the peers' caches on mid-run, and false forgets every copy")
    func cacheSwitchedLive() throws {
        var s = Scenario(name: "live cache")
        s.seed = 4
        s.architecture = .peerMesh
        s.nodes = 50
        s.workload.rate = 1
        s.workload.resources = 20
        let engine = Engine(scenario: s)
        engine.run(until: .seconds(5))
        #expect(engine.report().mesh?.cache == nil)
        let on = engine.apply(.set(.cache, 1))
        #expect(on.accepted && on.message == "cache set to true (was false)", "\(on.message)")
        engine.run(until: .seconds(15))
        let figures = try #require(engine.report().mesh?.cache)
        #expect(figures.hits > 100 && figures.copies > 50)
        #expect(engine.apply(.set(.cache, 0)).accepted)
        #expect(engine.report().mesh?.cache == nil && engine.mesh?.state.cache == nil)
        #expect(ScenarioParameter(named: "mesh.cache") == .cache && ScenarioParameter.cache.read("true") == .success(1))
    }
}
