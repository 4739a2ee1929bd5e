using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;
using RcmlEngine.Calls.Admission;

namespace RcmlEngine.Hosting;

/// <summary>
/// <c>POST /drain</c>, from loopback only: the engine refuses every new call from now on (503, SIP and
/// REST API) while the calls in progress go on, so a load balancer moves new calls away before the
/// process is stopped. Answers 202 with the calls still in progress; there is no undo but a restart.
/// </summary>
internal static partial class DrainEndpoint
{
    /// <summary>The endpoint's path.</summary>
    public const string Path = "/drain";

    /// <summary>Maps the endpoint.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(Path, HandleAsync).ExcludeFromDescription();
    }

    private static Task HandleAsync(HttpContext context)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        var admission = context.RequestServices.GetRequiredService<CallAdmission>();
        var calls = admission.InProgress;
        if (!admission.IsDraining)
        {
            admission.BeginDrain();
            LogDrainRequested(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DrainEndpoint).FullName!), new Counted(calls, "call"));
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(
            string.Create(CultureInfo.InvariantCulture, $"draining: new calls get 503; {Counted.Of(calls, "call")} in progress\n"), context.RequestAborted);
    }

    [LoggerMessage(EventId = Diagnostics.LogEventRange.Hosting + 50, Level = LogLevel.Warning,
        Message = "Drain requested (POST /drain): new calls get 503 until the engine restarts; {Count} in progress go on")]
    private static partial void LogDrainRequested(ILogger logger, Counted count);
}
