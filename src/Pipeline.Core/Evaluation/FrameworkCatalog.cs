using Pipeline.Core.Input;

namespace Pipeline.Core.Evaluation;

/// <summary>
/// The frameworks shipped in this assembly (Evaluation/Frameworks/*.json), found by id, the newest version first;
/// or a province's own file given by path, so a new variant needs no rebuild.
/// </summary>
public static class FrameworkCatalog
{
    private static readonly System.Reflection.Assembly Assembly = typeof(FrameworkCatalog).Assembly;

    public static IReadOnlyList<Framework> Embedded() => Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("frameworks/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n =>
        {
            using var stream = Assembly.GetManifestResourceStream(n)!;
            using var reader = new StreamReader(stream);
            return FrameworkReader.Read(n["frameworks/".Length..], reader.ReadToEnd());
        })
        .ToList();

    /// <summary>An embedded framework by id (its newest version), or a framework file by path.</summary>
    public static Framework Load(string idOrPath)
    {
        if (idOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return File.Exists(idOrPath)
                ? FrameworkReader.Read(Path.GetFileName(idOrPath), File.ReadAllText(idOrPath))
                : throw new BadInputException(new InputProblem(idOrPath, null, "framework file not found"));
        }

        var all = Embedded();
        return all.Where(f => f.Info.Id == idOrPath).MaxBy(f => Version.Parse(f.Info.Version))
            ?? throw new BadInputException(new InputProblem(
                "--framework", null, $"unknown framework '{idOrPath}'; known: {string.Join(", ", all.Select(f => f.Info.Id).Distinct())}, or a .json file"));
    }
}
