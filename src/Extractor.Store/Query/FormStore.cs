using System.Data.Common;
using DuckDB.NET.Data;

namespace Extractor.Store.Query;

/// <summary>A query's answer, read in full: column names and rows of DuckDB values (null for SQL NULL).</summary>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>What DuckDB said about a query it could not run: a message for the user, no stack trace.</summary>
public sealed class StoreQueryException(string message) : Exception(message);

/// <summary>
/// The store as SQL: an in-memory DuckDB that reads outbox/*.json once, at open, into one table, with the
/// auditors' views (<see cref="StoreViews"/>) over it. The JSON files stay the single source of truth.
/// </summary>
public sealed class FormStore : IDisposable
{
    private readonly DuckDBConnection _connection;

    private FormStore(DuckDBConnection connection) => _connection = connection;

    /// <summary>The outbox's files that are no JSON object, left out of the views.</summary>
    public IReadOnlyList<string> Skipped { get; private set; } = [];

    public int Forms { get; private set; }

    /// <summary>How long reading the outbox took, the snapshot and DuckDB's load together.</summary>
    public TimeSpan ReadTime { get; private set; }

    public static FormStore Open(DataFolder data)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var store = new FormStore(connection);
        try
        {
            using var snapshot = OutboxSnapshot.Take(data);
            store.Execute(StoreViews.CreateDocuments(snapshot.Path));
            foreach (var view in StoreViews.CreateViews) store.Execute(view);
            (store.Skipped, store.Forms, store.ReadTime) = (snapshot.Skipped, snapshot.Forms, clock.Elapsed);
            return store;
        }
        catch (StoreQueryException e)
        {
            store.Dispose();
            throw new StoreQueryException($"the store in {data.Outbox} cannot be read: {e.Message}");
        }
    }

    /// <summary>Runs one SQL statement (or several; the last one's rows are returned), with named $parameters.</summary>
    public QueryResult Query(string sql, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
                command.Parameters.Add(new DuckDBParameter(name, value));
            using var reader = command.ExecuteReader();
            return Read(reader);
        }
        catch (DuckDBException e)
        {
            throw new StoreQueryException(e.Message.TrimEnd());
        }
    }

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
