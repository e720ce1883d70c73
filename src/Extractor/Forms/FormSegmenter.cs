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
/// the next title, and one page may end a form and start another. A sheet of a workbook starts afresh: a form
/// never runs on into the next sheet, and a sheet holding no form (project records, notes) is named as skipped,
/// so the file's log line tells every sheet that gave no document.
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
                if (rowTitle is not null) title = rowTitle;
                rows.Add(row);
            }
        }
        Close(segments, rows, title);
        return segments;
    }

    private static void Close(List<FormSegment> segments, List<GridRow> rows, (FormKind Kind, string Reason)? title)
    {
        if (!rows.Any(r => !r.IsEmpty)) return;
        if (title is { } t)
        {
            segments.Add(new FormSegment { Rows = rows, Kind = t.Kind, SkipReason = t.Kind == FormKind.Other ? t.Reason : null });
            return;
        }
        // No title: still a form when it has the form's own labels (a cut-off top, a title lost to a bad scan).
        var hasProject = rows.Any(r => r.FilledColumns().Any(c => Label.Is(r.TextAt(c), FormLabels.ProjectName)));
        var hasScores = rows.Any(r => r.FilledColumns().Any(c => Label.Is(r.TextAt(c), FormLabels.Score)));
        if (hasProject && hasScores)
            segments.Add(new FormSegment { Rows = rows, Kind = FormKind.SelfEvaluation });
        else if (rows.First(r => !r.IsEmpty).Sheet is not null)
            segments.Add(new FormSegment { Rows = rows, Kind = FormKind.Other, SkipReason = "no form title on it (project records or notes)" });
    }
}
