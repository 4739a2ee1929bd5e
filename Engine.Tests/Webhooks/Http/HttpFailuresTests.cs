using System.Net.Sockets;
using System.Security.Authentication;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Http;

namespace RcmlEngine.Tests.Webhooks.Http;

[TestFixture]
public sealed class HttpFailuresTests
{
    private static readonly Uri Url = new("https://app.example.com:8443/voice?From=%2B1415");

    [Test]
    public void Classify_NameResolution_Is11210() =>
        HttpFailures.Classify(new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"), Url)
            .Code.Should().Be(WebhookErrorCode.HttpBadHostName);

    [Test]
    public void Classify_TlsFailure_Is11220() =>
        HttpFailures.Classify(new HttpRequestException(HttpRequestError.SecureConnectionError, "ssl", new AuthenticationException("bad cert")), Url)
            .Code.Should().Be(WebhookErrorCode.SslHandshakeError);

    [Test]
    public void Classify_InvalidResponse_Is11206() =>
        HttpFailures.Classify(new HttpRequestException(HttpRequestError.InvalidResponse, "garbage"), Url)
            .Code.Should().Be(WebhookErrorCode.HttpProtocolViolation);

    [Test]
    public void Classify_ConnectTimeout_Is11205() =>
        HttpFailures.Classify(new TaskCanceledException("connect", new TimeoutException()), Url)
            .Code.Should().Be(WebhookErrorCode.HttpConnectionFailure);

    [Test]
    public void Classify_Refused_Is11205AndMessageHasNoQuery()
    {
        var error = HttpFailures.Classify(new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException(111)), Url);

        error.Code.Should().Be(WebhookErrorCode.HttpConnectionFailure);
        error.Message.Should().Contain("app.example.com:8443").And.NotContain("From");
    }

    [Test]
    public void NothingReceived_OnlyForFailuresBeforeAnyResponse()
    {
        HttpFailures.NothingReceived(new HttpRequestException(HttpRequestError.ConnectionError, "refused")).Should().BeTrue();
        HttpFailures.NothingReceived(new HttpRequestException(HttpRequestError.ResponseEnded, "eof")).Should().BeTrue();
        HttpFailures.NothingReceived(new TaskCanceledException("connect", new TimeoutException())).Should().BeTrue();
        HttpFailures.NothingReceived(new HttpRequestException(HttpRequestError.NameResolutionError, "nx")).Should().BeFalse();
        HttpFailures.NothingReceived(new HttpRequestException(HttpRequestError.SecureConnectionError, "tls")).Should().BeFalse();
        HttpFailures.NothingReceived(new TaskCanceledException("caller")).Should().BeFalse();
    }

    [Test]
    public void SafeUrl_DropsQueryAndUserInfo() =>
        SafeUrl.Of(new Uri("https://user:secret@app.example.com/voice?From=%2B14158675309")).Should().Be("https://app.example.com/voice");
}
