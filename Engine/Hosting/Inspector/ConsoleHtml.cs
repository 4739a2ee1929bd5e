using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace RcmlEngine.Hosting.Inspector;

/// <summary>
/// The console's page frame: plain HTML with its style inline (no asset to fetch, nothing from the
/// network), a navigation bar, and a few lines of script that reload the page when the engine's
/// events say something changed (server-sent events, at most every two seconds). Without script
/// the pages read the same, only without the live update.
/// </summary>
internal sealed class ConsoleHtml
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
        header{background:#123;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.5rem;align-items:baseline}
        header a{color:#cde}header b{font-size:1.1rem}main{padding:1rem 1.2rem}
        table{border-collapse:collapse;width:100%;background:#fff;margin-bottom:1.2rem}
        th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
        th{background:#eef}tr.failed td{background:#fee;color:#900}
        code,pre{font-family:ui-monospace,monospace;font-size:.85rem}pre{white-space:pre-wrap;margin:.3rem 0;background:#f4f4f4;padding:.4rem}
        .kind{font-weight:600;white-space:nowrap}.SipIn,.SipOut{color:#036}.Document{color:#063}.Verb{color:#630}.Input{color:#606}.Webhook{color:#066}
        form{margin:.5rem 0 1rem}input,select{margin-right:.5rem}.muted{color:#777}
        """;

    private const string LiveScript = """
        <script>
        (function(){if(!window.EventSource)return;var last=Date.now(),due=null;
        var s=new EventSource('/console/events');s.addEventListener('change',function(){if(due)return;
        due=setTimeout(function(){location.reload()},Math.max(0,2000-(Date.now()-last)));});})();
        </script>
        """;

    private readonly StringBuilder _page = new();
    private readonly HtmlEncoder _html = HtmlEncoder.Default;

    /// <summary>Starts a page titled <paramref name="title"/>.</summary>
    public ConsoleHtml(string title, string accountSid)
    {
        _page.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(_html.Encode(title)).Append(" · RcmlEngine console</title><style>").Append(Style).Append("</style></head><body>")
            .Append("<header><b>RcmlEngine console</b><a href=\"/console\">Calls</a><a href=\"/console/conferences\">Conferences</a>")
            .Append("<span class=\"muted\">").Append(_html.Encode(accountSid)).Append("</span></header><main><h1>")
            .Append(_html.Encode(title)).Append("</h1>");
    }

    /// <summary>Appends raw HTML (the caller's own markup).</summary>
    public ConsoleHtml Raw(string html)
    {
        _page.Append(html);
        return this;
    }

    /// <summary>Appends <paramref name="text"/>, encoded.</summary>
    public ConsoleHtml Text(string? text)
    {
        _page.Append(_html.Encode(text ?? string.Empty));
        return this;
    }

    /// <summary>Appends a link to <paramref name="href"/> reading <paramref name="text"/>.</summary>
    public ConsoleHtml Link(string href, string text)
    {
        _page.Append("<a href=\"").Append(_html.Encode(href)).Append("\">").Append(_html.Encode(text)).Append("</a>");
        return this;
    }

    /// <summary>A time as the console shows it (UTC).</summary>
    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    /// <summary>The finished page.</summary>
    public string Finish()
    {
        _page.Append("</main>").Append(LiveScript).Append("</body></html>");
        return _page.ToString();
    }
}
