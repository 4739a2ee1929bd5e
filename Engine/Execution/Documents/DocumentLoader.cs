using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Fetching;
using RcmlEngine.Webhooks.Http;

namespace RcmlEngine.Execution.Documents;

/// <summary>
/// Fetches and reads a call's documents. A document that cannot be fetched (unreachable, 4xx/5xx, timeout,
/// wrong content type) or is not valid RCML is reported (log and debugger, with its Twilio code), then the
/// application's fallback URL is tried with <c>ErrorCode</c> and <c>ErrorUrl</c>. Counts documents
/// against <see cref="ExecutionOptions.MaxDocumentsPerCall"/>.
/// </summary>
internal sealed partial class DocumentLoader(
    IDocumentFetcher fetcher,
    IRcmlDocumentReader reader,
    CallIssueReporter reporter,
    IOptions<ExecutionOptions> options,
    ILogger<DocumentLoader> logger)
{
    /// <summary>The content types read as RCML (Twilio's: XML, and HTML which is parsed as XML too).</summary>
    public static readonly IReadOnlyCollection<string> AcceptedMediaTypes = ["text/xml", "application/xml", "text/html"];

    // Enough of a bad body for the debugger.
    private const int BodyExcerptChars = 2048;

    private readonly ExecutionOptions _options = options.Value;

    /// <summary>
    /// The document at <paramref name="target"/>, or the fallback's when it fails; null when neither gives
    /// a runnable document or the document limit is reached (all reported).
    /// </summary>
    public async Task<LoadedDocument?> LoadAsync(CallSession session, Navigation target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Twiml is { } inline)
        {
            return ReadInline(session, inline, target.Url);
        }

        var request = session.Request(target.Url, target.Method, target.Parameters);
        var (document, errorCode) = await TryLoadAsync(session, request, cancellationToken);
        if (document is not null || errorCode == (int)ExecutionErrorCode.DocumentLimitReached)
        {
            return document;
        }

        if (session.Application.VoiceFallbackUrl is not { } fallback)
        {
            return null;
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var safe = SafeUrl.Of(fallback);
            LogFallback(safe, errorCode);
        }

        KeyValuePair<string, string>[] error =
        [
            new("ErrorCode", errorCode.ToString(CultureInfo.InvariantCulture)),
            new("ErrorUrl", target.Url.OriginalString),
        ];
        var fallbackRequest = session.Request(fallback, session.Application.VoiceFallbackMethod, error);
        (document, _) = await TryLoadAsync(session, fallbackRequest, cancellationToken);
        return document;
    }

    private async Task<(LoadedDocument? Document, int ErrorCode)> TryLoadAsync(
        CallSession session,
        WebhookRequest request,
        CancellationToken cancellationToken)
    {
        if (session.DocumentsFetched >= _options.MaxDocumentsPerCall)
        {
            reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.DocumentLimitReached,
                $"the call fetched {session.DocumentsFetched} documents (Limits:MaxDocumentsPerCall); is a Redirect or action looping?") with { Request = request });
            return (null, (int)ExecutionErrorCode.DocumentLimitReached);
        }

        session.DocumentsFetched++;
        var fetched = await fetcher.FetchAsync(request, AcceptedMediaTypes, cancellationToken);
        if (fetched.Error is { } error)
        {
            reporter.Report(session, new ExecutionIssue((int)error.Code, $"could not fetch the document: {error.Message}")
            {
                Request = request,
                ResponseStatusCode = fetched.StatusCode,
                ResponseBody = Excerpt(fetched),
            });
            return (null, (int)error.Code);
        }

        var reading = reader.Read(fetched.Body);
        var url = fetched.FinalUrl ?? request.Url;
        if (!reading.IsRunnable)
        {
            var errors = reading.Diagnostics.Where(d => d.IsError).ToList();
            var first = errors.FirstOrDefault();
            var message = first is null
                ? "the document has no <Response>"
                : $"the document is not valid RCML ({errors.Count} error{(errors.Count == 1 ? string.Empty : "s")}), first at {first}";
            reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.DocumentParseFailure, message) with
            {
                Request = request,
                ResponseStatusCode = fetched.StatusCode,
                ResponseBody = Excerpt(fetched),
                MoreInfo = first is null ? null : Position(first.Line, first.Column, first.Code),
            });
            return (null, (int)ExecutionErrorCode.DocumentParseFailure);
        }

        var warnings = reading.Diagnostics.Where(d => !d.IsError).ToList();
        if (warnings.Count > 0)
        {
            var listed = string.Join("; ", warnings.Take(5).Select(w => w.ToString()));
            reporter.Report(session, ExecutionIssue.Warning(ExecutionErrorCode.SchemaValidationWarning,
                $"the document runs with {warnings.Count} warning{(warnings.Count == 1 ? string.Empty : "s")}: {listed}") with { Request = request });
        }

        var document = reading.Document!;
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var safe = SafeUrl.Of(url);
            LogLoaded(safe, document.Verbs.Count, session.DocumentsFetched);
        }

        return (new LoadedDocument(document, url), 0);
    }

    // A document given whole (the REST API's Twiml, checked before it was accepted): nothing to fetch
    // and no fallback, but it counts against the limit like any other.
    private LoadedDocument? ReadInline(CallSession session, string twiml, Uri baseUrl)
    {
        if (session.DocumentsFetched >= _options.MaxDocumentsPerCall)
        {
            reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.DocumentLimitReached,
                $"the call ran {session.DocumentsFetched} documents (Limits:MaxDocumentsPerCall)"));
            return null;
        }

        session.DocumentsFetched++;
        var reading = reader.Read(System.Text.Encoding.UTF8.GetBytes(twiml));
        if (!reading.IsRunnable)
        {
            var first = reading.Diagnostics.FirstOrDefault(d => d.IsError);
            reporter.Report(session, ExecutionIssue.Error(ExecutionErrorCode.DocumentParseFailure,
                first is null ? "the inline document has no <Response>" : $"the inline document is not valid RCML, first error at {first}"));
            return null;
        }

        return new LoadedDocument(reading.Document!, baseUrl);
    }

    private static string? Excerpt(DocumentFetchResult fetched)
    {
        if (fetched.Body.IsEmpty)
        {
            return null;
        }

        var text = fetched.BodyText;
        return text.Length <= BodyExcerptChars ? text : text[..BodyExcerptChars];
    }

    private static Dictionary<string, string> Position(int line, int column, string code) => new()
    {
        ["line"] = line.ToString(CultureInfo.InvariantCulture),
        ["column"] = column.ToString(CultureInfo.InvariantCulture),
        ["diagnostic"] = code,
    };
}
