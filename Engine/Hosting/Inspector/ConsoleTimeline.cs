using System.Globalization;
using RcmlEngine.Diagnostics;
using RcmlEngine.Diagnostics.Timeline;

namespace RcmlEngine.Hosting.Inspector;

/// <summary>A call's timeline as an HTML table: time, kind, what happened, and its details folded away.</summary>
internal static class ConsoleTimeline
{
    /// <summary>Appends the timeline (or why there is none) to <paramref name="page"/>.</summary>
    public static void Render(ConsoleHtml page, CallTimeline? timeline, int keptFinished)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Raw("<h2>Timeline</h2>");
        if (timeline is null)
        {
            page.Raw("<p class=\"muted\">No timeline: the engine keeps them in memory for the calls in progress and the last ")
                .Text(keptFinished.ToString(CultureInfo.InvariantCulture)).Raw(" finished ones, since it started.</p>");
            return;
        }

        if (timeline.Dropped > 0)
        {
            page.Raw("<p class=\"muted\">").Text(Counted.Of((int)Math.Min(timeline.Dropped, int.MaxValue), "older event"))
                .Raw(" dropped (").Text(CallTimeline.Capacity.ToString(CultureInfo.InvariantCulture)).Raw(" kept per call).</p>");
        }

        page.Raw("<table id=\"timeline\"><tr><th>Time (UTC)</th><th>Kind</th><th>Event</th></tr>");
        foreach (var entry in timeline.Events)
        {
            page.Raw(entry.Failed ? "<tr class=\"failed\">" : "<tr>").Raw("<td><code>")
                .Text(entry.At.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)).Raw("</code></td><td class=\"kind ")
                .Text(entry.Kind.ToString()).Raw("\">").Text(Label(entry.Kind)).Raw("</td><td>");
            if (entry.Detail is { Length: > 0 } detail)
            {
                page.Raw("<details><summary>").Text(entry.Title).Raw("</summary><pre>").Text(detail).Raw("</pre></details>");
            }
            else
            {
                page.Text(entry.Title);
            }

            page.Raw("</td></tr>");
        }

        page.Raw("</table>");
    }

    private static string Label(CallEventKind kind) => kind switch
    {
        CallEventKind.SipIn => "SIP in",
        CallEventKind.SipOut => "SIP out",
        CallEventKind.Document => "document",
        CallEventKind.Verb => "verb",
        CallEventKind.Input => "input",
        CallEventKind.Webhook => "webhook",
        _ => "status",
    };
}
