using RcmlEngine.Hosting;

namespace RcmlEngine.Tests.Hosting;

[TestFixture]
public sealed class LocalDocumentServerTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task Serve_FilesOfTheFolderForAnyMethod_NothingOutsideIt(CancellationToken ct)
    {
        var root = Directory.CreateTempSubdirectory("rcml-serve-tests");
        var folder = root.CreateSubdirectory("docs");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "a b.xml"), "<Response/>", ct);
            await File.WriteAllTextAsync(Path.Combine(root.FullName, "secret.txt"), "secret", ct);
            await using var server = await LocalDocumentServer.StartAsync(folder.FullName, ct);
            using var http = new HttpClient();

            var url = server.UrlOf(Path.Combine(folder.FullName, "a b.xml"));
            using var posted = await http.PostAsync(url, new FormUrlEncodedContent([new("CallSid", "CA1")]), ct);
            using var escape = await http.GetAsync(new Uri(server.BaseUrl, "..%2Fsecret.txt"), ct);

            url.AbsolutePath.Should().Be("/a%20b.xml");
            posted.Content.Headers.ContentType!.MediaType.Should().Be("text/xml");
            (await posted.Content.ReadAsStringAsync(ct)).Should().Be("<Response/>");
            ((int)escape.StatusCode).Should().Be(404);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [TestCase("/2010-04-01/Accounts/AC1/Recordings/RE2", true)]
    [TestCase("/2010-04-01/Accounts/AC1/Recordings/RE2.wav", true)]
    [TestCase("/2010-04-01/Accounts/AC1/Recordings/", false)]
    [TestCase("/2010-04-01/Accounts/AC1/Calls/CA2", false)]
    [TestCase("/voice.xml", false)]
    public void RecordingPaths_TwilioShape(string path, bool matches) =>
        RecordingPaths.TryMatch(path, out _, out _).Should().Be(matches);
}
