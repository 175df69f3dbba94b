namespace Shipgate.Gate.Services;

/// <summary>Why an operation was refused; the API turns it into a ProblemDetails response.</summary>
public enum GateErrorKind
{
    Invalid,
    Forbidden,
    NotFound,
    Conflict,
    Unavailable,
}

public sealed record GateError(GateErrorKind Kind, string Title, string Detail);

/// <summary>A value or the reason there is none.</summary>
public readonly record struct Outcome<T>(T? Value, GateError? Error)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(GateError error) => new(default, error);

    public Outcome<T> ToOutcome() => this;
}

internal static class Errors
{
    public static GateError Invalid(string detail) => new(GateErrorKind.Invalid, "Invalid request", detail);

    public static GateError Forbidden(string detail) => new(GateErrorKind.Forbidden, "Refused by policy", detail);

    public static GateError NotFound(string detail) => new(GateErrorKind.NotFound, "Not found", detail);

    public static GateError Conflict(string detail) => new(GateErrorKind.Conflict, "Conflict with the current state", detail);

    public static GateError Unavailable(string detail) => new(GateErrorKind.Unavailable, "Dependency unavailable", detail);
}
