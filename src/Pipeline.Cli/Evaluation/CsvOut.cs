using System.Text;

namespace Pipeline.Cli.Evaluation;

/// <summary>
/// Writes an output CSV to a temporary file beside the target and moves it into place only when complete, so a
/// failure never leaves a half-written OUT.csv (and bad input, refused earlier, writes nothing at all).
/// </summary>
internal sealed class CsvOut : IDisposable
{
    private readonly string _path;
    private readonly string _temporary;
    private readonly StreamWriter _writer;

    public CsvOut(string path, params string[] header)
    {
        _path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        _temporary = _path + ".partial";
        _writer = new StreamWriter(_temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        Row(header);
    }

    public void Row(params string[] fields) => _writer.WriteLine(string.Join(',', fields.Select(Quote)));

    public void Commit()
    {
        _writer.Dispose();
        File.Move(_temporary, _path, overwrite: true);
    }

    public void Dispose()
    {
        _writer.Dispose();
        File.Delete(_temporary);
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
