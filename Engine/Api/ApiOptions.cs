namespace RcmlEngine.Api;

/// <summary>The REST API's limits (<c>Api</c> section).</summary>
internal sealed class ApiOptions
{
    /// <summary>Requests each account may make per second (a token bucket, bursts up to twice that); 0: no limit.</summary>
    public int MaxRequestsPerSecond { get; set; } = 200;

    /// <summary>The largest request body read, in bytes (Twiml up to 4,000 characters fits many times).</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
