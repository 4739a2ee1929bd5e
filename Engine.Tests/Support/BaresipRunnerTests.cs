namespace RcmlEngine.Tests.Support;

/// <summary>The baresip launcher itself: two headless phones call each other, answer, send DTMF and hang up over ctrl_tcp.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class BaresipRunnerTests
{
    [Test]
    [CancelAfter(30000)]
    public async Task StartAsync_TwoPhones_DialAcceptDtmfAndHangUpAllSeenAsEvents(CancellationToken cancellationToken)
    {
        await using var bob = await BaresipRunner.StartAsync(new BaresipOptions { User = "bob", AnswerMode = "manual" }, cancellationToken);
        await using var carol = await BaresipRunner.StartAsync(new BaresipOptions { User = "carol" }, cancellationToken);

        await carol.DialAsync(bob.DirectUri(), cancellationToken);
        var incoming = await bob.WaitForEventAsync("CALL_INCOMING", cancellationToken);
        incoming.PeerUri.Should().Contain("carol");
        await bob.AcceptAsync(cancellationToken);
        await carol.WaitForEventAsync("CALL_ESTABLISHED", cancellationToken);
        await bob.WaitForEventAsync("CALL_RTPESTAB", cancellationToken);

        await carol.SendDtmfAsync("1#", cancellationToken);
        var one = await bob.WaitForEventAsync("CALL_DTMF_START", cancellationToken);
        var hash = await bob.WaitForEventAsync(e => e.Type == "CALL_DTMF_START" && e.Param == "#", cancellationToken);
        one.Param.Should().Be("1");
        hash.CallId.Should().Be(incoming.CallId);

        await carol.HangUpAsync(cancellationToken);
        (await bob.WaitForEventAsync("CALL_CLOSED", cancellationToken)).CallId.Should().Be(incoming.CallId);
    }
}
