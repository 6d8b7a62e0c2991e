using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Pipeline.Normalisation;

namespace Pipeline.Warehouse.Facts;

/// <summary>
/// An order-independent digest of one period's facts: the count and the sum (mod 2^128) of an XxHash128 of each fact's
/// key and of the values merge_facts.sql compares (numerator, denominator, value, value_unit, complete, simulated,
/// unit_keys).
/// Two sets of facts with the same digest give the merge nothing to do; a different order of the same facts gives
/// the same digest. Lineage (record references, runs) is left out as the merge leaves it out: a fact whose values did
/// not change keeps the lineage it was written with. A number written with another scale (1.0 for 1) gives another
/// digest, so such a load is merged in full and finds nothing to change.
/// </summary>
internal sealed class FactDigest
{
    private const int DigestLength = 16 + sizeof(long);

    private byte[] _buffer = new byte[256];
    private UInt128 _sum;
    private long _count;

    public long Count => _count;

    public static byte[] Of(IEnumerable<Fact> facts)
    {
        var digest = new FactDigest();
        foreach (var fact in facts)
        {
            digest.Add(fact);
        }

        return digest.ToBytes();
    }

    public void Add(Fact fact)
    {
        var length = 0;
        Text(fact.Stream, ref length);
        Int((int)fact.Era, ref length);
        Text(fact.UnitCode, ref length);
        Text(fact.Indicator, ref length);
        Number(fact.Numerator, ref length);
        Number(fact.Denominator, ref length);
        Number(fact.Value, ref length);
        Int((int)fact.ValueUnit, ref length);
        Int(fact.Complete ? 1 : 0, ref length);
        Int(fact.Simulated ? 1 : 0, ref length);
        Int(fact.UnitKeys.Count, ref length);
        foreach (var key in fact.UnitKeys)
        {
            Text(key, ref length);
        }

        _sum += XxHash128.HashToUInt128(_buffer.AsSpan(0, length));
        _count++;
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[DigestLength];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, _sum);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(16), _count);
        return bytes;
    }

    // Each field length-prefixed, so ("ab", "c") and ("a", "bc") differ.
    private void Text(string text, ref int length)
    {
        var bytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        Reserve(length + sizeof(int) + bytes);
        var written = Encoding.UTF8.GetBytes(text, _buffer.AsSpan(length + sizeof(int)));
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(length), written);
        length += sizeof(int) + written;
    }

    private void Int(int value, ref int length)
    {
        Reserve(length + sizeof(int));
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(length), value);
        length += sizeof(int);
    }

    private void Number(decimal? value, ref int length)
    {
        Reserve(length + 1 + (4 * sizeof(int)));
        _buffer[length++] = value is null ? (byte)0 : (byte)1;
        if (value is { } v)
        {
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(v, bits);
            foreach (var part in bits)
            {
                BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(length), part);
                length += sizeof(int);
            }
        }
    }

    private void Reserve(int needed)
    {
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
        }
    }
}
