using System.Net;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Tests.Support;

/// <summary>How <see cref="BaresipRunner"/> sets baresip up: its account, registrar, answer mode and audio.</summary>
internal sealed record BaresipOptions
{
    /// <summary>The account's user (the client name it registers).</summary>
    public string User { get; init; } = "alice";

    /// <summary>Answers digest challenges (auth_pass); null sends no credentials.</summary>
    public string? Password { get; init; }

    /// <summary>
    /// Where to REGISTER (the engine's SIP endpoint): the account's AOR becomes
    /// <c>sip:User@host:port;transport=...</c>. Null: no registration, AOR <c>sip:User@127.0.0.1</c>.
    /// </summary>
    public IPEndPoint? Registrar { get; init; }

    /// <summary>The transport for registering and for calls the account places (;transport= of the AOR).</summary>
    public SipTransportKind Transport { get; init; } = SipTransportKind.Udp;

    /// <summary>Re-registration interval in seconds (regint); the Expires baresip asks for.</summary>
    public int RegisterInterval { get; init; } = 600;

    /// <summary>Incoming calls: "manual" (wait for <see cref="BaresipRunner.AcceptAsync"/>), "auto" or "early".</summary>
    public string AnswerMode { get; init; } = "manual";

    /// <summary>
    /// What baresip sends as audio: <c>ausine,FREQ</c> (a sine; needs 48 kHz stereo) or
    /// <c>aufile,/path.wav</c> (the WAV must have <see cref="SourceSampleRate"/> and <see cref="SourceChannels"/>).
    /// </summary>
    public string AudioSource { get; init; } = "ausine,440";

    public int SourceSampleRate { get; init; } = 48000;

    public int SourceChannels { get; init; } = 2;

    /// <summary>Offered codecs in order (audio_codecs), e.g. pcmu, pcma.</summary>
    public IReadOnlyList<string> AudioCodecs { get; init; } = ["pcmu", "pcma"];

    /// <summary>When set, every call's sent and received audio is written there as WAV files (module sndfile).</summary>
    public string? RecordDirectory { get; init; }

    /// <summary>Extra <c>;name=value</c> account parameters, e.g. <c>;ptime=20</c>.</summary>
    public string ExtraAccountParameters { get; init; } = string.Empty;

    /// <summary>Extra config lines, e.g. <c>call_local_timeout 30</c>.</summary>
    public IReadOnlyList<string> ExtraConfig { get; init; } = [];

    /// <summary>A WAV file as the audio source (8 kHz mono unless said otherwise).</summary>
    public BaresipOptions WithAudioFile(string wavPath, int sampleRate = 8000, int channels = 1) =>
        this with { AudioSource = "aufile," + wavPath, SourceSampleRate = sampleRate, SourceChannels = channels };
}
