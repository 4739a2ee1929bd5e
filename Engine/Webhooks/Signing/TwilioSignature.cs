using System.Security.Cryptography;
using System.Text;

namespace RcmlEngine.Webhooks.Signing;

/// <summary>
/// Twilio's request signature, so the validators of Twilio's helper libraries accept our requests:
/// <c>X-Twilio-Signature</c> = base64(HMAC-SHA1(AuthToken, URL + name1 + value1 + name2 + value2 ...)),
/// with the POST parameters sorted by name (ordinal; equal names by value). For GET the parameters are
/// already in the URL, so none are appended.
/// </summary>
internal static class TwilioSignature
{
    /// <summary>The request header that carries the signature.</summary>
    public const string HeaderName = "X-Twilio-Signature";

    /// <summary>Computes the signature of <paramref name="url"/> (exactly as sent) and the POST parameters.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "Twilio's signature scheme is HMAC-SHA1; existing validators expect exactly it.")]
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>>? postParameters)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);

        var data = new StringBuilder(url);
        if (postParameters is not null)
        {
            foreach (var (name, value) in postParameters.Order(ParameterOrder.Instance))
            {
                data.Append(name).Append(value);
            }
        }

        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(hash);
    }

    private sealed class ParameterOrder : IComparer<KeyValuePair<string, string>>
    {
        public static readonly ParameterOrder Instance = new();

        public int Compare(KeyValuePair<string, string> x, KeyValuePair<string, string> y)
        {
            var byName = string.CompareOrdinal(x.Key, y.Key);
            return byName != 0 ? byName : string.CompareOrdinal(x.Value, y.Value);
        }
    }
}
