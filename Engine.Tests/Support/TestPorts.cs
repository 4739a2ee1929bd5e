namespace RcmlEngine.Tests.Support;

/// <summary>RTP port ranges for tests: a block per test process (by process id), so parallel runs rarely meet.</summary>
internal static class TestPorts
{
    /// <summary>The first port of this process's block of 40 ports between 46000 and 58000.</summary>
    public static int MediaBase { get; } = 46000 + (Environment.ProcessId % 300 * 40);
}
