using Microsoft.AspNetCore.Http;

namespace Readout.Server;

/// <summary>The one shape of every 4xx/5xx answer of the API: <c>{"error": {...}}</c>.</summary>
public sealed record ErrorBody(ErrorDetail Error);

/// <summary>
/// <paramref name="Code"/> is a Readout error number (README, "Errors"); <paramref name="Parameter"/>
/// names the query parameter or route value at fault, when one is.
/// </summary>
public sealed record ErrorDetail(int Status, string Code, string Message, string? Parameter = null);

/// <summary>A request the server refuses, with its status, Readout error code and what to do about it.</summary>
public sealed class ApiProblem(int status, string code, string message, string? parameter = null) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string? Parameter { get; } = parameter;

    public ErrorBody ToBody() => new(new ErrorDetail(Status, Code, Message, Parameter));

    public static ApiProblem BadRequest(string parameter, string message) =>
        new(StatusCodes.Status400BadRequest, Documents.ErrorCodes.BadRequest, message, parameter);

    public static ApiProblem NotFound(string what) =>
        new(StatusCodes.Status404NotFound, Documents.ErrorCodes.NoSuchResource, what);
}
