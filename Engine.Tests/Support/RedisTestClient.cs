using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// A minimal RESP2 client over one TCP connection, for tests that read what the engine wrote with the
/// blocking commands a consumer uses (<c>BRPOP</c>), which a multiplexed client does not offer.
/// </summary>
internal sealed class RedisTestClient : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;

    private RedisTestClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new StreamReader(_stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, leaveOpen: true);
    }

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<RedisTestClient> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return new RedisTestClient(tcp);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <c>BRPOP key timeout</c>: the oldest message of an LPUSHed list, waiting up to <paramref name="timeout"/>;
    /// null when none came.
    /// </summary>
    public async Task<string?> BrpopAsync(string key, TimeSpan timeout, CancellationToken cancellationToken) =>
        await CommandAsync(cancellationToken, "BRPOP", key, ((int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture))
            is List<object?> { Count: 2 } pair ? (string?)pair[1] : null;

    /// <summary>Sends a command; the reply as a string, long, list or null.</summary>
    public async Task<object?> CommandAsync(CancellationToken cancellationToken, params string[] parts)
    {
        var request = new StringBuilder().Append('*').Append(parts.Length).Append("\r\n");
        foreach (var part in parts)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(part)).Append("\r\n").Append(part).Append("\r\n");
        }

        await _stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), cancellationToken);
        return await ReadReplyAsync(cancellationToken);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
        _tcp.Dispose();
    }

    private async Task<object?> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new IOException("redis closed the connection");
        var body = line[1..];
        switch (line[0])
        {
            case '+':
                return body;
            case '-':
                throw new InvalidOperationException("redis: " + body);
            case ':':
                return long.Parse(body, CultureInfo.InvariantCulture);
            case '$':
                var length = int.Parse(body, CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return null;
                }

                // Test messages are single-line JSON: the bulk string is the next line.
                return await _reader.ReadLineAsync(cancellationToken);
            case '*':
                var count = int.Parse(body, CultureInfo.InvariantCulture);
                if (count < 0)
                {
                    return null;
                }

                var items = new List<object?>(count);
                for (var i = 0; i < count; i++)
                {
                    items.Add(await ReadReplyAsync(cancellationToken));
                }

                return items;
            default:
                throw new InvalidOperationException("unexpected RESP reply: " + line);
        }
    }
}
