using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Api.CallController;
using RcmlEngine.Api.Recordings;
using RcmlEngine.Calls.ClickToCall;

namespace RcmlEngine.Api;

/// <summary>Registers the REST API's services.</summary>
internal static class ApiServiceCollectionExtensions
{
    /// <summary>The accounts, the guard, the recording media and the OpenAPI document, configured from the <c>Api</c> section.</summary>
    public static IServiceCollection AddRcmlApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection("Api"));
        services.AddSingleton<ApiAccounts>();
        services.AddSingleton<ApiGuard>();
        services.AddSingleton<RecordingMedia>();
        services.AddOptions<CallControllerOptions>().Bind(configuration.GetSection(CallControllerOptions.SectionName));
        services.AddSingleton<CallControllerAuth>();
        services.AddSingleton<ClickToCallService>();
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "RcmlEngine REST API";
            document.Info.Description = "Twilio's 2010-04-01 Calls, Conferences, Participants and Recordings resources, served by a self-hosted RcmlEngine. HTTP Basic with AccountSid:AuthToken.";
            return Task.CompletedTask;
        }));
        return services;
    }
}
