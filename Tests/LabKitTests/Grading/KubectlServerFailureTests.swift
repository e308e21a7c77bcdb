import Testing

@testable import LabKit

/// kubectl's last line when it could not use the server, as kubectl 1.27 and 1.33 print it.
@Suite struct KubectlServerFailureTests {
  @Test(arguments: [
    "Error from server (InternalError): the sandbox injected this fault (HTTP 500)",
    "Error from server (ServiceUnavailable): the server is currently unable to handle the request",
    "Error from server (Timeout): the sandbox injected this fault (HTTP 504)",
    "Error from server (TooManyRequests): the sandbox injected this fault (HTTP 429)",
    "error: You must be logged in to the server (the sandbox injected this fault (HTTP 401))",
    "The connection to the server 127.0.0.1:35683 was refused - did you specify the right host or port?",
    "Unable to connect to the server: dial tcp 10.255.255.1:6443: i/o timeout",
  ])
  func aServerThatCouldNotAnswerIsFound(line: String) {
    #expect(KubectlServerFailure.line(in: "some output\n" + line + "\n") == line)
  }

  @Test(arguments: [
    "Error from server (Forbidden): pods is forbidden: User \"dev\" cannot list resource \"pods\"",
    "Error from server (NotFound): pods \"web\" not found",
    "error: the server doesn't have a resource type \"pod2\"",
    "  Error from server (InternalError): indented, so not kubectl's own line",
    "replicas is 2, not 3",
  ])
  func theLearnersWorkIsNoServerFailure(line: String) {
    #expect(KubectlServerFailure.line(in: line) == nil)
  }
}
