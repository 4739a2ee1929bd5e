namespace RcmlEngine.Calls.Admission;

/// <summary>Why a new call was refused; each maps to a Retry-After (RFC 3261 21.5.4, 20.33).</summary>
internal enum AdmissionRefusal
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary><see cref="CallAdmissionOptions.MaxConcurrentCalls"/> calls are in progress.</summary>
    TooManyCalls,

    /// <summary>More than <see cref="CallAdmissionOptions.MaxCallsPerSecond"/> new calls this second.</summary>
    TooFast,

    /// <summary>The thread pool is late by <see cref="CallAdmissionOptions.MaxSchedulingDelay"/> or more.</summary>
    Pressure,

    /// <summary>The engine is draining before it stops.</summary>
    Draining,
}
