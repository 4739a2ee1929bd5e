using System.Globalization;
using System.Net;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Observability;

/// <summary>Issue 19: <c>/metrics</c> serves Prometheus text that parses, and its counters move with a real SIPp call.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class MetricsEndpointTests
{
    private TestWebApp _app = null!;

    [SetUp]
    public async Task SetUp()
    {
        PeerPrograms.Require("sipp");
        _app = await TestWebApp.StartAsync();
    }

    [TearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [Test]
    [CancelAfter(60_000)]
    public async Task Metrics_AfterSippCall_CallCountersAndWebhookHistogramMoved(CancellationToken cancellationToken)
    {
        _app.MapXml("/voice", "<Response><Pause length=\"1\"/><Hangup/></Response>");
        _app.Map("/status", TestResponse.Status(204));
        await using var engine = await TestEngine.StartAsync(
            TestEngine.App("metrics", _app.Url("/voice"), ("StatusCallback", _app.Url("/status").ToString())), cancellationToken);
        using var http = new HttpClient { BaseAddress = engine.HttpBaseUrl };
        var before = Parse(await ScrapeAsync(http, cancellationToken));

        await using (var sipp = SippRunner.Call(engine.SipPort, "metrics", "uac_wait_bye.xml"))
        {
            (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);
        }

        await _app.WaitForRequestAsync("/status", cancellationToken);
        var text = await ScrapeAsync(http, cancellationToken, since: before);
        var after = Parse(text);

        Value(after, "rcml_calls_ended_total{outcome=\"completed\"}").Should().BeGreaterThanOrEqualTo(
            Value(before, "rcml_calls_ended_total{outcome=\"completed\"}") + 1, text);
        Value(after, "rcml_calls_started_total").Should().BeGreaterThan(Value(before, "rcml_calls_started_total"));
        Value(after, "rcml_calls_setup_duration_seconds_count").Should().BeGreaterThan(Value(before, "rcml_calls_setup_duration_seconds_count"));
        after.Keys.Should().Contain(k => k.StartsWith("rcml_webhooks_duration_seconds_count{kind=\"document\",status_code=\"200\"", StringComparison.Ordinal), text);
        after.Keys.Should().Contain(k => k.StartsWith("rcml_rtp_packets_sent_total", StringComparison.Ordinal));
        after.Keys.Should().Contain(k => k.StartsWith("rcml_calls_in_progress", StringComparison.Ordinal));
        after.Keys.Should().Contain(k => k.StartsWith("rcml_callbacks_pending", StringComparison.Ordinal));
        after.Keys.Should().Contain(k => k.StartsWith("dotnet_gc_collections_total", StringComparison.Ordinal), "runtime metrics (GC) are exported");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Metrics_AccountConfiguredNoCredentials_401(CancellationToken cancellationToken)
    {
        await using var engine = await TestEngine.StartAsync(new Dictionary<string, string?>
        {
            ["Accounts:0:AccountSid"] = "AC" + new string('1', 32),
            ["Accounts:0:AuthToken"] = "secret-token",
        }, cancellationToken);
        using var http = new HttpClient { BaseAddress = engine.HttpBaseUrl };

        using var anonymous = await http.GetAsync("/metrics", cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new("Basic", Convert.ToBase64String("AC11111111111111111111111111111111:secret-token"u8.ToArray()));
        using var authenticated = await http.SendAsync(request, cancellationToken);

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        authenticated.StatusCode.Should().Be(HttpStatusCode.OK, engine.Log);
    }

    // The exporter caches a scrape briefly: read again until the figures differ from the earlier scrape.
    private static async Task<string> ScrapeAsync(HttpClient http, CancellationToken cancellationToken, Dictionary<string, double>? since = null)
    {
        while (true)
        {
            using var response = await http.GetAsync("/metrics", cancellationToken);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (since is null || Value(Parse(text), "rcml_calls_ended_total{outcome=\"completed\"}") > Value(since, "rcml_calls_ended_total{outcome=\"completed\"}"))
            {
                return text;
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    // Prometheus text format 0.0.4: "# HELP/TYPE" comments, then "name{labels} value [timestamp]" lines.
    private static Dictionary<string, double> Parse(string text)
    {
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var close = line.LastIndexOf('}');
            var space = line.IndexOf(' ', close < 0 ? 0 : close);
            space.Should().BePositive("a sample line has a value: " + line);
            var key = StripScope(line[..space]);
            var value = line[(space + 1)..].Split(' ')[0];
            samples[key] = value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                _ => double.Parse(value, CultureInfo.InvariantCulture),
            };
        }

        samples.Should().NotBeEmpty();
        return samples;
    }

    // The exporter adds otel_scope_* labels; the tests name series without them.
    private static string StripScope(string key)
    {
        var open = key.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return key;
        }

        var labels = key[(open + 1)..^1].Split(',').Where(l => l.Length > 0 && !l.StartsWith("otel_scope_", StringComparison.Ordinal)).ToList();
        return labels.Count == 0 ? key[..open] : key[..open] + "{" + string.Join(',', labels) + "}";
    }

    private static double Value(Dictionary<string, double> samples, string key) => samples.GetValueOrDefault(key);
}
