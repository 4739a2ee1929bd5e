namespace RcmlEngine.Media.Sessions;

/// <summary>Why digit collection ended.</summary>
internal enum DigitCollectEnd
{
    /// <summary>The maximum number of digits arrived.</summary>
    MaxDigits,

    /// <summary>A finish key was pressed.</summary>
    FinishKey,

    /// <summary>No (further) digit came in time.</summary>
    Timeout,
}
