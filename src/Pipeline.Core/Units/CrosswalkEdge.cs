namespace Pipeline.Core.Units;

/// <summary>
/// One (old commune, new commune) pair of the official 2024→2025 conversion table. An old commune split across
/// several new ones has one edge per target; <see cref="PrimaryTarget"/> is null where no single target can be
/// chosen (the data README's 382 ambiguous splits).
/// </summary>
/// <param name="OldCommuneCode">Null on the six rows for island districts and a coastal area that had no commune.</param>
/// <param name="SourceRow">Row number in the official worksheet; unique, so it keys the edge.</param>
public sealed record CrosswalkEdge(
    string? OldCommuneCode,
    string? OldCommuneName,
    string OldDistrictCode,
    string OldDistrictName,
    string OldProvinceCode,
    string OldProvinceName,
    string NewCommuneCode,
    string NewCommuneName,
    string NewProvinceCode,
    string NewProvinceName,
    string MergeType,
    bool IsSplit,
    int NewTargetCount,
    bool? PrimaryTarget,
    string SourceNote,
    string? SourceOldName,
    int SourceRow,
    string? FixNote);
