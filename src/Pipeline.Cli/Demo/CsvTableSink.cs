using Pipeline.Cli.Evaluation;
using Pipeline.Warehouse;

namespace Pipeline.Cli.Demo;

/// <summary>A warehouse table as a CSV file, header from the query's column names; the file appears only on <see cref="Commit"/>.</summary>
internal sealed class CsvTableSink(string path) : ITableSink, IDisposable
{
    private CsvOut? _csv;

    public void Columns(IReadOnlyList<string> names) => _csv = new CsvOut(path, [.. names]);

    public void Row(IReadOnlyList<string> values) => Csv.Row([.. values]);

    public void Commit() => Csv.Commit();

    public void Dispose() => _csv?.Dispose();

    private CsvOut Csv => _csv ?? throw new InvalidOperationException($"{path}: rows before the columns");
}
