namespace RcmlEngine.Media.Tts;

/// <summary>
/// Maps Say's voice and language to an espeak-ng voice: the language picks the voice file
/// (<c>en-us</c>, <c>fr-fr</c>, <c>cmn</c>...), the voice picks a male or female variant (<c>+m3</c>, <c>+f3</c>).
/// </summary>
internal static class EspeakVoices
{
    /// <summary>The voice used when the language is unknown or not given (Twilio's default language is en-US).</summary>
    public const string DefaultVoice = "en-us";

    // Voices of espeak-ng 1.51 named exactly like the lower-cased BCP 47 tag.
    private static readonly HashSet<string> Direct = new(StringComparer.OrdinalIgnoreCase)
    {
        "af", "ar", "bg", "bs", "ca", "cs", "cy", "da", "de", "el", "en-gb", "en-us", "eo", "es", "es-419", "et", "eu",
        "fa", "fi", "fr-be", "fr-ch", "fr-fr", "ga", "gu", "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ja", "ka",
        "kn", "ko", "lt", "lv", "mk", "ml", "mr", "ms", "nb", "ne", "nl", "pa", "pl", "pt", "pt-br", "ro", "ru", "sk",
        "sl", "sq", "sr", "sv", "sw", "ta", "te", "th", "tr", "uk", "ur", "vi", "cmn", "yue",
    };

    // Tags whose espeak-ng voice has another name.
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "en-us", ["en-au"] = "en-gb", ["en-nz"] = "en-gb", ["en-ie"] = "en-gb", ["en-in"] = "en-gb",
        ["en-za"] = "en-gb", ["en-ca"] = "en-us", ["es-es"] = "es", ["es-mx"] = "es-419", ["es-us"] = "es-419",
        ["es-ar"] = "es-419", ["es-co"] = "es-419", ["fr"] = "fr-fr", ["fr-ca"] = "fr-fr", ["de-de"] = "de",
        ["de-at"] = "de", ["de-ch"] = "de", ["it-it"] = "it", ["pt-pt"] = "pt", ["ja-jp"] = "ja", ["ko-kr"] = "ko",
        ["zh"] = "cmn", ["zh-cn"] = "cmn", ["zh-tw"] = "cmn", ["cmn-cn"] = "cmn", ["zh-hk"] = "yue", ["yue-hk"] = "yue",
        ["nl-nl"] = "nl", ["nl-be"] = "nl", ["sv-se"] = "sv", ["nb-no"] = "nb", ["no"] = "nb", ["da-dk"] = "da",
        ["fi-fi"] = "fi", ["pl-pl"] = "pl", ["ru-ru"] = "ru", ["tr-tr"] = "tr", ["el-gr"] = "el", ["he-il"] = "he",
        ["hi-in"] = "hi", ["ar-ae"] = "ar", ["ar-sa"] = "ar", ["cs-cz"] = "cs", ["hu-hu"] = "hu", ["ro-ro"] = "ro",
        ["uk-ua"] = "uk", ["vi-vn"] = "vi", ["id-id"] = "id", ["is-is"] = "is", ["ca-es"] = "ca", ["cy-gb"] = "cy",
    };

    // Polly and Google voice names that are female; other named voices are taken as male.
    private static readonly HashSet<string> FemaleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "woman", "alice", "joanna", "salli", "kimberly", "kendra", "ivy", "ruth", "danielle", "amy", "emma", "nicole",
        "olivia", "aditi", "raveena", "kajal", "aria", "ayanda", "niamh", "lupe", "penelope", "conchita",
        "lucia", "mia", "celine", "lea", "chantal", "gabrielle", "marlene", "vicki", "carla", "bianca", "camila",
        "vitoria", "ines", "mizuki", "seoyeon", "zhiyu", "tatyana", "astrid", "liv", "naja", "ewa", "maja", "filiz",
        "carmen", "dora", "lotte", "hannah", "elin", "ida", "suvi", "laura", "ola",
    };

    /// <summary>The espeak-ng voice (<c>-v</c> value) for Say's voice and language.</summary>
    public static string Map(string? voice, string? language)
    {
        var tag = language;
        if (string.IsNullOrWhiteSpace(tag) && voice is not null && voice.StartsWith("Google.", StringComparison.OrdinalIgnoreCase))
        {
            // Google voices carry their locale: Google.en-GB-Standard-A.
            var parts = voice["Google.".Length..].Split('-');
            tag = parts.Length >= 2 ? $"{parts[0]}-{parts[1]}" : null;
        }

        return LanguageVoice(tag) + (IsFemale(voice) ? "+f3" : "+m3");
    }

    private static string LanguageVoice(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return DefaultVoice;
        }

        var normalized = tag.Trim().Replace('_', '-');
        if (Renamed.TryGetValue(normalized, out var renamed))
        {
            return renamed;
        }

        if (Direct.Contains(normalized))
        {
            return normalized.ToLowerInvariant();
        }

        var primary = normalized.Split('-')[0];
        return Renamed.TryGetValue(primary, out renamed) ? renamed
            : Direct.Contains(primary) ? primary.ToLowerInvariant()
            : DefaultVoice;
    }

    private static bool IsFemale(string? voice)
    {
        if (string.IsNullOrWhiteSpace(voice))
        {
            return false;
        }

        // Polly.Joanna, Polly.Joanna-Neural, Google.en-US-Standard-C (Google letters are not gendered here).
        var name = voice.Contains('.', StringComparison.Ordinal) ? voice[(voice.IndexOf('.', StringComparison.Ordinal) + 1)..] : voice;
        name = name.Split('-')[0];
        return FemaleNames.Contains(name);
    }
}
