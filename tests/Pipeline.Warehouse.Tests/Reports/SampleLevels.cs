using Npgsql;
using Pipeline.Core.Units;
using Pipeline.Warehouse.Levels;

namespace Pipeline.Warehouse.Tests.Reports;

/// <summary>
/// Stored 2361 levels of a few known communes, saved the product's way (<see cref="LevelStore"/>), for the level
/// report's tests in the warehouse, the command line and the host. Each one-line comment is what a test counts.
/// </summary>
public static class SampleLevels
{
    public const string Framework = "qd2361";

    /// <summary>When the samples were evaluated (a fixed clock, so reports can be compared exactly).</summary>
    public static readonly DateTimeOffset EvaluatedAt = new(2025, 12, 15, 2, 30, 0, TimeSpan.Zero);

    /// <summary>2025 communes, assessment year 2025: Hà Nội (01) levels 1, 0, 2; Quảng Ngãi (51) levels 0, 3.</summary>
    public static readonly StoredLevel[] Year2025 =
    [
        new("00004", 1, 1, ["X.XHS.06"], ["X.CQS.03"]),             // Phường Ba Đình
        new("00008", 0, 0, ["X.XHS.06", "X.XHS.01"], ["X.CQS.03"]), // Phường Ngọc Hà
        new("00025", 2, 3, [], ["X.CQS.06"]),                       // Phường Giảng Võ: only a missing value between it and 3
        new("21025", 0, 0, ["X.XHS.06"], ["X.CQS.03", "X.CQS.06"]), // Phường Cẩm Thành
        new("21028", 3, 3, ["X.CQS.02"], []),                       // Phường Nghĩa Lộ
    ];

    /// <summary>2025 communes, assessment year 2024 (history rebased onto them): one commune of each province, both at 0.</summary>
    public static readonly StoredLevel[] Year2024On2025Units =
    [
        new("00004", 0, 0, ["X.XHS.06"], []),
        new("21025", 0, 1, [], ["X.CQS.03"]),
    ];

    /// <summary>2024 communes, assessment year 2024: Ba Đình district (001) levels 1 and 0, Hoàn Kiếm (002) 2, Quảng Ngãi city (522) 0.</summary>
    public static readonly StoredLevel[] Year2024On2024Units =
    [
        new("00001", 1, 1, ["X.CQS.01"], []),           // Phường Phúc Xá, 001
        new("00004", 0, 0, ["X.CQS.01"], ["X.CQS.03"]), // Phường Trúc Bạch, 001 (the same code as 2025's Ba Đình, another commune)
        new("00037", 2, 2, ["X.XHS.04"], []),           // Phường Phúc Tân, 002
        new("21010", 0, 2, [], ["X.CQS.03"]),           // Phường Lê Hồng Phong, 522
    ];

    public static async Task StoreAsync(NpgsqlDataSource warehouse)
    {
        var store = new LevelStore(warehouse, new FixedClock(EvaluatedAt));
        await store.SaveAsync(Framework, Era.Y2025, 2025, Year2025, default);
        await store.SaveAsync(Framework, Era.Y2025, 2024, Year2024On2025Units, default);
        await store.SaveAsync(Framework, Era.Y2024, 2024, Year2024On2024Units, default);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
