using System.Diagnostics;
using System.Globalization;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// Debian's <c>chromium</c> run headless as a child process, no Playwright: <c>--dump-dom</c> prints the DOM
/// after the page loaded (scripts run), <c>--screenshot</c> writes a PNG. Each run has its own profile folder,
/// is bounded by the token and killed on cancel. Missing binary: the test is ignored with the reason.
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>The browser's path; ignores the test when it is not installed.</summary>
    public static string Require() =>
        PeerPrograms.Find("chromium") ?? PeerPrograms.Find("chromium-browser") ?? PeerPrograms.Require("chromium");

    /// <summary>The DOM of <paramref name="url"/> once loaded, serialized.</summary>
    public static async Task<string> DumpDomAsync(Uri url, CancellationToken cancellationToken)
    {
        var (exit, output, errors) = await RunAsync(["--dump-dom", url.ToString()], cancellationToken);
        exit.Should().Be(0, "chromium --dump-dom " + url + ": " + errors);
        return output;
    }

    /// <summary>Writes a <paramref name="width"/> x <paramref name="height"/> PNG of <paramref name="url"/> to <paramref name="path"/>.</summary>
    public static async Task ScreenshotAsync(Uri url, string path, CancellationToken cancellationToken, int width = 1280, int height = 1024)
    {
        var (exit, _, errors) = await RunAsync(
            ["--screenshot=" + path, string.Create(CultureInfo.InvariantCulture, $"--window-size={width},{height}"), url.ToString()], cancellationToken);
        exit.Should().Be(0, "chromium --screenshot " + url + ": " + errors);
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        using var profile = new TempDirectory();
        var start = new ProcessStartInfo(Require())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
            "--user-data-dir=" + profile.Path,
        }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await output, await errors);
    }
}
