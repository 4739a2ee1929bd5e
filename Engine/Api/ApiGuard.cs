using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace RcmlEngine.Api;

/// <summary>
/// Stands before every account endpoint: authenticates the request (401 with Twilio's error and the Basic
/// challenge), answers 404 for another account's path (never 403: no existence leak), and holds each
/// account to <see cref="ApiOptions.MaxRequestsPerSecond"/> (429, code 20429). The account is left in
/// the request's items for the endpoint (<see cref="AccountOf"/>).
/// </summary>
internal sealed class ApiGuard(ApiAccounts accounts, IOptions<ApiOptions> options) : IDisposable
{
    private const string AccountKey = "RcmlEngine.Api.Account";
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _limiters = new(StringComparer.Ordinal);
    private readonly int _perSecond = options.Value.MaxRequestsPerSecond;

    /// <summary>The account the guard authenticated for <paramref name="context"/>.</summary>
    public static ApiAccount AccountOf(HttpContext context) =>
        context?.Items[AccountKey] as ApiAccount ?? throw new InvalidOperationException("the request did not pass the API guard");

    /// <summary>The endpoint filter.</summary>
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(next);
        var context = invocation.HttpContext;
        var account = accounts.Authenticate(context.Request.Headers.Authorization, context.Connection.RemoteIpAddress);
        if (account is null)
        {
            return ApiErrors.Unauthorized(context, accounts.IsOpenOnLoopback
                ? "Authenticate: no account is configured, so the API answers on loopback only"
                : "Authenticate: the AccountSid and AuthToken do not match a configured account");
        }

        var pathAccount = context.Request.RouteValues["AccountSid"] as string;
        if (!string.Equals(pathAccount, account.Sid, StringComparison.Ordinal))
        {
            return ApiErrors.NotFoundAt(context.Request.Path.Value ?? "/");
        }

        if (_perSecond > 0)
        {
            var limiter = _limiters.GetOrAdd(account.Sid, _ => NewLimiter(_perSecond));
            using var lease = limiter.AttemptAcquire();
            if (!lease.IsAcquired)
            {
                context.Response.Headers.RetryAfter = "1";
                return ApiErrors.Of(StatusCodes.Status429TooManyRequests, ApiErrors.TooManyRequests,
                    $"Too Many Requests: more than {_perSecond} requests per second for {account.Sid} (Api:MaxRequestsPerSecond)");
            }
        }

        context.Items[AccountKey] = account;
        return await next(invocation);
    }

    /// <summary>Frees the rate limiters.</summary>
    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private static TokenBucketRateLimiter NewLimiter(int perSecond) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = perSecond * 2,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    });
}
