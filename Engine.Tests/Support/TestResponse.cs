namespace RcmlEngine.Tests.Support;

/// <summary>What <see cref="TestWebApp"/> answers to one request.</summary>
internal sealed record TestResponse
{
    /// <summary>HTTP status. Default 200.</summary>
    public int StatusCode { get; init; } = 200;

    /// <summary><c>Content-Type</c>; none when null.</summary>
    public string? ContentType { get; init; }

    /// <summary>The body (UTF-8); empty sends <c>Content-Length: 0</c>.</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>A binary body (audio); when set it is sent instead of <see cref="Body"/>.</summary>
    public byte[]? Bytes { get; init; }

    /// <summary>Wait this long before answering (on top of the route's delay).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Close the connection without any response ("nothing received").</summary>
    public bool Abort { get; init; }

    /// <summary>Send the body chunked, without <c>Content-Length</c>.</summary>
    public bool Chunked { get; init; }

    /// <summary>Extra response headers (<c>Location</c>...).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>200 with <c>text/xml</c>.</summary>
    public static TestResponse Xml(string xml) => new() { ContentType = "text/xml; charset=utf-8", Body = xml };

    /// <summary>200 with a binary body of <paramref name="contentType"/> (a WAV file...).</summary>
    public static TestResponse File(byte[] bytes, string contentType) => new() { ContentType = contentType, Bytes = bytes };

    /// <summary>A status with an optional text body.</summary>
    public static TestResponse Status(int statusCode, string body = "") =>
        new() { StatusCode = statusCode, Body = body, ContentType = body.Length > 0 ? "text/plain" : null };

    /// <summary>The connection is closed before any response.</summary>
    public static TestResponse Dropped { get; } = new() { Abort = true };

    /// <summary>A redirect to <paramref name="location"/>.</summary>
    public static TestResponse Redirect(string location, int statusCode = 302) =>
        new() { StatusCode = statusCode, Headers = new Dictionary<string, string> { ["Location"] = location } };
}
