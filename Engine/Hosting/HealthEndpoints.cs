using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Calls.Admission;
using RcmlEngine.Calls.Records;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Hosting;

/// <summary>
/// <c>/healthz</c>: 200 "ok" while the process serves HTTP (liveness). <c>/readyz</c>: 200 when the SIP
/// listeners take calls, the records store takes a write and the engine is not draining; 503 with
/// <c>{"status":"unavailable","reason":"..."}</c> otherwise, so a load balancer sends new calls elsewhere.
/// Neither needs credentials and neither says more than a reason.
/// </summary>
internal static class HealthEndpoints
{
    /// <summary>The liveness path.</summary>
    public const string LivePath = "/healthz";

    /// <summary>The readiness path.</summary>
    public const string ReadyPath = "/readyz";

    private const string Probe = """
        CREATE TABLE IF NOT EXISTS readiness (id INTEGER NOT NULL PRIMARY KEY, at_ms INTEGER NOT NULL);
        """;

    /// <summary>Maps both endpoints.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(LivePath, () => Results.Text("ok\n", "text/plain; charset=utf-8")).ExcludeFromDescription();
        app.MapGet(ReadyPath, ReadyAsync).ExcludeFromDescription();
    }

    /// <summary>Why the engine is not ready; null when it is.</summary>
    public static async Task<string?> NotReadyReasonAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<CallAdmission>() is { IsDraining: true })
        {
            return "draining";
        }

        var stack = services.GetRequiredService<SipStack>();
        if (stack.LocalEndPoints.Count == 0 || stack.IncomingCallHandler is null)
        {
            return "sip listeners not up";
        }

        try
        {
            var database = services.GetRequiredService<SqliteRecordsDatabase>();
            var time = services.GetRequiredService<TimeProvider>();
            await database.UseAsync(Probe, async connection =>
            {
                await using var write = connection.CreateCommand();
                write.CommandText = "INSERT OR REPLACE INTO readiness (id, at_ms) VALUES (1, $at);";
                write.Parameters.AddWithValue("$at", time.GetUtcNow().ToUnixTimeMilliseconds());
                return await write.ExecuteNonQueryAsync(cancellationToken);
            }, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return "records store not writable: " + exception.GetType().Name;
        }

        return null;
    }

    private static async Task ReadyAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        var reason = await NotReadyReasonAsync(context.RequestServices, context.RequestAborted);
        if (reason is null)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("ready\n", context.RequestAborted);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(
            "{\"status\":\"unavailable\",\"reason\":" + JsonSerializer.Serialize(reason, HealthJsonContext.Default.String) + "}\n", context.RequestAborted);
    }
}
