using System.Net;
using System.Text.Json;

namespace RcmlEngine.Cli.ApiCalls;

/// <summary>The engine's API refused a request: Twilio's error code and message, and the HTTP status.</summary>
internal sealed class ApiCallException : Exception
{
    public ApiCallException()
    {
    }

    public ApiCallException(string message)
        : base(message)
    {
    }

    public ApiCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private ApiCallException(string message, int? code, HttpStatusCode status)
        : base(message)
    {
        Code = code;
        Status = status;
    }

    /// <summary>Twilio's error code (20003, 21211...), when the answer carried one.</summary>
    public int? Code { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The error an answer of <paramref name="status"/> with <paramref name="body"/> reports (Twilio's error JSON, or not).</summary>
    public static ApiCallException Of(HttpStatusCode status, string body)
    {
        int? code = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                message = ApiCallState.Text(document.RootElement, "message");
                code = int.TryParse(ApiCallState.Text(document.RootElement, "code"), out var parsed) ? parsed : null;
            }
        }
        catch (JsonException)
        {
            // Not Twilio's error JSON (a proxy's page...): the status says it.
        }

        message ??= body.Length is > 0 and <= 200 ? body.Trim() : $"the API answered {(int)status} {status}";
        return new ApiCallException(message, code, status);
    }
}
