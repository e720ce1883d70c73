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
}
