/// An error of an annotext module: its description is one complete line a person can act on
/// (`FILE:LINE:COLUMN: message`), which the command line prints as it is.
public protocol AnnotextError: Error, CustomStringConvertible {}
