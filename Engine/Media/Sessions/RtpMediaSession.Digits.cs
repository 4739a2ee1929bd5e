using System.Text;

namespace RcmlEngine.Media.Sessions;

/// <summary>Collecting digits.</summary>
internal sealed partial class RtpMediaSession
{
    /// <inheritdoc />
    public async Task<DigitCollection> CollectDigitsAsync(DigitCollectOptions options, CancellationToken cancellationToken)
    {
        var digits = new StringBuilder();
        while (true)
        {
            var timeout = digits.Length == 0 ? options.FirstDigitTimeout : options.InterDigitTimeout;
            using var timer = new CancellationTokenSource(timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            CallDigit digit;
            try
            {
                digit = await _digits.Reader.ReadAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new DigitCollection(digits.ToString(), DigitCollectEnd.Timeout);
            }

            if (options.FinishOnKeys.Contains(digit.Digit, StringComparison.Ordinal))
            {
                return new DigitCollection(digits.ToString(), DigitCollectEnd.FinishKey, digit.Digit);
            }

            digits.Append(digit.Digit);
            if (options.MaxDigits > 0 && digits.Length >= options.MaxDigits)
            {
                return new DigitCollection(digits.ToString(), DigitCollectEnd.MaxDigits);
            }
        }
    }
}
