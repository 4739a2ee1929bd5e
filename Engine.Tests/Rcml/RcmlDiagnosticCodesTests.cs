using System.Reflection;
using System.Text.RegularExpressions;
using RcmlEngine.Rcml;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Rcml;

[TestFixture]
public sealed partial class RcmlDiagnosticCodesTests
{
    private static readonly string[] Codes = typeof(RcmlDiagnosticCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Test]
    public void Codes_AreUniqueAndWellFormed()
    {
        Codes.Should().OnlyHaveUniqueItems();
        Codes.Should().AllSatisfy(code => code.Should().MatchRegex("^RCML[123][0-9]{3}$"));
    }

    [Test]
    public void DiagnosticsPage_DocumentsExactlyTheCodesThatExist()
    {
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "rcml-diagnostics.md"));

        var documented = TableCode().Matches(page).Select(m => m.Groups[1].Value).ToArray();

        documented.Should().BeEquivalentTo(Codes);
    }

    [GeneratedRegex(@"^\| (RCML\d{4}) \|", RegexOptions.Multiline)]
    private static partial Regex TableCode();
}
