using System.CommandLine;
using RcmlEngine.Cli.ApiCalls;
using RcmlEngine.Hosting;

namespace RcmlEngine.Cli.Commands;

/// <summary>
/// <c>rcml call --to TARGET (--url URL | --twiml XML)</c>: places a call through a running engine's REST API,
/// follows its status until it ends and prints each change. Exit code 0 when the call completed, 1 when it
/// ended otherwise or was interrupted (Ctrl+C hangs it up), 2 on bad usage or an API error.
/// </summary>
internal static class CallCommand
{
    /// <summary>The environment variable read for the AuthToken when <c>--token</c> is not given.</summary>
    public const string TokenVariable = "RCML_AUTH_TOKEN";

    public static Command Create()
    {
        var to = new Option<string>("--to") { Description = "Who to call: sip:user@host[:port][;transport=tcp], client:name, or a number for the trunks", Required = true };
        var from = new Option<string>("--from") { Description = "The caller (Twilio's From)", DefaultValueFactory = _ => "rcml" };
        var url = UrlOption("--url", "The document to run once the call is answered", null);
        var twiml = new Option<string?>("--twiml") { Description = "The document itself, e.g. '<Response><Say>Hi</Say></Response>'", HelpName = "XML" };
        var api = UrlOption("--api", "The engine's HTTP base URL", new Uri("http://127.0.0.1:8080/"));
        var account = new Option<string>("--account") { Description = "The AccountSid", DefaultValueFactory = _ => EngineOptions.DefaultAccountSid, HelpName = "SID" };
        var token = new Option<string?>("--token") { Description = $"The account's AuthToken (default: ${TokenVariable})" };
        var timeout = new Option<int?>("--timeout") { Description = "Seconds to let the call ring (Twilio's Timeout, default 60)", HelpName = "SECONDS" };
        var statusCallback = UrlOption("--status-callback", "A URL for the call's status callbacks", null);
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 600)
            {
                result.AddError("--timeout must be from 1 to 600 seconds");
            }
        });

        var command = new Command("call", "Place a call through a running engine's REST API and follow it until it ends.")
        {
            to, from, url, twiml, api, account, token, timeout, statusCallback,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(url) is null) == (result.GetResult(twiml) is null))
            {
                result.AddError("give either --url or --twiml");
            }
        });
        command.SetAction((parse, cancellationToken) => new ApiCallFollower(new ApiCallSettings
        {
            Api = parse.GetValue(api)!,
            Account = parse.GetValue(account)!,
            Token = parse.GetValue(token) ?? Environment.GetEnvironmentVariable(TokenVariable),
            To = parse.GetValue(to)!,
            From = parse.GetValue(from)!,
            Url = parse.GetValue(url),
            Twiml = parse.GetValue(twiml),
            Timeout = parse.GetValue(timeout),
            StatusCallback = parse.GetValue(statusCallback),
        }, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, TimeProvider.System).RunAsync(cancellationToken));
        return command;
    }

    // System.CommandLine has no parser of Uri: an absolute http(s) URL, or an error naming the option.
    private static Option<Uri?> UrlOption(string name, string description, Uri? fallback)
    {
        var option = new Option<Uri?>(name)
        {
            Description = description,
            HelpName = "URL",
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return fallback;
                }

                if (Uri.TryCreate(result.Tokens[0].Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    return uri;
                }

                result.AddError($"{name} must be an http or https URL");
                return null;
            },
        };
        if (fallback is not null)
        {
            option.DefaultValueFactory = _ => fallback;
        }

        return option;
    }
}
