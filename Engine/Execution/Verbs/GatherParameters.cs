using System.Globalization;
using RcmlEngine.Calls.Digits;
using RcmlEngine.Media.Speech;

namespace RcmlEngine.Execution.Verbs;

/// <summary>The parameters Gather sends to its action, by Twilio's names.</summary>
internal static class GatherParameters
{
    /// <summary>Keys: <c>Digits</c> and <c>FinishedOnKey</c> (empty when none).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> OfDigits(DigitCollection collected)
    {
        ArgumentNullException.ThrowIfNull(collected);
        return
        [
            new("Digits", collected.Digits),
            new("FinishedOnKey", collected.FinishKey?.ToString() ?? string.Empty),
        ];
    }

    /// <summary>Speech: <c>SpeechResult</c> (the words; empty when none) and <c>Confidence</c> (0 to 1, four decimals at most).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> OfSpeech(SpeechRecognition speech)
    {
        ArgumentNullException.ThrowIfNull(speech);
        return
        [
            new("SpeechResult", speech.Text),
            new("Confidence", speech.Confidence.ToString("0.0###", CultureInfo.InvariantCulture)),
        ];
    }
}
