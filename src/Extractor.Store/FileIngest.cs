using System.Diagnostics;
using System.Text.Json;
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
/// </summary>
public sealed class FileIngest(ExtractionPipeline pipeline, DataFolder data, Ledger.Ledger ledger, ILogger log)
{
    public IngestResult Ingest(string path, string relativeName, OriginalHandling handling, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        InputFile file;
        try
        {
            file = InputFile.Load(path);
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

        FileExtraction extraction;
        try
        {
            extraction = pipeline.Extract(file, cancellationToken);
        }
        catch (InputRejectedException e)
        {
            return Quarantine(path, relativeName, file, e.Reader, e.Reason, handling, clock);
        }
        catch (Exception e) when (e is not OperationCanceledException and not IOException)
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
        ledger.Prepare(file.Sha256, extraction.Kind.ToString(), outputs, archivePath, archivePath ?? Path.GetFullPath(path));
        if (archivePath is not null) MoveInto(path, archivePath);
        ledger.Complete(file.Sha256, relativeName, clock.Elapsed.TotalMilliseconds);

        var skipped = extraction.Skipped.Count == 0 ? "" : $"; skipped {string.Join("; ", extraction.Skipped.Select(s => $"form {s.Position}: {s.Reason}"))}";
        log.Information("{File}: {Forms} forms ({Kind}, {Checks} checks) in {Elapsed:0} ms{Skipped}",
            relativeName, extraction.Forms.Count, extraction.Kind, extraction.Forms.Sum(f => f.Checks.Count), clock.Elapsed.TotalMilliseconds, skipped);
        return new IngestResult(IngestStatus.Processed, null, extraction.Kind.ToString(), extraction.Forms);
    }

    /// <summary>
    /// What a crashed run left: temporary outputs whose writer is gone are removed (the complete file was never
    /// renamed into place); contents it had written and archived but not recorded are finished; the rest given back.
    /// A lost ledger is first rebuilt from the outbox and the quarantine notes (<see cref="Ledger.LedgerRebuild"/>).
    /// </summary>
    public void Recover()
    {
        Ledger.LedgerRebuild.IfLost(data, ledger, log);
        if (Directory.Exists(data.Outbox))
            foreach (var temp in Directory.EnumerateFiles(data.Outbox, ".*.tmp"))
                if (FormJson.TemporaryFileOwner(temp) is { } pid && !OwnerProcess.IsRunning(pid))
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
    /// Puts the original (worker) or a copy of it (import) into quarantine/ with its note. An import of content
    /// already there only renews that copy's note: importing again never adds a second copy.
    /// </summary>
    private IngestResult Quarantine(string path, string relativeName, InputFile file, string? kind, string reason, OriginalHandling handling, Stopwatch clock)
    {
        var kept = handling == OriginalHandling.Keep ? KeptCopy(file.Sha256) : null;
        var target = kept ?? DataFolder.FreePath(data.Quarantine, relativeName, file.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var error = new QuarantineNote(relativeName, file.Sha256, reason, kind, DateTimeOffset.UtcNow, ledger.Attempts(file.Sha256));
        File.WriteAllText(target + ".error.json", JsonSerializer.Serialize(error, QuarantineNote.Json));
        if (handling == OriginalHandling.Move) MoveInto(path, target);
        else if (kept is null) File.Copy(path, target, overwrite: true);
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

    private void Archive(string path, string relativeName, string sha256, OriginalHandling handling)
    {
        if (handling == OriginalHandling.Move) MoveInto(path, DataFolder.FreePath(data.Archive, relativeName, sha256));
    }

    private static void MoveInto(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Move(from, to);
    }
}

/// <summary>The &lt;name&gt;.error.json beside a quarantined file: what a user needs to act on it.</summary>
public sealed record QuarantineNote(string File, string Sha256, string Reason, string? Reader, DateTimeOffset Time, int Attempts)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
