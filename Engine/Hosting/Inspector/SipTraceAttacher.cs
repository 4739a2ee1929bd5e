using Microsoft.Extensions.Hosting;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Hosting.Inspector;

/// <summary>Attaches <see cref="SipTimelineTrace"/> to the SIP stack's transport when the host starts.</summary>
internal sealed class SipTraceAttacher(SipStack stack, SipTimelineTrace trace) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        stack.Transport.Trace = trace;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
