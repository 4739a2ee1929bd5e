namespace RcmlEngine.Webhooks;

/// <summary>
/// Twilio's error codes for what can go wrong talking to an application, so logs and debugger
/// notifications read like Twilio's (Twilio error and warning dictionary, 11xxx and 12300).
/// </summary>
internal enum WebhookErrorCode
{
    /// <summary>11100: the URL is not an absolute http or https URL.</summary>
    InvalidUrlFormat = 11100,

    /// <summary>11200: the application answered, but not with a usable document (4xx, 5xx...).</summary>
    HttpRetrievalFailure = 11200,

    /// <summary>11205: no TCP connection, the connection dropped, or no response in time.</summary>
    HttpConnectionFailure = 11205,

    /// <summary>11206: the response was not valid HTTP.</summary>
    HttpProtocolViolation = 11206,

    /// <summary>11210: the host name does not resolve.</summary>
    HttpBadHostName = 11210,

    /// <summary>11215: more redirects than allowed.</summary>
    HttpTooManyRedirects = 11215,

    /// <summary>11220: the TLS handshake failed (certificate, protocol).</summary>
    SslHandshakeError = 11220,

    /// <summary>11750: the response body is larger than the configured cap (64 KiB by default).</summary>
    ResponseBodyTooLarge = 11750,

    /// <summary>12300: the response's Content-Type is not one the caller accepts.</summary>
    InvalidContentType = 12300,
}
