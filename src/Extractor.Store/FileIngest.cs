using System.Diagnostics;
using System.Text.Json;
using Extractor.Files;
using Extractor.Isolation;
using Extractor.Output;
using Extractor.Readers;
using Serilog;

namespace Extractor.Store;

/// <summary>What happened to one file; <see cref="Retry"/> means a transient failure: try again later, never quarantine.</summary>
public enum IngestStatus { Processed, Duplicate, Quarantined, Retry }

public sealed record IngestResult(IngestStatus Status, string? Reason, string? Kind, IReadOnlyList<EvaluationForm> Forms)
{
    public static IngestResult Retry(string reason) => new(IngestStatus.Retry, reason, null, []);
}

/// <summary>How the original is treated: the worker moves it into archive/ or quarantine/; import leaves it where it is.</summary>
public enum OriginalHandling { Move, Keep }

/// <summary>
/// Puts one file into the store, the same way for the worker and for import: claim its content in the ledger,
/// read it, write its JSON atomically into outbox/, then archive (or quarantine with an error.json) the original.
/// Every step is safe to repeat, so a crash anywhere is finished by the next run without lost or doubled output.
/// A claim is given back whenever a step fails, so the next attempt (the worker's back-off) can take it again.
/// </summary>
public sealed class FileIngest(IFileExtractor extractor, PipelineOptions options, DataFolder data, Ledger.Ledger ledger, ILogger log)
{
    public IngestResult Ingest(string path, string relativeName, OriginalHandling handling, CancellationToken cancellationToken) =>
        Ingest(RawName.Bytes(Path.GetFullPath(path)), relativeName, handling, cancellationToken);

    /// <summary>As <see cref="Ingest(string, string, OriginalHandling, CancellationToken)"/> for a path given as raw bytes (import of names that are not UTF-8).</summary>
    public IngestResult Ingest(byte[] path, string relativeName, OriginalHandling handling, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        InputFile file;
        try
        {
            file = InputFile.Load(path, Path.GetFileName(relativeName), options.Limits.MaxFileBytes);
        }
        catch (InputRejectedException e)
        {
            return Refuse(path, relativeName, e.Reason, handling);
        }
        catch (IOException e)
        {
            log.Warning("{File}: cannot be read yet ({Reason}); will retry", relativeName, e.Message);
            return IngestResult.Retry(e.Message);
        }

        switch (ledger.TryClaim(file.Sha256, relativeName))
        {
            case Ledger.Claim.Busy:
                return IngestResult.Retry("the same content is being processed elsewhere");
            case Ledger.Claim.Duplicate:
                Archive(path, relativeName, file.Sha256, handling);
                ledger.RecordDuplicate(file.Sha256, relativeName);
                log.Information("{File}: duplicate of content already processed ({Sha}); archived, no new JSON", relativeName, file.Sha256[..12]);
                return new IngestResult(IngestStatus.Duplicate, null, null, []);
        }

        try
        {
            return Claimed(path, relativeName, file, handling, clock, cancellationToken);
        }
        catch
        {
            GiveBack(file.Sha256);
            throw;
        }
    }

    private IngestResult Claimed(byte[] path, string relativeName, InputFile file, OriginalHandling handling, Stopwatch clock, CancellationToken cancellationToken)
    {
        var (stops, stoppedReader) = ledger.StopsSoFar(file.Sha256);
        if (stops >= options.Readers.Attempts)
            return Quarantine(path, relativeName, file, null, StoppedTooOften(stops, stoppedReader), handling, clock);

        FileExtraction extraction;
        try
        {
            extraction = Read(file, cancellationToken);
        }
        catch (InputRejectedException e)
        {
            return Quarantine(path, relativeName, file, e.Reader, e.Reason, handling, clock);
        }
        catch (ReaderStoppedException e)
        {
            ledger.RecordStoppedReader(file.Sha256, e.Reason);
            if (stops + 1 >= options.Readers.Attempts)
                return Quarantine(path, relativeName, file, null, StoppedTooOften(stops + 1, e.Reason), handling, clock);
            ledger.Release(file.Sha256);
            log.Warning("{File}: {Reason}; will try again", relativeName, e.Reason);
            return IngestResult.Retry(e.Reason);
        }
        catch (IOException e)
        {
            ledger.Release(file.Sha256);
            log.Warning("{File}: {Reason}; will retry", relativeName, e.Message);
            return IngestResult.Retry(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Quarantine(path, relativeName, file, null, $"the reader failed: {e.GetType().Name}: {e.Message}", handling, clock);
        }

        var outputs = new List<string>();
        try
        {
            foreach (var form in extraction.Forms)
                outputs.Add(Path.GetFileName(FormJson.Write(form, data.Outbox)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ledger.Release(file.Sha256);
            log.Warning("{File}: the outbox cannot be written ({Reason}); will retry", relativeName, e.Message);
            return IngestResult.Retry(e.Message);
        }

        var archivePath = handling == OriginalHandling.Move ? DataFolder.FreePath(data.Archive, relativeName, file.Sha256) : null;
        ledger.Prepare(file.Sha256, extraction.Kind.ToString(), outputs, archivePath, archivePath ?? RawName.Text(path));
        if (archivePath is not null) MoveInto(path, archivePath);
        ledger.Complete(file.Sha256, relativeName, clock.Elapsed.TotalMilliseconds);

        var skipped = extraction.Skipped.Count == 0 ? "" : $"; skipped {string.Join("; ", extraction.Skipped.Select(s => $"form {s.Position}: {s.Reason}"))}";
        log.Information("{File}: {Forms} forms ({Kind}, {Checks} checks) in {Elapsed:0} ms{Skipped}",
            relativeName, extraction.Forms.Count, extraction.Kind, extraction.Forms.Sum(f => f.Checks.Count), clock.Elapsed.TotalMilliseconds, skipped);
        return new IngestResult(IngestStatus.Processed, null, extraction.Kind.ToString(), extraction.Forms);
    }

    /// <summary>
    /// The read. Read in this process, it is counted in the ledger while it runs, so that a file that takes the whole
    /// worker down is seen at the next start; a reader process that is stopped instead counts through its exception.
    /// </summary>
    private FileExtraction Read(InputFile file, CancellationToken cancellationToken)
    {
        if (!extractor.ReadsInThisProcess) return extractor.Extract(file, cancellationToken);
        ledger.BeginRead(file.Sha256);
        try
        {
            return extractor.Extract(file, cancellationToken);
        }
        finally
        {
            ledger.EndRead(file.Sha256);
        }
    }

    private static string StoppedTooOften(int reads, string? lastReason) =>
        $"it stopped its reader {reads} times (Extractor:Readers:Attempts): {lastReason ?? "the worker itself ended while reading it"}";

    /// <summary>Best effort: the claim is given back so a later attempt takes it; when even the ledger fails, recovery at the next start does.</summary>
    private void GiveBack(string sha256)
    {
        try
        {
            ledger.Release(sha256);
        }
        catch (Exception e)
        {
            log.Warning("the ledger could not give back a claim ({Reason}); the next start will", e.Message);
        }
    }

    /// <summary>
    /// What a crashed run left: temporary outputs and notes whose writer is gone are removed (the complete file was never
    /// renamed into place); contents it had written and archived but not recorded are finished; the rest given back.
    /// A lost ledger is first rebuilt from the outbox and the quarantine notes (<see cref="Ledger.LedgerRebuild"/>).
    /// </summary>
    public void Recover()
    {
        Ledger.LedgerRebuild.IfLost(data, ledger, log);
        foreach (var temp in Temporaries())
            if (AtomicFile.TemporaryFileOwner(temp) is { } pid && !OwnerProcess.IsRunning(pid))
                File.Delete(temp);

        foreach (var stale in ledger.StaleClaims())
        {
            if (stale.ArchivePath is not null && File.Exists(stale.ArchivePath))
            {
                ledger.Complete(stale.Sha256, stale.Name, 0);
                log.Information("{File}: finished after a restart (outputs were written and the original archived)", stale.Name);
            }
            else
            {
                ledger.Release(stale.Sha256);
            }
        }
    }

    /// <summary>
    /// Temporary names in the outbox and anywhere in the quarantine. The quarantine holds refused links (one may point
    /// at "/"), so it is walked with <see cref="FolderWalk"/>, which never follows a link.
    /// </summary>
    private IEnumerable<string> Temporaries()
    {
        if (Directory.Exists(data.Outbox))
            foreach (var temp in Directory.EnumerateFiles(data.Outbox, ".*.tmp", SearchOption.TopDirectoryOnly))
                yield return temp;
        if (!Directory.Exists(data.Quarantine)) yield break;
        foreach (var entry in FolderWalk.Entries(data.Quarantine))
            if (entry.Kind == EntryKind.File && entry.RelativeText is not null && entry.Name.EndsWith(".tmp", StringComparison.Ordinal))
                yield return Path.Combine(data.Quarantine, entry.RelativeText);
    }

    /// <summary>
    /// An entry that is no file the store may read (a link, a FIFO, a file over the size limit): the worker moves the
    /// entry itself into quarantine (rename: a link stays a link, nothing is opened); import leaves it where it is. Either
    /// way a note says why, and nothing behind a link is ever read or copied.
    /// </summary>
    public IngestResult Refuse(byte[] path, string relativeName, string reason, OriginalHandling handling)
    {
        var target = DataFolder.FreePath(data.Quarantine, relativeName, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(path)));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        WriteNote(target, new QuarantineNote(relativeName, null, reason, null, DateTimeOffset.UtcNow, 0, ledger.OriginalName(relativeName)));
        if (handling == OriginalHandling.Move) NativeFiles.Rename(path, RawName.Bytes(target));
        ledger.RecordRefusedEntry(relativeName);
        log.Error("{File}: quarantined: {Reason}", relativeName, reason);
        return new IngestResult(IngestStatus.Quarantined, reason, null, []);
    }

    /// <summary>
    /// Puts the original (worker) or a copy of it (import) into quarantine/ with its note. An import of content
    /// already there only renews that copy's note: importing again never adds a second copy.
    /// </summary>
    private IngestResult Quarantine(byte[] path, string relativeName, InputFile file, string? kind, string reason, OriginalHandling handling, Stopwatch clock)
    {
        var kept = handling == OriginalHandling.Keep ? KeptCopy(file.Sha256) : null;
        var target = kept ?? DataFolder.FreePath(data.Quarantine, relativeName, file.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        WriteNote(target, new QuarantineNote(relativeName, file.Sha256, reason, kind, DateTimeOffset.UtcNow, ledger.Attempts(file.Sha256), ledger.OriginalName(relativeName)));
        if (handling == OriginalHandling.Move) MoveInto(path, target);
        else if (kept is null) File.WriteAllBytes(target, file.Bytes);
        ledger.Quarantine(file.Sha256, relativeName, kind, reason, clock.Elapsed.TotalMilliseconds, target);
        if (kept is null) log.Error("{File}: quarantined: {Reason}", relativeName, reason);
        else log.Error("{File}: quarantined: {Reason} (the same content is already in {Copy}; its note was renewed)", relativeName, reason, kept);
        return new IngestResult(IngestStatus.Quarantined, reason, kind, []);
    }

    /// <summary>The quarantine copy of this content an earlier run made, if it is still there with the same bytes.</summary>
    private string? KeptCopy(string sha256)
    {
        if (ledger.QuarantineCopy(sha256) is not { } copy || !File.Exists(copy)) return null;
        using var stream = File.OpenRead(copy);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream)) == sha256 ? copy : null;
    }

    /// <summary>Written atomically: whoever reads the quarantine (the archive team's scripts) never sees half a note.</summary>
    private static void WriteNote(string target, QuarantineNote note) =>
        AtomicFile.Write(target + ".error.json", System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(note, QuarantineNote.Json)));

    private void Archive(byte[] path, string relativeName, string sha256, OriginalHandling handling)
    {
        if (handling == OriginalHandling.Move) MoveInto(path, DataFolder.FreePath(data.Archive, relativeName, sha256));
    }

    private static void MoveInto(byte[] from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        NativeFiles.Rename(from, RawName.Bytes(to));
    }
}

/// <summary>
/// The &lt;name&gt;.error.json beside a quarantined file: what a user needs to act on it. <see cref="Sha256"/> is null
/// for an entry whose content was never read (a link, a FIFO, a file over the size limit); <see cref="OriginalName"/>
/// is the name as received when the store had to keep it under a safe one.
/// </summary>
public sealed record QuarantineNote(string File, string? Sha256, string Reason, string? Reader, DateTimeOffset Time, int Attempts, string? OriginalName = null)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
