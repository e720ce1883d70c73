using System.Globalization;
using System.Text.RegularExpressions;
using Extractor.Grid;
using Extractor.Output;
using Extractor.Readers;
using Extractor.Readers.Pdf;
using Extractor.Tables;
using Extractor.Text;
using UglyToad.PdfPig;

namespace Extractor.Tests.Output;

/// <summary>
/// Every value leads back to its cell: each non-null value of every fixture form has a trace entry, and on PDFs
/// the glyphs inside its box (read again from the PDF's text layer) spell the value; on a scan, the glyphs of
/// the text PDF the scan was made from (fixtures/twins/).
/// </summary>
public partial class TraceTests
{
    /// <summary>How far (points) a glyph's centre may sit outside a scan's box: ink bounds and glyph boxes differ slightly.</summary>
    private const double ScanSlack = 2.0;

    /// <summary>What a box may hold besides its value: the label of an inline value ("项目名称："), "（2020年度）" around a year.</summary>
    private const int LabelSlack = 16;

    /// <summary>The share of a scan's traced values that must be read right for the comparison to say anything.</summary>
    private const double MostValues = 0.9;

    public static TheoryData<string> FixtureInputs() => new(Repo.FixtureInputs());

    [Theory]
    [MemberData(nameof(FixtureInputs))]
    public void Every_value_of_every_fixture_form_leads_back_to_its_cell(string input)
    {
        foreach (var form in Repo.Extracted(input).Forms)
        {
            var values = FormFields.Of(form).Where(f => f.Get() is not null).Select(f => f.Path).ToList();
            form.Trace.Keys.ShouldBe(values, ignoreOrder: false, $"{input} #{form.Source.FormIndex}: traced paths differ from the non-null values");
            var paged = form.Source.Pages is not null;
            foreach (var (path, entry) in form.Trace)
            {
                var where = $"{input} #{form.Source.FormIndex} {path}";
                entry.Row.ShouldBeGreaterThanOrEqualTo(1, where);
                entry.Column.ShouldBeGreaterThanOrEqualTo(1, where);
                if (!paged)
                {
                    (entry.Page, entry.Box, entry.Confidence).ShouldBe((null, null, null), where);
                    continue;
                }
                form.Source.Pages!.ShouldContain(entry.Page!.Value, where);
                var size = form.Source.PageSizes![form.Source.Pages!.IndexOf(entry.Page!.Value)];
                var box = entry.Box!;
                (box[0] >= 0 && box[1] >= 0 && box[0] < box[2] && box[1] < box[3] && box[2] <= size[0] + 1 && box[3] <= size[1] + 1).ShouldBeTrue($"{where}: box {string.Join(",", box)} on a page of {size[0]}×{size[1]}");
                entry.Confidence!.Value.ShouldBeInRange(0, 1, where);
            }
        }
    }

    public static TheoryData<string> TextPdfs() =>
        new(Repo.FixtureInputs().Where(IsTextPdf));

    private static bool IsTextPdf(string input) =>
        input.EndsWith(".pdf", StringComparison.Ordinal) && !input.Contains(".scan", StringComparison.Ordinal) && !input.Contains(".photo", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(TextPdfs))]
    public void Each_traced_box_of_a_text_pdf_holds_the_printed_text_of_its_value(string input)
    {
        var misses = Misses(Repo.Extracted(input).Forms, Repo.Extracted(input).Forms, Path.Combine(Repo.Fixtures, input), slack: 0.5);
        misses.ShouldBeEmpty(string.Join("\n", misses.Take(20)));
    }

    [Fact]
    public void Each_traced_box_of_a_scan_holds_the_printed_text_of_its_value_in_the_text_pdf_it_was_made_from()
    {
        var scan = Repo.Extracted("twins/seed.chromium.scan300.pdf").Forms;
        var twin = Repo.Extracted("seed/seed.chromium.pdf").Forms;
        scan.ShouldAllBe(f => f.Source.Method == ReadMethod.PdfOcr);
        // The scan holds pages 1-2: the forms printed on them alone, and the values the OCR read right.
        var whole = scan.Where(f => twin[f.Source.FormIndex - 1].Source.Pages!.All(f.Source.Pages!.Contains)).ToList();
        var misses = Misses(whole, twin, Path.Combine(Repo.Fixtures, "seed", "seed.chromium.pdf"), ScanSlack, onlyRightValues: true);
        whole.Count.ShouldBe(2);
        misses.ShouldBeEmpty(string.Join("\n", misses.Take(20)));
    }

    [Fact]
    public void A_value_carried_onto_the_next_page_lists_where_the_rest_was_printed()
    {
        // seed.chromium.pdf: form 2's 实际完成情况 is cut by the break between pages 1 and 2.
        var form = Repo.Extracted("seed/seed.chromium.pdf").Forms[1];
        var achieved = form.Trace["goals.achieved"];
        achieved.Page.ShouldBe(1);
        achieved.Continued.ShouldNotBeNull().Single().Page.ShouldBe(2);
        var printed = Printed(Path.Combine(Repo.Fixtures, "seed", "seed.chromium.pdf"), achieved.Page!.Value, achieved.Box!, 0.5)
            + Printed(Path.Combine(Repo.Fixtures, "seed", "seed.chromium.pdf"), 2, achieved.Continued![0].Box, 0.5);
        Key(printed).ShouldBe(Key(form.Goals.Achieved));
    }

    [Fact]
    public void A_merged_cell_is_traced_to_its_printed_text_not_to_the_whole_cell()
    {
        var page = new PdfTextReader(null).Read(InputFile.Load(Path.Combine(Repo.Fixtures, "seed", "seed.chromium.pdf")), CancellationToken.None).Pages[0];
        var merged = page.Cells.First(c => c.RowSpan > 1 && !c.IsBlank);
        var text = merged.TextBox.ShouldNotBeNull();
        var cell = merged.Box.ShouldNotBeNull();
        (text.Height < cell.Height / 2 && text.Top >= cell.Top && text.Bottom <= cell.Bottom).ShouldBeTrue($"text {text} in cell {cell}");
    }

    /// <summary>Traced values whose box does not hold their printed text, with what it holds.</summary>
    /// <remarks>
    /// <paramref name="onlyRightValues"/>: a misread value (a scan's) may lead to a cell that holds another value; the
    /// right ones must all hold theirs, and they must be most of the form.
    /// </remarks>
    private static List<string> Misses(IReadOnlyList<EvaluationForm> forms, IReadOnlyList<EvaluationForm> truth, string textPdf, double slack, bool onlyRightValues = false)
    {
        var misses = new List<string>();
        var checkedCount = 0;
        foreach (var form in forms)
        {
            var expected = truth[form.Source.FormIndex - 1];
            var tenThousands = expected.Funds.UnitAsPrinted == "万元";
            foreach (var (path, entry) in form.Trace)
            {
                if (FormFields.Find(expected, path) is not { } field || field.Get() is not { } value) continue;
                if (IsInferredLevel(form, path)) continue;
                if (onlyRightValues && !Equals(FormFields.Find(form, path)!.Get(), value)) continue;
                checkedCount++;
                var printed = Printed(textPdf, entry.Page!.Value, entry.Box!, slack)
                    + string.Concat((entry.Continued ?? []).Select(p => Printed(textPdf, p.Page, p.Box, slack)));
                if (!Holds(printed, value, field.Kind, tenThousands))
                    misses.Add($"#{form.Source.FormIndex} {path} = {value}: page {entry.Page} box [{string.Join(", ", entry.Box!)}] holds \"{printed}\"");
            }
        }
        var traced = forms.Sum(f => f.Trace.Count);
        if (checkedCount < traced * MostValues) misses.Add($"only {checkedCount} of {traced} traced values could be compared");
        return misses;
    }

    /// <summary>A level-1 known from its level-2 (产出指标 from 数量指标) leads back to the level-2's cell, which does not print it.</summary>
    private static bool IsInferredLevel(EvaluationForm form, string path) =>
        path.EndsWith(".level1", StringComparison.Ordinal)
        && form.Trace.TryGetValue(path[..^"level1".Length] + "level2", out var level2)
        && level2.Box!.SequenceEqual(form.Trace[path].Box!);

    /// <summary>The box holds the value: its text (allowing a label beside it), its number, or its year.</summary>
    private static bool Holds(string printed, object value, FieldKind kind, bool tenThousands)
    {
        var key = Key(printed);
        switch (kind)
        {
            case FieldKind.Number:
                var numbers = Number().Matches(key).Select(m => decimal.Parse(m.Value.Replace(",", ""), CultureInfo.InvariantCulture)).ToList();
                var v = (decimal)value;
                return numbers.Any(n => n == v || tenThousands && n * 10000 == v);
            case FieldKind.Year:
                return key.Contains(((int)value).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            default:
                var text = Key((string)value);
                return key.Contains(text, StringComparison.Ordinal) && key.Length <= text.Length + LabelSlack;
        }
    }

    private static readonly Dictionary<(string, int), PageLayout> Layouts = [];

    /// <summary>The text of the glyphs whose centre lies in the box (widened by <paramref name="slack"/> points), line by line.</summary>
    private static string Printed(string pdf, int page, double[] box, double slack)
    {
        PageLayout layout;
        lock (Layouts)
        {
            if (!Layouts.TryGetValue((pdf, page), out layout!))
            {
                using var document = PdfDocument.Open(pdf, new ParsingOptions { ClipPaths = true });
                Layouts[(pdf, page)] = layout = PdfPageLayout.From(document.GetPage(page), page, new LatticeOptions());
            }
        }
        var inside = layout.Glyphs.Where(g => g.CenterX >= box[0] - slack && g.CenterX <= box[2] + slack && g.CenterY >= box[1] - slack && g.CenterY <= box[3] + slack);
        return string.Concat(TextLines.Of(inside).Select(l => l.Text()));
    }

    private static string Key(string? text) => Label.Key(text).Replace("(", "").Replace(")", "");

    [GeneratedRegex(@"-?[0-9][0-9,]*(\.[0-9]+)?")]
    private static partial Regex Number();
}
