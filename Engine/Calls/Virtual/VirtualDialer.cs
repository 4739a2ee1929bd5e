using System.Collections.Concurrent;
using RcmlEngine.Calls.Dialing;

namespace RcmlEngine.Calls.Virtual;

/// <summary>
/// Places virtual legs (<c>rcml run</c>, unit tests): each target is a <see cref="VirtualCallee"/> chosen by
/// <paramref name="calleeFor"/> (default: rings 2 s, answers, talks 5 s, hangs up). Numbers and clients
/// need no trunk or registration here; a client named <c>offline</c> has no registration. Prints one line
/// per leg to <paramref name="output"/> when given.
/// </summary>
internal sealed class VirtualDialer(TimeProvider time, Func<DialRequest, VirtualCallee>? calleeFor = null, TextWriter? output = null) : ICallDialer
{
    private readonly ConcurrentQueue<VirtualOutboundCall> _calls = new();

    /// <summary>The legs placed so far, in order.</summary>
    public IReadOnlyList<VirtualOutboundCall> Calls => [.. _calls];

    /// <inheritdoc />
    public DialExpansion Expand(DialRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Kind == DialTargetKind.Client && request.Target == "offline"
            ? DialExpansion.Failure($"client '{request.Target}' has no registration now", DialStatus.NoAnswer)
            : DialExpansion.Of(request);
    }

    /// <inheritdoc />
    public IOutboundCall Dial(DialRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var callee = calleeFor?.Invoke(request) ?? new VirtualCallee();
        var call = new VirtualOutboundCall(request, callee, time);
        _calls.Enqueue(call);
        if (output is { } writer)
        {
            writer.WriteLine($"      dialing {request.Kind.ToString().ToLowerInvariant()} {request.Target} (virtual: {Describe(callee)})");
            if (request.Kind == DialTargetKind.Number)
            {
                writer.WriteLine("      (on a real call a number is dialled through a trunk: configure Trunks, see docs/dial.md)");
            }

            _ = call.Outcome.ContinueWith(
                t => writer.WriteLine($"      {request.Target}: {t.Result.Status.ToString().ToLowerInvariant()} ({t.Result.SipStatusCode})"),
                CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }

        return call;
    }

    private static string Describe(VirtualCallee callee) => callee.Answer == DialStatus.Answered
        ? $"answers after {callee.RingFor.TotalSeconds:0.#} s, {(callee.TalkFor is { } t ? $"hangs up after {t.TotalSeconds:0.#} s" : "stays on the line")}"
        : callee.Answer.ToString().ToLowerInvariant();
}
