using System.Globalization;
using Pipeline.Intake;

namespace Pipeline.Connectors.Postal;

/// <summary>
/// The value rules of an export row: every count present (households may be empty), none negative, and no part larger
/// than its whole (points with a PC within points, products online within products, addresses within households).
/// </summary>
internal static class ExportRowChecks
{
    public static (string Reason, string Detail)? Problem(ExportRow row)
    {
        (string Column, long? Value)[] counts =
        [
            ("service_points", row.ServicePoints), ("service_points_with_pc", row.ServicePointsWithPc), ("ocop_products", row.OcopProducts),
            ("ocop_products_online", row.OcopProductsOnline), ("digital_addresses", row.DigitalAddresses), ("households", row.Households),
        ];
        foreach (var (column, value) in counts)
        {
            if (value is null && column != "households")
            {
                return (QuarantineReasons.MissingField, $"column {column} is empty");
            }

            if (value < 0)
            {
                return (QuarantineReasons.BadValue, string.Create(CultureInfo.InvariantCulture, $"{column} = {value} is negative"));
            }
        }

        return Exceeds("service_points_with_pc", row.ServicePointsWithPc, "service_points", row.ServicePoints)
            ?? Exceeds("ocop_products_online", row.OcopProductsOnline, "ocop_products", row.OcopProducts)
            ?? Exceeds("digital_addresses", row.DigitalAddresses, "households", row.Households);
    }

    private static (string, string)? Exceeds(string part, long? partValue, string whole, long? wholeValue) =>
        partValue > wholeValue
            ? (QuarantineReasons.BadValue, string.Create(CultureInfo.InvariantCulture, $"{part} = {partValue} exceeds {whole} = {wholeValue}"))
            : null;
}
