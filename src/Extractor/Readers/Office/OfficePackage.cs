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
    /// <summary>Largest [Content_Types].xml or _rels/.rels read, in bytes: a real one is a few kilobytes.</summary>
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
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var types = zip.GetEntry("[Content_Types].xml")
                ?? throw new InputRejectedException("a ZIP archive that is no Office file (no [Content_Types].xml): only .xlsx, .xlsm and .docx packages are read");
            var (defaults, overrides) = ContentTypes(types);
            // The main part is the target of the package's officeDocument relationship; its type is its override, else its extension's default.
            var main = MainPart(zip.GetEntry("_rels/.rels"));
            var type = main is null ? null
                : overrides.GetValueOrDefault(main) ?? defaults.GetValueOrDefault(Path.GetExtension(main).TrimStart('.'));
            if (type is not null && MainParts.TryGetValue(type, out var kind)) return kind;
            foreach (var declared in overrides.Values)
                if (MainParts.TryGetValue(declared, out kind)) return kind;
            throw new InputRejectedException("an Office package of no supported kind (not a workbook or a Word document: a presentation, say)");
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            throw new InputRejectedException($"the ZIP package is damaged or truncated ({e.Message})", e);
        }
    }

    /// <summary>The package's content types: by extension, and by part name (with its leading '/').</summary>
    private static (Dictionary<string, string> Defaults, Dictionary<string, string> Overrides) ContentTypes(ZipArchiveEntry entry)
    {
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, attributes) in Elements(entry, "Default", "Override"))
            if (attributes.GetValueOrDefault("ContentType") is { } type)
            {
                if (name == "Default" && attributes.GetValueOrDefault("Extension") is { } extension) defaults[extension] = type;
                if (name == "Override" && attributes.GetValueOrDefault("PartName") is { } part) overrides[part] = type;
            }
        return (defaults, overrides);
    }

    /// <summary>The part name ("/word/document.xml") the package's officeDocument relationship points to; null without one.</summary>
    private static string? MainPart(ZipArchiveEntry? rels)
    {
        if (rels is null) return null;
        foreach (var (_, attributes) in Elements(rels, "Relationship"))
            if (attributes.GetValueOrDefault("Type") is { } type && type.EndsWith("/officeDocument", StringComparison.Ordinal)
                && attributes.GetValueOrDefault("Target") is { } target)
                return "/" + target.TrimStart('/');
        return null;
    }

    /// <summary>The elements of a small XML part with the given local names, with their attributes; the part is read up to a bound.</summary>
    private static List<(string Name, Dictionary<string, string> Attributes)> Elements(ZipArchiveEntry entry, params string[] names)
    {
        using var stream = new BoundedStream(entry.Open(), MaxContentTypesBytes, $"the package's {entry.FullName} is over {MaxContentTypesBytes:N0} bytes: not an Office file");
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var found = new List<(string, Dictionary<string, string>)>();
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || !names.Contains(xml.LocalName)) continue;
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            while (xml.MoveToNextAttribute()) attributes[xml.LocalName] = xml.Value;
            xml.MoveToElement();
            found.Add((xml.LocalName, attributes));
        }
        return found;
    }
}
