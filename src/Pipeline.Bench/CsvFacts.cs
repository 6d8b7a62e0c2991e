using CsvHelper;
using Pipeline.Core.Input;
using Pipeline.Core.Periods;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Normalisation;

namespace Pipeline.Bench;

/// <summary>
/// Reads a bench CSV the way the product reads a source's CSV file: CsvHelper with <see cref="QuarantiningCsv"/>
/// options (a malformed line is set aside with its number, never repaired) and <see cref="CsvLine"/>'s checked getters
/// (a 5-digit code, numbers that parse), then the checks a load makes (a 2025 commune, a known indicator, a count not
/// above its denominator). Rows come out as <see cref="Fact"/>s one period at a time and are never held in a list:
/// the caller streams each period into the load's COPY while the file is being read.
/// <para>A file can be shared by several readers, one per load running at once: the file's periods are numbered in
/// the order it gives them (it groups its rows by period), each is taken by the first reader to reach it
/// (<see cref="PeriodClaims"/>), and the others pass over its rows after reading their period field alone. Each line's
/// checks and quarantine belong to the reader of its period; malformed lines and lines with no period are counted
/// by the first reader only (<c>countsFileProblems</c>). Every reader counts the lines read.</para>
/// </summary>
internal sealed class CsvFacts : IDisposable
{
    private readonly CsvReader _reader;
    private readonly string _file;
    private readonly IReadOnlySet<string> _communes;
    private readonly IReadOnlySet<string> _indicators;
    private readonly long _intakeRunId;
    private readonly PeriodClaims? _claims;
    private readonly bool _countsFileProblems;
    private readonly int _periodColumn;
    private (Fact Fact, Period Period)? _pending;
    private byte[] _groupPeriodBytes = [];
    private string? _groupPeriod;
    private Period? _groupParsed;
    private int _group = -1;
    private bool _ownsGroup;
    private bool _ended;

    /// <param name="claims">The periods' claims when readers share the file; null for a reader of its own.</param>
    public CsvFacts(
        string path, IReadOnlySet<string> communes, IReadOnlySet<string> indicators, long intakeRunId, PeriodClaims? claims = null, bool countsFileProblems = true)
    {
        _file = Path.GetFileName(path);
        _communes = communes;
        _indicators = indicators;
        _intakeRunId = intakeRunId;
        _claims = claims;
        _countsFileProblems = countsFileProblems;
        _reader = CsvReader.FromFile(path, QuarantiningCsv.Options(_ =>
        {
            if (countsFileProblems)
            {
                Quarantined++;
            }
        }));
        _reader.ReadHeader();
        if (string.Join(',', _reader.Headers.ToArray()) != FactCsv.Header)
        {
            throw new BadInputException(new InputProblem(_file, 1, $"header is not '{FactCsv.Header}'"));
        }

        _periodColumn = _reader.GetFieldIndex("period");
    }

    /// <summary>Rows set aside: malformed lines and rows that failed a check (of this reader's periods).</summary>
    public long Quarantined { get; private set; }

    /// <summary>Lines read (every reader reads them all; the file's count).</summary>
    public long Read { get; private set; }

    /// <summary>Moves to the next period in the file; false at its end.</summary>
    public bool NextPeriod(out Period period)
    {
        _pending ??= ReadRow();
        period = _pending?.Period!;
        return _pending is not null;
    }

    /// <summary>The rows of the current period, read from the file as they are enumerated.</summary>
    public IEnumerable<Fact> RowsOfPeriod()
    {
        if (_pending is not { } first)
        {
            yield break;
        }

        _pending = null;
        yield return first.Fact;
        while (ReadRow() is { } next)
        {
            if (next.Period != first.Period)
            {
                _pending = next;
                yield break;
            }

            yield return next.Fact;
        }
    }

    public void Dispose() => _reader.Dispose();

    private (Fact Fact, Period Period)? ReadRow()
    {
        while (!_ended && _reader.Read())
        {
            Read++;
            // The period is read as bytes: most lines of a shared file are another reader's, passed over unparsed.
            var periodBytes = _reader.GetSpan(_periodColumn);
            if (periodBytes.IsEmpty)
            {
                if (_countsFileProblems)
                {
                    Quarantined++;
                }

                continue;
            }

            if (!Owns(periodBytes))
            {
                continue;
            }

            try
            {
                return Check(new CsvLine(_reader, _file, _reader.LineNumber), _groupPeriod!);
            }
            catch (FieldException)
            {
                Quarantined++;
            }
        }

        _ended = true;
        return null;
    }

    // The file's periods are numbered as they come; a reader owns those it took first.
    private bool Owns(ReadOnlySpan<byte> period)
    {
        if (!period.SequenceEqual(_groupPeriodBytes))
        {
            _groupPeriodBytes = period.ToArray();
            _groupPeriod = System.Text.Encoding.UTF8.GetString(period);
            _groupParsed = null;
            _group++;
            _ownsGroup = _claims?.TryTake(_group) ?? true;
        }

        return _ownsGroup;
    }

    private (Fact, Period) Check(CsvLine line, string periodText)
    {
        var code = line.Code("unit_code", 5);
        var indicator = line.Text("indicator");
        var numerator = line.OptionalDecimal("numerator");
        var denominator = line.OptionalDecimal("denominator");
        if (!_communes.Contains(code))
        {
            throw new FieldException($"unit_code {code} is not a 2025 commune");
        }

        if (!_indicators.Contains(indicator))
        {
            throw new FieldException($"indicator {indicator} is not known");
        }

        if (numerator < 0 || (denominator is { } d && (d <= 0 || numerator > d)))
        {
            throw new FieldException($"{numerator} of {denominator} is not a count within a positive denominator");
        }

        // Parsed once a period: every row of it has the same text.
        var period = _groupParsed ??= Period.Parse(periodText);

        var fact = new Fact(
            "bench", Era.Y2025, code, indicator, numerator, denominator, null, ValueUnit.Count, Complete: true, Simulated: true,
            [code], [$"{_file}:{line.Number}"], _intakeRunId);
        return (fact, period);
    }
}
