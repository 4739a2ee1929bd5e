using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Sip.Transactions;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Tests.Support;

/// <summary>SIP stacks bound to 127.0.0.1 on free ports, for tests.</summary>
internal static class SipTestStacks
{
    /// <summary>Short timers so that retransmission and timeout paths finish quickly on real sockets.</summary>
    public static readonly SipTimers FastTimers = new() { T1 = TimeSpan.FromMilliseconds(100), T2 = TimeSpan.FromMilliseconds(400), T4 = TimeSpan.FromMilliseconds(500) };

    public static SipStack Start(TimeProvider? time = null, Func<SipStackOptions, SipStackOptions>? configure = null, int udpPort = 0, int tcpPort = 0)
    {
        var options = new SipStackOptions
        {
            Transport = new SipTransportOptions
            {
                Listen = [SipListenOptions.Udp("127.0.0.1", udpPort), SipListenOptions.Tcp("127.0.0.1", tcpPort)],
            },
            Timers = FastTimers,
            Resolver = new Rfc3263Resolver(new FakeDnsLookup()),
        };
        return SipStack.Start(configure?.Invoke(options) ?? options, time ?? TimeProvider.System, NullLoggerFactory.Instance);
    }

    /// <summary>A stack whose UDP and TCP transports share one port, as a real deployment's do.</summary>
    public static SipStack StartOnSharedPort(TimeProvider? time = null, Func<SipStackOptions, SipStackOptions>? configure = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePorts.Pick();
            try
            {
                return Start(time, configure, port, port);
            }
            catch (System.Net.Sockets.SocketException) when (attempt < 20)
            {
            }
        }
    }

    public static System.Net.IPEndPoint EndPoint(this SipStack stack, SipTransportKind kind) =>
        stack.LocalEndPoints.First(e => e.Transport == kind).EndPoint;
}
