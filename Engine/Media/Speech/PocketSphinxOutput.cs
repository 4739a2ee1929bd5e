using System.Globalization;

namespace RcmlEngine.Media.Speech;

/// <summary>
/// Reads what <c>pocketsphinx_continuous -time yes</c> prints: for each utterance a line with the
/// hypothesis, then one line per segment, <c>word start end confidence</c>. The text is the words in
/// order (fillers such as <c>&lt;sil&gt;</c> and <c>[NOISE]</c> and the alternate-pronunciation marks
/// <c>(2)</c> removed); the confidence is the mean of the words' posteriors.
/// </summary>
internal static class PocketSphinxOutput
{
    /// <summary>Parses the whole standard output of one run.</summary>
    public static SpeechRecognition Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var words = new List<string>();
        double confidenceSum = 0;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 4
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                || !double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence))
            {
                // A hypothesis line: the same words again, without confidences.
                continue;
            }

            var word = WithoutAlternateMark(parts[0]);
            if (IsFiller(word))
            {
                continue;
            }

            words.Add(word);
            confidenceSum += Math.Clamp(confidence, 0, 1);
        }

        return words.Count == 0 ? SpeechRecognition.NoSpeech : SpeechRecognition.Of(string.Join(' ', words), confidenceSum / words.Count);
    }

    private static string WithoutAlternateMark(string word)
    {
        var paren = word.IndexOf('(', StringComparison.Ordinal);
        return paren > 0 && word.EndsWith(')') ? word[..paren] : word;
    }

    private static bool IsFiller(string word) => word.Length == 0 || word[0] is '<' or '[' or '+';
}
