/// One step of a parsed template, mirroring the node kinds of client-go's jsonpath parser.
indirect enum JSONPathNode: Equatable, Sendable {
  /// A `{...}` action, or one alternative of a union: steps applied in sequence.
  case list([JSONPathNode])
  /// Literal text, outside actions or quoted inside one.
  case text(String)
  /// `.name`: a key of an object.
  case field(String)
  /// `.*`: every member of an object or element of an array.
  case wildcard
  /// `..`: the value and everything below it.
  case recursive
  /// `[start:end:step]`, `[index]` or `[*]`.
  case slice(JSONPathSlice)
  /// `[a,b]`: the results of each alternative, concatenated.
  case union([JSONPathNode])
  /// `[?(left op right)]`; `[?(left)]` is an existence test, with `op` "exists" and an empty `right`.
  case filter(left: JSONPathNode, op: String, right: JSONPathNode)
  case int(Int)
  case float(Double)
  case bool(Bool)
  /// `range`, `end`, or an unknown word (an error only when evaluated, as in kubectl).
  case identifier(String)

}

/// The bounds of an array selection. A bare index `[i]` is stored as `i:i+1` with `endIsDerived` set,
/// because kubectl treats a derived end of 0 (`[-1]`) as "up to the length".
struct JSONPathSlice: Equatable, Sendable {
  var start: Int?
  var end: Int?
  var endIsDerived = false
  var step: Int?
}
