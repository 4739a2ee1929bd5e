using System.CommandLine;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Cli.Commands;

/// <summary>
/// <c>rcml sip-responder</c> (hidden): answers every INVITE with 200 and a fixed SDP and lets the
/// caller hang up. The far end of <c>scripts/load-sip.sh</c>; no RCML, no media.
/// </summary>
internal static class SipResponderCommand
{
    private static readonly byte[] Answer = Encoding.ASCII.GetBytes(
        "v=0\r\no=rcml 1 1 IN IP4 127.0.0.1\r\ns=rcml\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n");

    public static Command Create()
    {
        var address = new Option<string>("--address") { Description = "Address to listen on (UDP and TCP).", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port to listen on.", DefaultValueFactory = _ => SipListenOptions.DefaultPort };
        var ring = new Option<bool>("--ring") { Description = "Send 180 Ringing before answering." };
        var command = new Command("sip-responder", "Answer every SIP INVITE at once (load-test far end).") { Hidden = true };
        command.Options.Add(address);
        command.Options.Add(port);
        command.Options.Add(ring);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var ip = IPAddress.Parse(parse.GetValue(address)!);
            var listenPort = parse.GetValue(port);
            var sendRinging = parse.GetValue(ring);
            using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
            var options = new SipStackOptions
            {
                Transport = new SipTransportOptions
                {
                    Listen = [new(SipTransportKind.Udp, new IPEndPoint(ip, listenPort)), new(SipTransportKind.Tcp, new IPEndPoint(ip, listenPort))],
                },
            };
            await using var stack = SipStack.Start(options, TimeProvider.System, loggers);
            stack.IncomingCallHandler = async (call, ct) =>
            {
                if (sendRinging)
                {
                    await call.SendProvisionalAsync(180, cancellationToken: ct);
                }

                await call.AcceptAsync(SipBody.Sdp(Answer), null, ct);
            };
            await Console.Out.WriteLineAsync($"sip-responder listening on {ip}:{listenPort} (UDP and TCP)");
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            return 0;
        });
        return command;
    }
}
