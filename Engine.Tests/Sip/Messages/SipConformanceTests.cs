using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Sip.Messages;

/// <summary>
/// Every RFC 4475 and RFC 5118 torture message, handled as ../shared/conformance/sip/*/MANIFEST.tsv
/// and the RFCs say: valid ones parse (and survive a write and re-parse), invalid ones are rejected
/// with the header at fault named, semantic ones parse and the UAS checks answer what the RFC expects.
/// </summary>
[TestFixture]
public sealed partial class SipConformanceTests
{
    public static IEnumerable<TestCaseData> Rfc4475Files() => SharedConformance.Cases("sip/rfc4475", "*.dat");

    public static IEnumerable<TestCaseData> Rfc5118Files() =>
        SharedConformance.Cases("sip/rfc5118").Where(c => !((string)c.Arguments[0]!).EndsWith("MANIFEST.tsv", StringComparison.Ordinal));

    [TestCaseSource(nameof(Rfc4475Files))]
    public void Parse_Rfc4475Message_HandledAsTheRfcSays(string path) => Check(path, Rfc4475);

    [TestCaseSource(nameof(Rfc5118Files))]
    public void Parse_Rfc5118Message_HandledAsTheRfcSays(string path) => Check(path, Rfc5118);

    [Test]
    public void Manifests_EveryListedFile_HasAnExpectation()
    {
        foreach (var (folder, table) in new[] { ("sip/rfc4475", Rfc4475), ("sip/rfc5118", Rfc5118) })
        {
            var manifest = Path.Combine(SharedConformance.Require(folder), "MANIFEST.tsv");
            var files = File.ReadAllLines(manifest).Skip(1).Select(l => l.Split('\t')[0]).Where(f => f.Length > 0);
            table.Keys.Should().BeEquivalentTo(files, $"{folder}/MANIFEST.tsv lists the files to handle");
        }
    }

    private static void Check(string path, Dictionary<string, Action<byte[]>> table)
    {
        var name = Path.GetFileName(path);
        table.Should().ContainKey(name, "every conformance file needs an expectation");
        table[name](File.ReadAllBytes(path));
    }

    private static SipMessage Parses(byte[] data)
    {
        var result = SipParser.Parse(data);
        result.Success.Should().BeTrue(result.Describe());

        // What we parse we can write and read back the same.
        var written = SipWriter.ToBytes(result.Message!);
        var again = SipParser.Parse(written);
        again.Success.Should().BeTrue($"re-parse of the written message: {again.Describe()}");
        again.Message!.Headers.Count.Should().Be(result.Message!.Headers.All.Count(h => h.Name != SipHeaderNames.ContentLength) + 1);
        again.Message.Body.ToArray().Should().Equal(result.Message.Body.ToArray());
        return result.Message;
    }

    private static SipRequest ParsesRequest(byte[] data) => Parses(data).Should().BeOfType<SipRequest>().Subject;

    private static void Rejected(byte[] data, string where, int status = 0)
    {
        var result = SipParser.Parse(data);
        result.Success.Should().BeFalse("the RFC says this message is malformed");
        result.Where.Should().Be(where, result.Describe());
        result.Error.Should().NotBeNullOrWhiteSpace();
        result.RejectStatus.Should().Be(status, result.Describe());
    }

    private static void UasAnswers(byte[] data, int? status)
    {
        var request = ParsesRequest(data);
        var response = UasRequestCheck.Check(request);
        if (status is null)
        {
            response.Should().BeNull("a UAS processes this request normally");
        }
        else
        {
            response.Should().NotBeNull();
            response!.StatusCode.Should().Be(status.Value);
            response.CallId.Should().Be(request.CallId);
        }
    }
}
