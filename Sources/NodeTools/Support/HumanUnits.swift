import Foundation

/// Durations and sizes in the words and units each tool's Go library prints them with.
enum HumanUnits {
  /// docker/go-units' HumanDuration, which crictl prints as `<duration> ago`.
  static func duration(_ seconds: TimeInterval) -> String {
    let seconds = Int(seconds.rounded(.down))
    if seconds < 1 { return "Less than a second" }
    if seconds == 1 { return "1 second" }
    if seconds < 60 { return "\(seconds) seconds" }
    let minutes = seconds / 60
    if minutes == 1 { return "About a minute" }
    if minutes < 60 { return "\(minutes) minutes" }
    let hours = Int((Double(seconds) / 3600).rounded())
    if hours == 1 { return "About an hour" }
    if hours < 48 { return "\(hours) hours" }
    if hours < 24 * 7 * 2 { return "\(hours / 24) days" }
    if hours < 24 * 30 * 2 { return "\(hours / 24 / 7) weeks" }
    if hours < 24 * 365 * 2 { return "\(hours / 24 / 30) months" }
    return "\(Int(Double(hours) / 24 / 365)) years"
  }

  /// docker/go-units' HumanSizeWithPrecision(size, 3), decimal units without a space: `58.9MB`.
  static func decimalSize(_ bytes: Int) -> String {
    let units = ["B", "kB", "MB", "GB", "TB", "PB"]
    var size = Double(bytes)
    var unit = 0
    while size >= 1000, unit < units.count - 1 {
      size /= 1000
      unit += 1
    }
    return significant(size, 3) + units[unit]
  }

  /// dustin/go-humanize's Bytes, which etcd prints: decimal units with a space, `6.1 MB`.
  static func humanizedBytes(_ bytes: Int) -> String {
    if bytes < 10 { return "\(bytes) B" }
    let units = ["B", "kB", "MB", "GB", "TB", "PB"]
    let exponent = min(Int(floor(log(Double(bytes)) / log(1000))), units.count - 1)
    let value = Double(bytes) / pow(1000, Double(exponent))
    let rounded = (value * 10).rounded() / 10
    return (rounded < 10 ? String(format: "%.1f", rounded) : String(format: "%.0f", rounded)) + " " + units[exponent]
  }

  /// containerd's progress.Bytes, which ctr prints: binary units, `58.9 MiB`.
  static func binarySize(_ bytes: Int) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB"]
    var size = Double(bytes)
    var unit = 0
    while size >= 1024, unit < units.count - 1 {
      size /= 1024
      unit += 1
    }
    return String(format: "%.1f", size) + " " + units[unit]
  }

  /// apimachinery's ShortHumanDuration, which kubeadm prints in RESIDUAL TIME: `45s`, `12m`,
  /// `5h`, `364d`, `9y`.
  static func shortDuration(_ seconds: TimeInterval) -> String {
    let seconds = Int(seconds.rounded(.down))
    if seconds < -1 { return "<invalid>" }
    if seconds < 0 { return "0s" }
    if seconds < 60 { return "\(seconds)s" }
    if seconds < 60 * 60 { return "\(seconds / 60)m" }
    if seconds < 60 * 60 * 24 { return "\(seconds / 3600)h" }
    if seconds < 60 * 60 * 24 * 365 { return "\(seconds / 86400)d" }
    return "\(seconds / (86400 * 365))y"
  }

  /// Go's `%.Ng`: `digits` significant figures, no trailing zeros.
  static func significant(_ value: Double, _ digits: Int) -> String {
    guard value != 0 else { return "0" }
    let magnitude = Int(floor(log10(abs(value))))
    let decimals = max(0, digits - 1 - magnitude)
    var text = String(format: "%.\(decimals)f", value)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }
}
