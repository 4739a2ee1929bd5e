using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace RcmlEngine.Hosting;

/// <summary>
/// What the engine's own HTTP server accepts on its file routes (samples, recordings): GET and HEAD, and
/// POST where documents are fetched (Twilio-style applications POST); bodies of at most
/// <see cref="MaxBodyBytes"/> (never read: a document request's parameters are small). Every answer
/// carries <c>X-Content-Type-Options: nosniff</c>, so a browser takes each file as the type it is sent as.
/// </summary>
internal static class HttpRequestRules
{
    /// <summary>The largest request body accepted.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// Sets the common headers and checks the method (405 with Allow) and the body size (413). True when the
    /// request may be answered; false when it was already answered.
    /// </summary>
    public static bool Admit(HttpContext context, bool allowPost)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        var method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !(allowPost && HttpMethods.IsPost(method)))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = allowPost ? "GET, HEAD, POST" : "GET, HEAD";
            return false;
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            response.Headers.Connection = "close";
            return false;
        }

        // A chunked body is cut off by Kestrel at this size should anything read (or drain) it.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        return true;
    }
}
