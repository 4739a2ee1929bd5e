using System.Text;

namespace RcmlEngine.Webhooks.Fetching;

/// <summary>
/// What a document fetch produced: the response (status, content type, body, final URL after redirects)
/// or a failure with a Twilio-like code. A 4xx/5xx response is a failure (11200) that still carries its
/// status and the start of its body, for the debugger.
/// </summary>
internal sealed record DocumentFetchResult
{
    /// <summary>The URL asked for.</summary>
    public required Uri RequestedUrl { get; init; }

    /// <summary>The URL that answered, after redirects; relative URLs in the document resolve against it.</summary>
    public Uri? FinalUrl { get; init; }

    /// <summary>The HTTP status, or null when no response arrived.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The media type of <c>Content-Type</c> (<c>text/xml</c>), without parameters.</summary>
    public string? ContentType { get; init; }

    /// <summary>The <c>charset</c> parameter of <c>Content-Type</c>, when given.</summary>
    public string? Charset { get; init; }

    /// <summary>The body, at most <see cref="DocumentFetchOptions.MaxBodyBytes"/> bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Why the fetch failed; null when it succeeded.</summary>
    public WebhookError? Error { get; init; }

    /// <summary>HTTP attempts made (more than one when nothing was received at first).</summary>
    public int Attempts { get; init; }

    /// <summary>From the first attempt to the end of the body.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>True when a 2xx document (of an accepted type) was read whole.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The body decoded with its charset (UTF-8 when none or unknown).</summary>
    public string BodyText => EncodingOf(Charset).GetString(Body.Span);

    private static Encoding EncodingOf(string? charset)
    {
        if (charset is null)
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }
}
