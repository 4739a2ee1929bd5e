using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace RcmlEngine.Webhooks.Http;

/// <summary>
/// Classifies what went wrong on the wire into Twilio's codes, and tells whether anything at all was
/// received (only then may a document fetch be retried without the application seeing it twice).
/// </summary>
internal static class HttpFailures
{
    /// <summary>Statuses a proxy returns when the application never answered (RFC 9110 15.6.3-15.6.5).</summary>
    public static bool IsGatewayStatus(HttpStatusCode status) =>
        status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// True when the exception means no response came back: refused, reset or timed-out connection,
    /// or a connection closed before any response header.
    /// </summary>
    public static bool NothingReceived(Exception exception) => !IsBlocked(exception) && exception switch
    {
        HttpRequestException http => http.HttpRequestError is HttpRequestError.ConnectionError
            or HttpRequestError.ResponseEnded
            || (http.HttpRequestError == HttpRequestError.Unknown && http.InnerException is IOException or SocketException),
        // SocketsHttpHandler.ConnectTimeout surfaces as a cancellation wrapping a TimeoutException.
        OperationCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };

    /// <summary>The Twilio code and a message for an exception thrown while sending to <paramref name="url"/>.</summary>
    public static WebhookError Classify(Exception exception, Uri url)
    {
        var host = url.Authority;
        if (IsBlocked(exception))
        {
            return new(WebhookErrorCode.HttpConnectionFailure, $"connection to {host} refused: {Innermost(exception)}");
        }

        return exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } =>
                new(WebhookErrorCode.HttpBadHostName, $"host name {url.Host} does not resolve"),
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } or AuthenticationException =>
                new(WebhookErrorCode.SslHandshakeError, $"TLS handshake with {host} failed: {Innermost(exception)}"),
            HttpRequestException { HttpRequestError: HttpRequestError.HttpProtocolError or HttpRequestError.InvalidResponse } =>
                new(WebhookErrorCode.HttpProtocolViolation, $"invalid HTTP response from {host}: {Innermost(exception)}"),
            OperationCanceledException { InnerException: TimeoutException } =>
                new(WebhookErrorCode.HttpConnectionFailure, $"no TCP connection to {host} in time"),
            _ => new(WebhookErrorCode.HttpConnectionFailure, $"connection to {host} failed: {Innermost(exception)}"),
        };
    }

    /// <summary>The failure for a response that took longer than the allowed time.</summary>
    public static WebhookError Timeout(Uri url, TimeSpan timeout) =>
        new(WebhookErrorCode.HttpConnectionFailure, $"no complete response from {url.Authority} within {timeout.TotalSeconds:0.###} s");

    /// <summary>True when the request was refused by the address policy (never retried: it would be refused again).</summary>
    public static bool IsBlocked(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is BlockedAddressException)
            {
                return true;
            }
        }

        return false;
    }

    private static string Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception.Message;
    }
}
