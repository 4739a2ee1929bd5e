namespace RcmlEngine.Hosting;

/// <summary>
/// A SIP trunk of the dial plan (<c>Trunks:N</c>): numbers starting with <see cref="Prefix"/> (the longest
/// matching prefix wins) are called at <see cref="Host"/>, rewritten (<see cref="Strip"/>, then <see cref="Prepend"/>).
/// </summary>
internal sealed class TrunkOptions
{
    /// <summary>A name for logs and errors; default <c>trunk N</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The start of the numbers it takes (<c>+1</c>, <c>+44</c>); empty takes every number.</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>The trunk's host name or IP address.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>The trunk's port; none for 5060.</summary>
    public int? Port { get; set; }

    /// <summary><c>udp</c> (default) or <c>tcp</c>.</summary>
    public string Transport { get; set; } = "udp";

    /// <summary>The digest user the trunk challenges (401/407) for; none when it does not.</summary>
    public string? Username { get; set; }

    /// <summary>The password of <see cref="Username"/>.</summary>
    public string? Password { get; set; }

    /// <summary>Leading characters removed from the number (after spaces and punctuation are).</summary>
    public int Strip { get; set; }

    /// <summary>Added in front of the number after <see cref="Strip"/>.</summary>
    public string Prepend { get; set; } = string.Empty;
}
