using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Sip;
using RcmlEngine.Media.Sessions;
using RcmlEngine.Rtp;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// The call layer between two real SIP stacks on 127.0.0.1: the engine's (its <see cref="SipCallFactory"/>
/// makes the legs) and a phone's, whose media is an <see cref="RtpMediaSession"/> too. The phone calls the
/// engine (<see cref="CallEngineAsync"/>) or answers the engine's calls (<see cref="Phone"/>'s handler).
/// </summary>
internal sealed class SipCallHarness : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    public SipCallHarness(RtpOptions? rtpOptions = null)
    {
        Media = new MediaSessions(rtpOptions: rtpOptions);
        Engine = SipTestStacks.Start();
        Phone = SipTestStacks.Start();
        Audio = new ToneAudioSourceFactory();
        Factory = new SipCallFactory(Engine, Media.Factory, new MediaSessionOptions(), Audio, TimeProvider.System, NullLogger<SipCallLeg>.Instance);
    }

    public MediaSessions Media { get; }

    public SipStack Engine { get; }

    public SipStack Phone { get; }

    public ToneAudioSourceFactory Audio { get; }

    public SipCallFactory Factory { get; }

    /// <summary>The engine's UDP address as a SIP URI for <paramref name="user"/>.</summary>
    public SipUri EngineUri(string user) => SipUri.Create(user, "127.0.0.1", Engine.EndPoint(SipTransportKind.Udp).Port);

    /// <summary>The phone's UDP address as a SIP URI for <paramref name="user"/>.</summary>
    public string PhoneUri(string user) => SipUri.Create(user, "127.0.0.1", Phone.EndPoint(SipTransportKind.Udp).Port).ToString();

    /// <summary>A media session for the phone's side, disposed with the harness.</summary>
    public RtpMediaSession PhoneMedia()
    {
        var media = Media.Factory.Create();
        _owned.Add(media);
        return media;
    }

    /// <summary>
    /// The phone calls the engine with <paramref name="offer"/> (default: its media's offer); returns the
    /// engine's leg (not yet rung or answered) and the phone's call. The engine's handler keeps the call
    /// until it ends, as the host does.
    /// </summary>
    public async Task<(SipInboundCall Leg, SipOutgoingCall PhoneCall)> CallEngineAsync(
        RtpMediaSession phoneMedia, CancellationToken cancellationToken, string? offer = null, string user = "test")
    {
        var arrived = new TaskCompletionSource<SipInboundCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        Engine.IncomingCallHandler = async (call, ct) =>
        {
            var info = SipCallInfoReader.Read(call, TwilioSid.NewCallSid(), "AC" + new string('0', 32));
            var leg = Factory.Accept(call, info);
            _owned.Add(leg);
            arrived.TrySetResult(leg);

            // Until the dialog is over (not merely the call's lifecycle): a rejection must be sent first.
            await call.Completion;
        };
        var phoneCall = Phone.Dial(new SipDialOptions(EngineUri(user)) { Body = SipBody.Sdp(Encoding.UTF8.GetBytes(offer ?? phoneMedia.CreateOffer())) });
        return (await arrived.Task.WaitAsync(cancellationToken), phoneCall);
    }

    /// <summary>After the engine answered: the phone applies the answer and starts its media.</summary>
    public static async Task ConnectPhoneAsync(SipOutgoingCall phoneCall, RtpMediaSession phoneMedia, CancellationToken cancellationToken)
    {
        var outcome = await phoneCall.Outcome.WaitAsync(cancellationToken);
        outcome.StatusCode.Should().Be(200);
        phoneMedia.ApplyAnswer(Encoding.UTF8.GetString(outcome.Body.Content.Span)).Succeeded.Should().BeTrue();
        phoneMedia.Start();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        await Engine.DisposeAsync();
        await Phone.DisposeAsync();
        Media.Dispose();
    }
}
