using Extractor.Grid;
using Extractor.Text;

namespace Extractor.Forms;

/// <summary>The rows of one form, possibly across pages, as the segmenter cut them from a document.</summary>
public sealed class FormSegment
{
    public required IReadOnlyList<GridRow> Rows { get; init; }
    public required FormKind Kind { get; init; }
    public string? SkipReason { get; init; }

    /// <summary>The sheet the form is on, for spreadsheet inputs (a form never crosses sheets); null otherwise.</summary>
    public string? Sheet => Rows.FirstOrDefault(r => !r.IsEmpty)?.Sheet;

    /// <summary>1-based pages the form's rows come from; empty for inputs without pages.</summary>
    public IReadOnlyList<int> Pages => Rows.Where(r => !r.IsEmpty).Select(r => r.Page).OfType<int>().Distinct().Order().ToList();
}

/// <summary>
/// Cuts a document's rows into forms: a title row starts a form, a form continues across page breaks until
/// the next title, and one page may end a form and start another. A form whose title was lost (a bad scan) starts
/// at its project name when the form before it is finished (its total row read) and named another project. A sheet
/// of a workbook starts afresh: a form never runs on into the next sheet, and a sheet holding no form (project
/// records, notes) is named as skipped, so the file's log line tells every sheet that gave no document.
/// </summary>
public static class FormSegmenter
{
    public static IReadOnlyList<FormSegment> Split(GridDocument document)
    {
        var segments = new List<FormSegment>();
        var rows = new List<GridRow>();
        (FormKind Kind, string Reason)? title = null;

        foreach (var page in document.Pages)
        {
            if (page.Sheet is not null)
            {
                Close(segments, rows, title);
                rows = [];
                title = null;
            }
            foreach (var row in page.Rows())
            {
                var rowTitle = row.FilledColumns().Select(c => FormTitle.Classify(row.TextAt(c))).FirstOrDefault(t => t is not null);
                if (rowTitle is not null && rows.Any(r => !r.IsEmpty))
                {
                    Close(segments, rows, title);
                    rows = [];
                }
                else if (rowTitle is null && title?.Kind != FormKind.Other && ProjectOf(row) is { } project
                    && EndOfFinishedForm(rows, project) is { } end)
                {
                    Close(segments, rows[..end], title);
                    rows = rows[end..];
                    title = null;
                }
                if (rowTitle is not null) title = rowTitle;
                rows.Add(row);
            }
        }
        Close(segments, rows, title);
        return segments;
    }

    /// <summary>
    /// Where the form so far ends when another project's name follows it with no title between (a title lost to a bad
    /// scan): just after its total row, when it names a project of its own before that, another than
    /// <paramref name="next"/> (an office's workbook prints the same project's other tables after its form); null
    /// while the form is unfinished.
    /// </summary>
    private static int? EndOfFinishedForm(List<GridRow> rows, string next)
    {
        var total = rows.FindLastIndex(r => HasLabel(r, FormLabels.Total));
        var project = rows.FindIndex(r => ProjectOf(r) is not null);
        return project >= 0 && total > project && ProjectOf(rows[project]) != next ? total + 1 : null;
    }

    /// <summary>The project a 项目名称 row names: the first text right of the label; null for other rows.</summary>
    private static string? ProjectOf(GridRow row)
    {
        var columns = row.FilledColumns().ToList();
        var label = columns.FindIndex(c => Label.Is(row.TextAt(c), FormLabels.ProjectName));
        return label >= 0 && label + 1 < columns.Count ? row.TextAt(columns[label + 1]) : null;
    }

    private static bool HasLabel(GridRow row, string[] label) => row.FilledColumns().Any(c => Label.Is(row.TextAt(c), label));

    private static void Close(List<FormSegment> segments, List<GridRow> rows, (FormKind Kind, string Reason)? title)
    {
        if (!rows.Any(r => !r.IsEmpty)) return;
        if (title is { } t)
        {
            segments.Add(new FormSegment { Rows = rows, Kind = t.Kind, SkipReason = t.Kind == FormKind.Other ? t.Reason : null });
            return;
        }
        // No title: still a form when it has the form's own labels (a cut-off top, a title lost to a bad scan).
        var hasProject = rows.Any(r => HasLabel(r, FormLabels.ProjectName));
        var hasScores = rows.Any(r => HasLabel(r, FormLabels.Score));
        if (hasProject && hasScores)
            segments.Add(new FormSegment { Rows = rows, Kind = FormKind.SelfEvaluation });
        else if (rows.First(r => !r.IsEmpty).Sheet is not null)
            segments.Add(new FormSegment { Rows = rows, Kind = FormKind.Other, SkipReason = "no form title on it (project records or notes)" });
    }
}
