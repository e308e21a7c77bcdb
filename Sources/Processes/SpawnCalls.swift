import Foundation

/// The posix_spawn extensions Swift's Glibc module leaves out (glibc declares them only under
/// _GNU_SOURCE), taken from the C library itself with their C signatures.
struct SpawnCalls: Sendable {
  typealias Actions = UnsafeMutablePointer<posix_spawn_file_actions_t>

  /// glibc's POSIX_SPAWN_SETSID (spawn.h): the child calls setsid() before its file actions.
  static let setSessionFlag: Int32 = 0x80

  let addChangeDirectory: @convention(c) (Actions?, UnsafePointer<CChar>?) -> Int32
  let addCloseFrom: @convention(c) (Actions?, Int32) -> Int32

  /// nil on a C library older than glibc 2.34, which has neither call.
  static let shared: SpawnCalls? = {
    let library = dlopen(nil, RTLD_NOW)
    func look<Function>(_ name: String, _ type: Function.Type) -> Function? {
      dlsym(library, name).map { unsafeBitCast($0, to: type) }
    }
    guard
      let addChangeDirectory = look(
        "posix_spawn_file_actions_addchdir_np", (@convention(c) (Actions?, UnsafePointer<CChar>?) -> Int32).self),
      let addCloseFrom = look(
        "posix_spawn_file_actions_addclosefrom_np", (@convention(c) (Actions?, Int32) -> Int32).self)
    else { return nil }
    return SpawnCalls(addChangeDirectory: addChangeDirectory, addCloseFrom: addCloseFrom)
  }()
}
