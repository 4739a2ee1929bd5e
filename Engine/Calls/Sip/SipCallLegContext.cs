using Microsoft.Extensions.Logging;
using RcmlEngine.Media;

namespace RcmlEngine.Calls.Sip;

/// <summary>What every SIP call leg uses besides its dialog and media: the clock, the audio of prompts, logging.</summary>
/// <param name="Time">The clock of timeouts and lifecycle times.</param>
/// <param name="Audio">Opens speech and audio URLs for prompts.</param>
/// <param name="Logger">The call legs' logger.</param>
internal sealed record SipCallLegContext(TimeProvider Time, IAudioSourceFactory Audio, ILogger<SipCallLeg> Logger);
