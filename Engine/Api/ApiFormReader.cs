using System.Globalization;
using Microsoft.AspNetCore.Http;
using RcmlEngine.Hosting;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Api;

/// <summary>
/// Reads typed parameters from an <see cref="ApiForm"/>, keeping the first problem as Twilio's 400 answer
/// naming the parameter (<see cref="Error"/>); later reads after a problem return defaults.
/// </summary>
internal sealed class ApiFormReader(ApiForm form)
{
    /// <summary>The form read.</summary>
    public ApiForm Form { get; } = form;

    /// <summary>The first problem found, as the answer to send; null while all is well.</summary>
    public IResult? Error { get; private set; }

    /// <summary>Records a problem (the first one wins).</summary>
    public void Fail(int code, string message) => Error ??= ApiErrors.BadRequest(code, message);

    /// <summary>A text parameter, trimmed; null when absent or empty.</summary>
    public string? Text(string name, int maxLength = 2048)
    {
        var value = Form[name]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > maxLength || value.Any(char.IsControl))
        {
            Fail(ApiErrors.InvalidParameter, $"{name} must be at most {maxLength} characters without control characters");
            return null;
        }

        return value;
    }

    /// <summary>An absolute http(s) URL; null when absent. <paramref name="code"/> is Twilio's code for a bad one.</summary>
    public Uri? Url(string name, int code)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        Fail(code, $"{name} is not a valid URL: '{text}' (an absolute http or https URL is needed)");
        return null;
    }

    /// <summary><c>GET</c> or <c>POST</c>; <paramref name="fallback"/> when absent.</summary>
    public RcmlHttpMethod Method(string name, RcmlHttpMethod fallback = RcmlHttpMethod.Post)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        if (ConfigValues.TryParseMethod(text, out var method))
        {
            return method;
        }

        Fail(ApiErrors.InvalidParameter, $"{name} must be GET or POST, not '{text}'");
        return fallback;
    }

    /// <summary>A whole number from <paramref name="min"/>; above <paramref name="max"/> it is lowered to it (as Twilio does).</summary>
    public int? Integer(string name, int min, int max)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            Fail(ApiErrors.InvalidParameter, $"{name} must be a whole number from {min} to {max}, not '{text}'");
            return null;
        }

        return Math.Min(value, max);
    }

    /// <summary><c>true</c> or <c>false</c>; <paramref name="fallback"/> when absent.</summary>
    public bool Boolean(string name, bool fallback = false)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Fail(ApiErrors.InvalidParameter, $"{name} must be true or false, not '{text}'");
        return fallback;
    }

    /// <summary>Status callback events, as repeated parameters or separated by spaces; <paramref name="fallback"/> when absent.</summary>
    public CallProgressEvents Events(string name, CallProgressEvents fallback)
    {
        var values = Form.All(name);
        if (values.Count == 0)
        {
            return fallback;
        }

        if (ConfigValues.TryParseEvents(string.Join(' ', values), out var events, out var unknown))
        {
            return events;
        }

        Fail(ApiErrors.InvalidParameter, $"{name} '{unknown}' is not one of initiated, ringing, answered, completed");
        return fallback;
    }
}
