using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;

namespace RcmlEngine.Api.CallController;

/// <summary>
/// Digest nonces without server state: the issue time and random bytes, signed with a key of this
/// process (so a nonce from before a restart is stale). Each nonce's nonce-count must grow (RFC 7616
/// 3.4: replay protection); the counts are kept while the nonce is good, for at most <see cref="MaxTracked"/>
/// nonces: past that, every nonce issued so far turns stale (clients are challenged again), never replayable.
/// </summary>
internal sealed class DigestNonces(TimeProvider time, TimeSpan lifetime)
{
    /// <summary>The most nonces whose counts are remembered.</summary>
    public const int MaxTracked = 10_000;

    private const int MacLength = 16;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, (long Count, DateTimeOffset Issued)> _counts = new(StringComparer.Ordinal);
    private readonly Lock _pruneLock = new();
    private long _floorMilliseconds = long.MinValue;

    /// <summary>A fresh nonce.</summary>
    public string Issue()
    {
        Span<byte> bytes = stackalloc byte[8 + 8 + MacLength];
        BinaryPrimitives.WriteInt64BigEndian(bytes, time.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(bytes.Slice(8, 8));
        HMACSHA256.HashData(_key, bytes[..16])[..MacLength].CopyTo(bytes[16..]);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>
    /// Checks a nonce we issued and its count: <see cref="DigestNonceCheck.Valid"/> (the count is taken),
    /// <see cref="DigestNonceCheck.Stale"/> (too old: challenge again with <c>stale=true</c>), or
    /// <see cref="DigestNonceCheck.Invalid"/> (forged, or the count did not grow: a replay).
    /// </summary>
    public DigestNonceCheck Check(string nonce, string nonceCount)
    {
        if (nonce.Length != (16 + MacLength) * 2 || !TryHex(nonce, out var bytes) ||
            !CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, bytes.AsSpan(0, 16)).AsSpan(0, MacLength), bytes.AsSpan(16)))
        {
            return DigestNonceCheck.Invalid;
        }

        if (!long.TryParse(nonceCount, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            return DigestNonceCheck.Invalid;
        }

        var issued = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(bytes));
        var now = time.GetUtcNow();
        if (now - issued > lifetime || issued - now > TimeSpan.FromMinutes(1) || issued.ToUnixTimeMilliseconds() <= Interlocked.Read(ref _floorMilliseconds))
        {
            return DigestNonceCheck.Stale;
        }

        Prune(now);
        var taken = false;
        _counts.AddOrUpdate(nonce, _ => { taken = true; return (count, issued); }, (_, seen) =>
        {
            taken = count > seen.Count;
            return taken ? (count, issued) : seen;
        });
        return taken ? DigestNonceCheck.Valid : DigestNonceCheck.Invalid;
    }

    private void Prune(DateTimeOffset now)
    {
        if (_counts.Count < MaxTracked)
        {
            return;
        }

        lock (_pruneLock)
        {
            foreach (var (nonce, entry) in _counts)
            {
                if (now - entry.Issued > lifetime)
                {
                    _counts.TryRemove(nonce, out _);
                }
            }

            if (_counts.Count >= MaxTracked)
            {
                // Forgetting a count would let its nonce be replayed: every nonce issued until now turns stale instead.
                Interlocked.Exchange(ref _floorMilliseconds, now.ToUnixTimeMilliseconds());
                _counts.Clear();
            }
        }
    }

    private static bool TryHex(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
