using Extractor.Grid;
using Extractor.Tables;

namespace Extractor.Tests.Tables;

public class TextLinesTests
{
    /// <summary>A printed line of 10pt glyphs, 10pt apart from <paramref name="left"/>, its baseline at <paramref name="baseline"/>.</summary>
    private static IEnumerable<Glyph> Line(string text, double baseline, double left = 100) =>
        text.Select((ch, i) => new Glyph(ch.ToString(), new Box(left + 10 * i, baseline - 8, left + 10 * (i + 1), baseline + 2), 10));

    /// <summary>Corpus dev case 3 (Chromium): a goal paragraph whose last line ends at the cell's edge, the next &lt;p&gt; a margin below.</summary>
    [Fact]
    public void A_full_line_ending_a_sentence_ends_its_paragraph_when_a_paragraph_margin_follows()
    {
        var glyphs = Line("落实维修工程处，满足需求。", 100).Concat(Line("开展信息系统个。", 124));
        TextLines.CellText(glyphs, right: 232).ShouldBe("落实维修工程处，满足需求。\n开展信息系统个。");
    }

    [Fact]
    public void A_full_line_ending_a_sentence_is_a_wrap_when_the_next_line_follows_at_the_line_pitch()
    {
        var glyphs = Line("落实维修工程处，满足需求。", 100).Concat(Line("开展信息系统个。", 113));
        TextLines.CellText(glyphs, right: 232).ShouldBe("落实维修工程处，满足需求。开展信息系统个。");
    }

    /// <summary>Corpus dev case 1 (LibreOffice): paragraphs of one sentence each, one of them ending exactly at the edge.</summary>
    [Fact]
    public void A_sentence_ending_at_the_edge_ends_its_paragraph_in_a_cell_that_puts_each_sentence_in_one()
    {
        var glyphs = Line("已落实建设，实现规范高效。", 100).Concat(Line("已落实设备项。", 113)).Concat(Line("已落实站点处，已落实任务。", 126));
        TextLines.CellText(glyphs, right: 232).ShouldBe("已落实建设，实现规范高效。\n已落实设备项。\n已落实站点处，已落实任务。");
    }

    /// <summary>The seed's goals run sentences on within a line, so a sentence ending at the edge is wrapped there.</summary>
    [Fact]
    public void A_sentence_ending_at_the_edge_is_wrapped_in_a_cell_that_runs_sentences_on()
    {
        var glyphs = Line("建成设施。落实维修工程。", 100).Concat(Line("开展信息系统个。", 113)).Concat(Line("短句。", 126));
        TextLines.CellText(glyphs, right: 222).ShouldBe("建成设施。落实维修工程。开展信息系统个。\n短句。");
    }

    /// <summary>Corpus dev case 2 (LibreOffice): item 1 fills its line, item 2 starts the next.</summary>
    [Fact]
    public void A_numbered_item_after_a_full_line_ending_a_sentence_starts_a_paragraph()
    {
        var glyphs = Line("1、完成中心运维，确保完成。", 100).Concat(Line("2、完成维修工程。", 113));
        TextLines.CellText(glyphs, right: 242).ShouldBe("1、完成中心运维，确保完成。\n2、完成维修工程。");
    }

    [Theory]
    [InlineData("1、完成", true)]
    [InlineData("2.开展", true)]
    [InlineData("（三）落实", true)]
    [InlineData("四、保障", true)]
    [InlineData("1.5万元的设备", false)]
    [InlineData("完成1、2项", false)]
    public void An_item_number_is_told_at_the_start_of_a_line(string text, bool numbered) =>
        TextLines.StartsNumberedItem(TextLines.Of(Line(text, 100))[0]).ShouldBe(numbered);
}
