using System.IO.Compression;
using System.Xml;

namespace Extractor.Readers.Office;

/// <summary>
/// Refuses an Office package (.xlsx, .docx) that would take the reader's memory or time before any library opens it:
/// every part is inflated once into a counter (a ZIP bomb stops at Extractor:Limits:MaxInflatedBytes for the whole
/// package, and at MaxTextBytes for one XML part), and every worksheet's rows and cells are counted by a streaming
/// read (MaxSheetRows, MaxSheetCells), since the workbook library builds a whole sheet in memory.
/// </summary>
internal static class PackageBound
{
    /// <summary>Most parts (files) a package may hold: a workbook of forms has a few dozen.</summary>
    private const int MaxParts = 10_000;

    public static void Check(byte[] bytes, InputLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxParts)
                throw new InputRejectedException($"the Office package holds {zip.Entries.Count:N0} parts, over the {MaxParts:N0} a document may have: not a form");
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                var xml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
                var left = limits.MaxInflatedBytes - total;
                var (limit, reason) = xml && limits.MaxTextBytes < left
                    ? (limits.MaxTextBytes, $"the part {entry.FullName} of the Office package inflates to more than {limits.MaxTextBytes:N0} bytes (Extractor:Limits:MaxTextBytes): a decompression bomb or a data dump, not a form")
                    : (left, $"the Office package inflates to more than {limits.MaxInflatedBytes:N0} bytes (Extractor:Limits:MaxInflatedBytes): a decompression bomb, not a form");
                using var stream = new BoundedStream(entry.Open(), limit, reason);
                if (IsWorksheet(entry.FullName)) CountSheet(stream, entry.FullName, limits);
                total += stream.Drain();
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            throw new InputRejectedException($"the Office package is damaged or truncated ({e.Message})", e);
        }
    }

    private static bool IsWorksheet(string name) =>
        name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Counts the sheet's rows (by their highest number, so sparse rows count too) and cells, refusing past the limits as soon as they are passed.</summary>
    private static void CountSheet(Stream stream, string part, InputLimits limits)
    {
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
        long rows = 0, cells = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "row")
                rows = Math.Max(rows + 1, long.TryParse(xml.GetAttribute("r"), out var r) ? r : 0);
            else if (xml.LocalName == "c")
                cells++;
            else continue;
            if (rows > limits.MaxSheetRows || cells > limits.MaxSheetCells)
                limits.CheckSheet($"the worksheet {part}", rows, cells);
        }
    }
}
