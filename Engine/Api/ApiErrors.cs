using Microsoft.AspNetCore.Http;

namespace RcmlEngine.Api;

/// <summary>
/// Every error the API answers, in one place, as Twilio answers it: its HTTP status, its error code and
/// a message that names what was wrong.
/// </summary>
internal static class ApiErrors
{
    /// <summary>The realm of the <c>WWW-Authenticate</c> challenge.</summary>
    public const string Realm = "Twilio API";

    /// <summary>Twilio's 20001: a parameter has a value the API cannot use.</summary>
    public const int InvalidParameter = 20001;

    /// <summary>Twilio's 20003: authentication failed.</summary>
    public const int AuthenticationFailed = 20003;

    /// <summary>Twilio's 20004: method not allowed.</summary>
    public const int MethodNotAllowed = 20004;

    /// <summary>Twilio's 20009: a resource that is still in use cannot be deleted.</summary>
    public const int StillInUse = 20009;

    /// <summary>Twilio's 20404: no such resource.</summary>
    public const int NotFound = 20404;

    /// <summary>Twilio's 20429: too many requests.</summary>
    public const int TooManyRequests = 20429;

    /// <summary>Twilio's 20503: the service cannot take the request now.</summary>
    public const int ServiceUnavailable = 20503;

    /// <summary>Twilio's 21201: no To.</summary>
    public const int MissingTo = 21201;

    /// <summary>Twilio's 21205: Url missing or not a valid URL.</summary>
    public const int InvalidUrl = 21205;

    /// <summary>Twilio's 21210: From is not a usable caller.</summary>
    public const int InvalidFrom = 21210;

    /// <summary>Twilio's 21211: To cannot be called.</summary>
    public const int InvalidTo = 21211;

    /// <summary>Twilio's 21220: the call is not in progress (it cannot be redirected).</summary>
    public const int NotInProgress = 21220;

    /// <summary>Twilio's 21603: no From.</summary>
    public const int MissingFrom = 21603;

    /// <summary>Twilio's 16020: the conference holds its <c>MaxParticipants</c> already.</summary>
    public const int ConferenceFull = 16020;

    /// <summary>Twilio's 16024: a participant label longer than 128 characters, like a CallSid, or with a '/'.</summary>
    public const int InvalidLabel = 16024;

    /// <summary>Twilio's 16026: another participant of the conference has the label.</summary>
    public const int LabelInUse = 16026;

    /// <summary>Twilio's 16030: the participant could not be added (here: the conference has ended).</summary>
    public const int ParticipantNotAdded = 16030;

    /// <summary>Twilio's 12100: the Twiml is not valid.</summary>
    public const int InvalidTwiml = 12100;

    /// <summary>An error answer: <paramref name="status"/> with Twilio's JSON for <paramref name="code"/>.</summary>
    public static IResult Of(int status, int code, string message) =>
        Results.Json(new ApiError(code, message, $"https://www.twilio.com/docs/errors/{code}", status), ApiJsonContext.Api.ApiError, statusCode: status);

    /// <summary>400 for a parameter: <paramref name="code"/> and a message naming it.</summary>
    public static IResult BadRequest(int code, string message) => Of(StatusCodes.Status400BadRequest, code, message);

    /// <summary>404 for <paramref name="path"/>.</summary>
    public static IResult NotFoundAt(string path) =>
        Of(StatusCodes.Status404NotFound, NotFound, $"The requested resource {path} was not found");

    /// <summary>401 with the Basic challenge.</summary>
    public static IResult Unauthorized(HttpContext context, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\"";
        return Of(StatusCodes.Status401Unauthorized, AuthenticationFailed, message);
    }
}
