using System.Net;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Observability;

/// <summary>Issue 19: <c>/healthz</c> answers while the process runs; <c>/readyz</c> flips to 503 once the engine drains.</summary>
[TestFixture]
[Category("Integration")]
public sealed class HealthEndpointsTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task Readyz_BeforeAndAfterDrain_200Then503WithReason(CancellationToken cancellationToken)
    {
        await using var engine = await TestEngine.StartAsync(new Dictionary<string, string?>(), cancellationToken);
        using var http = new HttpClient { BaseAddress = engine.HttpBaseUrl };

        using var ready = await http.GetAsync("/readyz", cancellationToken);
        ready.StatusCode.Should().Be(HttpStatusCode.OK, await ready.Content.ReadAsStringAsync(cancellationToken));
        using var drain = await http.PostAsync("/drain", null, cancellationToken);
        drain.StatusCode.Should().Be(HttpStatusCode.Accepted);
        using var draining = await http.GetAsync("/readyz", cancellationToken);
        using var alive = await http.GetAsync("/healthz", cancellationToken);

        draining.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await draining.Content.ReadAsStringAsync(cancellationToken)).Should().Contain("\"reason\":\"draining\"");
        alive.StatusCode.Should().Be(HttpStatusCode.OK, "the process still runs while it drains");
        (await alive.Content.ReadAsStringAsync(cancellationToken)).Should().Be("ok\n");
    }
}
