using System.Diagnostics.Metrics;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.Registrar;

/// <summary>The registrar's counters, on the SIP meter (<c>RcmlEngine.Sip</c>).</summary>
internal static class RegistrarMetrics
{
    /// <summary>REGISTER requests answered, tagged <c>status</c> (200, 401, 403, 423...).</summary>
    public static readonly Counter<long> Requests = SipMetrics.Meter.CreateCounter<long>("sip.registrar.requests");
}
