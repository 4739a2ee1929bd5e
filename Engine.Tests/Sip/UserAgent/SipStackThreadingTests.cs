using System.Text;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Sip.UserAgent;

/// <summary>
/// What the SIP receive loop must never do: run a call's work. A handler or a token callback that blocks
/// (as a busy call's teardown or first webhook may) must leave the stack answering everything else.
/// </summary>
[TestFixture(SipTransportKind.Udp)]
[TestFixture(SipTransportKind.Tcp)]
internal sealed class SipStackThreadingTests(SipTransportKind transport)
{
    private static readonly SipBody Offer = SipBody.Sdp(Encoding.ASCII.GetBytes("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n"));
    private static readonly SipBody Answer = SipBody.Sdp(Encoding.ASCII.GetBytes("v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n"));

    private SipStack _caller = null!;
    private SipStack _callee = null!;
    private ManualResetEventSlim _gate = null!;

    [SetUp]
    public void SetUp()
    {
        _caller = SipTestStacks.Start();
        _callee = SipTestStacks.Start();
        _gate = new ManualResetEventSlim();
    }

    [TearDown]
    public async Task TearDown()
    {
        _gate.Set();
        await _caller.DisposeAsync();
        await _callee.DisposeAsync();
        _gate.Dispose();
    }

    [Test]
    [CancelAfter(15000)]
    public async Task IncomingCallHandler_BlocksBeforeItsFirstAwait_OtherCallsAreStillAnswered(CancellationToken cancellationToken)
    {
        _callee.IncomingCallHandler = (call, ct) =>
        {
            if (call.RequestUri.User == "slow")
            {
                // Synchronous work before any await, as a handler's start may do.
                _gate.Wait(TimeSpan.FromSeconds(10), ct);
                return Task.CompletedTask;
            }

            return call.RejectAsync(486, cancellationToken: ct);
        };

        var slow = _caller.Dial(new SipDialOptions(CalleeUri("slow")) { Body = Offer }, cancellationToken);
        var fast = _caller.Dial(new SipDialOptions(CalleeUri("fast")) { Body = Offer }, cancellationToken);

        (await fast.Outcome.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken)).StatusCode.Should().Be(486, "the slow handler holds no SIP thread");
        slow.Outcome.IsCompleted.Should().BeFalse();
        _gate.Set();
        (await slow.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(480, "a handler that leaves the call unanswered");
    }

    [Test]
    [CancelAfter(15000)]
    public async Task CallCancelled_ACallbackBlocksWhenTheFarEndHangsUp_TheByeIsAnsweredAndOtherCallsGoOn(CancellationToken cancellationToken)
    {
        var answered = new TaskCompletionSource<SipIncomingCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        _callee.IncomingCallHandler = async (call, ct) =>
        {
            if (call.RequestUri.User == "fast")
            {
                await call.RejectAsync(486, cancellationToken: ct);
                return;
            }

            await call.AcceptAsync(Answer, [], ct);
            answered.TrySetResult(call);
        };
        var first = _caller.Dial(new SipDialOptions(CalleeUri("first")) { Body = Offer }, cancellationToken);
        (await first.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(200);
        var callee = await answered.Task.WaitAsync(cancellationToken);
        var callbackRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = callee.CallCancelled.Register(() =>
        {
            callbackRan.TrySetResult();
            _gate.Wait(TimeSpan.FromSeconds(10));
        });

        await first.HangUpAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        await callbackRan.Task.WaitAsync(cancellationToken);
        var second = _caller.Dial(new SipDialOptions(CalleeUri("fast")) { Body = Offer }, cancellationToken);

        (await second.Outcome.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken)).StatusCode.Should().Be(486, "the blocked callback holds no SIP thread");
        callee.CallCancelled.IsCancellationRequested.Should().BeTrue();

        // Disposing the registration waits for its running callback.
        _gate.Set();
    }

    private SipUri CalleeUri(string user) =>
        SipUri.Create(user, "127.0.0.1", _callee.EndPoint(transport).Port).WithParameter("transport", transport == SipTransportKind.Tcp ? "tcp" : "udp");
}
