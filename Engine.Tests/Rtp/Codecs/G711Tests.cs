using RcmlEngine.Rtp.Codecs;

namespace RcmlEngine.Tests.Rtp.Codecs;

/// <summary>
/// Checks both laws against ITU-T G.711: the decoder output values of Tables 1a (A-law) and 2a
/// (mu-law), rebuilt here from the segment and step structure the tables list, and the encoder's
/// quantization (every input lands on the nearest output level of its segment).
/// </summary>
[TestFixture]
public sealed class G711Tests
{
    [Test]
    public void MuLawDecode_AllCodes_MatchTable2aOutputValues()
    {
        // G.711 Table 2a, on its 8159 scale: segment 1 outputs 0, 2, ..., 30; segment s > 1 starts at
        // (2^(s+4) - 33) + step/2 with step 2^s; our 16-bit output is the table value times 4.
        var expected = new List<int>();
        for (var segment = 0; segment < 8; segment++)
        {
            for (var step = 0; step < 16; step++)
            {
                var value = segment == 0 ? 2 * step : (1 << (segment + 5)) - 33 + ((1 << (segment + 1)) * step) + (1 << segment);
                expected.Add(value * 4);
            }
        }

        for (var number = 0; number < 128; number++)
        {
            // The positive code of value number n is 0xFF - n; the negative one is 0x7F - n.
            G711MuLaw.Decode((byte)(0xFF - number)).Should().Be((short)expected[number], $"code 0x{0xFF - number:X2}");
            G711MuLaw.Decode((byte)(0x7F - number)).Should().Be((short)-expected[number], $"code 0x{0x7F - number:X2}");
        }
    }

    [Test]
    public void ALawDecode_AllCodes_MatchTable1aOutputValues()
    {
        // G.711 Table 1a, on its 4096 scale: segments 1 and 2 step by 2 from 1 and 33; segment s > 2
        // steps by 2^(s-1) from 2^(s+3) + 2^(s-2); our 16-bit output is the table value times 8.
        var expected = new List<int>();
        for (var segment = 0; segment < 8; segment++)
        {
            for (var step = 0; step < 16; step++)
            {
                var value = segment < 2 ? 1 + (32 * segment) + (2 * step) : (1 << (segment + 4)) + ((1 << segment) * step) + (1 << (segment - 1));
                expected.Add(value * 8);
            }
        }

        for (var number = 0; number < 128; number++)
        {
            // A-law codes carry the value number with the even bits inverted; bit 7 set is positive.
            var positive = (byte)((0x80 | number) ^ 0x55);
            var negative = (byte)(number ^ 0x55);
            G711ALaw.Decode(positive).Should().Be((short)expected[number], $"code 0x{positive:X2}");
            G711ALaw.Decode(negative).Should().Be((short)-expected[number], $"code 0x{negative:X2}");
        }
    }

    [TestCase((short)0, (byte)0xFF, (byte)0xD5)]
    [TestCase((short)-1, (byte)0x7F, (byte)0x55)]
    [TestCase(short.MaxValue, (byte)0x80, (byte)0xAA)]
    [TestCase(short.MinValue, (byte)0x00, (byte)0x2A)]
    [TestCase((short)1000, (byte)0xCE, (byte)0xFA)]
    public void Encode_KnownSamples_GiveStandardCodes(short sample, byte muLaw, byte aLaw)
    {
        G711MuLaw.Encode(sample).Should().Be(muLaw);
        G711ALaw.Encode(sample).Should().Be(aLaw);
    }

    [Test]
    public void Encode_EveryDecodedLevel_ReturnsItsOwnCode()
    {
        for (var code = 0; code < 256; code++)
        {
            var mu = (byte)code;
            // 0x7F is mu-law's negative zero: it decodes to 0, which encodes as positive zero.
            G711MuLaw.Encode(G711MuLaw.Decode(mu)).Should().Be(mu == 0x7F ? (byte)0xFF : mu);
            G711ALaw.Encode(G711ALaw.Decode((byte)code)).Should().Be((byte)code);
        }
    }

    [Test]
    public void Encode_EverySample_LandsOnANeighbouringLevel()
    {
        var muLevels = Enumerable.Range(0, 256).Select(c => (int)G711MuLaw.Decode((byte)c)).Distinct().Order().ToArray();
        var aLevels = Enumerable.Range(0, 256).Select(c => (int)G711ALaw.Decode((byte)c)).Distinct().Order().ToArray();
        for (var sample = short.MinValue; sample < short.MaxValue; sample++)
        {
            IsNeighbour(G711MuLaw.Decode(G711MuLaw.Encode(sample)), sample, muLevels).Should().BeTrue($"mu-law of {sample}");
            IsNeighbour(G711ALaw.Decode(G711ALaw.Encode(sample)), sample, aLevels).Should().BeTrue($"A-law of {sample}");
        }
    }

    [Test]
    public void Encode_IncreasingSamples_NeverDecreaseInDecodedLevel()
    {
        var previousMu = int.MinValue;
        var previousA = int.MinValue;
        for (var sample = short.MinValue; sample < short.MaxValue; sample++)
        {
            int mu = G711MuLaw.Decode(G711MuLaw.Encode(sample));
            int a = G711ALaw.Decode(G711ALaw.Encode(sample));
            mu.Should().BeGreaterThanOrEqualTo(previousMu);
            a.Should().BeGreaterThanOrEqualTo(previousA);
            (previousMu, previousA) = (mu, a);
        }
    }

    [Test]
    public void Transcode_MuLawToALawAndBack_KeepsLevelWithinOneStep()
    {
        Span<byte> mu = stackalloc byte[256];
        Span<byte> a = stackalloc byte[256];
        Span<byte> back = stackalloc byte[256];
        for (var i = 0; i < 256; i++)
        {
            mu[i] = (byte)i;
        }

        G711Transcoder.Transcode(G711Codec.Pcmu, G711Codec.Pcma, mu, a);
        G711Transcoder.Transcode(G711Codec.Pcma, G711Codec.Pcmu, a, back);
        for (var i = 0; i < 256; i++)
        {
            var original = G711MuLaw.Decode(mu[i]);
            var viaA = G711ALaw.Decode(a[i]);
            Math.Abs(original - viaA).Should().BeLessThanOrEqualTo(Math.Max(16, Math.Abs(original) / 16), $"mu 0x{i:X2}");
            Math.Abs(G711MuLaw.Decode(back[i]) - original).Should().BeLessThanOrEqualTo(Math.Max(16, Math.Abs(original) / 8));
        }
    }

    [Test]
    public void Codec_EncodeThenDecodeSine_KeepsSignalToNoiseAbove30Db()
    {
        var samples = Enumerable.Range(0, 800).Select(n => (short)(10000 * Math.Sin(2 * Math.PI * 1000 * n / 8000.0))).ToArray();
        foreach (var codec in new[] { G711Codec.Pcmu, G711Codec.Pcma })
        {
            var codes = new byte[samples.Length];
            var decoded = new short[samples.Length];
            codec.Encode(samples, codes);
            codec.Decode(codes, decoded);
            double signal = 0, noise = 0;
            for (var i = 0; i < samples.Length; i++)
            {
                signal += (double)samples[i] * samples[i];
                noise += Math.Pow(samples[i] - decoded[i], 2);
            }

            (10 * Math.Log10(signal / noise)).Should().BeGreaterThan(30, codec.EncodingName);
        }
    }

    private static bool IsNeighbour(int decoded, int sample, int[] levels)
    {
        // The level must be one of the two levels around the sample (or the extreme level outside them).
        var index = Array.BinarySearch(levels, sample);
        if (index >= 0)
        {
            return decoded == sample;
        }

        var above = ~index;
        var lower = above > 0 ? levels[above - 1] : levels[0];
        var upper = above < levels.Length ? levels[above] : levels[^1];
        return decoded == lower || decoded == upper;
    }
}
