using System.Text.RegularExpressions;

namespace Extractor.Output;

/// <summary>
/// Files readers never see half-written (outbox documents, quarantine notes): a temporary file in the same folder,
/// flushed to disk, then renamed over the name. The temporary name carries the writer's process id, so a later run
/// can tell a crashed writer's leftovers from a live writer's file (<see cref="TemporaryFileOwner"/>).
/// </summary>
public static partial class AtomicFile
{
    public static void Write(string path, byte[] bytes)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>The process id a temporary file of <see cref="Write"/> was made by; null for any other name.</summary>
    public static int? TemporaryFileOwner(string path)
    {
        var match = TemporaryName().Match(Path.GetFileName(path));
        return match.Success && int.TryParse(match.Groups[1].Value, out var pid) ? pid : null;
    }

    [GeneratedRegex(@"^\..+\.(\d+)-[0-9a-f]{32}\.tmp$")]
    private static partial Regex TemporaryName();
}
