namespace RcmlEngine.Media.Speech;

/// <summary>Settings of speech recognition (configuration section <c>Speech</c>).</summary>
internal sealed class SpeechOptions
{
    /// <summary>The recognizer: <c>pocketsphinx</c> (the only one built in).</summary>
    public string Recognizer { get; set; } = "pocketsphinx";

    /// <summary>The PocketSphinx program that decodes one file.</summary>
    public string PocketSphinxPath { get; set; } = "pocketsphinx_continuous";

    /// <summary>The language the PocketSphinx model below recognizes.</summary>
    public string Language { get; set; } = "en-US";

    /// <summary>The acoustic model folder (holds <c>feat.params</c>, <c>mdef</c>, <c>means</c>...).</summary>
    public string AcousticModel { get; set; } = "/usr/share/pocketsphinx/model/en-us/en-us";

    /// <summary>The language model for free speech.</summary>
    public string LanguageModel { get; set; } = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";

    /// <summary>The pronunciation dictionary (also decides which hint words can be used).</summary>
    public string Dictionary { get; set; } = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";

    /// <summary>Recognitions running at once; 0 for one per core.</summary>
    public int MaxConcurrent { get; set; }

    /// <summary>Utterances waiting for a free recognizer; past this a new one is rejected (no speech), never waited for.</summary>
    public int QueueCapacity { get; set; } = 32;

    /// <summary>How long one recognition may take before it is stopped and reported failed.</summary>
    public TimeSpan RecognitionTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The concurrency in force: <see cref="MaxConcurrent"/>, or the number of cores.</summary>
    public int EffectiveConcurrency => MaxConcurrent > 0 ? MaxConcurrent : Environment.ProcessorCount;
}
