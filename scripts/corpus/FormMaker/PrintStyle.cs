namespace FormMaker;

/// <summary>
/// How a case is printed by the producers that lay pages out: font, size, alignment of numbers, padding,
/// paper and orientation, and where page breaks are pushed to (a spacer before the first form, a break between forms).
/// </summary>
internal sealed record PrintStyle(string Font, double SizePt, string NumberAlign, int PaddingPx, string Paper, bool Landscape,
    int SpacerPx, bool BreakBetweenForms, double Narrowness)
{
    /// <summary>The CJK fonts of the fixture tools (scripts/setup.sh --fixture-tools), serif and sans.</summary>
    public static readonly string[] Fonts =
        ["Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "AR PL UMing CN", "AR PL UKai CN", "Droid Sans Fallback"];

    public static PrintStyle Draw(Random random) => new(
        Fonts[random.Next(Fonts.Length)],
        8 + random.Next(9) * 0.5,
        new[] { "left", "center", "right" }[random.Next(3)],
        random.Next(0, 7),
        random.NextDouble() < 0.3 ? "A3" : "A4",
        random.NextDouble() < 0.45,
        random.NextDouble() < 0.5 ? 0 : random.Next(20, 700),
        random.NextDouble() < 0.3,
        random.NextDouble());

    /// <summary>Paper width and height in millimetres, turned for landscape.</summary>
    public (int Width, int Height) PaperMillimetres => (Paper, Landscape) switch
    {
        ("A3", false) => (297, 420),
        ("A3", true) => (420, 297),
        (_, false) => (210, 297),
        _ => (297, 210),
    };
}
