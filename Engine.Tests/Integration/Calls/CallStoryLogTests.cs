using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// Issue 13: a call's story at Information, one line each: the documents fetched (method, URL without its query,
/// status, time), each verb started, and one end line with the outcome and the counts.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class CallStoryLogTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task SippCall_TwoDocuments_InformationTellsTheStoryWithOneEndLine(CancellationToken cancellationToken)
    {
        PeerPrograms.Require("sipp");
        await using var app = await TestWebApp.StartAsync(cancellationToken);
        app.MapXml("/voice", "<Response><Pause length=\"1\"/><Redirect>/next?From=%2B15551234567</Redirect></Response>");
        app.MapXml("/next", "<Response><Hangup/></Response>");
        await using var engine = await TestEngine.StartAsync(TestEngine.App("story", app.Url("/voice")), cancellationToken);

        await using var sipp = SippRunner.Call(engine.SipPort, "story", "uac_wait_bye.xml");
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe() + engine.Log);
        var story = await InformationLinesAsync(engine, "Call ended", cancellationToken);

        story.Should().Contain(l => l.Contains($"Fetched POST {app.Url("/voice")}: HTTP 200", StringComparison.Ordinal));
        story.Should().Contain(l => l.Contains($"Fetched POST {app.Url("/next")}: HTTP 200", StringComparison.Ordinal), "the query is left out");
        story.Should().NotContain(l => l.Contains("15551234567", StringComparison.Ordinal), "numbers are not logged at Information");
        story.Where(l => l.Contains("Running <", StringComparison.Ordinal)).Should().HaveCount(3, "Pause, Redirect and Hangup each start");
        story.Where(l => l.Contains(" ended", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().Contain("Call ended completed (").And.Contain("2 documents, 3 verbs, 0 errors");
    }

    private static async Task<List<string>> InformationLinesAsync(TestEngine engine, string last, CancellationToken cancellationToken)
    {
        while (!engine.Log.Contains(last, StringComparison.Ordinal))
        {
            await Task.Delay(50, cancellationToken);
        }

        return [.. engine.Log.Split('\n').Where(l => l.Contains(" Information ", StringComparison.Ordinal))];
    }
}
