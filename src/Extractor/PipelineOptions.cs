using Extractor.Isolation;
using Extractor.Readers.Ocr;
using Microsoft.Extensions.Configuration;

namespace Extractor;

/// <summary>
/// The typed form of <c>pipeline.json</c>'s "Extractor" section, shared by the worker and the command line.
/// Defaults are the values documented here; <see cref="Validate"/> names every bad setting.
/// </summary>
public sealed class PipelineOptions
{
    public const string Section = "Extractor";

    /// <summary>The data folder (inbox, work, outbox, archive, quarantine, state); relative to pipeline.json. Default "data".</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Files read at once; 0 means one per core. Default 0.</summary>
    public int Parallelism { get; set; }

    /// <summary>A field read by OCR with less confidence than this (0..1) gets a low-confidence check. Default 0.80.</summary>
    public double LowConfidenceThreshold { get; set; } = 0.80;

    /// <summary>The inbox worker's timings.</summary>
    public WorkerOptions Worker { get; set; } = new();

    /// <summary>How files are read: supervised reader processes and their limits ("Extractor:Readers").</summary>
    public ReaderOptions Readers { get; set; } = new();

    /// <summary>Limits every input must stay within ("Extractor:Limits").</summary>
    public InputLimits Limits { get; set; } = new();

    /// <summary>The OCR reader's settings ("Extractor:Ocr").</summary>
    public OcrOptions Ocr { get; set; } = new();

    /// <summary>The folder pipeline.json was loaded from; relative paths in it are resolved against this.</summary>
    public string BaseFolder { get; set; } = Directory.GetCurrentDirectory();

    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;

    public string DataPath => Path.GetFullPath(Path.Combine(BaseFolder, DataFolder));

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DataFolder)) errors.Add("Extractor:DataFolder must name a folder");
        if (Parallelism < 0) errors.Add("Extractor:Parallelism must be 0 (one per core) or more");
        if (LowConfidenceThreshold is < 0 or > 1) errors.Add("Extractor:LowConfidenceThreshold must be between 0 and 1");
        if (Worker.RescanSeconds <= 0) errors.Add("Extractor:Worker:RescanSeconds must be above 0");
        if (Worker.ReadySeconds < 0) errors.Add("Extractor:Worker:ReadySeconds must be 0 or more");
        if (Worker.MaxRetrySeconds <= 0) errors.Add("Extractor:Worker:MaxRetrySeconds must be above 0");
        errors.AddRange(Readers.Validate());
        errors.AddRange(Limits.Validate());
        errors.AddRange(Ocr.Validate(BaseFolder));
        return errors;
    }

    /// <summary>Binds the options from a loaded configuration; the base folder is that of the file.</summary>
    public static PipelineOptions From(IConfiguration configuration, string baseFolder)
    {
        var options = new PipelineOptions();
        configuration.GetSection(Section).Bind(options);
        options.BaseFolder = baseFolder;
        return options;
    }
}

/// <summary>How the worker watches the inbox ("Extractor:Worker" in pipeline.json).</summary>
public sealed class WorkerOptions
{
    /// <summary>Full rescan of the inbox, for events the file watcher lost (overflow, network shares). Default 5 s.</summary>
    public double RescanSeconds { get; set; } = 5;

    /// <summary>A file is read only once its size and time stayed unchanged this long (and it opens exclusively). Default 1 s.</summary>
    public double ReadySeconds { get; set; } = 1;

    /// <summary>Longest wait between retries of a transient failure (locked file, unwritable outbox); waits double up to it. Default 30 s.</summary>
    public double MaxRetrySeconds { get; set; } = 30;

    /// <summary>Files waiting for a free reader; discovery waits when the queue is full. Default 64.</summary>
    public int QueueCapacity { get; set; } = 64;
}
