using System.Text;

namespace RcmlEngine.Webhooks.Http;

/// <summary>
/// <c>application/x-www-form-urlencoded</c> text for query strings and stored parameter lists
/// (WHATWG URL, "application/x-www-form-urlencoded serializing"; spaces as <c>%20</c>, read back either way).
/// </summary>
internal static class FormEncoding
{
    /// <summary><c>a=1&amp;b=x%20y</c>, in the given order.</summary>
    public static string Encode(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            text.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return text.ToString();
    }

    /// <summary>Reads <see cref="Encode"/>'s output (or any form body) back into ordered pairs.</summary>
    public static List<KeyValuePair<string, string>> Decode(string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add(new(Unescape(name), Unescape(value)));
        }

        return pairs;
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
