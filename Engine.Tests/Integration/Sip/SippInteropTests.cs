using System.Globalization;
using System.Text;
using RcmlEngine.Sip.Auth;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Sip;

/// <summary>
/// The engine's SIP stack against SIPp 3.6, a real and strict peer, over UDP and over TCP on
/// 127.0.0.1: SIPp's built-in UAC calling the engine, and SIPp UAS scenarios (Assets/sipp) answering
/// the engine's calls.
/// </summary>
[TestFixture(SipTransportKind.Udp)]
[TestFixture(SipTransportKind.Tcp)]
[Category("Integration")]
[NonParallelizable]
internal sealed class SippInteropTests(SipTransportKind transport)
{
    private static readonly SipBody Offer = SipBody.Sdp(Encoding.ASCII.GetBytes(
        "v=0\r\no=rcml 1 1 IN IP4 127.0.0.1\r\ns=rcml\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"));

    private string Mode => transport == SipTransportKind.Udp ? "u1" : "t1";

    [Test]
    [CancelAfter(60000)]
    public async Task EngineAsUas_SippBuiltInUac_EveryCallSucceeds(CancellationToken cancellationToken)
    {
        await using var engine = SipTestStacks.StartOnSharedPort();
        var answered = 0;
        var failures = new List<string>();
        engine.IncomingCallHandler = async (call, ct) =>
        {
            await call.SendProvisionalAsync(180, cancellationToken: ct);
            if (await call.AcceptAsync(Offer, null, ct))
            {
                Interlocked.Increment(ref answered);
            }
            else
            {
                lock (failures)
                {
                    failures.Add($"{call.CallId} {call.State} {(call.Completion.IsCompleted ? call.Completion.Result.Reason : null)}");
                }
            }
        };

        var port = engine.EndPoint(transport).Port.ToString(CultureInfo.InvariantCulture);
        await using var sipp = SippRunner.Start($"127.0.0.1:{port}", "-sn", "uac", "-s", "rcml", "-m", "10", "-r", "10", "-t", Mode, "-timeout", "30s");
        var exit = await sipp.WaitAsync(cancellationToken);
        exit.Should().Be(0, sipp.Describe());
        await WaitForNoCallsAsync(engine, cancellationToken);
        for (var i = 0; i < 100 && Volatile.Read(ref answered) < 10; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, cancellationToken);
        }

        answered.Should().Be(10, "every call was answered and its ACK received: " + string.Join("; ", failures));
    }

    [Test]
    [CancelAfter(30000)]
    public async Task EngineAsUac_RingThenAnswer_ProvisionalAndAnswerArriveAndByeCompletes(CancellationToken cancellationToken)
    {
        await using var engine = SipTestStacks.StartOnSharedPort();
        await using var sipp = SippRunner.Start("-sf", "uas_ring_answer.xml", "-m", "1", "-t", Mode, "-timeout", "20s");
        var statuses = new List<int>();
        var call = await DialAsync(engine, sipp, null, cancellationToken, c => c.Provisional += (_, e) => statuses.Add(e.StatusCode));
        var outcome = await call.Outcome.WaitAsync(cancellationToken);
        outcome.StatusCode.Should().Be(200, sipp.Describe());
        statuses.Should().Contain(180);
        outcome.Body.ContentType.Should().Be("application/sdp");
        await call.HangUpAsync(cancellationToken);
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe());
    }

    [Test]
    [CancelAfter(30000)]
    public async Task EngineAsUac_Busy_OutcomeIs486AndSippGetsItsAck(CancellationToken cancellationToken)
    {
        await using var engine = SipTestStacks.StartOnSharedPort();
        await using var sipp = SippRunner.Start("-sf", "uas_busy.xml", "-m", "1", "-t", Mode, "-timeout", "20s");
        var call = await DialAsync(engine, sipp, null, cancellationToken);
        (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(486, sipp.Describe());
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe());
    }

    [Test]
    [CancelAfter(30000)]
    public async Task EngineAsUac_ProxyChallenge_AnsweredWithCredentialsSippVerifies(CancellationToken cancellationToken)
    {
        await using var engine = SipTestStacks.StartOnSharedPort();
        await using var sipp = SippRunner.Start("-sf", "uas_auth407.xml", "-m", "1", "-t", Mode, "-timeout", "20s");
        var call = await DialAsync(engine, sipp, new SipDialOptions(SipUri.Create("x", "127.0.0.1")) { Credentials = new SipCredentials("trunkuser", "trunkpass") }, cancellationToken);
        (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(200, "SIPp answers 200 only when the digest checks out: " + sipp.Describe());
        await call.HangUpAsync(cancellationToken);
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe());
    }

    [Test]
    [CancelAfter(30000)]
    public async Task EngineAsUac_RingingUntilCancel_OutcomeIs487(CancellationToken cancellationToken)
    {
        await using var engine = SipTestStacks.StartOnSharedPort();
        await using var sipp = SippRunner.Start("-sf", "uas_ring_until_cancel.xml", "-m", "1", "-t", Mode, "-timeout", "20s");
        var ringing = new TaskCompletionSource();
        var call = await DialAsync(engine, sipp, null, cancellationToken, c => c.Provisional += (_, e) => ringing.TrySetResult());
        await ringing.Task.WaitAsync(cancellationToken);
        await call.CancelAsync(cancellationToken);
        (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(487, sipp.Describe());
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe());
    }

    [Test]
    [CancelAfter(30000)]
    public async Task EngineAsUac_FirstInviteIgnored_TimerARetransmissionIsAnswered(CancellationToken cancellationToken)
    {
        if (transport == SipTransportKind.Tcp)
        {
            Assert.Ignore("RFC 3261 17.1.1.2: timer A retransmits only over unreliable transports");
        }

        await using var engine = SipTestStacks.StartOnSharedPort();
        await using var sipp = SippRunner.Start("-sf", "uas_ignore_first.xml", "-m", "1", "-t", Mode, "-timeout", "20s");
        var call = await DialAsync(engine, sipp, null, cancellationToken);
        (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(200, sipp.Describe());
        await call.HangUpAsync(cancellationToken);
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe());
        sipp.ReceivedRequests("INVITE").Should().BeGreaterThanOrEqualTo(2, "timer A retransmitted the unanswered INVITE");
    }

    [Test]
    [CancelAfter(30000)]
    public async Task EngineAsUac_CustomHeaders_ArriveAsSent(CancellationToken cancellationToken)
    {
        await using var engine = SipTestStacks.StartOnSharedPort();
        await using var sipp = SippRunner.Start("-sf", "uas_check_headers.xml", "-m", "1", "-t", Mode, "-timeout", "20s");
        var account = "AC" + new string('0', 24) + "deadbeef";
        var options = new SipDialOptions(SipUri.Create("x", "127.0.0.1"))
        {
            Headers = [new("X-Account-Sid", account), new("User-to-User", "56a390f3d2b7310023a2;encoding=hex")],
        };
        var call = await DialAsync(engine, sipp, options, cancellationToken);
        var outcome = await call.Outcome.WaitAsync(cancellationToken);
        outcome.StatusCode.Should().Be(200, sipp.Describe());
        outcome.Headers.Should().Contain(h => h.Name == "X-Echo-Account" && h.Value == account);
        await call.HangUpAsync(cancellationToken);
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, "SIPp's regexp checks fail the call when a header is missing: " + sipp.Describe());
    }

    [Test]
    [CancelAfter(30000)]
    public async Task EngineAsUac_FarEndHangsUp_CallEndsWithRemoteHangUp(CancellationToken cancellationToken)
    {
        await using var engine = SipTestStacks.StartOnSharedPort();
        await using var sipp = SippRunner.Start("-sf", "uas_far_end_hangup.xml", "-m", "1", "-t", Mode, "-timeout", "20s");
        var call = await DialAsync(engine, sipp, null, cancellationToken);
        (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(200, sipp.Describe());
        (await call.Completion.WaitAsync(cancellationToken)).Reason.Should().Be(SipCallEndReason.RemoteHangUp);
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe());
    }

    [Test]
    [CancelAfter(30000)]
    public async Task Refer_FromSipp_AcceptedNotifiedAndCallHungUp(CancellationToken cancellationToken)
    {
        await using var engine = SipTestStacks.StartOnSharedPort();
        await using var sipp = SippRunner.Start("-sf", "uas_refer.xml", "-m", "1", "-t", Mode, "-timeout", "20s");
        var referred = new TaskCompletionSource<SipIncomingRefer>();
        var notified = new TaskCompletionSource<int>();
        var call = await DialAsync(engine, sipp, null, cancellationToken, c => c.ReferHandler = async (refer, ct) =>
        {
            await refer.AcceptAsync(ct);
            referred.TrySetResult(refer);
            notified.TrySetResult((await refer.NotifyAsync(200, null, ct)).StatusCode);
        });
        (await call.Outcome.WaitAsync(cancellationToken)).StatusCode.Should().Be(200, sipp.Describe());
        var refer = await referred.Task.WaitAsync(cancellationToken);
        refer.ReferTo.Uri.User.Should().Be("transfer-target");
        refer.ReferredBy!.Uri.User.Should().Be("sipp");
        (await notified.Task.WaitAsync(cancellationToken)).Should().Be(200, "SIPp answers the final NOTIFY once its sipfrag says 200");
        await call.HangUpAsync(cancellationToken);
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe());
    }

    private async Task<SipOutgoingCall> DialAsync(SipStack engine, SippRunner sipp, SipDialOptions? options, CancellationToken cancellationToken, Action<SipOutgoingCall>? hook = null)
    {
        var target = SipUri.Create("service", "127.0.0.1", sipp.Port)
            .WithParameter("transport", transport == SipTransportKind.Tcp ? "tcp" : "udp");
        options = (options ?? new SipDialOptions(target)) with { Target = target, Body = Offer };

        // SIPp needs a moment to bind; over TCP a refused connection is retried, over UDP timer A covers it.
        for (var attempt = 0; ; attempt++)
        {
            var call = engine.Dial(options, cancellationToken);
            hook?.Invoke(call);
            if (transport == SipTransportKind.Udp || attempt >= 50)
            {
                return call;
            }

            var first = await Task.WhenAny(call.Outcome, Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System, cancellationToken));
            if (first != call.Outcome || call.Outcome.Result.StatusCode != 503)
            {
                return call;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellationToken);
        }
    }

    private static async Task WaitForNoCallsAsync(SipStack engine, CancellationToken cancellationToken)
    {
        while (engine.ActiveCalls > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, cancellationToken);
        }
    }
}
