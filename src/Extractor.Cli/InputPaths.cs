using Extractor.Readers;
using Extractor.Store;

namespace Extractor.Cli;

/// <summary>
/// Files named on the command line, folders walked recursively. In a walk, temporary and hidden names are left
/// alone and files of other kinds (notes, JSON) are counted as passed over, not read.
/// </summary>
internal static class InputPaths
{
    public sealed record Expansion(IReadOnlyList<string> Files, IReadOnlyList<string> PassedOver);

    public static Expansion Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var passedOver = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(f => !DataFolder.IsIgnoredName(f)).Order(StringComparer.Ordinal))
                    (InputKindDetector.IsInputName(file) ? files : passedOver).Add(file);
            }
            else if (File.Exists(path))
                files.Add(path);
            else
                throw new UsageException($"no such file or folder: {path}");
        }
        return new Expansion(files, passedOver);
    }
}
