namespace RcmlEngine.Hosting;

/// <summary>The <c>Metrics:Otlp</c> section: where to push metrics with OTLP; nothing is pushed without an endpoint.</summary>
internal sealed class OtlpMetricsOptions
{
    /// <summary>The collector's URL (<c>http://collector:4317</c> for gRPC, <c>http://collector:4318/v1/metrics</c> for HTTP).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
    public string Protocol { get; set; } = "grpc";

    /// <summary>How often metrics are pushed (default 15 s).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);
}
