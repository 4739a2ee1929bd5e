using System.CommandLine;
using RcmlEngine.Cli.Run;
using RcmlEngine.Hosting;

namespace RcmlEngine.Cli.Commands;

/// <summary><c>rcml run FILE|URL</c>: plays a call through a document in the terminal.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("FILE|URL") { Description = "An RCML document file (served with its folder on 127.0.0.1), or an http(s) URL" };
        var digits = new Option<string?>("--digits")
        {
            Description = "What the caller keys at each Gather/Record, comma separated (1#,,42#); w waits 0.5 s, W 1 s. "
                + "When used up, the caller hangs up. Without it, keys are asked for on the terminal",
            HelpName = "SCRIPT",
        };
        var from = new Option<string>("--from") { Description = "The caller's number", DefaultValueFactory = _ => "+15550100001" };
        var to = new Option<string>("--to") { Description = "The called number", DefaultValueFactory = _ => "+15550100002" };
        var method = new Option<string>("--method") { Description = "GET or POST for the first request", DefaultValueFactory = _ => "POST" };
        method.Validators.Add(result =>
        {
            if (!ConfigValues.TryParseMethod(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError("--method must be GET or POST");
            }
        });
        var token = new Option<string?>("--auth-token") { Description = "Sign the requests with this AuthToken (X-Twilio-Signature)" };
        var fast = new Option<bool>("--fast") { Description = "Prompts and pauses take no time (Gather timeouts still do)" };
        var verbose = new Option<bool>("--verbose") { Description = "Show every request made" };
        var recordings = new Option<string?>("--recordings") { Description = "Keep recordings in this folder (default: a temporary one)", HelpName = "DIR" };

        var command = new Command("run", "Play a call through a document in the terminal: hear its prompts, key digits, follow its actions.")
        {
            target, digits, from, to, method, token, fast, verbose, recordings,
        };
        command.SetAction((parse, cancellationToken) => TerminalCall.RunAsync(new TerminalCallSettings
        {
            Target = parse.GetValue(target)!,
            Digits = parse.GetValue(digits),
            From = parse.GetValue(from)!,
            To = parse.GetValue(to)!,
            Method = ConfigValues.Method(parse.GetValue(method)),
            AuthToken = parse.GetValue(token),
            Fast = parse.GetValue(fast),
            Verbose = parse.GetValue(verbose),
            RecordingsFolder = parse.GetValue(recordings),
        }, Console.In, Console.Out, Console.Error, cancellationToken));
        return command;
    }
}
