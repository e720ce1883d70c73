using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Extractor.Mapping;

/// <summary>How a numeric cell was printed.</summary>
public enum NumberKind { Blank, Number, Placeholder, Unreadable }

/// <summary>A numeric cell as read: its value when it is one, and what was printed either way.</summary>
public readonly record struct NumberReading(NumberKind Kind, decimal? Value, string? Printed)
{
    public bool IsNumber => Kind == NumberKind.Number;
}

/// <summary>
/// Numbers as the forms print them: "854,500", "854500.00", "883,778.8", "100.00%", "20分", "２０";
/// dashes and slashes are placeholders for nothing; anything else is unreadable, never guessed.
/// </summary>
public static partial class NumberText
{
    public static NumberReading Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(NumberKind.Blank, null, null);
        var printed = text.Trim();
        var s = ToAscii(printed);
        if (Placeholder().IsMatch(s)) return new(NumberKind.Placeholder, null, printed);
        var m = Numeric().Match(s);
        if (!m.Success) return new(NumberKind.Unreadable, null, printed);
        var value = decimal.Parse(m.Groups["n"].Value.Replace(",", ""), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return new(NumberKind.Number, Normalize(value), printed);
    }

    /// <summary>True for text that reads as a number (for typing cells when aligning rows).</summary>
    public static bool LooksNumeric(string? text) => Read(text).IsNumber;

    /// <summary>True for what a spreadsheet prints for a broken formula.</summary>
    public static bool IsSpreadsheetError(string? text) =>
        text is not null && SpreadsheetError().IsMatch(text.Trim());

    /// <summary>Drops trailing zeros so 854500.00 and 854500 are the same value and print the same.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    private static string ToAscii(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
            sb.Append(ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch == '\u3000' ? ' ' : ch);
        return sb.ToString();
    }

    [GeneratedRegex(@"^\s*[-—–―−/\\_]+\s*$")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\s*(?<n>[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?)\s*(%|分|元|万元)?\s*$")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^#(REF!|DIV/0!|VALUE!|N/A|NAME\?|NUM!|NULL!)$", RegexOptions.IgnoreCase)]
    private static partial Regex SpreadsheetError();
}
