using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Api.CallController;
using RcmlEngine.Api.Calls;
using RcmlEngine.Api.Conferences;
using RcmlEngine.Api.Queues;
using RcmlEngine.Api.Recordings;

namespace RcmlEngine.Api;

/// <summary>
/// The REST API on the engine's HTTP server, Twilio's paths under <c>/2010-04-01/Accounts/{AccountSid}</c>:
/// Calls, Conferences and their Participants, and Recordings behind <see cref="ApiGuard"/>, recording audio open as Twilio's is, any other
/// path of an account a Twilio 404, and the OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
internal static class ApiEndpoints
{
    /// <summary>The prefix of every account path.</summary>
    public const string AccountPath = "/2010-04-01/Accounts/{AccountSid}";

    /// <summary>Maps the API on <paramref name="app"/>.</summary>
    public static void MapRcmlApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var guard = app.Services.GetRequiredService<ApiGuard>();
        var account = app.MapGroup(AccountPath).AddEndpointFilter(guard.InvokeAsync).WithTags("Voice");
        CallEndpoints.Map(account);
        ConferenceEndpoints.Map(account);
        ParticipantEndpoints.Map(account);
        QueueEndpoints.Map(account);
        MemberEndpoints.Map(account);
        RecordingEndpoints.Map(account);
        account.Map("/{**rest}", (HttpContext context) => ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/")).ExcludeFromDescription();
        RecordingMedia.Map(app);
        CallControllerEndpoints.Map(app);
        app.MapOpenApi("/openapi/{documentName}.json");
    }
}
