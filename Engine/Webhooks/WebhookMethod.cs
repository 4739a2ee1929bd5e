namespace RcmlEngine.Webhooks;

/// <summary>How a webhook's parameters travel: as a form body (POST) or in the query string (GET).</summary>
internal enum WebhookMethod
{
    /// <summary>Parameters form-encoded in the body (<c>application/x-www-form-urlencoded</c>).</summary>
    Post,

    /// <summary>Parameters appended to the URL's query string.</summary>
    Get,
}
