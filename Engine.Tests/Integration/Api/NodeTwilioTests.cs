using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration.Api;

/// <summary>
/// Twilio's own Node helper library (npm <c>twilio</c>, unchanged, pinned in <c>Assets/node/package.json</c>) against
/// the engine: <c>Assets/node/create-call.js</c> creates a call to a SIPp UAS, fetches it, lists calls and hangs it up.
/// Without node or the installed package the test is ignored, except in CI (<c>CI=true</c>), where it fails.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class NodeTwilioTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "node-test-token";
    private static readonly string Folder = Path.Combine(RepoPaths.TestAssets, "node");

    [Test]
    [CancelAfter(90_000)]
    public async Task CreateFetchListUpdate_NodeLibrary_CallAnsweredThenHungUp(CancellationToken cancellationToken)
    {
        var node = RequireNode();
        using var phone = new TestRtpPhone();
        await using var callee = SippRunner.StartUas("uas_bridge_party.xml", "-key", "rtp_port", phone.Port.ToString(CultureInfo.InvariantCulture));
        await using var engine = await TestEngine.StartAsync(new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Accounts:0:AccountSid"] = AccountSid,
            ["Accounts:0:AuthToken"] = AuthToken,
        }, cancellationToken);
        var to = $"sip:desk@127.0.0.1:{callee.Port}";

        var (exit, output, errors) = await RunScriptAsync(node, new()
        {
            ["ENGINE_URL"] = engine.HttpBaseUrl.AbsoluteUri,
            ["ACCOUNT_SID"] = AccountSid,
            ["AUTH_TOKEN"] = AuthToken,
            ["TO"] = to,
            ["FROM"] = "+15550001111",
        }, cancellationToken);

        exit.Should().Be(0, output + errors + engine.Log);
        using var result = JsonDocument.Parse(output);
        var root = result.RootElement;
        var sid = root.GetProperty("created").GetProperty("sid").GetString();
        sid.Should().MatchRegex("^CA[0-9a-f]{32}$");
        Status(root, "created").Should().Be("queued");
        root.GetProperty("created").GetProperty("direction").GetString().Should().Be("outbound-api");
        root.GetProperty("created").GetProperty("to").GetString().Should().Be(to);
        Status(root, "answered").Should().Be("in-progress", engine.Log);
        root.GetProperty("listed").EnumerateArray().Select(e => e.GetString()).Should().Equal(sid);
        root.GetProperty("updated").GetProperty("sid").GetString().Should().Be(sid);
        Status(root, "ended").Should().Be("completed");
        root.GetProperty("ended").GetProperty("sid").GetString().Should().Be(sid);
        (await callee.WaitAsync(cancellationToken)).Should().Be(0, "the callee got BYE: " + callee.Describe());
    }

    private static string? Status(JsonElement root, string step) => root.GetProperty(step).GetProperty("status").GetString();

    // node and the package, or the test is ignored; in CI their absence is a failure, not a skip.
    private static string RequireNode()
    {
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var node = PeerPrograms.Find("node");
        var package = Path.Combine(Folder, "node_modules", "twilio", "package.json");
        var missing = node is null ? "node is not installed"
            : !File.Exists(package) ? $"the npm package twilio is not installed (npm install --no-audit --no-fund in {Folder})"
            : null;
        if (missing is not null)
        {
            if (inCi)
            {
                Assert.Fail(missing + "; CI must install it (.ci/run)");
            }

            Assert.Ignore(missing);
        }

        return node!;
    }

    private static async Task<(int Exit, string Output, string Errors)> RunScriptAsync(string node, Dictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(node)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("create-call.js");
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return (process.ExitCode, await output, await errors);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
