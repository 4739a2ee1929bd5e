using System.Globalization;
using System.Net;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// Issue 6 on the real path: SIPp calls the engine host, whose document Dials SIPp UAS scenarios (custom
/// headers checked by regexp, a 407 challenge, busy, never answering, hanging up) over UDP and TCP; the
/// Dial action and the leg's status callbacks reach a Kestrel app in the test.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class DialTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private TestWebApp _app = null!;

    [SetUp]
    public async Task SetUp()
    {
        PeerPrograms.Require("sipp");
        _app = await TestWebApp.StartAsync();
        _app.MapXml("/done", "<Response><Hangup/></Response>");
    }

    [TearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [TestCase("udp")]
    [TestCase("tcp")]
    [CancelAfter(60_000)]
    public async Task Sip_UriHeadersAndTransport_CheckedByTheCallee_ActionAndLegCallbacksCarryTheFacts(string transport, CancellationToken cancellationToken)
    {
        await using var callee = SippRunner.StartUas("uas_check_headers.xml", "-t", transport == "tcp" ? "t1" : "u1");
        var uri = $"sip:service@127.0.0.1:{callee.Port};transport={transport}?X-Account-Sid={AccountSid}&amp;User-to-User=56a390f3d2b7310023a2%3Bencoding%3Dhex";
        _app.MapXml("/voice", "<Response><Dial action=\"/done\" timeLimit=\"2\">"
            + $"<Sip statusCallback=\"/leg\" statusCallbackEvent=\"initiated ringing answered completed\">{uri}</Sip></Dial></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);

        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_wait_bye.xml");

        (await callee.WaitAsync(cancellationToken)).Should().Be(0, "the callee found its headers, then got BYE at the time limit: " + callee.Describe() + engine.Log);
        (await caller.WaitAsync(cancellationToken)).Should().Be(0, caller.Describe());
        var done = await _app.WaitForRequestAsync("/done", cancellationToken);
        done["DialCallStatus"].Should().Be("completed");
        done["DialCallSid"].Should().MatchRegex("^CA[0-9a-f]{32}$").And.NotBe(done["CallSid"]);
        done["DialCallDuration"].Should().BeOneOf("2", "3");
        done["DialSipResponseCode"].Should().Be("200");
        done["DialSipCallId"].Should().NotBeNullOrEmpty();
        done["DialSipHeader_X-Echo-Account"].Should().Be(AccountSid);
        done["DialSipHeader_X-Echo-Uui"].Should().Be("56a390f3d2b7310023a2;encoding=hex");

        var legs = await _app.WaitForRequestsAsync("/leg", 3, cancellationToken);
        legs.Select(l => l["CallStatus"]).Should().Equal("initiated", "in-progress", "completed");
        legs.Select(l => l["SequenceNumber"]).Should().Equal("0", "1", "2");
        legs.Should().AllSatisfy(l =>
        {
            l["CallSid"].Should().Be(done["DialCallSid"]);
            l["ParentCallSid"].Should().Be(done["CallSid"]);
            l["Direction"].Should().Be("outbound-dial");
            l["CallbackSource"].Should().Be("call-progress-events");
            l["Timestamp"].Should().NotBeNullOrEmpty();
        });
        legs[1]["SipResponseCode"].Should().Be("200");
        legs[2]["SipResponseCode"].Should().Be("200");
        legs[2]["CallDuration"].Should().BeOneOf("2", "3");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Sip_ProxyChallenge_CredentialsOfTheNounAnswerIt(CancellationToken cancellationToken)
    {
        await using var callee = SippRunner.StartUas("uas_auth407.xml");
        _app.MapXml("/voice", $"<Response><Dial action=\"/done\" timeLimit=\"1\"><Sip username=\"trunkuser\" password=\"trunkpass\">sip:service@127.0.0.1:{callee.Port};transport=udp</Sip></Dial></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);

        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_wait_bye.xml");

        (await callee.WaitAsync(cancellationToken)).Should().Be(0, "both digests were right: " + callee.Describe() + engine.Log);
        (await _app.WaitForRequestAsync("/done", cancellationToken))["DialCallStatus"].Should().Be("completed");
        (await caller.WaitAsync(cancellationToken)).Should().Be(0, caller.Describe());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Number_ThroughTheTrunk_RewrittenWithTheCallerId(CancellationToken cancellationToken)
    {
        await using var callee = SippRunner.StartUas("uas_check_number.xml");
        _app.MapXml("/voice", "<Response><Dial action=\"/done\" timeLimit=\"1\" callerId=\"+15550009999\"><Number>+1 (555) 123-4567</Number></Dial></Response>");
        var settings = TestEngine.App("dial", _app.Url("/voice"));
        settings["Trunks:0:Prefix"] = "+44";
        settings["Trunks:0:Host"] = "192.0.2.1";
        settings["Trunks:1:Prefix"] = "+1";
        settings["Trunks:1:Host"] = "127.0.0.1";
        settings["Trunks:1:Port"] = callee.Port.ToString(CultureInfo.InvariantCulture);
        settings["Trunks:1:Strip"] = "1";
        settings["Trunks:1:Prepend"] = "00";
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);

        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_wait_bye.xml");

        (await callee.WaitAsync(cancellationToken)).Should().Be(0, "the trunk saw the rewritten number and the callerId: " + callee.Describe() + engine.Log);
        var done = await _app.WaitForRequestAsync("/done", cancellationToken);
        done["DialCallStatus"].Should().Be("completed");
        done["DialSipResponseCode"].Should().BeNull("a Number reports no SIP facts");
    }

    [TestCase("uas_busy.xml", "busy", "486", 30)]
    [TestCase("uas_ring_until_cancel.xml", "no-answer", "487", 2)]
    [CancelAfter(60_000)]
    public async Task Sip_NotAnswered_ActionGetsTheStatusAndTheCallerGoesOn(string scenario, string status, string code, int timeout, CancellationToken cancellationToken)
    {
        await using var callee = SippRunner.StartUas(scenario);
        _app.MapXml("/voice", $"<Response><Dial action=\"/done\" timeout=\"{timeout}\"><Sip>sip:service@127.0.0.1:{callee.Port}</Sip></Dial></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);

        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_wait_bye.xml");

        var done = await _app.WaitForRequestAsync("/done", cancellationToken);
        done["DialCallStatus"].Should().Be(status, engine.Log);
        done["DialSipResponseCode"].Should().Be(code);
        done["DialCallDuration"].Should().Be("0");
        (await callee.WaitAsync(cancellationToken)).Should().Be(0, callee.Describe());
        (await caller.WaitAsync(cancellationToken)).Should().Be(0, "the caller goes on to the action, which hangs up: " + caller.Describe());
        if (status == "no-answer")
        {
            callee.ReceivedRequests("CANCEL").Should().Be(1);
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Sip_CalleeHangsUp_CallerContinuesWithTheNextVerb(CancellationToken cancellationToken)
    {
        await using var callee = SippRunner.StartUas("uas_far_end_hangup.xml");
        _app.MapXml("/voice", $"<Response><Dial><Sip>sip:service@127.0.0.1:{callee.Port}</Sip></Dial><Redirect>/after</Redirect></Response>")
            .MapXml("/after", "<Response><Hangup/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);

        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_wait_bye.xml");

        (await callee.WaitAsync(cancellationToken)).Should().Be(0, callee.Describe() + engine.Log);
        await _app.WaitForRequestAsync("/after", cancellationToken);
        (await caller.WaitAsync(cancellationToken)).Should().Be(0, caller.Describe());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Sip_CallerHangsUp_CalleeGetsBye_ActionStillRequested(CancellationToken cancellationToken)
    {
        await using var callee = SippRunner.StartUas("uas_ring_answer.xml");
        _app.MapXml("/voice", $"<Response><Dial action=\"/done\"><Sip>sip:service@127.0.0.1:{callee.Port}</Sip></Dial></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);

        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_hangup.xml", null, "-d", "1500");

        (await caller.WaitAsync(cancellationToken)).Should().Be(0, caller.Describe());
        (await callee.WaitAsync(cancellationToken)).Should().Be(0, "the callee got BYE: " + callee.Describe() + engine.Log);
        var done = await _app.WaitForRequestAsync("/done", cancellationToken);
        done["DialCallStatus"].Should().Be("completed");
        done["CallStatus"].Should().Be("completed");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Parallel_SecondCalleeAnswers_FirstGetsCancel(CancellationToken cancellationToken)
    {
        await using var ringing = SippRunner.StartUas("uas_ring_until_cancel.xml");
        await using var answering = SippRunner.StartUas("uas_ring_answer.xml");
        _app.MapXml("/voice", "<Response><Dial action=\"/done\" timeLimit=\"1\">"
            + $"<Sip>sip:first@127.0.0.1:{ringing.Port}</Sip><Sip>sip:second@127.0.0.1:{answering.Port}</Sip></Dial></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);

        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_wait_bye.xml");

        (await ringing.WaitAsync(cancellationToken)).Should().Be(0, "the first callee was cancelled: " + ringing.Describe() + engine.Log);
        ringing.ReceivedRequests("CANCEL").Should().Be(1);
        (await answering.WaitAsync(cancellationToken)).Should().Be(0, answering.Describe());
        var done = await _app.WaitForRequestAsync("/done", cancellationToken);
        done["DialCallStatus"].Should().Be("completed");
        done["DialSipResponseCode"].Should().Be("200");
        (await caller.WaitAsync(cancellationToken)).Should().Be(0, caller.Describe());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Sip_TlsTransport_RefusedWithAClearError_CallerGoesOn(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Dial action=\"/done\"><Sip>sip:service@127.0.0.1:5061;transport=tls</Sip></Dial></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);

        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_wait_bye.xml");

        (await _app.WaitForRequestAsync("/done", cancellationToken))["DialCallStatus"].Should().Be("failed");
        (await caller.WaitAsync(cancellationToken)).Should().Be(0, caller.Describe());
        engine.Log.Should().Contain("transport=tls, which the engine does not support yet");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task AnswerOnBridge_CalleeEarlyMediaNoAnswer_CallerHearsItUnansweredThenIsRejected(CancellationToken cancellationToken)
    {
        RawSockets.Require();

        await using var callee = SippRunner.StartUas("uas_early_media_until_cancel.xml");
        _app.MapXml("/voice", "<Response><Dial answerOnBridge=\"true\" timeout=\"3\" action=\"/early-done\">"
            + $"<Sip>sip:early@127.0.0.1:{callee.Port}</Sip></Dial></Response>")
            .MapXml("/early-done", "<Response><Reject reason=\"busy\"/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("dial", _app.Url("/voice")), cancellationToken);
        using var phone = new UdpTestPeer();
        using var capture = phone.Capture();

        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_early_media_busy.xml", phone.RtpEndPoint.Port);

        (await caller.WaitAsync(cancellationToken)).Should().Be(0, "183 came, then 486, never 200: " + caller.Describe() + engine.Log);
        (await callee.WaitAsync(cancellationToken)).Should().Be(0, "the callee was cancelled at the timeout: " + callee.Describe());
        (await _app.WaitForRequestAsync("/early-done", cancellationToken))["DialCallStatus"].Should().Be("no-answer");
        var packets = capture.Packets;
        RtpAudio.PayloadTypes(packets).Should().OnlyContain(pt => pt == 0, "the caller's PCMU, transcoded from the callee's PCMA");
        var samples = RtpAudio.Decode(packets);
        samples.Length.Should().BeGreaterThan(8000 * 2, "seconds of early media before the answer that never came");
        var middle = samples.AsSpan(samples.Length / 4, samples.Length / 2);
        ToneAnalysis.Rms(middle).Should().BeGreaterThan(100, "the callee's speech, relayed");
        ToneAnalysis.DominantFrequency(middle).Should().NotBe(440).And.NotBe(480, "speech, not the generated ringback");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Client_Parameters_ReachTheRegisteredClientAsXHeaders_AnInvalidNameIsSkippedWithAWarning(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Dial action=\"/done\" timeLimit=\"1\"><Client>alice"
            + "<Parameter name=\"Tenant\" value=\"acme\"/><Parameter name=\"bad name\" value=\"x\"/><Parameter name=\"Ticket\" value=\"42\"/>"
            + "</Client></Dial></Response>");
        var settings = TestEngine.App("dial", _app.Url("/voice"));
        settings["Clients:0:Name"] = "alice";
        settings["Clients:0:Password"] = "wonderland";
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);

        // SIPp registers alice from a port, then a SIPp UAS takes that port over: the engine rings alice on that flow.
        var port = FreePorts.Pick();
        await using (var registering = SippRunner.StartOnPort(port, $"127.0.0.1:{engine.SipPort}", "-sf", "uac_register_stay.xml", "-m", "1", "-timeout", "20s", "-timeout_error"))
        {
            (await registering.WaitAsync(cancellationToken)).Should().Be(0, "alice registered: " + registering.Describe() + engine.Log);
        }

        await using var alice = SippRunner.StartOnPort(port, "-sf", "uas_client_parameters.xml", "-m", "1", "-timeout", "60s", "-timeout_error");
        await using var caller = SippRunner.Call(engine.SipPort, "dial", "uac_wait_bye.xml");

        (await alice.WaitAsync(cancellationToken)).Should().Be(0, "alice's INVITE carried X-Tenant and X-Ticket: " + alice.Describe() + engine.Log);
        (await _app.WaitForRequestAsync("/done", cancellationToken))["DialCallStatus"].Should().Be("completed");
        (await caller.WaitAsync(cancellationToken)).Should().Be(0, caller.Describe());
        engine.Log.Should().Contain("parameter 'bad name' not sent: its name is not a SIP token");
    }

    /// <summary>Where a baresip registers: the engine's SIP port on the given transport.</summary>
    internal static IPEndPoint Registrar(TestEngine engine, SipTransportKind transport) =>
        new(IPAddress.Loopback, transport == SipTransportKind.Tcp ? engine.SipTcpPort : engine.SipPort);
}
