using System.Globalization;
using System.Text.RegularExpressions;

using Extractor.Output;

namespace Extractor.Mapping;

/// <summary>
/// A target whose ≥ the recogniser read as a leading 2 ("≥92万元" → "292万元", sure of it): the target without that 2
/// lies near the actual value in the same unit, the whole target far above it. On a form read by OCR such a target is
/// taken as the ≥ (<see cref="Repair"/>), and the low-confidence check still flags it from its printed reading: a
/// target three times its actual value whose digits after a 2 are the actual's is far likelier a misread sign.
/// </summary>
public static partial class SignReadAsTwo
{
    /// <summary>The target without its 2 is within this factor of the actual value. Default 1.5.</summary>
    public const double NearFactor = 1.5;

    /// <summary>The whole target is at least this many times the actual value. Default 2.</summary>
    public const double FarFactor = 2;

    public static bool Suspect(string? target, string? actual)
    {
        if (target is null || actual is null) return false;
        if (LeadingTwo().Match(target) is not { Success: true } t || Plain().Match(actual) is not { Success: true } a) return false;
        if (t.Groups["unit"].Value != a.Groups["unit"].Value) return false;
        var rest = double.Parse(t.Groups["rest"].Value, CultureInfo.InvariantCulture);
        var whole = double.Parse("2" + t.Groups["rest"].Value, CultureInfo.InvariantCulture);
        var value = double.Parse(a.Groups["value"].Value, CultureInfo.InvariantCulture);
        return value > 0 && rest / value is >= 1 / NearFactor and <= NearFactor && whole / value >= FarFactor;
    }

    /// <summary>Each target of the form that is a ≥ read as a 2 becomes the ≥ and its number.</summary>
    public static void Repair(EvaluationForm form)
    {
        foreach (var indicator in form.Indicators)
            if (Suspect(indicator.Target, indicator.Actual)) indicator.Target = "≥" + indicator.Target![1..];
    }

    [GeneratedRegex(@"^2(?<rest>\d+(\.\d+)?)(?<unit>\D*)$")]
    private static partial Regex LeadingTwo();

    [GeneratedRegex(@"^(?<value>\d+(\.\d+)?)(?<unit>\D*)$")]
    private static partial Regex Plain();
}
