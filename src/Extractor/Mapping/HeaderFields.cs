using System.Text.RegularExpressions;
using Extractor.Forms;
using Extractor.Grid;
using Extractor.Output;
using Extractor.Text;

namespace Extractor.Mapping;

/// <summary>
/// The fields above the funds table: title, year, project, department, implementing unit. Each is the
/// value printed right of its label, or after a colon in the label's own cell.
/// </summary>
internal static partial class HeaderFields
{
    private static readonly string[][] AllLabels =
        [FormLabels.ProjectName, FormLabels.Department, FormLabels.ImplementingUnit, FormLabels.Funds];

    public static void Read(IReadOnlyList<GridRow> rows, EvaluationForm form, ReadingLog log)
    {
        foreach (var row in rows)
        {
            foreach (var c in row.FilledColumns())
            {
                var text = row.TextAt(c);
                if (form.Title is null && FormTitle.Classify(text) is not null)
                {
                    form.Title = log.Text("title", row, c);
                    if (form.Year is null && YearIn(text) is { } titleYear)
                    {
                        form.Year = titleYear;
                        log.Add("year", row, c, text, null);
                    }
                }
                else if (form.Year is null && form.ProjectName is null && YearIn(text) is { } year)
                {
                    form.Year = year;
                    log.Add("year", row, c, text, null);
                }
            }
            form.ProjectName ??= Labelled(row, FormLabels.ProjectName, "projectName", log);
            form.Department ??= Labelled(row, FormLabels.Department, "department", log);
            form.ImplementingUnit ??= Labelled(row, FormLabels.ImplementingUnit, "implementingUnit", log);
        }
    }

    /// <summary>The year of "(2020 年度)", "（2022年度）", "2021年度项目支出绩效自评表".</summary>
    public static int? YearIn(string? text)
    {
        if (text is null) return null;
        var m = Year().Match(Label.Key(text));
        return m.Success ? int.Parse(m.Groups[1].Value) : null;
    }

    private static string? Labelled(GridRow row, string[] label, string field, ReadingLog log)
    {
        foreach (var c in row.FilledColumns())
        {
            var text = row.TextAt(c);
            if (RowText.InlineValue(text, label) is { } inline)
            {
                log.Add(field, row, c, inline, null);
                return inline;
            }
            if (!Label.Is(text, label)) continue;
            var value = RowText.ValueRightOf(row, c, AllLabels);
            return value < 0 ? null : log.Text(field, row, value);
        }
        return null;
    }

    [GeneratedRegex(@"((?:19|20)\d{2})年")]
    private static partial Regex Year();
}
