using RcmlEngine.Media.Mixing;

namespace RcmlEngine.Tests.Media.Mixing;

[TestFixture]
public sealed class ConferenceMixerTests
{
    private const int Frame = ConferenceMixer.FrameSamples;

    private readonly List<IDisposable> _owned = [];

    [TearDown]
    public void TearDown()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _owned.Clear();
    }

    [Test]
    public void Mix_ThreeConstantTalkers_EachHearsTheSumOfTheOthers()
    {
        var mixer = NewMixer();
        var (a, aOut) = Join(mixer, "a");
        var (b, bOut) = Join(mixer, "b");
        var (c, cOut) = Join(mixer, "c");

        Speak(a, Constant(100));
        Speak(b, Constant(200));
        Speak(c, Constant(400));
        mixer.Mix();

        aOut.Last.Should().AllBeEquivalentTo((short)600);
        bOut.Last.Should().AllBeEquivalentTo((short)500);
        cOut.Last.Should().AllBeEquivalentTo((short)300);
    }

    [Test]
    public void Mix_ThreeSines_EachHearsExactlyTheOtherTwo()
    {
        var mixer = NewMixer();
        var (a, aOut) = Join(mixer, "a");
        var (b, bOut) = Join(mixer, "b");
        var (c, cOut) = Join(mixer, "c");
        var sa = Sine(440, 6000);
        var sb = Sine(1000, 5000);
        var sc = Sine(2500, 4000);

        Speak(a, sa);
        Speak(b, sb);
        Speak(c, sc);
        mixer.Mix();

        aOut.Last.Should().Equal(Sum(sb, sc), "a hears b and c, not itself");
        bOut.Last.Should().Equal(Sum(sa, sc));
        cOut.Last.Should().Equal(Sum(sa, sb));
    }

    [Test]
    public void Mix_EveryTick_SendsOneFramePerConnectedListener()
    {
        var mixer = NewMixer();
        var (_, aOut) = Join(mixer, "a");
        var (_, bOut) = Join(mixer, "b");

        for (var i = 0; i < 5; i++)
        {
            mixer.Mix();
        }

        aOut.Frames.Should().HaveCount(5).And.OnlyContain(f => f.Length == Frame && f.All(s => s == 0), "silence while nobody speaks");
        bOut.Frames.Should().HaveCount(5);
        mixer.Ticks.Should().Be(5);
    }

    [Test]
    public void Mix_MutedParticipant_IsNotMixedButStillHearsTheOthers()
    {
        var mixer = NewMixer();
        var (a, aOut) = Join(mixer, "a");
        var (b, bOut) = Join(mixer, "b");
        var (c, cOut) = Join(mixer, "c");
        a.Muted = true;

        Speak(a, Constant(1000));
        Speak(b, Constant(200));
        Speak(c, Constant(400));
        mixer.Mix();

        aOut.Last.Should().AllBeEquivalentTo((short)600, "a muted still hears b and c");
        bOut.Last.Should().AllBeEquivalentTo((short)400, "nobody hears a");
        cOut.Last.Should().AllBeEquivalentTo((short)200);
    }

    [Test]
    public void Mix_HeldParticipant_IsNeitherMixedNorSentTheMix()
    {
        var mixer = NewMixer();
        var (a, aOut) = Join(mixer, "a");
        var (b, bOut) = Join(mixer, "b");
        var (c, cOut) = Join(mixer, "c");
        a.Held = true;

        Speak(a, Constant(1000));
        Speak(b, Constant(200));
        Speak(c, Constant(400));
        mixer.Mix();

        aOut.Frames.Should().BeEmpty("a hears its hold music, not the room");
        bOut.Last.Should().AllBeEquivalentTo((short)400);
        cOut.Last.Should().AllBeEquivalentTo((short)200);
    }

    [Test]
    public void Mix_Unheld_HearsTheRoomAgainWithoutWhatItSaidOnHold()
    {
        var mixer = NewMixer();
        var (a, aOut) = Join(mixer, "a");
        var (b, bOut) = Join(mixer, "b");
        a.Held = true;
        for (var i = 0; i < 10; i++)
        {
            Speak(a, Constant(1000));
            mixer.Mix();
        }

        a.Held = false;
        Speak(b, Constant(200));
        mixer.Mix();

        aOut.Last.Should().AllBeEquivalentTo((short)200);
        bOut.Last.Should().AllBeEquivalentTo((short)0, "what a said while held is not replayed to the room");
    }

    [Test]
    public void Mix_Coach_IsHeardOnlyByTheCoachedParticipant()
    {
        var mixer = NewMixer();
        var (agent, agentOut) = Join(mixer, "agent");
        var (customer, customerOut) = Join(mixer, "customer");
        var (coach, coachOut) = Join(mixer, "coach");
        coach.Coaching = agent;

        Speak(agent, Constant(100));
        Speak(customer, Constant(200));
        Speak(coach, Constant(400));
        mixer.Mix();

        agentOut.Last.Should().AllBeEquivalentTo((short)(200 + 400), "the agent hears the customer and its coach");
        customerOut.Last.Should().AllBeEquivalentTo((short)100, "the customer never hears the coach");
        coachOut.Last.Should().AllBeEquivalentTo((short)(100 + 200), "the coach hears the whole room");
    }

    [Test]
    public void Mix_RoomAudio_IsHeardByEveryone()
    {
        var mixer = NewMixer();
        var (a, aOut) = Join(mixer, "a");
        var (_, bOut) = Join(mixer, "b");
        var (c, cOut) = Join(mixer, "c");
        c.Muted = true;

        Speak(a, Constant(100));
        mixer.RoomAudio.Write(Constant(50));
        mixer.Mix();

        aOut.Last.Should().AllBeEquivalentTo((short)50, "the speaker hears the beep but not itself");
        bOut.Last.Should().AllBeEquivalentTo((short)150);
        cOut.Last.Should().AllBeEquivalentTo((short)150);
    }

    [Test]
    public void Mix_Recorder_GetsTheWholeRoomButNotTheCoach()
    {
        var mixer = NewMixer();
        var recorder = new CollectingMixOutput();
        mixer.RecordTo(recorder);
        var (a, _) = Join(mixer, "a");
        var (b, _) = Join(mixer, "b");
        var (coach, _) = Join(mixer, "coach");
        var (muted, _) = Join(mixer, "muted");
        coach.Coaching = a;
        muted.Muted = true;

        Speak(a, Constant(100));
        Speak(b, Constant(200));
        Speak(coach, Constant(400));
        Speak(muted, Constant(800));
        mixer.RoomAudio.Write(Constant(1));
        mixer.Mix();

        recorder.Frames.Should().ContainSingle().Which.Should().AllBeEquivalentTo((short)301);

        mixer.RecordTo(null);
        mixer.Mix();
        recorder.Frames.Should().ContainSingle("recording stopped");
    }

    [Test]
    public void Mix_LoudTalkers_AreLimitedWithinShortRangeWithoutWrapping()
    {
        var mixer = NewMixer();
        var talkers = new List<MixParticipant>();
        for (var i = 0; i < 6; i++)
        {
            talkers.Add(Join(mixer, $"p{i}").Participant);
        }

        var (_, listenerOut) = Join(mixer, "listener");
        foreach (var p in talkers)
        {
            Speak(p, Sine(300, short.MaxValue));
        }

        mixer.Mix();

        var reference = Sine(300, short.MaxValue);
        var heard = listenerOut.Last;
        for (var i = 0; i < Frame; i++)
        {
            Math.Sign(heard[i]).Should().Be(Math.Sign(reference[i]), "a sum beyond full scale bends, it does not wrap (sample {0})", i);
            Math.Abs((int)heard[i]).Should().BeGreaterThanOrEqualTo(Math.Abs((int)ConferenceMixer.LimitSample(reference[i])), "six talkers are at least as loud as one");
        }

        heard.Max().Should().BeGreaterThan(30_000);
    }

    [Test]
    public void LimitSample_BelowTheKnee_IsTheIdentity()
    {
        foreach (var value in new[] { 0, 1, -1, 1000, -1000, 24_576, -24_576 })
        {
            ConferenceMixer.LimitSample(value).Should().Be((short)value);
        }
    }

    [Test]
    public void LimitSample_OverAHundredFullScaleTalkers_StaysInRangeContinuousAndMonotonic()
    {
        const int Bound = 100 * 32_768;
        short previous = ConferenceMixer.LimitSample(-Bound);
        var failures = 0;
        for (var value = -Bound + 1; value <= Bound; value++)
        {
            var limited = ConferenceMixer.LimitSample(value);
            var step = limited - previous;

            // Each step of the input moves the output by 0 or 1: never down (monotonic), never a jump (continuous).
            if (step is < 0 or > 1 || ConferenceMixer.LimitSample(-value) != -limited)
            {
                failures++;
            }

            previous = limited;
        }

        failures.Should().Be(0);
        ConferenceMixer.LimitSample(Bound).Should().BeLessThanOrEqualTo(short.MaxValue).And.BeGreaterThan(32_000);
        ConferenceMixer.LimitSample(-Bound).Should().BeGreaterThanOrEqualTo((short)-short.MaxValue);
    }

    [Test]
    public void Mix_Talker_RaisesSpeakingChangedAtOnsetAndAfterHangover()
    {
        var mixer = NewMixer();
        var events = new List<(string Name, bool Speaking)>();
        mixer.SpeakingChanged = (p, speaking) => events.Add((p.Name, speaking));
        var (a, _) = Join(mixer, "a");
        var (quiet, _) = Join(mixer, "quiet");

        Speak(a, Sine(500, 8000));
        Speak(quiet, Constant(0));
        mixer.Mix();
        events.Should().BeEmpty("one loud frame is not yet speech");

        for (var i = 1; i < SpeechDetector.OnsetFrames; i++)
        {
            Speak(a, Sine(500, 8000));
            mixer.Mix();
        }

        events.Should().Equal(("a", true));
        a.Speaking.Should().BeTrue();

        for (var i = 0; i < SpeechDetector.HangoverFrames - 1; i++)
        {
            Speak(a, Constant(0));
            mixer.Mix();
        }

        events.Should().HaveCount(1, "the hangover rides over a pause");
        Speak(a, Constant(0));
        mixer.Mix();
        events.Should().Equal(("a", true), ("a", false));
        a.Speaking.Should().BeFalse();
    }

    [Test]
    public void Mix_MutedTalker_RaisesNoSpeakingEvent()
    {
        var mixer = NewMixer();
        var events = 0;
        mixer.SpeakingChanged = (_, _) => events++;
        var (a, _) = Join(mixer, "a");
        a.Muted = true;

        for (var i = 0; i < 10; i++)
        {
            Speak(a, Sine(500, 8000));
            mixer.Mix();
        }

        events.Should().Be(0);
    }

    [Test]
    public void Remove_BetweenTicks_NextTickNeitherMixesNorSendsIt()
    {
        var mixer = NewMixer();
        var (a, aOut) = Join(mixer, "a");
        var (b, bOut) = Join(mixer, "b");
        Speak(a, Constant(100));
        Speak(b, Constant(200));
        mixer.Mix();

        mixer.Remove(a);
        Speak(a, Constant(100));
        Speak(b, Constant(200));
        mixer.Mix();

        mixer.Count.Should().Be(1);
        aOut.Frames.Should().HaveCount(1);
        bOut.Frames.Should().HaveCount(2);
        bOut.Last.Should().AllBeEquivalentTo((short)0);
    }

    [Test]
    public void Add_SameParticipantTwice_IsMixedOnce()
    {
        var mixer = NewMixer();
        var (a, aOut) = Join(mixer, "a");
        mixer.Add(a);
        var (b, bOut) = Join(mixer, "b");

        Speak(a, Constant(100));
        mixer.Mix();

        mixer.Count.Should().Be(2);
        aOut.Frames.Should().ContainSingle();
        bOut.Last.Should().AllBeEquivalentTo((short)100);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task AddRemove_WhileMixing_NeverDisturbsTheTick(CancellationToken cancellationToken)
    {
        var mixer = NewMixer();
        var (_, steadyOut) = Join(mixer, "steady");
        var comers = new List<(MixParticipant P, CollectingMixOutput O)>();
        for (var i = 0; i < 8; i++)
        {
            comers.Add(Join(mixer, $"c{i}", add: false));
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var churn = Task.Run(
            () =>
            {
                for (var round = 0; round < 2000 && !stop.IsCancellationRequested; round++)
                {
                    var (p, _) = comers[round % comers.Count];
                    mixer.Add(p);
                    mixer.Remove(p);
                    mixer.Add(p);
                }
            },
            cancellationToken);

        var ticks = 0;
        while (!churn.IsCompleted)
        {
            mixer.Mix();
            ticks++;
        }

        await churn;
        mixer.Mix();

        mixer.Count.Should().Be(1 + comers.Count, "every comer was added last");
        steadyOut.Frames.Should().HaveCount(ticks + 1);
    }

    private static short[] Constant(short value) => Enumerable.Repeat(value, Frame).ToArray();

    private static short[] Sine(double hertz, double peak) =>
        Enumerable.Range(0, Frame).Select(i => (short)(peak * Math.Sin(2 * Math.PI * hertz * i / 8000))).ToArray();

    private static short[] Sum(short[] x, short[] y) => x.Zip(y, (l, r) => (short)(l + r)).ToArray();

    private static void Speak(MixParticipant participant, short[] frame) => participant.Input.OnAudio(frame);

    private ConferenceMixer NewMixer()
    {
        var mixer = new ConferenceMixer();
        _owned.Add(mixer);
        return mixer;
    }

    private (MixParticipant Participant, CollectingMixOutput Output) Join(ConferenceMixer mixer, string name, bool add = true)
    {
        var participant = new MixParticipant(name, Frame);
        _owned.Add(participant);
        var output = new CollectingMixOutput();
        participant.Connect(output);
        if (add)
        {
            mixer.Add(participant);
        }

        return (participant, output);
    }
}
