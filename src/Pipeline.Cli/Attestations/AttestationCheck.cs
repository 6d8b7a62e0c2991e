using Pipeline.Core.Evaluation;
using Pipeline.Core.Input;
using Pipeline.Core.Units;
using Pipeline.Normalisation;
using Pipeline.Warehouse.Attestations;

namespace Pipeline.Cli.Attestations;

/// <summary>
/// Checks filled rows against the framework, the 2025 communes and what systems measure: a value parses as its
/// criterion requires (<see cref="ValueKinds.Parse(ValueKind, string, string?)"/>, the same rule evaluate applies), comes with an http(s)
/// evidence link, and is given once per commune and criterion. Rows with no value are not attested and pass.
/// </summary>
internal sealed class AttestationCheck(LevelFramework framework, ReferenceUnits units, IReadOnlySet<string> measured)
{
    public IReadOnlyList<Attestation> Check(IReadOnlyList<FilledRow> rows, ProblemList problems)
    {
        var checkedRows = new List<Attestation>();
        var seen = new HashSet<(string Unit, string Criterion)>();
        var unitsReported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Value.Length == 0 && row.Denominator.Length == 0 && row.EvidenceUrl.Length == 0)
            {
                continue;
            }

            if (units.Commune(Era.Y2025, row.UnitCode) is null)
            {
                // Said once per file, not once per row.
                if (unitsReported.Add($"{row.Place.File}/{row.UnitCode}"))
                {
                    row.Place.AddAtUnit(problems, $"'{row.UnitCode}' is not a 2025 commune code");
                }

                continue;
            }

            if (row.Framework != framework.Info.Id || !int.TryParse(row.Year, out var year) || year is < 2000 or > 2100)
            {
                row.Place.AddAtUnit(problems, $"the form is for framework '{row.Framework}', year '{row.Year}'; expected {framework.Info.Id} and a year");
                continue;
            }

            if (framework.Find(row.Criterion) is not LevelCriterion { Scope: CriterionScope.Commune } criterion)
            {
                row.Place.Add(problems, "criterion", $"'{row.Criterion}' is not a commune criterion of {framework.Info.Id}");
                continue;
            }

            if (measured.Contains(criterion.Code))
            {
                row.Place.Add(problems, "criterion", $"{criterion.Code} is measured by a system; it takes no attestation (a disagreement goes to the data stewards)");
                continue;
            }

            Observation observation;
            try
            {
                observation = ValueKinds.Parse(criterion.InputKind, row.Value, row.Denominator);
            }
            catch (FormatException e)
            {
                if (row.Value.Length == 0)
                {
                    row.Place.Add(problems, "value", "empty; give the value or clear the row");
                }
                else
                {
                    // The parser names the denominator when that is the part at fault.
                    row.Place.Add(problems, e.Message.Contains("denominator", StringComparison.Ordinal) ? "denominator" : "value", e.Message);
                }

                continue;
            }

            if (!Uri.TryCreate(row.EvidenceUrl, UriKind.Absolute, out var evidence) || (evidence.Scheme != Uri.UriSchemeHttp && evidence.Scheme != Uri.UriSchemeHttps))
            {
                row.Place.Add(problems, "evidence_url", row.EvidenceUrl.Length == 0 ? "empty; an attested value needs an evidence link" : $"'{row.EvidenceUrl}' is not an http(s) link");
                continue;
            }

            if (!seen.Add((row.UnitCode, criterion.Code)))
            {
                row.Place.Add(problems, "criterion", $"{criterion.Code} is attested twice for {row.UnitCode}");
                continue;
            }

            checkedRows.Add(new Attestation(
                framework.Info.Id, row.UnitCode, year, criterion.Code, observation.Value, observation.Denominator, row.EvidenceUrl,
                row.Note.Length == 0 ? null : row.Note, row.Place.File, row.Place.Source));
        }

        return checkedRows;
    }
}
