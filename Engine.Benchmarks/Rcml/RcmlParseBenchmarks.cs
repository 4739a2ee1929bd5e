using System.Text;
using BenchmarkDotNet.Attributes;
using RcmlEngine.Rcml.Parsing;

namespace RcmlEngine.Benchmarks.Rcml;

/// <summary>
/// Parse + validate (+ schema check) per document, as a call does it: the IVR sample (typical) and a
/// generated large document near the 64 KiB cap. Documents/s = 1 s / Mean; Allocated is per document.
/// Run: <c>scripts/bench.sh --filter '*RcmlParse*'</c>.
/// </summary>
[MemoryDiagnoser]
public class RcmlParseBenchmarks
{
    private static readonly RcmlParser WithoutSchema = new(new RcmlParserOptions { CheckSchema = false });

    private byte[] _ivr = [];
    private byte[] _large = [];

    [GlobalSetup]
    public void Setup()
    {
        _ivr = File.ReadAllBytes(Path.Combine(FindRoot(), "samples", "ivr.xml"));
        _large = Encoding.UTF8.GetBytes(LargeDocument(60 * 1024));
        foreach (var document in new[] { _ivr, _large })
        {
            var result = RcmlParser.Default.Parse(document);
            if (result.Diagnostics.Count > 0 || result.Document is null)
            {
                throw new InvalidOperationException($"benchmark document is not clean: {string.Join("; ", result.Diagnostics)}");
            }
        }
    }

    /// <summary>The IVR sample, from memory.</summary>
    [Benchmark(Baseline = true)]
    public object IvrSample() => RcmlParser.Default.Parse(_ivr);

    /// <summary>The IVR sample, read from a stream as an HTTP body is.</summary>
    [Benchmark]
    public async Task<object> IvrSampleFromStream()
    {
        using var stream = new MemoryStream(_ivr, writable: false);
        return await RcmlParser.Default.ParseAsync(stream, CancellationToken.None);
    }

    /// <summary>The IVR sample without the XSD check, to show what the schema costs.</summary>
    [Benchmark]
    public object IvrSampleWithoutSchema() => WithoutSchema.Parse(_ivr);

    /// <summary>A 60 KB document of menus, dials and conferences.</summary>
    [Benchmark]
    public object LargeDocument() => RcmlParser.Default.Parse(_large);

    /// <summary>A clean document of about <paramref name="bytes"/> bytes, repeating realistic blocks.</summary>
    internal static string LargeDocument(int bytes)
    {
        const string Block = """
              <Gather input="dtmf speech" numDigits="1" timeout="5" action="menu-choice.xml" hints="sales, support">
                <Say voice="woman" language="en-US">For sales press 1. For support press 2. For billing press 3.</Say>
                <Play loop="1">audio/greeting.wav</Play>
                <Pause length="1"/>
              </Gather>
              <Dial timeout="20" callerId="+15550100200" record="record-from-answer" recordingStatusCallback="callbacks/rec">
                <Number sendDigits="ww12" statusCallback="callbacks/n" statusCallbackEvent="ringing answered completed">+15550100301</Number>
                <Sip username="u" password="p">sip:desk@127.0.0.1:5062;transport=tcp?X-Account=42&amp;User-to-User=3a4b</Sip>
                <Client>frontdesk</Client>
              </Dial>

            """;
        var builder = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n");
        while (builder.Length + Block.Length + 20 < bytes)
        {
            builder.Append(Block);
        }

        return builder.Append("</Response>\n").ToString();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RcmlEngine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RcmlEngine.sln not found above " + AppContext.BaseDirectory);
    }
}
