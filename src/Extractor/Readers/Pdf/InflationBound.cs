using System.IO.Compression;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Extractor.Readers.Pdf;

/// <summary>
/// Refuses a PDF holding a Flate stream that inflates past the limit (a decompression bomb: a few MB that PdfPig would
/// inflate to gigabytes), before any page is read. Deflate packs at most about 1032 bytes into one, so only streams
/// whose compressed size could reach the limit are inflated, into a counter and nowhere else.
/// </summary>
internal static class InflationBound
{
    private const int MaxDeflateRatio = 1032;

    public static void Check(PdfDocument document, long maxInflatedBytes)
    {
        var smallest = maxInflatedBytes / MaxDeflateRatio;
        foreach (var reference in document.Structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            if (StreamOf(document, reference) is not { } stream || stream.Data.Length < smallest || !IsFlate(stream)) continue;
            var inflated = InflatedLength(stream.Data, maxInflatedBytes);
            if (inflated > maxInflatedBytes)
                throw new InputRejectedException($"a compressed stream of the PDF (object {reference.ObjectNumber}) inflates to more than {maxInflatedBytes:N0} bytes (Extractor:Limits:MaxInflatedBytes): a decompression bomb, not a form");
        }
    }

    private static StreamToken? StreamOf(PdfDocument document, UglyToad.PdfPig.Core.IndirectReference reference)
    {
        try
        {
            return document.Structure.GetObject(reference).Data as StreamToken;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null; // a damaged object: the page that uses it reports it
        }
    }

    private static bool IsFlate(StreamToken stream) =>
        stream.StreamDictionary.TryGet(NameToken.Filter, out var filter)
        && (filter is NameToken { Data: "FlateDecode" } || filter is ArrayToken { Data: [NameToken { Data: "FlateDecode" }, ..] });

    /// <summary>Bytes the stream inflates to, counted up to just past <paramref name="max"/>; a stream that is no valid zlib counts what it gave.</summary>
    private static long InflatedLength(ReadOnlyMemory<byte> data, long max)
    {
        using var inflater = new ZLibStream(new MemoryStream(data.ToArray(), writable: false), CompressionMode.Decompress);
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            int read;
            while (total <= max && (read = inflater.Read(buffer)) > 0) total += read;
        }
        catch (InvalidDataException)
        {
            // Not zlib after all (or damaged): what PdfPig makes of it is its own matter.
        }
        return total;
    }
}
