using RcmlEngine.Webhooks.Signing;

namespace RcmlEngine.Webhooks.Http;

/// <summary>
/// Turns a <see cref="WebhookRequest"/> into the HTTP request the application receives: form body or
/// query string, <c>User-Agent</c>, and <c>X-Twilio-Signature</c> over the URL exactly as sent.
/// </summary>
internal static class WebhookRequestMessages
{
    private const UriComponents SentUrl = UriComponents.HttpRequestUrl;

    /// <summary>Builds the request, or explains (11100) why the URL cannot be used.</summary>
    public static HttpRequestMessage? TryCreate(WebhookRequest request, string userAgent, out WebhookError? error)
    {
        var url = request.Url;
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            error = new WebhookError(WebhookErrorCode.InvalidUrlFormat, $"not an absolute http(s) URL: {url.OriginalString}");
            return null;
        }

        error = null;
        HttpRequestMessage message;
        string signedUrl;
        if (request.Method == WebhookMethod.Get)
        {
            var target = url.GetComponents(SentUrl, UriFormat.UriEscaped);
            if (request.Parameters.Count > 0)
            {
                target += (url.Query.Length > 1 ? "&" : url.Query.Length == 1 ? string.Empty : "?") + FormEncoding.Encode(request.Parameters);
            }

            var sent = new Uri(target);
            signedUrl = sent.GetComponents(SentUrl, UriFormat.UriEscaped);
            message = new HttpRequestMessage(HttpMethod.Get, sent);
        }
        else
        {
            signedUrl = url.GetComponents(SentUrl, UriFormat.UriEscaped);
            message = new HttpRequestMessage(HttpMethod.Post, new Uri(signedUrl))
            {
                Content = new FormUrlEncodedContent(request.Parameters),
            };
        }

        message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (request.AuthToken is not null)
        {
            var parameters = request.Method == WebhookMethod.Post ? request.Parameters : null;
            message.Headers.TryAddWithoutValidation(TwilioSignature.HeaderName, TwilioSignature.Compute(request.AuthToken, signedUrl, parameters));
        }

        return message;
    }
}
