namespace RcmlEngine.Api.CallController;

/// <summary>The parameters of an <c>Authorization: Digest ...</c> header (RFC 7616 3.4).</summary>
internal sealed record DigestAuthorization(IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>The longest header read; anything longer is not a credential.</summary>
    public const int MaxHeaderLength = 4096;

    /// <summary>A parameter's value, or null.</summary>
    public string? this[string name] => Parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>Reads the header; false when it is not a well-formed Digest credential.</summary>
    public static bool TryParse(string? header, out DigestAuthorization authorization)
    {
        authorization = null!;
        const string Scheme = "Digest ";
        if (header is null || header.Length > MaxHeaderLength || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var text = header.AsSpan(Scheme.Length);
        while (true)
        {
            text = text.TrimStart(" \t,");
            if (text.IsEmpty)
            {
                break;
            }

            var equals = text.IndexOf('=');
            if (equals <= 0)
            {
                return false;
            }

            var name = text[..equals].Trim().ToString();
            text = text[(equals + 1)..].TrimStart();
            string value;
            if (!text.IsEmpty && text[0] == '"')
            {
                var end = 1;
                var builder = new System.Text.StringBuilder();
                while (end < text.Length && text[end] != '"')
                {
                    // RFC 7230 quoted-pair.
                    if (text[end] == '\\' && end + 1 < text.Length)
                    {
                        end++;
                    }

                    builder.Append(text[end]);
                    end++;
                }

                if (end >= text.Length)
                {
                    return false;
                }

                value = builder.ToString();
                text = text[(end + 1)..];
            }
            else
            {
                var comma = text.IndexOf(',');
                value = (comma < 0 ? text : text[..comma]).Trim().ToString();
                text = comma < 0 ? [] : text[comma..];
            }

            if (!parameters.TryAdd(name, value))
            {
                return false;
            }
        }

        authorization = new DigestAuthorization(parameters);
        return true;
    }
}
