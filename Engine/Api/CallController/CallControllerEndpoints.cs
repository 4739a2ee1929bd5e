using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RcmlEngine.Calls.ClickToCall;

namespace RcmlEngine.Api.CallController;

/// <summary>
/// <c>POST /callcontroller/{callingParty}/{calledParty}</c> starts a click-to-call setup (202 with its status
/// JSON and a Location); <c>GET</c> on the same path answers its status (200), or 404 when there is none or
/// it expired. 401 with Digest and Basic challenges without valid credentials (docs/click-to-call.md).
/// </summary>
internal static class CallControllerEndpoints
{
    /// <summary>The path of a setup.</summary>
    public const string Path = "/callcontroller/{callingParty}/{calledParty}";

    /// <summary>Maps the controller when <see cref="CallControllerOptions.Enabled"/>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.ServiceProvider.GetRequiredService<IOptions<CallControllerOptions>>().Value.Enabled)
        {
            return;
        }

        app.MapPost(Path, Post).WithTags("Call controller").WithSummary("Rings callingParty, then transfers it to calledParty");
        app.MapGet(Path, Get).WithTags("Call controller").WithSummary("The progress of the setup between the two parties");
    }

    private static IResult Post(HttpContext context, string callingParty, string calledParty,
        CallControllerAuth auth, ClickToCallService service, IOptions<CallControllerOptions> options)
    {
        if (auth.Authenticate(context, out var stale) is not { } account)
        {
            return Unauthorized(context, auth, stale);
        }

        if (!CallControllerQuery.TryRead(context.Request, callingParty, calledParty, options.Value, account.Sid, out var request, out var error))
        {
            return Error(error);
        }

        var start = service.Start(request);
        if (start.Refusal == ClickToCallRefusal.None)
        {
            var uri = UriOf(context);
            context.Response.Headers.Location = uri;
            return Results.Json(CallControllerStatusJson.Of(start.Status!, uri), CallControllerJsonContext.Default.CallControllerStatusJson,
                statusCode: StatusCodes.Status202Accepted);
        }

        return start.Refusal == ClickToCallRefusal.InProgress
            ? Error(new CallControllerError(StatusCodes.Status409Conflict, "in-progress", null, start.Error!))
            : Error(new CallControllerError(StatusCodes.Status503ServiceUnavailable, "unavailable", null, start.Error!));
    }

    private static IResult Get(HttpContext context, string callingParty, string calledParty, CallControllerAuth auth, ClickToCallService service)
    {
        if (auth.Authenticate(context, out var stale) is not { } account)
        {
            return Unauthorized(context, auth, stale);
        }

        return service.Find(account.Sid, callingParty, calledParty) is { } status
            ? Results.Json(CallControllerStatusJson.Of(status, UriOf(context)), CallControllerJsonContext.Default.CallControllerStatusJson)
            : Error(new CallControllerError(StatusCodes.Status404NotFound, "not-found", null,
                "no call setup between these parties is known (none was started, or its resultCacheTime has passed)"));
    }

    private static IResult Unauthorized(HttpContext context, CallControllerAuth auth, bool stale)
    {
        auth.Challenge(context.Response, stale);
        return Error(new CallControllerError(StatusCodes.Status401Unauthorized, "unauthorized", null,
            "authenticate with HTTP Basic or Digest (RFC 7616, MD5 or SHA-256, qop=auth) as AccountSid and AuthToken"));
    }

    private static IResult Error(CallControllerError error) =>
        Results.Json(error, CallControllerJsonContext.Default.CallControllerError, statusCode: error.Status);

    private static string UriOf(HttpContext context) => context.Request.PathBase + context.Request.Path;
}
