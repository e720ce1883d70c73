namespace Extractor.Readers.Ocr;

/// <summary>
/// Characters a scan reads as their shape twin (目 as 日, 自 as 白, 文 as 义, a stroke lost to a bilevel scan's
/// thinning) inside words these forms print, where the misread word is none a form prints: 绩效日标 is 绩效目标.
/// Only whole words are mended, never a character alone.
/// </summary>
internal static class ShapeTwins
{
    private static readonly (string Misread, string Word)[] Words =
        [("日标", "目标"), ("项日", "项目"), ("白然资源", "自然资源"), ("义化", "文化")];

    public static string Mend(string text) =>
        Words.Aggregate(text, (mended, twin) => mended.Replace(twin.Misread, twin.Word, StringComparison.Ordinal));
}
