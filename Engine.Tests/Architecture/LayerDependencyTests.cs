using RcmlEngine.Cli;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Architecture;

/// <summary>
/// Holds the layering of DESIGN.md: arrows point down only. A layer is the second segment of a
/// namespace (<c>RcmlEngine.Sip.Transactions</c> is <c>Sip</c>).
/// </summary>
[TestFixture]
public sealed class LayerDependencyTests
{
    // What each layer may use besides itself. Entry points (Cli, Api, Hosting, the root) may use all.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Diagnostics"] = [],
        ["Rtp"] = ["Diagnostics"],
        ["Sdp"] = ["Diagnostics"],
        ["Sip"] = ["Diagnostics"],
        ["Media"] = ["Rtp", "Sdp", "Diagnostics"],
        ["Streams"] = ["Media", "Rtp", "Diagnostics"],
        ["Webhooks"] = ["Diagnostics"],
        ["Notifications"] = ["Webhooks", "Diagnostics"],
        ["Rcml"] = ["Webhooks", "Diagnostics"],
        ["Calls"] = ["Media", "Sip", "Sdp", "Rtp", "Webhooks", "Diagnostics"],
        ["Conferences"] = ["Calls", "Media", "Rtp", "Webhooks", "Diagnostics"],
        ["Queues"] = ["Calls", "Diagnostics"],
        ["Execution"] = ["Calls", "Conferences", "Queues", "Rcml", "Webhooks", "Notifications", "Media", "Streams", "Diagnostics"],
    };

    private static readonly HashSet<string> EntryPoints = ["", "Cli", "Api", "Hosting"];

    [Test]
    public void EngineAssembly_LowerLayers_NeverUseHigherOnes()
    {
        var violations = TypeDependencyScanner.Scan(typeof(RcmlCommandLine).Assembly)
            .Where(pair => IsEngineType(pair.Used))
            .Select(pair => (pair.User, pair.Used, From: LayerOf(pair.User), To: LayerOf(pair.Used)))
            .Where(d => d.From != d.To && !EntryPoints.Contains(d.From))
            .Where(d => !Allowed.TryGetValue(d.From, out var allowed) || !allowed.Contains(d.To))
            .Select(d => $"{d.User.FullName} ({d.From}) uses {d.Used.FullName} ({d.To})")
            .Distinct()
            .ToList();

        violations.Should().BeEmpty("layers may only use the layers below them (DESIGN.md)");
    }

    [Test]
    public void EngineAssembly_EveryNamespace_BelongsToAKnownLayer()
    {
        var unknown = typeof(RcmlCommandLine).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("RcmlEngine", StringComparison.Ordinal) == true)
            .Select(LayerOf)
            .Where(layer => !EntryPoints.Contains(layer) && !Allowed.ContainsKey(layer))
            .Distinct()
            .ToList();

        unknown.Should().BeEmpty("every folder of Engine/ is a layer of DESIGN.md");
    }

    [Test]
    public void Scan_MethodBodyReference_IsFound()
    {
        // The scanner must see uses inside method bodies, or the test above could never fail.
        var uses = TypeDependencyScanner.Scan(typeof(RcmlCommandLine).Assembly)
            .Where(pair => pair.User == typeof(RcmlCommandLine))
            .Select(pair => pair.Used.Name);

        uses.Should().Contain("CommandCatalog");
    }

    // Compiler-generated helpers (collection expressions, inline arrays) sit in the global namespace.
    private static bool IsEngineType(Type type) =>
        type.Namespace?.StartsWith("RcmlEngine", StringComparison.Ordinal) == true;

    private static string LayerOf(Type type)
    {
        var parts = (type.Namespace ?? string.Empty).Split('.');
        return parts.Length > 1 && parts[0] == "RcmlEngine" ? parts[1] : string.Empty;
    }
}
