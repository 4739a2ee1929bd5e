using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace RcmlEngine.Hosting;

/// <summary>
/// <c>GET /</c> on the engine's HTTP port: a small page saying what is running, which SIP URIs to call
/// (the samples, or the configured applications), and where the API, its reference and the docs are.
/// Nothing on it is secret: it names what a caller could find by calling.
/// </summary>
internal static class FrontPage
{
    /// <summary>The page for this engine.</summary>
    public static IResult Render(ApplicationRouter router, SampleApplications samples, EngineHttpAddress http, int sipPort)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(http);
        var html = HtmlEncoder.Default;
        var port = sipPort == 5060 ? string.Empty : ":" + sipPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var page = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>RcmlEngine</title>")
            .Append("<style>body{font-family:sans-serif;max-width:46rem;margin:2rem auto;line-height:1.5}code{background:#eee;padding:0 .2rem}</style></head><body>")
            .Append("<h1>RcmlEngine is running</h1>");
        if (router.HasApplications)
        {
            page.Append("<h2>Applications</h2><p>Calls to these Request-URI users (or patterns) run their application:</p><ul>");
            foreach (var target in router.Targets)
            {
                page.Append("<li><code>").Append(html.Encode(target)).Append("</code></li>");
            }

            page.Append("</ul>");
        }
        else if (samples.RoutesCalls)
        {
            page.Append("<h2>Samples</h2><p>No application is configured, so the samples answer. Call one from a softphone:</p><ul>");
            foreach (var name in samples.Names)
            {
                page.Append("<li><code>sip:").Append(html.Encode(name)).Append('@').Append(html.Encode(http.PublicBaseUrl.Host)).Append(port).Append("</code></li>");
            }

            page.Append("</ul>");
        }
        else
        {
            page.Append("<p>No application is configured and the samples do not answer here: every call is answered 404. See README, Configuration.</p>");
        }

        page.Append("<h2>REST API</h2><p>Twilio's 2010-04-01 voice API: <code>/2010-04-01/Accounts/{AccountSid}/Calls.json</code>, ")
            .Append("<code>Recordings.json</code> (HTTP Basic with an account's AccountSid and AuthToken). ")
            .Append("<a href=\"/api-reference\">API reference</a> · <a href=\"/openapi/v1.json\">OpenAPI document</a></p>")
            .Append("<h2>Docs</h2><p>In the repository: <code>README.md</code>, <code>docs/api.md</code>, <code>docs/dial.md</code>, ")
            .Append("<code>docs/webhooks.md</code>, <code>docs/security.md</code>, <code>docs/performance.md</code>.</p>")
            .Append("</body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8");
    }
}
