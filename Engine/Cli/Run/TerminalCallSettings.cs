using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Cli.Run;

/// <summary>What <c>rcml run</c> was asked to do.</summary>
internal sealed record TerminalCallSettings
{
    /// <summary>A document file, or an http(s) URL.</summary>
    public required string Target { get; init; }

    /// <summary><c>--digits</c>: the caller's script (entries per Gather/Record, comma separated); null asks at the terminal.</summary>
    public string? Digits { get; init; }

    /// <summary><c>--from</c>.</summary>
    public string From { get; init; } = "+15550100001";

    /// <summary><c>--to</c>.</summary>
    public string To { get; init; } = "+15550100002";

    /// <summary><c>--method</c> for the first request.</summary>
    public RcmlHttpMethod Method { get; init; } = RcmlHttpMethod.Post;

    /// <summary><c>--auth-token</c>: signs the requests.</summary>
    public string? AuthToken { get; init; }

    /// <summary><c>--fast</c>: prompts and pauses take no time (Gather timeouts still do).</summary>
    public bool Fast { get; init; }

    /// <summary><c>--verbose</c>: show every fetch.</summary>
    public bool Verbose { get; init; }

    /// <summary><c>--recordings</c>: where recordings are kept; default a temporary folder.</summary>
    public string? RecordingsFolder { get; init; }
}
