/// Values that are valid but would silently do nothing or less than they say: a timeline action after the run ends,
/// a crash of a node that does not exist then, more replicas or attackers than nodes.
///
/// They are warnings, not errors: the scenario runs (the live view runs past `duration`, and a file may be shared
/// between sizes), but a user who wrote them expects something that will not happen, so `check` and `simulate` say so.
public enum ScenarioWarnings {
    /// Every warning, in line order, each tied to its line when the file gave one.
    public static func of(_ s: Scenario) -> [ScenarioProblem] {
        var out: [ScenarioProblem] = []
        func warn(_ line: Int?, _ message: String) {
            out.append(ScenarioProblem(line: line == 0 ? nil : line, message: "warning: " + message))
        }
        // Replay the timeline's population and architecture to see what each action meets.
        var nodes = s.nodes
        var architecture = s.architecture
        var values = s
        for action in s.timeline {
            let at = seconds(action.at)
            if action.at > s.duration {
                warn(action.line, "the action at \(at) comes after the run ends (duration \(seconds(s.duration))): "
                    + "simulate never reaches it")
            }
            switch action.kind {
            case .addNodes(let k):
                if nodes + k > Engine.maxNodes {
                    warn(action.line, "add_nodes \(k) at \(at) would pass \(Engine.maxNodes) nodes: only "
                        + "\(Engine.maxNodes - nodes) are added")
                }
                nodes = min(Engine.maxNodes, nodes + k)
            case .removeNodes(let k):
                if k > nodes { warn(action.line, "remove_nodes \(k) at \(at) but only \(nodes) nodes exist then") }
                nodes = max(0, nodes - k)
            case .switchArchitecture(let target):
                if target == architecture {
                    warn(action.line, "toggle to \(target.rawValue) at \(at), which is already the architecture "
                        + "then: nothing changes")
                }
                architecture = target
            case .crash(let target), .restart(let target):
                if case .node(let id) = target, id > nodes {
                    let verb = if case .crash = action.kind { "crash" } else { "restart" }
                    warn(action.line, "\(verb): node \(id) does not exist at \(at) (nodes 1–\(nodes) then): "
                        + "nothing happens")
                }
            case .set(let parameter, let value):
                if parameter.value(in: values) == value {
                    warn(action.line, "set \(parameter.rawValue) to \(parameter.spelled(value)) at \(at), which is its "
                        + "value then: nothing changes")
                }
                parameter.write(value, into: &values)
            case .flashCrowd, .toggleNode, .toggleArchitecture, .toggleAttack:
                break
            case .crashShare:
                break  // meaningful in either architecture: peers in a mesh, clients under client-server
            }
        }
        if s.security.attackers > s.nodes {
            warn(s.keyLines["security.attackers"], "security.attackers is \(s.security.attackers) but there are "
                + "\(s.nodes) nodes: attackers are nodes 1…attackers, so only \(s.nodes) attack")
        }
        if s.mesh.replicas > s.nodes, s.nodes > 0 {
            warn(s.keyLines["mesh.replicas"], "mesh.replicas is \(s.mesh.replicas) but a mesh of \(s.nodes) peers "
                + "holds at most \(s.nodes) copies of a resource")
        }
        return out.enumerated()
            .sorted { a, b in (a.element.line ?? 0, a.offset) < (b.element.line ?? 0, b.offset) }
            .map(\.element)
    }

    /// "30 s", "1.5 s".
    private static func seconds(_ x: Double) -> String {
        (x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)) + " s"
    }
}
