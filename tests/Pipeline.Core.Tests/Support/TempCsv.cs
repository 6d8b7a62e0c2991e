namespace Pipeline.Core.Tests.Support;

/// <summary>A temporary CSV file with the given text, deleted on dispose.</summary>
internal sealed class TempCsv : IDisposable
{
    public TempCsv(string text)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"in-{Guid.NewGuid():N}.csv");
        File.WriteAllText(Path, text + "\n");
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
