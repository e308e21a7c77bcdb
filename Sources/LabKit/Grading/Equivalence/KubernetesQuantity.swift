import Foundation

/// A Kubernetes resource quantity (`1Gi`, `1024Mi`, `500m`, `2`), read as its value so that two
/// spellings of the same amount compare equal.
enum KubernetesQuantity {
  private static let multipliers: [String: Double] = [
    "": 1, "n": 1e-9, "u": 1e-6, "m": 1e-3, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18,
    "Ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824, "Ti": 1_099_511_627_776, "Pi": 1_125_899_906_842_624,
    "Ei": 1_152_921_504_606_846_976,
  ]

  /// The amount and whether it was written with a suffix; nil for text that is not a quantity.
  static func parse(_ text: String) -> (value: Double, suffixed: Bool)? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let end = trimmed.firstIndex { !($0.isNumber || $0 == "." || $0 == "+" || $0 == "-") } ?? trimmed.endIndex
    guard let number = Double(trimmed[..<end]), let multiplier = multipliers[String(trimmed[end...])] else {
      return nil
    }
    return (number * multiplier, end != trimmed.endIndex)
  }
}
