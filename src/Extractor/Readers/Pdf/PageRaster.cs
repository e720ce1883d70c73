using System.Diagnostics;
using System.Globalization;

namespace Extractor.Readers.Pdf;

/// <summary>
/// A PDF page drawn as a PNG by poppler's pdftoppm: for OCR of a page drawn with vectors only, and for the
/// page image `extractor debug` draws the found grid over. The PDF goes in on stdin; the PNG is written to a
/// temporary file (poppler 22 writes nothing to stdout for PNG) and read back.
/// </summary>
public static class PageRaster
{
    /// <summary>Throws <see cref="InputRejectedException"/> with poppler's message when the page cannot be drawn.</summary>
    public static byte[] Png(byte[] pdf, int pageNumber, int dpi, bool grey)
    {
        var page = pageNumber.ToString(CultureInfo.InvariantCulture);
        var prefix = Path.Combine(Path.GetTempPath(), $"extractor-page-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("pdftoppm") { RedirectStandardInput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["-r", dpi.ToString(CultureInfo.InvariantCulture), .. grey ? ["-gray"] : Array.Empty<string>(), "-png", "-singlefile", "-f", page, "-l", page, "-", prefix])
            start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start) ?? throw new InputRejectedException("pdftoppm (poppler-utils) could not be started");
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardInput.BaseStream.Write(pdf);
            process.StandardInput.Close();
            process.WaitForExit();
            if (process.ExitCode != 0 || !File.Exists(prefix + ".png"))
                throw new InputRejectedException($"pdftoppm could not draw page {pageNumber}: {errors.Result.Trim()}");
            return File.ReadAllBytes(prefix + ".png");
        }
        finally
        {
            File.Delete(prefix + ".png");
        }
    }
}
