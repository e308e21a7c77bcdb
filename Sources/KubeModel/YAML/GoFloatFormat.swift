/// Go's `strconv.FormatFloat(value, format, -1, bitSize)` for the two layouts the YAML layer needs:
/// 'g' (sigs.k8s.io/yaml names float mapping keys with it at 32 bits, go-yaml prints floats with it
/// at 64 bits) and 'f' (encoding/json's layout for whole numbers, which kubectl prints through).
enum GoFloatFormat {
  /// 'g': the shortest round-tripping digits, in exponent form (`1e+06`) when the exponent is below
  /// -4 or at least 6; "+Inf", "-Inf" and "NaN" as Go spells them.
  static func shortest(_ value: Double, float32: Bool) -> String {
    guard let (negative, digits, point) = decompose(value, float32: float32) else {
      return value.isNaN ? "NaN" : value < 0 ? "-Inf" : "+Inf"
    }
    let sign = negative ? "-" : ""
    guard !digits.isEmpty else { return sign + "0" }
    let exponent = point - 1
    if exponent < -4 || exponent >= 6 {
      var text = sign + String(digits[0])
      if digits.count > 1 { text += "." + String(digits[1...]) }
      let magnitude = abs(exponent)
      return text + (exponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
    }
    return sign + fixed(digits, point: point)
  }

  /// 'f' at 64 bits: the shortest digits, padded with zeros, never in exponent form.
  static func shortestFixed(_ value: Double) -> String? {
    guard let (negative, digits, point) = decompose(value, float32: false) else { return nil }
    guard !digits.isEmpty else { return negative ? "-0" : "0" }
    return (negative ? "-" : "") + fixed(digits, point: point)
  }

  private static func fixed(_ digits: [Character], point: Int) -> String {
    if point <= 0 { return "0." + String(repeating: "0", count: -point) + String(digits) }
    if point >= digits.count { return String(digits) + String(repeating: "0", count: point - digits.count) }
    return String(digits[..<point]) + "." + String(digits[point...])
  }

  /// The sign, significant digits and decimal point position (digits × 10^(point - count)) of a
  /// finite value; Swift's description already holds the shortest round-tripping digits.
  private static func decompose(_ value: Double, float32: Bool) -> (Bool, [Character], Int)? {
    let description: String
    if float32 {
      let narrowed = Float(value)
      guard narrowed.isFinite else { return nil }
      description = narrowed.description
    } else {
      guard value.isFinite else { return nil }
      description = value.description
    }
    let negative = description.hasPrefix("-")
    let unsigned = negative ? description.dropFirst() : Substring(description)
    let parts = unsigned.split(separator: "e", maxSplits: 1)
    let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
    let mantissa = parts.first ?? ""
    let integerPart = mantissa.prefix(while: { $0 != "." })
    var digits = Array(integerPart + mantissa.dropFirst(integerPart.count + 1))
    var point = integerPart.count + exponent
    while digits.first == "0" {
      digits.removeFirst()
      point -= 1
    }
    while digits.last == "0" { digits.removeLast() }
    return (negative, digits, point)
  }
}
