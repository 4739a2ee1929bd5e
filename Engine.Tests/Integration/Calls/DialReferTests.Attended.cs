using System.Globalization;
using System.Text.RegularExpressions;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>Attended transfer: the transferor holds two calls through the engine and REFERs one with Replaces naming the other.</summary>
public sealed partial class DialReferTests
{
    private const double SecondCallerTone = 800;

    [Test]
    [CancelAfter(90_000)]
    public async Task Refer_ReplacesNamesTheEnginesOtherDialog_BothFarPartiesBridged_NoNewCall_TransferorsLegsReleased(CancellationToken cancellationToken)
    {
        using var firstPhone = new TestRtpPhone();
        using var secondPhone = new TestRtpPhone();
        using var calleePhone = new TestRtpPhone();
        using var targetPhone = new TestRtpPhone();
        await using var callee = SippRunner.StartUas("uas_bridge_party.xml", "-key", "rtp_port", Port(calleePhone));
        await using var target = SippRunner.StartUas("uas_bridge_party.xml", "-key", "rtp_port", Port(targetPhone));

        // The transferor's second call (consultation) reaches the target; its first call reaches the callee.
        var calls = 0;
        _app.Map("/voice", _ => TestResponse.Xml(Interlocked.Increment(ref calls) == 1
            ? $"<Response><Dial action=\"/done\"><Sip>sip:target@127.0.0.1:{target.Port}</Sip></Dial></Response>"
            : $"<Response><Dial action=\"/done\"><Sip>sip:service@127.0.0.1:{callee.Port}</Sip></Dial></Response>"));
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);
        using var talking = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tones = Talk(talking.Token, (firstPhone, CallerTone), (secondPhone, SecondCallerTone), (calleePhone, CalleeTone), (targetPhone, TargetTone));

        await using var consultation = SippRunner.Call(engine.SipPort, "dial", "uac_bridge_party.xml", secondPhone.Port, "-key", "te_pt", "101");
        string Describe() => consultation.Describe() + callee.Describe() + target.Describe() + engine.Log;
        await WithinAsync("the consultation bridge", token => HearEachOtherAsync(secondPhone, TargetTone, targetPhone, SecondCallerTone, token), Describe, cancellationToken);

        // RFC 3891: Call-ID, to-tag (the engine's tag in that dialog), from-tag (the phone's).
        var trace = consultation.Messages();
        var replaces = $"{Header(trace, "Call-ID")};to-tag={Tag(trace, "To")};from-tag={Tag(trace, "From")}";
        var referTo = $"target@127.0.0.1:{target.Port.ToString(CultureInfo.InvariantCulture)}?Replaces={Uri.EscapeDataString(replaces)}";
        await using var transferor = SippRunner.Call(engine.SipPort, "dial", "uac_refer_transferor.xml", firstPhone.Port, "-key", "te_pt", "101", "-key", "refer_target", referTo);
        string DescribeAll() => transferor.Describe() + Describe();

        await WithinAsync("the callee bridged with the target", token => HearEachOtherAsync(calleePhone, TargetTone, targetPhone, CalleeTone, token), DescribeAll, cancellationToken);
        (await transferor.WaitAsync(cancellationToken)).Should().Be(0, "202, NOTIFY 200, then its BYE: " + DescribeAll());
        (await consultation.WaitAsync(cancellationToken)).Should().Be(0, "the replaced leg gets the engine's BYE: " + DescribeAll());
        target.ReceivedRequests("INVITE").Should().Be(1, "no new INVITE: the engine already holds the target's call");
        var done = await _app.WaitForRequestsAsync("/done", 2, cancellationToken);
        done.Select(r => r["DialCallStatus"]).Should().AllBe("completed");
        engine.Log.Should().Contain("Attended transfer");
        await talking.CancelAsync();
        await tones;
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Invite_WithReplaces_Answered481_NoDocumentFetched(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Say>never</Say></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);

        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_invite_replaces.xml");

        (await caller.WaitAsync(cancellationToken)).Should().Be(0, "481 (RFC 3891 3): " + caller.Describe() + engine.Log);
        _app.RequestsTo("/voice").Should().BeEmpty("no call was started");
    }

    // The value of the first header line with this name in a SIPp trace.
    private static string Header(string trace, string name) =>
        Regex.Match(trace, $@"^{name}:\s*(?<v>.+?)\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase) is { Success: true } m
            ? m.Groups["v"].Value
            : throw new AssertionException($"no {name} in SIPp's trace: {trace}");

    // The tag of the first header line with this name that has one (To: the engine's tag from its 200 OK).
    private static string Tag(string trace, string name) =>
        Regex.Match(trace, $@"^{name}:.*;tag=(?<v>[^;>\s]+)", RegexOptions.Multiline | RegexOptions.IgnoreCase) is { Success: true } m
            ? m.Groups["v"].Value
            : throw new AssertionException($"no {name} tag in SIPp's trace: {trace}");
}
