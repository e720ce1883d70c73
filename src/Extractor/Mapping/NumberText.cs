using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Extractor.Mapping;

/// <summary>How a numeric cell was printed; OutOfRange is a number too large to hold (<see cref="NumberText.Limit"/>).</summary>
public enum NumberKind { Blank, Number, Placeholder, Unreadable, OutOfRange }

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
    /// <summary>
    /// The magnitude from which a value, in the unit it is kept in (yuan for amounts), is out of range: 10^16, ten
    /// quadrillion yuan, far above any budget, and the first amount the store's DECIMAL(18,2) cannot hold. Below it,
    /// sums and the execution rate are safe from overflow.
    /// </summary>
    public const decimal Limit = 10_000_000_000_000_000m;

    /// <summary>Reads the cell; <paramref name="multiplier"/> turns the printed unit into the kept one (10,000 for 万元).</summary>
    public static NumberReading Read(string? text, decimal multiplier = 1m)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(NumberKind.Blank, null, null);
        var printed = text.Trim();
        var s = ToAscii(printed);
        if (Placeholder().IsMatch(s)) return new(NumberKind.Placeholder, null, printed);
        var m = Numeric().Match(s);
        if (!m.Success) return new(NumberKind.Unreadable, null, printed);
        var digits = m.Groups["n"].Value.Replace(",", "");
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || Math.Abs(value) >= Limit / Math.Max(multiplier, 1m))
            return new(NumberKind.OutOfRange, null, printed);
        return new(NumberKind.Number, Normalize(value * multiplier), printed);
    }

    /// <summary>
    /// True for text printed as a number, in range or not, or in the shape of one that does not read ("194,30", a
    /// number a narrow cell cut off): for typing cells when aligning rows. Such a cell still reads as unreadable.
    /// </summary>
    public static bool LooksNumeric(string? text) =>
        Read(text).Kind is NumberKind.Number or NumberKind.OutOfRange || text is not null && NumberShaped().IsMatch(ToAscii(text));

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

    [GeneratedRegex(@"^\s*[-+]?[\d,.]*\d[\d,.]*\s*%?\s*$")]
    private static partial Regex NumberShaped();

    [GeneratedRegex(@"^#(REF!|DIV/0!|VALUE!|N/A|NAME\?|NUM!|NULL!)$", RegexOptions.IgnoreCase)]
    private static partial Regex SpreadsheetError();
}
