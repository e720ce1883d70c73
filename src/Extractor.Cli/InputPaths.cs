using Extractor.Files;
using Extractor.Readers;
using Extractor.Store;

namespace Extractor.Cli;

/// <summary>
/// Files named on the command line, folders walked recursively. A path named on the command line is taken as the
/// user named it (a link given there is followed); inside a walk links are never followed (a link to a folder could
/// lead out of it, or loop), and links, FIFOs, sockets and devices are refused with the reason, never opened.
/// Temporary and hidden names are left alone and files of other kinds (notes, JSON) are counted as passed over.
/// </summary>
internal static class InputPaths
{
    /// <summary>
    /// An input to read: its path as raw bytes, how it is shown, and its name relative to the folder it was found in
    /// (with that folder's own name first, as when the folder is dropped into the inbox), in the store's safe spelling.
    /// </summary>
    public sealed record Input(byte[] Path, string Shown, string RelativeName);

    public sealed record Expansion(IReadOnlyList<Input> Files, IReadOnlyList<string> PassedOver, IReadOnlyList<(string Shown, string Reason)> Refused);

    public static Expansion Expand(IEnumerable<string> paths)
    {
        var files = new List<Input>();
        var passedOver = new List<string>();
        var refused = new List<(string, string)>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var root = Path.GetFullPath(path).TrimEnd('/');
                var rootName = Path.GetFileName(root);
                foreach (var entry in FolderWalk.Entries(root))
                {
                    var shown = Path.Combine(path, entry.Printable);
                    if (DataFolder.IsIgnoredName(entry.Name)) continue;
                    if (entry.Refusal is { } refusal) refused.Add((shown, refusal));
                    else if (!InputKindDetector.IsInputName(entry.Name)) passedOver.Add(shown);
                    else files.Add(new Input(entry.Path, shown, $"{rootName}/{entry.SafeRelativeName}"));
                }
            }
            else if (File.Exists(path))
            {
                var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
                files.Add(new Input(RawName.Bytes(target), path, RawName.Safe(RawName.Bytes(Path.GetFileName(path)))));
            }
            else
                throw new UsageException($"no such file or folder: {path}");
        }
        return new Expansion(files, passedOver, refused);
    }
}
