using System.Net;
using System.Text;

namespace FormMaker;

/// <summary>
/// An official seal as Chinese offices stamp them (公章): a 42 mm red ring, the unit's name around the top, a star in
/// the middle and the seal's use below, in a CJK font; drawn as SVG, printed by headless Chromium on a page of its
/// own size and rasterised by pdftoppm at the scan's resolution in colour on white.
/// </summary>
internal static class SealArtwork
{
    /// <summary>Diameter of a unit's official seal, in millimetres.</summary>
    private const int DiameterMm = 42;

    private static readonly string[] Uses = ["", "财务专用章", "业务专用章"];

    /// <summary>Writes the seal of <paramref name="unit"/> as an RGB PNG at <paramref name="dpi"/> into <paramref name="work"/>; returns its path.</summary>
    public static string Render(string unit, int dpi, Random random, string work)
    {
        var use = Uses[random.Next(Uses.Length)];
        var ink = random.Next(3) switch { 0 => "#d7262b", 1 => "#c8102e", _ => "#e03a3e" };
        var opacity = (0.7 + random.NextDouble() * 0.25).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var html = $$"""
            <html><head><meta charset="utf-8"><style>@page { size: {{DiameterMm}}mm {{DiameterMm}}mm; margin: 0 } body { margin: 0 }</style></head>
            <body><svg width="{{DiameterMm}}mm" height="{{DiameterMm}}mm" viewBox="0 0 420 420" opacity="{{opacity}}">
            <defs><path id="arc" d="M 75 250 A 150 150 0 1 1 345 250"/></defs>
            <circle cx="210" cy="210" r="196" fill="none" stroke="{{ink}}" stroke-width="14"/>
            <polygon fill="{{ink}}" points="{{Star(210, 205, 58)}}"/>
            <text fill="{{ink}}" font-family="Noto Serif CJK SC" font-weight="bold" font-size="46">
              <textPath href="#arc" startOffset="50%" text-anchor="middle">{{WebUtility.HtmlEncode(unit)}}</textPath></text>
            <text fill="{{ink}}" x="210" y="330" text-anchor="middle" font-family="Noto Serif CJK SC" font-size="38">{{use}}</text>
            </svg></body></html>
            """;
        var page = Path.Combine(work, "seal.html");
        File.WriteAllText(page, html, new UTF8Encoding(false));
        var pdf = Path.Combine(work, "seal.pdf");
        ChromiumPdfProducer.Print(page, pdf, work);
        var prefix = Path.Combine(work, "seal");
        ToolRun.Run("pdftoppm", ["-r", dpi.ToString(), "-png", "-singlefile", pdf, prefix], TimeSpan.FromMinutes(1));
        return prefix + ".png";
    }

    /// <summary>A five-pointed star's points around a centre, its tips at <paramref name="radius"/>.</summary>
    private static string Star(double cx, double cy, double radius) => string.Join(" ", Enumerable.Range(0, 10).Select(i =>
    {
        var r = i % 2 == 0 ? radius : radius * 0.382;
        var angle = -Math.PI / 2 + i * Math.PI / 5;
        return FormattableString.Invariant($"{cx + r * Math.Cos(angle):0.#},{cy + r * Math.Sin(angle):0.#}");
    }));
}
