using System.Globalization;
using RcmlEngine.Tests.Support;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using SipUri = Twilio.Types.PhoneNumber;

namespace RcmlEngine.Tests.Integration.Api;

/// <summary>
/// Issue 14 on the real path, through Twilio's own C# helper library: calls placed by the REST API ring a
/// SIPp UAS whose RTP goes to a socket the test owns; the audio the engine plays is checked by frequency,
/// status moves and callbacks arrive on a Kestrel app, a live call is redirected and hung up.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class ApiCallTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "api-test-token";
    private TestWebApp _app = null!;

    [SetUp]
    public async Task SetUp()
    {
        PeerPrograms.Require("sipp");
        _app = await TestWebApp.StartAsync();
        _app.Map("/tone440.wav", TestResponse.File(ToneWav(440), "audio/wav"))
            .Map("/tone1000.wav", TestResponse.File(ToneWav(1000), "audio/wav"));
    }

    [TearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [Test]
    [CancelAfter(60_000)]
    public async Task CreateCall_SipUasAnswers_RunsTwimlThenRedirectedThenHungUp(CancellationToken cancellationToken)
    {
        using var phone = new TestRtpPhone();
        await using var callee = SippRunner.StartUas("uas_bridge_party.xml", "-key", "rtp_port", phone.Port.ToString(CultureInfo.InvariantCulture));
        await using var engine = await StartEngineAsync(cancellationToken);
        var client = TwilioTestClient.Create(engine.HttpBaseUrl, AccountSid, AuthToken);

        var created = await CallResource.CreateAsync(new CreateCallOptions(new SipUri($"sip:room@127.0.0.1:{callee.Port}"), new PhoneNumber("+15550001111"))
        {
            Twiml = new Twiml($"<Response><Play loop=\"0\">{_app.Url("/tone440.wav")}</Play></Response>"),
            StatusCallback = _app.Url("/status"),
            StatusCallbackEvent = ["initiated", "ringing", "answered", "completed"],
            SendDigits = "w1#",
        }, client);

        created.Sid.Should().MatchRegex("^CA[0-9a-f]{32}$");
        created.Status.Should().Be(CallResource.StatusEnum.Queued);
        created.Direction.Should().Be("outbound-api");
        created.To.Should().Be($"sip:room@127.0.0.1:{callee.Port}");
        created.From.Should().Be("+15550001111");
        created.AccountSid.Should().Be(AccountSid);
        await phone.WaitForAsync(p => TestRtpPhone.CarriesTone(p, 440), cancellationToken);
        TestRtpPhone.Events(phone.Packets, 101).Select(e => e.Event.EventCode).Distinct().Should().Equal([(byte)1, (byte)11],
            "SendDigits reached the callee as RFC 4733 events before the document ran");
        (await CallResource.FetchAsync(created.Sid, client: client)).Status.Should().Be(CallResource.StatusEnum.InProgress);

        await CallResource.UpdateAsync(new UpdateCallOptions(created.Sid)
        {
            Twiml = new Twiml($"<Response><Play loop=\"0\">{_app.Url("/tone1000.wav")}</Play></Response>"),
        }, client);
        await phone.WaitForAsync(p => TestRtpPhone.CarriesTone(p, 1000), cancellationToken, includeEarlier: false);

        var hungUp = await CallResource.UpdateAsync(new UpdateCallOptions(created.Sid) { Status = CallResource.UpdateStatusEnum.Completed }, client);
        (await callee.WaitAsync(cancellationToken)).Should().Be(0, "the callee got BYE: " + callee.Describe() + engine.Log);
        hungUp.Sid.Should().Be(created.Sid);

        var status = await _app.WaitForRequestsAsync("/status", 3, cancellationToken);
        status.Select(s => s["CallStatus"]).Should().Equal("initiated", "in-progress", "completed");
        status.Should().AllSatisfy(s => s["Direction"].Should().Be("outbound-api"));
        var final = await CallResource.FetchAsync(created.Sid, client: client);
        final.Status.Should().Be(CallResource.StatusEnum.Completed);
        final.Duration.Should().NotBeNullOrEmpty();
        final.EndTime.Should().NotBeNull();
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task UpdateCall_InboundCall_RedirectedByTheApiThenHungUp(CancellationToken cancellationToken)
    {
        using var phone = new TestRtpPhone();
        _app.MapXml("/voice", $"<Response><Play loop=\"0\">{_app.Url("/tone440.wav")}</Play></Response>");
        var settings = TestEngine.App("ivr", _app.Url("/voice"), ("AccountSid", AccountSid));
        settings["Accounts:0:AccountSid"] = AccountSid;
        settings["Accounts:0:AuthToken"] = AuthToken;
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);
        var client = TwilioTestClient.Create(engine.HttpBaseUrl, AccountSid, AuthToken);

        await using var caller = SippRunner.Call(engine.SipPort, "ivr", "uac_bridge_party.xml", phone.Port, "-key", "te_pt", "101");
        var callSid = (await _app.WaitForRequestAsync("/voice", cancellationToken))["CallSid"];
        await phone.WaitForAsync(p => TestRtpPhone.CarriesTone(p, 440), cancellationToken);
        var live = await CallResource.FetchAsync(callSid, client: client);
        live.Direction.Should().Be("inbound");
        live.Status.Should().Be(CallResource.StatusEnum.InProgress);

        await CallResource.UpdateAsync(new UpdateCallOptions(callSid) { Twiml = new Twiml($"<Response><Play loop=\"0\">{_app.Url("/tone1000.wav")}</Play></Response>") }, client);
        await phone.WaitForAsync(p => TestRtpPhone.CarriesTone(p, 1000), cancellationToken, includeEarlier: false);
        await CallResource.UpdateAsync(new UpdateCallOptions(callSid) { Status = CallResource.UpdateStatusEnum.Completed }, client);

        (await caller.WaitAsync(cancellationToken)).Should().Be(0, "the caller got BYE: " + caller.Describe() + engine.Log);
        await WaitUntilAsync(async () => (await CallResource.FetchAsync(callSid, client: client)).Status == CallResource.StatusEnum.Completed, cancellationToken);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task UpdateCall_RedirectDuringADial_TheLegIsHungUpAndTheNewDocumentPlays(CancellationToken cancellationToken)
    {
        using var callerPhone = new TestRtpPhone();
        using var legPhone = new TestRtpPhone();
        await using var first = SippRunner.StartUas("uas_bridge_party.xml", "-key", "rtp_port", callerPhone.Port.ToString(CultureInfo.InvariantCulture));
        await using var second = SippRunner.StartUas("uas_bridge_party.xml", "-key", "rtp_port", legPhone.Port.ToString(CultureInfo.InvariantCulture));
        await using var engine = await StartEngineAsync(cancellationToken);
        var client = TwilioTestClient.Create(engine.HttpBaseUrl, AccountSid, AuthToken);

        var parent = await CallResource.CreateAsync(new CreateCallOptions(new SipUri($"sip:agent@127.0.0.1:{first.Port}"), new PhoneNumber("+15550001111"))
        {
            Twiml = new Twiml($"<Response><Dial><Sip>sip:customer@127.0.0.1:{second.Port}</Sip></Dial></Response>"),
        }, client);
        await legPhone.WaitForEngineAsync(cancellationToken);
        List<CallResource> legs = [];
        await WaitUntilAsync(async () =>
        {
            legs = [.. await CallResource.ReadAsync(new ReadCallOptions { ParentCallSid = parent.Sid }, client)];
            return legs.Count == 1 && legs[0].Status == CallResource.StatusEnum.InProgress;
        }, cancellationToken);
        legs[0].Direction.Should().Be("outbound-dial");

        await CallResource.UpdateAsync(new UpdateCallOptions(parent.Sid) { Twiml = new Twiml($"<Response><Play loop=\"0\">{_app.Url("/tone1000.wav")}</Play></Response>") }, client);

        (await second.WaitAsync(cancellationToken)).Should().Be(0, "the Dial's leg got BYE: " + second.Describe() + engine.Log);
        await callerPhone.WaitForAsync(p => TestRtpPhone.CarriesTone(p, 1000), cancellationToken, includeEarlier: false);
        await CallResource.UpdateAsync(new UpdateCallOptions(parent.Sid) { Status = CallResource.UpdateStatusEnum.Completed }, client);
        (await first.WaitAsync(cancellationToken)).Should().Be(0, first.Describe());
        await WaitUntilAsync(async () => (await CallResource.FetchAsync(legs[0].Sid, client: client)).Status == CallResource.StatusEnum.Completed, cancellationToken);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task CreateCall_ToARegisteredClient_RingsItOnItsBinding(CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Accounts:0:AccountSid"] = AccountSid,
            ["Accounts:0:AuthToken"] = AuthToken,
            ["Clients:0:Name"] = "alice",
            ["Clients:0:Password"] = "wonderland",
        };
        await using var engine = await TestEngine.StartAsync(settings, cancellationToken);
        var client = TwilioTestClient.Create(engine.HttpBaseUrl, AccountSid, AuthToken);
        using var phone = new TestRtpPhone();
        var port = FreePorts.Pick();
        await using (var registering = SippRunner.StartOnPort(port, $"127.0.0.1:{engine.SipPort}", "-sf", "uac_register_stay.xml", "-m", "1", "-timeout", "20s", "-timeout_error"))
        {
            (await registering.WaitAsync(cancellationToken)).Should().Be(0, "alice registered: " + registering.Describe() + engine.Log);
        }

        await using var alice = SippRunner.StartOnPort(port, "-sf", "uas_bridge_party.xml", "-m", "1", "-timeout", "60s", "-timeout_error", "-key", "rtp_port", phone.Port.ToString(CultureInfo.InvariantCulture));
        var created = await CallResource.CreateAsync(new CreateCallOptions(new Client("alice"), new PhoneNumber("+15550001111"))
        {
            Twiml = new Twiml($"<Response><Play loop=\"0\">{_app.Url("/tone440.wav")}</Play></Response>"),
        }, client);

        created.To.Should().Be("client:alice", "as Twilio shows a client party");
        await phone.WaitForAsync(p => TestRtpPhone.CarriesTone(p, 440), cancellationToken);
        await CallResource.UpdateAsync(new UpdateCallOptions(created.Sid) { Status = CallResource.UpdateStatusEnum.Completed }, client);
        (await alice.WaitAsync(cancellationToken)).Should().Be(0, "alice got BYE: " + alice.Describe() + engine.Log);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task CreateCall_CalleeBusy_EndsBusyWithTheCompletedCallback(CancellationToken cancellationToken)
    {
        await using var callee = SippRunner.StartUas("uas_busy.xml");
        await using var engine = await StartEngineAsync(cancellationToken);
        var client = TwilioTestClient.Create(engine.HttpBaseUrl, AccountSid, AuthToken);

        var created = await CallResource.CreateAsync(new CreateCallOptions(new SipUri($"sip:desk@127.0.0.1:{callee.Port}"), new PhoneNumber("+15550001111"))
        {
            Url = _app.Url("/never"),
            StatusCallback = _app.Url("/status"),
        }, client);

        var completed = await _app.WaitForRequestAsync("/status", cancellationToken);
        completed["CallStatus"].Should().Be("busy", engine.Log);
        completed["CallSid"].Should().Be(created.Sid);
        _app.RequestsTo("/never").Should().BeEmpty("an unanswered call fetches no document");
        (await CallResource.FetchAsync(created.Sid, client: client)).Status.Should().Be(CallResource.StatusEnum.Busy);
        (await callee.WaitAsync(cancellationToken)).Should().Be(0, callee.Describe());

        (await CallResource.DeleteAsync(created.Sid, client: client)).Should().BeTrue("a finished call's record can be deleted");
        var gone = async () => await CallResource.FetchAsync(created.Sid, client: client);
        (await gone.Should().ThrowAsync<Twilio.Exceptions.ApiException>()).Which.Status.Should().Be(404);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task ReadCalls_PageSizeTwo_TheLibraryFollowsEveryPage(CancellationToken cancellationToken)
    {
        await using var engine = await StartEngineAsync(cancellationToken);
        var client = TwilioTestClient.Create(engine.HttpBaseUrl, AccountSid, AuthToken);
        var sids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var call = await CallResource.CreateAsync(new CreateCallOptions(new SipUri($"sip:nobody{i}@127.0.0.1:{FreePorts.Pick()};transport=tcp"), new PhoneNumber("+1555000000" + i))
            {
                Twiml = new Twiml("<Response><Hangup/></Response>"),
            }, client);
            sids.Add(call.Sid);
        }

        await WaitUntilAsync(async () => (await CallResource.FetchAsync(sids[^1], client: client)).Status == CallResource.StatusEnum.Failed, cancellationToken);
        var pages = 0;
        var first = await CallResource.ReadAsync(new ReadCallOptions { PageSize = 2 }, client);
        var listed = first.Select(c => c.Sid).ToList();
        var page = CallResource.GetPage($"https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Calls.json?PageSize=2", client);
        while (page is not null)
        {
            pages++;
            page.Records.Count.Should().BeLessThanOrEqualTo(2);
            page = page.HasNextPage() ? CallResource.NextPage(page, client) : null;
        }

        listed.Should().Equal(Enumerable.Reverse(sids), "every call, newest first");
        pages.Should().Be(3);
        var filtered = await CallResource.ReadAsync(new ReadCallOptions { From = new PhoneNumber("+15550000003") }, client);
        filtered.Select(c => c.Sid).Should().Equal(sids[3]);
        var failed = await CallResource.ReadAsync(new ReadCallOptions { Status = CallResource.StatusEnum.Failed }, client);
        failed.Should().HaveCount(5);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task CreateCall_Record_TheRecordingIsListedAndItsAudioServedAsWavAndMp3(CancellationToken cancellationToken)
    {
        PeerPrograms.Require("ffmpeg");
        using var phone = new TestRtpPhone();
        await using var callee = SippRunner.StartUas("uas_bridge_party.xml", "-key", "rtp_port", phone.Port.ToString(CultureInfo.InvariantCulture));
        await using var engine = await StartEngineAsync(cancellationToken);
        var client = TwilioTestClient.Create(engine.HttpBaseUrl, AccountSid, AuthToken);
        using var talking = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var created = await CallResource.CreateAsync(new CreateCallOptions(new SipUri($"sip:desk@127.0.0.1:{callee.Port}"), new PhoneNumber("+15550001111"))
        {
            Twiml = new Twiml("<Response><Pause length=\"3\"/></Response>"),
            Record = true,
            RecordingStatusCallback = _app.Url("/recording").AbsoluteUri,
        }, client);
        await phone.WaitForEngineAsync(cancellationToken);
        var tone = phone.SendToneUntilCancelledAsync(700, talking.Token);

        var callbacks = await _app.WaitForRequestsAsync("/recording", 1, TimeSpan.FromSeconds(20), cancellationToken);
        callbacks.Should().NotBeEmpty("the recording is reported when the call ends: " + engine.Log);
        var callback = callbacks[0];
        await talking.CancelAsync();
        await tone.ContinueWith(_ => { }, TaskScheduler.Default);
        callback["RecordingStatus"].Should().Be("completed", engine.Log);
        callback["RecordingSource"].Should().Be("OutboundAPI");
        callback["CallSid"].Should().Be(created.Sid);

        var recordings = await CallRecordingsAsync(client, created.Sid, cancellationToken);
        recordings.Should().ContainSingle().Which.Sid.Should().Be(callback["RecordingSid"]);
        var recording = recordings[0];
        recording.CallSid.Should().Be(created.Sid);
        recording.Source.ToString().Should().Be("OutboundAPI");
        int.Parse(recording.Duration, CultureInfo.InvariantCulture).Should().BeInRange(2, 4);

        using var http = new HttpClient();
        var wav = await http.GetByteArrayAsync(new Uri(engine.HttpBaseUrl, $"2010-04-01/Accounts/{AccountSid}/Recordings/{recording.Sid}.wav"), cancellationToken);
        var samples = Pcm16Samples(wav);
        ToneAnalysis.DominantFrequency(samples.AsSpan(samples.Length / 2, 800)).Should().BeApproximately(700, 30, "the callee's tone was recorded");
        using var mp3 = await http.GetAsync(new Uri(engine.HttpBaseUrl, $"2010-04-01/Accounts/{AccountSid}/Recordings/{recording.Sid}.mp3"), cancellationToken);
        mp3.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        mp3.Content.Headers.ContentType!.MediaType.Should().Be("audio/mpeg");
        (await mp3.Content.ReadAsByteArrayAsync(cancellationToken)).Length.Should().BeGreaterThan(1000);
        (await callee.WaitAsync(cancellationToken)).Should().Be(0, callee.Describe());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task FetchCall_AfterAnEngineRestart_TheRecordIsStillThere(CancellationToken cancellationToken)
    {
        using var data = new TempDirectory();
        string sid;
        await using (var engine = await StartEngineAsync(cancellationToken, data.Path))
        {
            var client = TwilioTestClient.Create(engine.HttpBaseUrl, AccountSid, AuthToken);
            var call = await CallResource.CreateAsync(new CreateCallOptions(new SipUri($"sip:gone@127.0.0.1:{FreePorts.Pick()};transport=tcp"), new PhoneNumber("+15550001111"))
            {
                Twiml = new Twiml("<Response><Hangup/></Response>"),
            }, client);
            sid = call.Sid;
            await WaitUntilAsync(async () => (await CallResource.FetchAsync(sid, client: client)).Status == CallResource.StatusEnum.Failed, cancellationToken);
        }

        await using var restarted = await StartEngineAsync(cancellationToken, data.Path);
        var again = await CallResource.FetchAsync(sid, client: TwilioTestClient.Create(restarted.HttpBaseUrl, AccountSid, AuthToken));
        again.Status.Should().Be(CallResource.StatusEnum.Failed);
        again.Direction.Should().Be("outbound-api");
        again.From.Should().Be("+15550001111");
    }

    private static async Task<TestEngine> StartEngineAsync(CancellationToken cancellationToken, string? dataFolder = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Accounts:0:AccountSid"] = AccountSid,
            ["Accounts:0:AuthToken"] = AuthToken,
        };
        return await TestEngine.StartAsync(settings, cancellationToken, dataFolder);
    }

    private static async Task<List<RecordingResource>> CallRecordingsAsync(ITwilioRestClient client, string callSid, CancellationToken cancellationToken)
    {
        List<RecordingResource> recordings = [];
        await WaitUntilAsync(async () =>
        {
            recordings = [.. await RecordingResource.ReadAsync(new ReadRecordingOptions { CallSid = callSid }, client)];
            return recordings.Count > 0;
        }, cancellationToken);
        return recordings;
    }

    // Polls what a user of the API would poll, every 100 ms, until it holds or the test is cancelled.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    // The samples of a 16-bit PCM WAV: what follows its data chunk's header.
    private static short[] Pcm16Samples(byte[] wav)
    {
        var data = wav.AsSpan().IndexOf("data"u8);
        data.Should().BeGreaterThan(0, "a WAV file has a data chunk");
        var bytes = wav.AsSpan(data + 8);
        var samples = new short[bytes.Length / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = System.Buffers.Binary.BinaryPrimitives.ReadInt16LittleEndian(bytes[(i * 2)..]);
        }

        return samples;
    }

    private static byte[] ToneWav(double frequency) =>
        WavBytes.Build(1, 1, 8000, 16, WavBytes.Pcm16(ToneAnalysis.Sine(frequency, 12000, 8000 * 2)));
}
