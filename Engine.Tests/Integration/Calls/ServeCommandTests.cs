using RcmlEngine.Cli.Commands;
using RcmlEngine.Hosting;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Calls;

/// <summary>
/// <c>rcml serve</c> as a user starts it on a fresh machine: no settings file, no application. The
/// samples (found above the program's folder) answer <c>sip:&lt;name&gt;@127.0.0.1</c>; anything else is 404.
/// Only the data folder is moved (environment variables) so the test leaves nothing behind.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class ServeCommandTests
{
    [Test]
    [CancelAfter(90_000)]
    public async Task Serve_NoConfiguration_HelloSampleAnswersAndUnknownUserIs404(CancellationToken cancellationToken)
    {
        PeerPrograms.Require("sipp");
        PeerPrograms.Require("espeak-ng");
        using var data = new TempDirectory();
        using var environment = new EnvironmentVariables(
            ("RCML__Recordings__Folder", data.File("recordings")),
            ("RCML__Webhooks__Queue__StorePath", data.File("callbacks.db")),
            ("RCML__Records__StorePath", data.File("records.db")),
            ("RCML__Media__CacheDirectory", data.File("cache")));
        var sipPort = FreePorts.Pick();
        var overrides = new EngineOverrides { SipPort = sipPort, HttpPort = FreePorts.Pick() };
        using var output = new StringWriter();
        using var errors = new StringWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var serving = ServeCommand.RunAsync(null, overrides, TextWriter.Synchronized(output), TextWriter.Synchronized(errors), stop.Token);
        while (!output.ToString().Contains("Ctrl+C stops", StringComparison.Ordinal))
        {
            serving.IsCompleted.Should().BeFalse(errors.ToString());
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cancellationToken);
        }

        using var phone = new UdpTestPeer();
        using var capture = phone.Capture();
        await using (var hello = SippRunner.Call(sipPort, "hello", "uac_wait_bye.xml", phone.RtpEndPoint.Port))
        {
            (await hello.WaitAsync(cancellationToken)).Should().Be(0, hello.Describe());
        }

        await using (var unknown = SippRunner.Call(sipPort, "no-such-sample", "uac_not_found.xml"))
        {
            (await unknown.WaitAsync(cancellationToken)).Should().Be(0, unknown.Describe());
        }

        await stop.CancelAsync();
        (await serving).Should().Be(0, errors.ToString());
        output.ToString().Should().Contain($"call sip:hello@127.0.0.1:{sipPort}");
        ToneAnalysis.Rms(RtpAudio.Decode(capture.Packets)).Should().BeGreaterThan(300, "the greeting and the spoken lines of hello.xml");
        capture.Packets.Count.Should().BeGreaterThan(200, "hello.xml lasts several seconds");
    }
}
