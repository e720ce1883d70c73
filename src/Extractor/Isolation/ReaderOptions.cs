namespace Extractor.Isolation;

/// <summary>How files are read ("Extractor:Readers" in pipeline.json): in supervised child processes, by default.</summary>
public sealed class ReaderOptions
{
    public const string InProcess = "in-process";
    public const string Processes = "processes";

    /// <summary>
    /// "processes" (default): the worker, import and extract hand each file to a pool of reader processes of the same
    /// program, so a file that exhausts memory, hangs or crashes a reader takes only that process. "in-process": read
    /// in the calling process (faster to start; what the accuracy report and library tests use).
    /// </summary>
    public string Isolation { get; set; } = Processes;

    /// <summary>Longest a reader may take over one file, in seconds, before it is killed. Default 600.</summary>
    public double TimeoutSeconds { get; set; } = 600;

    /// <summary>
    /// Most memory a reader process may hold, in MiB: its .NET heap is capped below it, and it is killed when its
    /// resident memory passes it (OCR engines hold native memory too). Default 1536.
    /// </summary>
    public int MemoryLimitMegabytes { get; set; } = 1536;

    /// <summary>Times a file may stop its reader (killed, crashed, or the whole worker stopped) before it is quarantined. Default 2.</summary>
    public int Attempts { get; set; } = 2;

    public bool InProcessOnly => Isolation == InProcess;

    public IEnumerable<string> Validate()
    {
        if (Isolation is not (InProcess or Processes))
            yield return $"Extractor:Readers:Isolation must be \"{Processes}\" or \"{InProcess}\"";
        if (TimeoutSeconds <= 0) yield return "Extractor:Readers:TimeoutSeconds must be above 0";
        if (MemoryLimitMegabytes < 128) yield return "Extractor:Readers:MemoryLimitMegabytes must be at least 128";
        if (Attempts < 1) yield return "Extractor:Readers:Attempts must be at least 1";
    }
}
