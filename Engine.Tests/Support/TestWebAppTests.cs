namespace RcmlEngine.Tests.Support;

/// <summary>The test web app is shared by every webhook and call test: its own behaviour is pinned here.</summary>
[TestFixture]
public sealed class TestWebAppTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task MapXml_Get_ServesTheDocumentAndRecordsTheRequest(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.MapXml("/voice", "<Response/>");
        using var client = new HttpClient();

        using var response = await client.GetAsync(app.Url("/voice?From=%2B1415"), ct);
        var request = await app.WaitForRequestAsync("/voice", ct);

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/xml");
        (await response.Content.ReadAsStringAsync(ct)).Should().Be("<Response/>");
        request.Method.Should().Be("GET");
        request["From"].Should().Be("+1415");
        request.Url.Should().Be(app.BaseUrl + "voice?From=%2B1415");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Fail_ThenMapped_AnswersFailuresFirstAndUnmappedIs404(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        app.Map("/cb", TestResponse.Status(204)).Fail("/cb", times: 2, statusCode: 503);
        using var client = new HttpClient();

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsync(app.Url("/cb"), new FormUrlEncodedContent([new("A", "1")]), ct);
            statuses.Add((int)response.StatusCode);
        }

        using var missing = await client.GetAsync(app.Url("/nowhere"), ct);

        statuses.Should().Equal(503, 503, 204);
        ((int)missing.StatusCode).Should().Be(404);
        (await app.WaitForRequestsAsync("/cb", 3, ct)).Should().OnlyContain(r => r["A"] == "1");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task WaitForRequestsAsync_NotEnoughRequests_TimesOutNamingWhatArrived(CancellationToken ct)
    {
        await using var app = await TestWebApp.StartAsync(ct);
        using var client = new HttpClient();
        using var _ = await client.GetAsync(app.Url("/other"), ct);

        var wait = () => app.WaitForRequestsAsync("/cb", 1, TimeSpan.FromMilliseconds(100), ct);

        (await wait.Should().ThrowAsync<TimeoutException>()).Which.Message.Should().Contain("GET /other");
    }
}
