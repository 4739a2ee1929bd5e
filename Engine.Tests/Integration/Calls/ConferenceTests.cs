using System.Globalization;
using RcmlEngine.Media.Tones;
using RcmlEngine.Media.Wav;
using RcmlEngine.Rtp;
using RcmlEngine.Rtp.Codecs;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// <c>&lt;Dial&gt;&lt;Conference&gt;</c> on the real path: SIPp does each caller's signalling (UDP or TCP) while its
/// media is an RTP socket the test owns (<see cref="TestRtpPhone"/>), sending its own tone; what each phone
/// receives is checked by its spectrum. Tones stay clear of the wait music (523/659/784 Hz) and the beeps (660/880 Hz).
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class ConferenceTests
{
    private const double ToneA = 400;
    private const double ToneB = 1000;
    private const double ToneC = 1700;

    // The phones send sines of peak 8000: heard through the mix, a tone measures about that; absent, well under 5 % of it.
    private const double Heard = 4000;
    private const double Absent = 300;

    // 25 packets: half a second of received audio.
    private const int Window = 25;

    private TestWebApp _app = null!;
    private TempDirectory _data = null!;

    [SetUp]
    public async Task SetUp()
    {
        PeerPrograms.Require("sipp");
        _app = await TestWebApp.StartAsync();
        _app.MapXml("/after", "<Response><Hangup/></Response>").Map("/events", TestResponse.Status(200, string.Empty));
        _data = new TempDirectory();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Conference_ThreeCallersUdpAndTcp_EachHearsTheOtherTwoAndNeverItself(CancellationToken cancellationToken)
    {
        await using var engine = await StartEngineAsync(cancellationToken, ("a", Room("r1")), ("b", Room("r1")), ("c", Room("r1")));
        await using var a = Party.Join(engine, "a", ToneA, tcp: false);
        await using var b = Party.Join(engine, "b", ToneB, tcp: false);
        await using var c = Party.Join(engine, "c", ToneC, tcp: true);
        Party[] parties = [a, b, c];
        string Describe() => string.Concat(parties.Select(p => p.Describe())) + engine.Log;
        await Task.WhenAll(parties.Select(p => p.TalkAsync(Describe, cancellationToken)));

        // Once each phone hears both others, the next second of what each receives is the N-1 mix.
        await WithinAsync("everyone hearing the other two", token => Task.WhenAll(
            parties.Select(p => WaitForHearingAsync(p.Phone, [.. parties.Where(o => o != p).Select(o => o.Tone)], token))), Describe, cancellationToken);
        var windows = await Task.WhenAll(parties.Select(p => NextAudioAsync(p.Phone, 2 * Window, cancellationToken)));
        for (var i = 0; i < parties.Length; i++)
        {
            foreach (var other in parties.Where(o => o != parties[i]))
            {
                ToneAnalysis.Amplitude(windows[i], other.Tone).Should().BeGreaterThan(Heard, $"{parties[i].User} hears {other.User}'s {other.Tone} Hz");
            }

            ToneAnalysis.Amplitude(windows[i], parties[i].Tone).Should().BeLessThan(Absent, $"{parties[i].User} never hears its own {parties[i].Tone} Hz: {Describe()}");
        }

        await engine.StopAsync();
        foreach (var party in parties)
        {
            (await party.EndAsync(cancellationToken)).Should().Be(0, "the engine's BYE ends every call: " + party.Describe());
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Conference_MutedParticipant_NobodyHearsItsToneButItHearsTheOthers(CancellationToken cancellationToken)
    {
        await using var engine = await StartEngineAsync(cancellationToken,
            ("a", Room("r2")), ("b", Room("r2")), ("muted", Room("r2", "muted=\"true\" statusCallback=\"/events\" statusCallbackEvent=\"join\"")));
        await using var a = Party.Join(engine, "a", ToneA, tcp: false);
        await using var b = Party.Join(engine, "b", ToneB, tcp: false);
        await using var muted = Party.Join(engine, "muted", ToneC, tcp: false);
        Party[] parties = [a, b, muted];
        string Describe() => string.Concat(parties.Select(p => p.Describe())) + engine.Log;
        await Task.WhenAll(parties.Select(p => p.TalkAsync(Describe, cancellationToken)));

        await WithinAsync("the three in the mix", token => Task.WhenAll(
            WaitForHearingAsync(a.Phone, [ToneB], token), WaitForHearingAsync(b.Phone, [ToneA], token),
            WaitForHearingAsync(muted.Phone, [ToneA, ToneB], token)), Describe, cancellationToken);
        var (heardByA, heardByB, heardByMuted) = (await NextAudioAsync(a.Phone, 2 * Window, cancellationToken),
            await NextAudioAsync(b.Phone, 2 * Window, cancellationToken), await NextAudioAsync(muted.Phone, 2 * Window, cancellationToken));

        ToneAnalysis.Amplitude(heardByA, ToneC).Should().BeLessThan(Absent, "the muted caller's tone reaches nobody: " + Describe());
        ToneAnalysis.Amplitude(heardByB, ToneC).Should().BeLessThan(Absent, "the muted caller's tone reaches nobody");
        ToneAnalysis.Amplitude(heardByA, ToneB).Should().BeGreaterThan(Heard);
        ToneAnalysis.Amplitude(heardByB, ToneA).Should().BeGreaterThan(Heard);
        ToneAnalysis.Amplitude(heardByMuted, ToneA).Should().BeGreaterThan(Heard, "muted, it still hears the others");
        ToneAnalysis.Amplitude(heardByMuted, ToneB).Should().BeGreaterThan(Heard, "muted, it still hears the others");
        ToneAnalysis.Amplitude(heardByMuted, ToneC).Should().BeLessThan(Absent);
        (await _app.WaitForRequestsAsync("/events", 1, TimeSpan.FromSeconds(20), cancellationToken))[0]["Muted"].Should().Be("true", "its participant-join says it is muted");

        await engine.StopAsync();
        foreach (var party in parties)
        {
            (await party.EndAsync(cancellationToken)).Should().Be(0, party.Describe());
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Conference_LateModerator_WaitMusicUntilItJoins_ItsHangupEndsTheRoom_ActionAndEventsInOrder(CancellationToken cancellationToken)
    {
        await using var engine = await StartEngineAsync(cancellationToken,
            ("early", Room("r3", "startConferenceOnEnter=\"false\" statusCallback=\"/events\" statusCallbackEvent=\"start end join leave\"")),
            ("moderator", Room("r3", "startConferenceOnEnter=\"true\" endConferenceOnExit=\"true\"")));
        await using var early = Party.Join(engine, "early", ToneA, tcp: false);
        string Describe() => early.Describe() + engine.Log;
        await early.TalkAsync(Describe, cancellationToken);

        // Alone (and unable to start the room), the caller hears the engine's wait music while it talks to nobody.
        await WithinAsync("the wait music", token => early.Phone.WaitForAsync(CarriesMusic, token), Describe, cancellationToken);
        var musicHeard = early.Phone.Count;

        // The moderator stays 5 s, then hangs up (SIPp's BYE).
        await using var moderator = Party.Join(engine, "moderator", ToneB, tcp: false, hangUpAfter: TimeSpan.FromSeconds(5));
        await moderator.TalkAsync(() => moderator.Describe() + Describe(), cancellationToken);
        var after = await _app.WaitForRequestsAsync("/after", 1, TimeSpan.FromSeconds(20), cancellationToken);

        after[0]["DialCallStatus"].Should().Be("answered", Describe());
        after[0]["ConferenceSid"].Should().StartWith("CF");
        int.Parse(after[0]["DialCallDuration"]!, CultureInfo.InvariantCulture).Should().BeInRange(4, 20);
        (await moderator.EndAsync(cancellationToken)).Should().Be(0, moderator.Describe());
        (await early.EndAsync(cancellationToken)).Should().Be(0, "the action's Hangup: " + early.Describe());

        // What the early caller received: music, then (the room started) the moderator, and no music any more.
        var packets = early.Phone.Packets;
        var moderatorHeard = packets.FindIndex(musicHeard, p => TestRtpPhone.CarriesTone(p, ToneB));
        moderatorHeard.Should().BePositive("the early caller heard the moderator once it joined: " + Describe());
        var live = Decode(packets.Skip(moderatorHeard + 10).Take(2 * Window));
        ToneAnalysis.Amplitude(live, ToneB).Should().BeGreaterThan(Heard);
        StandardTones.HoldMusicNotes.Should().OnlyContain(note => ToneAnalysis.Amplitude(live, note) < Absent, "the music stops when the room starts");
        ToneAnalysis.Amplitude(live, ToneA).Should().BeLessThan(Absent);
        moderator.Phone.Packets.Should().Contain(p => TestRtpPhone.CarriesTone(p, ToneA), "the moderator heard the early caller");

        var events = await _app.WaitForRequestsAsync("/events", 6, TimeSpan.FromSeconds(20), cancellationToken);
        var names = events.Select(e => e["StatusCallbackEvent"]).ToList();
        names.Should().BeEquivalentTo(new[] {"participant-join", "participant-join", "conference-start", "participant-leave", "participant-leave", "conference-end" });
        names[0].Should().Be("participant-join", "the early caller joined before the room started");
        names.IndexOf("conference-start").Should().BeLessThan(names.IndexOf("participant-leave"));
        names[^1].Should().Be("conference-end");
        events.Select(e => long.Parse(e["SequenceNumber"]!, CultureInfo.InvariantCulture)).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        events.Should().OnlyContain(e => e["ConferenceSid"] == after[0]["ConferenceSid"] && e["FriendlyName"] == "r3");
        events.Where(e => e["StatusCallbackEvent"]!.StartsWith("participant-", StringComparison.Ordinal)).Select(e => e["CallSid"])
            .Distinct().Should().HaveCount(2, "each caller joined and left");
        events.First(e => e["StatusCallbackEvent"] == "conference-end")["ReasonConferenceEnded"].Should().Be("participant-with-end-conference-on-exit-left");
        var joins = events.Where(e => e["StatusCallbackEvent"] == "participant-join").ToList();
        joins.Should().OnlyContain(e => e["Muted"] == "false" && e["Hold"] == "false");
        joins[0]["StartConferenceOnEnter"].Should().Be("false");
        joins[1]["StartConferenceOnEnter"].Should().Be("true");
        joins[1]["EndConferenceOnExit"].Should().Be("true");
        var leaves = events.Where(e => e["StatusCallbackEvent"] == "participant-leave").ToList();
        (leaves[0]["CallSid"], leaves[0]["ReasonParticipantLeft"], leaves[0]["ParticipantCallStatus"])
            .Should().Be((joins[1]["CallSid"], "participant_hung_up", "completed"), "the moderator hung up first");
        (leaves[1]["CallSid"], leaves[1]["ReasonParticipantLeft"], leaves[1]["ParticipantCallStatus"])
            .Should().Be((joins[0]["CallSid"], "participant_with_end_conference_on_exit_left", "in-progress"), "the room's end took the early caller out");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Conference_EmptyWaitUrl_TheLoneCallerWaitsInSilence(CancellationToken cancellationToken)
    {
        await using var engine = await StartEngineAsync(cancellationToken, ("alone", Room("r7", "waitUrl=\"\"")));
        await using var alone = Party.Join(engine, "alone", ToneA, tcp: false);
        await alone.TalkAsync(() => alone.Describe() + engine.Log, cancellationToken);

        var waiting = await NextAudioAsync(alone.Phone, 2 * Window, cancellationToken);
        ToneAnalysis.Rms(waiting).Should().BeLessThan(50, "waitUrl=\"\" means silence, not the engine's music: " + engine.Log);
        await engine.StopAsync();
        (await alone.EndAsync(cancellationToken)).Should().Be(0, alone.Describe());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Conference_RecordFromStart_TheWavHoldsBothTalkersAndNoWaitMusic(CancellationToken cancellationToken)
    {
        await using var engine = await StartEngineAsync(cancellationToken,
            ("a", Room("r4", "beep=\"false\" record=\"record-from-start\" recordingStatusCallback=\"/recorded\"")),
            ("b", Room("r4", "beep=\"false\" endConferenceOnExit=\"true\"")));
        await using var a = Party.Join(engine, "a", ToneA, tcp: false);
        string Describe() => a.Describe() + engine.Log;
        await a.TalkAsync(Describe, cancellationToken);
        await WithinAsync("the wait music", token => a.Phone.WaitForAsync(CarriesMusic, token), Describe, cancellationToken);
        await using var b = Party.Join(engine, "b", ToneB, tcp: false, hangUpAfter: TimeSpan.FromSeconds(4));
        await b.TalkAsync(() => b.Describe() + Describe(), cancellationToken);

        var recorded = (await _app.WaitForRequestsAsync("/recorded", 1, TimeSpan.FromSeconds(20), cancellationToken))[0];
        recorded["RecordingStatus"].Should().Be("completed", Describe());
        var file = Directory.GetFiles(Path.Combine(_data.Path, "recordings"), "*.wav", SearchOption.AllDirectories).Should().ContainSingle().Subject;
        await using var wav = await WavAudioSource.OpenAsync(File.OpenRead(file), "conference", cancellationToken);
        var samples = await AudioReading.ReadAllAsync(wav, cancellationToken);

        (samples.Length / 8000.0).Should().BeInRange(2.5, 6, "from the start (b joined) to b's hangup 4 s later");
        var blocks = samples.Chunk(4000).Where(block => block.Length == 4000).ToList();
        blocks.Count(block => ToneAnalysis.Amplitude(block, ToneA) > Heard && ToneAnalysis.Amplitude(block, ToneB) > Heard)
            .Should().BeGreaterThanOrEqualTo(3, "both talkers are in the mix for most of the room's life");
        blocks.Should().OnlyContain(block => StandardTones.HoldMusicNotes.All(note => ToneAnalysis.Amplitude(block, note) < Absent),
            "the wait music is never in the room's mix");
        (await b.EndAsync(cancellationToken)).Should().Be(0, b.Describe());
        (await a.EndAsync(cancellationToken)).Should().Be(0, a.Describe());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Conference_HangupOnStarAndTimeLimit_TakeOnlyThatCallerOut_TheOneLeftHearsTheExitBeep(CancellationToken cancellationToken)
    {
        await using var engine = await StartEngineAsync(cancellationToken,
            ("star", Room("r6").Replace("<Dial ", "<Dial hangupOnStar=\"true\" ", StringComparison.Ordinal)),
            ("stays", Room("r6")),
            ("limited", Room("r6").Replace("<Dial ", "<Dial timeLimit=\"6\" ", StringComparison.Ordinal)));
        await using var star = Party.Join(engine, "star", ToneA, tcp: false);
        await using var stays = Party.Join(engine, "stays", ToneB, tcp: false);
        await using var limited = Party.Join(engine, "limited", ToneC, tcp: true);
        Party[] parties = [star, stays, limited];
        string Describe() => string.Concat(parties.Select(p => p.Describe())) + engine.Log;
        await Task.WhenAll(parties.Select(p => p.TalkAsync(Describe, cancellationToken)));
        await WithinAsync("the three in the mix", token => Task.WhenAll(
            parties.Select(p => WaitForHearingAsync(p.Phone, [.. parties.Where(o => o != p).Select(o => o.Tone)], token))), Describe, cancellationToken);

        // The last joiner's enter beep (660, 880 Hz) is over before the * (so any 880 Hz from now on is the exit beep).
        await WithinAsync("the enter beep's end", async token =>
        {
            while (stays.Phone.Packets.TakeLast(Window).Any(p => Level(p, 880) > 1000 || Level(p, 660) > 1000))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, token);
            }
        }, Describe, cancellationToken);
        var pressedAt = stays.Phone.Count;
        await star.Phone.SendDigitAsync(101, 10, cancellationToken);
        var first = (await _app.WaitForRequestsAsync("/after", 1, TimeSpan.FromSeconds(20), cancellationToken))[0];
        var leftAt = stays.Phone.Count;
        (await star.EndAsync(cancellationToken)).Should().Be(0, "* took the caller out and its action hung up: " + star.Describe());
        var second = (await _app.WaitForRequestsAsync("/after", 2, TimeSpan.FromSeconds(20), cancellationToken))[1];
        (await limited.EndAsync(cancellationToken)).Should().Be(0, "the time limit took the caller out and its action hung up: " + limited.Describe());

        new[] { first, second }.Should().OnlyContain(r => r["DialCallStatus"] == "answered");
        first["DialCallDuration"].Should().NotBeNull();
        var afterStar = stays.Phone.Packets.Skip(pressedAt).ToList();
        var withoutStar = Decode(stays.Phone.Packets.Skip(leftAt + Window).Take(Window));
        ToneAnalysis.Amplitude(withoutStar, ToneA).Should().BeLessThan(Absent, "the caller who pressed * is out of the mix: " + Describe());
        ToneAnalysis.Amplitude(withoutStar, ToneC).Should().BeGreaterThan(Heard, "the time-limited caller is still in it");
        var falling = afterStar.FindIndex(p => Level(p, 880) > 1000);
        falling.Should().BeGreaterThanOrEqualTo(0, "the others heard the exit beep: " + Describe());
        afterStar.Skip(falling).Select(p => Level(p, 660)).Should().Contain(level => level > 1000, "880 Hz, then 660 Hz");
        stays.Sipp.ReceivedRequests("BYE").Should().Be(0, "the others stay in the room");
        await engine.StopAsync();
        (await stays.EndAsync(cancellationToken)).Should().Be(0, stays.Describe());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Conference_BaresipParticipant_HearsTheSippPhoneNotItself_AndLeavesWhenTheRoomEnds(CancellationToken cancellationToken)
    {
        PeerPrograms.Require("baresip");
        var tone = _data.File("tone.wav");
        await File.WriteAllBytesAsync(tone, WavBytes.Build(1, 1, 8000, 16, WavBytes.Pcm16(ToneAnalysis.Sine(ToneC, 8000, 8000 * 30))), cancellationToken);
        var heard = Directory.CreateDirectory(_data.File("heard")).FullName;
        await using var engine = await StartEngineAsync(cancellationToken,
            ("softphone", Room("r5", "beep=\"false\"")), ("moderator", Room("r5", "beep=\"false\" endConferenceOnExit=\"true\"")));
        await using var softphone = await BaresipRunner.StartAsync(
            new BaresipOptions { User = "carol", AudioCodecs = ["pcmu"], RecordDirectory = heard }.WithAudioFile(tone), cancellationToken);
        string Describe() => softphone.Describe() + engine.Log;

        await softphone.DialAsync($"sip:softphone@127.0.0.1:{engine.SipPort}", cancellationToken);
        await softphone.WaitForEventAsync("CALL_ESTABLISHED", cancellationToken);

        // Alone, baresip hears the wait music: let a second and a half of it reach baresip's recording before the moderator joins.
        await WithinAsync("baresip's recording of the wait music", async token =>
        {
            while (softphone.Recordings("dec").Sum(f => new FileInfo(f).Length) < 44 + (2 * 8000 * 3 / 2))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, token);
            }
        }, Describe, cancellationToken);
        await using var moderator = Party.Join(engine, "moderator", ToneA, tcp: false, hangUpAfter: TimeSpan.FromSeconds(5));
        await moderator.TalkAsync(() => moderator.Describe() + Describe(), cancellationToken);
        await WithinAsync("baresip's call ending with the room", token => softphone.WaitForEventAsync("CALL_CLOSED", token), Describe, cancellationToken);
        (await moderator.EndAsync(cancellationToken)).Should().Be(0, moderator.Describe());

        moderator.Phone.Packets.Should().Contain(p => TestRtpPhone.CarriesTone(p, ToneC), "the SIPp phone heard baresip through the mix: " + Describe());
        var recording = softphone.Recordings("dec").Should().ContainSingle(softphone.Describe()).Subject;
        await using var wav = await WavAudioSource.OpenAsync(File.OpenRead(recording), "heard", cancellationToken);
        var received = await AudioReading.ReadAllAsync(wav, cancellationToken);
        var blocks = received.Chunk(4000).Where(block => block.Length == 4000).ToList();
        var live = blocks.Where(block => ToneAnalysis.Amplitude(block, ToneA) > Heard).ToList();
        live.Should().HaveCountGreaterThanOrEqualTo(3, "baresip heard the SIPp phone's tone for seconds: " + Describe());
        live.Should().OnlyContain(block => ToneAnalysis.Amplitude(block, ToneC) < Absent, "and never its own");
        blocks.Should().Contain(block => StandardTones.HoldMusicNotes.Any(note => ToneAnalysis.Amplitude(block, note) > 500), "alone, it heard the wait music first");
    }

    private static string Room(string name, string attributes = "") =>
        $"<Response><Dial action=\"/after\"><Conference {attributes}>{name}</Conference></Dial></Response>";

    // One application per caller (by the Request-URI user), each with its own document.
    private async Task<TestEngine> StartEngineAsync(CancellationToken cancellationToken, params (string User, string Document)[] callers)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < callers.Length; i++)
        {
            var (user, document) = callers[i];
            _app.MapXml("/voice/" + user, document);
            settings[$"Applications:{i}:User"] = user;
            settings[$"Applications:{i}:VoiceUrl"] = _app.Url("/voice/" + user).ToString();
        }

        return await TestEngine.StartAsync(settings, cancellationToken, _data.Path);
    }

    private static double Level(byte[] packet, double frequency) => ToneAnalysis.Amplitude(Decode([packet]), frequency);

    private static bool CarriesMusic(byte[] packet) => StandardTones.HoldMusicNotes.Any(note => TestRtpPhone.CarriesTone(packet, note));

    // Waits until the last half second a phone received carries every one of the tones.
    private static async Task WaitForHearingAsync(TestRtpPhone phone, double[] tones, CancellationToken cancellationToken)
    {
        while (true)
        {
            var packets = phone.Packets;
            if (packets.Count >= Window)
            {
                var recent = Decode(packets.Skip(packets.Count - Window));
                if (tones.All(tone => ToneAnalysis.Amplitude(recent, tone) > Heard))
                {
                    return;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cancellationToken);
        }
    }

    // The next packets a phone receives from now on, decoded.
    private static async Task<short[]> NextAudioAsync(TestRtpPhone phone, int count, CancellationToken cancellationToken)
    {
        var from = phone.Count;
        await phone.WaitForCountAsync(from + count, cancellationToken);
        return Decode(phone.Packets.Skip(from).Take(count));
    }

    private static short[] Decode(IEnumerable<byte[]> packets)
    {
        var samples = new List<short>();
        foreach (var packet in packets)
        {
            if (RtpHeader.TryRead(packet, out var header) && (header.PayloadType switch { 0 => G711Codec.Pcmu, 8 => G711Codec.Pcma, _ => null }) is { } codec)
            {
                var decoded = new short[header.PayloadLength];
                codec.Decode(packet.AsSpan(header.PayloadOffset, header.PayloadLength), decoded);
                samples.AddRange(decoded);
            }
        }

        return [.. samples];
    }

    /// <summary>Runs a wait bounded by 20 s, failing with <paramref name="describe"/> (the peers' and engine's logs) when it takes longer.</summary>
    private static async Task WithinAsync(string what, Func<CancellationToken, Task> wait, Func<string> describe, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(20));
        try
        {
            await wait(bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"{what}: not within 20 s; {describe()}");
        }
    }

    /// <summary>A caller: SIPp's signalling (UDP or TCP) with the media of a test phone that talks in its own tone once the engine sends it audio.</summary>
    private sealed class Party : IAsyncDisposable
    {
        private readonly CancellationTokenSource _talking = new();
        private Task _talk = Task.CompletedTask;

        private Party(string user, double tone, TestRtpPhone phone, SippRunner sipp)
        {
            User = user;
            Tone = tone;
            Phone = phone;
            Sipp = sipp;
        }

        public string User { get; }

        public double Tone { get; }

        public TestRtpPhone Phone { get; }

        public SippRunner Sipp { get; }

        /// <summary>Calls <paramref name="user"/>; stays until the engine's BYE, or hangs up itself after <paramref name="hangUpAfter"/>.</summary>
        public static Party Join(TestEngine engine, string user, double tone, bool tcp, TimeSpan? hangUpAfter = null)
        {
            var phone = new TestRtpPhone();
            string[] transport = tcp ? ["-t", "t1"] : [];
            var port = tcp ? engine.SipTcpPort : engine.SipPort;
            var sipp = hangUpAfter is { } after
                ? SippRunner.Call(port, user, "uac_hangup.xml", phone.Port, [.. transport, "-d", ((int)after.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)])
                : SippRunner.Call(port, user, "uac_bridge_party.xml", phone.Port, [.. transport, "-key", "te_pt", "101"]);
            return new Party(user, tone, phone, sipp);
        }

        /// <summary>Waits for the engine's first packet (its address), then talks until disposed.</summary>
        public async Task TalkAsync(Func<string> describe, CancellationToken cancellationToken)
        {
            await WithinAsync($"{User}'s call connected", Phone.WaitForEngineAsync, () => Describe() + describe(), cancellationToken);
            _talk = Phone.SendToneUntilCancelledAsync(Tone, _talking.Token);
        }

        public Task<int> EndAsync(CancellationToken cancellationToken) => Sipp.WaitAsync(cancellationToken);

        public string Describe() => $"\n--- {User} ({Phone.Count} packets received):\n{Sipp.Describe()}\n";

        public async ValueTask DisposeAsync()
        {
            await _talking.CancelAsync();
            await _talk;
            await Sipp.DisposeAsync();
            Phone.Dispose();
            _talking.Dispose();
        }
    }
}
