/// Image references as containerd resolves them.
public enum ImageNames {
  /// The fully qualified reference: `nginx` → `docker.io/library/nginx:latest`.
  public static func qualified(_ image: String) -> String { ImageCatalog.Reference(image).qualified }
}

extension ImageNames {
  /// The fully qualified repository, without tag: `nginx:1.27` → `docker.io/library/nginx`.
  public static func repository(_ image: String) -> String {
    let qualified = ImageCatalog.Reference(image).qualified
    guard let colon = qualified.lastIndex(of: ":"), !qualified[colon...].contains("/") else { return qualified }
    return String(qualified[..<colon])
  }
}
