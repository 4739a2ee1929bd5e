namespace RcmlEngine.Hosting;

/// <summary>
/// The HTTP path of a recording, Twilio's shape: <c>/2010-04-01/Accounts/{AccountSid}/Recordings/{RecordingSid}</c>,
/// optionally ending in <c>.wav</c>. The engine's HTTP server answers it from the recording store.
/// </summary>
internal static class RecordingPaths
{
    private const string Prefix = "/2010-04-01/Accounts/";
    private const string Middle = "/Recordings/";

    /// <summary>Splits <paramref name="path"/> into its sids; false when it is not a recording path.</summary>
    public static bool TryMatch(string path, out string accountSid, out string recordingSid)
    {
        accountSid = recordingSid = string.Empty;
        if (path is null || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = path[Prefix.Length..];
        var middle = rest.IndexOf(Middle, StringComparison.Ordinal);
        if (middle <= 0)
        {
            return false;
        }

        accountSid = rest[..middle];
        recordingSid = rest[(middle + Middle.Length)..];
        return accountSid.Length > 0 && recordingSid.Length > 0 && !recordingSid.Contains('/', StringComparison.Ordinal);
    }
}
