namespace Extractor.Readers.Ocr;

/// <summary>
/// Tells a target's leading comparison sign from its ink, where the recognisers cannot: PP-OCR reads a lone ≥ as
/// M, 2 or =, and ≤ as 八 or 人; Tesseract has no ≥ at all. The glyph's ink (cropped to its bounds), split into
/// its connected parts, is
/// <list type="bullet">
/// <item>≥ or ≤ when it is an angle and a bar under it: the angle's two arms start at one side and meet at the
/// other near its mid-height (≥: tips left, apex right); the bar is flat (a bold font may join it to the angle),
/// or slanted parallel to the lower arm (the AR PL fonts). A 2 has a flat bar at its foot too, but its top is a
/// wide arc, not an arm's narrow tip;</item>
/// <item>≥ or ≤ too when it is a lone angle whose lower arm is much thicker than its upper one: the slanted bar
/// blurred into the arm beside it (a photo); with arms of one thickness, a lone angle is > or &lt; (ASCII ">=", its
/// > read v or V);</item>
/// <item>= when it is two flat bars of one length, one over the other (二's upper bar is shorter);</item>
/// <item>≥ or ≤ when its parts, read as one, are an angle and a bar joined under it: a faint photo's stroke broken;</item>
/// <item>otherwise nothing: the reading stays.</item>
/// </list>
/// </summary>
internal static class ComparisonSign
{
    /// <summary>A row is part of a flat bar when one run of its ink covers at least this share of the glyph's width.</summary>
    private const double BarSpan = 0.7;

    /// <summary>The ragged top row of a bar the angle's tip joins, in a bold font, has a run this share of the width.</summary>
    private const double BarEdgeSpan = 0.5;

    /// <summary>A flat bar is at most this share of its length thick (the = of a bold font is still under it).</summary>
    private const double BarThickness = 0.35;

    /// <summary>An arm's tip rows are inked only within this share of the angle's width from its open side.</summary>
    private const double TipShare = 0.45;

    /// <summary>The tip is this share of the angle's rows at each end (at least two rows).</summary>
    private const double TipRows = 0.1;

    /// <summary>The apex lies in the middle of the angle: this share of its height from either end is excluded.</summary>
    private const double ApexMargin = 0.3;

    /// <summary>A slanted bar's ends are at least this share of the glyph's width apart across.</summary>
    private const double SlantRun = 0.4;

    /// <summary>The two bars of = differ in length by at most this share of the longer one (二: about a fifth).</summary>
    private const double EqualBars = 0.1;

    /// <summary>A glyph less than this many pixels tall is too small to tell (a 6 pt sign at 150 dpi is 9).</summary>
    private const int MinHeight = 8;

    /// <summary>A connected part with less than this share of the glyph's ink is a speck of noise, not a stroke.</summary>
    private const double SpeckShare = 0.03;

    /// <summary>A lone angle's lower arm at least this many times as thick as its upper arm holds a slanted bar.</summary>
    private const double ThickArm = 1.4;

    /// <summary>A lone angle's arms within this ratio of thickness are one stroke each: > or &lt;.</summary>
    private const double EvenArms = 1.25;

    /// <summary>The sign the glyph's ink shows (≥, ≤, =, > or &lt;), or null when it shows none of them.</summary>
    public static char? Of(bool[,] glyph)
    {
        if (glyph.GetLength(0) < MinHeight || glyph.GetLength(1) < 3) return null;
        var parts = InkPart.Split(glyph, SpeckShare).OrderBy(p => p.Top).ToList();
        return parts.Count switch
        {
            0 => null,
            1 => Joined(parts[0]) ?? LoneAngle(parts[0]),
            2 when IsEqualsSign(parts[0], parts[1], glyph) => '=',
            2 => Stacked(parts[0], parts[1], glyph) ?? Joined(InkPart.Whole(glyph, SpeckShare), BrokenRows),
            _ => Joined(InkPart.Whole(glyph, SpeckShare), BrokenRows),
        };
    }

    /// <summary>
    /// An angle a faint photo broke (its upper arm apart from the rest, the bar joined to the lower arm: dev case 10's
    /// "≥92万元" read "292万元") is read whole, with at most this share of its rows blank.
    /// </summary>
    private const double BrokenRows = 0.25;

    /// <summary>A broken glyph's bar may have this many short rows under it (its blurred lower edge).</summary>
    private const int RaggedFoot = 1;

    /// <summary>
    /// One part: an angle whose flat bar a bold font joins to it, found as the long rows at its foot; the angle's rows
    /// all inked, or at most <paramref name="blankShare"/> of them blank (a broken glyph read whole).
    /// </summary>
    private static char? Joined(InkPart part, double blankShare = 0)
    {
        var barBottom = part.Height;
        if (blankShare > 0)
            while (barBottom > part.Height - RaggedFoot && part.LongestRun(barBottom - 1) < BarSpan * part.Width) barBottom--;
        var barTop = barBottom;
        while (barTop > 0 && part.LongestRun(barTop - 1) >= BarSpan * part.Width) barTop--;
        if (barTop == barBottom) return null;
        while (barTop > 0 && part.LongestRun(barTop - 1) >= BarEdgeSpan * part.Width) barTop--;
        if (barBottom - barTop > BarThickness * part.Width) return null;
        var angleRows = Enumerable.Range(0, barTop).Where(y => part.LongestRun(y) > 0).ToList();
        if (angleRows.Count < part.Height / 3) return null;
        var span = angleRows[^1] - angleRows[0] + 1;
        if (span - angleRows.Count > blankShare * span) return null;
        return AngleSign(part, angleRows[0], angleRows[^1] + 1);
    }

    /// <summary>
    /// One part that is an angle and nothing under it: its arms' thickness (the median row run between tip and
    /// apex) tells a slanted bar merged into the lower arm (≥, ≤) from a bare angle (>, &lt;).
    /// </summary>
    private static char? LoneAngle(InkPart part)
    {
        if (AngleSign(part, 0, part.Height) is not { } sign) return null;
        var apex = ApexRows(0, part.Height, sign == '≥' ? part.RightReach : part.LeftReach);
        var tip = Math.Max(2, (int)(TipRows * part.Height));
        var upper = Enumerable.Range(tip, Math.Max(0, apex[0] - tip)).Select(part.LongestRun).Order().ToList();
        var lower = Enumerable.Range(apex[^1] + 1, Math.Max(0, part.Height - tip - apex[^1] - 1)).Select(part.LongestRun).Order().ToList();
        if (upper.Count < 2 || lower.Count < 2) return null;
        var ratio = (double)lower[lower.Count / 2] / upper[upper.Count / 2];
        if (ratio >= ThickArm) return sign;
        if (ratio <= EvenArms && ratio >= 1 / EvenArms) return sign == '≥' ? '>' : '<';
        return null;
    }

    /// <summary>Two parts: the angle above, its bar below (flat, or slanted toward the angle's open side).</summary>
    private static char? Stacked(InkPart angle, InkPart bar, bool[,] glyph)
    {
        if (bar.Top + bar.Height / 2 <= angle.Top + angle.Height / 2 || angle.Height < glyph.GetLength(0) / 3) return null;
        if (AngleSign(angle, 0, angle.Height) is not { } sign) return null;
        var width = glyph.GetLength(1);
        var flat = IsFlatBar(bar, width);
        var drop = bar.Centre(0) - bar.Centre(bar.Height - 1);
        var slanted = sign == '≥' ? drop >= SlantRun * width : -drop >= SlantRun * width;
        return flat || slanted ? sign : null;
    }

    /// <summary>
    /// The sign an angle over rows [top, bottom) of a part opens to: ≥ when its first and last rows are inked only
    /// near the left and the row reaching furthest right is in its middle; ≤ mirrored; null for any other shape.
    /// </summary>
    private static char? AngleSign(InkPart part, int top, int bottom)
    {
        var rows = bottom - top;
        var tip = Math.Max(2, (int)(TipRows * rows));
        var limit = TipShare * part.Width;
        bool Tips(Func<int, double> reach) =>
            Enumerable.Range(top, tip).Concat(Enumerable.Range(bottom - tip, tip)).All(y => reach(y) <= limit);
        bool ApexInMiddle(Func<int, double> reach)
        {
            var apexRows = ApexRows(top, bottom, reach);
            var apex = (apexRows[0] + apexRows[^1]) / 2.0 - top;
            return apex >= ApexMargin * rows && apex <= (1 - ApexMargin) * rows;
        }
        if (Tips(part.RightReach) && ApexInMiddle(part.RightReach)) return '≥';
        if (Tips(part.LeftReach) && ApexInMiddle(part.LeftReach)) return '≤';
        return null;
    }

    /// <summary>The rows of [top, bottom) reaching furthest (within a pixel) toward the angle's closed side.</summary>
    private static List<int> ApexRows(int top, int bottom, Func<int, double> reach)
    {
        var far = Enumerable.Range(top, bottom - top).Max(reach);
        return Enumerable.Range(top, bottom - top).Where(y => reach(y) >= far - 1).ToList();
    }

    /// <summary>Two flat bars of one length, one over the other.</summary>
    private static bool IsEqualsSign(InkPart upper, InkPart lower, bool[,] glyph)
    {
        var width = glyph.GetLength(1);
        return upper.Top + upper.Height <= lower.Top && IsFlatBar(upper, width) && IsFlatBar(lower, width)
            && Math.Min(upper.Width, lower.Width) >= (1 - EqualBars) * Math.Max(upper.Width, lower.Width);
    }

    private static bool IsFlatBar(InkPart part, int glyphWidth) =>
        part.Width >= BarSpan * glyphWidth && part.Height <= BarThickness * part.Width;
}
