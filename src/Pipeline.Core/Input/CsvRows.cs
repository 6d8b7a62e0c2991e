namespace Pipeline.Core.Input;

/// <summary>The rows read from one file, each with the line it started on, so checks across files can still point at a line.</summary>
public sealed class CsvRows<T>(string file)
{
    private readonly List<T> _items = [];
    private readonly List<long> _lines = [];

    public string File => file;

    public IReadOnlyList<T> Items => _items;

    public int Count => _items.Count;

    public void Add(T item, long line)
    {
        _items.Add(item);
        _lines.Add(line);
    }

    public IEnumerable<(T Item, long Line)> WithLines() => _items.Zip(_lines);
}
