using System.Data.Common;
using DuckDB.NET.Data;

namespace Extractor.Store.Query;

/// <summary>A query's answer, read in full: column names and rows of DuckDB values (null for SQL NULL).</summary>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>What DuckDB said about a query it could not run: a message for the user, no stack trace.</summary>
public sealed class StoreQueryException(string message) : Exception(message);

/// <summary>
/// The store as SQL: an in-memory DuckDB holding every outbox document in one table, with the auditors' views
/// (<see cref="StoreViews"/>) over it. The JSON files stay the single source of truth; what was read last time is
/// kept as Parquet in state/query/ (<see cref="QueryCache"/>, sealed by the outbox) so that opening reads only the
/// files that are new or changed since (by their size and time) and drops the ones that are gone. Once open, the
/// store is a sandbox (<see cref="QuerySandbox"/>): the SQL it runs reads and writes no file, and the cache it was
/// loaded from is never written again by this store, whatever that SQL does to the tables in memory.
/// </summary>
public sealed partial class FormStore : IDisposable
{
    private readonly DuckDBConnection _connection;

    private FormStore(DuckDBConnection connection) => _connection = connection;

    /// <summary>What the user should know of the outbox: files left out, values that could not be read.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>The forms in the views.</summary>
    public long Forms { get; private set; }

    /// <summary>The forms read from their JSON at this open (the others came from the cache).</summary>
    public int FormsRead { get; private set; }

    /// <summary>How long opening took: listing the outbox, the cache, the JSON read, the views.</summary>
    public TimeSpan ReadTime { get; private set; }

    /// <summary>
    /// Reads the outbox into the views and closes the sandbox. <paramref name="exportFolder"/> is the one folder
    /// <see cref="Export"/> may write into (null: no file at all).
    /// </summary>
    public static FormStore Open(DataFolder data, string? exportFolder = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var store = new FormStore(connection);
        try
        {
            store.Execute(QuerySandbox.NoExtensions);
            store.Execute(StoreViews.CreateDocumentsTable());
            var cache = new QueryCache(data, StoreViews.ShapeId());
            var cached = store.LoadCache(cache);
            var (removed, snapshot) = store.Refresh(OutboxFile.List(data));
            using (snapshot)
            {
                store.Warnings.AddRange(snapshot.Skipped.Select(f => $"{f}: no JSON object (damaged or stray file), left out of the views"));
                var exact = store.InsertSnapshot(snapshot);
                // A lossy read is not cached, so the warning comes back until the file is fixed.
                if (exact && (!cached || removed > 0 || snapshot.Forms > 0)) cache.Save(path => store.Execute($"COPY documents TO {StoreViews.Literal(path)} (FORMAT parquet)"));
                foreach (var view in StoreViews.CreateViews) store.Execute(view);
                store.FormsRead = snapshot.Forms;
            }
            store.Forms = Convert.ToInt64(store.Query("SELECT count(*) FROM documents").Rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
            store.Execute(QuerySandbox.Lock(exportFolder));
            store.ReadTime = clock.Elapsed;
            return store;
        }
        catch (StoreQueryException e)
        {
            store.Dispose();
            throw new StoreQueryException($"the store in {data.Outbox} cannot be read: {e.Message}");
        }
    }

    /// <summary>
    /// Makes the documents table match the outbox: drops the rows whose file is gone or changed, reads the files that
    /// have no row. Returns the rows dropped and the snapshot the new rows came from.
    /// </summary>
    private (long Removed, OutboxSnapshot Snapshot) Refresh(IReadOnlyList<OutboxFile> files)
    {
        Execute("CREATE TEMP TABLE listing (form_id VARCHAR, file_stamp VARCHAR)");
        using (var appender = _connection.CreateAppender("listing"))
            foreach (var file in files)
                appender.CreateRow().AppendValue(file.FormId).AppendValue(file.Stamp).EndRow();
        var removed = Execute("""
            DELETE FROM documents d
            WHERE NOT EXISTS (SELECT 1 FROM listing l WHERE l.form_id = d.form_id AND l.file_stamp = d.file_stamp)
            """);
        var fresh = Query("SELECT form_id FROM listing ANTI JOIN documents USING (form_id)").Rows.Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        Execute("DROP TABLE listing");
        return (removed, OutboxSnapshot.Take(files.Where(f => fresh.Contains(f.FormId)).ToList()));
    }

    /// <summary>
    /// Adds the snapshot's documents. A value of another type than the contract's (a hand-edited file) would stop
    /// the whole store; it is read as NULL instead, with a warning quoting DuckDB on the first one. False then.
    /// (DuckDB's line number counts within a parallel read's buffer, so it cannot name the file.)
    /// </summary>
    private bool InsertSnapshot(OutboxSnapshot snapshot)
    {
        if (snapshot.Forms == 0) return true;
        try
        {
            Execute(StoreViews.InsertSnapshot(snapshot.Path, strict: true));
            return true;
        }
        catch (StoreQueryException e)
        {
            Execute(StoreViews.InsertSnapshot(snapshot.Path, strict: false));
            var reason = SnapshotLine().Match(e.Message) is { Success: true } line ? line.Groups[1].Value : e.Message.Split('\n')[0];
            Warnings.Add($"the outbox holds a value of another type than the contract's ({reason}); such values read as empty");
            return false;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bline \d+: (.*)")]
    private static partial System.Text.RegularExpressions.Regex SnapshotLine();

    /// <summary>
    /// Loads the sealed cache into memory. One that was changed since it was sealed is left alone with a warning; one
    /// that cannot be read (damaged, half-copied) is ignored: everything is read from the JSON then.
    /// </summary>
    private bool LoadCache(QueryCache cache)
    {
        if (cache.Sealed(out var tampered) is not { } path)
        {
            if (tampered is not null)
                Warnings.Add($"{tampered}: the query cache is not the one {cache.SealPath} seals (changed outside extractor); it is ignored and the outbox read again");
            return false;
        }
        try
        {
            Execute($"INSERT INTO documents SELECT * FROM read_parquet({StoreViews.Literal(path)})");
            return true;
        }
        catch (StoreQueryException)
        {
            Execute("DELETE FROM documents");
            return false;
        }
    }

    /// <summary>
    /// Runs one SQL statement (or several; the last one's rows are returned), with named $parameters. Past
    /// <paramref name="timeout"/> DuckDB is interrupted, wherever it is: planning, running or handing rows over.
    /// </summary>
    public QueryResult Query(string sql, IReadOnlyDictionary<string, object?>? parameters = null, TimeSpan? timeout = null)
    {
        using var command = _connection.CreateCommand();
        using var deadline = new CancellationTokenSource(timeout ?? Timeout.InfiniteTimeSpan);
        using var interrupt = deadline.Token.Register(command.Cancel);
        try
        {
            command.CommandText = sql;
            foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
                command.Parameters.Add(new DuckDBParameter(name, value));
            using var reader = command.ExecuteReader();
            return Read(reader);
        }
        catch (Exception e) when (deadline.IsCancellationRequested && e is DuckDBException or OperationCanceledException)
        {
            throw new StoreQueryException($"the query was stopped after {timeout!.Value.TotalSeconds:0.###} s, its time limit (--timeout)");
        }
        catch (DuckDBException e)
        {
            throw new StoreQueryException(IsSandboxRefusal(e) ? $"{SandboxRefusal}: {e.Message.TrimEnd()}" : e.Message.TrimEnd());
        }
    }

    private const string SandboxRefusal = "refused: a query reads the store's views only (no file, URL, database file, extension or setting)";

    /// <summary>DuckDB's own words for the sandbox's refusals (its error type is not always set to Permission).</summary>
    private static bool IsSandboxRefusal(DuckDBException e) =>
        e.Message.StartsWith("Permission Error:", StringComparison.Ordinal) || e.Message.Contains("the configuration has been locked", StringComparison.Ordinal);

    /// <summary>
    /// Writes every view under <paramref name="folder"/>/&lt;view&gt;/year=YYYY/ (Hive layout: the year is in the
    /// folder name, not in the files) as Parquet or NDJSON, replacing what an earlier export left there.
    /// Returns the rows written per view.
    /// </summary>
    public IReadOnlyList<(string View, long Rows)> Export(string folder, ExportFormat format)
    {
        var written = new List<(string, long)>();
        foreach (var view in StoreViews.Names)
        {
            var target = Path.Combine(Path.GetFullPath(folder), view);
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.CreateDirectory(target);
            long rows = 0;
            if (format == ExportFormat.Parquet)
            {
                rows = Execute($"COPY (SELECT * FROM {view}) TO {StoreViews.Literal(target)} (FORMAT parquet, PARTITION_BY (year))");
            }
            else
            {
                // DuckDB partitions Parquet and CSV writes, not JSON ones: one COPY per year, in the layout and names DuckDB uses.
                foreach (var year in Query($"SELECT DISTINCT year FROM {view} ORDER BY year").Rows.Select(r => r[0]))
                {
                    var partition = Path.Combine(target, $"year={year ?? "__HIVE_DEFAULT_PARTITION__"}");
                    Directory.CreateDirectory(partition);
                    var filter = year is null ? "year IS NULL" : $"year = {year}";
                    rows += Execute($"COPY (SELECT * EXCLUDE (year) FROM {view} WHERE {filter}) TO {StoreViews.Literal(Path.Combine(partition, "data_0.ndjson"))} (FORMAT json)");
                }
            }
            written.Add((view, rows));
        }
        return written;
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>Runs a statement that returns no rows; the count it reports (rows copied, inserted).</summary>
    private long Execute(string sql)
    {
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteNonQuery();
        }
        catch (DuckDBException e)
        {
            throw new StoreQueryException(e.Message.TrimEnd());
        }
    }

    private static QueryResult Read(DbDataReader reader)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return new QueryResult(columns, rows);
    }
}

public enum ExportFormat { Parquet, Ndjson }
