namespace RcmlEngine.Api;

/// <summary>Twilio's error body: <c>{"code":20404,"message":"...","more_info":"https://www.twilio.com/docs/errors/20404","status":404}</c>.</summary>
/// <param name="Code">Twilio's error code.</param>
/// <param name="Message">What was wrong, naming the parameter or resource.</param>
/// <param name="MoreInfo">Twilio's page on the code.</param>
/// <param name="Status">The HTTP status.</param>
internal sealed record ApiError(int Code, string Message, string MoreInfo, int Status);
