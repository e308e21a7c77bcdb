import KubeModel

extension KubeClient {
  /// Lists one page. `namespace` nil uses the endpoint's namespace; `allNamespaces` spans all.
  /// The answer is the List object; its `metadata.continue` names the next page.
  public func list(
    _ resource: ResourceRef, namespace: String? = nil, allNamespaces: Bool = false, options: ListOptions = .init()
  ) async throws -> JSON {
    let namespace = allNamespaces ? nil : self.namespace(namespace, for: resource)
    return try await getJSON(
      path: PathEncoding.path(resource.path(namespace: namespace), query: options.queryItems(watch: false)))
  }

  /// Every page of a list, fetched as the sequence is iterated, `options.limit` items at a time.
  public func pages(
    _ resource: ResourceRef, namespace: String? = nil, allNamespaces: Bool = false, options: ListOptions = .init()
  ) -> ListPages {
    ListPages(client: self, resource: resource, namespace: namespace, allNamespaces: allNamespaces, options: options)
  }

  /// All items across pages, in order.
  public func listAll(
    _ resource: ResourceRef, namespace: String? = nil, allNamespaces: Bool = false, options: ListOptions = .init()
  ) async throws -> [JSON] {
    var items: [JSON] = []
    for try await page in pages(resource, namespace: namespace, allNamespaces: allNamespaces, options: options) {
      items += page["items"]?.arrayValue ?? []
    }
    return items
  }
}

/// The pages of a list, following `metadata.continue` until the server returns none.
public struct ListPages: AsyncSequence, Sendable {
  public typealias Element = JSON
  let client: KubeClient
  let resource: ResourceRef
  let namespace: String?
  let allNamespaces: Bool
  let options: ListOptions

  public struct AsyncIterator: AsyncIteratorProtocol {
    let pages: ListPages
    var nextOptions: ListOptions?

    public mutating func next() async throws -> JSON? {
      guard let options = nextOptions else { return nil }
      let page = try await pages.client.list(
        pages.resource, namespace: pages.namespace, allNamespaces: pages.allNamespaces, options: options)
      let token = page[path: ["metadata", "continue"]]?.stringValue ?? ""
      nextOptions =
        token.isEmpty
        ? nil
        : ListOptions(
          labelSelector: options.labelSelector, fieldSelector: options.fieldSelector, limit: options.limit,
          continueToken: token)
      return page
    }
  }

  public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(pages: self, nextOptions: options) }
}
