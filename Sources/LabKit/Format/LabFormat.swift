import Foundation
import KubeModel

/// Entry points for reading lab and grader files. Decoding never throws: problems are values, all
/// of them reported at once in file order, and a best-effort model comes back whenever the top level could be read.
public enum LabFormat {
  public static func decodeLab(_ bytes: [UInt8], file: String) -> Decoded<Lab> {
    decode(bytes, file: file) { LabReader.lab($0, file: file, log: $1) }
  }

  public static func decodeGrader(_ bytes: [UInt8], file: String) -> Decoded<Grader> {
    decode(bytes, file: file) { GraderReader.grader($0, file: file, log: $1) }
  }

  public static func loadLab(path: String) -> Decoded<Lab> {
    load(path) { decodeLab($0, file: path) }
  }

  public static func loadGrader(path: String) -> Decoded<Grader> {
    load(path) { decodeGrader($0, file: path) }
  }

  private static func load<Value>(_ path: String, _ decode: ([UInt8]) -> Decoded<Value>) -> Decoded<Value> {
    guard let data = FileManager.default.contents(atPath: path) else {
      return Decoded(
        value: nil, problems: [LabProblem("cannot read the file", at: SourcePosition(file: path, line: 1, column: 1))])
    }
    return decode([UInt8](data))
  }

  private static func decode<Value>(
    _ bytes: [UInt8], file: String, _ read: (YAMLNode, ProblemLog) -> Value?
  ) -> Decoded<Value> {
    let start = SourcePosition(file: file, line: 1, column: 1)
    let documents: [YAMLNode]
    do {
      documents = try YAML.parseStream(bytes: bytes, file: file)
    } catch let error as YAMLError {
      var message = error.message
      if let context = error.context { message += " (\(context))" }
      return Decoded(value: nil, problems: [LabProblem(message, at: error.position)])
    } catch {
      return Decoded(value: nil, problems: [LabProblem("\(error)", at: start)])
    }
    guard let document = documents.first else {
      return Decoded(value: nil, problems: [LabProblem("the file is empty", at: start)])
    }
    let log = ProblemLog()
    if documents.count > 1 {
      log.add("expected one YAML document, found \(documents.count)", at: documents[1].position)
    }
    let value = read(document, log)
    return Decoded(value: value, problems: LabProblem.sortedByPosition(log.problems))
  }
}
