using System.Net;
using Microsoft.Extensions.Logging;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Sip.UserAgent;

/// <summary>Issue 12, item 10: what a hostile peer can make the SIP layers log.</summary>
[TestFixture]
public sealed class SipStackLoggingTests
{
    [Test]
    [CancelAfter(10000)]
    public async Task BadMessage_HeaderNameWithEscAndCr_LoggedEscaped(CancellationToken cancellationToken)
    {
        using var logs = new CapturingLoggerProvider();
        await using var stack = Start(logs);
        using var peer = new UdpPeer();

        var message = "OPTIONS sip:rcml@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-esc\r\n" +
            "X-Evil\u001b[2J\u001b[31m\rFAKE: 1\r\nMax-Forwards: 70\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:rcml@127.0.0.1>\r\n" +
            "Call-ID: esc-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        await peer.SendAsync(message, stack.EndPoint(SipTransportKind.Udp));
        await WaitForAsync(() => logs.Lines.Any(l => l.Message.Contains("esc", StringComparison.Ordinal) || l.Message.Contains("X-Evil", StringComparison.Ordinal)), cancellationToken);

        var written = logs.Lines.Where(l => l.Level >= LogLevel.Information).Select(l => l.Message).ToList();
        written.Should().Contain(l => l.Contains("\\x1B", StringComparison.Ordinal), "the bad header is reported, escaped");
        written.Should().NotContain(l => l.Any(c => char.IsControl(c)), "no control character from the peer reaches the log");
    }

    [Test]
    [CancelAfter(10000)]
    public async Task BadMessages_ThousandFromOneSource_FewLinesAndASuppressionNotice(CancellationToken cancellationToken)
    {
        using var logs = new CapturingLoggerProvider();
        await using var stack = Start(logs);
        using var peer = new UdpPeer(IPAddress.Parse("127.0.0.2"));
        var target = stack.EndPoint(SipTransportKind.Udp);

        for (var i = 0; i < 1000; i++)
        {
            await peer.SendAsync($"GARBAGE {i}\r\n\r\n", target);
        }

        await WaitForAsync(() => stack.Transport.RejectedCount >= 1000, cancellationToken);

        var lines = logs.Lines.Where(l => l.Level >= LogLevel.Information && l.Message.Contains("127.0.0.2", StringComparison.Ordinal)).Select(l => l.Message).ToList();
        lines.Should().HaveCountLessThanOrEqualTo(21, "20 lines a minute per source, then one notice: " + string.Join('\n', lines.Take(30)));
        lines.Should().ContainSingle(l => l.Contains("suppressed", StringComparison.Ordinal) && l.Contains("127.0.0.2", StringComparison.Ordinal));
    }

    private static SipStack Start(CapturingLoggerProvider logs)
    {
        var options = new SipStackOptions
        {
            Transport = new SipTransportOptions
            {
                Listen = [SipListenOptions.Udp("127.0.0.1", 0), SipListenOptions.Tcp("127.0.0.1", 0)],
            },
            Timers = SipTestStacks.FastTimers,
            Resolver = new Rfc3263Resolver(new FakeDnsLookup()),
        };
        return SipStack.Start(options, TimeProvider.System, logs.CreateFactory());
    }

    private static async Task WaitForAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(10, cancellationToken);
        }
    }
}
