using System.IO.Compression;
using System.Text;

namespace Extractor.Tests.Shared;

/// <summary>
/// Small files that would take the machine if read naively: decompression bombs, page floods, deep nesting, endless
/// lines. Made on the fly (a few hundred KB each) so no bomb is stored in the repository.
/// </summary>
internal static class HostileFiles
{
    /// <summary>A one-page PDF whose content stream inflates to <paramref name="inflatedBytes"/> of spaces.</summary>
    public static byte[] FlateBomb(long inflatedBytes)
    {
        var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)' ');
            for (long written = 0; written < inflatedBytes; written += chunk.Length) zlib.Write(chunk);
        }
        return Pdf(
            [Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
             Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
             Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"),
             Stream("/Filter /FlateDecode", packed.ToArray())]);
    }

    /// <summary>A PDF of <paramref name="pages"/> empty pages (each would go to OCR if taken for a scan).</summary>
    public static byte[] BlankPages(int pages)
    {
        var kids = string.Join(' ', Enumerable.Range(0, pages).Select(i => $"{i + 3} 0 R"));
        var objects = new List<byte[]> { Ascii("<< /Type /Catalog /Pages 2 0 R >>"), Ascii($"<< /Type /Pages /Kids [{kids}] /Count {pages} >>") };
        objects.AddRange(Enumerable.Range(0, pages).Select(_ => Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")));
        return Pdf(objects);
    }

    /// <summary>A page whose only image is declared <paramref name="width"/> × <paramref name="height"/> (its data a tiny Flate stream).</summary>
    public static byte[] ImageBomb(int width, int height)
    {
        var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(new byte[1 << 16]);
        return Pdf(
            [Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
             Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
             Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>"),
             Stream("", Ascii("q 595 0 0 842 0 0 cm /Im1 Do Q")),
             Stream($"/Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode", packed.ToArray())]);
    }

    public static byte[] NestedDivs(int depth) =>
        Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "项目支出绩效自评表" + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>");

    public static byte[] OneLine(int characters) => Encoding.UTF8.GetBytes("项目名称\t" + new string('x', characters));

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Stream(string dictionary, byte[] data) =>
        [.. Ascii($"<< {dictionary} /Length {data.Length} >>\nstream\n"), .. data, .. Ascii("\nendstream")];

    private static byte[] Pdf(IReadOnlyList<byte[]> objects)
    {
        var pdf = new MemoryStream();
        void Write(string text) => pdf.Write(Ascii(text));
        Write("%PDF-1.4\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            Write($"{i + 1} 0 obj\n");
            pdf.Write(objects[i]);
            Write("\nendobj\n");
        }
        var xref = pdf.Length;
        Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) Write($"{offset:D10} 00000 n \n");
        Write($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }
}
