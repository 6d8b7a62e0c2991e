using Pipeline.Intake;
using Pipeline.Normalisation;

namespace Pipeline.Warehouse.Facts;

/// <summary>A fact's own columns in binary COPY form, the same for stage_fact (<see cref="FactStaging"/>) and fact.value (<see cref="FactCopy"/>).</summary>
internal static class FactRow
{
    /// <summary>The columns <see cref="Write"/> writes, in its order.</summary>
    public const string Columns = "stream, era, unit_code, indicator, numerator, denominator, value, value_unit, complete, simulated, unit_keys, record_refs, intake_run_id";

    public const short ColumnCount = 13;

    public static void Write(BinaryCopyRows row, Fact f)
    {
        row.Text(f.Stream);
        row.Smallint((short)f.Era);
        row.Text(f.UnitCode);
        row.Text(f.Indicator);
        row.Numeric(f.Numerator);
        row.Numeric(f.Denominator);
        row.Numeric(f.Value);
        row.Text(f.ValueUnit.ToText());
        row.Boolean(f.Complete);
        row.Boolean(f.Simulated);
        row.TextArray(f.UnitKeys);
        row.TextArray(f.RecordRefs);
        row.Bigint(f.IntakeRunId);
    }
}
