using System.Globalization;

namespace FormMaker;

/// <summary>How numbers are printed on a form, in the ways offices print them; every text reads back to its value.</summary>
internal static class Printed
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A weight, score or total: "12.5", "10", or with two decimals ("10.00") on forms that print them so.</summary>
    public static string Points(decimal value, bool twoDecimals) =>
        twoDecimals ? value.ToString("0.00", Invariant) : value.ToString("0.##", Invariant);

    /// <summary>An amount in yuan as printed in the form's unit: 元 as "1,860,000.00", "1860000.00" or "1,860,000"; 万元 as "312.50".</summary>
    public static string Amount(decimal yuan, bool wan, int style)
    {
        if (wan) return (yuan / 10000m).ToString(style == 1 ? "#,##0.00" : "0.00", Invariant);
        return style switch
        {
            0 => yuan.ToString("#,##0.00", Invariant),
            1 => yuan.ToString("0.00", Invariant),
            _ => yuan == decimal.Truncate(yuan) ? yuan.ToString("#,##0", Invariant) : yuan.ToString("#,##0.0#", Invariant),
        };
    }

    /// <summary>A rate in percent: "95.60%", or "100%" when whole and the form prints it so.</summary>
    public static string Rate(decimal percent, bool trimWhole) =>
        trimWhole && percent == decimal.Truncate(percent) ? percent.ToString("0", Invariant) + "%" : percent.ToString("0.00", Invariant) + "%";

    /// <summary>A measured quantity: whole numbers plain, others with at most one decimal.</summary>
    public static string Quantity(decimal value) => value.ToString("0.#", Invariant);
}
