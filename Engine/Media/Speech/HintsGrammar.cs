using System.Text;

namespace RcmlEngine.Media.Speech;

/// <summary>
/// Turns Gather <c>hints</c> into a JSGF grammar that restricts the first recognition pass to those
/// phrases (the recognizer falls back to free speech when the grammar matches nothing). A phrase with
/// a word the dictionary does not know, or a Twilio class token (<c>$OOV_CLASS_DIGIT_SEQUENCE</c>), is
/// left out: the decoder refuses a grammar with unknown words.
/// </summary>
internal static class HintsGrammar
{
    /// <summary>The most phrases put in one grammar (Twilio allows 500 hints).</summary>
    public const int MaxPhrases = 500;

    /// <summary>Splits a <c>hints</c> attribute on commas; trimmed, empty entries dropped.</summary>
    public static IReadOnlyList<string> Split(string? hints) =>
        string.IsNullOrWhiteSpace(hints)
            ? []
            : hints.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// The phrases of <paramref name="hints"/> that can be recognized: lower case, words separated by
    /// one space, each word known to <paramref name="isKnownWord"/>; duplicates dropped, in order.
    /// </summary>
    public static IReadOnlyList<string> UsablePhrases(IEnumerable<string> hints, Func<string, bool> isKnownWord)
    {
        ArgumentNullException.ThrowIfNull(hints);
        ArgumentNullException.ThrowIfNull(isKnownWord);
        var phrases = new List<string>();
        foreach (var hint in hints)
        {
            var words = hint.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || !words.All(word => IsPlainWord(word) && isKnownWord(word)))
            {
                continue;
            }

            var phrase = string.Join(' ', words);
            if (!phrases.Contains(phrase, StringComparer.Ordinal) && phrases.Count < MaxPhrases)
            {
                phrases.Add(phrase);
            }
        }

        return phrases;
    }

    /// <summary>A JSGF grammar whose one public rule is any one of <paramref name="phrases"/>; null when there are none.</summary>
    public static string? Build(IReadOnlyList<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        if (phrases.Count == 0)
        {
            return null;
        }

        var grammar = new StringBuilder("#JSGF V1.0;\ngrammar hints;\npublic <hint> = ");
        grammar.AppendJoin(" | ", phrases);
        grammar.Append(";\n");
        return grammar.ToString();
    }

    // Letters, with apostrophes, hyphens or dots inside (o'clock, t-shirt, a.m.): nothing JSGF gives a meaning to.
    private static bool IsPlainWord(string word) =>
        char.IsAsciiLetterLower(word[0]) && word.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '\'' or '-' or '.');
}
