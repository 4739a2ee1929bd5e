using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transactions;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Sip.Transactions;

/// <summary>A transaction layer on a fake clock and a real 127.0.0.1 socket, with a UDP peer and a recording TU.</summary>
internal sealed class TransactionHarness : ISipTransactionUser, IAsyncDisposable
{
    public TransactionHarness()
    {
        Transport = new SipTransportLayer(
            new SipTransportOptions { Listen = [SipListenOptions.Udp("127.0.0.1", 0), SipListenOptions.Tcp("127.0.0.1", 0)] },
            Time, NullLoggerFactory.Instance, new Rfc3263Resolver(new FakeDnsLookup()));
        Queue = new SipTimerQueue(Time);
        Layer = new SipTransactionLayer(Transport, Queue, SipTimers.Default, NullLoggerFactory.Instance) { User = this };
        Transport.Start(Layer.Handle);
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public SipTransportLayer Transport { get; }

    public SipTimerQueue Queue { get; }

    public SipTransactionLayer Layer { get; }

    public UdpPeer Peer { get; } = new();

    public IPEndPoint LocalUdp => Transport.Transports.First(t => t.Kind == SipTransportKind.Udp).LocalEndPoint;

    public ConcurrentQueue<SipServerTransaction> Requests { get; } = new();

    public ConcurrentQueue<SipRequest> Acks { get; } = new();

    public Action<SipServerTransaction>? OnNewRequest { get; set; }

    public SipDestination PeerDestination => new(SipTransportKind.Udp, Peer.EndPoint);

    public static SipRequest NewRequest(string method, long cseq = 1)
    {
        var request = new SipRequest(method, SipUri.Create("bob", "127.0.0.1"));
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, "<sip:alice@127.0.0.1>;tag=a1");
        request.Headers.Add(SipHeaderNames.To, "<sip:bob@127.0.0.1>");
        request.Headers.Add(SipHeaderNames.CallId, "call-" + Guid.NewGuid().ToString("N"));
        request.Headers.Add(SipHeaderNames.CSeq, $"{cseq} {method}");
        return request;
    }

    /// <summary>A request as a peer would send it to us, with its own Via.</summary>
    public SipRequest PeerRequest(string method, string branch = "z9hG4bK-peer-1")
    {
        var request = NewRequest(method);
        request.Headers.AddFirst(SipHeaderNames.Via, $"SIP/2.0/UDP 127.0.0.1:{Peer.EndPoint.Port};branch={branch}");
        return request;
    }

    /// <summary>Advances the fake clock in small steps so each timer fires at its own time.</summary>
    public void Advance(TimeSpan by)
    {
        var step = TimeSpan.FromMilliseconds(50);
        for (var t = TimeSpan.Zero; t < by; t += step)
        {
            Time.Advance(step);
        }
    }

    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }

        condition().Should().BeTrue("the condition should come true within two seconds");
    }

    public void OnRequest(SipServerTransaction transaction)
    {
        Requests.Enqueue(transaction);
        OnNewRequest?.Invoke(transaction);
    }

    public void OnCancel(SipServerTransaction cancel, SipInviteServerTransaction? invite) => Requests.Enqueue(cancel);

    public void OnAck(SipRequest ack, SipRemote source) => Acks.Enqueue(ack);

    public void OnStrayResponse(SipResponse response, SipRemote source)
    {
    }

    public async ValueTask DisposeAsync()
    {
        await Transport.DisposeAsync();
        Queue.Dispose();
        Peer.Dispose();
    }
}
