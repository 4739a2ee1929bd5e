namespace RcmlEngine.Rcml.Parsing;

/// <summary>The words an enumerated attribute accepts, in their documented spelling, and the values they mean.</summary>
/// <typeparam name="T">The enum they map to.</typeparam>
internal sealed class WordMap<T>(params (string Word, T Value)[] entries)
    where T : struct, Enum
{
    /// <summary>The accepted words, for messages: <c>'GET' or 'POST'</c>.</summary>
    public string Allowed { get; } = entries.Length switch
    {
        1 => $"'{entries[0].Word}'",
        _ => string.Join(", ", entries[..^1].Select(e => $"'{e.Word}'")) + $" or '{entries[^1].Word}'",
    };

    /// <summary>Finds a word: exactly, or failing that ignoring case (then <paramref name="canonical"/> is the documented spelling).</summary>
    public bool TryGet(ReadOnlySpan<char> word, out T value, out string? canonical)
    {
        foreach (var entry in entries)
        {
            if (word.SequenceEqual(entry.Word))
            {
                (value, canonical) = (entry.Value, null);
                return true;
            }
        }

        foreach (var entry in entries)
        {
            if (word.Equals(entry.Word, StringComparison.OrdinalIgnoreCase))
            {
                (value, canonical) = (entry.Value, entry.Word);
                return true;
            }
        }

        (value, canonical) = (default, null);
        return false;
    }
}
