import Foundation

/// Every node command the sandbox answers, by the name it is called by. The node shell puts one
/// client per name on its PATH.
public struct NodeToolbox: Sendable {
  private let tools: [String: any NodeTool]

  public init(_ tools: [any NodeTool]) {
    var byName: [String: any NodeTool] = [:]
    for tool in tools { for name in tool.names { byName[name] = tool } }
    self.tools = byName
  }

  /// Every name a client is needed for, sorted.
  public var names: [String] { tools.keys.sorted() }

  public func tool(named name: String) -> (any NodeTool)? { tools[name] }

  /// Runs an invocation; an unknown name answers as a shell does.
  public func run(_ invocation: NodeToolInvocation, on node: NodeContext, output: NodeToolOutput) async -> Int32 {
    guard let tool = tools[invocation.name] else {
      await output.err("\(invocation.name): command not found\n")
      return 127
    }
    return await tool.run(invocation, on: node, output: output)
  }
}
