using System.Buffers.Binary;
using System.Text;

namespace Pipeline.Warehouse;

/// <summary>
/// Rows in PostgreSQL's binary COPY format (https://www.postgresql.org/docs/15/sql-copy.html, "Binary Format"),
/// encoded into a buffer of our own and sent through a raw binary COPY (<see cref="BinaryCopy.RawRowsAsync{T}"/>).
/// Npgsql's importer resolves a converter for every value it writes: for a fact's 19 columns that was about 2 µs a
/// row, as much as the server spends storing it, and the load's client side was its bottleneck. Each method here
/// writes one field: its length, then the type's binary form (the server's *_recv function reads it, so the
/// column's type decides, not a type id in the data).
/// </summary>
internal sealed class BinaryCopyRows
{
    // "PGCOPY\n\377\r\n\0"
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', 0x0A, 0xFF, 0x0D, 0x0A, 0x00];
    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private const int TextOid = 25;
    private const short NumericPositive = 0x0000;
    private const short NumericNegative = 0x4000;

    private byte[] _buffer = new byte[1 << 17];
    private int _length;

    /// <summary>The bytes encoded since the last <see cref="Clear"/>.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    /// <summary>Worth sending: large enough that a write to the server is not per row.</summary>
    public bool IsFull => _length >= 1 << 16;

    public void Clear() => _length = 0;

    /// <summary>The file header: signature, no flags, no header extension.</summary>
    public void Header()
    {
        Reserve(Signature.Length + 8);
        Signature.CopyTo(_buffer, _length);
        _length += Signature.Length;
        Int32(0);
        Int32(0);
    }

    /// <summary>The file trailer: a field count of -1.</summary>
    public void Trailer() => Int16(-1);

    public void StartRow(short fields) => Int16(fields);

    /// <summary>Fields encoded once by another <see cref="BinaryCopyRows"/>, copied as they are (a load's constants).</summary>
    public void Encoded(ReadOnlySpan<byte> fields)
    {
        Reserve(fields.Length);
        fields.CopyTo(_buffer.AsSpan(_length));
        _length += fields.Length;
    }

    public void Null() => Int32(-1);

    public void Text(string value)
    {
        Reserve(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var written = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length + 4));
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), written);
        _length += 4 + written;
    }

    public void Smallint(short value)
    {
        Int32(2);
        Int16(value);
    }

    public void Bigint(long value)
    {
        Int32(8);
        Reserve(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    public void Boolean(bool value)
    {
        Int32(1);
        Reserve(1);
        _buffer[_length++] = value ? (byte)1 : (byte)0;
    }

    /// <summary>Days since 2000-01-01.</summary>
    public void Date(DateOnly value)
    {
        Int32(4);
        Int32(value.DayNumber - PostgresEpochDay);
    }

    /// <summary>Microseconds since 2000-01-01 00:00 UTC.</summary>
    public void TimestampTz(DateTimeOffset value)
    {
        Bigint((value.UtcTicks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);
    }

    /// <summary>A one-dimensional text[] without nulls, lower bound 1 (an empty list is the empty array).</summary>
    public void TextArray(IReadOnlyList<string> values)
    {
        var start = _length;
        Int32(0); // the field's length, filled in below
        Int32(values.Count == 0 ? 0 : 1);
        Int32(0);
        Int32(TextOid);
        if (values.Count > 0)
        {
            Int32(values.Count);
            Int32(1);
            foreach (var value in values)
            {
                Text(value);
            }
        }

        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(start), _length - start - 4);
    }

    public void Numeric(decimal? value)
    {
        if (value is { } v)
        {
            Numeric(v);
        }
        else
        {
            Null();
        }
    }

    /// <summary>
    /// numeric's binary form: digit count, weight, sign and display scale (int16 each), then base-10000 digits from
    /// the most significant, aligned on the decimal point (weight 0 is the units group). The display scale is the
    /// decimal's scale, so 1.50 stays 1.50.
    /// </summary>
    public void Numeric(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];

        // Scale the integer up until its scale is a multiple of 4, so its base-10000 digits line up with the point.
        var pad = (4 - (scale % 4)) % 4;
        for (var i = 0; i < pad; i++)
        {
            mantissa *= 10;
        }

        Span<short> groups = stackalloc short[10];
        var count = 0;
        if (mantissa <= ulong.MaxValue)
        {
            for (var small = (ulong)mantissa; small != 0; small /= 10_000)
            {
                groups[count++] = (short)(small % 10_000);
            }
        }
        else
        {
            for (; mantissa != 0; mantissa /= 10_000)
            {
                groups[count++] = (short)(ushort)(mantissa % 10_000);
            }
        }

        // groups[0] is the least significant; trailing zero groups need not be sent.
        var lowest = 0;
        while (lowest < count && groups[lowest] == 0)
        {
            lowest++;
        }

        var digits = count - lowest;
        var weight = digits == 0 ? 0 : count - 1 - ((scale + pad) / 4);
        Int32(8 + (2 * digits));
        Int16((short)digits);
        Int16((short)weight);
        Int16(digits != 0 && value < 0 ? NumericNegative : NumericPositive);
        Int16((short)scale);
        for (var i = count - 1; i >= lowest; i--)
        {
            Int16(groups[i]);
        }
    }

    private void Int16(short value)
    {
        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_length), value);
        _length += 2;
    }

    private void Int32(int value)
    {
        Reserve(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    private void Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_length + bytes, _buffer.Length * 2));
        }
    }
}
