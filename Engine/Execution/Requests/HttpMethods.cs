using RcmlEngine.Rcml.Ast;
using RcmlEngine.Webhooks;

namespace RcmlEngine.Execution.Requests;

/// <summary>RCML's GET/POST as the Webhooks layer's.</summary>
internal static class HttpMethods
{
    /// <summary>The webhook method of an RCML <c>method</c> attribute.</summary>
    public static WebhookMethod ToWebhookMethod(this RcmlHttpMethod method) =>
        method == RcmlHttpMethod.Get ? WebhookMethod.Get : WebhookMethod.Post;
}
