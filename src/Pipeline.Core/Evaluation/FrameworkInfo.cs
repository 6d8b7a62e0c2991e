using Pipeline.Core.Units;

namespace Pipeline.Core.Evaluation;

public enum FrameworkKind
{
    /// <summary>Five cumulative levels (2361).</summary>
    Levels,

    /// <summary>Pass/fail sets, one requiring another (Đắk Nông 151: recognised, then advanced).</summary>
    Sets,

    /// <summary>Points per criterion, subtotals, total and rank (DTI).</summary>
    Points,
}

/// <summary>The legal instrument a framework file transcribes, and where it applies.</summary>
/// <param name="ProvinceCode">A provincial framework covers only this province (on <see cref="Era"/>'s map).</param>
/// <param name="File">The file it was read from, for error messages.</param>
public sealed record FrameworkInfo(
    string Id,
    string Version,
    FrameworkKind Kind,
    string Title,
    string Instrument,
    string Issuer,
    DateOnly IssuedOn,
    DateOnly EffectiveFrom,
    string Source,
    string? ProvinceCode,
    Era? Era,
    string File);
