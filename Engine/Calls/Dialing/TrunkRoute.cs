namespace RcmlEngine.Calls.Dialing;

/// <summary>
/// One entry of the dial plan: numbers starting with <see cref="Prefix"/> are called through the trunk at
/// <see cref="Host"/>, rewritten first (<see cref="Strip"/> leading characters removed, then
/// <see cref="Prepend"/> added).
/// </summary>
internal sealed record TrunkRoute
{
    /// <summary>A name for logs and errors.</summary>
    public required string Name { get; init; }

    /// <summary>The start of the numbers this trunk takes (<c>+1</c>, <c>+44</c>), compared with the number without spaces or punctuation; empty takes every number.</summary>
    public string Prefix { get; init; } = string.Empty;

    /// <summary>The trunk's host name or IP address.</summary>
    public required string Host { get; init; }

    /// <summary>The trunk's port; null for the transport's default (5060).</summary>
    public int? Port { get; init; }

    /// <summary><c>udp</c> or <c>tcp</c>.</summary>
    public string Transport { get; init; } = "udp";

    /// <summary>Digest credentials the trunk challenges for; null for none.</summary>
    public string? Username { get; init; }

    /// <summary>The password of <see cref="Username"/>.</summary>
    public string? Password { get; init; }

    /// <summary>Leading characters removed from the number (after removing spaces and punctuation).</summary>
    public int Strip { get; init; }

    /// <summary>Added in front of the number after <see cref="Strip"/>.</summary>
    public string Prepend { get; init; } = string.Empty;
}
