import Foundation
import KubeSim

/// `crictl images`, `pull` and `rmi`: the node's image list, which the Node's status.images
/// reports to the API.
extension CrictlRun {
  func images() async -> Int32 {
    guard await connect(runtime: false, image: true) else { return 1 }
    var listed = node.cluster.images(on: node.name).sorted {
      ($0.repoTags.first ?? $0.repoDigests.first ?? $0.id) < ($1.repoTags.first ?? $1.repoDigests.first ?? $1.id)
    }
    if let filter = operands.first {
      listed = listed.filter { image in
        image.matches(filter) || image.repoTags.contains { Self.split($0).repository == ImageNames.repository(filter) }
      }
    }
    if arguments.has("--quiet") {
      await output.out(listed.map { $0.id + "\n" }.joined())
      return 0
    }
    let digests = arguments.has("--digests")
    var table = TabTable(minWidth: 20, padding: 3)
    table.add(["IMAGE", "TAG"] + (digests ? ["DIGEST"] : []) + ["IMAGE ID", "SIZE"])
    for image in listed {
      let id = arguments.has("--no-trunc") ? image.id : String(image.id.dropFirst(7).prefix(13))
      let digest = image.repoDigests.first.map { String($0.split(separator: "@").last ?? "") } ?? "<none>"
      let shownDigest = arguments.has("--no-trunc") ? digest : String(digest.dropFirst(7).prefix(13))
      let pairs =
        image.repoTags.isEmpty
        ? [(repository: image.repoDigests.first.map { String($0.split(separator: "@")[0]) } ?? "<none>", tag: "<none>")]
        : image.repoTags.map(Self.split)
      for pair in pairs {
        table.add(
          [pair.repository, pair.tag] + (digests ? [shownDigest] : []) + [id, HumanUnits.decimalSize(image.sizeBytes)])
      }
    }
    await output.out(table.text)
    return 0
  }

  static func split(_ repoTag: String) -> (repository: String, tag: String) {
    guard let colon = repoTag.lastIndex(of: ":"), !repoTag[colon...].contains("/") else { return (repoTag, "<none>") }
    return (String(repoTag[..<colon]), String(repoTag[repoTag.index(after: colon)...]))
  }

  func pull() async -> Int32 {
    guard await connect(runtime: false, image: true) else { return 1 }
    guard let reference = operands.first, !reference.isEmpty else {
      return await fatal("Image name cannot be empty")
    }
    switch node.cluster.pullImage(reference, on: node.name) {
    case .success(let image):
      await output.out("Image is up to date for \(image.id)\n")
      return 0
    case .failure(let failure):
      await output.err(
        KlogLine.error(
          "PullImage from image service failed", at: node.cluster.now(), pid: ProcessIDs.pid(for: reference),
          source: "log.go:32", [("err", failure.message), ("image", reference)]))
      return await fatal("pulling image: \(failure.message)")
    }
  }

  func removeImages() async -> Int32 {
    guard await connect(runtime: false, image: true) else { return 1 }
    guard !operands.isEmpty else {
      await output.out(
        "NAME:\n   crictl rmi - Remove one or more images\n\nUSAGE:\n   crictl rmi [command options] IMAGE-ID [IMAGE-ID...]\n"
      )
      return 0
    }
    var failed = false
    for reference in operands {
      guard let image = node.cluster.removeImage(reference, on: node.name) else {
        await output.err(LogrusLine.text(.error, "no such image \(reference)"))
        failed = true
        continue
      }
      let names = image.repoTags.isEmpty ? image.repoDigests : image.repoTags
      await output.out(names.map { "Deleted: \($0)\n" }.joined())
    }
    return failed ? await fatal("unable to remove the image(s)") : 0
  }
}
