import KubeModel

/// Strategic merge patch, the body of `application/strategic-merge-patch+json` requests (kubectl
/// apply, edit, patch, and the Python client's dict bodies), with the semantics of apimachinery's
/// strategicpatch package for built-in types:
/// - maps merge key by key; `null` deletes a key;
/// - lists whose field has the `merge` strategy merge element by element on the field's merge key
///   (lists of primitives become a set union); other lists are replaced;
/// - directives: `$patch: replace|delete` on a map, `$patch: replace|delete` elements in a merged
///   list, `$retainKeys`, `$setElementOrder/<list>` and `$deleteFromPrimitiveList/<list>`.
/// The result never contains a directive. Kinds without a schema merge like a JSON merge patch
/// (lists replaced), still honouring directives.
public struct StrategicMergePatch: Sendable {

  public var schema: APISchema

  public init(schema: APISchema = .builtIn) {
    self.schema = schema
  }

  /// Applies `patch` to `original`, an object of `kind` in `apiVersion`.
  public func apply(_ patch: JSON, to original: JSON, apiVersion: String, kind: String) throws -> JSON {
    let shape = schema.type(apiVersion: apiVersion, kind: kind).map { FieldShape.type($0.name) }
    return try apply(patch, to: original, shape: shape)
  }

  /// Applies `patch` to `original` whose shape is `shape` (nil when unknown).
  public func apply(_ patch: JSON, to original: JSON, shape: FieldShape?) throws -> JSON {
    guard case .object(let patchMembers) = patch else {
      throw PatchError("json: cannot unmarshal \(patch.typeName) into Go value of type map[string]interface {}")
    }
    return .object(try mergeObject(original.objectValue ?? [:], patchMembers, shape: shape))
  }

  // MARK: Maps

  func mergeObject(_ original: JSONObject, _ patch: JSONObject, shape: FieldShape?) throws -> JSONObject {
    var patch = patch
    if let directive = patch[Directive.patch] {
      switch directive.stringValue {
      case Directive.replace:
        patch.removeValue(forKey: Directive.patch)
        return try mergeObject([:], patch, shape: shape)
      case Directive.delete:
        return [:]
      default:
        throw PatchError(
          "unknown patch type: \(directive.stringValue ?? directive.serialized()) in map: \(JSON.object(patch).serialized())",
          statusCode: 500)
      }
    }
    var original = original
    try applyRetainKeys(to: &original, patch: &patch)
    try applyElementOrders(to: &original, patch: &patch, shape: shape)

    for (patchKey, patchValue) in patch {
      var key = patchKey
      let isDeleteList = patchKey.hasPrefix(Directive.deleteFromPrimitiveList)
      if isDeleteList {
        key = try Directive.listName(in: patchKey, prefix: Directive.deleteFromPrimitiveList)
      }
      if patchValue.isNull {
        original.removeValue(forKey: key)
        continue
      }
      let field = field(key, of: shape)
      switch (original[key], patchValue) {
      case (nil, _):
        // A list of deletions for a list that does not exist deletes nothing.
        if !isDeleteList { original[key] = try cleaned(patchValue, shape: field?.shape) }
      case (.object(let originalMembers)?, .object(let patchMembers)):
        original[key] =
          field?.replacesMap == true
          ? try cleaned(patchValue, shape: field?.shape)
          : .object(try mergeObject(originalMembers, patchMembers, shape: field?.shape))
      case (.array(let originalItems)?, .array(let patchItems)):
        original[key] = .array(try mergeList(originalItems, patchItems, field: field, isDeleteList: isDeleteList))
      default:
        if !isDeleteList { original[key] = try cleaned(patchValue, shape: field?.shape) }
      }
    }
    return original
  }

  /// `$retainKeys`: keys of the original not in the list are cleared; the patch may only set
  /// keys that are in the list.
  private func applyRetainKeys(to original: inout JSONObject, patch: inout JSONObject) throws {
    guard let retain = patch.removeValue(forKey: Directive.retainKeys) else { return }
    guard let retainList = retain.arrayValue else { throw PatchError("invalid patch format of retainKeys") }
    let retained = Set(retainList.compactMap(\.stringValue))
    for (key, value) in patch where !value.isNull && !Directive.isListDirective(key) && !retained.contains(key) {
      throw PatchError("invalid patch format of retainKeys")
    }
    original = original.filter { retained.contains($0.key) }
  }

  /// `$setElementOrder/<list>`: merges `<list>` (if patched) and puts its elements in the given
  /// order, keeping elements the order does not name where the live list had them.
  private func applyElementOrders(to original: inout JSONObject, patch: inout JSONObject, shape: FieldShape?) throws {
    for directiveKey in patch.keys where directiveKey.hasPrefix(Directive.setElementOrder) {
      guard let orderValue = patch.removeValue(forKey: directiveKey) else { continue }
      let listKey = try Directive.listName(in: directiveKey, prefix: Directive.setElementOrder)
      guard let order = orderValue.arrayValue else {
        throw PatchError("invalid patch format of setElementOrder list")
      }
      let field = field(listKey, of: shape)
      let mergeKey = field?.mergeKey
      let originalList = try listValue(original[listKey], named: listKey)
      let patchList = try listValue(patch[listKey], named: listKey)
      try validate(patchList ?? [], against: order, mergeKey: mergeKey)

      let merged: [JSON]
      switch (originalList, patchList) {
      case (nil, nil):
        continue
      case (let live?, nil):
        merged = live
      case (nil, let patched?):
        merged = try cleanedList(patched, elementShape: field?.shape.listElement)
      case (let live?, let patched?):
        merged = try mergeList(live, patched, field: field, isDeleteList: false)
      }
      let result = JSON.array(
        try ordered(merged, by: order, serverOrder: originalList ?? [], mergeKey: merged.isObjectList ? mergeKey : nil))
      if originalList == nil {
        // A new list stays a patch value, so that it lands in the patch's key order.
        patch[listKey] = result
      } else {
        original[listKey] = result
        patch.removeValue(forKey: listKey)
      }
    }
  }

  private func listValue(_ value: JSON?, named key: String) throws -> [JSON]? {
    guard let value else { return nil }
    guard let items = value.arrayValue else {
      throw PatchError("expected a []interface {}, but received a \(value.typeName) for \(key)", statusCode: 500)
    }
    return items
  }

  /// The patch list must name its elements in the relative order of the `$setElementOrder` list
  /// and only elements that list names (deletions excepted).
  private func validate(_ patchList: [JSON], against order: [JSON], mergeKey: String?) throws {
    guard !order.isEmpty, !patchList.isEmpty else { return }
    let candidates = patchList.filter { !$0.hasDirective }
    var patchIndex = 0
    for orderItem in order where patchIndex < candidates.count {
      if try identity(of: candidates[patchIndex], mergeKey: mergeKey).isSemanticallyEqual(
        to: try identity(of: orderItem, mergeKey: mergeKey))
      {
        patchIndex += 1
      }
    }
    if patchIndex < candidates.count {
      throw PatchError(
        "The order in patch list:\n\(JSON.array(patchList).serialized())\n doesn't match \(Directive.setElementOrder) list:\n\(JSON.array(order).serialized())\n"
      )
    }
  }

  // MARK: Lists

  func mergeList(_ original: [JSON], _ patch: [JSON], field: SchemaField?, isDeleteList: Bool) throws -> [JSON] {
    let elementShape = field?.shape.listElement
    guard field?.mergesList == true || isDeleteList else {
      return try cleanedList(patch, elementShape: elementShape)
    }
    if original.isEmpty && patch.isEmpty { return original }
    let all = original + patch
    if all.contains(where: { $0.arrayValue != nil }) {
      throw PatchError("lists of lists are not supported", statusCode: 422)
    }
    let objectCount = all.count { $0.objectValue != nil }
    guard objectCount == 0 || objectCount == all.count else {
      throw PatchError("list element types are not identical: \(JSON.array(all).serialized())", statusCode: 500)
    }

    guard objectCount > 0 else {
      if isDeleteList {
        return original.filter { item in !patch.contains { $0.isSemanticallyEqual(to: item) } }
      }
      let union = all.reduce(into: [JSON]()) { union, item in
        if !union.contains(where: { $0.isSemanticallyEqual(to: item) }) { union.append(item) }
      }
      return try ordered(union, by: patch, serverOrder: original, mergeKey: nil)
    }

    guard let mergeKey = field?.mergeKey else {
      throw PatchError(
        "cannot merge lists without merge key for \(elementShape?.typeName ?? "an unknown type")", statusCode: 500)
    }
    let (live, patchElements, replaces) = try applyElementDirectives(original, patch, mergeKey: mergeKey)
    if replaces { return try cleanedList(patchElements, elementShape: elementShape) }
    var merged = live
    for element in patchElements {
      let key = try identity(of: element, mergeKey: mergeKey)
      if let index = try merged.firstIndex(where: {
        try identity(of: $0, mergeKey: mergeKey).isSemanticallyEqual(to: key)
      }),
        let liveMembers = merged[index].objectValue, let patchMembers = element.objectValue
      {
        merged[index] = .object(try mergeObject(liveMembers, patchMembers, shape: elementShape))
      } else if let element = try cleaned(element, shape: elementShape) {
        merged.append(element)
      }
    }
    return try ordered(merged, by: patchElements, serverOrder: live, mergeKey: mergeKey)
  }

  /// Handles `$patch` elements of a merged list of objects: `delete` removes the elements with the
  /// same merge key, `replace` makes the rest of the patch list the whole list. Returns the live
  /// list, the patch elements left to merge, and whether they replace the live list.
  private func applyElementDirectives(
    _ original: [JSON], _ patch: [JSON], mergeKey: String
  ) throws -> (live: [JSON], remaining: [JSON], replaces: Bool) {
    var live = original
    var remaining: [JSON] = []
    var replaces = false
    for element in patch {
      guard let directive = element[Directive.patch] else {
        remaining.append(element)
        continue
      }
      switch directive.stringValue {
      case Directive.delete:
        let key = try identity(of: element, mergeKey: mergeKey)
        live.removeAll { ($0[mergeKey]).map { $0.isSemanticallyEqual(to: key) } ?? false }
      case Directive.replace:
        replaces = true
      case Directive.merge:
        throw PatchError("merging lists cannot yet be specified in the patch", statusCode: 500)
      default:
        throw PatchError(
          "unknown patch type: \(directive.stringValue ?? directive.serialized()) in map: \(element.serialized())",
          statusCode: 500)
      }
    }
    return (live, remaining, replaces)
  }

  // MARK: Values new to the original

  /// A patch value that lands where the original has nothing (or something of another type):
  /// nulls dropped and directives applied as if merged into nothing; nil when the value is
  /// itself a `$patch` directive, which apimachinery drops.
  private func cleaned(_ value: JSON, shape: FieldShape?) throws -> JSON? {
    switch value {
    case .object(let members):
      if members[Directive.patch] != nil { return nil }
      return .object(try mergeObject([:], members, shape: shape))
    case .array(let items):
      return .array(try cleanedList(items, elementShape: shape?.listElement))
    default:
      return value
    }
  }

  private func cleanedList(_ items: [JSON], elementShape: FieldShape?) throws -> [JSON] {
    try items.compactMap { try cleaned($0, shape: elementShape) }
  }

  // MARK: Schema

  /// The schema of member `key` of a map of shape `shape`: a declared field of a type, or the
  /// element of a map. Nil when unknown, which merges like a JSON merge patch.
  private func field(_ key: String, of shape: FieldShape?) -> SchemaField? {
    switch shape {
    case .type(let name)?: return schema.type(named: name)?.fields[key]
    case .map(let element)?: return SchemaField(shape: element)
    default: return nil
    }
  }
}

/// The reserved keys of strategic merge patch.
enum Directive {
  static let patch = "$patch"
  static let replace = "replace"
  static let delete = "delete"
  static let merge = "merge"
  static let retainKeys = "$retainKeys"
  static let setElementOrder = "$setElementOrder"
  static let deleteFromPrimitiveList = "$deleteFromPrimitiveList"

  static func isListDirective(_ key: String) -> Bool {
    key.hasPrefix(setElementOrder) || key.hasPrefix(deleteFromPrimitiveList)
  }

  /// The list a `$prefix/<list>` key is about.
  static func listName(in key: String, prefix: String) throws -> String {
    let parts = key.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0] == prefix else {
      throw PatchError(
        prefix == setElementOrder
          ? "invalid patch format of setElementOrder list" : "invalid patch format of primitive list")
    }
    return String(parts[1])
  }
}

extension JSON {
  fileprivate var hasDirective: Bool { self[Directive.patch] != nil }
}

extension [JSON] {
  fileprivate var isObjectList: Bool { first?.objectValue != nil }
}

extension FieldShape {
  /// The element shape of a list shape.
  var listElement: FieldShape? {
    if case .list(let element) = self { return element }
    return nil
  }

  /// The name of the type of a type shape, for messages.
  var typeName: String? {
    if case .type(let name) = self { return name }
    return nil
  }
}
