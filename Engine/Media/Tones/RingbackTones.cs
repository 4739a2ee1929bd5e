namespace RcmlEngine.Media.Tones;

/// <summary>
/// Ringback (ringing) tones by country, as national tone plans list them (ITU-T E.180 Supplement 2):
/// frequencies and cadence. Keys are ISO 3166 alpha-2 codes (lower case); <c>eu</c> is the CEPT
/// recommendation most of Europe follows. Unknown countries get the North American tone.
/// </summary>
internal static class RingbackTones
{
    private const double Level = -16;

    private static readonly Dictionary<string, ToneSegment[]> Cadences = new(StringComparer.OrdinalIgnoreCase)
    {
        ["us"] = OnOff([440, 480], 2.0, 4.0),
        ["ca"] = OnOff([440, 480], 2.0, 4.0),
        ["gb"] = Double([400, 450]),
        ["uk"] = Double([400, 450]),
        ["ie"] = Double([400, 450]),
        ["au"] = Double([400, 450]),
        ["nz"] = Double([400, 450]),
        ["in"] = Double([400, 450]),
        ["eu"] = OnOff([425], 1.0, 4.0),
        ["de"] = OnOff([425], 1.0, 4.0),
        ["at"] = OnOff([420], 1.0, 5.0),
        ["ch"] = OnOff([425], 1.0, 4.0),
        ["nl"] = OnOff([425], 1.0, 4.0),
        ["be"] = OnOff([425], 1.0, 3.0),
        ["fr"] = OnOff([440], 1.5, 3.5),
        ["it"] = OnOff([425], 1.0, 4.0),
        ["es"] = OnOff([425], 1.5, 3.0),
        ["pt"] = OnOff([425], 1.0, 5.0),
        ["se"] = OnOff([425], 1.0, 5.0),
        ["no"] = OnOff([425], 1.0, 4.0),
        ["dk"] = OnOff([425], 1.0, 4.0),
        ["fi"] = OnOff([425], 1.0, 4.0),
        ["pl"] = OnOff([425], 1.0, 4.0),
        ["ru"] = OnOff([425], 0.8, 3.2),
        ["br"] = OnOff([425], 1.0, 4.0),
        ["mx"] = OnOff([425], 1.0, 4.0),
        ["cn"] = OnOff([450], 1.0, 4.0),
        ["jp"] = OnOff([400], 1.0, 2.0),
    };

    /// <summary>The countries with a cadence of their own.</summary>
    public static IReadOnlyCollection<string> Countries => Cadences.Keys;

    /// <summary>One cycle of the ringback of <paramref name="country"/> (US when unknown or null).</summary>
    public static IReadOnlyList<ToneSegment> For(string? country) =>
        country is not null && Cadences.TryGetValue(country, out var cadence) ? cadence : Cadences["us"];

    private static ToneSegment[] OnOff(double[] frequencies, double on, double off) =>
    [
        new(TimeSpan.FromSeconds(on), frequencies, Level),
        ToneSegment.Silence(TimeSpan.FromSeconds(off)),
    ];

    // The British double ring: 0.4 s on, 0.2 s off, 0.4 s on, 2 s off.
    private static ToneSegment[] Double(double[] frequencies) =>
    [
        new(TimeSpan.FromSeconds(0.4), frequencies, Level),
        ToneSegment.Silence(TimeSpan.FromSeconds(0.2)),
        new(TimeSpan.FromSeconds(0.4), frequencies, Level),
        ToneSegment.Silence(TimeSpan.FromSeconds(2.0)),
    ];
}
