namespace RcmlEngine.Hosting;

/// <summary>What callers hear when an application gives no usable document (<c>ErrorPrompt</c> section).</summary>
internal sealed class ErrorPromptOptions
{
    /// <summary>The words. Default "Sorry, this application is not available right now. Goodbye."</summary>
    public string Text { get; set; } = "Sorry, this application is not available right now. Goodbye.";

    /// <summary>The voice. Default <c>woman</c>.</summary>
    public string Voice { get; set; } = "woman";

    /// <summary>The language. Default <c>en</c>.</summary>
    public string Language { get; set; } = "en";
}
