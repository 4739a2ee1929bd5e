using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace RcmlEngine.Tests.Support;

internal sealed partial class TestWebApp
{
    private async Task HandleAsync(HttpContext context)
    {
        var request = await ReadAsync(context);
        Record(request);
        if (!_routes.TryGetValue(request.Path, out var route))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var response = route.Next(request);
        try
        {
            if (route.Gate is { } gate)
            {
                await gate.WaitAsync(context.RequestAborted);
            }

            var delay = route.Delay + response.Delay;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            return; // the client gave up
        }

        if (response.Abort)
        {
            context.Abort();
            return;
        }

        if (_requiredAuthToken is { } token && !request.HasValidSignature(token))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("invalid X-Twilio-Signature");
            return;
        }

        await WriteAsync(context.Response, response);
    }

    private static async Task WriteAsync(HttpResponse http, TestResponse response)
    {
        http.StatusCode = response.StatusCode;
        if (response.ContentType is not null)
        {
            http.ContentType = response.ContentType;
        }

        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            http.Headers[name] = value;
        }

        var body = response.Bytes ?? Encoding.UTF8.GetBytes(response.Body);
        if (!response.Chunked)
        {
            http.ContentLength = body.Length;
            await http.Body.WriteAsync(body);
            return;
        }

        for (var offset = 0; offset < body.Length; offset += 4096)
        {
            await http.Body.WriteAsync(body.AsMemory(offset, Math.Min(4096, body.Length - offset)));
            await http.Body.FlushAsync();
        }
    }

    private static async Task<RecordedRequest> ReadAsync(HttpContext context)
    {
        var http = context.Request;
        using var reader = new StreamReader(http.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var form = http.HasFormContentType
            ? new FormReader(body).ReadForm().SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))).ToList()
            : [];
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        return new RecordedRequest
        {
            Index = -1,
            Method = http.Method,
            Path = http.Path.Value ?? "/",
            QueryString = http.QueryString.Value ?? string.Empty,
            Url = $"{http.Scheme}://{http.Host.Value}{rawTarget}",
            Query = http.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            FormPairs = form,
            Headers = http.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body,
            ReceivedAt = DateTimeOffset.UtcNow,
        };
    }
}
