using Dapper;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Warehouse.Tests.Facts;

/// <summary>
/// <see cref="BinaryCopyRows"/> writes PostgreSQL's binary COPY format by hand: every value it encodes must come back
/// from the server as it went in. The numerics are the delicate part (base-10000 digits aligned on the point, the
/// display scale kept), so they are tried at every scale and at the edges of decimal.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class BinaryCopyRowsTests(PostgresServer server)
{
    public static TheoryData<decimal> Numbers() =>
    [
        0m, 0.0m, 1m, -1m, 7m, 10m, 9999m, 10000m, 10001m, 123456789m, 100000000m,
        0.1m, 0.01m, 0.001m, 0.0001m, 0.00001m, 12.5m, 12.50m, -12.5m, 1.5000m, 3.14159265358979m, 99.99m, 100.00m,
        0.0000000000000000000000000001m, 1234567890123456789.0123456789m, decimal.MaxValue, decimal.MinValue,
        79228162514264337593543950.335m, 18446744073709551615m, 18446744073709551616m, 1e-20m, 1000000000000m,
    ];

    [Theory]
    [MemberData(nameof(Numbers))]
    public async Task ANumeric_ComesBackAsWritten_WithItsScale(decimal number)
    {
        await using var db = await server.CreateDatabaseAsync("copy_numeric");
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("create table n (value numeric)");

        await BinaryCopy.RawRowsAsync(connection, "copy n (value) from stdin (format binary)", [number], (row, n) =>
        {
            row.StartRow(1);
            row.Numeric(n);
        }, default);

        var (back, text) = await connection.QuerySingleAsync<(decimal, string)>("select value, value::text from n");
        Assert.Equal(number, back);
        Assert.Equal(AsPostgresPrintsIt(number), text);
    }

    [Fact]
    public async Task EveryKindOfField_ComesBackAsWritten()
    {
        await using var db = await server.CreateDatabaseAsync("copy_fields");
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            create table f (t text, s smallint, b bigint, ok boolean, d date, at timestamptz, n numeric, keys text[], nothing text)
            """);
        var at = new DateTimeOffset(2025, 7, 1, 8, 30, 15, 123, TimeSpan.Zero).AddTicks(4560);
        string[] keys = ["Phường Ba Đình", "", "xã Hoà An, huyện Phú Hoà"];

        await BinaryCopy.RawRowsAsync(connection, "copy f from stdin (format binary)", [1, 2], (row, i) =>
        {
            row.StartRow(9);
            row.Text(i == 1 ? "Thành phố Hà Nội" : "");
            row.Smallint(i == 1 ? (short)2025 : short.MinValue);
            row.Bigint(i == 1 ? long.MaxValue : -1);
            row.Boolean(i == 1);
            row.Date(i == 1 ? new DateOnly(2025, 6, 30) : new DateOnly(1999, 12, 31));
            row.TimestampTz(at);
            row.Numeric(i == 1 ? 12.5m : null);
            row.TextArray(i == 1 ? keys : []);
            row.Null();
        }, default);

        var rows = (await connection.QueryAsync<(string T, short S, long B, bool Ok, DateOnly D, DateTime At, decimal? N, string[] Keys, string? Nothing)>(
            "select t, s, b, ok, d, at, n, keys, nothing from f order by b desc")).ToList();
        Assert.Equal(("Thành phố Hà Nội", (short)2025, long.MaxValue, true, new DateOnly(2025, 6, 30)), (rows[0].T, rows[0].S, rows[0].B, rows[0].Ok, rows[0].D));
        Assert.Equal(at.UtcDateTime, rows[0].At);
        Assert.Equal((12.5m, (string?)null), (rows[0].N, rows[0].Nothing));
        Assert.Equal(keys, rows[0].Keys);
        Assert.Equal(("", short.MinValue, -1L, false, new DateOnly(1999, 12, 31), (decimal?)null), (rows[1].T, rows[1].S, rows[1].B, rows[1].Ok, rows[1].D, rows[1].N));
        Assert.Empty(rows[1].Keys);
    }

    [Fact]
    public async Task ARowThatFailsHalfway_LeavesNothingOfTheCopy()
    {
        await using var db = await server.CreateDatabaseAsync("copy_cancel");
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("create table c (v bigint)");

        await Assert.ThrowsAsync<InvalidOperationException>(() => BinaryCopy.RawRowsAsync(connection, "copy c from stdin (format binary)", Rows(), (row, v) =>
        {
            row.StartRow(1);
            row.Bigint(v);
        }, default));

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from c"));

        static IEnumerable<long> Rows()
        {
            // More than one buffer's worth first, so part of the COPY has reached the server when the row fails.
            for (var i = 0; i < 20_000; i++)
            {
                yield return i;
            }

            throw new InvalidOperationException("the input broke");
        }
    }

    // numeric prints with its display scale, as decimal does (12.50, 0.0), but has no negative zero.
    private static string AsPostgresPrintsIt(decimal number)
    {
        var text = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return number == 0 ? text.TrimStart('-') : text;
    }
}
