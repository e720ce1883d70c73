using Extractor.Grid;
using Extractor.Tables;

namespace Extractor.Tests.Tables;

public class ContinuedColumnsTests
{
    /// <summary>Column edges of corpus dev case 13's first table (Chromium, A4): 11 columns.</summary>
    private static readonly double[] Edges = [40, 90, 150, 210, 330, 360, 400, 430, 480, 520, 560, 700];

    private static TableCell At(int row, int column, int span, string? text, double top) =>
        new(new Cell(row, column, text) { ColumnSpan = span, Box = new Box(Edges[column], top, Edges[column + span], top + 20) }, []);

    private static FoundTable Table(params TableCell[] cells) =>
        new(new Box(Edges[0], cells.Min(c => c.Cell.Box!.Value.Top), Edges[^1], cells.Max(c => c.Cell.Box!.Value.Bottom)), cells);

    [Fact]
    public void A_total_row_alone_on_the_next_page_takes_the_columns_of_the_table_it_continues()
    {
        var previous = Table(Enumerable.Range(0, 11).Select(c => At(0, c, 1, $"h{c}", 700)).ToArray());
        // The 总分 label spans the eight columns left of 分值; the finder saw three columns and numbered them 0, 1, 2.
        var next = new FoundTable(new Box(Edges[0], 40, Edges[^1], 60),
        [
            new(new Cell(0, 0, "总分") { Box = new Box(Edges[0], 40, Edges[8], 60) }, []),
            new(new Cell(0, 1, "100.00") { Box = new Box(Edges[8], 40, Edges[9], 60) }, []),
            new(new Cell(0, 2, "92.83") { Box = new Box(Edges[9], 40, Edges[^1], 60) }, []),
        ]);
        var aligned = ContinuedColumns.Align(previous, next)!;
        aligned.Cells.Select(c => (c.Cell.Text, c.Cell.Column, c.Cell.ColumnSpan)).ShouldBe([("总分", 0, 8), ("100.00", 8, 1), ("92.83", 9, 2)]);
    }

    [Fact]
    public void A_table_of_other_columns_is_left_as_found()
    {
        var previous = Table(Enumerable.Range(0, 11).Select(c => At(0, c, 1, $"h{c}", 700)).ToArray());
        var next = new FoundTable(new Box(Edges[0], 40, Edges[^1], 60),
        [
            new(new Cell(0, 0, "项目名称") { Box = new Box(Edges[0], 40, 120, 60) }, []),
            new(new Cell(0, 1, "x") { Box = new Box(120, 40, Edges[^1], 60) }, []),
        ]);
        ContinuedColumns.Align(previous, next).ShouldBeNull();
    }
}
