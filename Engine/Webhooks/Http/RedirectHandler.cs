using System.Net;

namespace RcmlEngine.Webhooks.Http;

/// <summary>
/// Follows HTTP redirects (301, 302, 303, 307, 308) itself, at most <paramref name="maxRedirects"/> of them,
/// so that what the application posted never leaves the host it was meant for: a request that started as
/// POST is only redirected within the same scheme, host and port (a 307 to another host would re-POST the
/// call's parameters there). 303, and 301/302 after POST, continue as GET without a body (RFC 9110 15.4).
/// A redirect not followed is returned as the 3xx it is; the callers report it (11215).
/// </summary>
internal sealed class RedirectHandler(int maxRedirects) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = request.RequestUri!;
        var wasPost = request.Method == HttpMethod.Post;
        var current = request;
        var response = await base.SendAsync(current, cancellationToken);
        for (var hops = 0; hops < maxRedirects; hops++)
        {
            var next = NextRequest(current, response, origin, wasPost);
            if (next is null)
            {
                break;
            }

            // Not disposed: a 307 hands the same (buffered) form content on to the next request.
            response.Dispose();
            current = next;
            response = await base.SendAsync(current, cancellationToken);
        }

        return response;
    }

    private static HttpRequestMessage? NextRequest(HttpRequestMessage current, HttpResponseMessage response, Uri origin, bool wasPost)
    {
        var status = response.StatusCode;
        if (status is not (HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect) || response.Headers.Location is not { } location)
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(current.RequestUri!, location);
        if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        if (wasPost && Uri.Compare(target, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return null;
        }

        var keepMethod = status is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
            || (status != HttpStatusCode.SeeOther && current.Method != HttpMethod.Post)
            || current.Method == HttpMethod.Head;
        var next = new HttpRequestMessage(keepMethod ? current.Method : HttpMethod.Get, target)
        {
            Content = keepMethod ? current.Content : null,
            Version = current.Version,
            VersionPolicy = current.VersionPolicy,
        };
        foreach (var header in current.Headers)
        {
            next.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return next;
    }
}
