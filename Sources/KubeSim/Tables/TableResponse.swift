import Foundation
import KubeModel

/// The `meta.k8s.io/v1` Table the API server answers when kubectl asks for
/// `application/json;as=Table;v=v1;g=meta.k8s.io`.
public enum TableResponse {
  /// The Table of `objects` (full objects, as stored) of one resource, seen at `now`.
  ///
  /// Every row carries the object's metadata as a PartialObjectMetadata, which kubectl reads for the
  /// NAMESPACE column of `-A`, `--show-labels` and `-L`. Watch events after the first one leave the
  /// column definitions out (`includeColumnDefinitions: false`), as the real server does.
  public static func table(
    resource: String, group: String, objects: [JSON], resourceVersion: String, now: Date,
    includeColumnDefinitions: Bool = true
  ) -> JSON {
    let printer = TablePrinters.printer(resource: resource, group: group)
    let rows: [JSON] = objects.map { object in
      let row = printer.row(for: object, now: now)
      var json: JSONObject = ["cells": .array(row.cells)]
      if !row.conditions.isEmpty { json["conditions"] = .array(row.conditions) }
      json["object"] = [
        "kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
        "metadata": object["metadata"] ?? .object([:]),
      ]
      return .object(json)
    }
    return [
      "kind": "Table", "apiVersion": "meta.k8s.io/v1",
      "metadata": ["resourceVersion": .string(resourceVersion)],
      // The Go Table type has no omitempty here: left-out definitions are sent as null.
      "columnDefinitions": includeColumnDefinitions ? .array(printer.columns.map(\.json)) : .null,
      "rows": .array(rows),
    ]
  }
}
