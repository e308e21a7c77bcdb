import Foundation

extension Double {
  /// `2`, `1.5`, `0.33`: points as score tables and messages show them, to two decimals.
  public var pointsText: String {
    let hundredths = (self * 100).rounded()
    if hundredths.truncatingRemainder(dividingBy: 100) == 0 { return String(Int(hundredths / 100)) }
    var text = String(format: "%.2f", hundredths / 100)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }
}
