using System.Diagnostics;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Extractor.Grid;
using Extractor.Output;
using Extractor.Readers;
using Extractor.Readers.Office;
using NPOI.HSSF.UserModel;
using NPOI.SS.UserModel;
using NPOI.SS.Util;
using NPOI.XSSF.UserModel;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Extractor.Tests.Readers;

/// <summary>Workbooks (.xlsx, .xls) and Word documents read from their cells into the grid the mapper reads.</summary>
public class OfficeReaderTests
{
    private static byte[] Fixture(string path) => File.ReadAllBytes(Path.Combine(Repo.Fixtures, path));

    private static GridDocument Grid(string name, byte[] bytes) => Repo.Pipeline().ReadGrid(InputFile.FromBytes(name, bytes)).Grid;

    private static Cell At(GridPage page, string address) => page.Cells.Single(c => c.Address == address);

    [Theory]
    [InlineData("seed/seed.xlsx", "form.bin", InputKind.Xlsx)]
    [InlineData("seed/seed.xls", "form.pdf", InputKind.Xls)]
    [InlineData("seed/seed.docx", "form.xlsx", InputKind.Docx)]
    public void An_office_file_is_told_by_its_bytes_whatever_its_name(string fixture, string name, InputKind kind)
    {
        InputKindDetector.Detect(InputFile.FromBytes(name, Fixture(fixture))).ShouldBe(kind);
    }

    [Fact]
    public void A_zip_archive_that_is_no_office_package_is_refused_as_such()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            using (var entry = new StreamWriter(zip.CreateEntry("notes.txt").Open())) entry.Write("项目名称");
        Should.Throw<InputRejectedException>(() => InputKindDetector.Detect(InputFile.FromBytes("forms.xlsx", buffer.ToArray())))
            .Reason.ShouldContain("no Office file");
    }

    [Fact]
    public void Folder_walks_take_the_office_extensions()
    {
        foreach (var name in new[] { "a.xlsx", "a.XLSM", "a.xls", "a.docx", "a.doc" })
            InputKindDetector.IsInputName(name).ShouldBeTrue(name);
    }

    /// <summary>The same cells written by NPOI as .xlsx and as .xls, so both readers are held to one display.</summary>
    private static byte[] Workbook(bool biff, Action<IWorkbook, ISheet> fill)
    {
        IWorkbook workbook = biff ? new HSSFWorkbook() : new XSSFWorkbook();
        fill(workbook, workbook.CreateSheet("自评表"));
        using var buffer = new MemoryStream();
        workbook.Write(buffer);
        return buffer.ToArray();
    }

    private static ICell Numeric(IWorkbook workbook, ISheet sheet, string address, double value, string format)
    {
        var reference = new CellReference(address);
        var row = sheet.GetRow(reference.Row) ?? sheet.CreateRow(reference.Row);
        var cell = row.CreateCell(reference.Col);
        cell.SetCellValue(value);
        var style = workbook.CreateCellStyle();
        style.DataFormat = workbook.CreateDataFormat().GetFormat(format);
        cell.CellStyle = style;
        return cell;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Numbers_read_as_their_number_format_prints_them_and_formulas_as_their_saved_value(bool biff)
    {
        var bytes = Workbook(biff, (workbook, sheet) =>
        {
            Numeric(workbook, sheet, "C6", 854500, "#,##0.00");
            Numeric(workbook, sheet, "D6", 1, "0.00%");
            Numeric(workbook, sheet, "E6", 0.956, "0.0%");
            Numeric(workbook, sheet, "F6", 9.5, "General");
            Numeric(workbook, sheet, "G6", 312.5, "0.00");
            var total = Numeric(workbook, sheet, "H6", 0, "#,##0.00");
            total.SetCellFormula("C6*2");
            workbook.GetCreationHelper().CreateFormulaEvaluator().EvaluateFormulaCell(total);
        });
        var page = Grid(biff ? "numbers.xls" : "numbers.xlsx", bytes).Pages.Single();
        At(page, "C6").Text.ShouldBe("854,500.00");
        At(page, "D6").Text.ShouldBe("100.00%");
        At(page, "E6").Text.ShouldBe("95.6%");
        At(page, "F6").Text.ShouldBe("9.5");
        At(page, "G6").Text.ShouldBe("312.50");
        At(page, "H6").Text.ShouldBe("1,709,000.00");
        page.Method.ShouldBe(biff ? ReadMethod.Xls : ReadMethod.Xlsx);
        page.Sheet.ShouldBe("自评表");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_spreadsheet_error_reads_as_excel_prints_it(bool biff)
    {
        var bytes = Workbook(biff, (workbook, sheet) =>
        {
            var row = sheet.CreateRow(0);
            row.CreateCell(0).SetCellErrorValue(FormulaError.REF.Code);
            row.CreateCell(1).SetCellErrorValue(FormulaError.NA.Code);
            var divide = row.CreateCell(2);
            divide.SetCellFormula("1/0");
            workbook.GetCreationHelper().CreateFormulaEvaluator().EvaluateFormulaCell(divide);
            row.CreateCell(3).SetCellErrorValue(FormulaError.VALUE.Code);
        });
        var page = Grid("errors", bytes).Pages.Single();
        page.Cells.Select(c => c.Text).ShouldBe(["#REF!", "#N/A", "#DIV/0!", "#VALUE!"]);
    }

    [Fact]
    public void An_error_in_a_numeric_field_of_a_workbook_form_is_null_with_an_unreadable_value_check()
    {
        var form = Repo.Extracted("variants/variants.xlsx").Forms[3];
        form.Funds.Rows.Total.InitialBudget.ShouldBeNull();
        form.Checks.ShouldContain(c => c.Code == "unreadable-value" && c.Field == "funds.rows.total.initialBudget" && c.Message.Contains("#REF!"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Hidden_sheets_rows_and_columns_are_left_out_and_the_grid_closes_up_over_them(bool biff)
    {
        var bytes = Workbook(biff, (workbook, sheet) =>
        {
            for (var r = 0; r < 4; r++)
            {
                var row = sheet.CreateRow(r);
                for (var c = 0; c < 3; c++) row.CreateCell(c).SetCellValue($"{(char)('A' + c)}{r + 1}");
            }
            sheet.AddMergedRegion(new CellRangeAddress(0, 2, 0, 0)); // A1:A3, over the hidden row 2
            sheet.GetRow(1).ZeroHeight = true;
            sheet.SetColumnHidden(1, true);
            workbook.SetSheetHidden(workbook.GetSheetIndex(workbook.CreateSheet("旧稿")), SheetState.Hidden);
        });
        var document = Grid("hidden", bytes);
        document.Pages.Select(p => p.Sheet).ShouldBe(["自评表"]);
        var page = document.Pages.Single();
        page.Cells.Select(c => c.Address).ShouldBe(["A1", "C1", "C3", "A4", "C4"]);
        var merged = At(page, "A1");
        (merged.RowSpan, merged.ColumnSpan).ShouldBe((2, 1));
        var below = At(page, "C3");
        (below.Row, below.Column).ShouldBe((1, 1));
    }

    [Fact]
    public void Merged_regions_of_a_workbook_form_are_spans_and_every_cell_knows_its_reference()
    {
        var page = Grid("seed.xlsx", Fixture("seed/seed.xlsx")).Pages.First(p => p.Sheet == "自评表1");
        var title = At(page, "A1");
        (title.Row, title.Column, title.ColumnSpan).ShouldBe((0, 0, 9));
        At(page, "C6").Text.ShouldBe("857515.00");
        At(page, "E6").Text.ShouldBe("854,500");
        At(page, "G6").Text.ShouldBe("100.00%");
    }

    [Fact]
    public void A_workbook_form_names_its_sheet_and_method_and_traces_values_to_their_cells()
    {
        var extraction = Repo.Extracted("seed/seed.xlsx");
        extraction.Forms.Count.ShouldBe(6); // not 7: the hidden sheet's old copy of form 1 is left out
        var form = extraction.Forms[0];
        form.Source.Method.ShouldBe("xlsx");
        form.Source.Sheet.ShouldBe("自评表1");
        form.Source.Pages.ShouldBeNull();
        form.Trace["projectName"].Cell.ShouldBe("B3");
        form.Trace["funds.rows.total.executed"].Cell.ShouldBe("E6");
        (form.Trace["funds.rows.total.executed"].Row, form.Trace["funds.rows.total.executed"].Column).ShouldBe((6, 5));
        extraction.Skipped.ShouldHaveSingleItem().Reason.ShouldStartWith("sheet 绩效目标申报表: a targets form");
    }

    [Fact]
    public void The_real_wps_workbook_gives_exactly_its_one_self_evaluation_equal_to_its_print()
    {
        var workbook = Repo.Pipeline().Extract(InputFile.Load(Path.Combine(Repo.Real, "wild-01.xls")));
        var print = Repo.Pipeline().Extract(InputFile.Load(Path.Combine(Repo.Real, "wild-01.pdf")));

        var form = workbook.Forms.ShouldHaveSingleItem();
        form.Source.Sheet.ShouldBe("项目支出绩效自评表");
        form.Source.Method.ShouldBe("xls");
        form.TotalScore.ShouldBeNull();
        form.Checks.Where(c => c.Code == "unreadable-value").Select(c => c.Field).ShouldBe(["totalWeight", "totalScore"], ignoreOrder: true);
        Content(form).ToJsonString().ShouldBe(Content(print.Forms.ShouldHaveSingleItem()).ToJsonString());

        var skipped = string.Join("; ", workbook.Skipped.Select(s => s.Reason));
        skipped.ShouldContain("sheet 项目支出绩效目标申报表: a targets form");
        skipped.ShouldContain("sheet 项目支出绩效目标执行监控: a mid-year monitoring form");
        skipped.ShouldContain("sheet 项目基本信息: no form title");
        workbook.Skipped.Count.ShouldBe(10); // the other ten of its eleven sheets
    }

    /// <summary>A document without what depends on the input (source) or its geometry (trace).</summary>
    private static JsonNode Content(EvaluationForm form)
    {
        var node = JsonNode.Parse(FormJson.Serialize(form))!.AsObject();
        node.Remove("source");
        node.Remove("trace");
        return node;
    }

    [Fact]
    public void A_word_table_gives_grid_spans_and_vertical_merges_and_a_title_above_it_starts_the_form()
    {
        using var buffer = new MemoryStream();
        using (var word = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var body = new Body(new Paragraph(new Run(new WordText("项目支出绩效自评表"))));
            var table = new Table(
                Row(Cell("绩效指标", merge: MergedCellValues.Restart), Cell("一级指标"), Cell("二级指标", span: 2)),
                Row(Cell(null, merge: MergedCellValues.Continue), Cell("产出指标"), Cell("数量指标"), Cell("=1")),
                Row(Cell(null, merge: MergedCellValues.Continue), Cell("效益指标"), Cell("社会效益指标"), Cell("显著")));
            body.Append(table);
            word.AddMainDocumentPart().Document = new Document(body);
        }
        var document = Grid("table.docx", buffer.ToArray());
        document.Pages.Count.ShouldBe(2);
        document.Pages[0].Cells.Single().Text.ShouldBe("项目支出绩效自评表");
        var table2 = document.Pages[1];
        table2.Method.ShouldBe(ReadMethod.Docx);
        var label = table2.Cells.Single(c => c.Text == "绩效指标");
        (label.Row, label.Column, label.RowSpan).ShouldBe((0, 0, 3));
        table2.Cells.Single(c => c.Text == "二级指标").ColumnSpan.ShouldBe(2);
        var value = table2.Cells.Single(c => c.Text == "显著");
        (value.Row, value.Column).ShouldBe((2, 3));
    }

    private static TableRow Row(params TableCell[] cells) => new(cells);

    private static TableCell Cell(string? text, int span = 1, MergedCellValues? merge = null)
    {
        var properties = new TableCellProperties();
        if (span > 1) properties.Append(new GridSpan { Val = span });
        if (merge is { } m) properties.Append(new VerticalMerge { Val = m });
        return new TableCell(properties, new Paragraph(text is null ? [] : [new Run(new WordText(text))]));
    }

    [Theory]
    [InlineData("bomb.xlsx", "MaxInflatedBytes")]
    [InlineData("rows-100000.xlsx", "MaxSheetRows")]
    public void A_hostile_workbook_is_refused_in_little_memory_and_time(string file, string limit)
    {
        var bytes = Fixture($"bad/{file}");
        bytes.Length.ShouldBeLessThan(1024 * 1024);
        var clock = Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        Should.Throw<InputRejectedException>(() => Repo.Pipeline().Extract(InputFile.FromBytes(file, bytes))).Reason.ShouldContain(limit);
        (GC.GetAllocatedBytesForCurrentThread() - allocated).ShouldBeLessThan(64L * 1024 * 1024);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void A_sheet_spanning_more_cells_than_the_limit_is_refused()
    {
        var bytes = Workbook(false, (_, sheet) =>
        {
            sheet.CreateRow(0).CreateCell(0).SetCellValue("项目支出绩效自评表");
            sheet.CreateRow(999).CreateCell(2000).SetCellValue("x");
        });
        var limits = new InputLimits { MaxSheetCells = 100_000 };
        Should.Throw<InputRejectedException>(() => new SpreadsheetReader(limits, biff: false).Read(InputFile.FromBytes("wide.xlsx", bytes), CancellationToken.None))
            .Reason.ShouldContain("MaxSheetCells");
    }
}
