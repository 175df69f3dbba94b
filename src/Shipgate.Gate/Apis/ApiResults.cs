using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Shipgate.Gate.Services;

namespace Shipgate.Gate.Apis;

internal static class ApiResults
{
    /// <summary>A value as 200, or its refusal as ProblemDetails (400, 403, 404, 409, 503).</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToHttp<T>(this Outcome<T> outcome) =>
        outcome.Error is { } error ? Problem(error) : TypedResults.Ok(outcome.Value!);

    public static ProblemHttpResult Problem(GateError error) => TypedResults.Problem(
        detail: error.Detail,
        title: error.Title,
        statusCode: error.Kind switch
        {
            GateErrorKind.Invalid => StatusCodes.Status400BadRequest,
            GateErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            GateErrorKind.NotFound => StatusCodes.Status404NotFound,
            GateErrorKind.Conflict => StatusCodes.Status409Conflict,
            GateErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        });
}
