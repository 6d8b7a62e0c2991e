using Npgsql;
using NpgsqlTypes;
using Pipeline.Core.Units;

namespace Pipeline.Warehouse.AdminUnits;

/// <summary>
/// Binary COPY of the reference files into the staging tables of one load (column order as in the staging tables).
/// </summary>
internal static class StagingCopy
{
    public static Task UnitsAsync(NpgsqlConnection connection, IEnumerable<AdminUnit> units, CancellationToken ct) =>
        BinaryCopy.RowsAsync(
            connection,
            "copy stage_admin_unit (era, code, name, short_name, type, type_full, level, parent_code, province_code, district_code, name_ascii) from stdin (format binary)",
            units,
            (w, u) =>
            {
                w.Write((short)u.Era, NpgsqlDbType.Smallint);
                w.Write(u.Code, NpgsqlDbType.Text);
                w.Write(u.Name, NpgsqlDbType.Text);
                w.Write(u.ShortName, NpgsqlDbType.Text);
                w.Write(u.Type, NpgsqlDbType.Text);
                w.Write(u.TypeFull, NpgsqlDbType.Text);
                w.Write(u.Level.ToText(), NpgsqlDbType.Text);
                BinaryCopy.WriteNullable(w, u.ParentCode);
                w.Write(u.ProvinceCode, NpgsqlDbType.Text);
                BinaryCopy.WriteNullable(w, u.DistrictCode);
                w.Write(u.NameAscii, NpgsqlDbType.Text);
            },
            ct);

    public static Task CrosswalkAsync(NpgsqlConnection connection, IEnumerable<CrosswalkEdge> edges, CancellationToken ct) =>
        BinaryCopy.RowsAsync(
            connection,
            "copy stage_crosswalk (source_row, old_commune_code, old_commune_name, old_district_code, old_district_name, old_province_code, old_province_name, new_commune_code, new_commune_name, new_province_code, new_province_name, merge_type, is_split, n_new_targets, primary_target, source_note, source_old_name, fix_note) from stdin (format binary)",
            edges,
            (w, e) =>
            {
                w.Write(e.SourceRow, NpgsqlDbType.Integer);
                BinaryCopy.WriteNullable(w, e.OldCommuneCode);
                BinaryCopy.WriteNullable(w, e.OldCommuneName);
                w.Write(e.OldDistrictCode, NpgsqlDbType.Text);
                w.Write(e.OldDistrictName, NpgsqlDbType.Text);
                w.Write(e.OldProvinceCode, NpgsqlDbType.Text);
                w.Write(e.OldProvinceName, NpgsqlDbType.Text);
                w.Write(e.NewCommuneCode, NpgsqlDbType.Text);
                w.Write(e.NewCommuneName, NpgsqlDbType.Text);
                w.Write(e.NewProvinceCode, NpgsqlDbType.Text);
                w.Write(e.NewProvinceName, NpgsqlDbType.Text);
                w.Write(e.MergeType, NpgsqlDbType.Text);
                w.Write(e.IsSplit, NpgsqlDbType.Boolean);
                w.Write(e.NewTargetCount, NpgsqlDbType.Integer);
                BinaryCopy.WriteNullable(w, e.PrimaryTarget, NpgsqlDbType.Boolean);
                w.Write(e.SourceNote, NpgsqlDbType.Text);
                BinaryCopy.WriteNullable(w, e.SourceOldName);
                BinaryCopy.WriteNullable(w, e.FixNote);
            },
            ct);

    public static Task Population2025Async(NpgsqlConnection connection, IEnumerable<Population2025> rows, CancellationToken ct) =>
        BinaryCopy.RowsAsync(
            connection,
            "copy stage_population_2025 (code, level, name, province_code, population, area_km2, admin_center, lon, lat, before_merge_text, source_name) from stdin (format binary)",
            rows,
            (w, p) =>
            {
                w.Write(p.Code, NpgsqlDbType.Text);
                w.Write(p.Level.ToText(), NpgsqlDbType.Text);
                w.Write(p.Name, NpgsqlDbType.Text);
                w.Write(p.ProvinceCode, NpgsqlDbType.Text);
                BinaryCopy.WriteNullable(w, p.Population, NpgsqlDbType.Bigint);
                BinaryCopy.WriteNullable(w, p.AreaKm2, NpgsqlDbType.Numeric);
                w.Write(p.AdminCenter, NpgsqlDbType.Text);
                BinaryCopy.WriteNullable(w, p.Longitude, NpgsqlDbType.Numeric);
                BinaryCopy.WriteNullable(w, p.Latitude, NpgsqlDbType.Numeric);
                w.Write(p.BeforeMergeText, NpgsqlDbType.Text);
                w.Write(p.SourceName, NpgsqlDbType.Text);
            },
            ct);

    public static Task Census2019Async(NpgsqlConnection connection, IEnumerable<Census2019> rows, CancellationToken ct) =>
        BinaryCopy.RowsAsync(
            connection,
            "copy stage_population_2019_census (source_line, level, code_2019, province_name, district_name, commune_name, match_method, code_exists_2025_06, population_total, population_urban, population_rural, households_total, households_urban, households_rural) from stdin (format binary)",
            rows,
            (w, c) =>
            {
                w.Write(c.SourceLine, NpgsqlDbType.Integer);
                w.Write(c.Level.ToText(), NpgsqlDbType.Text);
                BinaryCopy.WriteNullable(w, c.Code2019);
                w.Write(c.ProvinceName, NpgsqlDbType.Text);
                BinaryCopy.WriteNullable(w, c.DistrictName);
                BinaryCopy.WriteNullable(w, c.CommuneName);
                w.Write(c.MatchMethod, NpgsqlDbType.Text);
                BinaryCopy.WriteNullable(w, c.CodeExistsIn2024Units, NpgsqlDbType.Boolean);
                w.Write(c.PopulationTotal, NpgsqlDbType.Bigint);
                w.Write(c.PopulationUrban, NpgsqlDbType.Bigint);
                w.Write(c.PopulationRural, NpgsqlDbType.Bigint);
                w.Write(c.HouseholdsTotal, NpgsqlDbType.Bigint);
                w.Write(c.HouseholdsUrban, NpgsqlDbType.Bigint);
                w.Write(c.HouseholdsRural, NpgsqlDbType.Bigint);
            },
            ct);

    public static Task TypeChangesAsync(NpgsqlConnection connection, IEnumerable<UnitTypeChange> rows, CancellationToken ct) =>
        BinaryCopy.RowsAsync(
            connection,
            "copy stage_unit_type_change (code, level, province_code, old_name, new_name, old_type, new_type, effective_date, legal_basis) from stdin (format binary)",
            rows,
            (w, c) =>
            {
                w.Write(c.Code, NpgsqlDbType.Text);
                w.Write(c.Level.ToText(), NpgsqlDbType.Text);
                w.Write(c.ProvinceCode, NpgsqlDbType.Text);
                w.Write(c.OldName, NpgsqlDbType.Text);
                w.Write(c.NewName, NpgsqlDbType.Text);
                w.Write(c.OldType, NpgsqlDbType.Text);
                w.Write(c.NewType, NpgsqlDbType.Text);
                w.Write(c.EffectiveDate, NpgsqlDbType.Date);
                w.Write(c.LegalBasis, NpgsqlDbType.Text);
            },
            ct);
}
