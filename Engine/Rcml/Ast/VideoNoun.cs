namespace RcmlEngine.Rcml.Ast;

/// <summary>
/// Restcomm's <c>&lt;Video&gt;</c>, nested in <c>&lt;Client&gt;</c>, <c>&lt;Sip&gt;</c> or
/// <c>&lt;Conference&gt;</c>. The engine carries audio only; the settings are kept for a video media path.
/// </summary>
internal sealed record VideoNoun : RcmlNoun
{
    /// <summary><c>enable</c>.</summary>
    public bool Enable { get; init; }

    /// <summary><c>mode</c> (conference only).</summary>
    public VideoMode Mode { get; init; } = VideoMode.Mcu;

    /// <summary><c>resolution</c> (conference only).</summary>
    public VideoResolution Resolution { get; init; } = VideoResolution.Hd720;

    /// <summary><c>layout</c> (conference only).</summary>
    public VideoLayout Layout { get; init; } = VideoLayout.Tile;

    /// <summary><c>overlay</c>: text drawn over the picture.</summary>
    public string? Overlay { get; init; }

    /// <inheritdoc/>
    public override string ElementName => "Video";
}
