using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Digits;
using RcmlEngine.Calls.Prompts;
using RcmlEngine.Calls.Recording;
using RcmlEngine.Media.Recording;
using RcmlEngine.Calls.Virtual;

namespace RcmlEngine.Tests.Calls;

[TestFixture]
public sealed class VirtualPhoneTests
{
    private static readonly SpeechPrompt Menu = new("press one for sales press two for support", "man", "en");
    private static readonly AudioPrompt Music = new(new Uri("http://127.0.0.1/music.wav"));

    private FakeTimeProvider _time = null!;
    private string _folder = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider();
        _folder = Directory.CreateTempSubdirectory("rcml-phone-tests").FullName;
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    [CancelAfter(5_000)]
    public async Task PlayAsync_KeyDuringPrompt_StopsPlaybackAndLeavesTheKeyUnread(CancellationToken ct)
    {
        using var phone = await AnsweredAsync(ct);

        var playing = phone.PlayAsync([Menu, Music], interruptOnDigit: true, ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Heard, ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        phone.Press("2");
        var result = await playing;

        result.InterruptedBy.Should().Be('2');
        phone.Heard.Should().ContainSingle().Which.Should().StartWith("Say (man, en): press one");
        phone.Digits.TryPeek(out var unread).Should().BeTrue();
        unread.Should().Be('2');
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task PlayAsync_NotInterruptible_KeysDoNotStopIt(CancellationToken ct)
    {
        using var phone = await AnsweredAsync(ct);

        var playing = phone.PlayAsync([Menu, Music], interruptOnDigit: false, ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Heard, ct);
        phone.Press("2");
        _time.Advance(TimeSpan.FromSeconds(10));
        var result = await playing;

        result.InterruptedBy.Should().BeNull();
        phone.Heard.Should().HaveCount(2);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task PlayAsync_LoopZero_RepeatsUntilTheCallerHangsUp(CancellationToken ct)
    {
        using var phone = await AnsweredAsync(ct);

        var playing = phone.PlayAsync([Music with { Loop = 0 }], interruptOnDigit: false, ct);
        for (var round = 1; round <= 3; round++)
        {
            await phone.WaitForAsync(VirtualPhoneEventKind.Heard, ct, round);
            _time.Advance(TimeSpan.FromSeconds(3));
        }

        await phone.WaitForAsync(VirtualPhoneEventKind.Heard, ct, 4);
        phone.HangUpFromCaller();

        await playing.Invoking(p => p).Should().ThrowAsync<OperationCanceledException>();
        phone.Lifecycle.Status.Should().Be(CallStatus.Completed);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task PlayAsync_BeforeAnswer_Throws(CancellationToken ct)
    {
        using var phone = NewPhone();

        await phone.Invoking(p => p.PlayAsync([Menu], false, ct)).Should().ThrowAsync<InvalidOperationException>();
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task CollectDigitsAsync_ScriptedCaller_KeysItsEntryDuringThePrompt(CancellationToken ct)
    {
        using var phone = await AnsweredAsync(ct, new ScriptedCaller(["42#"]), VirtualPhoneOptions.Instant with { SpeechPerWord = TimeSpan.FromSeconds(1) });

        var result = await phone.CollectDigitsAsync([Menu], new DigitCollectOptions(), ct);

        result.Should().Be(new DigitCollection("42", DigitCollectionEnd.FinishKey, '#'));
        phone.Events.Should().Contain(e => e.Kind == VirtualPhoneEventKind.Interrupted && e.Key == '4');
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task CollectDigitsAsync_KeysPressedBefore_AreDropped(CancellationToken ct)
    {
        using var phone = await AnsweredAsync(ct);
        phone.Press("9");

        var collecting = phone.CollectDigitsAsync([], new DigitCollectOptions { Timeout = TimeSpan.FromSeconds(2) }, ct);
        _time.Advance(TimeSpan.FromSeconds(2));

        (await collecting).Should().Be(new DigitCollection(string.Empty, DigitCollectionEnd.Timeout));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task CollectDigitsAsync_ScriptUsedUp_CallerHangsUp(CancellationToken ct)
    {
        using var phone = await AnsweredAsync(ct, new ScriptedCaller([]));

        await phone.Invoking(p => p.CollectDigitsAsync([Menu], new DigitCollectOptions(), ct)).Should().ThrowAsync<OperationCanceledException>();

        phone.Lifecycle.EndReason.Should().Be(CallEndReason.CallerHungUp);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task RecordAsync_TalkThenFinishKey_RecordsTheTalk(CancellationToken ct)
    {
        using var phone = await AnsweredAsync(ct, new ScriptedCaller(["WW#"]));

        var recording = phone.RecordAsync(Request(), ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Listening, ct);
        _time.Advance(TimeSpan.FromSeconds(2));
        var result = await recording;

        result.EndedBy.Should().Be(RecordingEnd.FinishKey);
        result.FinishKey.Should().Be('#');
        result.Duration.Should().Be(TimeSpan.FromSeconds(2));
        phone.Heard.Should().Equal("Beep");
        new FileInfo(result.FilePath).Length.Should().Be(44 + (2 * SilentWav.SampleRate * 2));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task RecordAsync_TalkThenSilence_EndsAfterTheTimeoutAndTrimsIt(CancellationToken ct)
    {
        using var phone = await AnsweredAsync(ct, new ScriptedCaller(["WWW"]));

        var recording = phone.RecordAsync(Request() with { SilenceTimeout = TimeSpan.FromSeconds(4) }, ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Listening, ct);
        _time.Advance(TimeSpan.FromSeconds(6));
        recording.IsCompleted.Should().BeFalse("3 s of talk then 3 s of silence is under the 4 s timeout");
        _time.Advance(TimeSpan.FromSeconds(1));
        var result = await recording;

        result.EndedBy.Should().Be(RecordingEnd.Silence);
        result.Duration.Should().Be(TimeSpan.FromSeconds(3), "trailing silence is trimmed");
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task RecordAsync_MaxLength_EndsTheRecording(CancellationToken ct)
    {
        using var phone = await AnsweredAsync(ct, new ScriptedCaller(["WWWWWWWWWW"]));

        var recording = phone.RecordAsync(Request() with { MaxLength = TimeSpan.FromSeconds(4) }, ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Listening, ct);
        _time.Advance(TimeSpan.FromSeconds(4));
        var result = await recording;

        result.EndedBy.Should().Be(RecordingEnd.MaxLength);
        result.Duration.Should().Be(TimeSpan.FromSeconds(4));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task RecordAsync_CallerHangsUp_ReturnsWhatWasRecorded(CancellationToken ct)
    {
        using var phone = await AnsweredAsync(ct, new ScriptedCaller(["WWWWWWWWWW"]));

        var recording = phone.RecordAsync(Request(), ct);
        await phone.WaitForAsync(VirtualPhoneEventKind.Listening, ct);
        _time.Advance(TimeSpan.FromSeconds(3));
        phone.HangUpFromCaller();
        var result = await recording;

        result.EndedBy.Should().Be(RecordingEnd.Hangup);
        result.Duration.Should().Be(TimeSpan.FromSeconds(3));
        File.Exists(result.FilePath).Should().BeTrue();
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task RejectAsync_Busy_EndsBusyWithoutAnswering(CancellationToken ct)
    {
        using var phone = NewPhone();
        await phone.RingAsync(ct);

        await phone.RejectAsync(RejectionReason.Busy, ct);

        phone.Lifecycle.Status.Should().Be(CallStatus.Busy);
        phone.Lifecycle.IsAnswered.Should().BeFalse();
        phone.Events.Select(e => e.Kind).Should().Equal(VirtualPhoneEventKind.Ringing, VirtualPhoneEventKind.Rejected);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task RejectAsync_AfterAnswer_Throws(CancellationToken ct)
    {
        using var phone = await AnsweredAsync(ct);

        await phone.Invoking(p => p.RejectAsync(RejectionReason.Declined, ct)).Should().ThrowAsync<InvalidOperationException>();
    }

    private RecordingRequest Request() => new() { FilePath = Path.Combine(_folder, $"{Guid.NewGuid():N}.wav") };

    private VirtualPhone NewPhone(IVirtualCaller? caller = null, VirtualPhoneOptions? options = null) =>
        new(new CallInfo { CallSid = TwilioSid.NewCallSid(), AccountSid = TwilioSid.New(TwilioSid.AccountPrefix), From = "+15550001111", To = "+15550002222" },
            _time, options ?? VirtualPhoneOptions.Instant with { SpeechPerWord = TimeSpan.FromMilliseconds(400), AudioLength = TimeSpan.FromSeconds(3) }, caller);

    private async Task<VirtualPhone> AnsweredAsync(CancellationToken ct, IVirtualCaller? caller = null, VirtualPhoneOptions? options = null)
    {
        var phone = NewPhone(caller, options);
        await phone.AnswerAsync(ct);
        return phone;
    }
}
