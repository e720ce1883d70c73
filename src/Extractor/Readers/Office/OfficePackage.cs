using System.IO.Compression;
using System.Xml;

namespace Extractor.Readers.Office;

/// <summary>
/// ZIP packages (PK 03 04 …): an Office Open XML file says what it is in its [Content_Types].xml, by the content
/// type of its main part, whatever the file is called: a workbook (.xlsx, or .xlsm with macros, which are never
/// run) or a Word document (.docx). Any other ZIP (an .odt, a .pptx, an archive of files) is refused.
/// </summary>
internal static class OfficePackage
{
    /// <summary>Largest [Content_Types].xml read, in bytes: a real one is a few kilobytes.</summary>
    private const int MaxContentTypesBytes = 1024 * 1024;

    private static readonly Dictionary<string, InputKind> MainParts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"] = InputKind.Xlsx,
        ["application/vnd.ms-excel.sheet.macroEnabled.main+xml"] = InputKind.Xlsx,
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"] = InputKind.Xlsx,
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"] = InputKind.Docx,
        ["application/vnd.ms-word.document.macroEnabled.main+xml"] = InputKind.Docx,
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"] = InputKind.Docx,
    };

    public static InputKind Kind(byte[] bytes)
    {
        var types = ContentTypes(bytes)
            ?? throw new InputRejectedException("a ZIP archive that is no Office file (no [Content_Types].xml): only .xlsx, .xlsm and .docx packages are read");
        foreach (var type in types)
            if (MainParts.TryGetValue(type, out var kind)) return kind;
        throw new InputRejectedException("an Office package of no supported kind (not a workbook or a Word document: a presentation, say)");
    }

    /// <summary>The content types the package declares for its parts; null when it has no [Content_Types].xml.</summary>
    private static List<string>? ContentTypes(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var entry = zip.GetEntry("[Content_Types].xml");
            if (entry is null) return null;
            using var stream = new BoundedStream(entry.Open(), MaxContentTypesBytes, "its [Content_Types].xml");
            using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var types = new List<string>();
            while (xml.Read())
                if (xml is { NodeType: XmlNodeType.Element, LocalName: "Override" } && xml.GetAttribute("ContentType") is { } type)
                    types.Add(type);
            return types;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            throw new InputRejectedException($"the ZIP package is damaged or truncated ({e.Message})", e);
        }
    }
}
