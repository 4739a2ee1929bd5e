namespace RcmlEngine.Calls.Digits;

/// <summary>What ended a digit collection.</summary>
internal enum DigitCollectionEnd
{
    /// <summary>No key for <see cref="DigitCollectOptions.Timeout"/>.</summary>
    Timeout,

    /// <summary>A key of <see cref="DigitCollectOptions.FinishOnKey"/>.</summary>
    FinishKey,

    /// <summary><see cref="DigitCollectOptions.NumDigits"/> digits were in.</summary>
    NumDigits,
}
