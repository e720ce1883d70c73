using System.Text.RegularExpressions;

namespace Extractor.Readers.Ocr;

/// <summary>
/// Misreadings of a target's number fixed from the text alone: a space read after a leading comparison sign
/// ("≥ 97%": targets print the sign against the number), and a zero read as a letter or a full stop ("=O次",
/// "=。次", or "。" alone in a split 指标值 column), where no form prints either; a 7 read 了 alone in a cell (a score,
/// a weight: no form prints 了 alone).
/// </summary>
internal static partial class TargetMisreadings
{
    public static string Tidy(string text) =>
        LoneZero().IsMatch(text) ? "0" : text == LoneSeven ? "7" : ZeroAfterSign().Replace(SpaceAfterSign().Replace(text, "$1"), "${1}0");

    /// <summary>What PP-OCR reads a lone 7 as (its hook is 了's).</summary>
    private const string LoneSeven = "了";

    [GeneratedRegex(@"^([≥≤=<>]=?)\s+(?=\d)")]
    private static partial Regex SpaceAfterSign();

    /// <summary>A sign, then O, o, 〇 or 。 where a zero stands, then a unit (not a digit: "=O.5" is no number).</summary>
    [GeneratedRegex(@"^([≥≤=<>]=?)[OoＯ〇。](?=$|[^\d.,%])")]
    private static partial Regex ZeroAfterSign();

    /// <summary>A cell holding nothing but a zero's misreading.</summary>
    [GeneratedRegex(@"^[OoＯ。]$")]
    private static partial Regex LoneZero();
}
