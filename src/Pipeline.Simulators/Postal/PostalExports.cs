using Pipeline.Core.Periods;
using Pipeline.Simulators.Synthetic;

namespace Pipeline.Simulators.Postal;

/// <summary>
/// The export files of one quarter as they stand at an as-of date: one file per province once the quarter is
/// published, and one correction file per province holding only the rows revised, once the revision date has passed.
/// Files never change after they appear (a correction is a new file), so their hashes are stable.
/// </summary>
internal static class PostalExports
{
    public static readonly Period FirstPeriod = new(PeriodKind.Quarter, 2025, 3);

    public static readonly string[] Columns =
        ["period", "postcode", "service_points", "service_points_with_pc", "ocop_products", "ocop_products_online", "digital_addresses", "households"];

    public static Publication Publication => Publication.Quarterly;

    /// <summary>Whether the quarter's first files are out at the date.</summary>
    public static bool Published(Period period, DateTimeOffset asOf) =>
        Publication.Publishes(period, FirstPeriod, asOf);

    /// <summary>The files listed in the quarter's index, oldest first, then by name.</summary>
    public static List<ExportFile> Visible(PostcodeBook book, Period period, DateTimeOffset asOf)
    {
        var files = new List<ExportFile>();
        if (!Published(period, asOf))
        {
            return files;
        }

        foreach (var province in book.Provinces)
        {
            files.Add(new ExportFile($"{period}_{province.Prefix}.csv", province.Name, Publication.FirstPublished(period), Table(province.Entries, period, version: 0)));
            var revised = province.Entries
                .Where(e => Publication.Revised(PostalFigures.Source, e.Postcode, period) is { } at && at <= asOf)
                .ToList();
            if (revised.Count > 0)
            {
                var at = Publication.Revised(PostalFigures.Source, revised[0].Postcode, period)!.Value;
                files.Add(new ExportFile($"{period}_{province.Prefix}_c1.csv", province.Name, at, Table(revised, period, version: 1)));
            }
        }

        return [.. files.OrderBy(f => f.Modified).ThenBy(f => f.Name, StringComparer.Ordinal)];
    }

    private static SimTable Table(IEnumerable<PostcodeEntry> entries, Period period, int version) => new(
        Columns,
        [.. entries.Select(e => Row(e, period, version))],
        "postcode",
        i => $"99{i + 1:D3}");

    private static object?[] Row(PostcodeEntry entry, Period period, int version)
    {
        var f = PostalFigures.Of(entry, period, version);
        return [period.ToString(), entry.Postcode, f.Points, f.WithPc, f.Ocop, f.OcopOnline, f.Addresses, f.Households];
    }
}

/// <summary>One export file: its name, the province it covers, when it was written, and its rows.</summary>
internal sealed record ExportFile(string Name, string Province, DateTimeOffset Modified, SimTable Table)
{
    private readonly Lazy<byte[]> _bytes = new(() => BodyWriter.Write(new CsvRows(Table), null).Full);

    /// <summary>The file's bytes as served without faults: what the index's size and SHA-256 describe.</summary>
    public byte[] Bytes => _bytes.Value;
}
