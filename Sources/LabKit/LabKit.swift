/// LabKit: lab and grader definitions, their checks and answers, the runner and the sessions.
/// The lab-format work fills this module; see the labs-and-graders issue and docs/labs.md.
enum LabKit {}
