using CsvHelper;

namespace Pipeline.Connectors.Postal;

/// <summary>
/// The CsvHelper map of one export-file row (CONTRACT.md, "Export files"); the source generator writes its reader. Every
/// column is required in the header, so a renamed column fails the header check by name. Counts are nullable so an
/// empty field is told apart from a zero (missing_field, not a silent 0); only households may be empty.
/// </summary>
[CsvRecord]
internal sealed partial class ExportRow
{
    public static readonly string[] Header =
        ["period", "postcode", "service_points", "service_points_with_pc", "ocop_products", "ocop_products_online", "digital_addresses", "households"];

    [CsvColumn("period")]
    public string Period { get; set; } = "";

    [CsvColumn("postcode")]
    public string Postcode { get; set; } = "";

    [CsvColumn("service_points")]
    public long? ServicePoints { get; set; }

    [CsvColumn("service_points_with_pc")]
    public long? ServicePointsWithPc { get; set; }

    [CsvColumn("ocop_products")]
    public long? OcopProducts { get; set; }

    [CsvColumn("ocop_products_online")]
    public long? OcopProductsOnline { get; set; }

    [CsvColumn("digital_addresses")]
    public long? DigitalAddresses { get; set; }

    [CsvColumn("households")]
    public long? Households { get; set; }
}
