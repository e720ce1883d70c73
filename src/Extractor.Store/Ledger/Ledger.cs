using Microsoft.Data.Sqlite;

namespace Extractor.Store.Ledger;

/// <summary>What the ledger knows of a content hash when a file of that content arrives.</summary>
public enum Claim { Claimed, Duplicate, Busy }

/// <summary>What became of one received file.</summary>
public static class Outcome
{
    public const string Processed = "processed";
    public const string Duplicate = "duplicate";
    public const string Quarantined = "quarantined";
}

public sealed record LedgerCounts(int Processed, int Duplicates, int Quarantined, int Forms, int Corrections);

/// <summary>A content being processed by a process that is gone: finished or not, recovery decides.</summary>
public sealed record StaleClaim(string Sha256, string Name, string? ArchivePath, string? Outputs);

/// <summary>
/// A content as the data folder still shows it when the ledger is lost (<see cref="LedgerRebuild"/>): processed with
/// its outbox documents, or quarantined with its copy and note.
/// </summary>
public sealed record KnownContent(string Sha256, string Status, string Name, int Forms, string? Outputs, string? Kind = null, string? Reason = null, int Attempts = 1, string? QuarantineCopy = null);

/// <summary>
/// The state/ ledger (SQLite, embedded), keyed by content SHA-256: one row per content (processing, processed or
/// quarantined, with its outputs) and one receipt per file received. It makes a second drop of the same content a
/// duplicate, and lets a restart finish what a crash interrupted. Worker and import share it, across processes.
/// </summary>
public sealed class Ledger
{
    private readonly string _connectionString;
    private static readonly int ProcessId = Environment.ProcessId;

    /// <summary>This process's run: a claim from an earlier process that had the same id is not ours.</summary>
    private static readonly string RunId = Guid.NewGuid().ToString("N");

    public Ledger(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS contents (
                sha256       TEXT PRIMARY KEY,
                status       TEXT NOT NULL,
                name         TEXT NOT NULL,
                kind         TEXT,
                forms        INTEGER NOT NULL DEFAULT 0,
                outputs      TEXT,
                archive_path TEXT,
                reason       TEXT,
                attempts     INTEGER NOT NULL DEFAULT 0,
                owner_pid    INTEGER,
                owner_run    TEXT,
                updated_at   TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS names (
                name       TEXT PRIMARY KEY,
                original   TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS receipts (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                name       TEXT NOT NULL,
                sha256     TEXT NOT NULL,
                outcome    TEXT NOT NULL,
                forms      INTEGER NOT NULL DEFAULT 0,
                elapsed_ms REAL,
                at         TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS corrections (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                form_id    TEXT NOT NULL,
                field      TEXT NOT NULL,
                from_value TEXT,
                to_value   TEXT,
                by         TEXT NOT NULL,
                note       TEXT,
                at         TEXT NOT NULL);
            """);
        AddColumn(connection, "contents", "stops", "INTEGER NOT NULL DEFAULT 0");
        AddColumn(connection, "contents", "stopped_reader", "TEXT");
        // Where the content's quarantine copy is, so it is never copied twice.
        AddColumn(connection, "contents", "quarantine_path", "TEXT");
        // Where its original is kept (archive/, or where import found it), for the review page's pictures.
        AddColumn(connection, "contents", "original_path", "TEXT");
    }

    /// <summary>Columns later versions added, added to a ledger an earlier version made.</summary>
    private static void AddColumn(SqliteConnection connection, string table, string column, string type)
    {
        using var read = Command(connection, $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = $column", ("$column", column));
        if (Convert.ToInt32(read.ExecuteScalar()) == 0) Execute(connection, $"ALTER TABLE {table} ADD COLUMN {column} {type};");
    }

    /// <summary>
    /// A read of the content that may take this process down (the file is read in-process) is counted before it
    /// starts and uncounted when it ends (<see cref="EndRead"/>): one that killed the whole worker is still counted at
    /// the next start, and seen at the content's next claim (<see cref="StopsSoFar"/>).
    /// </summary>
    public void BeginRead(string sha256)
    {
        using var connection = Open();
        Command(connection, "UPDATE contents SET stops = stops + 1, updated_at = $now WHERE sha256 = $sha", ("$sha", sha256), ("$now", Now())).ExecuteNonQuery();
    }

    /// <summary>The read counted by <see cref="BeginRead"/> ended with a result, or was stopped by the worker's own stop: it counts no more.</summary>
    public void EndRead(string sha256)
    {
        using var connection = Open();
        Command(connection, "UPDATE contents SET stops = MAX(stops - 1, 0), updated_at = $now WHERE sha256 = $sha", ("$sha", sha256), ("$now", Now())).ExecuteNonQuery();
    }

    /// <summary>The content's reader process was stopped (killed over a limit, or it crashed): counted, with the reason for the note.</summary>
    public void RecordStoppedReader(string sha256, string reason)
    {
        using var connection = Open();
        Command(connection, "UPDATE contents SET stops = stops + 1, stopped_reader = $reason, updated_at = $now WHERE sha256 = $sha", ("$sha", sha256), ("$reason", reason), ("$now", Now())).ExecuteNonQuery();
    }

    /// <summary>Times reading the content stopped its reader (or the whole worker), and the last reason a reader was stopped.</summary>
    public (int Stops, string? StoppedReader) StopsSoFar(string sha256)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT stops, stopped_reader FROM contents WHERE sha256 = $sha", ("$sha", sha256));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : (0, null);
    }

    /// <summary>A file received under a name the store could not keep (not UTF-8, control characters, too long): its original, printable.</summary>
    public void RecordOriginalName(string name, string original)
    {
        using var connection = Open();
        Command(connection, "INSERT INTO names (name, original) VALUES ($name, $original) ON CONFLICT (name) DO UPDATE SET original = $original",
            ("$name", name), ("$original", original)).ExecuteNonQuery();
    }

    /// <summary>The original of a name the store made safe, or null when the name is the one received.</summary>
    public string? OriginalName(string name)
    {
        using var connection = Open();
        return Command(connection, "SELECT original FROM names WHERE name = $name", ("$name", name)).ExecuteScalar() as string;
    }

    /// <summary>An inbox entry that is no file (a link, a FIFO, a device): quarantined as it is, with no content to key.</summary>
    public void RecordRefusedEntry(string name)
    {
        using var connection = Open();
        Receipt(connection, name, "", Outcome.Quarantined, 0);
    }

    /// <summary>True when the ledger knows no content at all: new, or lost and made again.</summary>
    public bool IsEmpty()
    {
        using var connection = Open();
        return Command(connection, "SELECT 1 FROM contents LIMIT 1").ExecuteScalar() is null;
    }

    /// <summary>
    /// Fills an empty ledger with what the data folder shows (one receipt per content, under the name it was
    /// received as). False when the ledger was not empty: another process restored or used it first.
    /// </summary>
    public bool Restore(IEnumerable<KnownContent> contents)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction(deferred: false);
        if (Command(connection, "SELECT 1 FROM contents LIMIT 1").ExecuteScalar() is not null) return false;
        foreach (var c in contents)
        {
            Command(connection, """
                INSERT INTO contents (sha256, status, name, kind, forms, outputs, reason, attempts, quarantine_path, updated_at)
                VALUES ($sha, $status, $name, $kind, $forms, $outputs, $reason, $attempts, $copy, $now)
                """, ("$sha", c.Sha256), ("$status", c.Status), ("$name", c.Name), ("$kind", (object?)c.Kind ?? DBNull.Value), ("$forms", c.Forms),
                ("$outputs", (object?)c.Outputs ?? DBNull.Value), ("$reason", (object?)c.Reason ?? DBNull.Value), ("$attempts", c.Attempts),
                ("$copy", (object?)c.QuarantineCopy ?? DBNull.Value), ("$now", Now())).ExecuteNonQuery();
            Receipt(connection, c.Name, c.Sha256, c.Status, 0);
        }
        tx.Commit();
        return true;
    }

    /// <summary>
    /// Takes the content for processing. Processed before → a duplicate; held by a live process → busy;
    /// new, quarantined before, or held by a process that died → claimed by this one.
    /// </summary>
    public Claim TryClaim(string sha256, string name)
    {
        using var connection = Open();
        // BEGIN IMMEDIATE: the read and the claim are one step for every thread and process sharing the ledger.
        using var tx = connection.BeginTransaction(deferred: false);
        string? status = null;
        var ownerAlive = false;
        using (var read = Command(connection, "SELECT status, owner_pid, owner_run FROM contents WHERE sha256 = $sha", ("$sha", sha256)))
        using (var reader = read.ExecuteReader())
            if (reader.Read())
            {
                status = reader.GetString(0);
                ownerAlive = !reader.IsDBNull(1) && IsAlive(reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            }

        if (status == Outcome.Processed) return Claim.Duplicate;
        if (status == "processing" && ownerAlive) return Claim.Busy;
        Command(connection, """
            INSERT INTO contents (sha256, status, name, attempts, owner_pid, owner_run, updated_at) VALUES ($sha, 'processing', $name, 1, $pid, $run, $now)
            ON CONFLICT (sha256) DO UPDATE SET status = 'processing', name = $name, attempts = attempts + 1, owner_pid = $pid, owner_run = $run, updated_at = $now
            """, ("$sha", sha256), ("$name", name), ("$pid", ProcessId), ("$run", RunId), ("$now", Now())).ExecuteNonQuery();
        tx.Commit();
        return Claim.Claimed;
    }

    /// <summary>
    /// Records the outputs written and where the original will be archived, before it is moved there; and where the
    /// original is kept from now on (the archive path, or where import found it; null for a name that is no UTF-8),
    /// for the review page's images.
    /// </summary>
    public void Prepare(string sha256, string kind, IReadOnlyList<string> outputs, string? archivePath, string? originalPath)
    {
        using var connection = Open();
        Command(connection, "UPDATE contents SET kind = $kind, forms = $forms, outputs = $outputs, archive_path = $archive, original_path = $original, updated_at = $now WHERE sha256 = $sha",
            ("$sha", sha256), ("$kind", kind), ("$forms", outputs.Count), ("$outputs", string.Join('\n', outputs)), ("$archive", (object?)archivePath ?? DBNull.Value),
            ("$original", (object?)originalPath ?? DBNull.Value), ("$now", Now())).ExecuteNonQuery();
    }

    /// <summary>Where the original of a processed content is kept (archive/ or where import found it); null when unknown.</summary>
    public string? OriginalPath(string sha256)
    {
        using var connection = Open();
        return Command(connection, "SELECT coalesce(original_path, archive_path) FROM contents WHERE sha256 = $sha AND status = 'processed'", ("$sha", sha256)).ExecuteScalar() as string;
    }

    /// <summary>Records a reviewer's correction of a form (the document holds it too; this is the audit log).</summary>
    public void RecordCorrection(string formId, string field, string? from, string? to, string by, string? note, string at)
    {
        using var connection = Open();
        Command(connection, "INSERT INTO corrections (form_id, field, from_value, to_value, by, note, at) VALUES ($form, $field, $from, $to, $by, $note, $at)",
            ("$form", formId), ("$field", field), ("$from", (object?)from ?? DBNull.Value), ("$to", (object?)to ?? DBNull.Value), ("$by", by),
            ("$note", (object?)note ?? DBNull.Value), ("$at", at)).ExecuteNonQuery();
    }

    /// <summary>The content is done: its JSON is in the outbox and its original archived.</summary>
    public void Complete(string sha256, string name, double elapsedMs)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        Command(connection, "UPDATE contents SET status = 'processed', stops = 0, stopped_reader = NULL, owner_pid = NULL, owner_run = NULL, reason = NULL, updated_at = $now WHERE sha256 = $sha", ("$sha", sha256), ("$now", Now())).ExecuteNonQuery();
        Receipt(connection, name, sha256, Outcome.Processed, elapsedMs);
        tx.Commit();
    }

    /// <summary>The content is quarantined; <paramref name="copy"/> is where its quarantine copy is.</summary>
    public void Quarantine(string sha256, string name, string? kind, string reason, double elapsedMs, string? copy = null)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        Command(connection, "UPDATE contents SET status = 'quarantined', stops = 0, stopped_reader = NULL, kind = $kind, reason = $reason, quarantine_path = coalesce($copy, quarantine_path), owner_pid = NULL, owner_run = NULL, updated_at = $now WHERE sha256 = $sha",
            ("$sha", sha256), ("$kind", (object?)kind ?? DBNull.Value), ("$reason", reason), ("$copy", (object?)copy ?? DBNull.Value), ("$now", Now())).ExecuteNonQuery();
        Receipt(connection, name, sha256, Outcome.Quarantined, elapsedMs);
        tx.Commit();
    }

    public void RecordDuplicate(string sha256, string name)
    {
        using var connection = Open();
        Receipt(connection, name, sha256, Outcome.Duplicate, 0);
    }

    /// <summary>Gives the content up (a stop or a transient failure) so the next attempt can claim it again.</summary>
    public void Release(string sha256)
    {
        using var connection = Open();
        Command(connection, "UPDATE contents SET status = 'pending', owner_pid = NULL, owner_run = NULL, updated_at = $now WHERE sha256 = $sha AND status = 'processing'",
            ("$sha", sha256), ("$now", Now())).ExecuteNonQuery();
    }

    /// <summary>Where the content's quarantine copy was put, if it was ever quarantined.</summary>
    public string? QuarantineCopy(string sha256)
    {
        using var connection = Open();
        return Command(connection, "SELECT quarantine_path FROM contents WHERE sha256 = $sha", ("$sha", sha256)).ExecuteScalar() as string;
    }

    public int Attempts(string sha256)
    {
        using var connection = Open();
        return Convert.ToInt32(Command(connection, "SELECT attempts FROM contents WHERE sha256 = $sha", ("$sha", sha256)).ExecuteScalar() ?? 0);
    }

    /// <summary>Contents claimed by processes no longer running.</summary>
    public IReadOnlyList<StaleClaim> StaleClaims()
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT sha256, name, archive_path, outputs, owner_pid, owner_run FROM contents WHERE status = 'processing'");
        using var reader = command.ExecuteReader();
        var stale = new List<StaleClaim>();
        while (reader.Read())
        {
            if (!reader.IsDBNull(4) && IsAlive(reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetString(5))) continue;
            stale.Add(new StaleClaim(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return stale;
    }

    public LedgerCounts Counts()
    {
        using var connection = Open();
        using var command = Command(connection, """
            SELECT
              (SELECT COUNT(*) FROM receipts WHERE outcome = 'processed'),
              (SELECT COUNT(*) FROM receipts WHERE outcome = 'duplicate'),
              (SELECT COUNT(*) FROM receipts WHERE outcome = 'quarantined'),
              (SELECT COALESCE(SUM(forms), 0) FROM contents WHERE status = 'processed'),
              (SELECT COUNT(*) FROM corrections)
            """);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new LedgerCounts(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4));
    }

    private void Receipt(SqliteConnection connection, string name, string sha256, string outcome, double elapsedMs) =>
        Command(connection, """
            INSERT INTO receipts (name, sha256, outcome, forms, elapsed_ms, at)
            VALUES ($name, $sha, $outcome, CASE WHEN $outcome = 'processed' THEN (SELECT forms FROM contents WHERE sha256 = $sha) ELSE 0 END, $ms, $now)
            """, ("$name", name), ("$sha", sha256), ("$outcome", outcome), ("$ms", elapsedMs), ("$now", Now())).ExecuteNonQuery();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 30000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O");

    /// <summary>The claiming process still runs: this run, or another live process.</summary>
    private static bool IsAlive(long pid, string? run)
    {
        if (pid == ProcessId) return run == RunId;
        return OwnerProcess.IsRunning(pid);
    }
}
