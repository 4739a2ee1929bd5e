using System.Text;
using Microsoft.AspNetCore.Http;

namespace RcmlEngine.Api;

/// <summary>
/// Form or query parameters as Twilio reads them: names compared case-sensitively (<c>To</c>, not
/// <c>to</c>), a repeated name a list (<c>StatusCallbackEvent=ringing&amp;StatusCallbackEvent=answered</c>).
/// </summary>
internal sealed class ApiForm
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    private ApiForm()
    {
    }

    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    public string? this[string name] => _values.TryGetValue(name, out var values) ? values[0] : null;

    /// <summary>Every value of <paramref name="name"/>, in order.</summary>
    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var values) ? values : [];

    /// <summary>True when <paramref name="name"/> was given (even empty).</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>Reads <c>application/x-www-form-urlencoded</c> text (a query string without its <c>?</c>, or a body).</summary>
    public static ApiForm Parse(string? encoded)
    {
        var form = new ApiForm();
        if (string.IsNullOrEmpty(encoded))
        {
            return form;
        }

        foreach (var pair in encoded.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            if (!form._values.TryGetValue(name, out var values))
            {
                form._values[name] = values = [];
            }

            values.Add(value);
        }

        return form;
    }

    /// <summary>
    /// The request's form body, when it is one; null when it is larger than <paramref name="maxBytes"/>.
    /// Another content type reads as an empty form.
    /// </summary>
    public static async Task<ApiForm?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        if (request.ContentType is not { } type || !type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return new ApiForm();
        }

        var buffer = new byte[Math.Min(maxBytes, (int)(request.ContentLength ?? 4096)) + 1];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > maxBytes)
                {
                    return null;
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxBytes + 1));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return length > maxBytes ? null : Parse(Encoding.UTF8.GetString(buffer, 0, length));
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
