import Foundation
import X509

/// `kubeadm certs check-expiration` and `certs renew`, from and to the node's files.
extension KubeadmRun {
  /// `May 20, 2026 10:00 UTC`, as kubeadm prints expiry times.
  static func expiry(_ date: Date) -> String { utc(date, "MMM dd, yyyy HH:mm 'UTC'") }

  /// A date in UTC, in a DateFormatter pattern.
  static func utc(_ date: Date, _ pattern: String) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = pattern
    return formatter.string(from: date)
  }

  func residual(_ expiry: Date) -> String {
    let left = expiry.timeIntervalSince(cluster.now())
    return left < 0 ? "<invalid>" : HumanUnits.shortDuration(left)
  }

  func checkExpiration() async -> Int32 {
    var text = preface("check-expiration") + "\n"
    var leaves = TabTable(minWidth: 10, padding: 3)
    leaves.add(["CERTIFICATE", "EXPIRES", "RESIDUAL TIME", "CERTIFICATE AUTHORITY", "EXTERNALLY MANAGED"])
    for entry in KubeadmCertificate.all {
      guard let certificate = entry.certificate(on: node) else {
        leaves.add(["!MISSING! \(entry.name)", "", "", "", ""])
        continue
      }
      leaves.add([
        entry.name, Self.expiry(certificate.notValidAfter), residual(certificate.notValidAfter), entry.authority, "no",
      ])
    }
    var authorities = TabTable(minWidth: 10, padding: 3)
    authorities.add(["CERTIFICATE AUTHORITY", "EXPIRES", "RESIDUAL TIME", "EXTERNALLY MANAGED"])
    for (name, path) in KubeadmCertificate.authorities {
      guard let certificate = node.readText(path).flatMap({ PEMCertificates.certificates($0).first }) else {
        authorities.add(["!MISSING! \(name)", "", "", ""])
        continue
      }
      authorities.add([name, Self.expiry(certificate.notValidAfter), residual(certificate.notValidAfter), "no"])
    }
    text += leaves.text + "\n" + authorities.text
    await output.out(text)
    return 0
  }

  func renew(_ targets: [String]) async -> Int32 {
    guard let target = targets.first else {
      await output.err(
        "missing subcommand; \"renew\" is not meant to be run on its own\nTo see the stack trace of this error execute with --v=5 or higher\n"
      )
      return 1
    }
    let chosen = target == "all" ? KubeadmCertificate.all : KubeadmCertificate.all.filter { $0.name == target }
    guard !chosen.isEmpty else {
      await output.err(
        "unknown command \"\(target)\" for \"kubeadm certs renew\"\nTo see the stack trace of this error execute with --v=5 or higher\n"
      )
      return 1
    }
    await output.out(preface("renew") + "\n")
    for entry in chosen {
      do {
        try entry.renew(on: node, now: cluster.now())
        await output.out("\(entry.purpose) renewed\n")
      } catch let error as KubeadmCertificate.RenewalError {
        await output.err("\(error.message)\nTo see the stack trace of this error execute with --v=5 or higher\n")
        return 1
      } catch {
        await output.err("failed to renew certificate \(entry.name): \(error)\n")
        return 1
      }
    }
    guard target == "all" else { return 0 }
    await output.out(
      "\nDone renewing certificates. You must restart the kube-apiserver, kube-controller-manager, kube-scheduler and "
        + "etcd, so that they can use the new certificates.\n")
    return 0
  }
}
