namespace RcmlEngine.Api.CallController;

/// <summary>The controller's error JSON: the HTTP status, a short code, the parameter at fault (if one is), and what was wrong.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Error">A short code: <c>invalid-parameter</c>, <c>unauthorized</c>, <c>not-found</c>, <c>in-progress</c>, <c>unavailable</c>.</param>
/// <param name="Parameter">The parameter at fault, or null.</param>
/// <param name="Message">What was wrong, in words.</param>
internal sealed record CallControllerError(int Status, string Error, string? Parameter, string Message);
