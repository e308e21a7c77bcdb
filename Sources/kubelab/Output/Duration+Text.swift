extension Duration {
  /// `20m`, `1h30m`, `45s`: a lab's duration or a time left, as Go writes durations, minus zeros.
  var compactText: String {
    var seconds = Int(components.seconds)
    guard seconds > 0 else { return "0s" }
    var text = ""
    if seconds >= 3600 {
      text += "\(seconds / 3600)h"
      seconds %= 3600
    }
    if seconds >= 60 {
      text += "\(seconds / 60)m"
      seconds %= 60
    }
    if seconds > 0 { text += "\(seconds)s" }
    return text
  }
}
