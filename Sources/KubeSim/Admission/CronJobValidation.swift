import Foundation
import KubeModel

/// CronJob checks the API server makes before the controller ever reads the object: a schedule
/// the cron parser accepts and a time zone it knows.
enum CronJobValidation {
  static func causes(_ cronJob: JSON) -> [FieldError] {
    var causes: [FieldError] = []
    let schedule = cronJob[path: ["spec", "schedule"]]?.stringValue ?? ""
    if schedule.isEmpty {
      causes.append(.required("spec.schedule"))
    } else {
      do {
        _ = try CronSchedule(parsing: schedule)
      } catch let error as CronSchedule.ParseError {
        causes.append(.invalid("spec.schedule", .string(schedule), error.message))
      } catch {
        causes.append(.invalid("spec.schedule", .string(schedule), "\(error)"))
      }
    }
    if let zone = cronJob[path: ["spec", "timeZone"]]?.stringValue, TimeZone(identifier: zone) == nil {
      causes.append(.invalid("spec.timeZone", .string(zone), "unknown time zone \(zone)"))
    }
    return causes
  }
}
